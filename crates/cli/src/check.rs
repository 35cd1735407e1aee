//! `looplab check`: the teacher's view of the course.
//!
//! - `looplab check exercises/` validates the whole course;
//! - `looplab check exercises/ID` validates one exercise (and its lesson);
//! - `looplab check exercises/ID --code FILE.py` checks a learner's file.

use std::path::Path;
use std::process::ExitCode;

use looplab_course::{check_code, expected_output, load, load_dir, validate};
use looplab_course::model::{cursor_at, secs};

pub const USAGE: &str = "       looplab check DIR [--code FILE.py]   (DIR = exercises/ or exercises/ID)";

pub fn main(args: &[String]) -> ExitCode {
    let (mut dir, mut code) = (None, None);
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--code" if i + 1 < args.len() => {
                code = Some(args[i + 1].clone());
                i += 1;
            }
            a if dir.is_none() && !a.starts_with("--") => dir = Some(a.to_string()),
            _ => {
                eprintln!("usage:\n{USAGE}");
                return ExitCode::from(2);
            }
        }
        i += 1;
    }
    let Some(dir) = dir else {
        eprintln!("usage:\n{USAGE}");
        return ExitCode::from(2);
    };
    let dir = Path::new(dir.trim_end_matches('/'));
    // `exercises/ID` names one exercise inside the course folder.
    let (root, only) = if dir.join("course.toml").exists() {
        (dir.to_path_buf(), None)
    } else if dir.join("exercise.toml").exists() {
        let id = dir.file_name().map(|n| n.to_string_lossy().into_owned());
        let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        (parent.to_path_buf(), id)
    } else {
        eprintln!("looplab: {} has neither course.toml nor exercise.toml", dir.display());
        return ExitCode::from(2);
    };
    let files = match load_dir(&root) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("looplab: can't read {}: {e}", root.display());
            return ExitCode::from(2);
        }
    };
    let course = match load(&files) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}/{e}", root.display());
            return ExitCode::from(1);
        }
    };
    match (code, only) {
        (Some(file), Some(id)) => learner(&course, &id, &file),
        (Some(_), None) => {
            eprintln!("looplab: --code needs one exercise: looplab check {}/ID --code FILE.py", root.display());
            ExitCode::from(2)
        }
        (None, only) => teacher(&course, only.as_deref()),
    }
}

fn teacher(course: &looplab_course::Course, only: Option<&str>) -> ExitCode {
    let s = validate::validate(course, only);
    for l in &s.log {
        println!("{l}");
    }
    for p in &s.problems {
        println!("FAIL  {p}");
    }
    println!(
        "{} lessons, {} examples, {} exercises, {} quiz questions checked: {}",
        s.lessons,
        s.examples,
        s.exercises,
        s.questions,
        if s.problems.is_empty() { "all good".to_string() } else { format!("{} problem(s)", s.problems.len()) }
    );
    ExitCode::from(if s.problems.is_empty() { 0 } else { 1 })
}

fn learner(course: &looplab_course::Course, id: &str, file: &str) -> ExitCode {
    let Some(ex) = course.exercise(id) else {
        eprintln!("looplab: no exercise `{id}`");
        return ExitCode::from(2);
    };
    let code = match std::fs::read_to_string(file) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("looplab: can't open file '{file}': {e}");
            return ExitCode::from(2);
        }
    };
    let report = check_code(ex, &code, &expected_output(ex));
    print!("{}", report.run.stdout);
    eprint!("{}", report.run.stderr);
    println!("--- {} ---", ex.title);
    for o in &report.outcomes {
        let mark = if o.passed { "pass" } else { "FAIL" };
        // The moment as the page's time-travel scrubber names it.
        let events = &report.run.events;
        let when = match o.at {
            Some(t) if !o.passed => format!(" [at {}, event {}/{}]", secs(t), cursor_at(events, t), events.len()),
            _ => String::new(),
        };
        println!("{mark}  {}{when}\n      {}", o.what, o.detail);
    }
    if report.passed {
        println!("\nAll checks pass. {}", ex.explanation.trim());
        ExitCode::SUCCESS
    } else {
        if let Some(h) = ex.hints.first() {
            println!("\nHint: {}", h.trim());
        }
        ExitCode::from(1)
    }
}
