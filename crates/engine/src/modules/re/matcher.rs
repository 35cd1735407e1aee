//! The backtracking matcher: runs a `Program` over a slice of code points
//! with an explicit backtrack stack (never Rust recursion per character,
//! so long texts cannot overflow the stack) and a step budget, so a
//! catastrophic pattern ends with an error instead of freezing the page.

use crate::builtins::case;
use super::parse::{Assert, Class, ClassItem, Inst, Program, ASCII, IGNORECASE};

/// Slot value for "not set".
pub const UNSET: usize = usize::MAX;

/// Why a match gave up.
pub enum Exhausted {
    Steps,
    Memory,
}

/// The backtrack stack never holds more entries than this.
const MAX_STACK: usize = 4_000_000;

#[derive(Clone, Copy, PartialEq)]
pub enum Mode {
    Match,
    FullMatch,
    Search,
}

enum Bt {
    Alt(usize, usize),
    Restore(usize, usize),
}

pub struct Matcher<'a> {
    prog: &'a Program,
    text: &'a [char],
    end: usize,
    pub slots: Vec<usize>,
    stack: Vec<Bt>,
    pub steps: u64,
    icase: bool,
    ascii: bool,
}

impl<'a> Matcher<'a> {
    pub fn new(prog: &'a Program, text: &'a [char], endpos: usize, steps: u64) -> Matcher<'a> {
        Matcher {
            prog,
            text,
            end: endpos.min(text.len()),
            slots: vec![UNSET; prog.slots],
            stack: Vec::new(),
            steps,
            icase: prog.flags & IGNORECASE != 0,
            ascii: prog.flags & ASCII != 0,
        }
    }

    /// Finds a match starting at `pos` (or later, for `Search`). With
    /// `must_advance`, an empty match at `pos` does not count (how
    /// `finditer`/`sub` step past an empty match).
    pub fn find(&mut self, pos: usize, mode: Mode, must_advance: bool) -> Result<bool, Exhausted> {
        let first = self.prog.insts.get(1).cloned();
        let last_start = if mode == Mode::Search { self.end } else { pos };
        let mut start = pos;
        while start <= last_start {
            match &first {
                Some(Inst::Char(c)) if !self.icase => {
                    // Skip ahead to the next place the literal first char occurs.
                    match self.text[start.min(self.end)..self.end].iter().position(|x| x == c) {
                        Some(off) => start += off,
                        None => return Ok(false),
                    }
                    if start > last_start {
                        return Ok(false);
                    }
                }
                Some(Inst::Assert(Assert::TextStart)) if start > 0 => return Ok(false),
                _ => {}
            }
            self.slots.iter_mut().for_each(|s| *s = UNSET);
            self.stack.clear();
            let avoid_empty = must_advance && start == pos;
            if self.run(0, start, mode == Mode::FullMatch, avoid_empty)?.is_some() {
                return Ok(true);
            }
            start += 1;
        }
        Ok(false)
    }

    fn word_at(&self, i: usize) -> bool {
        i < self.end && is_word(self.text[i], self.ascii)
    }

    /// As CPython's sre: with IGNORECASE, equal lowercase forms, or ones
    /// `re._casefix` pairs (ς and σ).
    fn same(&self, a: char, b: char) -> bool {
        a == b || (self.icase && {
            let (la, lb) = (self.lower(a), self.lower(b));
            la == lb || self.extra_cases(la).contains(lb)
        })
    }

    /// The lowercase form IGNORECASE compares (ASCII letters only under
    /// re.ASCII).
    fn lower(&self, c: char) -> char {
        if self.ascii { c.to_ascii_lowercase() } else { case::lower_char(c) }
    }

    fn upper(&self, c: char) -> char {
        if self.ascii { c.to_ascii_uppercase() } else { case::upper_char(c) }
    }

    fn extra_cases(&self, lower: char) -> &'static str {
        if self.ascii { "" } else { case::re_extra_cases(lower) }
    }

    /// A backreference compares lowercase forms only (sre's
    /// GROUPREF_UNI_IGNORE).
    fn same_backref(&self, a: char, b: char) -> bool {
        a == b || (self.icase && self.lower(a) == self.lower(b))
    }

    fn class_has(&self, cl: &Class, c: char) -> bool {
        let test = |c: char| {
            cl.items.iter().any(|it| match *it {
                ClassItem::Range(lo, hi) => lo <= c && c <= hi,
                ClassItem::Digit(neg) => is_digit(c, self.ascii) != neg,
                ClassItem::Word(neg) => is_word(c, self.ascii) != neg,
                ClassItem::Space(neg) => is_space(c, self.ascii) != neg,
            })
        };
        // sre lowers a class's single letters when it compiles it: [İ]
        // holds i.
        let letter = |c: char| cl.items.iter().any(|it| matches!(*it, ClassItem::Range(lo, hi) if lo == hi && self.same(lo, c)));
        let hit = test(c)
            || (self.icase && {
                let lower = self.lower(c);
                letter(c) || test(lower) || test(self.upper(c)) || self.extra_cases(lower).chars().any(test)
            });
        hit != cl.negated
    }

    fn assert(&self, a: Assert, pos: usize) -> bool {
        let t = self.text;
        match a {
            Assert::TextStart => pos == 0,
            Assert::TextEnd => pos == self.end,
            Assert::LineStart => pos == 0 || t[pos - 1] == '\n',
            Assert::LineEnd => pos == self.end || t[pos] == '\n',
            Assert::End => pos == self.end || (pos + 1 == self.end && t[pos] == '\n'),
            Assert::WordBoundary | Assert::NotWordBoundary => {
                let before = pos > 0 && self.word_at(pos - 1);
                let boundary = before != self.word_at(pos);
                boundary == (a == Assert::WordBoundary)
            }
        }
    }

    fn set_slot(&mut self, n: usize, v: usize) -> Result<(), Exhausted> {
        if self.stack.len() >= MAX_STACK {
            return Err(Exhausted::Memory);
        }
        self.stack.push(Bt::Restore(n, self.slots[n]));
        self.slots[n] = v;
        Ok(())
    }

    /// Runs from `pc` at `pos` until `Match` (returns the end position)
    /// or until every alternative failed.
    fn run(&mut self, pc: usize, pos: usize, full: bool, avoid_empty: bool) -> Result<Option<usize>, Exhausted> {
        let base = self.stack.len();
        let start = pos;
        let (mut pc, mut pos) = (pc, pos);
        loop {
            if self.steps == 0 {
                return Err(Exhausted::Steps);
            }
            self.steps -= 1;
            let ok = match &self.prog.insts[pc] {
                Inst::Char(c) => {
                    let ok = pos < self.end && self.same(self.text[pos], *c);
                    pos += 1;
                    ok
                }
                Inst::Any => {
                    pos += 1;
                    pos <= self.end
                }
                Inst::AnyButNewline => {
                    let ok = pos < self.end && self.text[pos] != '\n';
                    pos += 1;
                    ok
                }
                Inst::Class(i) => {
                    let ok = pos < self.end && self.class_has(&self.prog.classes[*i], self.text[pos]);
                    pos += 1;
                    ok
                }
                Inst::Assert(a) => self.assert(*a, pos),
                Inst::Split(a, b) => {
                    if self.stack.len() >= MAX_STACK {
                        return Err(Exhausted::Memory);
                    }
                    self.stack.push(Bt::Alt(*b, pos));
                    pc = *a;
                    continue;
                }
                Inst::Jmp(a) => {
                    pc = *a;
                    continue;
                }
                Inst::Save(n) | Inst::Mark(n) => {
                    self.set_slot(*n, pos)?;
                    true
                }
                Inst::Progress(n, out) => {
                    if self.slots[*n] == pos {
                        pc = *out;
                        continue;
                    }
                    true
                }
                Inst::Backref(g) => {
                    let (s, e) = (self.slots[2 * g], self.slots[2 * g + 1]);
                    if s == UNSET || e == UNSET {
                        false
                    } else {
                        let len = e - s;
                        let ok = pos + len <= self.end
                            && (0..len).all(|k| self.same_backref(self.text[pos + k], self.text[s + k]));
                        pos += len;
                        ok
                    }
                }
                Inst::Look { start: body, behind, negate, width } => {
                    let (body, behind, negate, width) = (*body, *behind, *negate, *width);
                    let from = if behind { pos.checked_sub(width) } else { Some(pos) };
                    let sub_base = self.stack.len();
                    let found = match from {
                        Some(f) => self.run(body, f, false, false)?.is_some(),
                        None => false,
                    };
                    if found && !negate {
                        // Lookarounds are atomic: keep the captures they set
                        // (undone if we backtrack past here), drop their alternatives.
                        let mut k = sub_base;
                        let mut kept = Vec::new();
                        while k < self.stack.len() {
                            if let Bt::Restore(n, old) = self.stack[k] {
                                kept.push(Bt::Restore(n, old));
                            }
                            k += 1;
                        }
                        self.stack.truncate(sub_base);
                        self.stack.extend(kept);
                    } else if found {
                        self.unwind_to(sub_base);
                    }
                    found != negate
                }
                Inst::IfGroup { group, no } => {
                    if self.slots.get(2 * group + 1).is_some_and(|&e| e != UNSET) {
                        pc += 1;
                    } else {
                        pc = *no;
                    }
                    continue;
                }
                Inst::Match => {
                    if (full && pos != self.end) || (avoid_empty && pos == start) {
                        false
                    } else {
                        return Ok(Some(pos));
                    }
                }
            };
            if ok {
                pc += 1;
                continue;
            }
            // Backtrack to the most recent alternative of this run.
            loop {
                if self.stack.len() <= base {
                    return Ok(None);
                }
                match self.stack.pop() {
                    Some(Bt::Restore(n, old)) => self.slots[n] = old,
                    Some(Bt::Alt(p, q)) => {
                        pc = p;
                        pos = q;
                        break;
                    }
                    None => return Ok(None),
                }
            }
        }
    }

    /// Pops entries down to `base`, undoing the captures they set.
    fn unwind_to(&mut self, base: usize) {
        while self.stack.len() > base {
            if let Some(Bt::Restore(n, old)) = self.stack.pop() {
                self.slots[n] = old;
            }
        }
    }
}

fn is_digit(c: char, ascii: bool) -> bool {
    if ascii || c.is_ascii() {
        c.is_ascii_digit()
    } else {
        crate::builtins::is_decimal(c)
    }
}

fn is_word(c: char, ascii: bool) -> bool {
    if ascii || c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric()
    }
}

fn is_space(c: char, ascii: bool) -> bool {
    if ascii {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
    } else {
        c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
    }
}
