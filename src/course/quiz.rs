//! A lesson's quiz: multiple choice and predict-the-output questions,
//! scored together. A predict question's right answer is what the engine
//! prints for its code, computed here (the build's validation made sure
//! the code ends cleanly and, with options, that exactly one matches).

use std::collections::BTreeMap;
use std::rc::Rc;

use looplab_course::validate::normalise;
use looplab_course::{Lesson, Question, QuestionKind};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{broken, checker, course, crumbs, markdown, missing};
use crate::progress::{self, Answer, QuizProgress};
use crate::route::Route;

/// One question's grade.
#[derive(Clone, PartialEq)]
struct Grade {
    correct: bool,
    /// The right answer as shown to the learner.
    right: String,
}

/// Grades every answer; predict questions run their code first.
async fn grade(lesson: &Lesson, answers: &BTreeMap<String, Answer>) -> Vec<Grade> {
    let mut out = Vec::new();
    for q in &lesson.quiz {
        let given = answers.get(&q.id);
        let g = match &q.kind {
            QuestionKind::Choice { options, answer } => {
                Grade { correct: given == Some(&Answer::Option(*answer)), right: options[*answer].clone() }
            }
            QuestionKind::Predict { code, options } => match checker::predicted_output(code).await {
                Err(why) => Grade { correct: false, right: format!("(the engine could not run this: {why})") },
                Ok(printed) => {
                    let correct = match (options, given) {
                        (Some(opts), Some(Answer::Option(i))) => opts.get(*i).is_some_and(|o| normalise(o) == printed),
                        (None, Some(Answer::Text(t))) => normalise(t.trim_start_matches('\n')) == printed,
                        _ => false,
                    };
                    Grade { correct, right: printed }
                }
            },
        };
        out.push(g);
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct QuizProps {
    pub id: AttrValue,
}

#[function_component]
pub fn QuizPage(props: &QuizProps) -> Html {
    let course = course();
    let lesson: Option<Rc<Lesson>> =
        course.as_ref().ok().and_then(|c| c.lessons.iter().find(|l| l.id == props.id.as_str())).cloned().map(Rc::new);
    let saved = use_memo(props.id.clone(), |id| progress::load().0.quizzes.get(id.as_str()).cloned());
    let answers = {
        let saved = saved.clone();
        use_state(move || saved.as_ref().as_ref().map(|q| q.answers.clone()).unwrap_or_default())
    };
    let grades = use_state(|| None::<Vec<Grade>>);
    let grading = use_state(|| false);

    let submit = {
        let (lesson, answers, grades, grading) = (lesson.clone(), answers.clone(), grades.clone(), grading.clone());
        Callback::from(move |record: bool| {
            let Some(lesson) = lesson.clone() else { return };
            if *grading {
                return;
            }
            grading.set(true);
            let (answers, grades, grading) = ((*answers).clone(), grades.clone(), grading.clone());
            spawn_local(async move {
                let g = grade(&lesson, &answers).await;
                if record {
                    let score = g.iter().filter(|g| g.correct).count() as u32;
                    let q = QuizProgress { answers, score, total: g.len() as u32, at: progress::now_iso() };
                    progress::update(|p| {
                        p.quizzes.insert(lesson.id.clone(), q);
                    });
                }
                grades.set(Some(g));
                grading.set(false);
            });
        })
    };
    // A quiz taken before shows its answers graded again.
    {
        let (submit, had) = (submit.clone(), saved.is_some());
        use_effect_with((), move |_| {
            if had {
                submit.emit(false);
            }
        });
    }

    let course = match course {
        Ok(c) => c,
        Err(e) => return broken(&e),
    };
    let Some(lesson) = lesson else {
        return missing("quiz with this name");
    };
    let pick = Picker { answers: answers.clone(), grades: grades.clone() };
    let total = lesson.quiz.len();
    let answered = lesson.quiz.iter().filter(|q| answers.contains_key(&q.id)).count();
    let score = grades.as_ref().map(|g| g.iter().filter(|g| g.correct).count());
    let questions = lesson.quiz.iter().enumerate().map(|(i, q)| {
        let grade = grades.as_ref().and_then(|g| g.get(i));
        question(q, i, total, answers.get(&q.id), grade, &pick)
    });
    let on_submit = submit.reform(|_: MouseEvent| true);
    let on_retry = {
        let (answers, grades) = (answers.clone(), grades.clone());
        Callback::from(move |_: MouseEvent| {
            answers.set(BTreeMap::new());
            grades.set(None);
        })
    };
    let pos = course.lessons.iter().position(|l| l.id == lesson.id).unwrap_or(0);
    let next = course.lessons.get(pos + 1);
    html! {
        <main class="course-page quiz-page" data-testid="quiz">
            <div class="page-inner">
                { crumbs(&course, &lesson, Some("Quiz")) }
                <h1>{ format!("Quiz: {}", lesson.title) }</h1>
                <p class="lead">{ format!("{total} questions. Pick an answer for each (for \"what does this print\", work it out before running anything), then check them all at once.") }</p>
                { for questions }
                <div class="quiz-actions">
                    <button class="btn-solid" data-testid="quiz-submit" onclick={on_submit} disabled={*grading}>
                        { if *grading { "Checking…".to_string() } else { format!("Check my answers ({answered} of {total} answered)") } }
                    </button>
                    if let Some(score) = score {
                        <div class={classes!("quiz-result", (score == total).then_some("perfect"))} data-testid="quiz-result" data-score={score.to_string()} data-total={total.to_string()}>
                            <strong>{ format!("You scored {score} / {total}") }</strong>
                            <span>{ if score == total { " — all right!" } else { " — read the explanations, then try again." } }</span>
                            <button class="small-btn" onclick={on_retry}>{"Try again"}</button>
                        </div>
                    }
                </div>
                <nav class="pager" aria-label="Lessons">
                    <a class="pager-prev" href={Route::Lesson(lesson.id.clone()).href()}>{"← Back to the lesson"}</a>
                    if let Some(n) = next {
                        <a class="pager-next" href={Route::Lesson(n.id.clone()).href()}>{ format!("Next lesson: {} →", n.title) }</a>
                    } else {
                        <a class="pager-next" href={Route::Progress.href()}>{"See your progress →"}</a>
                    }
                </nav>
            </div>
        </main>
    }
}

/// Records an answer (and clears the grades: they were for other answers).
#[derive(Clone)]
struct Picker {
    answers: UseStateHandle<BTreeMap<String, Answer>>,
    grades: UseStateHandle<Option<Vec<Grade>>>,
}

impl Picker {
    fn set(&self, qid: &str, a: Answer) {
        let mut next = (*self.answers).clone();
        next.insert(qid.to_string(), a);
        self.answers.set(next);
        self.grades.set(None);
    }
}

fn question(q: &Question, i: usize, total: usize, given: Option<&Answer>, grade: Option<&Grade>, pick: &Picker) -> Html {
    let status = grade.map(|g| if g.correct { "right" } else { "wrong" });
    let options = match &q.kind {
        QuestionKind::Choice { options, .. } | QuestionKind::Predict { options: Some(options), .. } => Some(options),
        QuestionKind::Predict { options: None, .. } => None,
    };
    let code = match &q.kind {
        QuestionKind::Predict { code, .. } => Some(code.trim_matches('\n').to_string()),
        QuestionKind::Choice { .. } => None,
    };
    let mono = matches!(q.kind, QuestionKind::Predict { .. });
    let answer_input = match options {
        Some(opts) => html! {
            <div class="options" role="radiogroup" aria-label={format!("Question {}", i + 1)}>
                { for opts.iter().enumerate().map(|(k, o)| {
                    let chosen = given == Some(&Answer::Option(k));
                    let (pick, qid) = (pick.clone(), q.id.clone());
                    let onclick = Callback::from(move |_: MouseEvent| pick.set(&qid, Answer::Option(k)));
                    html! {
                        <button role="radio" aria-checked={chosen.to_string()} data-testid="quiz-option"
                            class={classes!("option", chosen.then_some("chosen"))} {onclick}>
                            <span class="option-dot" aria-hidden="true"></span>
                            if mono { <pre class="option-text">{ o.trim_matches('\n').to_string() }</pre> }
                            else { <span class="option-text">{ markdown::inline(o) }</span> }
                        </button>
                    }
                }) }
            </div>
        },
        None => {
            let text = match given {
                Some(Answer::Text(t)) => t.clone(),
                _ => String::new(),
            };
            let (pick, qid) = (pick.clone(), q.id.clone());
            let on_input = Callback::from(move |e: InputEvent| {
                if let Some(area) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                    pick.set(&qid, Answer::Text(area.value()));
                }
            });
            html! {
                <textarea class="typed" data-testid="quiz-answer" rows="4" spellcheck="false"
                    placeholder="Type exactly what it prints, one line per line" value={text} oninput={on_input} />
            }
        }
    };
    html! {
        <section class={classes!("question", status)} data-testid="quiz-question" data-status={status}>
            <div class="q-num">{ format!("Question {} of {total}", i + 1) }</div>
            <p class="q-prompt">{ markdown::inline(&q.prompt) }</p>
            if let Some(code) = code { <pre class="example-code"><code>{ code }</code></pre> }
            { answer_input }
            if let Some(g) = grade {
                <div class="q-feedback">
                    <strong>{ if g.correct { "✓ Right." } else { "✗ Not quite." } }</strong>
                    if !g.correct {
                        <div class="q-right">{"The answer: "}
                            if mono { <pre class="option-text">{ g.right.clone() }</pre> } else { <span>{ markdown::inline(&g.right) }</span> }
                        </div>
                    }
                    <p>{ markdown::inline(&q.explanation) }</p>
                </div>
            }
        </section>
    }
}
