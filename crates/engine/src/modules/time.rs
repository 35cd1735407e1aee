//! The `time` module on the engine's virtual clock.
//!
//! `vm.clock` counts virtual seconds since the program started; nothing
//! here reads the OS clock. `time.time()` is a fixed epoch plus the clock,
//! and `sleep` advances the clock and records a `Blocked` trace event.

use crate::types::builtin_fn;
use crate::value::{Args, Value};
use crate::vm::{PyResult, Vm};

/// What `time.time()` returns at program start (2023-11-14 22:13:20 UTC).
pub const EPOCH: f64 = 1_700_000_000.0;
/// `perf_counter()`/`monotonic()` do not start at zero in CPython either.
const MONO_OFFSET: f64 = 1000.0;

pub fn make(vm: &mut Vm) -> Value {
    let (m, v) = vm.new_module("time");
    let fns: &[(&'static str, crate::value::BuiltinFn)] = &[
        ("time", time),
        ("time_ns", time_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter", monotonic),
        ("perf_counter_ns", monotonic_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("thread_time", process_time),
        ("thread_time_ns", process_time_ns),
        ("sleep", sleep),
        ("gmtime", gmtime),
        ("localtime", gmtime),
        ("strftime", strftime),
        ("asctime", asctime),
        ("ctime", ctime),
    ];
    let mut g = m.globals.borrow_mut();
    for (name, f) in fns {
        g.set_str(name, builtin_fn(name, *f));
    }
    g.set_str("timezone", Value::Int(0));
    g.set_str("altzone", Value::Int(0));
    g.set_str("daylight", Value::Int(0));
    g.set_str("tzname", Value::tuple(vec![Value::str("UTC"), Value::str("UTC")]));
    drop(g);
    v
}

fn no_args(vm: &mut Vm, name: &str, args: &Args) -> PyResult<()> {
    if !args.pos.is_empty() || !args.kw.is_empty() {
        let n = args.pos.len() + args.kw.len();
        return Err(vm.type_error(format!("time.{name}() takes no arguments ({n} given)")));
    }
    Ok(())
}

fn ns(secs: f64) -> Value {
    let n = (secs * 1e9).round();
    if n.abs() < 9.0e18 {
        Value::Int(n as i64)
    } else {
        Value::from_bigint(crate::format::f64_to_bigint(n))
    }
}

fn time(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, "time", &args)?;
    Ok(Value::Float(EPOCH + vm.clock))
}

fn time_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, "time_ns", &args)?;
    Ok(ns(EPOCH + vm.clock))
}

fn monotonic(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, "monotonic", &args)?;
    Ok(Value::Float(MONO_OFFSET + vm.clock))
}

fn monotonic_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, "monotonic_ns", &args)?;
    Ok(ns(MONO_OFFSET + vm.clock))
}

/// CPU time: the program is never charged for sleeping, but the virtual
/// clock is all there is, so report a small fraction-free view of it.
fn process_time(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, "process_time", &args)?;
    Ok(Value::Float(vm.clock))
}

fn process_time_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, "process_time_ns", &args)?;
    Ok(ns(vm.clock))
}

/// `time.sleep(secs)`: advances the virtual clock, recording the block.
fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("time.sleep() takes no keyword arguments".into()));
    }
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!("time.sleep() takes exactly one argument ({} given)", args.pos.len())));
    }
    let v = &args.pos[0];
    let secs = match v {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        Value::Bool(b) => *b as i64 as f64,
        Value::BigInt(_) => return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t")),
        Value::Obj(_) => {
            let r = match vm.call_dunder(v, "__float__", vec![])? {
                Some(r) => Some(r),
                None => vm.call_dunder(v, "__index__", vec![])?,
            };
            match r.or_else(|| vm.base_value(v).filter(|b| !matches!(b, Value::Obj(_)))) {
                Some(Value::Float(f)) => f,
                Some(Value::Int(i)) => i as f64,
                Some(Value::Bool(b)) => b as i64 as f64,
                _ => {
                    let t = vm.type_name(v);
                    return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
                }
            }
        }
        other => {
            let t = vm.type_name(other);
            return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)".into()));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative".into()));
    }
    if secs.is_infinite() || secs > 9.2e9 {
        return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    if vm.aio.current_worker.is_some() {
        // Inside a simulated worker thread: only that thread waits.
        let until = vm.clock + secs;
        if vm.park_worker(until) {
            return Ok(Value::None);
        }
    }
    if vm.block_main_sleep(secs) {
        return Ok(Value::None);
    }
    // In a builtin's nested call the program cannot be parked: jump.
    let start = vm.clock;
    vm.clock += secs;
    vm.trace.push(start, crate::trace::EventKind::Blocked { seconds: secs, reason: "time.sleep".into() });
    Ok(Value::None)
}

// ---- calendar (UTC only; struct_time is a plain 9-tuple here) --------

/// Days since 1970-01-01 to (year, month, day) — Howard Hinnant's algorithm.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// The nine fields of a struct_time for a Unix timestamp.
fn fields(t: i64) -> [i64; 9] {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    let (y, mo, d) = civil_from_days(days);
    let wday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday (Mon=0)
    let cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let yday = cum[(mo - 1) as usize] + d + if mo > 2 && is_leap(y) { 1 } else { 0 };
    [y, mo, d, secs / 3600, secs / 60 % 60, secs % 60, wday, yday, 0]
}

fn timestamp_arg(vm: &mut Vm, args: &Args) -> PyResult<i64> {
    match args.pos.first() {
        None | Some(Value::None) => Ok((EPOCH + vm.clock).floor() as i64),
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Bool(b)) => Ok(*b as i64),
        Some(Value::Float(f)) if f.is_finite() => Ok(f.floor() as i64),
        Some(Value::Float(_)) => Err(vm.value_error("Invalid value NaN (not a number)".into())),
        Some(other) => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

fn gmtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = timestamp_arg(vm, &args)?;
    Ok(Value::tuple(fields(t).iter().map(|&x| Value::Int(x)).collect()))
}

fn tuple_fields(vm: &mut Vm, v: Option<&Value>) -> PyResult<[i64; 9]> {
    let Some(v) = v else {
        return Ok(fields((EPOCH + vm.clock).floor() as i64));
    };
    let items = vm.collect(v)?;
    if items.len() != 9 {
        return Err(vm.type_error("time.struct_time() takes a 9-sequence".into()));
    }
    let mut out = [0i64; 9];
    for (i, x) in items.iter().enumerate() {
        out[i] = match x {
            Value::Int(n) => *n,
            Value::Bool(b) => *b as i64,
            other => {
                let t = vm.type_name(other);
                return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
            }
        };
    }
    Ok(out)
}

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

fn format_time(fmt: &str, f: &[i64; 9]) -> String {
    let [y, mo, d, h, mi, s, wd, yd, _] = *f;
    let wd = wd.rem_euclid(7) as usize;
    let mo_i = ((mo - 1).rem_euclid(12)) as usize;
    let mut out = String::new();
    let mut it = fmt.chars();
    while let Some(c) = it.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('Y') => out.push_str(&y.to_string()),
            Some('y') => out.push_str(&format!("{:02}", y.rem_euclid(100))),
            Some('m') => out.push_str(&format!("{mo:02}")),
            Some('d') => out.push_str(&format!("{d:02}")),
            Some('e') => out.push_str(&format!("{d:2}")),
            Some('H') => out.push_str(&format!("{h:02}")),
            Some('I') => out.push_str(&format!("{:02}", if h % 12 == 0 { 12 } else { h % 12 })),
            Some('M') => out.push_str(&format!("{mi:02}")),
            Some('S') => out.push_str(&format!("{s:02}")),
            Some('p') => out.push_str(if h < 12 { "AM" } else { "PM" }),
            Some('j') => out.push_str(&format!("{yd:03}")),
            Some('a') => out.push_str(&DAYS[wd][..3]),
            Some('A') => out.push_str(DAYS[wd]),
            Some('b') | Some('h') => out.push_str(&MONTHS[mo_i][..3]),
            Some('B') => out.push_str(MONTHS[mo_i]),
            Some('w') => out.push_str(&((wd + 1) % 7).to_string()),
            Some('Z') => out.push_str("UTC"),
            Some('z') => out.push_str("+0000"),
            Some('F') => out.push_str(&format!("{y}-{mo:02}-{d:02}")),
            Some('T') => out.push_str(&format!("{h:02}:{mi:02}:{s:02}")),
            Some('D') => out.push_str(&format!("{mo:02}/{d:02}/{:02}", y.rem_euclid(100))),
            Some('c') => out.push_str(&asctime_of(f)),
            Some('x') => out.push_str(&format!("{mo:02}/{d:02}/{:02}", y.rem_euclid(100))),
            Some('X') => out.push_str(&format!("{h:02}:{mi:02}:{s:02}")),
            Some('%') => out.push('%'),
            Some(o) => {
                out.push('%');
                out.push(o);
            }
            None => out.push('%'),
        }
    }
    out
}

fn asctime_of(f: &[i64; 9]) -> String {
    let [y, mo, d, h, mi, s, wd, _, _] = *f;
    let wd = wd.rem_euclid(7) as usize;
    let mo_i = ((mo - 1).rem_euclid(12)) as usize;
    format!("{} {} {d:2} {h:02}:{mi:02}:{s:02} {y}", &DAYS[wd][..3], &MONTHS[mo_i][..3])
}

fn strftime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fmt = match args.pos.first() {
        Some(Value::Str(s)) => s.s.clone(),
        Some(other) => {
            let t = vm.type_name(other);
            return Err(vm.type_error(format!("strftime() argument 1 must be str, not {t}")));
        }
        None => return Err(vm.type_error("strftime() takes at least 1 argument (0 given)".into())),
    };
    let f = tuple_fields(vm, args.pos.get(1))?;
    Ok(Value::string(format_time(&fmt, &f)))
}

fn asctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = tuple_fields(vm, args.pos.first())?;
    Ok(Value::string(asctime_of(&f)))
}

fn ctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = timestamp_arg(vm, &args)?;
    Ok(Value::string(asctime_of(&fields(t))))
}
