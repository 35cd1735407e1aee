//! Python-source modules that a program gets only when it imports them.
//!
//! Natively (the CLI, the tests) every source is compiled in. In the
//! browser (wasm32) only asyncio and what it needs are: the others are a
//! quarter of the page's first load and most programs never import them,
//! so the page fetches them before a run whose imports name them and hands
//! them over with [`supply`]. [`missing`] says which to fetch.

use std::cell::RefCell;
use std::rc::Rc;

/// The modules, each with its source where it is compiled in.
macro_rules! on_demand {
    ($($name:literal),* $(,)?) => {
        /// The names of the modules loaded on demand.
        pub const NAMES: &[&str] = &[$($name),*];

        #[cfg(not(target_arch = "wasm32"))]
        fn compiled_in(name: &str) -> Option<&'static str> {
            match name {
                $($name => Some(include_str!(concat!("py/", $name, ".py"))),)*
                _ => None,
            }
        }
    };
}

on_demand!(
    "collections", "functools", "itertools", "contextlib", "dataclasses", "string", "abc", "copy",
    "operator", "enum", "inspect", "json", "types", "textwrap", "typing", "bisect", "threading", "re",
    "traceback", "datetime", "gc",
);

#[cfg(target_arch = "wasm32")]
fn compiled_in(_name: &str) -> Option<&'static str> {
    None
}

thread_local! {
    static SUPPLIED: RefCell<Vec<(&'static str, Rc<str>)>> = const { RefCell::new(Vec::new()) };
}

/// Hands over the source of on-demand module `name` (ignored for any
/// other name); it stays for every later run on this thread.
pub fn supply(name: &str, source: &str) {
    let Some(&name) = NAMES.iter().find(|n| **n == name) else { return };
    SUPPLIED.with(|s| {
        let mut s = s.borrow_mut();
        s.retain(|(n, _)| *n != name);
        s.push((name, Rc::from(source)));
    });
}

/// The source of on-demand module `name`, if this build has it.
pub fn source(name: &str) -> Option<Rc<str>> {
    if let Some(src) = compiled_in(name) {
        return Some(Rc::from(src));
    }
    SUPPLIED.with(|s| s.borrow().iter().find(|(n, _)| *n == name).map(|(_, src)| src.clone()))
}

/// The on-demand modules that `program` imports, directly or through other
/// on-demand modules, whose source this build does not have yet. Empty
/// natively. The imports are read from the text (the statements `import
/// a, b` and `from a import b` at the start of a line or after `;`), so a
/// mention inside a string can fetch a module for nothing, and a module
/// named only at run time (`__import__(name)`) is not found.
pub fn missing(program: &str) -> Vec<&'static str> {
    let mut wanted: Vec<&'static str> = Vec::new();
    let mut sources = vec![Rc::<str>::from(program)];
    let mut out = Vec::new();
    while let Some(src) = sources.pop() {
        for name in imports(&src) {
            let Some(&name) = NAMES.iter().find(|n| **n == name) else { continue };
            if wanted.contains(&name) {
                continue;
            }
            wanted.push(name);
            match source(name) {
                Some(s) => sources.push(s),
                None => out.push(name),
            }
        }
    }
    out
}

/// The top-level module names that `src`'s import statements name.
fn imports(src: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for stmt in src.lines().flat_map(|l| l.split(';')) {
        let stmt = stmt.trim_start();
        if let Some(rest) = stmt.strip_prefix("import ") {
            for part in rest.split(',') {
                names.extend(top_name(part));
            }
        } else if let Some(rest) = stmt.strip_prefix("from ") {
            names.extend(top_name(rest));
        }
    }
    names
}

/// `json` in ` json.decoder as d`; None for a relative or malformed name.
fn top_name(part: &str) -> Option<&str> {
    let part = part.trim_start();
    let end = part.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(part.len());
    (end > 0).then(|| &part[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_names_import_statements_give() {
        let src = "import asyncio, json as j\nfrom dataclasses import dataclass\n    import re.sub  # x\nx = 1; from . import y\nimportant = 2\n";
        assert_eq!(imports(src), ["asyncio", "json", "dataclasses", "re"]);
    }

    #[test]
    fn natively_nothing_is_missing_and_every_source_is_there() {
        assert!(missing("import json\nimport functools\n").is_empty());
        for name in NAMES {
            assert!(source(name).is_some(), "{name}");
        }
    }
}
