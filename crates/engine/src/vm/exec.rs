//! The dispatch loop: one `match` over instructions.
//!
//! `execute` runs until the frame at index `base` finishes or the budget is
//! spent. Calls, generator resumes and returns only push or pop frames, so
//! pausing is just returning `Exec::Paused` with the frame stack intact.

use std::rc::Rc;

use super::frame::{Block, Resume};
use super::{Exec, PyResult, Vm};
use crate::bytecode::{BinOp, CmpKind, GlobalCache, Op, Shortcut};
use crate::value::{Payload, Value};

/// What an instruction asks the loop to do next.
pub(super) enum Flow {
    Next,
    Exit(Exec),
}

/// Int-int arithmetic kept in i64 (`None`: take the general path).
#[inline(always)]
fn int_arith(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::FloorDiv if y != 0 && !(x == i64::MIN && y == -1) => {
            let (q, r) = (x / y, x % y);
            Some(if r != 0 && ((r < 0) != (y < 0)) { q - 1 } else { q })
        }
        BinOp::Mod if y != 0 && !(x == i64::MIN && y == -1) => {
            let r = x % y;
            Some(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r })
        }
        BinOp::And => Some(x & y),
        BinOp::Or => Some(x | y),
        BinOp::Xor => Some(x ^ y),
        _ => None,
    }
}

#[inline(always)]
fn int_cmp(op: CmpKind, x: i64, y: i64) -> bool {
    match op {
        CmpKind::Lt => x < y,
        CmpKind::Le => x <= y,
        CmpKind::Eq => x == y,
        CmpKind::Ne => x != y,
        CmpKind::Gt => x > y,
        CmpKind::Ge => x >= y,
    }
}

/// Pops a value the caller has just seen is an int (or another variant
/// that owns nothing), skipping the destructor call a plain pop would make.
#[inline(always)]
fn pop_unboxed(stack: &mut Vec<Value>) {
    std::mem::forget(stack.pop());
}

impl Vm {
    /// Pushes onto the top frame's stack.
    #[inline(always)]
    fn tpush(&mut self, v: Value) {
        if let Some(f) = self.frames.last_mut() {
            f.stack.push(v);
        }
    }

    /// Runs until the frame at `base` returns, yields or raises, or until
    /// `budget` instructions have run.
    pub fn execute(&mut self, base: usize, budget: &mut u64) -> Exec {
        loop {
            if self.frames.len() <= base {
                return Exec::Returned(Value::None);
            }
            if *budget == 0 {
                return Exec::Paused;
            }
            *budget -= 1;
            if crate::generator::collected_pending() {
                // The last instruction dropped a coroutine that never ran
                // or a task whose exception nobody retrieved: report it
                // now, at the line that dropped it.
                self.report_collected();
            }
            match self.step(budget) {
                Ok(Flow::Next) => {}
                Ok(Flow::Exit(e)) => {
                    if self.frames.len() <= base {
                        return e;
                    }
                    // A frame above base finished: deliver its result to its resumer.
                    if let Err(exc) = self.deliver(e) {
                        if let Some(done) = self.unwind(exc, base, false) {
                            return done;
                        }
                    }
                }
                Err(exc) => {
                    if let Some(done) = self.unwind(exc, base, true) {
                        return done;
                    }
                }
            }
        }
    }

    /// Executes one instruction of the top frame.
    #[inline(always)]
    fn step(&mut self, budget: &mut u64) -> PyResult<Flow> {
        let fi = self.frames.len() - 1;
        let f = &mut self.frames[fi];
        let op = match f.code.ops.get(f.ip) {
            Some(op) => *op,
            None => return self.do_return(Value::None),
        };
        f.ip += 1;
        match op {
            Op::Nop | Op::NoOpMarker => {}
            Op::Pop => {
                f.stack.pop();
            }
            Op::Dup => {
                let v = f.stack.last().cloned().unwrap_or(Value::None);
                f.stack.push(v);
            }
            Op::Dup2 => {
                let n = f.stack.len();
                if n >= 2 {
                    let a = f.stack[n - 2].clone();
                    let b = f.stack[n - 1].clone();
                    f.stack.push(a);
                    f.stack.push(b);
                }
            }
            Op::Swap(n) => {
                let len = f.stack.len();
                let n = n as usize;
                if len > n {
                    f.stack.swap(len - 1, len - 1 - n);
                }
            }
            Op::Rot(n) => {
                let len = f.stack.len();
                let n = n as usize;
                if len > n {
                    let v = f.stack.pop().unwrap_or(Value::None);
                    f.stack.insert(len - 1 - n, v);
                }
            }
            Op::Copy(n) => {
                let len = f.stack.len();
                let v = f.stack.get(len.wrapping_sub(n as usize)).cloned().unwrap_or(Value::None);
                f.stack.push(v);
            }
            Op::LoadConst(i) => {
                let v = f.code.consts[i as usize].clone_inline();
                f.stack.push(v);
            }
            Op::LoadFast(i) => match &f.locals[i as usize] {
                Some(v) => {
                    let v = v.clone_inline();
                    f.stack.push(v);
                }
                None => {
                    let name = f.code.varnames[i as usize].clone();
                    return Err(self.unbound_local(&name));
                }
            },
            Op::StoreFast(i) => {
                let v = f.stack.pop();
                f.locals[i as usize] = v;
            }
            Op::DeleteFast(i) => {
                if f.locals[i as usize].take().is_none() {
                    let name = f.code.varnames[i as usize].clone();
                    return Err(self.unbound_local(&name));
                }
            }
            Op::LoadDeref(i) => {
                let v = f.cells[i as usize].borrow().clone();
                match v {
                    Some(v) => f.stack.push(v),
                    None => return Err(self.unbound_deref(fi, i as usize)),
                }
            }
            Op::LoadClassDeref(i) => {
                let name = self.deref_name(fi, i as usize);
                let f = &mut self.frames[fi];
                let found = f.namespace.as_ref().and_then(|ns| ns.borrow().get(&name).cloned());
                match found {
                    Some(v) => f.stack.push(v),
                    None => {
                        let v = f.cells[i as usize].borrow().clone();
                        match v {
                            Some(v) => f.stack.push(v),
                            None => return Err(self.unbound_deref(fi, i as usize)),
                        }
                    }
                }
            }
            Op::StoreDeref(i) => {
                let v = f.stack.pop();
                *f.cells[i as usize].borrow_mut() = v;
            }
            Op::DeleteDeref(i) => {
                let old = f.cells[i as usize].borrow_mut().take();
                if old.is_none() {
                    return Err(self.unbound_deref(fi, i as usize));
                }
            }
            Op::LoadClosure(i) => {
                let cell = f.cells[i as usize].clone();
                let obj = self.new_cell(cell);
                self.tpush(obj);
            }
            Op::LoadGlobal(i) => {
                let c = f.code.global_cache[i as usize].get();
                let hit = {
                    let g = f.globals.globals.borrow();
                    if c.gver != g.version() {
                        None
                    } else if !c.builtin {
                        g.value_at(c.slot as usize).cloned()
                    } else {
                        let b = self.builtins.globals.borrow();
                        if b.version() == c.bver {
                            b.value_at(c.slot as usize).cloned()
                        } else {
                            None
                        }
                    }
                };
                let v = match hit {
                    Some(v) => v,
                    None => self.load_global_slow(fi, i as usize)?,
                };
                self.frames[fi].stack.push(v);
            }
            Op::StoreGlobal(i) => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let cell = &f.code.global_cache[i as usize];
                let c = cell.get();
                let mut g = f.globals.globals.borrow_mut();
                if c.gver == g.version() && !c.builtin && (c.slot as usize) < g.len() {
                    g.set_at(c.slot as usize, v);
                } else {
                    let name = &f.code.names[i as usize];
                    g.set(name.clone(), v);
                    if let Some(slot) = g.find(name) {
                        cell.set(GlobalCache { gver: g.version(), bver: 0, slot: slot as u32, builtin: false });
                    }
                }
            }
            Op::DeleteGlobal(i) => {
                let name = f.code.names[i as usize].clone();
                if f.globals.globals.borrow_mut().remove(&name).is_none() {
                    return Err(self.name_error(&name));
                }
            }
            Op::LoadName(i) => {
                let name = f.code.names[i as usize].clone();
                let found = f.namespace.as_ref().and_then(|ns| ns.borrow().get(&name).cloned());
                let v = match found {
                    Some(v) => v,
                    None => {
                        let g = f.globals.globals.borrow().get(&name).cloned();
                        match g.or_else(|| self.builtins.globals.borrow().get(&name).cloned()) {
                            Some(v) => v,
                            None => return Err(self.name_error(&name)),
                        }
                    }
                };
                self.frames[fi].stack.push(v);
            }
            Op::StoreName(i) => {
                let name = f.code.names[i as usize].clone();
                let v = f.stack.pop().unwrap_or(Value::None);
                match &f.namespace {
                    Some(ns) => ns.borrow_mut().set(name, v),
                    None => f.globals.globals.borrow_mut().set(name, v),
                }
            }
            Op::DeleteName(i) => {
                let name = f.code.names[i as usize].clone();
                let removed = match &f.namespace {
                    Some(ns) => ns.borrow_mut().remove(&name),
                    None => f.globals.globals.borrow_mut().remove(&name),
                };
                if removed.is_none() {
                    return Err(self.name_error(&name));
                }
            }
            Op::LoadAttr(i) => {
                // Fast path: an instance attribute whose class (per the
                // cache) has no data descriptor of that name.
                let hit = match f.stack.last() {
                    Some(Value::Obj(o)) if !matches!(o.payload, Payload::Module(_) | Payload::Super { .. }) => {
                        let c = f.code.attr_cache[i as usize].borrow();
                        if c.dict_first && c.valid_for(&o.class) {
                            o.dict.borrow().get(&f.code.names[i as usize]).cloned()
                        } else {
                            None
                        }
                    }
                    _ => None,
                };
                match (hit, f.stack.last_mut()) {
                    (Some(v), Some(top)) => *top = v,
                    _ => self.load_attr_slow(fi, i as usize)?,
                }
            }
            Op::StoreAttr(i) => {
                let plain = match f.stack.last() {
                    Some(Value::Obj(o)) if matches!(o.payload, Payload::None) => {
                        let c = f.code.attr_cache[i as usize].borrow();
                        c.plain_store && c.valid_for(&o.class)
                    }
                    _ => false,
                };
                if plain && f.stack.len() >= 2 {
                    if let (Some(Value::Obj(o)), Some(v)) = (f.stack.pop(), f.stack.pop()) {
                        o.dict.borrow_mut().set(f.code.names[i as usize].clone(), v);
                    }
                } else {
                    self.store_attr_slow(fi, i as usize)?;
                }
            }
            Op::DeleteAttr(i) => {
                let name = f.code.names[i as usize].clone();
                let obj = f.stack.pop().unwrap_or(Value::None);
                self.delattr(&obj, &name)?;
            }
            Op::LoadMethod(i) => {
                // Fast path: a plain function on the instance's class, not
                // shadowed by the instance dict.
                let found = match f.stack.last() {
                    Some(Value::Obj(o)) if !matches!(o.payload, Payload::Module(_) | Payload::Super { .. }) => {
                        let c = f.code.attr_cache[i as usize].borrow();
                        if c.method && c.valid_for(&o.class) {
                            let d = o.dict.borrow();
                            if d.is_empty() || !d.contains(&f.code.names[i as usize]) {
                                c.value.clone()
                            } else {
                                None
                            }
                        } else {
                            None
                        }
                    }
                    _ => None,
                };
                match (found, f.stack.pop()) {
                    (Some(m), Some(obj)) => {
                        f.stack.push(m);
                        f.stack.push(obj);
                    }
                    (_, obj) => {
                        f.stack.push(obj.unwrap_or(Value::None));
                        self.load_method_slow(fi, i as usize)?;
                    }
                }
            }
            Op::CallMethod(argc) => {
                let len = f.stack.len();
                let start = len.saturating_sub(argc as usize);
                if start >= 2 {
                    let is_null = matches!(&f.stack[start - 1], Value::Obj(o) if Rc::ptr_eq(o, &self.types.null));
                    let from = if is_null { start } else { start - 1 };
                    if self.fast_call(fi, start - 2, from) {
                        return self.fast_call_push(fi, start - 2, from);
                    }
                }
                if start < 2 {
                    return Err(self.runtime_error("CallMethod without a method"));
                }
                // Stack: [callable, self-or-null, args...]; self (when
                // present) is the first argument.
                let f = &mut self.frames[fi];
                let is_null = matches!(&f.stack[start - 1], Value::Obj(o) if Rc::ptr_eq(o, &self.types.null));
                let args: Vec<Value> = f.stack.drain(if is_null { start } else { start - 1 }..).collect();
                if is_null {
                    f.stack.pop();
                }
                let callable = f.stack.pop().unwrap_or(Value::None);
                return self.call_op(callable, args, Vec::new());
            }
            Op::Call(argc) => {
                let start = f.stack.len().saturating_sub(argc as usize);
                // Fast path: a plain Python function with exactly these
                // positional parameters moves its arguments straight from
                // this stack into the new frame's locals.
                if start >= 1 && self.fast_call(fi, start - 1, start) {
                    return self.fast_call_push(fi, start - 1, start);
                }
                if start >= 1 && self.fast_init(fi, start - 1, start)? {
                    return Ok(Flow::Next);
                }
                let f = &mut self.frames[fi];
                let args: Vec<Value> = f.stack.drain(start..).collect();
                let callable = f.stack.pop().unwrap_or(Value::None);
                return self.call_op(callable, args, Vec::new());
            }
            Op::CallKw(argc) => {
                let names = f.stack.pop().unwrap_or(Value::None);
                let names = match names {
                    Value::Tuple(t) => t,
                    _ => Rc::new(Vec::new()),
                };
                let start = f.stack.len().saturating_sub(argc as usize);
                let mut args: Vec<Value> = f.stack.drain(start..).collect();
                let callable = f.stack.pop().unwrap_or(Value::None);
                let nkw = names.len().min(args.len());
                let kwvals = args.split_off(args.len() - nkw);
                let kw = names
                    .iter()
                    .zip(kwvals)
                    .map(|(n, v)| (Rc::from(n.as_str().unwrap_or("")), v))
                    .collect();
                return self.call_op(callable, args, kw);
            }
            Op::CallEx(flags) => {
                let kwargs = if flags & 1 != 0 { f.stack.pop() } else { None };
                let args = f.stack.pop().unwrap_or(Value::None);
                let callable = f.stack.pop().unwrap_or(Value::None);
                let args = match args {
                    Value::Tuple(t) => t.as_ref().clone(),
                    other => self.collect(&other)?,
                };
                let kw = match kwargs {
                    Some(d) => self.kwargs_from_mapping(&callable, &d)?,
                    None => Vec::new(),
                };
                return self.call_op(callable, args, kw);
            }
            Op::MakeFunction(flags) => {
                let v = self.make_function(flags)?;
                self.tpush(v);
            }
            Op::Binary(op) => {
                // Small ints are combined in place: no pops, no destructors.
                if let [.., Value::Int(x), Value::Int(y)] = f.stack.as_mut_slice() {
                    if let Some(r) = int_arith(op, *x, *y) {
                        *x = r;
                        pop_unboxed(&mut f.stack);
                        return Ok(Flow::Next);
                    }
                }
                let b = f.stack.pop().unwrap_or(Value::None);
                let a = f.stack.pop().unwrap_or(Value::None);
                let r = match (a, b) {
                    (Value::Int(x), Value::Int(y)) => match int_arith(op, x, y) {
                        Some(v) => Value::Int(v),
                        None => self.binary_op(Value::Int(x), Value::Int(y), op)?,
                    },
                    (a, b) => self.binary_op(a, b, op)?,
                };
                self.tpush(r);
            }
            Op::Inplace(op) => {
                if let [.., Value::Int(x), Value::Int(y)] = f.stack.as_mut_slice() {
                    if let Some(r) = int_arith(op, *x, *y) {
                        *x = r;
                        pop_unboxed(&mut f.stack);
                        return Ok(Flow::Next);
                    }
                }
                if op == BinOp::Add {
                    if let [.., Value::Str(_), Value::Str(_)] = f.stack.as_slice() {
                        return self.str_append(fi, budget);
                    }
                }
                let b = f.stack.pop().unwrap_or(Value::None);
                let a = f.stack.pop().unwrap_or(Value::None);
                let r = match (a, b) {
                    (Value::Int(x), Value::Int(y)) => match int_arith(op, x, y) {
                        Some(v) => Value::Int(v),
                        None => self.inplace_op(Value::Int(x), Value::Int(y), op)?,
                    },
                    (a, b) => self.inplace_op(a, b, op)?,
                };
                self.tpush(r);
            }
            Op::Unary(op) => {
                let a = f.stack.pop().unwrap_or(Value::None);
                let r = self.unary_op(a, op)?;
                self.tpush(r);
            }
            Op::Compare(op) => {
                if let [.., Value::Int(x), Value::Int(y)] = f.stack.as_slice() {
                    let r = int_cmp(op, *x, *y);
                    pop_unboxed(&mut f.stack);
                    pop_unboxed(&mut f.stack);
                    // Fused with a following conditional jump (the
                    // common `if a < b:` / `while` shape).
                    match f.code.ops.get(f.ip) {
                        Some(&Op::PopJumpIfFalse(t)) if *budget > 0 => {
                            *budget -= 1;
                            f.ip = if r { f.ip + 1 } else { t as usize };
                        }
                        Some(&Op::PopJumpIfTrue(t)) if *budget > 0 => {
                            *budget -= 1;
                            f.ip = if r { t as usize } else { f.ip + 1 };
                        }
                        _ => f.stack.push(Value::Bool(r)),
                    }
                    return Ok(Flow::Next);
                }
                let b = f.stack.pop().unwrap_or(Value::None);
                let a = f.stack.pop().unwrap_or(Value::None);
                let r = self.compare(a, b, op)?;
                self.tpush(r);
            }
            Op::Is(negate) => {
                let b = f.stack.pop().unwrap_or(Value::None);
                let a = f.stack.pop().unwrap_or(Value::None);
                f.stack.push(Value::Bool(a.is(&b) != negate));
            }
            Op::Contains(negate) => {
                let container = f.stack.pop().unwrap_or(Value::None);
                let item = f.stack.pop().unwrap_or(Value::None);
                let r = self.contains(&container, &item)?;
                self.tpush(Value::Bool(r != negate));
            }
            Op::Subscr => {
                let idx = f.stack.pop().unwrap_or(Value::None);
                let obj = f.stack.pop().unwrap_or(Value::None);
                if let (Value::List(l), Value::Int(i)) = (&obj, &idx) {
                    let l = l.borrow();
                    let n = l.len() as i64;
                    let j = if *i < 0 { *i + n } else { *i };
                    if j >= 0 && j < n {
                        let v = l[j as usize].clone();
                        drop(l);
                        self.tpush(v);
                        return Ok(Flow::Next);
                    }
                }
                let v = self.getitem(&obj, idx)?;
                self.tpush(v);
            }
            Op::StoreSubscr => {
                let idx = f.stack.pop().unwrap_or(Value::None);
                let obj = f.stack.pop().unwrap_or(Value::None);
                let v = f.stack.pop().unwrap_or(Value::None);
                self.setitem(&obj, idx, v)?;
            }
            Op::DeleteSubscr => {
                let idx = f.stack.pop().unwrap_or(Value::None);
                let obj = f.stack.pop().unwrap_or(Value::None);
                self.delitem(&obj, idx)?;
            }
            Op::BuildSlice(n) => {
                let step = if n == 3 { f.stack.pop().unwrap_or(Value::None) } else { Value::None };
                let stop = f.stack.pop().unwrap_or(Value::None);
                let start = f.stack.pop().unwrap_or(Value::None);
                let s = self.new_slice(start, stop, step);
                self.tpush(s);
            }
            Op::BuildTuple(n) => {
                let start = f.stack.len().saturating_sub(n as usize);
                let items: Vec<Value> = f.stack.drain(start..).collect();
                f.stack.push(Value::tuple(items));
            }
            Op::BuildList(n) => {
                let start = f.stack.len().saturating_sub(n as usize);
                let items: Vec<Value> = f.stack.drain(start..).collect();
                f.stack.push(Value::list(items));
            }
            Op::BuildSet(n) => {
                let start = f.stack.len().saturating_sub(n as usize);
                let items: Vec<Value> = f.stack.drain(start..).collect();
                let s = self.new_set_from(items)?;
                self.tpush(s);
            }
            Op::BuildMap(n) => {
                let start = f.stack.len().saturating_sub(2 * n as usize);
                let items: Vec<Value> = f.stack.drain(start..).collect();
                let d = self.new_dict();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    self.dict_set(&d, k, v)?;
                }
                self.tpush(Value::Dict(d));
            }
            Op::BuildString(n) => {
                let start = f.stack.len().saturating_sub(n as usize);
                let mut s = String::new();
                for v in f.stack.drain(start..) {
                    if let Value::Str(p) = v {
                        s.push_str(&p.s);
                    }
                }
                f.stack.push(Value::string(s));
            }
            Op::ListAppend(n) => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let len = f.stack.len();
                if let Some(Value::List(l)) = f.stack.get(len.wrapping_sub(n as usize)) {
                    l.borrow_mut().push(v);
                }
            }
            Op::SetAdd(n) => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let len = f.stack.len();
                let target = f.stack.get(len.wrapping_sub(n as usize)).cloned();
                if let Some(Value::Set(s)) = target {
                    self.set_add(&s, v)?;
                }
            }
            Op::MapAdd(n) => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let k = f.stack.pop().unwrap_or(Value::None);
                let len = f.stack.len();
                let target = f.stack.get(len.wrapping_sub(n as usize)).cloned();
                if let Some(Value::Dict(d)) = target {
                    self.dict_set(&d, k, v)?;
                }
            }
            Op::ListExtend(n) => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let len = f.stack.len();
                let target = f.stack.get(len.wrapping_sub(n as usize)).cloned();
                let items = match self.collect(&v) {
                    Ok(items) => items,
                    Err(_) => {
                        let t = self.type_name(&v);
                        return Err(self.type_error(format!("Value after * must be an iterable, not {t}")));
                    }
                };
                if let Some(Value::List(l)) = target {
                    l.borrow_mut().extend(items);
                }
            }
            Op::SetUpdate(n) => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let len = f.stack.len();
                let target = f.stack.get(len.wrapping_sub(n as usize)).cloned();
                let items = self.collect(&v)?;
                if let Some(Value::Set(s)) = target {
                    for item in items {
                        self.set_add(&s, item)?;
                    }
                }
            }
            Op::DictUpdate(n) | Op::DictMerge(n) => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let len = f.stack.len();
                let target = f.stack.get(len.wrapping_sub(n as usize)).cloned();
                if let Some(Value::Dict(d)) = target {
                    if matches!(op, Op::DictMerge(_)) {
                        self.dict_merge_kwargs(&d, &v)?;
                    } else {
                        self.dict_update_from(&d, &v)?;
                    }
                }
            }
            Op::ListToTuple => {
                if let Some(Value::List(l)) = f.stack.pop() {
                    let items = l.borrow().clone();
                    f.stack.push(Value::tuple(items));
                }
            }
            Op::FormatValue(flags) => {
                let spec = if flags & 4 != 0 { f.stack.pop() } else { None };
                let v = f.stack.pop().unwrap_or(Value::None);
                let v = match flags & 3 {
                    1 => Value::string(self.str_of(&v)?),
                    2 => Value::string(self.repr(&v)?),
                    3 => Value::string(crate::builtins::ascii_of(&self.repr(&v)?)),
                    _ => v,
                };
                let spec = match &spec {
                    Some(Value::Str(s)) => s.s.clone(),
                    _ => String::new(),
                };
                let s = match (&v, spec.is_empty()) {
                    (Value::Str(_), true) => v,
                    _ => Value::string(self.format(&v, &spec)?),
                };
                self.tpush(s);
            }
            Op::Jump(t) => f.ip = t as usize,
            Op::PopJumpIfFalse(t) => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let b = match v {
                    Value::Bool(b) => b,
                    other => self.truthy(&other)?,
                };
                if !b {
                    self.frames[fi].ip = t as usize;
                }
            }
            Op::PopJumpIfTrue(t) => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let b = match v {
                    Value::Bool(b) => b,
                    other => self.truthy(&other)?,
                };
                if b {
                    self.frames[fi].ip = t as usize;
                }
            }
            Op::JumpIfFalseOrPop(t) => {
                let v = f.stack.last().cloned().unwrap_or(Value::None);
                if !self.truthy(&v)? {
                    self.frames[fi].ip = t as usize;
                } else {
                    self.frames[fi].stack.pop();
                }
            }
            Op::JumpIfTrueOrPop(t) => {
                let v = f.stack.last().cloned().unwrap_or(Value::None);
                if self.truthy(&v)? {
                    self.frames[fi].ip = t as usize;
                } else {
                    self.frames[fi].stack.pop();
                }
            }
            Op::PopJumpIfNone(t) => {
                if let Some(Value::None) = f.stack.pop() {
                    f.ip = t as usize;
                }
            }
            Op::PopJumpIfNotNone(t) => {
                if !matches!(f.stack.pop(), Some(Value::None)) {
                    f.ip = t as usize;
                }
            }
            Op::GetIter => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let it = self.get_iter(&v)?;
                self.tpush(it);
            }
            Op::ForIter(t) => {
                // Ranges and lists step inline; everything else goes
                // through the iteration protocol.
                let fast = match f.stack.last() {
                    Some(Value::Obj(o)) => match &o.payload {
                        crate::value::Payload::Iter(st) => match st.try_borrow_mut().as_deref_mut() {
                            Ok(crate::iter::IterState::Range { cur, stop, step }) if *step > 0 && *cur < *stop => {
                                let v = *cur;
                                *cur = cur.saturating_add(*step);
                                if *cur == v {
                                    *cur = *stop;
                                }
                                Some(Value::Int(v))
                            }
                            Ok(crate::iter::IterState::List { list, i }) => {
                                let item = list.try_borrow().ok().and_then(|l| l.get(*i).cloned());
                                if item.is_some() {
                                    *i += 1;
                                }
                                item
                            }
                            _ => None,
                        },
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(v) = fast {
                    f.stack.push(v);
                    return Ok(Flow::Next);
                }
                return self.for_iter(t);
            }
            Op::GetAIter => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let it = self.get_aiter(&v)?;
                self.tpush(it);
            }
            Op::GetANext => {
                let it = f.stack.last().cloned().unwrap_or(Value::None);
                let aw = self.get_anext(&it)?;
                self.tpush(aw);
            }
            Op::EndAsyncFor => {
                // Stack: [aiter, exc]. StopAsyncIteration ends the loop quietly.
                let exc = f.stack.pop().unwrap_or(Value::None);
                if self.exc_matches_name(&exc, "StopAsyncIteration") {
                    self.frames[fi].stack.pop();
                } else {
                    return Err(self.mark_reraise(exc));
                }
            }
            Op::ReturnValue => {
                let v = f.stack.pop().unwrap_or(Value::None);
                return self.do_return(v);
            }
            Op::YieldValue => {
                let v = f.stack.pop().unwrap_or(Value::None);
                return self.do_yield(v);
            }
            Op::Send(t) => return self.send_op(t),
            Op::GetAwaitable(_) => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let aw = self.get_awaitable(&v)?;
                self.tpush(aw);
            }
            Op::GetYieldFromIter => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let it = self.get_yield_from_iter(&v)?;
                self.tpush(it);
            }
            Op::SetupExcept(t) | Op::SetupFinally(t) => {
                let b = Block {
                    handler: t,
                    stack_level: f.stack.len() as u32,
                    exc_depth: f.exc_stack.len() as u32,
                };
                f.blocks.push(b);
            }
            Op::PopBlock => {
                f.blocks.pop();
            }
            Op::PushExcInfo => {
                let exc = f.stack.last().cloned().unwrap_or(Value::None);
                f.exc_stack.push(exc);
            }
            Op::PopExcept => {
                f.exc_stack.pop();
            }
            Op::Raise(n) => return Err(self.raise_op(n)?),
            Op::Reraise => {
                let exc = f.stack.pop().unwrap_or(Value::None);
                return Err(self.mark_reraise(exc));
            }
            Op::CheckExcMatch => {
                let ty = f.stack.pop().unwrap_or(Value::None);
                let exc = f.stack.last().cloned().unwrap_or(Value::None);
                let m = self.exc_match(&exc, &ty)?;
                self.tpush(Value::Bool(m));
            }
            Op::CheckEgMatch => {
                let ty = f.stack.pop().unwrap_or(Value::None);
                let exc = f.stack.pop().unwrap_or(Value::None);
                let (rest, matched) = self.eg_match(&exc, &ty)?;
                self.tpush(rest);
                self.tpush(matched);
            }
            Op::PrepReraiseStar => {
                let raised = f.stack.pop().unwrap_or(Value::None);
                let orig = f.stack.pop().unwrap_or(Value::None);
                let v = self.prep_reraise_star(&orig, &raised)?;
                self.tpush(v);
            }
            Op::BeforeWith | Op::BeforeAsyncWith => {
                let mgr = f.stack.pop().unwrap_or(Value::None);
                let (exit, enter) = self.before_with(&mgr, op == Op::BeforeAsyncWith)?;
                self.tpush(exit);
                // A frame, not a nested call: `__enter__` may block (a
                // threading.Lock) or be paused like any other code.
                return self.call_op(enter, vec![mgr], Vec::new());
            }
            Op::WithExceptStart => {
                // Stack: [exit, exc] → [exit, exc, exit(type, exc, tb)].
                let n = f.stack.len();
                let exc = f.stack.get(n.wrapping_sub(1)).cloned().unwrap_or(Value::None);
                let exit = f.stack.get(n.wrapping_sub(2)).cloned().unwrap_or(Value::None);
                let ty = self.type_of(&exc);
                let tb = self.traceback_object(&exc);
                let args = vec![Value::Class(ty), exc, tb];
                return self.call_op(exit, args, Vec::new());
            }
            Op::ImportName(i) => {
                let name = f.code.names[i as usize].clone();
                let fromlist = f.stack.pop().unwrap_or(Value::None);
                let m = self.import(&name, !fromlist.is_none())?;
                self.tpush(m);
            }
            Op::ImportFrom(i) => {
                let name = f.code.names[i as usize].clone();
                let m = f.stack.last().cloned().unwrap_or(Value::None);
                let v = self.import_from(&m, &name)?;
                self.tpush(v);
            }
            Op::ImportStar => {
                let m = f.stack.pop().unwrap_or(Value::None);
                self.import_star(&m)?;
            }
            Op::UnpackSequence(n) => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let items = self.unpack(&v, n as usize)?;
                let f = &mut self.frames[fi];
                f.stack.extend(items.into_iter().rev());
            }
            Op::UnpackEx(counts) => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let items = self.unpack_ex(&v, (counts & 0xffff) as usize, (counts >> 16) as usize)?;
                let f = &mut self.frames[fi];
                f.stack.extend(items.into_iter().rev());
            }
            Op::LoadBuildClass => {
                let v = self.builtin_value("__build_class__");
                self.tpush(v);
            }
            Op::LoadAssertionError => {
                let v = Value::Class(self.types.exc("AssertionError"));
                f.stack.push(v);
            }
            Op::GetLen => {
                let v = f.stack.last().cloned().unwrap_or(Value::None);
                let n = self.len(&v)?;
                self.tpush(Value::Int(n as i64));
            }
            Op::MatchMapping => {
                let v = f.stack.last().cloned().unwrap_or(Value::None);
                let b = self.is_mapping(&v);
                self.tpush(Value::Bool(b));
            }
            Op::MatchSequence => {
                let v = f.stack.last().cloned().unwrap_or(Value::None);
                let b = self.is_match_sequence(&v);
                self.tpush(Value::Bool(b));
            }
            Op::MatchKeys => {
                let keys = f.stack.last().cloned().unwrap_or(Value::None);
                let n = f.stack.len();
                let subject = f.stack.get(n.wrapping_sub(2)).cloned().unwrap_or(Value::None);
                let r = self.match_keys(&subject, &keys)?;
                self.tpush(r);
            }
            Op::MatchClass(nargs) => {
                let names = f.stack.pop().unwrap_or(Value::None);
                let cls = f.stack.pop().unwrap_or(Value::None);
                let subject = f.stack.pop().unwrap_or(Value::None);
                let r = self.match_class(&subject, &cls, nargs as usize, &names)?;
                self.tpush(r);
            }
            Op::SetupAnnotations => {
                let has = match &f.namespace {
                    Some(ns) => ns.borrow().contains("__annotations__"),
                    None => f.globals.globals.borrow().contains("__annotations__"),
                };
                if !has {
                    let d = Value::Dict(self.new_dict());
                    let f = &mut self.frames[fi];
                    match &f.namespace {
                        Some(ns) => ns.borrow_mut().set_str("__annotations__", d),
                        None => f.globals.globals.borrow_mut().set_str("__annotations__", d),
                    }
                }
            }
            Op::CallIntrinsic(n) => self.intrinsic(n)?,
            Op::ReturnGenerator => {}
        }
        Ok(Flow::Next)
    }

    /// Whether the callable at `callee` in frame `fi` is a plain Python
    /// function (or generator or coroutine function) whose positional
    /// parameters are the arguments `from..` on the stack, then defaults.
    #[inline(always)]
    fn fast_call(&self, fi: usize, callee: usize, from: usize) -> bool {
        let f = &self.frames[fi];
        match f.stack.get(callee) {
            Some(Value::Function(func)) => {
                let code = &func.code;
                let (n, argc) = (f.stack.len() - from, code.argcount as usize);
                (n == argc || (n < argc && n + func.defaults.len() >= argc))
                    && !code.has_varargs
                    && !code.has_varkw
                    && code.kwonlyargcount == 0
                    && code.cellvars.is_empty()
                    && code.freevars.is_empty()
            }
            _ => false,
        }
    }

    /// The call `fast_call` approved: moves the arguments into recycled
    /// buffers and pushes the new frame.
    #[inline(always)]
    fn fast_call_push(&mut self, fi: usize, callee: usize, from: usize) -> PyResult<Flow> {
        // The callee leaves its stack slot (truncated below) without a
        // reference-count round trip.
        let func = match std::mem::replace(&mut self.frames[fi].stack[callee], Value::None) {
            Value::Function(func) => func,
            _ => return Ok(Flow::Next),
        };
        let (code, argc, nlocals) = (&func.code, func.code.argcount as usize, func.code.varnames.len());
        let generator = code.is_generator_like();
        if let Some(fast) = code.await_fast.get() {
            if let Some(done) = self.awaited_at_once(fi) {
                // The arguments stay on the stack (a copy is handed over)
                // until it is sure the coroutine is not needed.
                let shortcut = match &self.frames[fi].stack[from..] {
                    [a] => fast(self, code, &[a.clone()])?,
                    [a, b] => fast(self, code, &[a.clone(), b.clone()])?,
                    _ => None,
                };
                if let Some(shortcut) = shortcut {
                    let f = &mut self.frames[fi];
                    f.stack.truncate(callee);
                    match shortcut {
                        Shortcut::Returned(v) => {
                            f.stack.push(v);
                            f.ip = done;
                        }
                        Shortcut::Awaits(v) => f.stack.push(v),
                    }
                    return Ok(Flow::Next);
                }
            }
        }
        if !generator && self.frames.len() >= self.limits.recursion_limit {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        let mut frame = self.frame_without_locals(code.clone(), func.globals.clone());
        let f = &mut self.frames[fi];
        // The arguments move into the first locals, in order, then the
        // defaults of the parameters not given.
        frame.locals.extend(f.stack.drain(from..).map(Some));
        if frame.locals.len() < argc {
            let first_default = func.defaults.len() + frame.locals.len() - argc;
            frame.locals.extend(func.defaults[first_default..].iter().cloned().map(Some));
        }
        frame.locals.resize(nlocals, None);
        f.stack.truncate(callee);
        if generator {
            // Calling a generator or coroutine function only makes the object.
            let g = self.new_generator(frame, &func);
            self.frames[fi].stack.push(g);
        } else {
            self.frames.push(frame);
        }
        Ok(Flow::Next)
    }

    /// Where the await of the value the current call returns ends, when
    /// the next instructions are that await (`GetAwaitable`, the first
    /// `None` sent, `Send`): the call's result is awaited at once.
    fn awaited_at_once(&self, fi: usize) -> Option<usize> {
        let f = &self.frames[fi];
        match f.code.ops.get(f.ip..f.ip + 3)? {
            [Op::GetAwaitable(_), Op::LoadConst(_), Op::Send(done)] => Some(*done as usize),
            _ => None,
        }
    }

    /// `s += t` for two strs. When the next instruction stores the result
    /// back into the variable holding `s`, the store is fused in and the
    /// variable's reference dropped first; if nothing else refers to the
    /// string it then grows in place, so building a string in a loop is
    /// linear (CPython does the same).
    #[inline(never)]
    fn str_append(&mut self, fi: usize, budget: &mut u64) -> PyResult<Flow> {
        let f = &mut self.frames[fi];
        let (Some(Value::Str(b)), Some(Value::Str(mut a))) = (f.stack.pop(), f.stack.pop()) else {
            return Err(self.runtime_error("str_append on non-str operands"));
        };
        let total = a.s.len() + b.s.len();
        self.charge(total)?;
        let f = &mut self.frames[fi];
        let next = if *budget > 0 { f.code.ops.get(f.ip).copied() } else { None };
        // Where the result goes when the store is fused.
        enum Target {
            Fast(usize),
            Global(usize),
        }
        let target = match next {
            Some(Op::StoreFast(j)) => {
                let holds_a = matches!(f.locals.get(j as usize), Some(Some(Value::Str(cur))) if Rc::ptr_eq(cur, &a));
                if holds_a {
                    f.locals[j as usize] = None;
                    Some(Target::Fast(j as usize))
                } else {
                    None
                }
            }
            Some(Op::StoreGlobal(j)) => {
                let c = f.code.global_cache[j as usize].get();
                let mut g = f.globals.globals.borrow_mut();
                let slot = c.slot as usize;
                let holds_a = c.gver == g.version()
                    && !c.builtin
                    && matches!(g.value_at(slot), Some(Value::Str(cur)) if Rc::ptr_eq(cur, &a));
                if holds_a {
                    g.set_at(slot, Value::None);
                    Some(Target::Global(slot))
                } else {
                    None
                }
            }
            _ => None,
        };
        let result = match Rc::get_mut(&mut a) {
            Some(ps) => {
                ps.s.push_str(&b.s);
                ps.chars += b.chars;
                Value::Str(a)
            }
            None => {
                let mut s = String::with_capacity(total);
                s.push_str(&a.s);
                s.push_str(&b.s);
                Value::Str(Rc::new(crate::value::PyStr::with_chars(s, a.chars + b.chars)))
            }
        };
        let f = &mut self.frames[fi];
        match target {
            None => f.stack.push(result),
            Some(t) => {
                *budget -= 1;
                f.ip += 1;
                match t {
                    Target::Fast(j) => f.locals[j] = Some(result),
                    Target::Global(slot) => {
                        f.globals.globals.borrow_mut().set_at(slot, result);
                    }
                }
            }
        }
        Ok(Flow::Next)
    }

    /// `C(args)` for a plain class (no custom `__new__`, metaclass or
    /// builtin base) whose `__init__` is a Python function taking exactly
    /// these positional arguments: allocates the instance and pushes the
    /// `__init__` frame straight from the stack. Returns false (having done
    /// nothing) when the general path must decide.
    fn fast_init(&mut self, fi: usize, callee: usize, from: usize) -> PyResult<bool> {
        use crate::value::{Layout, HOOK_METACLASS, HOOK_NEW};
        let f = &self.frames[fi];
        let Some(Value::Class(c)) = f.stack.get(callee) else { return Ok(false) };
        if c.layout != Layout::Object || c.hooks() & (HOOK_NEW | HOOK_METACLASS) != 0 || c.module.as_ref() == "builtins" {
            return Ok(false);
        }
        let Some(Value::Function(init)) = c.lookup("__init__") else { return Ok(false) };
        let code = &init.code;
        let nargs = f.stack.len() - from;
        if code.argcount as usize != nargs + 1
            || code.has_varargs
            || code.has_varkw
            || code.kwonlyargcount != 0
            || !code.cellvars.is_empty()
            || !code.freevars.is_empty()
            || code.is_generator_like()
        {
            return Ok(false);
        }
        if self.frames.len() >= self.limits.recursion_limit {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        let c = c.clone();
        let (code, globals) = (init.code.clone(), init.globals.clone());
        let obj = self.alloc_instance(&c);
        let nlocals = code.varnames.len();
        let mut frame = self.frame_without_locals(code, globals);
        let f = &mut self.frames[fi];
        frame.locals.push(Some(obj.clone()));
        frame.locals.extend(f.stack.drain(from..).map(Some));
        frame.locals.resize(nlocals, None);
        f.stack.truncate(callee);
        frame.init_obj = Some(obj);
        self.frames.push(frame);
        Ok(true)
    }

    /// `LoadGlobal` on a cache miss: globals, then builtins; refills the cache.
    #[inline(never)]
    fn load_global_slow(&mut self, fi: usize, i: usize) -> PyResult<Value> {
        let f = &self.frames[fi];
        let name = &f.code.names[i];
        let cell = &f.code.global_cache[i];
        let g = f.globals.globals.borrow();
        if let Some(slot) = g.find(name) {
            cell.set(GlobalCache { gver: g.version(), bver: 0, slot: slot as u32, builtin: false });
            return Ok(g.value_at(slot).cloned().unwrap_or(Value::None));
        }
        let b = self.builtins.globals.borrow();
        if let Some(slot) = b.find(name) {
            cell.set(GlobalCache { gver: g.version(), bver: b.version(), slot: slot as u32, builtin: true });
            return Ok(b.value_at(slot).cloned().unwrap_or(Value::None));
        }
        let name = name.clone();
        drop(b);
        drop(g);
        Err(self.name_error(&name))
    }

    /// Pops the finished top frame and reports its result.
    pub(super) fn do_return(&mut self, v: Value) -> PyResult<Flow> {
        let n = self.frames.len();
        if n >= 2 {
            // A plain call: the frame goes back to the pool.
            let f = &mut self.frames[n - 1];
            if f.resume == Resume::Call && f.gen.is_none() && (f.init_obj.is_none() || v.is_none()) {
                // An `__init__` frame hands back the new instance.
                let v = match f.init_obj.take() {
                    Some(obj) => obj,
                    None => v,
                };
                if let Some(f) = self.frames.pop() {
                    self.free_frame(f);
                }
                self.frames[n - 2].stack.push(v);
                return Ok(Flow::Next);
            }
        }
        self.do_return_slow(v)
    }

    #[inline(never)]
    fn do_return_slow(&mut self, v: Value) -> PyResult<Flow> {
        let mut frame = match self.frames.pop() {
            Some(f) => f,
            None => return Ok(Flow::Exit(Exec::Returned(v))),
        };
        if let Some(gen) = frame.gen.take() {
            self.gen_finished(&gen);
        }
        let (init_obj, resume, kind) = (frame.init_obj.take(), frame.resume, frame.code.kind);
        self.free_frame(frame);
        if let Some(init) = init_obj {
            if !v.is_none() {
                let t = self.type_name(&v);
                return Err(self.type_error(format!("__init__() should return None, not '{t}'")));
            }
            self.tpush(init);
            return Ok(Flow::Next);
        }
        if resume == Resume::Call {
            self.tpush(v);
            return Ok(Flow::Next);
        }
        if kind == crate::bytecode::CodeKind::AsyncGenerator {
            return Err(self.new_error("StopAsyncIteration", ""));
        }
        match resume {
            Resume::ForIter(t) => {
                let f = self.frames.last_mut();
                if let Some(f) = f {
                    f.stack.pop();
                    f.ip = t as usize;
                }
                Ok(Flow::Next)
            }
            Resume::Send(t) => {
                if let Some(f) = self.frames.last_mut() {
                    f.stack.pop();
                    f.stack.push(v);
                    f.ip = t as usize;
                }
                Ok(Flow::Next)
            }
            Resume::GenCall => {
                let is_async = kind == crate::bytecode::CodeKind::AsyncGenerator;
                Err(if is_async {
                    self.new_error("StopAsyncIteration", "")
                } else {
                    self.stop_iteration(v)
                })
            }
            Resume::Host | Resume::Call => Ok(Flow::Exit(Exec::Returned(v))),
        }
    }

    /// Suspends the top (generator) frame and reports the yielded value.
    fn do_yield(&mut self, v: Value) -> PyResult<Flow> {
        let frame = match self.frames.pop() {
            Some(f) => f,
            None => return Ok(Flow::Exit(Exec::Yielded(v))),
        };
        let resume = frame.resume;
        let is_agen = frame.code.kind == crate::bytecode::CodeKind::AsyncGenerator;
        if let Some(gen) = frame.gen.clone() {
            self.gen_suspend(&gen, frame);
        }
        if is_agen {
            if let Some(inner) = crate::native::unwrap_agen_value(&v) {
                // A real `yield` in an async generator completes the awaited
                // `__anext__()`: it is a return from the awaiter's view.
                return match resume {
                    Resume::Send(t) => {
                        if let Some(f) = self.frames.last_mut() {
                            f.stack.pop();
                            f.stack.push(inner);
                            f.ip = t as usize;
                        }
                        Ok(Flow::Next)
                    }
                    Resume::Host => Ok(Flow::Exit(Exec::Returned(inner))),
                    _ => Err(self.stop_iteration(inner)),
                };
            }
        }
        match resume {
            Resume::ForIter(_) | Resume::Send(_) | Resume::GenCall | Resume::Call => {
                self.tpush(v);
                Ok(Flow::Next)
            }
            Resume::Host => Ok(Flow::Exit(Exec::Yielded(v))),
        }
    }

    /// Hands a frame's result to a resumer further down when a nested
    /// frame exits above `base` (only host-resumed frames exit this way).
    fn deliver(&mut self, e: Exec) -> PyResult<()> {
        match e {
            Exec::Returned(v) | Exec::Yielded(v) => {
                self.tpush(v);
                Ok(())
            }
            Exec::Raised(exc) => Err(exc),
            Exec::Paused => Ok(()),
        }
    }

    /// Runs the frame just pushed to completion (for builtins that call
    /// Python code). The loop cannot pause inside.
    pub fn run_nested(&mut self) -> PyResult<Value> {
        match self.run_top_nested() {
            Exec::Returned(v) | Exec::Yielded(v) => Ok(v),
            Exec::Raised(e) => Err(e),
            Exec::Paused => Err(self.runtime_error("nested run paused")),
        }
    }

    /// Like `run_nested` but tells a yield from a return (generators).
    pub fn run_top_nested(&mut self) -> Exec {
        let base = self.frames.len().saturating_sub(1);
        if let Some(f) = self.frames.last_mut() {
            f.resume = Resume::Host;
        }
        self.nested += 1;
        let mut budget = u64::MAX;
        let r = self.execute(base, &mut budget);
        self.nested -= 1;
        r
    }
}
