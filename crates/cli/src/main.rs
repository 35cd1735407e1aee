//! `looplab run FILE.py`: runs a program on Looplab's engine, printing its
//! stdout and stderr and exiting with CPython's exit code.

use std::io::{Read, Write};
use std::process::ExitCode;

use looplab_engine::{EventKind, Interpreter, Limits, Status, Stream};

#[global_allocator]
static ALLOC: looplab_engine::alloc::CountingAlloc = looplab_engine::alloc::CountingAlloc;

fn usage() -> ExitCode {
    eprintln!("usage: looplab run FILE.py");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("run") => {}
        _ => return usage(),
    }
    let Some(path) = args.get(1) else { return usage() };
    let source = match std::fs::read(path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("looplab: can't open file '{path}': {e}");
            return ExitCode::from(2);
        }
    };
    let mut it = Interpreter::new(&source, path, Limits::default());
    let mut stdin = String::new();
    if !atty_stdin() {
        let _ = std::io::stdin().read_to_string(&mut stdin);
    }
    it.set_stdin(&stdin);
    // Stream output as it is produced.
    let mut printed = 0;
    let code = loop {
        let st = it.run(100_000);
        printed = flush(&it, printed);
        if let Status::Finished(code) = st {
            break code;
        }
    };
    ExitCode::from(code as u8)
}

fn flush(it: &Interpreter, from: usize) -> usize {
    let events = &it.trace().events;
    let out = std::io::stdout();
    let err = std::io::stderr();
    let (mut out, mut err) = (out.lock(), err.lock());
    for e in &events[from.min(events.len())..] {
        if let EventKind::Output { stream, text } = &e.kind {
            let _ = match stream {
                Stream::Stdout => out.write_all(text.as_bytes()),
                Stream::Stderr => {
                    let _ = out.flush();
                    err.write_all(text.as_bytes())
                }
            };
        }
    }
    let _ = out.flush();
    events.len()
}

fn atty_stdin() -> bool {
    false
}
