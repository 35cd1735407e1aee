//! The course map: every lesson in order (read or not) with its exercises
//! and quiz, each with its completion mark.

use yew::prelude::*;

use super::{broken, course, exercise_status, mark, markdown, page, passed_count, quiz_status};
use crate::progress;
use crate::route::Route;

#[function_component]
pub fn LearnPage() -> Html {
    let course = match course() {
        Ok(c) => c,
        Err(e) => return broken(&e),
    };
    let p = progress::load().0;
    let passed = passed_count(&course, &p);
    let total = course.exercises.len();
    let percent = if total == 0 { 0 } else { passed * 100 / total };
    // Where to go next: the first lesson not read or with an unfinished exercise.
    let next = course
        .lessons
        .iter()
        .find(|l| !p.read(&l.id) || l.exercises.iter().any(|id| !p.passed(id)))
        .unwrap_or(&course.lessons[0]);
    let started = passed > 0 || !p.exercises.is_empty() || !p.lessons.is_empty();
    let lessons = course.lessons.iter().enumerate().map(|(i, lesson)| {
        let items = lesson.exercises.iter().filter_map(|id| course.exercise(id)).map(|ex| {
            let status = exercise_status(&p, &ex.id);
            html! {
                <li class="map-item" data-testid="map-exercise" data-status={status}>
                    { mark(status) }
                    <a href={Route::Exercise(ex.id.clone()).href()}>{ markdown::inline(&ex.title) }</a>
                </li>
            }
        });
        let quiz = (!lesson.quiz.is_empty()).then(|| {
            let status = quiz_status(&p, &lesson.id);
            let score = p.quizzes.get(&lesson.id).map(|q| format!(" · {} / {}", q.score, q.total)).unwrap_or_default();
            html! {
                <li class="map-item map-quiz" data-testid="map-quiz" data-status={status}>
                    { mark(status) }
                    <a href={Route::Quiz(lesson.id.clone()).href()}>{ format!("Quiz ({} questions){score}", lesson.quiz.len()) }</a>
                </li>
            }
        });
        let done = lesson.exercises.iter().filter(|id| p.passed(id)).count();
        let read = p.read(&lesson.id);
        let complete = read && done == lesson.exercises.len() && quiz_status(&p, &lesson.id) == "passed";
        html! {
            <li class={classes!("map-lesson", complete.then_some("complete"))} data-testid="map-lesson" data-read={read.to_string()}>
                <div class="map-num" aria-hidden="true">{ if complete { "✓".to_string() } else { (i + 1).to_string() } }</div>
                <div class="map-body">
                    <a class="map-title" href={Route::Lesson(lesson.id.clone()).href()}>{ format!("{}. {}", i + 1, lesson.title) }</a>
                    <div class="map-meta">
                        <span class={classes!("read-mark", read.then_some("read"))} data-testid="map-read">{ if read { "✓ read" } else { "not read yet" } }</span>
                        { format!(" · {done} of {} exercises passed", lesson.exercises.len()) }
                    </div>
                    <ul class="map-items">{ for items }{ for quiz }</ul>
                </div>
            </li>
        }
    });
    page(
        "course-map",
        "map-page",
        html! {
            <div class="page-inner">
                <h1>{ course.title.clone() }</h1>
                <p class="lead">
                    { "Each lesson explains one idea with small programs you can run and watch. \
                       Then you practise: exercises are checked the moment you press Check, \
                       and a short quiz tells you what stuck. Your progress is saved in this browser." }
                </p>
                <div class="overall">
                    <div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow={percent.to_string()}>
                        <div class="bar-fill" style={format!("width: {percent}%")}></div>
                    </div>
                    <span data-testid="map-summary">{ format!("{passed} of {total} exercises passed") }</span>
                    <a class="link-btn primary" href={Route::Lesson(next.id.clone()).href()}>
                        { if started { format!("Continue: {}", next.title) } else { "Start the first lesson".to_string() } }
                    </a>
                </div>
                <ol class="map">{ for lessons }</ol>
            </div>
        },
    )
}
