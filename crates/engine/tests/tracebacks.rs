//! The traceback suite: every `tests/tracebacks/<name>.py` runs on the
//! engine and its stderr must equal, byte for byte, what CPython 3.13 printed
//! (recorded by `scripts/gen_tracebacks.py` in `<name>.expected.json`), and
//! so must the exit code.
//!
//! `tests/tracebacks/KNOWN_FAILURES` lists programs that do not match yet
//! (one name a line, `#` comments); the test fails if an unlisted program
//! fails or a listed one passes. `TRACEBACKS_VERBOSE=1` prints every diff.

use std::fs;
use std::path::{Path, PathBuf};

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/tracebacks")
}

fn programs() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(suite_dir())
        .map(|d| d.flatten().map(|f| f.path()).filter(|p| p.extension().map(|e| e == "py").unwrap_or(false)).collect())
        .unwrap_or_default();
    out.sort();
    out
}

fn known_failures() -> Vec<String> {
    fs::read_to_string(suite_dir().join("KNOWN_FAILURES"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Runs one program; None when it matches, else a readable diff.
fn check(py: &Path) -> Option<String> {
    let source = fs::read_to_string(py).expect("read program");
    let expected_path = py.with_extension("expected.json");
    let Ok(text) = fs::read_to_string(&expected_path) else {
        return Some(format!("no {} (run scripts/gen_tracebacks.py)", expected_path.display()));
    };
    let expected: serde_json::Value = serde_json::from_str(&text).expect("expected.json");
    let name = py.file_name().unwrap().to_string_lossy().into_owned();
    let (stdout, stderr, code) = looplab_engine::run_program(&source, &name, "");
    let want_err = expected["stderr"].as_str().unwrap_or("");
    let want_out = expected["stdout"].as_str().unwrap_or("");
    let want_code = expected["exit_code"].as_i64().unwrap_or(0) as i32;
    let mut problems = String::new();
    if stderr != want_err {
        problems.push_str("stderr differs:\n");
        let got: Vec<&str> = stderr.split_inclusive('\n').collect();
        let want: Vec<&str> = want_err.split_inclusive('\n').collect();
        for i in 0..got.len().max(want.len()) {
            let (g, w) = (got.get(i).copied(), want.get(i).copied());
            if g == w {
                problems.push_str(&format!("   {:?}\n", g.unwrap_or("")));
            } else {
                if let Some(w) = w {
                    problems.push_str(&format!("  -{w:?}\n"));
                }
                if let Some(g) = g {
                    problems.push_str(&format!("  +{g:?}\n"));
                }
            }
        }
    }
    if stdout != want_out {
        problems.push_str(&format!("stdout differs: want {want_out:?}, got {stdout:?}\n"));
    }
    if code != want_code {
        problems.push_str(&format!("exit code: want {want_code}, got {code}\n"));
    }
    if problems.is_empty() {
        None
    } else {
        Some(problems)
    }
}

#[test]
fn tracebacks_match_cpython() {
    let known = known_failures();
    let verbose = std::env::var("TRACEBACKS_VERBOSE").is_ok();
    let mut regressions = Vec::new();
    let mut fixed = Vec::new();
    let (mut pass, mut total) = (0, 0);
    for py in programs() {
        total += 1;
        let name = py.file_stem().unwrap().to_string_lossy().into_owned();
        let listed = known.contains(&name);
        match check(&py) {
            None => {
                pass += 1;
                if listed {
                    fixed.push(name);
                }
            }
            Some(diff) => {
                if verbose || !listed {
                    eprintln!("=== {name}{}\n{diff}", if listed { " (known failure)" } else { "" });
                }
                if !listed {
                    regressions.push(name);
                }
            }
        }
    }
    eprintln!("tracebacks: {pass} of {total} programs match CPython 3.13");
    assert!(total > 0, "no programs under tests/tracebacks");
    assert!(regressions.is_empty(), "not matching (and not in KNOWN_FAILURES): {regressions:?}");
    assert!(fixed.is_empty(), "now passing, remove from tests/tracebacks/KNOWN_FAILURES: {fixed:?}");
}
