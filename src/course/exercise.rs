//! An exercise: the task and its numbered steps next to a runner holding
//! the learner's code. Check runs the code on the checker (in slices, so
//! the page stays responsive) and shows the verdict in the learner's
//! terms; the runner also plays the run so they can watch it. Hints come
//! one at a time; the solution after a few failed checks, or on request.

use std::rc::Rc;

use looplab_course::{Exercise, Outcome};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{broken, checker, course, crumbs, markdown, missing, practice};
use crate::editor::goto_line;
use crate::progress::{self, ExerciseProgress, Status};
use crate::route::Route;
use crate::runner::{use_driver, Runner, Seek};

/// The verdict of the last Check, as drawn.
#[derive(Clone, PartialEq)]
struct Verdict {
    passed: bool,
    outcomes: Vec<Outcome>,
}

#[derive(Properties, PartialEq)]
pub struct ExerciseProps {
    pub id: AttrValue,
}

/// The learner's saved state for `ex` (their code, or the starter).
fn saved(ex: &Exercise) -> ExerciseProgress {
    progress::load().0.exercise(&ex.id).cloned().unwrap_or_else(|| ExerciseProgress::new(ex.starter.clone()))
}

/// Saves a change to this exercise's progress and returns the new state.
fn save(ex: &Exercise, f: impl FnOnce(&mut ExerciseProgress)) -> ExerciseProgress {
    let mut out = None;
    progress::update(|p| {
        let e = p.exercises.entry(ex.id.clone()).or_insert_with(|| ExerciseProgress::new(ex.starter.clone()));
        f(e);
        out = Some(e.clone());
    });
    out.unwrap_or_else(|| ExerciseProgress::new(ex.starter.clone()))
}

#[function_component]
pub fn ExercisePage(props: &ExerciseProps) -> Html {
    let driver = use_driver();
    let course = course();
    let ex: Option<Rc<Exercise>> = course.as_ref().ok().and_then(|c| c.exercise(&props.id)).cloned().map(Rc::new);
    let state = {
        let ex = ex.clone();
        use_state(move || ex.as_deref().map(saved))
    };
    let code = {
        let initial = state.as_ref().map(|s| s.code.clone()).unwrap_or_default();
        use_mut_ref(move || initial)
    };
    // Bumped to remount the runner with new code (reset, load solution).
    let generation = use_state(|| 0u32);
    let verdict = use_state(|| None::<Verdict>);
    let checking = use_state(|| false);
    // The moment of the verdict the learner asked to see on the timeline.
    let seek = use_state(|| None::<Seek>);
    // A new verdict is scrolled into view: the steps above may be long.
    let result_ref = use_node_ref();
    {
        let (result_ref, done) = (result_ref.clone(), !*checking && verdict.is_some());
        use_effect_with(done, move |done| {
            if let (true, Some(el)) = (*done, result_ref.cast::<web_sys::Element>()) {
                el.scroll_into_view();
            }
        });
    }

    let course = match course {
        Ok(c) => c,
        Err(e) => return broken(&e),
    };
    let (Some(ex), Some(st)) = (ex, (*state).clone()) else {
        return missing("exercise with this name");
    };
    let Some(lesson) = course.lessons.iter().find(|l| l.id == ex.lesson) else {
        return missing("lesson for this exercise");
    };
    let number = lesson.exercises.iter().position(|id| *id == ex.id).map_or(1, |i| i + 1);

    let on_change = {
        let (ex, code, state) = (ex.clone(), code.clone(), state.clone());
        Callback::from(move |text: String| {
            *code.borrow_mut() = text.clone();
            state.set(Some(save(&ex, |e| e.code = text)));
        })
    };
    let on_check = {
        let (ex, code, state, verdict, checking, driver) =
            (ex.clone(), code.clone(), state.clone(), verdict.clone(), checking.clone(), driver.clone());
        Callback::from(move |_: MouseEvent| {
            if *checking {
                return;
            }
            let source = code.borrow().clone();
            // The runner plays the same program, so the verdict can be seen.
            driver.start(&source);
            checking.set(true);
            let (ex, state, verdict, checking) = (ex.clone(), state.clone(), verdict.clone(), checking.clone());
            spawn_local(async move {
                let report = checker::check(&ex, &source).await;
                let passed = report.passed;
                let now = progress::now_iso();
                state.set(Some(save(&ex, |e| {
                    e.code = source;
                    e.checks += 1;
                    if passed {
                        e.status = Status::Passed;
                        e.passed_at.get_or_insert(now);
                    } else {
                        e.failed += 1;
                        if e.status != Status::Passed {
                            e.status = Status::Failed;
                        }
                    }
                })));
                verdict.set(Some(Verdict { passed, outcomes: report.outcomes }));
                checking.set(false);
            });
        })
    };
    let on_hint = {
        let (ex, state) = (ex.clone(), state.clone());
        let total = ex.hints.len() as u32;
        Callback::from(move |_: MouseEvent| state.set(Some(save(&ex, |e| e.hints = (e.hints + 1).min(total)))))
    };
    let on_solution = {
        let (ex, state) = (ex.clone(), state.clone());
        Callback::from(move |_: MouseEvent| state.set(Some(save(&ex, |e| e.solution_shown = true))))
    };
    let replace_code = |text: String| {
        let (ex, code, state, generation, verdict, driver) =
            (ex.clone(), code.clone(), state.clone(), generation.clone(), verdict.clone(), driver.clone());
        Callback::from(move |_: MouseEvent| {
            driver.stop();
            *code.borrow_mut() = text.clone();
            let text = text.clone();
            state.set(Some(save(&ex, |e| e.code = text)));
            verdict.set(None);
            generation.set(*generation + 1);
        })
    };
    let show_moment = {
        let seek = seek.clone();
        Callback::from(move |t: f64| {
            let request = seek.map_or(0, |s| s.request + 1);
            seek.set(Some(Seek { t, request }));
            // The timeline may be below the fold: under the prose on a
            // phone, at the bottom of the runner's column on a short laptop.
            let viz = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(".runner-col .viz").ok().flatten());
            if let Some(el) = viz {
                el.scroll_into_view_with_bool(false);
            }
        })
    };
    let on_reset = replace_code(ex.starter.clone());
    let on_load_solution = replace_code(ex.solution.clone());

    let hints_shown = (st.hints as usize).min(ex.hints.len());
    let solution_ready = st.failed >= ex.solution_after;
    let next_ex = lesson.exercises.get(number).and_then(|id| course.exercise(id));
    let status = st.status.as_str();

    html! {
        <main class="course-page split exercise-page" data-testid="exercise" data-status={status}>
            <article class="prose-col">
                <div class="prose-inner">
                    { crumbs(&course, lesson, Some(&format!("Exercise {number} of {}", lesson.exercises.len()))) }
                    <header class="ex-head">
                        <h1>{ markdown::inline(&ex.title) }</h1>
                        { status_badge(&st) }
                    </header>
                    <div class="prose">{ markdown::prose(&ex.intro) }</div>
                    <h2 class="sub">{"Steps"}</h2>
                    <ol class="steps">
                        { for ex.steps.iter().map(|s| html! { <li>{ markdown::inline(s) }</li> }) }
                    </ol>
                    <p class="how">{"Edit the code on the right. "}<kbd>{"▶ Run"}</kbd>{" to watch it, "}<kbd>{"✓ Check"}</kbd>{" when you think it is right."}</p>
                    <div ref={result_ref}>
                        if *checking {
                            <div class="result checking" aria-live="polite">{"Checking your program…"}</div>
                        } else if let Some(v) = &*verdict {
                            { result(&ex, v, &show_moment) }
                        }
                    </div>
                    <section class="help">
                        if hints_shown > 0 {
                            <ol class="hints">
                                { for ex.hints[..hints_shown].iter().enumerate().map(|(i, h)| html! {
                                    <li class="hint-text" data-testid="hint-text"><span class="hint-label">{ format!("Hint {}", i + 1) }</span>{ markdown::inline(h) }</li>
                                }) }
                            </ol>
                        }
                        <div class="help-buttons">
                            <button class="small-btn" data-testid="hint" onclick={on_hint} disabled={hints_shown == ex.hints.len()}>
                                { if hints_shown == ex.hints.len() { "No more hints".to_string() }
                                  else { format!("Show a hint ({} of {})", hints_shown + 1, ex.hints.len()) } }
                            </button>
                            if !st.solution_shown {
                                <button class={classes!("small-btn", solution_ready.then_some("ready"))} data-testid="show-solution" onclick={on_solution}>
                                    { if solution_ready { "Stuck? Show the solution" } else { "Show the solution" } }
                                </button>
                            }
                        </div>
                        if st.solution_shown {
                            <div class="solution" data-testid="solution">
                                <div class="example-head">
                                    <span class="example-file">{"solution.py"}</span>
                                    <button class="small-btn" data-testid="load-solution" onclick={on_load_solution}>{"Put it in the editor"}</button>
                                </div>
                                <pre class="example-code"><code>{ ex.solution.trim_end().to_string() }</code></pre>
                            </div>
                        }
                    </section>
                    <section class="practice-box">
                        <h2>{"In this lesson"}</h2>
                        { practice(&course, lesson, &progress::load().0) }
                    </section>
                    <nav class="pager" aria-label="Exercises">
                        <a class="pager-prev" href={Route::Lesson(lesson.id.clone()).href()}>{ format!("← Back to the lesson") }</a>
                        if let Some(n) = next_ex {
                            <a class="pager-next" href={Route::Exercise(n.id.clone()).href()}>{ format!("Next: {} →", n.title) }</a>
                        } else if !lesson.quiz.is_empty() {
                            <a class="pager-next" href={Route::Quiz(lesson.id.clone()).href()}>{"Take the quiz →"}</a>
                        }
                    </nav>
                </div>
            </article>
            <aside class="runner-col" aria-label="Your code">
                <Runner key={*generation} driver={driver.clone()} initial={AttrValue::from(code.borrow().clone())}
                    file={AttrValue::from(format!("{}.py", ex.id))} {on_change} seek={*seek}>
                    <button class="btn check" data-testid="check" onclick={on_check} disabled={*checking} title="Check your program">
                        { if *checking { "Checking…" } else { "✓ Check" } }
                    </button>
                    <button class="btn" data-testid="reset" onclick={on_reset} title="Go back to the starting code">{"Reset"}</button>
                </Runner>
            </aside>
        </main>
    }
}

fn status_badge(st: &ExerciseProgress) -> Html {
    let text = match (st.status, &st.passed_at) {
        (Status::Passed, Some(at)) => format!("✓ Passed on {}", at.get(..10).unwrap_or(at)),
        (Status::Passed, None) => "✓ Passed".to_string(),
        (Status::Failed, _) => format!("{} check{} so far", st.checks, if st.checks == 1 { "" } else { "s" }),
        (Status::Started, _) => "Not checked yet".to_string(),
    };
    html! { <span class={classes!("badge", st.status.as_str())} data-testid="exercise-status" data-status={st.status.as_str()}>{ text }</span> }
}

/// The verdict: what failed first, in the learner's terms, then every check.
/// The moment it is about is a button that shows it on the timeline.
fn result(ex: &Exercise, v: &Verdict, show_moment: &Callback<f64>) -> Html {
    let status = if v.passed { "pass" } else { "fail" };
    let first = v.outcomes.iter().find(|o| !o.passed);
    let list = v.outcomes.iter().map(|o| {
        html! {
            <li class={classes!("outcome", if o.passed { "ok" } else { "bad" })}>
                <span class="outcome-mark" aria-hidden="true">{ if o.passed { "✓" } else { "✗" } }</span>
                <span>{ o.what.clone() }</span>
            </li>
        }
    });
    html! {
        <section class={classes!("result", status)} data-testid="check-result" data-status={status} aria-live="polite">
            if let Some(f) = first {
                <h2 class="result-title">{"Not yet: "}{ f.what.clone() }</h2>
                <p class="result-detail" data-testid="check-detail">{ markdown::inline(&f.detail) }</p>
                <p class="result-where">
                    if let Some(t) = f.at {
                        <button class="chip chip-link" data-testid="check-moment" data-t={t.to_string()}
                            title="Show this moment on the timeline" onclick={show_moment.reform(move |_: MouseEvent| t)}>
                            { format!("▶ see it at {}", looplab_course::model::secs(t)) }
                        </button>
                    }
                    if let Some(line) = f.line {
                        <button class="chip chip-link" data-testid="check-line" title="Show this line in the editor"
                            onclick={Callback::from(move |_: MouseEvent| goto_line(line as usize))}>{ format!("line {line}") }</button>
                    }
                </p>
            } else {
                <h2 class="result-title">{"✓ Passed — every check is happy"}</h2>
                <div class="result-detail prose">{ markdown::prose(&ex.explanation) }</div>
            }
            <ul class="outcomes">{ for list }</ul>
        </section>
    }
}
