//! A lesson: the prose, with its examples drawn in place, next to one
//! runner. Each example has a Run button that loads it into the runner
//! and runs it; a picker above the runner switches between the examples.
//! One runner per page because the editor is one CodeMirror view per page.

use yew::prelude::*;

use super::{broken, course, crumbs, markdown, missing, practice};
use crate::progress;
use crate::route::Route;
use crate::runner::{use_driver, Runner};

#[derive(Properties, PartialEq)]
pub struct LessonProps {
    pub id: AttrValue,
}

#[function_component]
pub fn LessonPage(props: &LessonProps) -> Html {
    let driver = use_driver();
    // Which example the runner holds, and how many times one was loaded
    // (a new value remounts the runner with that example's code).
    let shown = use_state(|| (0usize, 0u32));
    let course = match course() {
        Ok(c) => c,
        Err(e) => return broken(&e),
    };
    let Some(pos) = course.lessons.iter().position(|l| l.id == props.id.as_str()) else {
        return missing("lesson with this name");
    };
    let lesson = &course.lessons[pos];
    let p = progress::load().0;

    let open = {
        let (shown, driver) = (shown.clone(), driver.clone());
        let sources: Vec<String> = lesson.examples.iter().map(|e| e.source.clone()).collect();
        move |i: usize, run: bool| {
            let (shown, driver, source) = (shown.clone(), driver.clone(), sources[i].clone());
            Callback::from(move |_: MouseEvent| {
                shown.set((i, shown.1 + 1));
                if run {
                    driver.start(&source);
                } else {
                    driver.stop();
                }
            })
        }
    };
    let example = |file: &str| -> Html {
        let Some(i) = lesson.examples.iter().position(|e| e.file == file) else {
            return Html::default();
        };
        let ex = &lesson.examples[i];
        let active = shown.0 == i;
        html! {
            <figure class={classes!("example", active.then_some("active"))} data-testid="example">
                <div class="example-head">
                    <span class="example-file">{ ex.file.clone() }</span>
                    if ex.raises { <span class="example-note">{"ends with an error on purpose"}</span> }
                    <button class="small-btn" data-testid="example-run" onclick={open(i, true)}
                        title="Load this example into the runner and run it">{"▶ Run it"}</button>
                </div>
                <pre class="example-code"><code>{ ex.source.trim_end().to_string() }</code></pre>
            </figure>
        }
    };
    let prose = markdown::render(&lesson.markdown, &example);
    let prev = pos.checked_sub(1).map(|i| &course.lessons[i]);
    let next = course.lessons.get(pos + 1);
    let current = lesson.examples.get(shown.0);
    html! {
        <main class="course-page split lesson-page" data-testid="lesson">
            <article class="prose-col">
                <div class="prose-inner">
                    { crumbs(&course, lesson, None) }
                    <div class="prose">{ prose }</div>
                    <section class="practice-box">
                        <h2>{"Practice"}</h2>
                        <p>{"Try what this lesson showed, then check yourself with the quiz."}</p>
                        { practice(&course, lesson, &p) }
                    </section>
                    <nav class="pager" aria-label="Lessons">
                        if let Some(prev) = prev {
                            <a class="pager-prev" href={Route::Lesson(prev.id.clone()).href()}>{ format!("← {}", prev.title) }</a>
                        }
                        if let Some(next) = next {
                            <a class="pager-next" href={Route::Lesson(next.id.clone()).href()}>{ format!("{} →", next.title) }</a>
                        }
                    </nav>
                </div>
            </article>
            if let Some(current) = current {
                <aside class="runner-col" aria-label="Runner">
                    if lesson.examples.len() > 1 {
                        <div class="picker" role="tablist" aria-label="Examples">
                            { for lesson.examples.iter().enumerate().map(|(i, e)| html! {
                                <button role="tab" class={classes!("pick", (shown.0 == i).then_some("active"))}
                                    aria-selected={(shown.0 == i).to_string()} onclick={open(i, false)}>{ e.file.clone() }</button>
                            }) }
                        </div>
                    }
                    <Runner key={format!("{}-{}", shown.0, shown.1)} driver={driver.clone()}
                        initial={AttrValue::from(current.source.clone())} file={AttrValue::from(current.file.clone())}
                        on_change={Callback::noop()} />
                </aside>
            }
        </main>
    }
}
