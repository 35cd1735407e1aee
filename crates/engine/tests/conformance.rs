//! The conformance suite: every `tests/conformance/<area>/<name>.py` runs on
//! the engine and must print what CPython 3.13 printed (stdout, exit code,
//! last stderr line), as recorded by `scripts/gen_expected.py`.
//!
//! `tests/conformance/KNOWN_FAILURES` lists programs the engine does not
//! pass yet. The test fails if an unlisted program fails (a regression) or
//! if a listed program passes (so the list only ever shrinks).

use std::fs;
use std::path::{Path, PathBuf};

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance")
}

fn programs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(areas) = fs::read_dir(suite_dir()) else { return out };
    for area in areas.flatten() {
        if !area.path().is_dir() {
            continue;
        }
        if let Ok(files) = fs::read_dir(area.path()) {
            for f in files.flatten() {
                let p = f.path();
                if p.extension().map(|e| e == "py").unwrap_or(false) {
                    out.push(p);
                }
            }
        }
    }
    out.sort();
    out
}

fn last_line(s: &str) -> String {
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").to_string()
}

/// Runs one program; returns None on success or a description of the mismatch.
fn check(py: &Path) -> Option<String> {
    let source = fs::read_to_string(py).ok()?;
    let expected_path = py.with_extension("expected.json");
    let expected: serde_json::Value = serde_json::from_str(&fs::read_to_string(&expected_path).ok()?).ok()?;
    let stdin = fs::read_to_string(py.with_extension("stdin")).unwrap_or_default();
    let name = py.file_name()?.to_string_lossy().into_owned();
    let (stdout, stderr, code) = looplab_engine::run_program(&source, &name, &stdin);
    let want_out = expected["stdout"].as_str().unwrap_or("");
    // A run killed by signal N (-N to Python's subprocess) is 128 + N, as a
    // shell reports it and the engine says.
    let want_code = match expected["exit_code"].as_i64().unwrap_or(0) as i32 {
        n if n < 0 => 128 - n,
        n => n,
    };
    let want_err = expected["stderr_last_line"].as_str().unwrap_or("");
    let got_err = last_line(&stderr);
    if stdout != want_out {
        let first_diff = stdout
            .lines()
            .zip(want_out.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| stdout.lines().count().min(want_out.lines().count()));
        let got_line = stdout.lines().nth(first_diff).unwrap_or("<end>");
        let want_line = want_out.lines().nth(first_diff).unwrap_or("<end>");
        return Some(format!(
            "stdout differs at line {}: got {:?}, want {:?} (stderr: {:?})",
            first_diff + 1,
            got_line,
            want_line,
            got_err
        ));
    }
    if code != want_code {
        return Some(format!("exit code {code}, want {want_code} (stderr: {got_err:?})"));
    }
    if got_err != want_err {
        return Some(format!("last stderr line {got_err:?}, want {want_err:?}"));
    }
    None
}

#[test]
fn conformance_suite() {
    // Debug builds use far more stack per nested call than release builds.
    let t = std::thread::Builder::new().stack_size(256 << 20).spawn(run_suite);
    match t.map(|h| h.join()) {
        Ok(Ok(())) => {}
        Ok(Err(e)) => std::panic::resume_unwind(e),
        Err(e) => panic!("could not start the suite thread: {e}"),
    }
}

fn run_suite() {
    let root = suite_dir();
    let known: Vec<String> = fs::read_to_string(root.join("KNOWN_FAILURES"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let progs = programs();
    assert!(!progs.is_empty(), "no conformance programs found");
    let (mut passed, mut failed) = (0, 0);
    let mut regressions = Vec::new();
    let mut fixed = Vec::new();
    let mut failing_now = Vec::new();
    for p in &progs {
        let rel = p.strip_prefix(&root).unwrap_or(p).to_string_lossy().replace('\\', "/");
        let is_known = known.contains(&rel);
        let result = std::panic::catch_unwind(|| check(p)).unwrap_or_else(|_| Some("engine panicked".to_string()));
        match result {
            None => {
                passed += 1;
                if is_known {
                    fixed.push(rel);
                }
            }
            Some(why) => {
                failed += 1;
                failing_now.push(rel.clone());
                if !is_known {
                    regressions.push(format!("{rel}: {why}"));
                }
            }
        }
    }
    if std::env::var("LOOPLAB_WRITE_KNOWN_FAILURES").is_ok() {
        let mut text = String::from("# Conformance programs the engine does not pass yet (one per line).\n# Regenerate: LOOPLAB_WRITE_KNOWN_FAILURES=1 cargo test -p looplab-engine --test conformance\n");
        for f in &failing_now {
            text.push_str(f);
            text.push('\n');
        }
        let _ = fs::write(root.join("KNOWN_FAILURES"), text);
    }
    println!("conformance: {passed} passed, {failed} failed ({} known failures listed)", known.len());
    assert!(regressions.is_empty(), "{} unexpected failures:\n{}", regressions.len(), regressions.join("\n"));
    assert!(fixed.is_empty(), "now passing, remove from KNOWN_FAILURES:\n{}", fixed.join("\n"));
}
