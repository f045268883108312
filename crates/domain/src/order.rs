//! One stable sort for every list the app orders: short lists by insertion,
//! longer ones by a merge sort of their positions through a single
//! comparison type, so that it is compiled once. The standard library's
//! stable sort (driftsort) is compiled anew for each element type and
//! comparison, and even once it is 4.6 KB of each wasm module; the merge
//! sort is a few hundred bytes, and the longest list the app sorts (1,000
//! reminders) takes ten passes.

use std::cmp::Ordering;

/// Lists up to this long are sorted in place, without allocating: the
/// ranking sorts a few short lists per channel on every tap.
const SHORT: usize = 32;

/// Sorts `items` stably by `cmp`: equal items keep their order.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() <= SHORT {
        insertion_sort(items, &cmp);
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` stably by the key `key` gives each.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Stable: an item moves left only past strictly greater ones.
fn insertion_sort<T>(items: &mut [T], cmp: &impl Fn(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && cmp(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts the positions `order` stably by `cmp`: a bottom-up merge sort,
/// runs of 1, 2, 4… merged into a second buffer and back.
fn sort_positions(order: &mut Vec<usize>, cmp: &dyn Fn(usize, usize) -> Ordering) {
    let n = order.len();
    let mut from = std::mem::take(order);
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, mid);
            for slot in &mut to[start..end] {
                // The left run's next unless the right one's is strictly
                // smaller: equal items keep their order.
                let take_left =
                    left < mid && (right == end || cmp(from[right], from[left]) != Ordering::Less);
                if take_left {
                    *slot = from[left];
                    left += 1;
                } else {
                    *slot = from[right];
                    right += 1;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    *order = from;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_ties_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn matches_the_standard_stable_sort() {
        // A fixed pseudo-random list with many ties, compared with std's sort.
        let mut x: u32 = 12345;
        let mut v: Vec<(u32, usize)> = (0..500)
            .map(|i| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((x >> 16) % 17, i)
            })
            .collect();
        let mut expected = v.clone();
        expected.sort_by_key(|p| std::cmp::Reverse(p.0));
        sort_by_key(&mut v, |p| std::cmp::Reverse(p.0));
        assert_eq!(v, expected);
    }

    #[test]
    fn both_ways_match_the_standard_stable_sort() {
        // Lengths on each side of SHORT, where the in-place sort hands over.
        let mut x: u32 = 777;
        for n in [2, SHORT - 1, SHORT, SHORT + 1, 3 * SHORT, 1000, 1025] {
            let mut v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((x >> 16) % 5, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_by_key(&mut v, |p| p.0);
            assert_eq!(v, expected, "length {n}");
        }
    }

    #[test]
    fn empty_and_single() {
        let mut e: Vec<u8> = vec![];
        sort_by(&mut e, Ord::cmp);
        assert!(e.is_empty());
        let mut one = vec![String::from("x")];
        sort_by(&mut one, Ord::cmp);
        assert_eq!(one, ["x"]);
    }
}
