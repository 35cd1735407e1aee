//! The `looplab` command.
//!
//! - `looplab run FILE.py [--trace OUT.json] [--perfetto OUT.json] [--realtime]`
//!   runs a program, printing its stdout and stderr as it goes and exiting
//!   with CPython's exit code.
//! - `looplab timeline FILE.py` runs it and prints a text timeline of its
//!   asyncio tasks.
//! - `looplab check exercises/ [--code FILE.py]` validates the course (see `check.rs`).

mod check;

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use looplab_engine::{timeline, EventKind, Interpreter, Limits, Status, Stream};

#[global_allocator]
static ALLOC: looplab_engine::alloc::CountingAlloc = looplab_engine::alloc::CountingAlloc;

const USAGE: &str = "usage: looplab run FILE.py [--trace OUT.json] [--perfetto OUT.json] [--realtime]\n       looplab timeline FILE.py\n";

fn usage() -> ExitCode {
    eprintln!("{USAGE}{}", check::USAGE);
    ExitCode::from(2)
}

struct Options {
    path: String,
    trace: Option<String>,
    perfetto: Option<String>,
    realtime: bool,
}

fn parse(args: &[String]) -> Option<Options> {
    let mut o = Options { path: String::new(), trace: None, perfetto: None, realtime: false };
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--trace" => {
                o.trace = Some(args.get(i + 1)?.clone());
                i += 1;
            }
            "--perfetto" => {
                o.perfetto = Some(args.get(i + 1)?.clone());
                i += 1;
            }
            "--realtime" => o.realtime = true,
            p if o.path.is_empty() && !p.starts_with("--") => o.path = p.to_string(),
            _ => return None,
        }
        i += 1;
    }
    if o.path.is_empty() {
        None
    } else {
        Some(o)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(cmd) = args.first().cloned() else { return usage() };
    if cmd == "check" {
        return check::main(&args[1..]);
    }
    let Some(opts) = parse(&args[1..]) else { return usage() };
    if cmd != "run" && cmd != "timeline" {
        return usage();
    }
    let source = match std::fs::read(&opts.path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("looplab: can't open file '{}': {e}", opts.path);
            return ExitCode::from(2);
        }
    };
    let mut it = Interpreter::new(&source, &opts.path, Limits::default());
    it.manual_clock = opts.realtime;
    // A plain run reads only the output events: the others (task states,
    // queue snapshots...) are not built at all, as when the cap is reached.
    if cmd == "run" && opts.trace.is_none() && opts.perfetto.is_none() {
        it.vm.trace.cap = 0;
    }
    let mut stdin = String::new();
    let _ = std::io::stdin().read_to_string(&mut stdin);
    it.set_stdin(&stdin);
    let echo = cmd == "run";
    let started = Instant::now();
    let mut printed = 0;
    let code = loop {
        let st = it.run(100_000);
        if echo {
            printed = flush(&it, printed);
        }
        if let Status::Finished(code) = st {
            break code;
        }
        if let Some(until) = it.sleeping_until() {
            // --realtime: wait for the wall clock to reach the deadline.
            let target = Duration::from_secs_f64(until.max(0.0));
            let elapsed = started.elapsed();
            if target > elapsed {
                std::thread::sleep(target - elapsed);
            }
            it.advance_clock(until);
        }
    };
    if let Some(path) = &opts.trace {
        if let Err(e) = std::fs::write(path, timeline::trace_json(it.trace())) {
            eprintln!("looplab: can't write {path}: {e}");
        }
    }
    if let Some(path) = &opts.perfetto {
        if let Err(e) = std::fs::write(path, timeline::perfetto_json(it.trace())) {
            eprintln!("looplab: can't write {path}: {e}");
        }
    }
    if cmd == "timeline" {
        print!("{}", timeline::text_timeline(it.trace()));
    }
    ExitCode::from(code.clamp(0, 255) as u8)
}

/// Prints output events not printed yet; returns how many are done.
fn flush(it: &Interpreter, from: usize) -> usize {
    let events = &it.trace().events;
    let out = std::io::stdout();
    let err = std::io::stderr();
    let (mut out, mut err) = (out.lock(), err.lock());
    for e in &events[from.min(events.len())..] {
        if let EventKind::Output { stream, text } = &e.kind {
            match stream {
                Stream::Stdout => {
                    let _ = out.write_all(text.as_bytes());
                }
                Stream::Stderr => {
                    let _ = out.flush();
                    let _ = err.write_all(text.as_bytes());
                }
            }
        }
    }
    let _ = out.flush();
    events.len()
}
