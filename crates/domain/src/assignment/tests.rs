use proptest::prelude::*;

use super::*;

/// A random instance: entries, jurors, k, and a conflict matrix (entry-major).
fn instance(
    max_entries: usize,
    max_jurors: usize,
) -> impl Strategy<Value = (usize, usize, usize, Vec<bool>)> {
    (1..=max_entries, 1..=max_jurors).prop_flat_map(|(entries, jurors)| {
        (
            Just(entries),
            Just(jurors),
            1..=jurors,
            prop::collection::vec(prop::bool::weighted(0.2), entries * jurors),
        )
    })
}

fn reviewers_of(a: &Assignment, entry: usize) -> usize {
    a.pairs.iter().filter(|&&(e, _)| e == entry).count()
}

/// Every way to give each entry `min(k, eligible)` reviewers: (smallest possible largest load,
/// whether some way keeps the loads within one).
fn brute_force(
    entries: usize,
    jurors: usize,
    k: usize,
    conflicted: &dyn Fn(usize, usize) -> bool,
) -> (usize, bool) {
    let choices: Vec<Vec<u32>> = (0..entries)
        .map(|e| {
            let allowed: u32 = (0..jurors).filter(|&j| !conflicted(e, j)).map(|j| 1 << j).sum();
            let want = k.min(allowed.count_ones() as usize) as u32;
            (0u32..1 << jurors).filter(|m| m & !allowed == 0 && m.count_ones() == want).collect()
        })
        .collect();
    let mut best = (usize::MAX, false);
    let mut pick = vec![0usize; entries];
    loop {
        let mut loads = vec![0usize; jurors];
        for (e, &i) in pick.iter().enumerate() {
            (0..jurors).filter(|&j| choices[e][i] & (1 << j) != 0).for_each(|j| loads[j] += 1);
        }
        let (lo, hi) = (*loads.iter().min().unwrap_or(&0), *loads.iter().max().unwrap_or(&0));
        best = (best.0.min(hi), best.1 || hi - lo <= 1);
        // Next combination, odometer style.
        let mut e = 0;
        while e < entries {
            pick[e] += 1;
            if pick[e] < choices[e].len() {
                break;
            }
            pick[e] = 0;
            e += 1;
        }
        if e == entries {
            return best;
        }
    }
}

#[test]
fn everyone_reviews_all_but_their_conflicts() {
    let a = everyone(3, 2, |e, j| e == 1 && j == 0);
    assert_eq!(a.pairs, [(0, 0), (0, 1), (1, 1), (2, 0), (2, 1)]);
    assert_eq!(a.loads, [2, 3]);
    assert!(a.short.is_empty());
    let b = everyone(1, 2, |_, _| true);
    assert_eq!(b.short, [Shortfall { entry: 0, wanted: 1, eligible: 0 }]);
}

#[test]
fn two_hundred_and_ninety_entries_three_reviewers_fifteen_jurors() {
    // Two jurors each conflicted with a county's worth of entries.
    let a = k_reviewers(290, 15, 3, |e, j| (j == 3 && e < 26) || (j == 9 && (100..120).contains(&e)));
    assert_eq!(a.pairs.len(), 870);
    assert!(a.balanced(), "{:?}", a.loads);
    assert_eq!(a.loads.iter().sum::<usize>(), 870);
    assert!(a.loads.iter().all(|&l| l == 58), "{:?}", a.loads);
    assert!(!a.pairs.iter().any(|&(e, j)| (j == 3 && e < 26) || (j == 9 && (100..120).contains(&e))));
}

#[test]
fn an_entry_with_too_few_free_jurors_is_named() {
    let a = k_reviewers(2, 3, 2, |e, j| e == 0 && j > 0);
    assert_eq!(a.short, [Shortfall { entry: 0, wanted: 2, eligible: 1 }]);
    assert_eq!(reviewers_of(&a, 0), 1);
    assert_eq!(reviewers_of(&a, 1), 2);
}

#[test]
fn no_jurors_means_every_entry_is_short() {
    let a = k_reviewers(2, 0, 1, |_, _| false);
    assert!(a.pairs.is_empty());
    assert_eq!(a.short.len(), 2);
}

proptest! {
    #[test]
    fn conflicts_are_never_assigned_and_each_entry_gets_what_it_can((entries, jurors, k, conflicts) in instance(40, 12)) {
        let conflicted = |e: usize, j: usize| conflicts[e * jurors + j];
        let a = k_reviewers(entries, jurors, k, conflicted);
        let mut seen = std::collections::HashSet::new();
        for &(e, j) in &a.pairs {
            prop_assert!(!conflicted(e, j));
            prop_assert!(seen.insert((e, j)), "({}, {}) twice", e, j);
        }
        for e in 0..entries {
            let eligible = (0..jurors).filter(|&j| !conflicted(e, j)).count();
            prop_assert_eq!(reviewers_of(&a, e), k.min(eligible));
            prop_assert_eq!(a.short.iter().any(|s| s.entry == e), eligible < k);
        }
    }

    #[test]
    fn without_conflicts_loads_are_within_one((entries, jurors, k, _) in instance(60, 15)) {
        let a = k_reviewers(entries, jurors, k, |_, _| false);
        prop_assert!(a.balanced(), "{:?}", a.loads);
        prop_assert_eq!(a.pairs.len(), entries * k);
    }

    #[test]
    fn the_largest_load_is_the_least_possible_and_balance_is_found_when_it_exists(
        (entries, jurors, k, conflicts) in instance(5, 4)
    ) {
        let conflicted = |e: usize, j: usize| conflicts[e * jurors + j];
        let a = k_reviewers(entries, jurors, k, conflicted);
        let (least_max, can_balance) = brute_force(entries, jurors, k, &conflicted);
        prop_assert_eq!(*a.loads.iter().max().unwrap_or(&0), least_max);
        prop_assert_eq!(a.balanced(), can_balance, "{:?}", a.loads);
    }
}
