//! Methods of generators, coroutines and async generators, and of the
//! awaitables `__anext__()`/`asend()`/`athrow()`/`aclose()` return.

use std::cell::RefCell;
use std::rc::Rc;

use crate::native::NativeData;
use crate::types::add_method;
use crate::value::{Args, Obj, Payload, Value};
use crate::vm::{IterStep, PyResult, ResumeWith, Vm};

pub fn install(vm: &mut Vm) {
    let g = vm.types.generator.clone();
    add_method(&g, "__iter__", "generator", ident);
    add_method(&g, "__next__", "generator", gen_next);
    add_method(&g, "send", "generator", gen_send);
    add_method(&g, "throw", "generator", gen_throw);
    add_method(&g, "close", "generator", gen_close);
    let c = vm.types.coroutine.clone();
    add_method(&c, "send", "coroutine", gen_send);
    add_method(&c, "throw", "coroutine", gen_throw);
    add_method(&c, "close", "coroutine", gen_close);
    add_method(&c, "__await__", "coroutine", coro_await);
    let a = vm.types.async_generator.clone();
    add_method(&a, "__aiter__", "async_generator", ident);
    add_method(&a, "__anext__", "async_generator", agen_anext);
    add_method(&a, "asend", "async_generator", agen_asend);
    add_method(&a, "athrow", "async_generator", agen_athrow);
    add_method(&a, "aclose", "async_generator", agen_aclose);
    let n = vm.types.native.clone();
    add_method(&n, "send", "async_generator_asend", aw_send);
    add_method(&n, "throw", "async_generator_asend", aw_throw);
    add_method(&n, "close", "async_generator_asend", aw_close);
    add_method(&n, "__await__", "async_generator_asend", ident);
    add_method(&n, "__iter__", "async_generator_asend", ident);
    add_method(&n, "__next__", "async_generator_asend", aw_next);
}

fn ident(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn this_gen(vm: &mut Vm, args: &Args) -> PyResult<Rc<Obj>> {
    match args.pos.first().and_then(|v| vm.as_gen(v)) {
        Some(g) => Ok(g),
        None => Err(vm.type_error("descriptor requires a generator".into())),
    }
}

fn step_value(vm: &mut Vm, r: PyResult<IterStep>) -> PyResult<Value> {
    match r? {
        IterStep::Yield(v) => Ok(v),
        IterStep::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    let r = vm.gen_step(&g, ResumeWith::Send(Value::None));
    step_value(vm, r)
}

fn gen_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    let r = vm.gen_step(&g, ResumeWith::Send(v));
    step_value(vm, r)
}

/// `throw(exc)` or the legacy `throw(type, value)` form.
pub fn exception_from_throw_args(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let Some(first) = args.first() else {
        return Err(vm.type_error("throw expected at least 1 argument, got 0".into()));
    };
    match (first, args.get(1)) {
        (Value::Class(_), Some(v)) if !v.is_none() => {
            if v.as_obj().and_then(|o| o.exc()).is_some() {
                Ok(v.clone())
            } else {
                let e = vm.call(first.clone(), vec![v.clone()])?;
                vm.make_exception(e)
            }
        }
        _ => vm.make_exception(first.clone()).map_err(|_| {
            vm.type_error("exceptions must be classes or instances deriving from BaseException, not str".into())
        }),
    }
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    let exc = exception_from_throw_args(vm, &args.pos[1..])?;
    let r = vm.gen_step(&g, ResumeWith::Throw(exc));
    step_value(vm, r)
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    vm.gen_close(&g)
}

fn coro_await(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn awaitable(vm: &mut Vm, data: NativeData) -> Value {
    Value::Obj(Rc::new(Obj::new(vm.types.native.clone(), Payload::Native(RefCell::new(data)))))
}

fn agen_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    Ok(awaitable(vm, NativeData::ASend { gen: g, value: Value::None, started: false }))
}

fn agen_asend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    let value = args.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(awaitable(vm, NativeData::ASend { gen: g, value, started: false }))
}

fn agen_athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    let exc = exception_from_throw_args(vm, &args.pos[1..])?;
    Ok(awaitable(vm, NativeData::AThrow { gen: g, exc, close: false, started: false }))
}

fn agen_aclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    let exc = vm.new_error("GeneratorExit", "");
    Ok(awaitable(vm, NativeData::AThrow { gen: g, exc, close: true, started: false }))
}

/// Drives an asend/athrow awaitable one step with `with`.
fn aw_step(vm: &mut Vm, this: &Value, sent: ResumeWith) -> PyResult<Value> {
    let Some(o) = this.as_obj() else { return Err(vm.type_error("bad awaitable".into())) };
    let Payload::Native(n) = &o.payload else { return Err(vm.type_error("bad awaitable".into())) };
    let (gen, first, close) = match &mut *n.borrow_mut() {
        NativeData::ASend { gen, value, started } => {
            let first = if *started { None } else { Some(ResumeWith::Send(value.clone())) };
            *started = true;
            (gen.clone(), first, None)
        }
        NativeData::AThrow { gen, exc, close, started } => {
            let first = if *started { None } else { Some(ResumeWith::Throw(exc.clone())) };
            *started = true;
            (gen.clone(), first, Some(*close))
        }
        _ => return Err(vm.type_error("bad awaitable".into())),
    };
    let with = first.unwrap_or(sent);
    let r = vm.gen_step(&gen, with);
    match r {
        Ok(IterStep::Yield(v)) => Ok(v),
        Ok(IterStep::Return(v)) => {
            if close == Some(true) {
                return Err(vm.runtime_error("async generator ignored GeneratorExit"));
            }
            Err(vm.stop_iteration(v))
        }
        Err(e) => {
            if close == Some(true)
                && (vm.exc_matches_name(&e, "GeneratorExit") || vm.exc_matches_name(&e, "StopAsyncIteration"))
            {
                return Err(vm.stop_iteration(Value::None));
            }
            Err(e)
        }
    }
}

fn aw_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    aw_step(vm, &this, ResumeWith::Send(v))
}

fn aw_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    aw_step(vm, &this, ResumeWith::Send(Value::None))
}

fn aw_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let exc = exception_from_throw_args(vm, &args.pos[1..])?;
    aw_step(vm, &this, ResumeWith::Throw(exc))
}

fn aw_close(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}
