//! The parser must never panic or overflow the stack: it runs in
//! WebAssembly, where either kills the page.

use looplab_parser::parse_module;

/// Run `f` on a thread with a small stack, like a browser's wasm stack.
/// Debug builds use far bigger frames, so they get more room.
fn with_stack<F: FnOnce() + Send + 'static>(f: F) {
    let size = if cfg!(debug_assertions) {
        16 << 20
    } else {
        1 << 20
    };
    std::thread::Builder::new()
        .stack_size(size)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("parser thread panicked or overflowed");
}

/// xorshift64*: deterministic, no extra crates.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    "def ", "async ", "await ", "class ", "if ", "elif ", "else", ":", "\n", "\n    ", "\t", "(",
    ")", "[", "]", "{", "}", ",", ".", "=", "==", ":=", "*", "**", "+", "-", "lambda ", "yield ",
    "from ", "import ", "x", "y1", "_", "match ", "case ", "type ", "1", "0x1F", "1e5", "1_0",
    "0777", "1j", "'s'", "\"t\"", "f'", "f\"{", "}\"", "'''", "\\", "#c", " ", "for ", "in ",
    "not ", "is ", "and ", "or ", "try", "except", "finally", "with ", "as ", "@", "->", ";", "!r",
    "!", "...", "del ", "return ", "global ", "b'\\x", "\\N{", "rb'", "é", "…", "\0", "\r\n",
    "\u{feff}", "pass", "while ", "break", "continue", "raise ", "assert ", "%", "//", "<<", "|",
    "~",
];

#[test]
fn random_fragments_never_panic() {
    with_stack(|| {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let n = 1 + rng.below(40);
            let src: String = (0..n)
                .map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())])
                .collect();
            let _ = parse_module(&src);
        }
    });
}

#[test]
fn random_bytes_never_panic() {
    with_stack(|| {
        let mut rng = Rng(12345);
        for _ in 0..20_000 {
            let n = rng.below(80);
            let bytes: Vec<u8> = (0..n)
                .map(|_| {
                    let r = rng.below(100);
                    if r < 70 {
                        let alphabet = b" \n\t()[]{}:=.,'\"\\#fbrx0123456789_+-*/%@<>!";
                        alphabet[rng.below(alphabet.len())]
                    } else {
                        rng.next() as u8
                    }
                })
                .collect();
            let _ = parse_module(&String::from_utf8_lossy(&bytes));
        }
    });
}

#[test]
fn mutated_real_code_never_panics() {
    let base = "import asyncio\n\nasync def worker(name: str, q: asyncio.Queue[int]) -> None:\n    while True:\n        item = await q.get()\n        print(f\"{name=} got {item!r:>{width}}\")\n        match item:\n            case [x, *rest] if x > 0:\n                pass\n            case {\"k\": v, **kw}:\n                pass\n        q.task_done()\n\nasyncio.run(main())\n";
    with_stack(move || {
        let mut rng = Rng(777);
        let chars: Vec<char> = base.chars().collect();
        for _ in 0..20_000 {
            let mut c = chars.clone();
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(c.len());
                match rng.below(3) {
                    0 => {
                        c.remove(i);
                    }
                    1 => c.insert(i, chars[rng.below(chars.len())]),
                    _ => {
                        let j = rng.below(c.len());
                        c.swap(i, j)
                    }
                }
            }
            let _ = parse_module(&c.iter().collect::<String>());
        }
    });
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    with_stack(|| {
        for n in [50usize, 199, 200, 201, 1000, 100_000] {
            for (open, close) in [("(", ")"), ("[", "]"), ("{", "}"), ("f'{", "}'")] {
                let src = format!("x = {}1{}\n", open.repeat(n), close.repeat(n));
                let _ = parse_module(&src);
            }
            for prefix in ["-", "not ", "~", "await ", "lambda: ", "yield ", "*"] {
                let src = format!("x = {}1\n", prefix.repeat(n));
                let _ = parse_module(&src);
            }
            let src = format!("x = {}1\n", "1 if 2 else ".repeat(n));
            let _ = parse_module(&src);
            let src = format!("x = 1{}\n", " ** 2".repeat(n));
            let _ = parse_module(&src);
            let src = format!("x = a{}\n", ".b".repeat(n));
            let _ = parse_module(&src);
            let src = format!("x = a{}\n", "(1)".repeat(n));
            let _ = parse_module(&src);
            let src = format!("x = 1{}\n", "+1".repeat(n));
            let _ = parse_module(&src);
            let src = format!(
                "x = {}a{}\n",
                "(".repeat(n.min(150)),
                ".b".repeat(n) + &")".repeat(n.min(150))
            );
            let _ = parse_module(&src);
            let mut src = String::new();
            for d in 0..n.min(2000) {
                src.push_str(&" ".repeat(d));
                src.push_str("if x:\n");
            }
            src.push_str(&" ".repeat(n.min(2000)));
            src.push_str("pass\n");
            let _ = parse_module(&src);
            let src = format!(
                "match x:\n case {}1{}:\n  pass\n",
                "[".repeat(n),
                "]".repeat(n)
            );
            let _ = parse_module(&src);
        }
    });
}

#[test]
fn nesting_limits_match_cpython() {
    with_stack(|| {
        // CPython allows 199; we stop a little earlier to stay inside a
        // 1 MiB wasm stack (see MAX_DEPTH), with the same message.
        let ok = format!("x = {}1{}\n", "(".repeat(100), ")".repeat(100));
        assert!(parse_module(&ok).is_ok());
        let deep = format!("x = {}1{}\n", "(".repeat(180), ")".repeat(180));
        let e = parse_module(&deep).expect_err("too deep");
        assert_eq!(e.msg, "too many nested parentheses");
        let bad = format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201));
        let e = parse_module(&bad).expect_err("too deep");
        assert_eq!(e.msg, "too many nested parentheses");
    });
}
