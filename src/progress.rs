//! The learner's progress in the course: per lesson whether it was read
//! and which examples were run, per exercise the code and how far they
//! got, per quiz the answers and score. Kept in localStorage as versioned
//! JSON; exported as a file a teacher can read (what was passed and when)
//! and imported back. Older versions are read and upgraded, never refused.
//!
//! Storage that cannot be read is never fatal: it is moved aside, progress
//! starts over, and the page says so.

use std::collections::{BTreeMap, BTreeSet};

use crate::browser;
use crate::json::Json;

/// The localStorage key; the unreadable text is kept under `BACKUP_KEY`.
const KEY: &str = "looplab:progress";
const BACKUP_KEY: &str = "looplab:progress:unreadable";
const FORMAT: &str = "looplab-progress";
/// 2 added `lessons`; a version 1 file reads as no lesson read yet.
const VERSION: i64 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Opened and edited, never checked.
    Started,
    /// Checked, not passed yet.
    Failed,
    Passed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Started => "started",
            Status::Failed => "failed",
            Status::Passed => "passed",
        }
    }

    fn parse(s: &str) -> Option<Status> {
        Some(match s {
            "started" => Status::Started,
            "failed" => Status::Failed,
            "passed" => Status::Passed,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExerciseProgress {
    pub code: String,
    pub status: Status,
    /// Checks run, and how many of them failed.
    pub checks: u32,
    pub failed: u32,
    /// Hints revealed so far.
    pub hints: u32,
    pub solution_shown: bool,
    /// When it first passed (ISO 8601, UTC).
    pub passed_at: Option<String>,
}

impl ExerciseProgress {
    pub fn new(code: String) -> ExerciseProgress {
        ExerciseProgress { code, status: Status::Started, checks: 0, failed: 0, hints: 0, solution_shown: false, passed_at: None }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// The index of the option picked.
    Option(usize),
    /// Typed output.
    Text(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuizProgress {
    /// By question id.
    pub answers: BTreeMap<String, Answer>,
    /// The last submission's score out of `total`.
    pub score: u32,
    pub total: u32,
    pub at: String,
}

/// How far the learner went through a lesson's prose.
///
/// A lesson counts as read once its end (the practice box after the last
/// paragraph) has been on screen: that is what a learner means by "I read
/// it" — merely opening a page is not reading, and running the examples
/// is recorded separately because a learner reading on a phone may read
/// every word without pressing Run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LessonProgress {
    /// When the end of the lesson was first reached (ISO 8601, UTC).
    pub read_at: Option<String>,
    /// The examples (by file name) run from the lesson.
    pub examples_run: BTreeSet<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// By lesson id.
    pub lessons: BTreeMap<String, LessonProgress>,
    pub exercises: BTreeMap<String, ExerciseProgress>,
    /// By lesson id.
    pub quizzes: BTreeMap<String, QuizProgress>,
}

fn obj(fields: Vec<(&str, Json)>) -> Json {
    Json::Obj(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

fn str_of(s: &str) -> Json {
    Json::Str(s.to_string())
}

fn count(v: Option<&Json>) -> Result<u32, String> {
    match v {
        None => Ok(0),
        Some(j) => j.as_int().and_then(|n| u32::try_from(n).ok()).ok_or_else(|| "a count is not a whole number".to_string()),
    }
}

impl Progress {
    pub fn exercise(&self, id: &str) -> Option<&ExerciseProgress> {
        self.exercises.get(id)
    }

    pub fn passed(&self, id: &str) -> bool {
        self.exercise(id).is_some_and(|e| e.status == Status::Passed)
    }

    pub fn read(&self, lesson: &str) -> bool {
        self.lessons.get(lesson).is_some_and(|l| l.read_at.is_some())
    }

    /// Records that the lesson's end was reached (the first time counts).
    pub fn mark_read(&mut self, lesson: &str, now: &str) {
        self.lessons.entry(lesson.to_string()).or_default().read_at.get_or_insert_with(|| now.to_string());
    }

    pub fn mark_example_run(&mut self, lesson: &str, file: &str) {
        self.lessons.entry(lesson.to_string()).or_default().examples_run.insert(file.to_string());
    }

    pub fn to_json(&self) -> Json {
        let lessons = self
            .lessons
            .iter()
            .map(|(id, l)| {
                let v = obj(vec![
                    ("read_at", l.read_at.as_deref().map_or(Json::Null, str_of)),
                    ("examples_run", Json::Arr(l.examples_run.iter().map(|f| str_of(f)).collect())),
                ]);
                (id.clone(), v)
            })
            .collect();
        let exercises = self
            .exercises
            .iter()
            .map(|(id, e)| {
                let v = obj(vec![
                    ("status", str_of(e.status.as_str())),
                    ("code", str_of(&e.code)),
                    ("checks", Json::Int(e.checks.into())),
                    ("failed", Json::Int(e.failed.into())),
                    ("hints", Json::Int(e.hints.into())),
                    ("solution_shown", Json::Bool(e.solution_shown)),
                    ("passed_at", e.passed_at.as_deref().map_or(Json::Null, str_of)),
                ]);
                (id.clone(), v)
            })
            .collect();
        let quizzes = self
            .quizzes
            .iter()
            .map(|(id, q)| {
                let answers = q
                    .answers
                    .iter()
                    .map(|(k, a)| {
                        let v = match a {
                            Answer::Option(i) => Json::Int(*i as i64),
                            Answer::Text(t) => str_of(t),
                        };
                        (k.clone(), v)
                    })
                    .collect();
                let v = obj(vec![
                    ("score", Json::Int(q.score.into())),
                    ("total", Json::Int(q.total.into())),
                    ("at", str_of(&q.at)),
                    ("answers", Json::Obj(answers)),
                ]);
                (id.clone(), v)
            })
            .collect();
        obj(vec![
            ("format", str_of(FORMAT)),
            ("version", Json::Int(VERSION)),
            ("lessons", Json::Obj(lessons)),
            ("exercises", Json::Obj(exercises)),
            ("quizzes", Json::Obj(quizzes)),
        ])
    }

    /// Reads what [`to_json`](Progress::to_json) wrote (or an exported file);
    /// anything else is an error saying what is wrong.
    pub fn from_json(j: &Json) -> Result<Progress, String> {
        if j.get("format").and_then(Json::as_str) != Some(FORMAT) {
            return Err("this is not a Looplab progress file".into());
        }
        match j.get("version").and_then(Json::as_int) {
            // Version 1 had no `lessons`: it reads as nothing read yet.
            Some(1..=VERSION) => {}
            Some(v) => return Err(format!("progress format version {v} is not one this page reads (version {VERSION} or older)")),
            None => return Err("the progress file has no version".into()),
        }
        let mut p = Progress::default();
        for (id, l) in j.get("lessons").and_then(Json::fields).unwrap_or_default() {
            let bad = || format!("lesson `{id}` is malformed");
            let read_at = match l.get("read_at") {
                None | Some(Json::Null) => None,
                Some(v) => Some(v.as_str().ok_or_else(bad)?.to_string()),
            };
            let examples_run = match l.get("examples_run") {
                None => BTreeSet::new(),
                Some(Json::Arr(files)) => files.iter().map(|f| f.as_str().map(str::to_string).ok_or_else(bad)).collect::<Result<_, _>>()?,
                Some(_) => return Err(bad()),
            };
            p.lessons.insert(id.clone(), LessonProgress { read_at, examples_run });
        }
        for (id, e) in j.get("exercises").and_then(Json::fields).unwrap_or_default() {
            let bad = || format!("exercise `{id}` is malformed");
            let status = e.get("status").and_then(Json::as_str).and_then(Status::parse).ok_or_else(bad)?;
            let code = e.get("code").and_then(Json::as_str).ok_or_else(bad)?.to_string();
            let passed_at = match e.get("passed_at") {
                None | Some(Json::Null) => None,
                Some(v) => Some(v.as_str().ok_or_else(bad)?.to_string()),
            };
            p.exercises.insert(
                id.clone(),
                ExerciseProgress {
                    code,
                    status,
                    checks: count(e.get("checks"))?,
                    failed: count(e.get("failed"))?,
                    hints: count(e.get("hints"))?,
                    solution_shown: e.get("solution_shown").and_then(Json::as_bool).unwrap_or(false),
                    passed_at,
                },
            );
        }
        for (id, q) in j.get("quizzes").and_then(Json::fields).unwrap_or_default() {
            let bad = || format!("quiz `{id}` is malformed");
            let mut answers = BTreeMap::new();
            for (k, a) in q.get("answers").and_then(Json::fields).unwrap_or_default() {
                let a = match a {
                    Json::Int(i) if *i >= 0 => Answer::Option(*i as usize),
                    Json::Str(s) => Answer::Text(s.clone()),
                    _ => return Err(bad()),
                };
                answers.insert(k.clone(), a);
            }
            let at = q.get("at").and_then(Json::as_str).unwrap_or_default().to_string();
            p.quizzes.insert(id.clone(), QuizProgress { answers, score: count(q.get("score"))?, total: count(q.get("total"))?, at });
        }
        Ok(p)
    }

    /// Adds an imported file's progress: a lesson read in either is read
    /// (since the earlier date), a passed exercise stays passed, otherwise
    /// the imported entry wins; for a quiz the better score wins.
    pub fn merge(&mut self, other: Progress) {
        for (id, l) in other.lessons {
            let mine = self.lessons.entry(id).or_default();
            mine.read_at = match (mine.read_at.take(), l.read_at) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            mine.examples_run.extend(l.examples_run);
        }
        for (id, e) in other.exercises {
            let keep_mine = self.exercises.get(&id).is_some_and(|mine| mine.status == Status::Passed && e.status != Status::Passed);
            if !keep_mine {
                self.exercises.insert(id, e);
            }
        }
        for (id, q) in other.quizzes {
            let keep_mine = self.quizzes.get(&id).is_some_and(|mine| mine.score > q.score);
            if !keep_mine {
                self.quizzes.insert(id, q);
            }
        }
    }

    /// The export file: the progress itself, plus a summary for a teacher
    /// to read (what was passed and when), headed by the course title.
    pub fn export(&self, course: &looplab_course::Course, now: &str) -> String {
        let passed: Vec<Json> = course
            .exercises
            .iter()
            .filter_map(|ex| {
                let e = self.exercise(&ex.id).filter(|e| e.status == Status::Passed)?;
                Some(obj(vec![
                    ("exercise", str_of(&ex.id)),
                    ("title", str_of(&ex.title)),
                    ("passed_at", e.passed_at.as_deref().map_or(Json::Null, str_of)),
                    ("solution_shown", Json::Bool(e.solution_shown)),
                ]))
            })
            .collect();
        let quizzes: Vec<Json> = course
            .lessons
            .iter()
            .filter_map(|l| {
                let q = self.quizzes.get(&l.id)?;
                Some(obj(vec![
                    ("quiz", str_of(&l.id)),
                    ("score", Json::Int(q.score.into())),
                    ("total", Json::Int(q.total.into())),
                    ("at", str_of(&q.at)),
                ]))
            })
            .collect();
        let read: Vec<Json> = course
            .lessons
            .iter()
            .filter_map(|l| {
                let at = self.lessons.get(&l.id)?.read_at.as_deref()?;
                Some(obj(vec![("lesson", str_of(&l.id)), ("title", str_of(&l.title)), ("read_at", str_of(at))]))
            })
            .collect();
        let Json::Obj(mut fields) = self.to_json() else { unreachable!("to_json writes an object") };
        let summary = obj(vec![
            ("course", str_of(&course.title)),
            ("exported_at", str_of(now)),
            ("lessons_read", Json::Int(read.len() as i64)),
            ("lessons_total", Json::Int(course.lessons.len() as i64)),
            ("read", Json::Arr(read)),
            ("exercises_passed", Json::Int(passed.len() as i64)),
            ("exercises_total", Json::Int(course.exercises.len() as i64)),
            ("passed", Json::Arr(passed)),
            ("quizzes", Json::Arr(quizzes)),
        ]);
        fields.insert(2, ("summary".to_string(), summary));
        Json::Obj(fields).write()
    }
}

/// Reads an exported (or stored) progress file.
pub fn parse(text: &str) -> Result<Progress, String> {
    let j = Json::parse(text).map_err(|e| format!("the file is not valid JSON ({e})"))?;
    Progress::from_json(&j)
}

/// The stored progress; if it cannot be read, it is moved aside and a
/// notice for the learner says so.
pub fn load() -> (Progress, Option<String>) {
    let Some(text) = browser::load(KEY) else {
        return (Progress::default(), None);
    };
    match parse(&text) {
        Ok(p) => (p, None),
        Err(why) => {
            browser::save(BACKUP_KEY, &text);
            browser::remove(KEY);
            let notice = format!("Your saved course progress could not be read ({why}), so it was reset. The old data is kept in this browser under \"{BACKUP_KEY}\".");
            (Progress::default(), Some(notice))
        }
    }
}

pub fn save(p: &Progress) {
    browser::save(KEY, &p.to_json().write());
}

/// Loads, changes and saves the progress in one go.
pub fn update(f: impl FnOnce(&mut Progress)) -> Progress {
    let mut p = load().0;
    f(&mut p);
    save(&p);
    p
}

/// The current time as ISO 8601 (UTC).
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Progress {
        let mut p = Progress::default();
        let mut e = ExerciseProgress::new("print('hi')\n".into());
        e.status = Status::Passed;
        e.checks = 3;
        e.failed = 2;
        e.hints = 1;
        e.passed_at = Some("2026-12-01T10:00:00.000Z".into());
        p.exercises.insert("first-await".into(), e);
        p.exercises.insert("gather-order".into(), ExerciseProgress::new("x = \"é\"\n".into()));
        let answers = [("a".to_string(), Answer::Option(2)), ("b".to_string(), Answer::Text("1\n2".into()))].into();
        p.quizzes.insert("coroutines".into(), QuizProgress { answers, score: 1, total: 2, at: "2026-12-01T11:00:00.000Z".into() });
        p.mark_read("coroutines", "2026-12-01T09:00:00.000Z");
        p.mark_example_run("coroutines", "run_main.py");
        p.mark_example_run("gather", "together.py");
        p
    }

    #[test]
    fn round_trips_through_json() {
        let p = sample();
        assert_eq!(parse(&p.to_json().write()), Ok(p));
    }

    #[test]
    fn unreadable_or_foreign_files_are_errors() {
        assert!(parse("{not json").unwrap_err().contains("not valid JSON"));
        assert!(parse("{}").unwrap_err().contains("not a Looplab progress file"));
        assert!(parse(r#"{"format":"looplab-progress","version":9}"#).unwrap_err().contains("version 9"));
        let bad = r#"{"format":"looplab-progress","version":1,"exercises":{"x":{"status":"won","code":""}}}"#;
        assert_eq!(parse(bad), Err("exercise `x` is malformed".into()));
        let bad = r#"{"format":"looplab-progress","version":2,"lessons":{"x":{"examples_run":[1]}}}"#;
        assert_eq!(parse(bad), Err("lesson `x` is malformed".into()));
    }

    #[test]
    fn version_1_progress_is_read_and_saved_as_version_2() {
        let v1 = r#"{"format":"looplab-progress","version":1,"exercises":{"first-await":{"status":"passed","code":"x\n","checks":2,"failed":1,"hints":0,"solution_shown":false,"passed_at":"2026-11-30T10:00:00.000Z"}},"quizzes":{}}"#;
        let mut p = parse(v1).unwrap();
        assert!(p.passed("first-await") && p.lessons.is_empty() && !p.read("coroutines"));
        p.mark_read("coroutines", "2026-12-01T09:00:00.000Z");
        p.mark_read("coroutines", "2026-12-02T09:00:00.000Z");
        let again = parse(&p.to_json().write()).unwrap();
        assert_eq!(again.lessons["coroutines"].read_at.as_deref(), Some("2026-12-01T09:00:00.000Z"), "the first reading counts");
        assert!(p.to_json().write().contains("\"version\":2"));
    }

    #[test]
    fn the_export_says_what_was_passed_and_when() {
        let course = looplab_course::load(&looplab_course::embedded::files()).unwrap();
        let text = sample().export(&course, "2026-12-02T09:00:00.000Z");
        let j = Json::parse(&text).unwrap();
        let summary = j.get("summary").unwrap();
        assert_eq!(summary.get("exported_at").and_then(Json::as_str), Some("2026-12-02T09:00:00.000Z"));
        assert_eq!(summary.get("exercises_passed").and_then(Json::as_int), Some(1));
        assert_eq!(summary.get("lessons_read").and_then(Json::as_int), Some(1));
        let Some(Json::Arr(read)) = summary.get("read") else { panic!("no read list") };
        assert_eq!(read[0].get("read_at").and_then(Json::as_str), Some("2026-12-01T09:00:00.000Z"));
        let Some(Json::Arr(passed)) = summary.get("passed") else { panic!("no passed list") };
        assert_eq!(passed[0].get("exercise").and_then(Json::as_str), Some("first-await"));
        assert_eq!(passed[0].get("passed_at").and_then(Json::as_str), Some("2026-12-01T10:00:00.000Z"));
        // The export is itself a progress file.
        assert_eq!(parse(&text), Ok(sample()));
    }

    #[test]
    fn merge_keeps_passes_and_better_scores() {
        let mut mine = sample();
        let mut theirs = Progress::default();
        theirs.exercises.insert("first-await".into(), ExerciseProgress::new("new".into()));
        let mut done = ExerciseProgress::new("y".into());
        done.status = Status::Passed;
        theirs.exercises.insert("gather-order".into(), done);
        theirs.quizzes.insert("coroutines".into(), QuizProgress { answers: BTreeMap::new(), score: 0, total: 2, at: String::new() });
        theirs.mark_read("coroutines", "2026-12-03T09:00:00.000Z");
        theirs.mark_read("gather", "2026-12-03T09:00:00.000Z");
        theirs.mark_example_run("coroutines", "hello.py");
        mine.merge(theirs);
        assert!(mine.passed("first-await") && mine.passed("gather-order"));
        assert_eq!(mine.lessons["coroutines"].read_at.as_deref(), Some("2026-12-01T09:00:00.000Z"));
        assert_eq!(mine.lessons["coroutines"].examples_run.len(), 2);
        assert!(mine.read("gather"));
        assert_eq!(mine.quizzes["coroutines"].score, 1);
    }
}
