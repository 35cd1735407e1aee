//! A generator that dies suspended in a `try` is closed there and then;
//! an exception escaping its close() is printed as CPython's unraisable
//! hook prints it (the expected text is python3.13's, its address aside).

use looplab_engine::run_program;

const PROGRAM: &str = "\
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print('stubborn ignores the exit')
        yield 2

def failing():
    try:
        yield 1
    finally:
        raise ValueError('cleanup failed')

g = stubborn(); next(g); del g
print('after stubborn')
g = failing(); next(g); del g
print('after failing')
";

/// The text with each `at 0x...` address replaced by `at ADDR`.
fn without_addresses(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i]);
        out.push_str(" at ADDR");
        rest = rest[i + 6..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

#[test]
fn an_exception_escaping_a_dead_generator_is_unraisable() {
    let (stdout, stderr, code) = run_program(PROGRAM, "prog.py", "");
    assert_eq!(stdout, "stubborn ignores the exit\nafter stubborn\nafter failing\n");
    assert_eq!(code, 0);
    assert_eq!(
        without_addresses(&stderr),
        "\
Exception ignored in: <generator object stubborn at ADDR>
Traceback (most recent call last):
  File \"prog.py\", line 14, in <module>
    g = stubborn(); next(g); del g
RuntimeError: generator ignored GeneratorExit
Exception ignored in: <generator object failing at ADDR>
Traceback (most recent call last):
  File \"prog.py\", line 12, in failing
    raise ValueError('cleanup failed')
ValueError: cleanup failed
"
    );
}
