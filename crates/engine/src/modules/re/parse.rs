//! Regular expression syntax → a program for the backtracking matcher.
//!
//! The parser follows CPython's `re._parser` closely enough to give the
//! same `re.error` messages and positions for common mistakes; the
//! compiler turns the tree into instructions (`Inst`) in the style of a
//! backtracking VM: `Split` tries its first branch and remembers the
//! second.

use std::collections::HashMap;

pub const IGNORECASE: i64 = 2;
pub const MULTILINE: i64 = 8;
pub const DOTALL: i64 = 16;
pub const ASCII: i64 = 256;
pub const VERBOSE: i64 = 64;

/// Programs larger than this are refused (a `{1000}{1000}` would
/// otherwise unroll into a million instructions).
const MAX_PROGRAM: usize = 200_000;

/// A compile error: CPython's message and the position it points at.
pub struct ReError {
    pub msg: String,
    pub pos: Option<usize>,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, ReError> {
    Err(ReError { msg: msg.into(), pos: Some(pos) })
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum ClassItem {
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

#[derive(Clone, Debug)]
pub struct Class {
    pub negated: bool,
    pub items: Vec<ClassItem>,
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Assert {
    LineStart,
    LineEnd,
    TextStart,
    TextEnd,
    /// `$` without MULTILINE: end, or before a final newline.
    End,
    WordBoundary,
    NotWordBoundary,
}

#[derive(Clone, Debug)]
enum Node {
    Empty,
    Char(char),
    Any,
    Class(Class),
    Assert(Assert),
    Group(Box<Node>, Option<usize>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat { node: Box<Node>, min: u32, max: Option<u32>, greedy: bool },
    Backref(usize),
    Look { node: Box<Node>, behind: bool, negate: bool },
    /// `(?(1)yes|no)`.
    Cond { group: usize, yes: Box<Node>, no: Box<Node> },
}

#[derive(Clone, Debug)]
pub enum Inst {
    Char(char),
    Any,
    AnyButNewline,
    Class(usize),
    Assert(Assert),
    Split(usize, usize),
    Jmp(usize),
    Save(usize),
    Backref(usize),
    /// Remembers the position in a loop register (a slot past the groups).
    Mark(usize),
    /// Leaves the loop (at the second field) if its body since `Mark`
    /// matched nothing: stops `(a*)*` from looping forever while keeping
    /// that last, empty iteration's captures, as CPython does.
    Progress(usize, usize),
    /// A lookaround whose body is `start..end` of the program (ending in
    /// `Match`); `width` is the fixed width of a look-behind.
    Look { start: usize, behind: bool, negate: bool, width: usize },
    /// Jump to `no` unless group `group` matched.
    IfGroup { group: usize, no: usize },
    Match,
}

pub struct Program {
    pub insts: Vec<Inst>,
    pub classes: Vec<Class>,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    /// Number of slots: two per group (group 0 included), then loop registers.
    pub slots: usize,
    pub flags: i64,
}

struct Parser<'a> {
    p: &'a [char],
    i: usize,
    flags: i64,
    groups: usize,
    names: HashMap<String, usize>,
    order: Vec<(String, usize)>,
    open: Vec<usize>,
}

pub fn compile(pattern: &str, flags: i64) -> Result<Program, ReError> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut p = Parser { p: &chars, i: 0, flags, groups: 0, names: HashMap::new(), order: Vec::new(), open: Vec::new() };
    p.leading_flags()?;
    let node = p.alternation()?;
    if p.i < chars.len() {
        if chars[p.i] == ')' {
            return err("unbalanced parenthesis", p.i);
        }
        return err("unexpected end of pattern", p.i);
    }
    let mut c = Compiler { insts: Vec::new(), classes: Vec::new(), flags: p.flags, loops: 0, groups: p.groups + 1 };
    c.insts.push(Inst::Save(0));
    c.emit(&node)?;
    c.insts.push(Inst::Save(1));
    c.insts.push(Inst::Match);
    let slots = 2 * (p.groups + 1) + c.loops;
    Ok(Program { insts: c.insts, classes: c.classes, groups: p.groups, names: p.order, slots, flags: p.flags })
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn verbose(&self) -> bool {
        self.flags & VERBOSE != 0
    }

    /// Global flags `(?aiLmsux)` at the start apply to the whole pattern.
    fn leading_flags(&mut self) -> Result<(), ReError> {
        let mut j = 0;
        while self.p.get(j) == Some(&'(') && self.p.get(j + 1) == Some(&'?') {
            let mut k = j + 2;
            let mut f = 0;
            while let Some(&c) = self.p.get(k) {
                match flag_bit(c) {
                    Some(b) => f |= b,
                    None => break,
                }
                k += 1;
            }
            if k == j + 2 || self.p.get(k) != Some(&')') {
                break;
            }
            self.flags |= f;
            j = k + 1;
        }
        Ok(())
    }

    fn skip_verbose(&mut self) {
        if !self.verbose() {
            return;
        }
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => self.i += 1,
                Some('#') => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == '\n' {
                            break;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn alternation(&mut self) -> Result<Node, ReError> {
        let mut alts = vec![self.sequence()?];
        while self.eat('|') {
            alts.push(self.sequence()?);
        }
        Ok(if alts.len() == 1 { alts.pop().unwrap_or(Node::Empty) } else { Node::Alt(alts) })
    }

    fn sequence(&mut self) -> Result<Node, ReError> {
        let mut items = Vec::new();
        loop {
            self.skip_verbose();
            match self.peek() {
                None | Some('|') | Some(')') => break,
                _ => {}
            }
            let start = self.i;
            let atom = self.atom()?;
            let atom = self.quantifiers(atom, start)?;
            items.push(atom);
        }
        Ok(if items.len() == 1 { items.pop().unwrap_or(Node::Empty) } else { Node::Concat(items) })
    }

    fn quantifiers(&mut self, mut atom: Node, start: usize) -> Result<Node, ReError> {
        let mut quantified = false;
        loop {
            self.skip_verbose();
            let here = self.i;
            let (min, max) = match self.peek() {
                Some('*') => {
                    self.i += 1;
                    (0, None)
                }
                Some('+') => {
                    self.i += 1;
                    (1, None)
                }
                Some('?') => {
                    self.i += 1;
                    (0, Some(1))
                }
                Some('{') => match self.braces()? {
                    Some(mm) => mm,
                    None => return Ok(atom),
                },
                _ => return Ok(atom),
            };
            if quantified {
                return err("multiple repeat", here);
            }
            if matches!(atom, Node::Empty | Node::Assert(_)) {
                return err("nothing to repeat", here);
            }
            let _ = start;
            let greedy = !self.eat('?');
            // A possessive `+` (3.11+) is treated as greedy.
            if greedy {
                self.eat('+');
            }
            atom = Node::Repeat { node: Box::new(atom), min, max, greedy };
            quantified = true;
        }
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}`; anything else is a literal `{`.
    fn braces(&mut self) -> Result<Option<(u32, Option<u32>)>, ReError> {
        let start = self.i;
        let mut j = self.i + 1;
        let num = |j: &mut usize, p: &[char]| {
            let s = *j;
            while p.get(*j).is_some_and(|c| c.is_ascii_digit()) {
                *j += 1;
            }
            if *j == s {
                None
            } else {
                p[s..*j].iter().collect::<String>().parse::<u64>().ok()
            }
        };
        let lo = num(&mut j, self.p);
        let hi;
        if self.p.get(j) == Some(&',') {
            j += 1;
            hi = num(&mut j, self.p);
        } else {
            hi = lo;
            if lo.is_none() {
                return Ok(None);
            }
        }
        if self.p.get(j) != Some(&'}') {
            return Ok(None);
        }
        self.i = j + 1;
        let lo = lo.unwrap_or(0);
        if lo > u32::MAX as u64 / 2 || hi.is_some_and(|h| h > u32::MAX as u64 / 2) {
            return err("the repetition number is too large", start + 1);
        }
        if let Some(h) = hi {
            if h < lo {
                return err("min repeat greater than max repeat", start + 1);
            }
        }
        Ok(Some((lo as u32, hi.map(|h| h as u32))))
    }

    fn atom(&mut self) -> Result<Node, ReError> {
        let start = self.i;
        let Some(c) = self.peek() else { return Ok(Node::Empty) };
        self.i += 1;
        Ok(match c {
            '.' => Node::Any,
            '^' => Node::Assert(if self.flags & MULTILINE != 0 { Assert::LineStart } else { Assert::TextStart }),
            '$' => Node::Assert(if self.flags & MULTILINE != 0 { Assert::LineEnd } else { Assert::End }),
            '[' => Node::Class(self.class(start)?),
            '(' => self.group(start)?,
            '\\' => self.escape(start, false)?,
            '*' | '+' | '?' => return err("nothing to repeat", start),
            '{' => {
                self.i = start;
                if self.braces()?.is_some() {
                    return err("nothing to repeat", start);
                }
                self.i = start + 1;
                Node::Char('{')
            }
            c => Node::Char(c),
        })
    }

    fn group(&mut self, start: usize) -> Result<Node, ReError> {
        let mut capture = true;
        let mut name = None;
        if self.eat('?') {
            let Some(c) = self.peek() else { return err("unexpected end of pattern", self.i) };
            self.i += 1;
            match c {
                ':' => capture = false,
                'P' => {
                    if self.eat('<') {
                        name = Some(self.group_name('>')?);
                    } else if self.eat('=') {
                        let at = self.i;
                        let n = self.group_name(')')?;
                        let Some(&g) = self.names.get(&n) else {
                            return err(format!("unknown group name '{n}'"), at);
                        };
                        return Ok(Node::Backref(g));
                    } else {
                        return match self.peek() {
                            Some(c) => err(format!("unknown extension ?P{c}"), start + 1),
                            None => err("unexpected end of pattern", self.i),
                        };
                    }
                }
                '<' if matches!(self.peek(), Some('=') | Some('!')) => {
                    let negate = self.peek() == Some('!');
                    self.i += 1;
                    let body = self.alternation()?;
                    self.close(start)?;
                    return Ok(Node::Look { node: Box::new(body), behind: true, negate });
                }
                '<' => name = Some(self.group_name('>')?),
                '=' | '!' => {
                    let body = self.alternation()?;
                    self.close(start)?;
                    return Ok(Node::Look { node: Box::new(body), behind: false, negate: c == '!' });
                }
                '#' => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == ')' {
                            return Ok(Node::Empty);
                        }
                    }
                    return err("missing ), unterminated comment", start);
                }
                '(' => {
                    let at = self.i;
                    let n = self.group_name(')')?;
                    let group = match n.parse::<usize>() {
                        Ok(g) => g,
                        Err(_) => match self.names.get(&n) {
                            Some(&g) => g,
                            None => return err(format!("unknown group name '{n}'"), at),
                        },
                    };
                    let yes = self.sequence()?;
                    let no = if self.eat('|') { self.sequence()? } else { Node::Empty };
                    if self.peek() == Some('|') {
                        return err("conditional backref with more than two branches", self.i);
                    }
                    self.close(start)?;
                    return Ok(Node::Cond { group, yes: Box::new(yes), no: Box::new(no) });
                }
                c if flag_bit(c).is_some() || c == '-' => {
                    // Scoped flags `(?i:...)`; global ones were read up front.
                    self.i -= 1;
                    let mut on = 0;
                    let mut off = 0;
                    let mut neg = false;
                    while let Some(c) = self.peek() {
                        if c == '-' {
                            neg = true;
                        } else if let Some(b) = flag_bit(c) {
                            if neg {
                                off |= b;
                            } else {
                                on |= b;
                            }
                        } else {
                            break;
                        }
                        self.i += 1;
                    }
                    if self.eat(')') {
                        if start != 0 && (on & !self.flags) != 0 {
                            return err("global flags not at the start of the expression", start);
                        }
                        return Ok(Node::Empty);
                    }
                    if !self.eat(':') {
                        return match self.peek() {
                            Some(_) => err("unknown flag", self.i),
                            None => err("missing -, : or )", self.i),
                        };
                    }
                    let saved = self.flags;
                    self.flags = (self.flags | on) & !off;
                    let body = self.alternation()?;
                    self.flags = saved;
                    self.close(start)?;
                    return Ok(Node::Group(Box::new(body), None));
                }
                c => return err(format!("unknown extension ?{c}"), start + 1),
            }
        }
        let index = if capture {
            self.groups += 1;
            let g = self.groups;
            if let Some(n) = name {
                if let Some(&old) = self.names.get(&n) {
                    return err(format!("redefinition of group name '{n}' as group {g}; was group {old}"), start + 4);
                }
                self.names.insert(n.clone(), g);
                self.order.push((n, g));
            }
            Some(g)
        } else {
            None
        };
        if let Some(g) = index {
            self.open.push(g);
        }
        let body = self.alternation()?;
        if index.is_some() {
            self.open.pop();
        }
        self.close(start)?;
        Ok(Node::Group(Box::new(body), index))
    }

    fn close(&mut self, start: usize) -> Result<(), ReError> {
        if self.eat(')') {
            Ok(())
        } else {
            err("missing ), unterminated subpattern", start)
        }
    }

    fn group_name(&mut self, end: char) -> Result<String, ReError> {
        let at = self.i;
        let mut n = String::new();
        loop {
            match self.peek() {
                None => return err("missing group name", at),
                Some(c) if c == end => {
                    self.i += 1;
                    break;
                }
                Some(c) => {
                    n.push(c);
                    self.i += 1;
                }
            }
        }
        if n.is_empty() {
            return err("missing group name", at);
        }
        let ident = n.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && n.chars().all(|c| c.is_alphanumeric() || c == '_');
        if !ident && !(end == ')' && n.chars().all(|c| c.is_ascii_digit())) {
            return err(format!("bad character in group name '{n}'"), at);
        }
        Ok(n)
    }

    /// An escape after `\` (at `start`); `in_class` for `[...]` members.
    fn escape(&mut self, start: usize, in_class: bool) -> Result<Node, ReError> {
        let Some(c) = self.peek() else { return err("bad escape (end of pattern)", start) };
        self.i += 1;
        let class = |item| Node::Class(Class { negated: false, items: vec![item] });
        Ok(match c {
            'd' => class(ClassItem::Digit(false)),
            'D' => class(ClassItem::Digit(true)),
            'w' => class(ClassItem::Word(false)),
            'W' => class(ClassItem::Word(true)),
            's' => class(ClassItem::Space(false)),
            'S' => class(ClassItem::Space(true)),
            'b' if in_class => Node::Char('\x08'),
            'b' => Node::Assert(Assert::WordBoundary),
            'B' if !in_class => Node::Assert(Assert::NotWordBoundary),
            'A' if !in_class => Node::Assert(Assert::TextStart),
            'Z' if !in_class => Node::Assert(Assert::TextEnd),
            'n' => Node::Char('\n'),
            't' => Node::Char('\t'),
            'r' => Node::Char('\r'),
            'f' => Node::Char('\x0c'),
            'v' => Node::Char('\x0b'),
            'a' => Node::Char('\x07'),
            'x' => Node::Char(self.hex(2, start)?),
            'u' => Node::Char(self.hex(4, start)?),
            'U' => Node::Char(self.hex(8, start)?),
            '0' => {
                let mut v = 0u32;
                let mut n = 0;
                while n < 2 && self.peek().is_some_and(|c| ('0'..='7').contains(&c)) {
                    v = v * 8 + self.peek().and_then(|c| c.to_digit(8)).unwrap_or(0);
                    self.i += 1;
                    n += 1;
                }
                Node::Char(char::from_u32(v).unwrap_or('\0'))
            }
            '1'..='9' if in_class => {
                // Octal escapes only; a digit alone is a bad escape.
                self.i -= 1;
                let v = self.octal3();
                match v {
                    Some(ch) => Node::Char(ch),
                    None => return err(format!("bad escape \\{c}"), start),
                }
            }
            '1'..='9' => {
                self.i -= 1;
                if let Some(ch) = self.octal3() {
                    return Ok(Node::Char(ch));
                }
                let mut g = 0usize;
                let mut n = 0;
                while n < 2 && self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    g = g * 10 + self.peek().and_then(|c| c.to_digit(10)).unwrap_or(0) as usize;
                    self.i += 1;
                    n += 1;
                }
                if g > self.groups || self.open.contains(&g) {
                    if self.open.contains(&g) {
                        return err("cannot refer to an open group", start);
                    }
                    return err(format!("invalid group reference {g}"), start + 1);
                }
                Node::Backref(g)
            }
            c if c.is_ascii_alphanumeric() => return err(format!("bad escape \\{c}"), start),
            c => Node::Char(c),
        })
    }

    /// A three-digit octal escape `\ooo` (value ≤ 0o377), if present.
    fn octal3(&mut self) -> Option<char> {
        let d: Vec<u32> = (0..3).filter_map(|k| self.p.get(self.i + k).and_then(|c| c.to_digit(8))).collect();
        if d.len() == 3 && (0..3).all(|k| self.p.get(self.i + k).is_some_and(|c| c.is_digit(8))) {
            let v = d[0] * 64 + d[1] * 8 + d[2];
            if v <= 0o377 {
                self.i += 3;
                return char::from_u32(v);
            }
        }
        None
    }

    fn hex(&mut self, n: usize, start: usize) -> Result<char, ReError> {
        let digits: String = self.p.iter().skip(self.i).take(n).collect();
        if digits.chars().count() != n || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            let esc: String = self.p[start..(self.i + n).min(self.p.len())].iter().collect();
            return err(format!("incomplete escape {esc}"), start);
        }
        self.i += n;
        let v = u32::from_str_radix(&digits, 16).unwrap_or(0);
        match char::from_u32(v) {
            Some(c) => Ok(c),
            None => err(format!("bad escape \\{}", self.p[start + 1]), start),
        }
    }

    fn class(&mut self, start: usize) -> Result<Class, ReError> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let at = self.i;
            let Some(c) = self.peek() else { return err("unterminated character set", start) };
            self.i += 1;
            if c == ']' && !first {
                break;
            }
            first = false;
            let lo = if c == '\\' {
                match self.escape(at, true)? {
                    Node::Char(ch) => ch,
                    Node::Class(cl) => {
                        items.extend(cl.items);
                        continue;
                    }
                    _ => return err("bad escape", at),
                }
            } else {
                c
            };
            if self.peek() == Some('-') && self.p.get(self.i + 1).is_some_and(|&c| c != ']') {
                self.i += 1;
                let at2 = self.i;
                let hc = self.peek().unwrap_or(']');
                self.i += 1;
                let hi = if hc == '\\' {
                    match self.escape(at2, true)? {
                        Node::Char(ch) => ch,
                        _ => {
                            let s: String = self.p[at..self.i].iter().collect();
                            return err(format!("bad character range {s}"), at);
                        }
                    }
                } else {
                    hc
                };
                if hi < lo {
                    let s: String = self.p[at..self.i].iter().collect();
                    return err(format!("bad character range {s}"), at);
                }
                items.push(ClassItem::Range(lo, hi));
            } else {
                items.push(ClassItem::Range(lo, lo));
            }
        }
        Ok(Class { negated, items })
    }
}

fn flag_bit(c: char) -> Option<i64> {
    Some(match c {
        'i' => IGNORECASE,
        'm' => MULTILINE,
        's' => DOTALL,
        'x' => VERBOSE,
        'a' => ASCII,
        'u' => 32,
        'L' => 4,
        _ => return None,
    })
}

struct Compiler {
    insts: Vec<Inst>,
    classes: Vec<Class>,
    flags: i64,
    loops: usize,
    groups: usize,
}

impl Compiler {
    fn push(&mut self, i: Inst) -> Result<usize, ReError> {
        if self.insts.len() >= MAX_PROGRAM {
            return Err(ReError { msg: "pattern too large".into(), pos: None });
        }
        self.insts.push(i);
        Ok(self.insts.len() - 1)
    }

    fn emit(&mut self, n: &Node) -> Result<(), ReError> {
        match n {
            Node::Empty => {}
            Node::Char(c) => {
                self.push(Inst::Char(*c))?;
            }
            Node::Any => {
                self.push(if self.flags & DOTALL != 0 { Inst::Any } else { Inst::AnyButNewline })?;
            }
            Node::Class(c) => {
                self.classes.push(c.clone());
                self.push(Inst::Class(self.classes.len() - 1))?;
            }
            Node::Assert(a) => {
                self.push(Inst::Assert(*a))?;
            }
            Node::Group(body, None) => self.emit(body)?,
            Node::Group(body, Some(g)) => {
                self.push(Inst::Save(2 * g))?;
                self.emit(body)?;
                self.push(Inst::Save(2 * g + 1))?;
            }
            Node::Concat(items) => {
                for it in items {
                    self.emit(it)?;
                }
            }
            Node::Alt(alts) => {
                let mut jumps = Vec::new();
                for (k, a) in alts.iter().enumerate() {
                    if k + 1 < alts.len() {
                        let split = self.push(Inst::Split(0, 0))?;
                        self.emit(a)?;
                        jumps.push(self.push(Inst::Jmp(0))?);
                        let next = self.insts.len();
                        self.insts[split] = Inst::Split(split + 1, next);
                    } else {
                        self.emit(a)?;
                    }
                }
                let end = self.insts.len();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(end);
                }
            }
            Node::Repeat { node, min, max, greedy } => {
                for _ in 0..*min {
                    self.emit(node)?;
                }
                match max {
                    None => {
                        // L: Split(body, out); body: Mark; node; Progress; Jmp L
                        let reg = 2 * self.groups + self.loops;
                        self.loops += 1;
                        let l = self.push(Inst::Split(0, 0))?;
                        self.push(Inst::Mark(reg))?;
                        self.emit(node)?;
                        let progress = self.push(Inst::Progress(reg, 0))?;
                        self.push(Inst::Jmp(l))?;
                        let out = self.insts.len();
                        self.insts[progress] = Inst::Progress(reg, out);
                        self.insts[l] = if *greedy { Inst::Split(l + 1, out) } else { Inst::Split(out, l + 1) };
                    }
                    Some(max) => {
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.push(Inst::Split(0, 0))?);
                            self.emit(node)?;
                        }
                        let out = self.insts.len();
                        for s in splits {
                            self.insts[s] = if *greedy { Inst::Split(s + 1, out) } else { Inst::Split(out, s + 1) };
                        }
                    }
                }
            }
            Node::Backref(g) => {
                self.push(Inst::Backref(*g))?;
            }
            Node::Look { node, behind, negate } => {
                let width = if *behind {
                    match fixed_width(node) {
                        Some(w) => w,
                        None => {
                            return Err(ReError { msg: "look-behind requires fixed-width pattern".into(), pos: None })
                        }
                    }
                } else {
                    0
                };
                // `Look` runs the body (which ends in `Match`) on its own;
                // in line, the body is jumped over.
                let look = self.push(Inst::Jmp(0))?;
                let skip = self.push(Inst::Jmp(0))?;
                let start = self.insts.len();
                self.emit(node)?;
                self.push(Inst::Match)?;
                let after = self.insts.len();
                self.insts[look] = Inst::Look { start, behind: *behind, negate: *negate, width };
                self.insts[skip] = Inst::Jmp(after);
            }
            Node::Cond { group, yes, no } => {
                let test = self.push(Inst::IfGroup { group: *group, no: 0 })?;
                self.emit(yes)?;
                let j = self.push(Inst::Jmp(0))?;
                let no_at = self.insts.len();
                self.emit(no)?;
                let end = self.insts.len();
                self.insts[test] = Inst::IfGroup { group: *group, no: no_at };
                self.insts[j] = Inst::Jmp(end);
            }
        }
        Ok(())
    }
}

fn fixed_width(n: &Node) -> Option<usize> {
    match n {
        Node::Empty | Node::Assert(_) | Node::Look { .. } => Some(0),
        Node::Char(_) | Node::Any | Node::Class(_) => Some(1),
        Node::Group(b, _) => fixed_width(b),
        Node::Concat(items) => items.iter().map(fixed_width).sum(),
        Node::Alt(alts) => {
            let w = fixed_width(alts.first()?)?;
            alts.iter().all(|a| fixed_width(a) == Some(w)).then_some(w)
        }
        Node::Repeat { node, min, max: Some(max), .. } if min == max => Some(fixed_width(node)? * *min as usize),
        _ => None,
    }
}
