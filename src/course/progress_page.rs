//! The progress page: every exercise and quiz with its state, and the
//! progress as a file — exported to hand to a teacher (it lists what was
//! passed and when) or to move to another browser, and imported back.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use super::{broken, course, exercise_status, mark, markdown, page, passed_count, quiz_status};
use crate::progress::{self, Progress};
use crate::route::Route;

/// Offers `text` as a download named `name`.
fn download(name: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let doc = web_sys::window()?.document()?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    doc.body()?.append_child(&a).ok()?;
    a.click();
    a.remove();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

/// The first file chosen in the input behind `e`.
fn chosen_file(e: &Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = e.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    input.set_value(""); // choosing the same file again fires `change` again
    file
}

#[function_component]
pub fn ProgressPage() -> Html {
    let progress = use_state(|| progress::load().0);
    let message = use_state(|| None::<(bool, String)>);
    let course = match course() {
        Ok(c) => c,
        Err(e) => return broken(&e),
    };
    let on_export = {
        let (course, progress) = (course.clone(), progress.clone());
        Callback::from(move |_: MouseEvent| {
            let now = progress::now_iso();
            let name = format!("looplab-progress-{}.json", now.get(..10).unwrap_or("today"));
            download(&name, &progress.export(&course, &now));
        })
    };
    let on_import = {
        let (progress, message) = (progress.clone(), message.clone());
        Callback::from(move |e: Event| {
            let Some(file) = chosen_file(&e) else { return };
            let (progress, message) = (progress.clone(), message.clone());
            spawn_local(async move {
                let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
                let result = match text {
                    None => Err("the file could not be read".to_string()),
                    Some(t) => progress::parse(&t),
                };
                match result {
                    Ok(imported) => {
                        let n = imported.exercises.len();
                        let q = imported.quizzes.len();
                        let l = imported.lessons.values().filter(|l| l.read_at.is_some()).count();
                        let merged = progress::update(|p: &mut Progress| p.merge(imported));
                        progress.set(merged);
                        message.set(Some((true, format!("Imported {l} lessons read, {n} exercises and {q} quizzes from {}.", file.name()))));
                    }
                    Err(why) => message.set(Some((false, format!("Nothing was imported: {why}.")))),
                }
            });
        })
    };
    let p = &*progress;
    let passed = passed_count(&course, p);
    let quizzes_done = course.lessons.iter().filter(|l| p.quizzes.contains_key(&l.id)).count();
    let lessons_read = course.lessons.iter().filter(|l| p.read(&l.id)).count();
    let rows = course.lessons.iter().enumerate().map(|(i, lesson)| {
        let exercises = lesson.exercises.iter().filter_map(|id| course.exercise(id)).map(|ex| {
            let status = exercise_status(p, &ex.id);
            let e = p.exercise(&ex.id);
            let when = e.and_then(|e| e.passed_at.as_deref()).map(|t| t.get(..16).unwrap_or(t).replace('T', " ")).unwrap_or_default();
            let checks = e.map(|e| e.checks).unwrap_or(0);
            let notes = e.map(|e| {
                let mut n = Vec::new();
                if e.hints > 0 {
                    n.push(format!("{} hint{}", e.hints, if e.hints == 1 { "" } else { "s" }));
                }
                if e.solution_shown {
                    n.push("saw the solution".to_string());
                }
                n.join(", ")
            });
            html! {
                <tr data-testid="progress-exercise" data-status={status}>
                    <td>{ mark(status) }</td>
                    <td><a href={Route::Exercise(ex.id.clone()).href()}>{ markdown::inline(&ex.title) }</a></td>
                    <td>{ status_text(status) }</td>
                    <td>{ when }</td>
                    <td class="num">{ checks }</td>
                    <td>{ notes.unwrap_or_default() }</td>
                </tr>
            }
        });
        let quiz = (!lesson.quiz.is_empty()).then(|| {
            let status = quiz_status(p, &lesson.id);
            let q = p.quizzes.get(&lesson.id);
            html! {
                <tr data-testid="progress-quiz" data-status={status}>
                    <td>{ mark(status) }</td>
                    <td><a href={Route::Quiz(lesson.id.clone()).href()}>{ format!("Quiz ({} questions)", lesson.quiz.len()) }</a></td>
                    <td>{ q.map_or("not taken".to_string(), |q| format!("{} / {}", q.score, q.total)) }</td>
                    <td>{ q.map(|q| q.at.get(..16).unwrap_or(&q.at).replace('T', " ")).unwrap_or_default() }</td>
                    <td></td><td></td>
                </tr>
            }
        });
        html! {
            <>
                <tr class="lesson-row" data-testid="progress-lesson" data-read={p.read(&lesson.id).to_string()}>
                    <th colspan="6">
                        <a href={Route::Lesson(lesson.id.clone()).href()}>{ format!("{}. {}", i + 1, lesson.title) }</a>
                        <span class="lesson-state">{ lesson_state(p, lesson) }</span>
                    </th>
                </tr>
                { for exercises }
                { for quiz }
            </>
        }
    });
    page(
        "progress",
        "progress-page",
        html! {
            <div class="page-inner">
                <h1>{"Your progress"}</h1>
                <div class="stats">
                    <div class="stat"><strong data-testid="progress-read">{ format!("{lessons_read} / {}", course.lessons.len()) }</strong><span>{"lessons read"}</span></div>
                    <div class="stat"><strong data-testid="progress-passed">{ format!("{passed} / {}", course.exercises.len()) }</strong><span>{"exercises passed"}</span></div>
                    <div class="stat"><strong>{ format!("{quizzes_done} / {}", course.lessons.iter().filter(|l| !l.quiz.is_empty()).count()) }</strong><span>{"quizzes taken"}</span></div>
                </div>
                <section class="file-box">
                    <h2>{"Save it as a file"}</h2>
                    <p>{"Your progress lives in this browser. Export it to keep a copy, to continue in another browser, or to show a teacher what you have passed and when; import a file to bring progress back (nothing you have passed is lost)."}</p>
                    <div class="file-buttons">
                        <button class="btn-solid" data-testid="export" onclick={on_export}>{"Export progress"}</button>
                        <label class="btn-outline">
                            {"Import a file…"}
                            <input type="file" accept=".json,application/json" data-testid="import" class="visually-hidden" onchange={on_import} />
                        </label>
                    </div>
                    if let Some((ok, text)) = &*message {
                        <p class={classes!("import-result", if *ok { "ok" } else { "bad" })} data-testid="import-result" role="status">{ text.clone() }</p>
                    }
                </section>
                <div class="progress-table-wrap">
                <table class="progress-table">
                    <thead><tr><th></th><th>{"Exercise or quiz"}</th><th>{"State"}</th><th>{"Passed (UTC)"}</th><th class="num">{"Checks"}</th><th>{"Help used"}</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                </div>
            </div>
        },
    )
}

/// "read on 2026-12-01 · ran 2 of 3 examples".
fn lesson_state(p: &Progress, lesson: &looplab_course::Lesson) -> String {
    let l = p.lessons.get(&lesson.id);
    let read = match l.and_then(|l| l.read_at.as_deref()) {
        Some(at) => format!("read on {}", at.get(..10).unwrap_or(at)),
        None => "not read yet".to_string(),
    };
    let ran = l.map_or(0, |l| lesson.examples.iter().filter(|e| l.examples_run.contains(&e.file)).count());
    match lesson.examples.len() {
        0 => read,
        n => format!("{read} · ran {ran} of {n} examples"),
    }
}

fn status_text(status: &str) -> &'static str {
    match status {
        "passed" => "passed",
        "failed" => "not passed yet",
        "started" => "started",
        _ => "not started",
    }
}
