//! `looplab-fuzz [--seconds N] [--seed S]`: feeds mutated Python programs
//! (from the conformance suite) through parse → compile → run with small
//! limits. The parent process spawns a worker; if the worker dies (panic,
//! stack overflow, abort) the input it was running is saved to
//! `target/fuzz-crashes/` and the run fails.
//!
//! Build with `--profile fuzz` (release with unwinding, so panics are
//! caught and reported with their input instead of aborting).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use looplab_engine::{Interpreter, Limits, Status};

#[global_allocator]
static ALLOC: looplab_engine::alloc::CountingAlloc = looplab_engine::alloc::CountingAlloc;

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "==", "+", "-", "*", "**", "/", "//", "%", "<", ">", "not ",
    " and ", " or ", " in ", " is ", "lambda ", "yield ", "await ", "async ", "def ", "class ", "return ", "raise ",
    "try:", "except:", "finally:", "with ", "for ", "while ", "if ", "else:", "elif ", "\n", "\n    ", "    ", "'", "\"",
    "\"\"\"", "f'{", "}'", "\\", "#", "0", "1", "-1", "1e309", "10**10**10", "None", "True", "self", "x", "*args",
    "**kw", "global x", "nonlocal x", "del ", "import sys", "from x import y", "match x:", "case _:", "@", "...",
    "[*a]", "{**d}", "x := 1", "except* ValueError:", "b'\\xff'", "'\\N{DASH}'", "__init__", "super()", "iter",
];

fn mutate(rng: &mut Rng, corpus: &[String], src: &str) -> String {
    let mut s: Vec<char> = src.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let len = s.len();
        match rng.below(8) {
            0 if len > 0 => {
                let a = rng.below(len);
                let b = (a + rng.below(20)).min(len);
                s.drain(a..b);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                let at = rng.below(len + 1);
                for (i, c) in t.chars().enumerate() {
                    s.insert(at + i, c);
                }
            }
            2 if len > 0 => {
                let at = rng.below(len);
                s[at] = char::from_u32(rng.below(0x3000) as u32).unwrap_or('?');
            }
            3 => {
                let other: Vec<char> = corpus[rng.below(corpus.len())].chars().collect();
                let a = rng.below(other.len() + 1);
                let b = (a + rng.below(200)).min(other.len());
                let at = rng.below(len + 1);
                for (i, c) in other[a..b].iter().enumerate() {
                    s.insert(at + i, *c);
                }
            }
            4 if len > 0 => s.truncate(rng.below(len)),
            5 => {
                let depth = rng.below(300);
                let at = rng.below(len + 1);
                let nest: String = "(".repeat(depth) + &")".repeat(rng.below(depth + 1));
                for (i, c) in nest.chars().enumerate() {
                    s.insert(at + i, c);
                }
            }
            6 if len > 1 => {
                let a = rng.below(len);
                let b = (a + rng.below(80)).min(len);
                let chunk: Vec<char> = s[a..b].to_vec();
                let at = rng.below(len + 1);
                for (i, c) in chunk.into_iter().enumerate() {
                    s.insert(at + i, c);
                }
            }
            _ => {
                let at = rng.below(len + 1);
                s.insert(at, (rng.below(95) as u8 + 32) as char);
            }
        }
    }
    s.into_iter().collect()
}

fn run_one(src: &str) {
    let limits = Limits { recursion_limit: 200, memory_bytes: 64 << 20, output_bytes: 1 << 20, ..Limits::default() };
    let mut it = Interpreter::new(src, "fuzz.py", limits);
    // A bounded number of slices: endless programs are fine, they just stop.
    for _ in 0..20 {
        if let Status::Finished(_) = it.run(20_000) {
            break;
        }
    }
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance")
}

fn load_corpus() -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(areas) = std::fs::read_dir(corpus_dir()) {
        for a in areas.flatten() {
            if let Ok(files) = std::fs::read_dir(a.path()) {
                for f in files.flatten() {
                    if f.path().extension().map(|e| e == "py").unwrap_or(false) {
                        if let Ok(s) = std::fs::read_to_string(f.path()) {
                            out.push(s);
                        }
                    }
                }
            }
        }
    }
    if out.is_empty() {
        out.push("print(1)\n".to_string());
    }
    out.sort();
    out
}

/// Worker: runs cases from `seed` until killed, writing each input first.
fn worker(seed: u64, current: &Path) {
    let corpus = load_corpus();
    let mut rng = Rng(seed | 1);
    let mut n: u64 = 0;
    loop {
        let base = &corpus[rng.below(corpus.len())];
        let src = mutate(&mut rng, &corpus, base);
        let _ = std::fs::write(current, &src);
        let r = std::panic::catch_unwind(|| run_one(&src));
        if r.is_err() {
            eprintln!("panic on input saved in {}", current.display());
            std::process::exit(3);
        }
        n += 1;
        if n % 1000 == 0 {
            let _ = writeln!(std::io::stdout(), "cases {n}");
            let _ = std::io::stdout().flush();
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let get = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let seconds: u64 = get("--seconds").and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = get("--seed").and_then(|s| s.parse().ok()).unwrap_or(0x5eed);
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz-crashes");
    let _ = std::fs::create_dir_all(&out_dir);
    if let Some(w) = get("--worker") {
        let current = out_dir.join(format!("current-{w}.py"));
        worker(w.parse().unwrap_or(1), &current);
        return ExitCode::SUCCESS;
    }
    std::panic::set_hook(Box::new(|_| {}));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("cannot find own executable: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut crashes = 0;
    let mut worker_seed = seed;
    while Instant::now() < deadline {
        let mut child = match Command::new(&exe).args(["--worker", &worker_seed.to_string()]).stdout(Stdio::null()).spawn() {
            Ok(c) => c,
            Err(e) => {
                eprintln!("cannot start worker: {e}");
                return ExitCode::FAILURE;
            }
        };
        loop {
            std::thread::sleep(Duration::from_millis(200));
            match child.try_wait() {
                Ok(Some(status)) => {
                    crashes += 1;
                    let current = out_dir.join(format!("current-{worker_seed}.py"));
                    let saved = out_dir.join(format!("crash-{worker_seed}.py"));
                    let _ = std::fs::rename(&current, &saved);
                    eprintln!("worker crashed ({status}); input saved to {}", saved.display());
                    break;
                }
                Ok(None) if Instant::now() >= deadline => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break;
                }
                Ok(None) => {}
                Err(_) => break,
            }
        }
        worker_seed = worker_seed.wrapping_mul(6364136223846793005).wrapping_add(1);
    }
    println!("fuzzed for {seconds} s: {crashes} crashes");
    if crashes > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
