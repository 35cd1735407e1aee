//! MT19937, the Mersenne Twister exactly as CPython's `_randommodule.c`
//! runs it (Matsumoto & Nishimura's reference `init_genrand`,
//! `init_by_array` and `genrand_uint32`).
//!
//! Every output of the `random` module is derived from the 32-bit words this
//! generator yields, so bit-for-bit agreement here is what makes the rest of
//! the module print what CPython prints.

/// Number of 32-bit words in the state vector.
pub const N: usize = 624;
/// The "middle word" offset of the recurrence.
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator state: 624 words plus the index of the next word to
/// temper. `index == N` means "regenerate the whole block on next use",
/// which is also the state right after seeding (CPython stores the same).
#[derive(Clone, Debug)]
pub struct Mt19937 {
    state: [u32; N],
    index: usize,
}

impl Mt19937 {
    /// `init_genrand(s)`: fills the state from a single 32-bit seed.
    fn from_u32(seed: u32) -> Self {
        let mut state = [0u32; N];
        state[0] = seed;
        for i in 1..N {
            let prev = state[i - 1];
            state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        Mt19937 { state, index: N }
    }

    /// `init_by_array(key)`: CPython seeds every generator this way, with
    /// the seed's absolute value split into 32-bit words, least
    /// significant word first. An empty key is treated like `[0]`, which is
    /// what CPython passes for a zero seed.
    pub fn from_key(key: &[u32]) -> Self {
        let zero = [0u32];
        let key = if key.is_empty() { &zero[..] } else { key };
        let mut mt = Mt19937::from_u32(19_650_218);
        let s = &mut mt.state;
        let mut i = 1usize;
        let mut j = 0usize;
        for _ in 0..N.max(key.len()) {
            let prev = s[i - 1];
            s[i] = (s[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                s[0] = s[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = s[i - 1];
            s[i] =
                (s[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                s[0] = s[N - 1];
                i = 1;
            }
        }
        // MSB is 1, assuring a non-zero initial array.
        s[0] = 0x8000_0000;
        mt.index = N;
        mt
    }

    /// Regenerates all N words at once (the reference implementation's
    /// block step).
    fn twist(&mut self) {
        let s = &mut self.state;
        let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for kk in 0..N - M {
            let y = (s[kk] & UPPER_MASK) | (s[kk + 1] & LOWER_MASK);
            s[kk] = s[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (s[kk] & UPPER_MASK) | (s[kk + 1] & LOWER_MASK);
            s[kk] = s[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (s[N - 1] & UPPER_MASK) | (s[0] & LOWER_MASK);
        s[N - 1] = s[M - 1] ^ (y >> 1) ^ mag(y);
        self.index = 0;
    }

    /// `genrand_uint32()`: the next tempered 32-bit output.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// The raw state words and index, as `_random.Random.getstate()` exposes
    /// them (624 words followed by the index).
    pub fn words(&self) -> (&[u32; N], usize) {
        (&self.state, self.index)
    }

    /// Replaces the state; `index` must already be validated to `0..=N`
    /// by the caller (it reports CPython's error text when it is not).
    pub fn set_words(&mut self, words: [u32; N], index: usize) {
        self.state = words;
        self.index = index.min(N);
    }
}
