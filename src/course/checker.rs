//! The checker, run in the page without freezing it: the learner's program
//! (and, once per exercise, the reference solution whose output `output`
//! checks compare with) runs on its own interpreter at instant speed, a few
//! milliseconds at a time, yielding to the browser between slices. The
//! verdict comes from the same `looplab_course::judge` the CLI uses.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use looplab_course::run::{Run, Stepper};
use looplab_course::{Exercise, Report};

use crate::browser::{now_ms, yield_to_browser};

/// Real time one slice may run before yielding (as the driver's).
const SLICE_MS: f64 = 6.0;
/// Instructions between clock checks inside a slice.
const CHUNK: u64 = 2_000;

thread_local! {
    /// The reference solution's output by exercise id (it never changes).
    static EXPECTED: RefCell<HashMap<String, Rc<Vec<String>>>> = RefCell::new(HashMap::new());
}

/// Runs `code` to the end (or to the checker's caps) a slice at a time.
pub async fn run_sliced(code: &str, filename: &str) -> Run {
    crate::modules::fetch_imports(code).await;
    let mut stepper = Stepper::new(code, filename);
    loop {
        let start = now_ms();
        while now_ms() - start < SLICE_MS {
            if let Some(run) = stepper.advance(CHUNK) {
                return run;
            }
        }
        yield_to_browser().await;
    }
}

async fn expected(ex: &Exercise) -> Rc<Vec<String>> {
    if let Some(lines) = EXPECTED.with(|e| e.borrow().get(&ex.id).cloned()) {
        return lines;
    }
    let lines = Rc::new(looplab_course::expected_from(&run_sliced(&ex.solution, "solution.py").await));
    EXPECTED.with(|e| e.borrow_mut().insert(ex.id.clone(), lines.clone()));
    lines
}

/// Judges `code` by the exercise's checks.
pub async fn check(ex: &Exercise, code: &str) -> Report {
    let expected = expected(ex).await;
    let run = run_sliced(code, "main.py").await;
    looplab_course::judge(ex, code, run, &expected)
}

/// What the engine prints for a predict-the-output question, as quizzes
/// compare it; Err if the code does not end cleanly (the build's
/// validation makes sure it does).
pub async fn predicted_output(code: &str) -> Result<String, String> {
    let run = run_sliced(code, "quiz.py").await;
    match (run.exit_code, run.stopped) {
        (Some(0), None) => Ok(looplab_course::validate::normalise(&run.stdout)),
        (_, Some(why)) => Err(why),
        _ => Err(run.stderr.lines().last().unwrap_or("the code failed").to_string()),
    }
}
