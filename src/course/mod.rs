//! The course pages: the map ([`LearnPage`]), lessons, exercises, quizzes
//! and the learner's progress. The content is `exercises/`, compiled in by
//! `looplab-course` (validated by its build script and tests) and read once
//! on the first course page; the checker runs in the page ([`checker`]).

mod checker;
mod exercise;
mod lesson;
mod map;
pub mod markdown;
mod progress_page;
mod quiz;

use std::rc::Rc;

use looplab_course::{Course, Lesson};
use yew::prelude::*;

use crate::progress::{Progress, Status};
use crate::route::Route;

use exercise::ExercisePage;
use lesson::LessonPage;
use map::LearnPage;
use progress_page::ProgressPage;
use quiz::QuizPage;

thread_local! {
    static COURSE: Result<Rc<Course>, String> =
        looplab_course::load(&looplab_course::embedded::files()).map(Rc::new).map_err(|e| e.to_string());
}

/// The course, parsed on first use.
fn course() -> Result<Rc<Course>, String> {
    COURSE.with(Clone::clone)
}

/// A page of the course, or the reason it cannot be shown.
fn page(testid: &'static str, class: &'static str, body: Html) -> Html {
    html! {
        <main class={classes!("course-page", class)} data-testid={testid}>{ body }</main>
    }
}

/// Shown instead of a page when the content is missing (an old link).
fn missing(what: &str) -> Html {
    html! {
        <main class="course-page">
            <div class="page-inner">
                <h1>{"Not found"}</h1>
                <p>{ format!("There is no {what} here. It may have been renamed.") }</p>
                <p><a class="link-btn" href={Route::Learn.href()}>{"Go to the course map"}</a></p>
            </div>
        </main>
    }
}

fn broken(why: &str) -> Html {
    html! {
        <main class="course-page"><div class="page-inner">
            <h1>{"The course could not be loaded"}</h1>
            <pre class="md-code">{ why.to_string() }</pre>
        </div></main>
    }
}

/// An exercise's state for marks: `passed`, `failed`, `started` or `todo`.
fn exercise_status(p: &Progress, id: &str) -> &'static str {
    p.exercise(id).map_or("todo", |e| e.status.as_str())
}

/// The mark drawn next to an exercise or quiz.
fn mark(status: &str) -> Html {
    let (symbol, label) = match status {
        "passed" => ("✓", "passed"),
        "failed" | "started" => ("◐", "in progress"),
        _ => ("○", "not started"),
    };
    html! { <span class={classes!("mark", status.to_string())} title={label} aria-label={label}>{ symbol }</span> }
}

/// A quiz's state for marks: `passed` when every answer was right.
fn quiz_status(p: &Progress, lesson: &str) -> &'static str {
    match p.quizzes.get(lesson) {
        Some(q) if q.total > 0 && q.score == q.total => "passed",
        Some(_) => "started",
        None => "todo",
    }
}

fn lesson_number(course: &Course, id: &str) -> usize {
    course.lessons.iter().position(|l| l.id == id).map_or(0, |i| i + 1)
}

/// The lesson's exercises and quiz, as links with marks.
fn practice(course: &Course, lesson: &Lesson, p: &Progress) -> Html {
    let exercises = lesson.exercises.iter().filter_map(|id| course.exercise(id)).map(|ex| {
        let status = exercise_status(p, &ex.id);
        html! {
            <li class="practice-item" data-status={status}>
                { mark(status) }
                <a href={Route::Exercise(ex.id.clone()).href()}>{ markdown::inline(&ex.title) }</a>
                <span class="kind">{"exercise"}</span>
            </li>
        }
    });
    let quiz = (!lesson.quiz.is_empty()).then(|| {
        let status = quiz_status(p, &lesson.id);
        let score = p.quizzes.get(&lesson.id).map(|q| format!("{} / {}", q.score, q.total));
        html! {
            <li class="practice-item" data-status={status}>
                { mark(status) }
                <a href={Route::Quiz(lesson.id.clone()).href()}>{ format!("Quiz: {} questions", lesson.quiz.len()) }</a>
                <span class="kind">{ score.unwrap_or_else(|| "quiz".into()) }</span>
            </li>
        }
    });
    html! { <ul class="practice">{ for exercises }{ for quiz }</ul> }
}

/// The `Course › Lesson N` trail at the top of a page.
fn crumbs(course: &Course, lesson: &Lesson, last: Option<&str>) -> Html {
    let n = lesson_number(course, &lesson.id);
    html! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <a href={Route::Learn.href()}>{"Course"}</a>
            <span aria-hidden="true">{"›"}</span>
            if let Some(last) = last {
                <a href={Route::Lesson(lesson.id.clone()).href()}>{ format!("Lesson {n}: {}", lesson.title) }</a>
                <span aria-hidden="true">{"›"}</span>
                <span>{ last.to_string() }</span>
            } else {
                <span>{ format!("Lesson {n}") }</span>
            }
        </nav>
    }
}

/// What the course page shows for `route`.
pub fn page_for(route: &Route) -> Html {
    html! { <Pages route={route.clone()} /> }
}

#[derive(Properties, PartialEq)]
struct PagesProps {
    route: Route,
}

/// The course's page for the route, under the notice that unreadable
/// progress was reset (read once, before any page reads it; it stays
/// until dismissed).
#[function_component]
fn Pages(props: &PagesProps) -> Html {
    let notice = use_state(|| crate::progress::load().1);
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| notice.set(None))
    };
    let body = match &props.route {
        Route::Learn => html! { <LearnPage /> },
        Route::Lesson(id) => html! { <LessonPage key={id.clone()} id={id.clone()} /> },
        Route::Exercise(id) => html! { <ExercisePage key={id.clone()} id={id.clone()} /> },
        Route::Quiz(id) => html! { <QuizPage key={id.clone()} id={id.clone()} /> },
        Route::Progress => html! { <ProgressPage /> },
        Route::NotFound(path) => missing(&format!("page `#/{path}`")),
        // The app sends playground routes to the playground's page.
        Route::Playground => Html::default(),
    };
    html! {
        <>
            if let Some(text) = (*notice).clone() {
                <div class="notice" role="alert" data-testid="storage-notice">
                    <span>{ text }</span>
                    <button class="notice-close" onclick={dismiss} aria-label="Dismiss">{"×"}</button>
                </div>
            }
            { body }
        </>
    }
}

/// Exercise statuses for a progress summary.
fn passed_count(course: &Course, p: &Progress) -> usize {
    course.exercises.iter().filter(|e| p.exercise(&e.id).is_some_and(|x| x.status == Status::Passed)).count()
}
