//! The deterministic core of CPython 3.13's `random` module.
//!
//! Everything here is pure arithmetic over the Mersenne Twister stream, with
//! no interpreter objects: sequence functions work on *lengths* and return
//! *indices* (or shuffle a generic slice), so the engine can apply them to
//! lists, tuples, strings and ranges alike. Each algorithm follows
//! `Lib/random.py` / `Modules/_randommodule.c` of CPython 3.13 step by step,
//! including how many 32-bit words every call consumes, because a program
//! that seeds and then prints must see exactly CPython's numbers.
//!
//! Errors carry CPython's exception type and message text
//! ([`RandomError`]); nothing reachable from arguments panics, since the
//! engine runs in a browser where a panic kills the page.
//!
//! What stays with the engine (argument conversion it already owns):
//! turning arguments into integers (`_index`, which raises
//! `TypeError: 'float' object cannot be interpreted as an integer`),
//! `len()` of populations, and the type checks whose messages are exported
//! here as constants ([`SEED_TYPE_ERROR`], [`SAMPLE_POPULATION_TYPE_ERROR`],
//! [`COUNTS_NOT_INTEGERS`], [`choices_k_positional_message`]).

mod mt;
mod sha512;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use crate::bigint::{BigInt, BigUint, Sign};

use self::mt::Mt19937;
pub use self::sha512::sha512;

/// Seed used by [`Random::new_default`] and [`Random::seed_none`].
///
/// CPython seeds from `os.urandom` when no seed is given; the engine is
/// deterministic by design, so an unseeded generator starts from this fixed
/// value instead (the ASCII bytes of "Looplab"). It is an ordinary integer
/// seed: `Random::new_default()` behaves exactly like CPython after
/// `random.seed(0x4C6F6F706C6162)`.
pub const DEFAULT_SEED: u64 = 0x004C_6F6F_706C_6162;

/// `Random.VERSION`, the first element of the tuple `getstate()` returns.
pub const STATE_VERSION: i64 = 3;

/// `TypeError` text for `seed()` with an unsupported type (the engine
/// checks the type; this module only sees supported kinds).
pub const SEED_TYPE_ERROR: &str =
    "The only supported seed types are:\nNone, int, float, str, bytes, and bytearray.";

/// `TypeError` text when `sample()` gets a non-sequence population.
pub const SAMPLE_POPULATION_TYPE_ERROR: &str =
    "Population must be a sequence.  For dicts or sets, use sorted(d).";

/// `TypeError` text when the total of `sample(..., counts=...)` is not an int.
pub const COUNTS_NOT_INTEGERS: &str = "Counts must be integers";

/// `TypeError` text for `choices(population, 3)`: CPython detects that the
/// positional `weights` argument is an int and says `k` must be a keyword.
pub fn choices_k_positional_message(k: &BigInt) -> String {
    format!("The number of choices must be a keyword argument: k={k}")
}

/// The Python exception class an operation raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    TypeError,
    ValueError,
    IndexError,
    OverflowError,
    ZeroDivisionError,
    /// `MemoryError` (empty message): CPython raises it when a result list
    /// cannot be allocated; we report it instead of aborting on a failed
    /// allocation.
    MemoryError,
    /// An `IndexError` from *indexing the population*, whose text depends on
    /// the sequence type (`list index out of range`, `tuple index out of
    /// range`, `range object index out of range`, `string index out of
    /// range`). The message field holds the list variant; the engine should
    /// substitute the text its sequence type uses.
    SequenceIndex,
}

/// A Python exception: its class and its message (`str(exc)`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RandomError {
    pub kind: ErrorKind,
    pub message: String,
}

impl RandomError {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        RandomError {
            kind,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for RandomError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RandomError {}

pub type RandomResult<T> = Result<T, RandomError>;

fn fail<T>(kind: ErrorKind, message: impl Into<String>) -> RandomResult<T> {
    Err(RandomError::new(kind, message))
}

fn memory_error() -> RandomError {
    RandomError::new(ErrorKind::MemoryError, "")
}

/// Allocates an empty vector for `n` items, reporting `MemoryError` instead
/// of aborting when the allocation is impossible (huge `k` in `sample`,
/// `choices`, `getrandbits`).
fn vec_with_capacity<T>(n: u64) -> RandomResult<Vec<T>> {
    let n = usize::try_from(n).map_err(|_| memory_error())?;
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| memory_error())?;
    Ok(v)
}

const BITS_NEGATIVE: &str = "number of bits must be non-negative";
const TOO_LARGE_C_INT: &str = "Python int too large to convert to C int";
const TOO_LARGE_SSIZE_T: &str = "Python int too large to convert to C ssize_t";
const TOO_LARGE_C_LONG: &str = "Python int too large to convert to C long";
const TOO_LARGE_C_ULONG: &str = "Python int too large to convert to C unsigned long";
const NEGATIVE_TO_UNSIGNED: &str = "can't convert negative value to unsigned int";

/// `2.0 * math.pi`, as `random.TWOPI`.
const TWOPI: f64 = 2.0 * std::f64::consts::PI;
/// `random.NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0)`, written as the exact
/// double CPython computes (so no libm rounding difference can creep in).
const NV_MAGICCONST: f64 = 1.715_527_769_921_413_5;

/// Python's `hash(float)` (64-bit build): the value as a fraction reduced
/// modulo the Mersenne prime 2**61 - 1, with CPython's sign handling.
///
/// `seed(float)` seeds from this hash cast to `size_t`. CPython hashes NaN
/// by object identity (so no fixed answer exists); we use 0.
pub fn float_hash(v: f64) -> i64 {
    const MODULUS: u128 = (1u128 << 61) - 1;
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { 314_159 } else { -314_159 };
    }
    let bits = v.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    // v = ±mant * 2**exp exactly.
    let (mant, exp) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    // 2**61 ≡ 1 (mod 2**61 - 1), so 2**exp ≡ 2**(exp mod 61).
    let shift = exp.rem_euclid(61) as u32;
    let x = (((mant as u128) << shift) % MODULUS) as i64;
    let x = if v.is_sign_negative() { -x } else { x };
    if x == -1 { -2 } else { x }
}

/// The `(a, b)` in a `randrange` call, for the error text (`{start}`
/// etc. in CPython's f-string are the caller's original int objects).
fn empty_range_message(start: &dyn std::fmt::Display, stop: &dyn std::fmt::Display) -> String {
    format!("empty range in randrange({start}, {stop})")
}

/// `bisect.bisect_right(a, x, lo, hi)` on floats: `x < a[mid]` moves left,
/// everything else (including NaN comparisons) moves right, as CPython does.
fn bisect_right_f64(a: &[f64], x: f64, mut lo: usize, mut hi: usize) -> usize {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if x < a[mid] {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// Python's `//` on i128 (rounds toward negative infinity). Callers keep
/// magnitudes far from i128's limits, and `b` is never zero.
fn floor_div_i128(a: i128, b: i128) -> i128 {
    let q = a / b;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn bisect_right_i128(a: &[i128], x: i128) -> usize {
    a.partition_point(|&v| v <= x)
}

/// A Mersenne Twister generator with Python `random.Random` semantics.
#[derive(Clone, Debug)]
pub struct Random {
    mt: Mt19937,
    /// The second normal deviate `gauss()` produced and keeps for its next
    /// call (`Random.gauss_next`); cleared by every seed.
    gauss_next: Option<f64>,
}

/// What `Random.getstate()` returns: `(VERSION, internal, gauss_next)` where
/// `internal` is the 624 state words followed by the index (625 ints).
#[derive(Clone, Debug, PartialEq)]
pub struct RandomState {
    pub words: Vec<u32>,
    pub index: u32,
    pub gauss_next: Option<f64>,
}

impl Default for Random {
    fn default() -> Self {
        Random::new_default()
    }
}

impl Random {
    /// An unseeded generator: CPython would use OS entropy; we seed with
    /// [`DEFAULT_SEED`] so every run of a program prints the same thing.
    pub fn new_default() -> Self {
        let mut r = Random::from_words(&[]);
        r.seed_none();
        r
    }

    /// A generator as after `random.Random(seed)` with an int seed.
    pub fn from_int_seed(seed: &BigInt) -> Self {
        Random::from_words(&seed.magnitude().to_u32_digits())
    }

    fn from_words(words: &[u32]) -> Self {
        Random {
            mt: Mt19937::from_key(words),
            gauss_next: None,
        }
    }

    fn seed_words(&mut self, words: &[u32]) {
        self.mt = Mt19937::from_key(words);
        self.gauss_next = None;
    }

    /// `seed()` / `seed(None)`: reseeds with [`DEFAULT_SEED`] (see there).
    pub fn seed_none(&mut self) {
        self.seed_u64(DEFAULT_SEED);
    }

    /// `seed(n)` for a non-negative int that fits in 64 bits.
    pub fn seed_u64(&mut self, n: u64) {
        let lo = n as u32;
        let hi = (n >> 32) as u32;
        if hi == 0 {
            self.seed_words(&[lo]);
        } else {
            self.seed_words(&[lo, hi]);
        }
    }

    /// `seed(n)` for an int in `i64`: CPython uses the absolute value.
    pub fn seed_i64(&mut self, n: i64) {
        self.seed_u64(n.unsigned_abs());
    }

    /// `seed(n)` for any int: the absolute value split into 32-bit words,
    /// least significant first, fed to `init_by_array`. `bool` seeds behave
    /// as 0 and 1.
    pub fn seed_int(&mut self, n: &BigInt) {
        self.seed_words(&n.magnitude().to_u32_digits());
    }

    /// `seed(x)` for a float: CPython seeds from `hash(x)` cast to an
    /// unsigned 64-bit integer, so `seed(2.0)` equals `seed(2)` but
    /// `seed(-2.0)` equals `seed(2**64 - 2)`.
    pub fn seed_float(&mut self, x: f64) {
        self.seed_u64(float_hash(x) as u64);
    }

    /// `seed(s, version)` for a str.
    ///
    /// Version 2 (the default) seeds from `int.from_bytes(b + sha512(b))`
    /// where `b` is the UTF-8 encoding; version 1 uses the old string hash
    /// over code points. Other versions make CPython seed from `hash(s)`,
    /// which is randomized per process (PYTHONHASHSEED), so there is no
    /// reproducible answer; we treat them as version 2.
    pub fn seed_str(&mut self, s: &str, version: i64) {
        if version == 1 {
            let chars: Vec<u32> = s.chars().map(|c| c as u32).collect();
            self.seed_v1(&chars);
        } else {
            self.seed_v2(s.as_bytes());
        }
    }

    /// `seed(b, version)` for bytes: like [`Random::seed_str`] on the bytes
    /// (version 1 decodes them as latin-1, i.e. byte values are the code
    /// points).
    pub fn seed_bytes(&mut self, b: &[u8], version: i64) {
        if version == 1 {
            let chars: Vec<u32> = b.iter().map(|&c| u32::from(c)).collect();
            self.seed_v1(&chars);
        } else {
            self.seed_v2(b);
        }
    }

    /// `seed(b, version)` for a bytearray. Version 2 hashes it like bytes;
    /// any other version makes CPython call `hash()` on it, which fails.
    pub fn seed_bytearray(&mut self, b: &[u8], version: i64) -> RandomResult<()> {
        if version == 2 {
            self.seed_v2(b);
            Ok(())
        } else {
            fail(ErrorKind::TypeError, "unhashable type: 'bytearray'")
        }
    }

    fn seed_v1(&mut self, chars: &[u32]) {
        let mut x: u64 = chars.first().map_or(0, |&c| u64::from(c) << 7);
        for &c in chars {
            x = x.wrapping_mul(1_000_003) ^ u64::from(c);
        }
        x ^= chars.len() as u64;
        self.seed_u64(x);
    }

    fn seed_v2(&mut self, data: &[u8]) {
        let mut all = Vec::with_capacity(data.len() + 64);
        all.extend_from_slice(data);
        all.extend_from_slice(&sha512(data));
        let n = BigUint::from_bytes_be(&all);
        self.seed_words(&n.to_u32_digits());
    }

    /// `random()`: a float in [0.0, 1.0) from 53 random bits (two words:
    /// the top 27 bits of the first and the top 26 of the second).
    pub fn random(&mut self) -> f64 {
        let a = self.mt.next_u32() >> 5;
        let b = self.mt.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for `k <= 64` without allocating. `k` above 64 is
    /// treated as 64.
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        let k = k.min(64);
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return u64::from(self.mt.next_u32() >> (32 - k));
        }
        let lo = u64::from(self.mt.next_u32());
        let hi = u64::from(self.mt.next_u32() >> (64 - k));
        lo | (hi << 32)
    }

    /// `getrandbits(k)` for `k <= 128` (used by the i64 fast paths).
    fn getrandbits_u128(&mut self, k: u32) -> u128 {
        if k <= 64 {
            return u128::from(self.getrandbits_u64(k));
        }
        let k = k.min(128);
        let mut out = 0u128;
        let mut remaining = k;
        let mut shift = 0;
        while remaining > 0 {
            let mut r = self.mt.next_u32();
            if remaining < 32 {
                r >>= 32 - remaining;
            }
            out |= u128::from(r) << shift;
            shift += 32;
            remaining = remaining.saturating_sub(32);
        }
        out
    }

    /// `getrandbits(k)`: `k` random bits. Words are drawn least significant
    /// first, and the last (most significant) word keeps only its top
    /// `k % 32` bits, as CPython's little-endian word array does.
    ///
    /// Errors: `ValueError` for negative `k`; `OverflowError` above C `int`
    /// range (CPython's argument is a C int); `MemoryError` if the words
    /// cannot be allocated.
    pub fn getrandbits(&mut self, k: i64) -> RandomResult<BigUint> {
        if k < 0 {
            return fail(ErrorKind::ValueError, BITS_NEGATIVE);
        }
        if k > i64::from(i32::MAX) {
            return fail(ErrorKind::OverflowError, TOO_LARGE_C_INT);
        }
        self.getrandbits_big(k as u64)
    }

    fn random_words(&mut self, k: u64) -> RandomResult<Vec<u32>> {
        let words = if k == 0 { 0 } else { (k - 1) / 32 + 1 };
        let mut v = vec_with_capacity(words)?;
        let mut remaining = k;
        while remaining > 0 {
            let mut r = self.mt.next_u32();
            if remaining < 32 {
                r >>= 32 - remaining;
            }
            v.push(r);
            remaining = remaining.saturating_sub(32);
        }
        Ok(v)
    }

    fn getrandbits_big(&mut self, k: u64) -> RandomResult<BigUint> {
        if k <= 64 {
            return Ok(BigUint::from(self.getrandbits_u64(k as u32)));
        }
        Ok(BigUint::new(self.random_words(k)?))
    }

    /// `randbytes(n)`: `getrandbits(n * 8).to_bytes(n, 'little')`.
    pub fn randbytes(&mut self, n: i64) -> RandomResult<Vec<u8>> {
        if n < 0 {
            return fail(ErrorKind::ValueError, BITS_NEGATIVE);
        }
        if n > i64::from(i32::MAX) / 8 {
            return fail(ErrorKind::OverflowError, TOO_LARGE_C_INT);
        }
        let words = self.random_words(n as u64 * 8)?;
        let mut out = vec_with_capacity(n as u64)?;
        for w in words {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.truncate(n as usize);
        Ok(out)
    }

    /// `_randbelow(n)` for `n` in u64: draw `n.bit_length()` bits until the
    /// value is below `n` (rejection sampling, so the number of words used
    /// varies exactly as in CPython). `n == 0` returns 0 (CPython never
    /// calls it with 0; it would loop forever).
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    fn randbelow_u128(&mut self, n: u128) -> u128 {
        if let Ok(small) = u64::try_from(n) {
            return u128::from(self.randbelow_u64(small));
        }
        let k = 128 - n.leading_zeros();
        loop {
            let r = self.getrandbits_u128(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow(n)` for any size. `n == 0` returns 0 (see
    /// [`Random::randbelow_u64`]).
    pub fn randbelow(&mut self, n: &BigUint) -> RandomResult<BigUint> {
        if let Some(small) = n.to_u64() {
            return Ok(BigUint::from(self.randbelow_u64(small)));
        }
        let k = n.bits();
        loop {
            let r = self.getrandbits_big(k)?;
            if &r < n {
                return Ok(r);
            }
        }
    }

    /// `randrange` over i128 values of magnitude at most 2**64 (so widths
    /// and counts fit comfortably in i128/u128).
    fn randrange_small(
        &mut self,
        start: i128,
        stop: Option<i128>,
        step: Option<i128>,
    ) -> RandomResult<i128> {
        let Some(stop) = stop else {
            if step.is_some_and(|s| s != 1) {
                return fail(ErrorKind::TypeError, "Missing a non-None stop argument");
            }
            if start > 0 {
                return Ok(self.randbelow_u128(start as u128) as i128);
            }
            return fail(ErrorKind::ValueError, "empty range for randrange()");
        };
        let width = stop - start;
        let step = step.unwrap_or(1);
        if step == 1 {
            if width > 0 {
                return Ok(start + self.randbelow_u128(width as u128) as i128);
            }
            return fail(ErrorKind::ValueError, empty_range_message(&start, &stop));
        }
        let n = if step > 0 {
            floor_div_i128(width + step - 1, step)
        } else if step < 0 {
            floor_div_i128(width + step + 1, step)
        } else {
            return fail(ErrorKind::ValueError, "zero step for randrange()");
        };
        if n <= 0 {
            return fail(
                ErrorKind::ValueError,
                format!("empty range in randrange({start}, {stop}, {step})"),
            );
        }
        Ok(start + step * self.randbelow_u128(n as u128) as i128)
    }

    /// `randrange(start)`, `randrange(start, stop)` or
    /// `randrange(start, stop, step)` with i64 arguments: the fast path.
    ///
    /// `stop == None` is Python's `stop=None`; `step == None` means the
    /// argument was omitted. (`randrange(10, None, 1)` is allowed in
    /// CPython because the literal 1 *is* the default object, so `Some(1)`
    /// with no stop is accepted; any other step without stop is a
    /// `TypeError`.)
    pub fn randrange_i64(
        &mut self,
        start: i64,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> RandomResult<i64> {
        let r = self.randrange_small(
            i128::from(start),
            stop.map(i128::from),
            step.map(i128::from),
        )?;
        // The result lies between start and stop, so it fits.
        i64::try_from(r).map_err(|_| RandomError::new(ErrorKind::OverflowError, TOO_LARGE_C_LONG))
    }

    /// `randrange` with arbitrary ints; takes the i64 fast path when all
    /// arguments fit. Error texts format the arguments as ints (CPython's
    /// f-string shows the original objects, e.g. `True` for a bool; the
    /// engine passes ints).
    pub fn randrange(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: Option<&BigInt>,
    ) -> RandomResult<BigInt> {
        let small = (
            start.to_i64(),
            stop.map(|s| s.to_i64()),
            step.map(|s| s.to_i64()),
        );
        if let (Some(a), None | Some(Some(_)), None | Some(Some(_))) = small {
            let r = self.randrange_small(
                i128::from(a),
                small.1.flatten().map(i128::from),
                small.2.flatten().map(i128::from),
            )?;
            return Ok(BigInt::from(r));
        }
        let one = BigInt::one();
        let Some(stop) = stop else {
            if step.is_some_and(|s| s != &one) {
                return fail(ErrorKind::TypeError, "Missing a non-None stop argument");
            }
            if start.is_positive() {
                return Ok(BigInt::from(self.randbelow(start.magnitude())?));
            }
            return fail(ErrorKind::ValueError, "empty range for randrange()");
        };
        let width = stop - start;
        let step = step.unwrap_or(&one);
        if step == &one {
            if width.is_positive() {
                return Ok(start + BigInt::from(self.randbelow(width.magnitude())?));
            }
            return fail(ErrorKind::ValueError, empty_range_message(start, stop));
        }
        let n = if step.is_positive() {
            (&width + step - 1i64).div_floor(step)
        } else if step.is_negative() {
            (&width + step + 1i64).div_floor(step)
        } else {
            return fail(ErrorKind::ValueError, "zero step for randrange()");
        };
        if !n.is_positive() {
            return fail(
                ErrorKind::ValueError,
                format!("empty range in randrange({start}, {stop}, {step})"),
            );
        }
        Ok(start + step * BigInt::from(self.randbelow(n.magnitude())?))
    }

    /// `randint(a, b)`, i.e. `randrange(a, b + 1)` (so an empty range
    /// reports `empty range in randrange(a, b+1)`), i64 fast path.
    pub fn randint_i64(&mut self, a: i64, b: i64) -> RandomResult<i64> {
        let r = self.randrange_small(i128::from(a), Some(i128::from(b) + 1), None)?;
        i64::try_from(r).map_err(|_| RandomError::new(ErrorKind::OverflowError, TOO_LARGE_C_LONG))
    }

    /// `randint(a, b)` for arbitrary ints.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> RandomResult<BigInt> {
        if let (Some(a), Some(b)) = (a.to_i64(), b.to_i64()) {
            return self.randint_i64(a, b).map(BigInt::from);
        }
        let stop = b + BigInt::one();
        self.randrange(a, Some(&stop), None)
    }

    /// `choice(seq)` for a sequence of length `n`: the index to pick.
    pub fn choice(&mut self, n: u64) -> RandomResult<u64> {
        if n == 0 {
            return fail(
                ErrorKind::IndexError,
                "Cannot choose from an empty sequence",
            );
        }
        Ok(self.randbelow_u64(n))
    }

    /// `shuffle(x)` in place: for i from len-1 down to 1, swap x[i] with
    /// x[randbelow(i + 1)].
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.randbelow_u64(i as u64 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// `sample(population, k)` for a population of length `n`: the indices
    /// of the chosen elements in selection order.
    ///
    /// CPython picks between two algorithms: when `n` is at most the size
    /// of a set that could hold `k` items (`21 + 4**ceil(log(3k, 4))` for
    /// `k > 5`, else 21) it draws from a shrinking pool list; otherwise it
    /// redraws indices until unseen. We compute `ceil(log(3k, 4))` with
    /// integers: `3k` is never a power of 4, and the float expression only
    /// deviates for `k` beyond ~10**14, far past any allocatable result.
    ///
    /// A `k` that does not fit in i64 should be passed saturated (it fails
    /// the same range check).
    pub fn sample(&mut self, n: u64, k: i64) -> RandomResult<Vec<u64>> {
        if n > i64::MAX as u64 {
            return fail(ErrorKind::OverflowError, TOO_LARGE_SSIZE_T);
        }
        if k < 0 || k as u64 > n {
            return fail(
                ErrorKind::ValueError,
                "Sample larger than population or is negative",
            );
        }
        let k = k as u64;
        let mut result = vec_with_capacity(k)?;
        let mut setsize: u128 = 21;
        if k > 5 {
            let target = 3 * u128::from(k);
            let mut p: u128 = 1;
            while p < target {
                p *= 4;
            }
            setsize += p;
        }
        if u128::from(n) <= setsize {
            // Pool method: pool[0 .. n-i] holds the unselected indices.
            let mut pool: Vec<u64> = vec_with_capacity(n)?;
            pool.extend(0..n);
            for i in 0..k {
                let j = self.randbelow_u64(n - i) as usize;
                result.push(pool[j]);
                pool[j] = pool[(n - i - 1) as usize];
            }
        } else {
            let mut selected: HashSet<u64> = HashSet::new();
            selected
                .try_reserve(k as usize)
                .map_err(|_| memory_error())?;
            for _ in 0..k {
                let mut j = self.randbelow_u64(n);
                while selected.contains(&j) {
                    j = self.randbelow_u64(n);
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `sample(population, k, counts=counts)` for a population of length
    /// `n`: the indices into the population (repeats possible).
    ///
    /// CPython samples `range(total)` and maps each pick through
    /// `bisect_right` on the running totals. Counts are ints and
    /// summed exactly (CPython's `accumulate`); the engine raises
    /// [`COUNTS_NOT_INTEGERS`] for non-int counts itself.
    pub fn sample_counts(&mut self, n: u64, counts: &[BigInt], k: i64) -> RandomResult<Vec<u64>> {
        if counts.len() as u64 != n {
            return fail(
                ErrorKind::ValueError,
                "The number of counts does not match the population",
            );
        }
        let mut cum: Vec<BigInt> = vec_with_capacity(counts.len() as u64)?;
        let mut acc = BigInt::zero();
        for c in counts {
            acc += c;
            cum.push(acc.clone());
        }
        let Some(total) = cum.pop() else {
            return fail(ErrorKind::IndexError, "pop from empty list");
        };
        if !total.is_positive() {
            return fail(
                ErrorKind::ValueError,
                "Total of counts must be greater than zero",
            );
        }
        let Some(total) = total.to_i64() else {
            return fail(ErrorKind::OverflowError, TOO_LARGE_SSIZE_T);
        };
        // Picks lie in [0, total) within i64, so saturating the running
        // totals to i128 keeps every comparison bisect makes unchanged.
        let cum: Vec<i128> = cum
            .iter()
            .map(|c| {
                c.to_i128().unwrap_or(if c.is_negative() {
                    i128::MIN
                } else {
                    i128::MAX
                })
            })
            .collect();
        let picks = self.sample(total as u64, k)?;
        Ok(picks
            .into_iter()
            .map(|s| bisect_right_i128(&cum, i128::from(s)) as u64)
            .collect())
    }

    /// `choices(population, weights, cum_weights=..., k=k)` for a population
    /// of length `n`: the chosen indices.
    ///
    /// Without weights each pick is `floor(random() * n)`; with weights
    /// each is `bisect_right(cum_weights, random() * total, 0, n - 1)`.
    /// Weights are floats here (int weights summing past 2**53 lose the
    /// exactness CPython's int sums keep). A negative `k` yields no picks,
    /// as `itertools.repeat(None, k)` does.
    pub fn choices(
        &mut self,
        n: u64,
        weights: Option<&[f64]>,
        cum_weights: Option<&[f64]>,
        k: i64,
    ) -> RandomResult<Vec<u64>> {
        let count = k.max(0) as u64;
        let accumulated: Vec<f64>;
        let (cum, from_weights): (&[f64], bool) = match (weights, cum_weights) {
            (None, None) => {
                let nf = n as f64;
                let mut out = vec_with_capacity(count)?;
                for _ in 0..count {
                    let i = (self.random() * nf).floor() as u64;
                    if i >= n {
                        return fail(ErrorKind::SequenceIndex, "list index out of range");
                    }
                    out.push(i);
                }
                return Ok(out);
            }
            (Some(_), Some(_)) => {
                return fail(
                    ErrorKind::TypeError,
                    "Cannot specify both weights and cumulative weights",
                );
            }
            (Some(w), None) => {
                let mut acc = vec_with_capacity(w.len() as u64)?;
                let mut total = 0.0;
                for (i, &x) in w.iter().enumerate() {
                    // accumulate() starts from the first element itself
                    // (so a lone -0.0 stays -0.0).
                    total = if i == 0 { x } else { total + x };
                    acc.push(total);
                }
                accumulated = acc;
                (&accumulated, true)
            }
            (None, Some(c)) => (c, false),
        };
        if cum.len() as u64 != n {
            return fail(
                ErrorKind::ValueError,
                "The number of weights does not match the population",
            );
        }
        let Some(&last) = cum.last() else {
            // cum_weights[-1] on an empty sequence: a list when built from
            // weights, else whatever sequence the caller passed.
            let kind = if from_weights {
                ErrorKind::IndexError
            } else {
                ErrorKind::SequenceIndex
            };
            return fail(kind, "list index out of range");
        };
        let total = last + 0.0;
        if total <= 0.0 {
            return fail(
                ErrorKind::ValueError,
                "Total of weights must be greater than zero",
            );
        }
        if !total.is_finite() {
            return fail(ErrorKind::ValueError, "Total of weights must be finite");
        }
        let hi = cum.len() - 1;
        let mut out = vec_with_capacity(count)?;
        for _ in 0..count {
            let x = self.random() * total;
            out.push(bisect_right_f64(cum, x, 0, hi) as u64);
        }
        Ok(out)
    }

    /// `uniform(a, b) = a + (b - a) * random()`. (With int arguments CPython
    /// subtracts exactly before converting; the engine may compute `b - a`
    /// itself for huge ints.)
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `triangular(low, high, mode)`. When `mode` is given and
    /// `high - low == 0`, CPython catches the ZeroDivisionError and returns
    /// the `low` object unchanged (an int stays an int); we return `low`
    /// after consuming one `random()`, as CPython does.
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(m) => {
                let d = high - low;
                if d == 0.0 {
                    return low;
                }
                (m - low) / d
            }
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `normalvariate(mu, sigma)` (Kinderman–Monahan ratio of uniforms).
    /// Exactness relies on `ln` agreeing with the C library's `log`
    /// (correctly rounded in practice).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = NV_MAGICCONST * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `lognormvariate(mu, sigma) = exp(normalvariate(mu, sigma))`.
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        self.normalvariate(mu, sigma).exp()
    }

    /// `gauss(mu, sigma)` (Box–Muller, caching the second deviate until the
    /// next call or seed). Exactness relies on `cos`/`sin`/`ln` agreeing
    /// with the C library.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * TWOPI;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `expovariate(lambd) = -log(1 - random()) / lambd`; `lambd == 0`
    /// raises after consuming the random number, as in CPython.
    pub fn expovariate(&mut self, lambd: f64) -> RandomResult<f64> {
        let r = -(1.0 - self.random()).ln();
        if lambd == 0.0 {
            return fail(ErrorKind::ZeroDivisionError, "float division by zero");
        }
        Ok(r / lambd)
    }

    /// `getstate()`: the tuple `(3, words + (index,), gauss_next)`.
    pub fn getstate(&self) -> RandomState {
        let (words, index) = self.mt.words();
        RandomState {
            words: words.to_vec(),
            index: index as u32,
            gauss_next: self.gauss_next,
        }
    }

    /// The C-level `setstate(internal)`: `internal` is the 625-int tuple
    /// (624 words, then the index). Words are converted like C `unsigned
    /// long` and truncated to 32 bits; nothing changes on error.
    pub fn set_internal_state(&mut self, internal: &[BigInt]) -> RandomResult<()> {
        if internal.len() != mt::N + 1 {
            return fail(ErrorKind::ValueError, "state vector is the wrong size");
        }
        let mut words = [0u32; mt::N];
        for (w, x) in words.iter_mut().zip(internal) {
            if x.sign() == Sign::Minus {
                return fail(ErrorKind::OverflowError, NEGATIVE_TO_UNSIGNED);
            }
            let Some(v) = x.to_u64() else {
                return fail(ErrorKind::OverflowError, TOO_LARGE_C_ULONG);
            };
            *w = v as u32;
        }
        let Some(index) = internal[mt::N].to_i64() else {
            return fail(ErrorKind::OverflowError, TOO_LARGE_C_LONG);
        };
        if !(0..=mt::N as i64).contains(&index) {
            return fail(ErrorKind::ValueError, "invalid state");
        }
        self.mt.set_words(words, index as usize);
        Ok(())
    }

    /// `Random.setstate((version, internal, gauss_next))`. As in CPython,
    /// `gauss_next` is assigned before the internal state is validated, and
    /// version 2 states are reduced modulo 2**32 first. (The engine checks
    /// that `internal` is a tuple: `state vector must be a tuple`.)
    pub fn setstate(
        &mut self,
        version: i64,
        internal: &[BigInt],
        gauss_next: Option<f64>,
    ) -> RandomResult<()> {
        match version {
            3 => {
                self.gauss_next = gauss_next;
                self.set_internal_state(internal)
            }
            2 => {
                self.gauss_next = gauss_next;
                let modulus = BigInt::from(1u64 << 32);
                let reduced: Vec<BigInt> = internal.iter().map(|x| x.mod_floor(&modulus)).collect();
                self.set_internal_state(&reduced)
            }
            v => fail(
                ErrorKind::ValueError,
                format!(
                    "state with version {v} passed to Random.setstate() of version {STATE_VERSION}"
                ),
            ),
        }
    }

    /// The cached second `gauss()` deviate (`Random.gauss_next`).
    pub fn gauss_next(&self) -> Option<f64> {
        self.gauss_next
    }

    /// Sets `Random.gauss_next` (attribute assignment from Python).
    pub fn set_gauss_next(&mut self, v: Option<f64>) {
        self.gauss_next = v;
    }
}
