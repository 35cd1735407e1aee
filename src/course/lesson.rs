//! A lesson: the prose, with its examples drawn in place, next to one
//! runner. Each example has a Run button that loads it into the runner
//! and runs it; a picker above the runner switches between the examples.
//! One runner per page because the editor is one CodeMirror view per page.
//!
//! Progress records the lesson as read once its end has been on screen,
//! and each example the learner ran (see `progress::LessonProgress`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
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
    let read = use_state(|| progress::load().0.read(&props.id));
    let end_ref = use_node_ref();
    use_reached(end_ref.clone(), !*read, {
        let (id, read) = (props.id.clone(), read.clone());
        move || {
            progress::update(|p| p.mark_read(&id, &progress::now_iso()));
            read.set(true);
        }
    });
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
        let (lesson_id, files): (String, Vec<String>) = (lesson.id.clone(), lesson.examples.iter().map(|e| e.file.clone()).collect());
        move |i: usize, run: bool| {
            let (shown, driver, source) = (shown.clone(), driver.clone(), sources[i].clone());
            let (lesson_id, file) = (lesson_id.clone(), files[i].clone());
            Callback::from(move |_: MouseEvent| {
                shown.set((i, shown.1 + 1));
                if run {
                    progress::update(|p| p.mark_example_run(&lesson_id, &file));
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
    // Running the shown example from the runner's own Run counts too.
    let on_runner_run = {
        let (lesson_id, file) = (lesson.id.clone(), current.map(|e| e.file.clone()).unwrap_or_default());
        Callback::from(move |()| {
            progress::update(|p| p.mark_example_run(&lesson_id, &file));
        })
    };
    html! {
        <main class="course-page split lesson-page" data-testid="lesson">
            <article class="prose-col">
                <div class="prose-inner">
                    { crumbs(&course, lesson, None) }
                    <div class="prose">{ prose }</div>
                    <section class="practice-box" ref={end_ref} data-testid="lesson-end" data-read={read.to_string()}>
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
                        on_change={Callback::noop()} on_run={on_runner_run} />
                </aside>
            }
        </main>
    }
}

/// Calls `reached` once the element behind `end` has come on screen
/// (right away, or after some scrolling of the page or of its column),
/// while `watch` holds.
#[hook]
fn use_reached(end: NodeRef, watch: bool, reached: impl Fn() + 'static) {
    use_effect_with(watch, move |&watch| {
        let done = std::cell::Cell::new(!watch);
        let check = move || {
            let (Some(el), Some(w)) = (end.cast::<web_sys::Element>(), web_sys::window()) else { return };
            let height = w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
            let r = el.get_bounding_client_rect();
            if !done.get() && r.height() > 0.0 && r.top() < height {
                done.set(true);
                reached();
            }
        };
        check();
        // Scroll events do not bubble; a capturing listener on the window
        // hears every scrolling box (the page on phones, the column on laptops).
        let listener = Closure::<dyn FnMut()>::new(check);
        let window = web_sys::window();
        if let (Some(w), true) = (&window, watch) {
            let _ = w.add_event_listener_with_callback_and_bool("scroll", listener.as_ref().unchecked_ref(), true);
        }
        move || {
            if let Some(w) = window {
                let _ = w.remove_event_listener_with_callback_and_bool("scroll", listener.as_ref().unchecked_ref(), true);
            }
        }
    });
}
