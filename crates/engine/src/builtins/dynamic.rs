//! `eval`, `exec`, `compile` and `__import__`: running code built at run
//! time. Code runs in the caller's module at module level, in an explicit
//! globals dict (linked like `globals()`), or in a copy of a function's
//! globals and locals.

use std::cell::RefCell;
use std::rc::Rc;

use super::def;
use crate::compiler::{compile_eval, compile_module, CompileError, EVAL_RESULT};
use crate::dict::Dict;
use crate::value::{Args, Module, Obj, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    def(vm, "eval", eval);
    def(vm, "exec", exec);
    def(vm, "compile", compile);
    def(vm, "__import__", import);
}

/// A Python SyntaxError with CPython's attributes.
fn syntax_error(vm: &mut Vm, e: &CompileError, filename: &str) -> Value {
    let exc = vm.new_error(e.kind, &e.msg);
    if let Some(o) = exc.as_obj() {
        let mut d = o.dict.borrow_mut();
        d.set_str("msg", Value::str(&e.msg));
        d.set_str("lineno", Value::Int(e.line as i64));
        d.set_str("offset", Value::Int(e.col as i64));
        d.set_str("end_lineno", Value::Int(e.end_line as i64));
        d.set_str("end_offset", Value::Int(e.end_col as i64));
        d.set_str("filename", Value::str(filename));
        d.set_str("text", e.text.as_deref().map(|t| Value::string(format!("{t}\n"))).unwrap_or(Value::None));
    }
    exc
}

fn source_of(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.s.clone()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(b).into_owned()),
        other => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!("{fname}() arg 1 must be a string, bytes or code object, not {t}")))
        }
    }
}

/// Where dynamically compiled code runs.
struct Namespace {
    module: Rc<Module>,
    /// An explicit globals dict, kept in step with `module`.
    globals: Option<Rc<RefCell<Dict>>>,
    /// Builtins other than the real ones (`{"__builtins__": {...}}`).
    builtins: Option<Rc<Module>>,
}

/// The namespace code runs in: an explicit globals dict (with `locals`
/// merged in), the caller's module when called at module level, or else
/// a copy of the caller's globals overlaid with its locals.
fn namespace(vm: &mut Vm, args: &Args) -> PyResult<Namespace> {
    let globals_arg = args.get(1, "globals").cloned().filter(|g| !g.is_none());
    let locals_arg = args.get(2, "locals").cloned().filter(|l| !l.is_none());
    let fresh = || Rc::new(Module { name: Rc::from("__main__"), globals: Default::default(), id: Default::default() });
    let mut ns = Namespace { module: fresh(), globals: None, builtins: None };
    match &globals_arg {
        Some(g) => {
            let Some(d) = vm.as_dict(g) else {
                let t = vm.type_name(g);
                return Err(vm.type_error(format!("globals must be a dict, not {t}")));
            };
            // The same dict passed again means the same namespace (functions
            // defined by an earlier exec keep seeing it).
            let known = vm.globals_dicts.iter().find(|(_, dd)| Rc::ptr_eq(dd, &d)).map(|(m, _)| m.clone());
            match known {
                Some(m) => ns.module = m,
                None => {
                    for (k, v) in d.borrow().iter() {
                        if let Some(k) = k.as_str() {
                            ns.module.globals.borrow_mut().set_str(k, v.clone());
                        }
                    }
                    vm.adopt_globals_dict(&ns.module, &d);
                }
            }
            let b = ns.module.globals.borrow().get("__builtins__").cloned();
            match b {
                None => {
                    // CPython adds the builtins module to a globals dict that has none.
                    let b = vm.builtins.clone();
                    let bd = vm.globals_dict(&b)?;
                    vm.dict_set(&d, Value::str("__builtins__"), Value::Dict(bd))?;
                }
                Some(Value::Obj(o)) if matches!(o.payload, Payload::Module(_)) => {
                    if let Payload::Module(bm) = &o.payload {
                        ns.builtins = Some(bm.clone());
                    }
                }
                Some(b) => {
                    if let Some(bd) = vm.as_dict(&b) {
                        let linked = vm.globals_dicts.iter().find(|(_, dd)| Rc::ptr_eq(dd, &bd)).map(|(m, _)| m.clone());
                        if let Some(bm) = linked {
                            ns.builtins = Some(bm);
                            ns.globals = Some(d);
                            return finish(vm, ns, locals_arg);
                        }
                        let bm = fresh();
                        for (k, v) in bd.borrow().iter() {
                            if let Some(k) = k.as_str() {
                                bm.globals.borrow_mut().set_str(k, v.clone());
                            }
                        }
                        ns.builtins = Some(bm);
                    }
                }
            }
            ns.globals = Some(d);
        }
        None => {
            if let Some(f) = vm.frames.last() {
                if f.code.kind == crate::bytecode::CodeKind::Module && f.namespace.is_none() && locals_arg.is_none() {
                    ns.module = f.globals.clone();
                    return Ok(ns);
                }
                let g = f.globals.globals.borrow().clone();
                *ns.module.globals.borrow_mut() = g;
                let mut m = ns.module.globals.borrow_mut();
                if let Some(cls_ns) = &f.namespace {
                    for (k, v) in cls_ns.borrow().iter() {
                        m.set(k.clone(), v.clone());
                    }
                }
                for (name, v) in f.code.varnames.iter().zip(f.locals.iter()) {
                    if let Some(v) = v {
                        m.set(name.clone(), v.clone());
                    }
                }
            }
        }
    }
    finish(vm, ns, locals_arg)
}

/// Merges an explicit locals dict into the namespace.
fn finish(vm: &mut Vm, ns: Namespace, locals_arg: Option<Value>) -> PyResult<Namespace> {
    if let Some(l) = &locals_arg {
        if let Some(d) = vm.as_dict(l) {
            for (k, v) in d.borrow().iter() {
                if let Some(k) = k.as_str() {
                    ns.module.globals.borrow_mut().set_str(k, v.clone());
                }
            }
        }
    }
    Ok(ns)
}

/// Runs `code` in `ns`, then brings an explicit globals dict up to date.
fn run_code(vm: &mut Vm, code: Rc<crate::bytecode::Code>, ns: &Namespace) -> PyResult<Option<Value>> {
    let saved = ns.builtins.clone().map(|b| std::mem::replace(&mut vm.builtins, b));
    let frame = vm.new_frame(code, ns.module.clone());
    let r = vm.push_frame(frame).and_then(|_| vm.run_nested());
    if let Some(b) = saved {
        vm.builtins = b;
    }
    let result = ns.module.globals.borrow_mut().remove(EVAL_RESULT);
    if ns.globals.is_some() {
        // Names the code assigned now show in the dict.
        vm.globals_dict(&ns.module)?;
    }
    r?;
    Ok(result)
}

fn code_arg(v: &Value) -> Option<(Rc<crate::bytecode::Code>, bool)> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Code(c)) => Some((c.clone(), v.as_obj().map(|o| o.dict.borrow().contains("__eval__")).unwrap_or(false))),
        _ => None,
    }
}

fn eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(src) = args.pos.first().cloned() else {
        return Err(vm.type_error("eval expected at least 1 argument, got 0".into()));
    };
    let code = match code_arg(&src) {
        Some((c, _)) => c,
        None => {
            let text = source_of(vm, &src, "eval")?;
            let text = text.trim_start_matches([' ', '\t']);
            match compile_eval(text, "<string>") {
                Ok(c) => c,
                Err(e) => return Err(syntax_error(vm, &e, "<string>")),
            }
        }
    };
    let ns = namespace(vm, &args)?;
    let r = run_code(vm, code, &ns)?;
    Ok(r.unwrap_or(Value::None))
}

fn exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(src) = args.pos.first().cloned() else {
        return Err(vm.type_error("exec expected at least 1 argument, got 0".into()));
    };
    let code = match code_arg(&src) {
        Some((c, _)) => c,
        None => {
            let text = source_of(vm, &src, "exec")?;
            match compile_module(&text, "<string>") {
                Ok(c) => c,
                Err(e) => return Err(syntax_error(vm, &e, "<string>")),
            }
        }
    };
    let ns = namespace(vm, &args)?;
    run_code(vm, code, &ns)?;
    Ok(Value::None)
}

fn compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let src = args.get(0, "source").cloned().unwrap_or(Value::None);
    let filename = match args.get(1, "filename") {
        Some(Value::Str(s)) => s.s.clone(),
        _ => "<string>".to_string(),
    };
    let mode = match args.get(2, "mode") {
        Some(Value::Str(s)) => s.s.clone(),
        _ => return Err(vm.type_error("compile() missing required argument 'mode' (pos 3)".into())),
    };
    let text = source_of(vm, &src, "compile")?;
    let r = match mode.as_str() {
        "exec" | "single" => compile_module(&text, &filename),
        "eval" => compile_eval(&text, &filename),
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'".into())),
    };
    match r {
        Ok(code) => {
            let o = Obj::new(vm.types.code.clone(), Payload::Code(code));
            if mode == "eval" {
                o.dict.borrow_mut().set_str("__eval__", Value::Bool(true));
            }
            Ok(Value::Obj(Rc::new(o)))
        }
        Err(e) => Err(syntax_error(vm, &e, &filename)),
    }
}

fn import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.get(0, "name") {
        Some(Value::Str(s)) => {
            let name = s.s.clone();
            vm.import(&name, false)
        }
        _ => Err(vm.type_error("__import__() argument 1 must be str".into())),
    }
}
