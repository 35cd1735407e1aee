//! The `random` module as Python sees it, on top of the CPython-exact core
//! in `random/`.

use crate::bigint::BigInt;

use super::random::{ErrorKind, RandomError};
use crate::types::builtin_fn;
use crate::value::{Args, Value};
use crate::vm::{PyResult, Vm};

pub fn make(vm: &mut Vm) -> Value {
    let (m, v) = vm.new_module("random");
    let fns: [(&'static str, crate::value::BuiltinFn); 14] = [
        ("getstate", getstate),
        ("setstate", setstate),
        ("seed", seed),
        ("random", random),
        ("uniform", uniform),
        ("randint", randint),
        ("randrange", randrange),
        ("choice", choice),
        ("shuffle", shuffle),
        ("sample", sample),
        ("choices", choices),
        ("getrandbits", getrandbits),
        ("gauss", gauss),
        ("triangular", triangular),
    ];
    for (name, f) in fns {
        m.globals.borrow_mut().set_str(name, builtin_fn(name, f));
    }
    v
}

fn err(vm: &mut Vm, e: RandomError, seq: &str) -> Value {
    match e.kind {
        ErrorKind::TypeError => vm.type_error(e.message),
        ErrorKind::ValueError => vm.value_error(e.message),
        ErrorKind::IndexError => vm.index_error(&e.message),
        ErrorKind::OverflowError => vm.overflow_error(&e.message),
        ErrorKind::ZeroDivisionError => vm.zero_division(&e.message),
        ErrorKind::MemoryError => vm.new_error("MemoryError", ""),
        ErrorKind::SequenceIndex => vm.index_error(&format!("{seq} index out of range")),
    }
}

fn int_of(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        other => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

fn float_of(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match crate::vm::to_num(v) {
        Some(n) => vm.float_of(&n),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("must be real number, not {t}")))
        }
    }
}

fn seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let version = match args.get(1, "version") {
        Some(Value::Int(v)) => *v,
        _ => 2,
    };
    match args.get(0, "a").cloned() {
        None | Some(Value::None) => vm.random.seed_none(),
        Some(Value::Int(i)) => vm.random.seed_i64(i),
        Some(Value::Bool(b)) => vm.random.seed_i64(b as i64),
        Some(Value::BigInt(b)) => vm.random.seed_int(&b),
        Some(Value::Float(f)) => vm.random.seed_float(f),
        Some(Value::Str(s)) => vm.random.seed_str(&s.s, version),
        Some(Value::Bytes(b)) => vm.random.seed_bytes(&b, version),
        Some(_) => return Err(vm.type_error(super::random::SEED_TYPE_ERROR.to_string())),
    }
    Ok(Value::None)
}

fn random(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.random.random()))
}

fn uniform(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = float_of(vm, args.get(0, "a").unwrap_or(&Value::None))?;
    let b = float_of(vm, args.get(1, "b").unwrap_or(&Value::None))?;
    Ok(Value::Float(vm.random.uniform(a, b)))
}

fn triangular(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let low = match args.get(0, "low") {
        Some(v) => float_of(vm, v)?,
        None => 0.0,
    };
    let high = match args.get(1, "high") {
        Some(v) => float_of(vm, v)?,
        None => 1.0,
    };
    let mode = match args.get(2, "mode") {
        Some(Value::None) | None => None,
        Some(v) => Some(float_of(vm, v)?),
    };
    Ok(Value::Float(vm.random.triangular(low, high, mode)))
}

fn gauss(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mu = match args.get(0, "mu") {
        Some(v) => float_of(vm, v)?,
        None => 0.0,
    };
    let sigma = match args.get(1, "sigma") {
        Some(v) => float_of(vm, v)?,
        None => 1.0,
    };
    Ok(Value::Float(vm.random.gauss(mu, sigma)))
}

fn randint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = int_of(vm, args.get(0, "a").unwrap_or(&Value::None))?;
    let b = int_of(vm, args.get(1, "b").unwrap_or(&Value::None))?;
    match vm.random.randint(&a, &b) {
        Ok(r) => Ok(Value::from_bigint(r)),
        Err(e) => Err(err(vm, e, "list")),
    }
}

fn randrange(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let start = int_of(vm, args.get(0, "start").unwrap_or(&Value::None))?;
    let stop = match args.get(1, "stop") {
        Some(Value::None) | None => None,
        Some(v) => Some(int_of(vm, v)?),
    };
    let step = match args.get(2, "step") {
        Some(v) => Some(int_of(vm, v)?),
        None => None,
    };
    match vm.random.randrange(&start, stop.as_ref(), step.as_ref()) {
        Ok(r) => Ok(Value::from_bigint(r)),
        Err(e) => Err(err(vm, e, "list")),
    }
}

fn seq_name(vm: &Vm, v: &Value) -> String {
    match v {
        Value::Str(_) => "string".into(),
        Value::Obj(o) if o.class.name.as_ref() == "range" => "range object".into(),
        other => vm.type_name(other),
    }
}

fn choice(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let seq = args.get(0, "seq").cloned().unwrap_or(Value::None);
    let n = vm.len(&seq)? as u64;
    match vm.random.choice(n) {
        Ok(i) => vm.getitem(&seq, Value::Int(i as i64)),
        Err(e) => {
            let name = seq_name(vm, &seq);
            Err(err(vm, e, &name))
        }
    }
}

fn shuffle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let seq = args.get(0, "x").cloned().unwrap_or(Value::None);
    let Some(l) = vm.as_list(&seq) else {
        let t = vm.type_name(&seq);
        return Err(vm.type_error(format!("'{t}' object does not support item assignment")));
    };
    let mut items = l.borrow().clone();
    vm.random.shuffle(&mut items);
    *l.borrow_mut() = items;
    Ok(Value::None)
}

fn sample(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pop = args.get(0, "population").cloned().unwrap_or(Value::None);
    let k = int_of(vm, args.get(1, "k").unwrap_or(&Value::None))?;
    let k = k.to_i64().unwrap_or(i64::MAX);
    if matches!(pop, Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_)) {
        return Err(vm.type_error(super::random::SAMPLE_POPULATION_TYPE_ERROR.to_string()));
    }
    let items = vm.collect(&pop)?;
    match vm.random.sample(items.len() as u64, k) {
        Ok(idx) => Ok(Value::list(idx.into_iter().map(|i| items[i as usize].clone()).collect())),
        Err(e) => {
            let name = seq_name(vm, &pop);
            Err(err(vm, e, &name))
        }
    }
}

fn choices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pop = args.get(0, "population").cloned().unwrap_or(Value::None);
    let items = vm.collect(&pop)?;
    let floats = |vm: &mut Vm, v: Option<&Value>| -> PyResult<Option<Vec<f64>>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(w) => {
                let ws = vm.collect(w)?;
                let mut out = Vec::with_capacity(ws.len());
                for x in ws {
                    out.push(float_of(vm, &x)?);
                }
                Ok(Some(out))
            }
        }
    };
    if let Some(w @ (Value::Int(_) | Value::BigInt(_))) = args.pos.get(1) {
        let k = int_of(vm, w)?;
        return Err(vm.type_error(super::random::choices_k_positional_message(&k)));
    }
    let weights = floats(vm, args.get(1, "weights"))?;
    let cum = floats(vm, args.kw("cum_weights"))?;
    let k = match args.kw("k") {
        Some(v) => {
            let b = int_of(vm, v)?;
            b.to_i64().unwrap_or(i64::MAX)
        }
        None => 1,
    };
    match vm.random.choices(items.len() as u64, weights.as_deref(), cum.as_deref(), k) {
        Ok(idx) => Ok(Value::list(idx.into_iter().map(|i| items[i as usize].clone()).collect())),
        Err(e) => {
            let name = seq_name(vm, &pop);
            Err(err(vm, e, &name))
        }
    }
}

fn getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let k = int_of(vm, args.get(0, "k").unwrap_or(&Value::None))?;
    let k = k.to_i64().unwrap_or(i64::MAX);
    match vm.random.getrandbits(k) {
        Ok(b) => Ok(Value::from_bigint(BigInt::from(b))),
        Err(e) => Err(err(vm, e, "list")),
    }
}

/// `getstate()`: `(3, (624 words..., index), gauss_next)` as CPython.
fn getstate(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let st = vm.random.getstate();
    let mut internal: Vec<Value> = st.words.iter().map(|w| Value::Int(*w as i64)).collect();
    internal.push(Value::Int(st.index as i64));
    let gauss = st.gauss_next.map(Value::Float).unwrap_or(Value::None);
    Ok(Value::tuple(vec![Value::Int(3), Value::tuple(internal), gauss]))
}

fn setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = args.get(0, "state").cloned().unwrap_or(Value::None);
    let Value::Tuple(parts) = &state else {
        return Err(vm.type_error("state vector must be a tuple".into()));
    };
    if parts.len() != 3 {
        return Err(vm.value_error(format!("state tuple must have 3 elements, not {}", parts.len())));
    }
    let version = match &parts[0] {
        Value::Int(v) => *v,
        _ => return Err(vm.type_error("state version must be an int".into())),
    };
    let Value::Tuple(internal) = &parts[1] else {
        return Err(vm.type_error("state vector must be a tuple".into()));
    };
    let mut words = Vec::with_capacity(internal.len());
    for w in internal.iter() {
        words.push(int_of(vm, w)?);
    }
    let gauss = match &parts[2] {
        Value::None => None,
        v => Some(float_of(vm, v)?),
    };
    vm.random.setstate(version, &words, gauss).map_err(|e| err(vm, e, ""))?;
    Ok(Value::None)
}
