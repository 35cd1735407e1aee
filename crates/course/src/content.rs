//! The course as files: `course.toml` (order), `lessons/<id>/lesson.md`
//! (+ example `.py` files and `quiz.toml`), and `<exercise-id>/` folders with
//! `exercise.toml`, `starter.py`, `solution.py`. The format is documented in
//! `exercises/AUTHORING.md`.
//!
//! Loading works on an in-memory map of files so the browser app can embed
//! them at build time; [`load_dir`] fills the map from disk for the CLI.

use std::collections::BTreeMap;
use std::fmt;

use crate::check::Check;
use crate::toml;

/// A file's contents by its path relative to the course root (`/`-separated).
pub type Files = BTreeMap<String, String>;

/// A problem in the course files, at a path and line.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentError {
    pub path: String,
    pub line: u32,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Course {
    pub title: String,
    pub lessons: Vec<Lesson>,
    pub exercises: Vec<Exercise>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    pub id: String,
    pub title: String,
    /// The prose; lines `!example FILE.py` mark where a runnable example goes.
    pub markdown: String,
    pub examples: Vec<Example>,
    /// Exercise ids, in order.
    pub exercises: Vec<String>,
    pub quiz: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    pub file: String,
    pub source: String,
    /// Marked `!example FILE.py raises`: the example ends with a traceback on purpose.
    pub raises: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Exercise {
    pub id: String,
    pub lesson: String,
    pub title: String,
    /// Markdown shown above the steps.
    pub intro: String,
    pub steps: Vec<String>,
    /// Revealed one at a time.
    pub hints: Vec<String>,
    /// Shown when every check passes: what the learner just saw.
    pub explanation: String,
    /// Failed checks before the solution may be revealed (it can always be requested).
    pub solution_after: u32,
    pub starter: String,
    pub solution: String,
    pub checks: Vec<Check>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum QuestionKind {
    /// `answer` is an index into `options`.
    Choice { options: Vec<String>, answer: usize },
    /// The answer is whatever the engine prints for `code`; with `options`
    /// the learner picks one, otherwise they type the output.
    Predict { code: String, options: Option<Vec<String>> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: String,
    pub prompt: String,
    pub kind: QuestionKind,
    pub explanation: String,
    /// Where it was written, for validation messages.
    pub path: String,
    pub line: u32,
}

fn at(path: &str, e: toml::Error) -> ContentError {
    ContentError { path: path.to_string(), line: e.line, message: e.message }
}

fn fail<T>(path: &str, line: u32, message: impl Into<String>) -> Result<T, ContentError> {
    Err(ContentError { path: path.to_string(), line, message: message.into() })
}

fn get<'a>(files: &'a Files, path: &str, needed_by: (&str, u32)) -> Result<&'a str, ContentError> {
    match files.get(path) {
        Some(s) => Ok(s),
        None => fail(needed_by.0, needed_by.1, format!("missing file {path}")),
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Reads and checks the whole course; the first problem is returned with its path and line.
pub fn load(files: &Files) -> Result<Course, ContentError> {
    let path = "course.toml";
    let mut root = toml::parse(get(files, path, (path, 1))?).map_err(|e| at(path, e))?;
    let title = root.str("title").map_err(|e| at(path, e))?;
    let mut lessons = Vec::new();
    let mut exercises = Vec::new();
    for mut t in root.take_array("lesson").map_err(|e| at(path, e))? {
        let id = t.str("id").map_err(|e| at(path, e))?;
        let line = t.line_of("id");
        if !valid_id(&id) {
            return fail(path, line, format!("lesson id `{id}`: use lowercase letters, digits and `-`"));
        }
        if lessons.iter().any(|l: &Lesson| l.id == id) {
            return fail(path, line, format!("lesson `{id}` is listed twice"));
        }
        let ex_ids = t.opt_strs("exercises").map_err(|e| at(path, e))?.unwrap_or_default();
        let ex_line = t.line_of("exercises");
        let lesson_title = t.str("title").map_err(|e| at(path, e))?;
        t.finish("a [[lesson]]").map_err(|e| at(path, e))?;
        let mut lesson = load_lesson(files, &id, lesson_title, (path, line))?;
        for ex in &ex_ids {
            if !valid_id(ex) || ex == "lessons" {
                return fail(path, ex_line, format!("exercise id `{ex}`: use lowercase letters, digits and `-` (not `lessons`)"));
            }
            if exercises.iter().any(|e: &Exercise| &e.id == ex) {
                return fail(path, ex_line, format!("exercise `{ex}` is listed twice"));
            }
            exercises.push(load_exercise(files, ex, &id, (path, ex_line))?);
        }
        lesson.exercises = ex_ids;
        lessons.push(lesson);
    }
    root.finish("course.toml").map_err(|e| at(path, e))?;
    if lessons.is_empty() {
        return fail(path, 1, "the course has no [[lesson]]");
    }
    // A folder nobody lists would silently vanish from the course.
    for f in files.keys() {
        if let Some(dir) = f.strip_suffix("/exercise.toml") {
            if !exercises.iter().any(|e| e.id == dir) {
                return fail(f, 1, format!("exercise `{dir}` is not listed in any lesson's `exercises` in course.toml"));
            }
        }
    }
    Ok(Course { title, lessons, exercises })
}

fn load_lesson(files: &Files, id: &str, title: String, listed: (&str, u32)) -> Result<Lesson, ContentError> {
    let dir = format!("lessons/{id}");
    let md_path = format!("{dir}/lesson.md");
    let markdown = get(files, &md_path, listed)?.to_string();
    let mut examples: Vec<Example> = Vec::new();
    for (n, line) in markdown.lines().enumerate() {
        let Some(rest) = line.strip_prefix("!example") else { continue };
        let mut words = rest.split_whitespace();
        let (file, flag) = (words.next(), words.next());
        let line_no = n as u32 + 1;
        let Some(file) = file.filter(|f| f.ends_with(".py") && !f.contains('/')) else {
            return fail(&md_path, line_no, "write `!example NAME.py` (a file next to lesson.md)");
        };
        let raises = match flag {
            None => false,
            Some("raises") => true,
            Some(other) => return fail(&md_path, line_no, format!("unknown example flag `{other}` (only `raises`)")),
        };
        let source = get(files, &format!("{dir}/{file}"), (&md_path, line_no))?.to_string();
        examples.push(Example { file: file.to_string(), source, raises });
    }
    for f in files.keys() {
        if let Some(name) = f.strip_prefix(&format!("{dir}/")) {
            if name.ends_with(".py") && !examples.iter().any(|e| e.file == name) {
                return fail(&md_path, 1, format!("{name} is never shown: add `!example {name}` to lesson.md"));
            }
        }
    }
    let quiz_path = format!("{dir}/quiz.toml");
    let quiz = match files.get(&quiz_path) {
        None => Vec::new(),
        Some(text) => load_quiz(&quiz_path, text)?,
    };
    Ok(Lesson { id: id.to_string(), title, markdown, examples, exercises: Vec::new(), quiz })
}

fn load_quiz(path: &str, text: &str) -> Result<Vec<Question>, ContentError> {
    let mut root = toml::parse(text).map_err(|e| at(path, e))?;
    let mut out: Vec<Question> = Vec::new();
    for mut t in root.take_array("question").map_err(|e| at(path, e))? {
        let line = t.line;
        let r = (|| {
            let id = t.str("id")?;
            let kind_name = t.str("kind")?;
            let prompt = t.str("prompt")?;
            let explanation = t.str("explanation")?;
            let options = t.opt_strs("options")?;
            let kind = match kind_name.as_str() {
                "choice" => {
                    let opts = options.unwrap_or_default();
                    let answer_line = t.line_of("answer");
                    let answer = t.opt_int("answer")?.ok_or(toml::Error { line, message: "missing `answer` (the number of the right option, from 1)".into() })?;
                    if opts.len() < 2 {
                        return Err(toml::Error { line, message: "a choice question needs at least two `options`".into() });
                    }
                    if answer < 1 || answer as usize > opts.len() {
                        return Err(toml::Error { line: answer_line, message: format!("`answer = {answer}` but there are {} options (count from 1)", opts.len()) });
                    }
                    QuestionKind::Choice { options: opts, answer: answer as usize - 1 }
                }
                "predict" => {
                    if t.opt_int("answer")?.is_some() {
                        return Err(toml::Error { line: t.line_of("answer"), message: "predict-the-output answers come from running `code`; remove `answer`".into() });
                    }
                    QuestionKind::Predict { code: t.str("code")?, options }
                }
                k => return Err(toml::Error { line: t.line_of("kind"), message: format!("unknown question kind `{k}` (choice or predict)") }),
            };
            t.finish("a [[question]]")?;
            Ok(Question { id, prompt, kind, explanation, path: path.to_string(), line })
        })()
        .map_err(|e| at(path, e))?;
        if out.iter().any(|q| q.id == r.id) {
            return fail(path, line, format!("question id `{}` is used twice", r.id));
        }
        out.push(r);
    }
    root.finish("quiz.toml").map_err(|e| at(path, e))?;
    Ok(out)
}

fn load_exercise(files: &Files, id: &str, lesson: &str, listed: (&str, u32)) -> Result<Exercise, ContentError> {
    let path = format!("{id}/exercise.toml");
    let mut t = toml::parse(get(files, &path, listed)?).map_err(|e| at(&path, e))?;
    let p = path.as_str();
    let title = t.str("title").map_err(|e| at(p, e))?;
    let intro = t.opt_str("intro").map_err(|e| at(p, e))?.unwrap_or_default();
    let steps = t.strs("steps").map_err(|e| at(p, e))?;
    let hints = t.strs("hints").map_err(|e| at(p, e))?;
    let explanation = t.str("explanation").map_err(|e| at(p, e))?;
    let solution_after = t.opt_int("solution_after").map_err(|e| at(p, e))?.unwrap_or(3).clamp(0, 100) as u32;
    if steps.is_empty() {
        return fail(p, t.line_of("steps"), "an exercise needs at least one step");
    }
    if hints.is_empty() {
        return fail(p, t.line_of("hints"), "an exercise needs at least one hint");
    }
    let mut checks = Vec::new();
    for c in t.take_array("check").map_err(|e| at(p, e))? {
        checks.push(Check::parse(c).map_err(|e| at(p, e))?);
    }
    if checks.is_empty() {
        return fail(p, 1, "an exercise needs at least one [[check]]");
    }
    t.finish("exercise.toml").map_err(|e| at(p, e))?;
    let starter = get(files, &format!("{id}/starter.py"), (p, 1))?.to_string();
    let solution = get(files, &format!("{id}/solution.py"), (p, 1))?.to_string();
    Ok(Exercise {
        id: id.to_string(),
        lesson: lesson.to_string(),
        title,
        intro,
        steps,
        hints,
        explanation,
        solution_after,
        starter,
        solution,
        checks,
    })
}

/// Reads every `.toml`, `.md` and `.py` file under `root` (for the CLI and tests).
pub fn load_dir(root: &std::path::Path) -> std::io::Result<Files> {
    fn walk(root: &std::path::Path, dir: &std::path::Path, out: &mut Files) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let p = entry?.path();
            if p.is_dir() {
                walk(root, &p, out)?;
            } else if matches!(p.extension().and_then(|e| e.to_str()), Some("toml" | "md" | "py")) {
                let rel = p.strip_prefix(root).unwrap_or(&p);
                let key = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                out.insert(key, std::fs::read_to_string(&p)?);
            }
        }
        Ok(())
    }
    let mut files = Files::new();
    walk(root, root, &mut files)?;
    Ok(files)
}

impl Course {
    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }
}

