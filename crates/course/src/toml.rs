//! A small parser for the TOML subset the course files use.
//!
//! The course is compiled into the browser app, so instead of a general TOML
//! library (and serde behind it) this reads just what `exercises/AUTHORING.md`
//! documents:
//!
//! - `key = value` with bare keys (`A-Z a-z 0-9 _ -`), `# comments`;
//! - `[table]` and `[[array-of-tables]]` headers, one level deep;
//! - values: strings (`"basic"` with `\n \t \" \\ \uXXXX` escapes, `'literal'`,
//!   `"""multi-line"""`, `'''multi-line literal'''`), integers, floats,
//!   `true`/`false`, and arrays of those (may span lines, trailing comma allowed).
//!
//! Anything else (dotted keys, inline tables, dates) is an error that names
//! the line, never a silent misreading.

use std::fmt;

/// A parse or validation error at a line of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub line: u32,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

fn err<T>(line: u32, message: impl Into<String>) -> Result<T, Error> {
    Err(Error { line, message: message.into() })
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Array(Vec<Value>),
}

impl Value {
    fn type_name(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Bool(_) => "true or false",
            Value::Array(_) => "an array",
        }
    }
}

/// One key with its value and the line it was written on.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub value: Value,
    pub line: u32,
    used: bool,
}

/// A table: the document root, a `[table]` or one `[[array]]` element.
///
/// The typed getters mark keys as used so [`Table::finish`] can report a
/// misspelt key with its line instead of ignoring it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The header's line (1 for the root).
    pub line: u32,
    entries: Vec<Entry>,
    /// `[name]` tables and `[[name]]` arrays, in order of first appearance.
    children: Vec<(String, Vec<Table>, bool)>,
}

impl Table {
    fn entry(&mut self, key: &str) -> Option<&mut Entry> {
        let e = self.entries.iter_mut().find(|e| e.key == key)?;
        e.used = true;
        Some(e)
    }

    /// The line of `key`, or of the table when the key is absent.
    pub fn line_of(&self, key: &str) -> u32 {
        self.entries.iter().find(|e| e.key == key).map_or(self.line, |e| e.line)
    }

    pub fn opt_str(&mut self, key: &str) -> Result<Option<String>, Error> {
        match self.entry(key) {
            None => Ok(None),
            Some(Entry { value: Value::Str(s), .. }) => Ok(Some(s.clone())),
            Some(e) => err(e.line, format!("`{key}` must be a string, not {}", e.value.type_name())),
        }
    }

    pub fn str(&mut self, key: &str) -> Result<String, Error> {
        match self.opt_str(key)? {
            Some(s) => Ok(s),
            None => Err(self.missing(key)),
        }
    }

    /// "missing `key`", pointing at a key nobody asked for if there is one
    /// (usually the same key misspelt).
    pub fn missing(&self, key: &str) -> Error {
        match self.entries.iter().find(|e| !e.used) {
            Some(e) => Error { line: e.line, message: format!("missing `{key}` (is `{}` a misspelling?)", e.key) },
            None => Error { line: self.line, message: format!("missing `{key}`") },
        }
    }

    pub fn opt_int(&mut self, key: &str) -> Result<Option<i64>, Error> {
        match self.entry(key) {
            None => Ok(None),
            Some(Entry { value: Value::Int(i), .. }) => Ok(Some(*i)),
            Some(e) => err(e.line, format!("`{key}` must be an integer, not {}", e.value.type_name())),
        }
    }

    pub fn opt_num(&mut self, key: &str) -> Result<Option<f64>, Error> {
        match self.entry(key) {
            None => Ok(None),
            Some(Entry { value: Value::Int(i), .. }) => Ok(Some(*i as f64)),
            Some(Entry { value: Value::Float(f), .. }) => Ok(Some(*f)),
            Some(e) => err(e.line, format!("`{key}` must be a number, not {}", e.value.type_name())),
        }
    }

    pub fn opt_bool(&mut self, key: &str) -> Result<Option<bool>, Error> {
        match self.entry(key) {
            None => Ok(None),
            Some(Entry { value: Value::Bool(b), .. }) => Ok(Some(*b)),
            Some(e) => err(e.line, format!("`{key}` must be true or false, not {}", e.value.type_name())),
        }
    }

    /// An array of strings; a single string is accepted as a one-item list.
    pub fn opt_strs(&mut self, key: &str) -> Result<Option<Vec<String>>, Error> {
        let Some(e) = self.entry(key) else { return Ok(None) };
        let line = e.line;
        match &e.value {
            Value::Str(s) => Ok(Some(vec![s.clone()])),
            Value::Array(items) => items
                .iter()
                .map(|v| match v {
                    Value::Str(s) => Ok(s.clone()),
                    v => err(line, format!("`{key}` must list strings, found {}", v.type_name())),
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Some),
            v => err(line, format!("`{key}` must be an array of strings, not {}", v.type_name())),
        }
    }

    pub fn strs(&mut self, key: &str) -> Result<Vec<String>, Error> {
        match self.opt_strs(key)? {
            Some(v) => Ok(v),
            None => Err(self.missing(key)),
        }
    }

    /// The `[[name]]` elements (empty if there are none).
    pub fn take_array(&mut self, name: &str) -> Result<Vec<Table>, Error> {
        match self.children.iter().position(|c| c.0 == name) {
            None => Ok(Vec::new()),
            Some(i) => {
                let (_, tables, is_array) = self.children.remove(i);
                if !is_array {
                    return err(tables[0].line, format!("`{name}` must be written [[{name}]] (a list)"));
                }
                Ok(tables)
            }
        }
    }

    /// Reports the first key or table no getter asked for.
    pub fn finish(&self, what: &str) -> Result<(), Error> {
        if let Some(e) = self.entries.iter().find(|e| !e.used) {
            return err(e.line, format!("unknown key `{}` in {what}", e.key));
        }
        if let Some((name, tables, _)) = self.children.first() {
            return err(tables[0].line, format!("unknown table [{name}] in {what}"));
        }
        Ok(())
    }
}

/// Parses a whole document into its root table.
pub fn parse(text: &str) -> Result<Table, Error> {
    let mut p = Parser { src: text.as_bytes(), pos: 0, line: 1 };
    let mut root = Table { line: 1, ..Table::default() };
    // Where keys go: None = root, Some(i) = the last table of root.children[i].
    let mut current: Option<usize> = None;
    loop {
        p.skip_blank_lines()?;
        let Some(c) = p.peek() else { break };
        let line = p.line;
        if c == b'[' {
            let is_array = p.src.get(p.pos + 1) == Some(&b'[');
            p.pos += if is_array { 2 } else { 1 };
            p.skip_spaces();
            let name = p.bare_key()?;
            p.skip_spaces();
            let close: &[u8] = if is_array { b"]]" } else { b"]" };
            if !p.src[p.pos..].starts_with(close) {
                return err(line, format!("expected `{}` to close the table header", String::from_utf8_lossy(close)));
            }
            p.pos += close.len();
            p.end_of_line()?;
            if root.entries.iter().any(|e| e.key == name) {
                return err(line, format!("`{name}` is already a key"));
            }
            let table = Table { line, ..Table::default() };
            match root.children.iter().position(|ch| ch.0 == name) {
                Some(i) if is_array && root.children[i].2 => {
                    root.children[i].1.push(table);
                    current = Some(i);
                }
                Some(_) => return err(line, format!("table [{name}] is defined twice")),
                None => {
                    root.children.push((name, vec![table], is_array));
                    current = Some(root.children.len() - 1);
                }
            }
            continue;
        }
        let key = p.bare_key()?;
        p.skip_spaces();
        if p.peek() == Some(b'.') {
            return err(line, "dotted keys are not supported; use a [table]");
        }
        if p.peek() != Some(b'=') {
            return err(line, format!("expected `=` after `{key}`"));
        }
        p.pos += 1;
        p.skip_spaces();
        let value = p.value()?;
        p.end_of_line()?;
        let table = match current {
            None => &mut root,
            Some(i) => root.children[i].1.last_mut().expect("a header pushed a table"),
        };
        if table.entries.iter().any(|e| e.key == key) {
            return err(line, format!("`{key}` is set twice"));
        }
        table.entries.push(Entry { key, value, line, used: false });
    }
    Ok(root)
}

struct Parser<'a> {
    src: &'a [u8],
    pos: usize,
    line: u32,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn skip_comment(&mut self) {
        if self.peek() == Some(b'#') {
            while !matches!(self.peek(), None | Some(b'\n')) {
                self.pos += 1;
            }
        }
    }

    /// Skips spaces, comments and newlines (between statements and inside arrays).
    fn skip_blank_lines(&mut self) -> Result<(), Error> {
        loop {
            self.skip_spaces();
            self.skip_comment();
            match self.peek() {
                Some(b'\n') => {
                    self.pos += 1;
                    self.line += 1;
                }
                Some(b'\r') if self.src.get(self.pos + 1) == Some(&b'\n') => self.pos += 1,
                _ => return Ok(()),
            }
        }
    }

    fn end_of_line(&mut self) -> Result<(), Error> {
        self.skip_spaces();
        self.skip_comment();
        if self.peek() == Some(b'\r') {
            self.pos += 1;
        }
        match self.peek() {
            None | Some(b'\n') => Ok(()),
            Some(_) => err(self.line, "unexpected text after the value (one `key = value` per line)"),
        }
    }

    fn bare_key(&mut self) -> Result<String, Error> {
        let start = self.pos;
        while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == b'_' || c == b'-') {
            self.pos += 1;
        }
        if self.pos == start {
            return err(self.line, "expected a key (letters, digits, `_` or `-`)");
        }
        Ok(String::from_utf8_lossy(&self.src[start..self.pos]).into_owned())
    }

    fn value(&mut self) -> Result<Value, Error> {
        let line = self.line;
        match self.peek() {
            Some(b'"') | Some(b'\'') => self.string().map(Value::Str),
            Some(b'[') => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_blank_lines()?;
                    match self.peek() {
                        None => return err(line, "this array is never closed with `]`"),
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(Value::Array(items));
                        }
                        _ => {}
                    }
                    items.push(self.value()?);
                    self.skip_blank_lines()?;
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b']') => {}
                        None => return err(line, "this array is never closed with `]`"),
                        _ => return err(self.line, "expected `,` or `]` in the array"),
                    }
                }
            }
            Some(b'{') => err(line, "inline tables are not supported; use a [table] or [[table]]"),
            _ => {
                let start = self.pos;
                while matches!(self.peek(), Some(c) if !matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b',' | b']' | b'#')) {
                    self.pos += 1;
                }
                let word = String::from_utf8_lossy(&self.src[start..self.pos]).into_owned();
                scalar(&word).ok_or(Error { line, message: format!("`{word}` is not a value (strings need quotes)") })
            }
        }
    }

    fn string(&mut self) -> Result<String, Error> {
        let line = self.line;
        let quote = self.src[self.pos];
        let triple = self.src[self.pos..].starts_with(&[quote, quote, quote]);
        self.pos += if triple { 3 } else { 1 };
        if triple {
            // A newline right after the opening quotes is not part of the string.
            if self.src[self.pos..].starts_with(b"\r\n") {
                self.pos += 2;
                self.line += 1;
            } else if self.peek() == Some(b'\n') {
                self.pos += 1;
                self.line += 1;
            }
        }
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                return err(line, "this string is never closed");
            };
            if c == quote && (!triple || self.src[self.pos..].starts_with(&[quote, quote, quote])) {
                self.pos += if triple { 3 } else { 1 };
                // Up to two more quotes right before the closing three belong to the string.
                while triple && self.peek() == Some(quote) {
                    out.push(quote);
                    self.pos += 1;
                }
                return String::from_utf8(out).or_else(|_| err(line, "the string is not valid UTF-8"));
            }
            if c == b'\n' {
                if !triple {
                    return err(line, "this string is never closed on its line (use \"\"\" for several lines)");
                }
                self.line += 1;
            }
            self.pos += 1;
            if c == b'\\' && quote == b'"' {
                let Some(e) = self.peek() else { return err(line, "this string is never closed") };
                self.pos += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b't' => out.push(b'\t'),
                    b'r' => out.push(b'\r'),
                    b'"' => out.push(b'"'),
                    b'\\' => out.push(b'\\'),
                    b'u' => {
                        let hex = self.src.get(self.pos..self.pos + 4).unwrap_or(b"");
                        let ch = std::str::from_utf8(hex)
                            .ok()
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                            .and_then(char::from_u32);
                        let Some(ch) = ch else { return err(self.line, "`\\u` needs four hex digits") };
                        self.pos += 4;
                        out.extend_from_slice(ch.to_string().as_bytes());
                    }
                    b'\n' | b' ' | b'\t' | b'\r' if triple => {
                        // Line-ending backslash: drop the newline and the next line's indentation.
                        self.pos -= 1;
                        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
                            if self.peek() == Some(b'\n') {
                                self.line += 1;
                            }
                            self.pos += 1;
                        }
                    }
                    other => {
                        return err(self.line, format!("unknown escape `\\{}` (write `\\\\` for a backslash)", other as char))
                    }
                }
                continue;
            }
            out.push(c);
        }
    }
}

fn scalar(word: &str) -> Option<Value> {
    match word {
        "true" => return Some(Value::Bool(true)),
        "false" => return Some(Value::Bool(false)),
        _ => {}
    }
    let digits = word.replace('_', "");
    if !digits.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+') {
        return None;
    }
    if let Ok(i) = digits.parse::<i64>() {
        return Some(Value::Int(i));
    }
    digits.parse::<f64>().ok().filter(|f| f.is_finite()).map(Value::Float)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_subset() {
        let mut t = parse(
            "title = \"A \\\"quoted\\\" title\" # comment\nn = 3\nf = 1.5\nok = true\n\
             list = [\n  'a',\n  \"b\", # why\n]\ncode = '''\nprint(\"x\\n\")\n'''\n\
             [[check]]\nkind = \"output\"\n[[check]]\nkind = \"max_time\"\nseconds = 1_0\n",
        )
        .unwrap();
        assert_eq!(t.str("title").unwrap(), "A \"quoted\" title");
        assert_eq!(t.opt_int("n").unwrap(), Some(3));
        assert_eq!(t.opt_num("f").unwrap(), Some(1.5));
        assert_eq!(t.opt_bool("ok").unwrap(), Some(true));
        assert_eq!(t.strs("list").unwrap(), vec!["a", "b"]);
        assert_eq!(t.str("code").unwrap(), "print(\"x\\n\")\n");
        let mut checks = t.take_array("check").unwrap();
        assert_eq!(checks.len(), 2);
        assert_eq!(checks[1].line, 14);
        assert_eq!(checks[1].opt_num("seconds").unwrap(), Some(10.0));
        assert_eq!(checks[1].line_of("seconds"), 16);
        t.finish("the file").unwrap();
        assert!(checks[0].finish("a check").is_err());
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("a = 1\nb = \"open\n", 2, "never closed"),
            ("a = 1\n\nb = {x = 1}\n", 3, "inline tables"),
            ("a.b = 1\n", 1, "dotted keys"),
            ("a = 1\na = 2\n", 2, "set twice"),
            ("a = [1,\n2\n", 1, "never closed"),
            ("x = hello\n", 1, "not a value"),
            ("[t]\n[t]\n", 2, "defined twice"),
            ("a = 1 2\n", 1, "after the value"),
            ("s = \"\\q\"\n", 1, "unknown escape"),
        ];
        for (src, line, msg) in cases {
            let e = parse(src).unwrap_err();
            assert_eq!(e.line, line, "{src:?}: {e}");
            assert!(e.message.contains(msg), "{src:?}: {e}");
        }
    }

    #[test]
    fn unknown_and_mistyped_keys_are_reported() {
        let mut t = parse("title = 3\nextra = 'x'\n").unwrap();
        assert_eq!(t.str("title").unwrap_err().line, 1);
        let e = t.finish("exercise.toml").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (2, "unknown key `extra` in exercise.toml"));
        assert_eq!(parse("").unwrap().str("title").unwrap_err().message, "missing `title`");
    }
}
