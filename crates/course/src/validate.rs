//! What `looplab check exercises/` verifies: every reference solution
//! passes its checks, every starter runs but fails with a message, every
//! example runs, and every predict-the-output answer is the engine's output.

use crate::content::{Course, QuestionKind};
use crate::{check_code, expected_output, run};

/// The result of checking the whole course.
#[derive(Default)]
pub struct Summary {
    /// One line per item checked, for the teacher to read.
    pub log: Vec<String>,
    pub problems: Vec<String>,
    pub lessons: usize,
    pub examples: usize,
    pub exercises: usize,
    pub questions: usize,
}

/// Output as quizzes compare it: trailing spaces and blank lines do not count.
pub fn normalise(s: &str) -> String {
    let lines: Vec<&str> = s.lines().map(str::trim_end).collect();
    lines.join("\n").trim_end_matches('\n').to_string()
}

/// The right answer to a predict-the-output question: what the engine prints.
pub fn predicted_output(code: &str) -> Result<String, String> {
    let r = run::run(code, "quiz.py");
    match (r.exit_code, &r.stopped) {
        (Some(0), None) => Ok(normalise(&r.stdout)),
        (_, Some(why)) => Err(why.clone()),
        _ => Err(format!("the code fails: {}", r.stderr.lines().last().unwrap_or(""))),
    }
}

/// For a predict question with options: the index of the option the engine prints.
pub fn predicted_option(code: &str, options: &[String]) -> Result<usize, String> {
    let out = predicted_output(code)?;
    let hits: Vec<usize> = (0..options.len()).filter(|&i| normalise(&options[i]) == out).collect();
    match hits.as_slice() {
        [i] => Ok(*i),
        [] => Err(format!("no option matches what the engine prints:\n{out}")),
        _ => Err("several options match the engine's output".into()),
    }
}

pub fn validate(course: &Course, only: Option<&str>) -> Summary {
    let mut s = Summary::default();
    for lesson in &course.lessons {
        if only.is_some_and(|id| !lesson.exercises.iter().any(|e| e == id)) {
            continue;
        }
        s.lessons += 1;
        for ex in &lesson.examples {
            s.examples += 1;
            let r = run::run(&ex.source, &ex.file);
            let ok = r.stopped.is_none() && (r.exit_code == Some(0)) != ex.raises;
            let path = format!("lessons/{}/{}", lesson.id, ex.file);
            if ok {
                s.log.push(format!("ok    {path}"));
            } else {
                let why = r.stopped.unwrap_or_else(|| match ex.raises {
                    true => "it was marked `raises` but ended without an error".into(),
                    false => format!("it fails: {}", r.stderr.lines().last().unwrap_or("")),
                });
                s.problems.push(format!("{path}: {why}"));
            }
        }
        for q in &lesson.quiz {
            s.questions += 1;
            let verdict = match &q.kind {
                QuestionKind::Choice { .. } => Ok(()),
                QuestionKind::Predict { code, options: None } => predicted_output(code).map(|_| ()),
                QuestionKind::Predict { code, options: Some(o) } => predicted_option(code, o).map(|_| ()),
            };
            match verdict {
                Ok(()) => s.log.push(format!("ok    {}:{} question `{}`", q.path, q.line, q.id)),
                Err(e) => s.problems.push(format!("{}:{}: question `{}`: {e}", q.path, q.line, q.id)),
            }
        }
        for id in &lesson.exercises {
            let Some(ex) = course.exercise(id) else { continue };
            if only.is_some_and(|o| o != id) {
                continue;
            }
            s.exercises += 1;
            let expected = expected_output(ex);
            let sol = check_code(ex, &ex.solution, &expected);
            let start = check_code(ex, &ex.starter, &expected);
            let mut bad = Vec::new();
            for o in sol.outcomes.iter().filter(|o| !o.passed) {
                bad.push(format!("{id}/solution.py fails \"{}\": {}", o.what, o.detail));
            }
            match start.first_failure() {
                None => bad.push(format!("{id}/starter.py passes every check: the learner would have nothing to do")),
                Some(f) if !start.outcomes[0].passed => {
                    bad.push(format!("{id}/starter.py must run to the end so a check can explain what is wrong; {}", f.detail))
                }
                Some(f) => s.log.push(format!("ok    {id}: solution passes {} checks; starter fails \"{}\": {}", sol.outcomes.len(), f.what, f.detail)),
            }
            s.problems.extend(bad);
        }
    }
    s
}
