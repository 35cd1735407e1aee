//! The engine's one stable sort.
//!
//! `slice::sort*` is monomorphised for every element type and comparator,
//! and each copy of the standard library's sort costs about 4 KB of wasm.
//! The engine sorts seldom and never in a hot loop, so every caller shares
//! one merge sort over indices behind a `dyn` comparator; only the small
//! permutation step in [`sort_by`] is generic.

use std::cmp::Ordering;

/// Sorts `v` stably; `after(a, b)` says the item at index `b` must come
/// before the one at index `a` (that is, `b < a`). Indices, not items, so
/// a comparator that can fail (a Python `__lt__`) can record its error and
/// answer `false` without the sort having to know.
pub fn sort_indices(v: &mut [usize], after: &mut dyn FnMut(usize, usize) -> bool) {
    let n = v.len();
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && after(v[j - 1], v[j]) {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mid = n / 2;
    sort_indices(&mut v[..mid], after);
    sort_indices(&mut v[mid..], after);
    let mut out = Vec::with_capacity(n);
    let (mut i, mut j) = (0, mid);
    while i < mid && j < n {
        if after(v[i], v[j]) {
            out.push(v[j]);
            j += 1;
        } else {
            out.push(v[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&v[i..mid]);
    out.extend_from_slice(&v[j..n]);
    v.copy_from_slice(&out);
}

/// Sorts `v` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &mut |a, b| cmp(&v[b], &v[a]) == Ordering::Less);
    permute(v, &mut order);
}

/// Sorts `v` stably in its natural order, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp)
}

/// Rearranges `v` so that position `p` holds what was at `order[p]`,
/// following each cycle of the permutation with swaps (`order` is used up).
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut cur = start;
        while order[cur] != DONE {
            let src = order[cur];
            order[cur] = DONE;
            if src == start {
                break;
            }
            v.swap(cur, src);
            cur = src;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_at_every_size() {
        for n in [0, 1, 2, 15, 16, 17, 40, 257] {
            // Keys with many ties; the second field records the original position.
            let mut v: Vec<(u32, usize)> = (0..n).map(|i| ((i as u32 * 7919) % 5, i)).collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_by(&mut v, |a, b| a.0.cmp(&b.0));
            assert_eq!(v, expected, "n = {n}");
        }
    }

    #[test]
    fn natural_order_of_strings() {
        let mut v = vec!["pear".to_string(), "apple".into(), "fig".into(), "apple".into()];
        sort(&mut v);
        assert_eq!(v, ["apple", "apple", "fig", "pear"]);
    }
}
