//! Real-world code must parse: all of asyncio plus a few other modules.

use std::path::PathBuf;

fn stdlib_dir() -> Option<PathBuf> {
    let root = std::env::var("PYENV_ROOT")
        .map(PathBuf::from)
        .ok()
        .or_else(|| {
            std::env::var("HOME")
                .ok()
                .map(|h| PathBuf::from(h).join(".pyenv"))
        })?;
    let dir = root.join("versions/3.13.0/lib/python3.13");
    dir.is_dir().then_some(dir)
}

fn parse_file(path: &std::path::Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let src = String::from_utf8_lossy(&bytes);
    looplab_parser::parse_module(&src).map(|_| ()).map_err(|e| {
        format!(
            "{}: {} {:?} line {} offset {}",
            path.display(),
            e.kind.name(),
            e.msg,
            e.line,
            e.col
        )
    })
}

#[test]
fn parses_asyncio_and_friends() {
    let Some(dir) = stdlib_dir() else {
        eprintln!("CPython 3.13 stdlib not found; skipping");
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("asyncio"))
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "py"));
    assert!(files.len() > 20, "asyncio sources missing");
    for name in [
        "typing.py",
        "dataclasses.py",
        "enum.py",
        "functools.py",
        "collections/__init__.py",
        "contextlib.py",
        "inspect.py",
        "argparse.py",
        "json/decoder.py",
        "re/_parser.py",
        "ast.py",
        "string.py",
        "traceback.py",
        "test/test_patma.py",
        "test/test_grammar.py",
        "test/test_type_params.py",
    ] {
        files.push(dir.join(name));
    }
    let errors: Vec<String> = files.iter().filter_map(|f| parse_file(f).err()).collect();
    eprintln!("parsed {} files", files.len());
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
