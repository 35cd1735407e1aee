//! Parse files (or stdin with `-`) and report errors; `--dump` prints the AST,
//! `--time N` parses N times and reports the mean time.
use std::io::Read;

fn main() {
    let mut dump = false;
    let mut times = 1u32;
    let mut args = std::env::args().skip(1);
    let mut files = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dump" => dump = true,
            "--time" => times = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            _ => files.push(a),
        }
    }
    for f in files {
        let src = if f == "-" {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).expect("stdin");
            s
        } else {
            String::from_utf8_lossy(&std::fs::read(&f).expect("read")).into_owned()
        };
        let t = std::time::Instant::now();
        let mut r = looplab_parser::parse_module(&src);
        for _ in 1..times {
            r = looplab_parser::parse_module(&src);
        }
        let el = t.elapsed() / times;
        match r {
            Ok(m) if dump => println!("{:#?}", m.body),
            Ok(_) => println!("{f}: ok ({} lines, {:?})", src.lines().count(), el),
            Err(e) => println!(
                "{f}: {} {:?} {} {} {} {}",
                e.kind.name(),
                e.msg,
                e.line,
                e.col,
                e.end_line,
                e.end_col
            ),
        }
    }
}
