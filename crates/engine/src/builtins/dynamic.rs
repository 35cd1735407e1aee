//! `eval`, `exec`, `compile` and `__import__`: running code built at run
//! time. Code runs in a namespace made from the caller's globals and
//! locals; `exec` at module level writes its names back.

use std::rc::Rc;

use super::def;
use crate::compiler::{compile_eval, compile_module, CompileError, EVAL_RESULT};
use crate::value::{Args, Module, Obj, Payload, Value};
use crate::vm::{Frame, PyResult, Vm};

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

/// The namespace code runs in: explicit dicts, or the caller's globals
/// overlaid with its locals.
fn namespace(vm: &mut Vm, args: &Args) -> PyResult<(Rc<Module>, Option<Value>)> {
    let globals_arg = args.get(1, "globals").cloned().filter(|g| !g.is_none());
    let locals_arg = args.get(2, "locals").cloned().filter(|l| !l.is_none());
    let m = Rc::new(Module { name: Rc::from("__main__"), globals: Default::default(), id: Default::default() });
    match &globals_arg {
        Some(g) => {
            let Some(d) = vm.as_dict(g) else {
                let t = vm.type_name(g);
                return Err(vm.type_error(format!("globals must be a dict, not {t}")));
            };
            for (k, v) in d.borrow().iter() {
                if let Some(k) = k.as_str() {
                    m.globals.borrow_mut().set_str(k, v.clone());
                }
            }
        }
        None => {
            if let Some(f) = vm.frames.last() {
                let g = f.globals.globals.borrow().clone();
                *m.globals.borrow_mut() = g;
                for (name, v) in f.code.varnames.iter().zip(f.locals.iter()) {
                    if let Some(v) = v {
                        m.globals.borrow_mut().set(name.clone(), v.clone());
                    }
                }
            }
        }
    }
    if let Some(l) = &locals_arg {
        if let Some(d) = vm.as_dict(l) {
            for (k, v) in d.borrow().iter() {
                if let Some(k) = k.as_str() {
                    m.globals.borrow_mut().set_str(k, v.clone());
                }
            }
        }
    }
    Ok((m, globals_arg))
}

fn run_code(vm: &mut Vm, code: Rc<crate::bytecode::Code>, m: &Rc<Module>) -> PyResult<()> {
    let frame = Frame::new(code, m.clone());
    vm.push_frame(frame)?;
    vm.run_nested()?;
    Ok(())
}

/// Writes names back: into the explicit globals dict, or into the
/// caller's module when called at module level.
fn write_back(vm: &mut Vm, m: &Rc<Module>, globals_arg: Option<Value>) -> PyResult<()> {
    let items: Vec<(Rc<str>, Value)> =
        m.globals.borrow().iter().filter(|(k, _)| &***k != EVAL_RESULT).map(|(k, v)| (k.clone(), v.clone())).collect();
    match globals_arg.and_then(|g| vm.as_dict(&g)) {
        Some(d) => {
            for (k, v) in items {
                vm.dict_set(&d, Value::str(&k), v)?;
            }
        }
        None => {
            let caller = vm.frames.last().map(|f| (f.globals.clone(), f.code.kind));
            if let Some((g, crate::bytecode::CodeKind::Module)) = caller {
                for (k, v) in items {
                    g.globals.borrow_mut().set(k, v);
                }
            }
        }
    }
    Ok(())
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
    let (m, _) = namespace(vm, &args)?;
    run_code(vm, code, &m)?;
    let r = m.globals.borrow().get(EVAL_RESULT).cloned();
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
    let (m, globals_arg) = namespace(vm, &args)?;
    run_code(vm, code, &m)?;
    write_back(vm, &m, globals_arg)?;
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
