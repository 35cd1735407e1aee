//! Looplab's course: lessons, exercises and quizzes read from `exercises/`,
//! and the checker that judges a learner's program from the engine's trace.
//!
//! - [`content`] loads and validates the files (errors carry path and line);
//! - [`check`] holds the check kinds and their learner-facing explanations;
//! - [`model`] folds the trace into task lifetimes, waits and output lines;
//! - [`source`] answers questions about the code from the engine's AST;
//! - [`validate`] is what `looplab check exercises/` runs;
//! - [`embedded`] is the course as the build found it (for the browser app).

pub mod check;
pub mod content;
pub mod model;
pub mod run;
pub mod source;
pub mod toml;
pub mod validate;

/// The files of `exercises/`, compiled in by `build.rs`.
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

    /// The embedded files as [`crate::Files`], ready for [`crate::load`].
    pub fn files() -> crate::Files {
        FILES.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }
}

pub use check::{Check, Outcome};
pub use content::{load, load_dir, ContentError, Course, Exercise, Files, Lesson, Question, QuestionKind};

use model::{secs, Model};
use run::Run;

/// The verdict on a learner's program.
pub struct Report {
    pub passed: bool,
    /// The implicit "runs to the end" outcome first, then one per check, in order.
    pub outcomes: Vec<Outcome>,
    pub run: Run,
}

impl Report {
    /// The first failure: what the learner should read first.
    pub fn first_failure(&self) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| !o.passed)
    }
}

/// The reference solution's stdout lines (what `output` checks without `lines` expect).
pub fn expected_output(ex: &Exercise) -> Vec<String> {
    expected_from(&run::run(&ex.solution, "solution.py"))
}

/// [`expected_output`] from a run of the solution made elsewhere (the
/// browser runs it a slice at a time).
pub fn expected_from(solution_run: &Run) -> Vec<String> {
    solution_run.stdout.lines().map(str::to_string).collect()
}

/// Runs `code` and judges it by the exercise's checks. `expected` is
/// [`expected_output`] (computed once by the caller and reused).
pub fn check_code(ex: &Exercise, code: &str, expected: &[String]) -> Report {
    judge(ex, code, run::run(code, "main.py"), expected)
}

/// Judges a finished run of `code` (run as `main.py`, e.g. by a
/// [`run::Stepper`] a slice at a time) by the exercise's checks.
pub fn judge(ex: &Exercise, code: &str, run: Run, expected: &[String]) -> Report {
    let model = Model::from_trace(&run.events);
    let facts = looplab_parser::parse_module(code).ok().map(|m| source::analyse(&m));
    let mut outcomes = vec![ran_to_end(&run, &model)];
    let cx = check::Ctx { run: &run, model: &model, facts: facts.as_ref(), expected, code };
    outcomes.extend(ex.checks.iter().map(|c| c.judge(&cx)));
    let passed = outcomes.iter().all(|o| o.passed);
    Report { passed, outcomes, run }
}

/// Every exercise first needs a program that ends without an uncaught exception.
fn ran_to_end(run: &Run, m: &Model) -> Outcome {
    let what = "runs to the end without an error".to_string();
    if let Some(why) = &run.stopped {
        return Outcome { passed: false, what, detail: format!("Stopped: {why}."), at: Some(m.end_time), line: None };
    }
    match run.exit_code {
        Some(0) => Outcome { passed: true, what, detail: format!("Your program ran to the end ({}).", secs(m.end_time)), at: None, line: None },
        _ => {
            let last = run.stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("an error").trim();
            let line = traceback_line(&run.stderr);
            let place = line.map_or(String::new(), |l| format!(" on line {l}"));
            Outcome {
                passed: false,
                what,
                detail: format!("Your program stopped at {}{place} with {last}.", secs(m.end_time)),
                at: Some(m.end_time),
                line,
            }
        }
    }
}

/// The innermost `File "main.py", line N` of a traceback (or a SyntaxError's line).
fn traceback_line(stderr: &str) -> Option<u32> {
    stderr
        .lines()
        .filter_map(|l| l.trim().strip_prefix("File \"main.py\", line "))
        .filter_map(|rest| rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
        .last()
}
