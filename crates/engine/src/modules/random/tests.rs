//! Self-contained checks (known vectors). The bulk comparison against
//! CPython 3.13 output lives in the scratch crate's `tests/cpython_cases.rs`.

use super::*;

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn sha512_known_vectors() {
    assert_eq!(
        hex(&sha512(b"abc")),
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
         2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
    );
    assert_eq!(
        hex(&sha512(b"")),
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce\
         47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
    );
    assert_eq!(
        hex(&sha512(&[b'a'; 1000])),
        "67ba5535a46e3f86dbfbed8cbbaf0125c76ed549ff8b0b9e03e0c88cf90fa634\
         fa7b12b47d77b694de488ace8d9a65967dc96df599727d3292a8d9d447709c97"
    );
}

#[test]
fn mt19937_reference_init_by_array() {
    // First outputs of the reference mt19937ar.c test program.
    let mut mt = mt::Mt19937::from_key(&[0x123, 0x234, 0x345, 0x456]);
    let got: Vec<u32> = (0..5).map(|_| mt.next_u32()).collect();
    assert_eq!(
        got,
        [1067595299, 955945823, 477289528, 4107218783, 4228976476]
    );
}

#[test]
fn seed_42_matches_cpython() {
    let mut r = Random::from_int_seed(&BigInt::from(42));
    assert_eq!(r.random(), 0.6394267984578837);
    assert_eq!(r.randint_i64(1, 10), Ok(1));
    assert_eq!(r.choice(6), Ok(5));
}

#[test]
fn float_hash_known_values() {
    assert_eq!(float_hash(0.5), 1152921504606846976);
    assert_eq!(float_hash(-1.5), -1152921504606846977);
    assert_eq!(float_hash(1e300), 1224995262755759164);
    assert_eq!(float_hash(5e-324), 16777216);
    assert_eq!(float_hash(-1.0), -2);
    assert_eq!(float_hash(f64::INFINITY), 314159);
}

#[test]
fn state_round_trip() {
    let mut r = Random::from_int_seed(&BigInt::from(7));
    r.random();
    let st = r.getstate();
    let a: Vec<f64> = (0..700).map(|_| r.random()).collect();
    let mut internal: Vec<BigInt> = st.words.iter().map(|&w| BigInt::from(w)).collect();
    internal.push(BigInt::from(st.index));
    let mut r2 = Random::new_default();
    r2.setstate(3, &internal, st.gauss_next).unwrap();
    let b: Vec<f64> = (0..700).map(|_| r2.random()).collect();
    assert_eq!(a, b);
    internal.pop();
    assert_eq!(
        r2.set_internal_state(&internal).unwrap_err().message,
        "state vector is the wrong size"
    );
}

#[test]
fn no_panics_on_degenerate_arguments() {
    let mut r = Random::new_default();
    assert_eq!(r.randbelow_u64(0), 0);
    assert!(r.choices(0, None, None, 3).is_err());
    assert!(r.choices(0, Some(&[]), None, 3).is_err());
    assert!(r.choices(2, Some(&[1.0]), None, 3).is_err());
    assert!(r.sample(3, 4).is_err());
    assert!(r.sample(3, -1).is_err());
    assert!(r.sample(u64::MAX, 1).is_err());
    assert!(r.sample_counts(0, &[], 0).is_err());
    assert!(r.getrandbits(-1).is_err());
    assert!(r.randbytes(i64::MAX).is_err());
    assert!(r.randint_i64(i64::MIN, i64::MAX).is_ok());
    assert!(r.randrange_i64(i64::MAX, Some(i64::MIN), Some(-1)).is_ok());
    assert!(
        r.randrange_i64(i64::MIN, Some(i64::MAX), Some(i64::MIN))
            .is_err()
    );
    let mut empty: [u8; 0] = [];
    r.shuffle(&mut empty);
}
