//! Compare our syntax errors with CPython 3.13's, recorded by
//! `gen_syntax_errors.py` into `syntax_errors.txt`.

use looplab_parser::parse_module;

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[test]
fn syntax_errors_match_cpython() {
    let data = include_str!("syntax_errors.txt");
    let (mut total, mut failures, mut end_mismatch) = (0, Vec::new(), 0);
    for line in data.lines().filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.splitn(7, '\t').collect();
        assert_eq!(f.len(), 7, "bad data line: {line}");
        total += 1;
        let src = unescape(f[6]);
        let got = parse_module(&src);
        if f[0] == "OK" {
            if let Err(e) = got {
                failures.push(format!(
                    "{:?}\n  expected OK\n  got      {} {:?} {}:{}",
                    src,
                    e.kind.name(),
                    e.msg,
                    e.line,
                    e.col
                ));
            }
            continue;
        }
        let want = (
            f[0].to_string(),
            unescape(f[5]),
            f[1].parse::<u32>().unwrap_or(0),
            f[2].parse::<u32>().unwrap_or(0),
        );
        match got {
            Ok(_) => failures.push(format!(
                "{:?}\n  expected {} {:?} {}:{}\n  got OK",
                src, want.0, want.1, want.2, want.3
            )),
            Err(e) => {
                let g = (e.kind.name().to_string(), e.msg.clone(), e.line, e.col);
                if g != want {
                    failures.push(format!(
                        "{:?}\n  expected {} {:?} {}:{}\n  got      {} {:?} {}:{}",
                        src, want.0, want.1, want.2, want.3, g.0, g.1, g.2, g.3
                    ));
                } else if (e.end_line.to_string(), e.end_col.to_string())
                    != (f[3].to_string(), f[4].to_string())
                {
                    end_mismatch += 1;
                    eprintln!(
                        "end differs for {:?}: want {}:{} got {}:{}",
                        src, f[3], f[4], e.end_line, e.end_col
                    );
                }
            }
        }
    }
    eprintln!(
        "{} cases, {} mismatched, {} with differing end position",
        total,
        failures.len(),
        end_mismatch
    );
    assert!(failures.is_empty(), "mismatches:\n{}", failures.join("\n"));
}
