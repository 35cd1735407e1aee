//! Writes the Python-source modules the engine carries (`src/modules/py`)
//! into `OUT_DIR/py` without their comments: they are in every page's
//! first load, and a comment is never shown to a learner (tracebacks of
//! these modules print no source lines). Only comments go; every line
//! stays where it was, so line numbers in tracebacks and the trace do not
//! change (a test compares the parsed modules).

use std::fs;
use std::path::Path;

fn main() {
    let src = Path::new("src/modules/py");
    println!("cargo:rerun-if-changed={}", src.display());
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("py");
    fs::create_dir_all(&out).expect("create OUT_DIR/py");
    let mut files: Vec<_> = fs::read_dir(src).expect("read src/modules/py").flatten().map(|e| e.path()).collect();
    files.sort();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "py")) {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).expect("read a module");
        let name = path.file_name().expect("a file name");
        fs::write(out.join(name), strip_comments(&text)).expect("write a module");
    }
}

/// `text` with every comment removed, and the blanks before it. Strings
/// (any prefix, single or triple quoted) are skipped whole, so a `#` in
/// one is kept.
fn strip_comments(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                out.push_str(text[copied..i].trim_end_matches([' ', '\t']));
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                copied = i;
            }
            q @ (b'\'' | b'"') => {
                let triple = b[i..].starts_with(&[q, q, q]);
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                    } else if triple && b[i..].starts_with(&[q, q, q]) {
                        i += 3;
                        break;
                    } else if !triple && (b[i] == q || b[i] == b'\n') {
                        i += 1;
                        break;
                    } else {
                        i += 1;
                    }
                }
            }
            _ => i += 1,
        }
    }
    out.push_str(&text[copied.min(text.len())..]);
    out
}
