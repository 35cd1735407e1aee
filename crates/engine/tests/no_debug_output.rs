//! The browser build formats `{:?}` as nothing (`-Zfmt-debug=none`, see
//! scripts/env.sh), so no code a learner's run reaches may print with it:
//! this scans the sources the page compiles for Debug formatting outside
//! tests and assertions.

use std::path::Path;

fn scan(dir: &Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            scan(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            // Unit tests sit at the end of a file, after `#[cfg(test)]`.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for (n, line) in code.lines().enumerate() {
                let debug = line.contains(":?}") || line.contains(":#?}");
                if debug && !line.contains("assert") {
                    found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
}

#[test]
fn no_debug_formatting_in_code_the_page_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut found = Vec::new();
    for dir in ["crates/engine/src", "crates/parser/src", "crates/num/src", "src"] {
        scan(&root.join(dir), &mut found);
    }
    assert!(found.is_empty(), "Debug formatting prints nothing in the browser build:\n{}", found.join("\n"));
}
