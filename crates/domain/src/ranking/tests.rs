use proptest::prelude::*;

use super::*;
use crate::lang::LocalizedText;

fn criterion(min: u8, max: u8, weight: u16) -> Criterion {
    Criterion {
        name: LocalizedText::new("Demokrati", "Democracy"),
        description: LocalizedText::default(),
        scale_min: min,
        scale_max: max,
        weight,
        labels: vec![],
    }
}

/// Every juror scores every entry: `quality[e] + leniency[j]`, no noise.
fn additive(quality: &[f64], leniency: &[f64]) -> Vec<Review> {
    let mut reviews = Vec::new();
    for (e, q) in quality.iter().enumerate() {
        for (j, l) in leniency.iter().enumerate() {
            reviews.push(Review { entry: e, juror: j, score: q + l });
        }
    }
    reviews
}

fn exact() -> Options {
    Options { ridge: 0.0, resamples: 0, ..Options::default() }
}

#[test]
fn combine_weights_each_criterion_on_its_own_scale() {
    let criteria = [criterion(1, 5, 2), criterion(0, 10, 1)];
    // (5-1)/4 = 1.0 with weight 2, 0/10 = 0.0 with weight 1.
    assert_eq!(combine(&criteria, &[5, 0]), Some(2.0 / 3.0));
    assert_eq!(combine(&criteria, &[1, 10]), Some(1.0 / 3.0));
}

#[test]
fn combine_refuses_what_is_off_the_scale_or_missing() {
    let criteria = [criterion(1, 5, 1), criterion(1, 5, 1)];
    assert_eq!(combine(&criteria, &[0, 3]), None);
    assert_eq!(combine(&criteria, &[6, 3]), None);
    assert_eq!(combine(&criteria, &[3]), None);
    assert_eq!(combine(&[], &[]), None);
}

#[test]
fn a_harsh_juror_who_read_only_the_best_entries_no_longer_sinks_them() {
    // Entries 0 and 1 are truly the best (0.8, 0.7), but the harsh juror 2 (−0.45) read only
    // them; entries 2 and 3 (0.6, 0.5) were read by the two fair jurors only. Raw means put
    // the weaker entries on top; the adjusted score puts them back in order.
    let truth = [0.8, 0.7, 0.6, 0.5];
    let mut reviews = Vec::new();
    for (e, q) in truth.iter().enumerate() {
        for j in 0..2 {
            reviews.push(Review { entry: e, juror: j, score: *q });
        }
    }
    for (e, q) in truth.iter().enumerate().take(2) {
        reviews.push(Review { entry: e, juror: 2, score: q - 0.45 });
    }
    let ranking = rank(4, 3, &reviews, &Options { top_k: 2, ..exact() });
    let raw_order: Vec<usize> = {
        let mut rows = ranking.rows.clone();
        rows.sort_by_key(|r| r.raw_rank);
        rows.iter().map(|r| r.entry).collect()
    };
    assert_eq!(raw_order, [0, 2, 1, 3]);
    let adjusted_order: Vec<usize> = ranking.rows.iter().map(|r| r.entry).collect();
    assert_eq!(adjusted_order, [0, 1, 2, 3]);
    let harsh = ranking.jurors.iter().find(|j| j.juror == 2).expect("juror 2");
    assert!(harsh.leniency < -0.25, "{harsh:?}");
}

#[test]
fn an_unreviewed_entry_is_listed_apart_and_an_idle_juror_is_not_fitted() {
    let reviews = [Review { entry: 0, juror: 0, score: 0.5 }, Review { entry: 2, juror: 0, score: 0.7 }];
    let ranking = rank(3, 2, &reviews, &Options::default());
    assert_eq!(ranking.unreviewed, [1]);
    assert_eq!(ranking.rows.len(), 2);
    assert_eq!(ranking.jurors.len(), 1);
    assert_eq!(ranking.rows[0].disagreement, None);
}

#[test]
fn reviews_out_of_range_or_not_a_number_are_ignored() {
    let reviews = [
        Review { entry: 0, juror: 0, score: 0.5 },
        Review { entry: 5, juror: 0, score: 0.9 },
        Review { entry: 0, juror: 9, score: 0.9 },
        Review { entry: 0, juror: 0, score: f64::NAN },
    ];
    let ranking = rank(1, 1, &reviews, &Options::default());
    assert_eq!(ranking.rows[0].reviews, 1);
    assert_eq!(ranking.rows[0].raw_mean, 0.5);
}

#[test]
fn a_clear_winner_is_no_tie_but_near_equal_entries_at_the_cut_are() {
    // Ten jurors with noise; the entries are far apart except 1 and 2, at places 2 and 3.
    let mut reviews = Vec::new();
    let quality = [0.9, 0.6, 0.59, 0.2];
    for j in 0..10 {
        let wobble = [0.05, -0.05, 0.03, -0.03, 0.0, 0.04, -0.04, 0.02, -0.02, 0.01][j];
        for (e, q) in quality.iter().enumerate() {
            let sign = if (e + j) % 2 == 0 { 1.0 } else { -1.0 };
            reviews.push(Review { entry: e, juror: j, score: q + sign * wobble });
        }
    }
    let tie = rank(4, 10, &reviews, &Options { top_k: 2, ..Options::default() });
    let cut = tie.cut_tie.expect("places 2 and 3 are a tie");
    assert_eq!(cut.place, 2);
    assert!(cut.entries.contains(&1) && cut.entries.contains(&2), "{cut:?}");
    assert!(!cut.entries.contains(&0) && !cut.entries.contains(&3), "{cut:?}");
    let clear = rank(4, 10, &reviews, &Options { top_k: 1, ..Options::default() });
    assert_eq!(clear.cut_tie, None);
    assert_eq!(clear.rows[0].p_top_k, 1.0);
}

fn matrix() -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    (2usize..12, 2usize..7).prop_flat_map(|(entries, jurors)| {
        (prop::collection::vec(0.2f64..0.8, entries), prop::collection::vec(-0.2f64..0.2, jurors))
    })
}

/// A random incomplete design: each juror reviews a random, non-empty subset, with noise.
fn sparse() -> impl Strategy<Value = (usize, usize, Vec<Review>)> {
    (2usize..15, 2usize..8).prop_flat_map(|(entries, jurors)| {
        prop::collection::vec((any::<bool>(), 0.0f64..1.0), entries * jurors).prop_map(move |cells| {
            let reviews = cells
                .iter()
                .enumerate()
                .filter(|(_, (seen, _))| *seen)
                .map(|(i, (_, score))| Review { entry: i / jurors, juror: i % jurors, score: *score })
                .collect();
            (entries, jurors, reviews)
        })
    })
}

proptest! {
    #[test]
    fn an_exact_additive_matrix_gives_back_quality_and_leniency((quality, leniency) in matrix()) {
        let ranking = rank(quality.len(), leniency.len(), &additive(&quality, &leniency), &exact());
        let mean_leniency = leniency.iter().sum::<f64>() / leniency.len() as f64;
        for row in &ranking.rows {
            prop_assert!((row.adjusted - (quality[row.entry] + mean_leniency)).abs() < 1e-6);
        }
        for j in &ranking.jurors {
            prop_assert!((j.leniency - (leniency[j.juror] - mean_leniency)).abs() < 1e-6);
        }
    }

    #[test]
    fn shifting_one_jurors_scores_changes_no_adjusted_gap((quality, leniency) in matrix(), shift in -0.3f64..0.3) {
        let mut shifted = leniency.clone();
        shifted[0] += shift;
        let before = rank(quality.len(), leniency.len(), &additive(&quality, &leniency), &exact());
        let after = rank(quality.len(), leniency.len(), &additive(&quality, &shifted), &exact());
        let gap = |r: &Ranking, a: usize, b: usize| {
            let at = |e: usize| r.rows.iter().find(|x| x.entry == e).map(|x| x.adjusted).unwrap_or(f64::NAN);
            at(a) - at(b)
        };
        for e in 1..quality.len() {
            prop_assert!((gap(&before, e, 0) - gap(&after, e, 0)).abs() < 1e-6);
        }
    }

    #[test]
    fn leniencies_are_centred_and_places_run_one_to_n((entries, jurors, reviews) in sparse(), ridge in 0.0f64..3.0) {
        let ranking = rank(entries, jurors, &reviews, &Options { ridge, resamples: 50, ..Options::default() });
        if !ranking.jurors.is_empty() {
            let mean = ranking.jurors.iter().map(|j| j.leniency).sum::<f64>() / ranking.jurors.len() as f64;
            prop_assert!(mean.abs() < 1e-9);
        }
        prop_assert_eq!(ranking.rows.len() + ranking.unreviewed.len(), entries);
        for (i, row) in ranking.rows.iter().enumerate() {
            prop_assert_eq!(row.rank, i + 1);
            prop_assert!(row.adjusted.is_finite());
            prop_assert!(row.adjusted_interval.0 <= row.adjusted_interval.1);
            prop_assert!(1 <= row.rank_interval.0 && row.rank_interval.0 <= row.rank_interval.1);
            prop_assert!(row.rank_interval.1 <= ranking.rows.len());
            prop_assert!((0.0..=1.0).contains(&row.p_top_k));
            prop_assert!(row.disagreement.is_none_or(|d| d >= 0.0));
        }
        let mut raw: Vec<usize> = ranking.rows.iter().map(|r| r.raw_rank).collect();
        raw.sort_unstable();
        prop_assert_eq!(raw, (1..=ranking.rows.len()).collect::<Vec<_>>());
    }

    #[test]
    fn on_a_full_matrix_the_top_k_shares_add_up_to_k((quality, leniency) in matrix(), k in 1usize..4, noise in prop::collection::vec(-0.05f64..0.05, 100)) {
        let mut reviews = additive(&quality, &leniency);
        for (r, n) in reviews.iter_mut().zip(noise.iter().cycle()) {
            r.score += n;
        }
        let ranking = rank(quality.len(), leniency.len(), &reviews, &Options { top_k: k, resamples: 200, ..Options::default() });
        let total: f64 = ranking.rows.iter().map(|r| r.p_top_k).sum();
        prop_assert!((total - k.min(quality.len()) as f64).abs() < 1e-9, "{}", total);
    }

    #[test]
    fn the_same_scores_and_seed_give_the_same_ranking((entries, jurors, reviews) in sparse()) {
        let options = Options { resamples: 100, ..Options::default() };
        prop_assert_eq!(rank(entries, jurors, &reviews, &options), rank(entries, jurors, &reviews, &options));
    }

    #[test]
    fn the_order_reviews_arrive_in_does_not_matter((entries, jurors, reviews) in sparse()) {
        let mut reversed = reviews.clone();
        reversed.reverse();
        let a = rank(entries, jurors, &reviews, &exact());
        let b = rank(entries, jurors, &reversed, &exact());
        prop_assert_eq!(a.rows.len(), b.rows.len());
        for (x, y) in a.rows.iter().zip(&b.rows) {
            prop_assert!((x.adjusted - y.adjusted).abs() < 1e-6);
            prop_assert!((x.raw_mean - y.raw_mean).abs() < 1e-12);
        }
    }
}

/// Least-squares optimality, checked from the outside: with leniencies summing to zero, every
/// entry's residuals sum to zero and every juror's residuals sum to the same multiplier.
fn residual_sums(
    ranking: &Ranking,
    reviews: &[Review],
    entries: usize,
    jurors: usize,
) -> (Vec<f64>, Vec<f64>) {
    let quality: Vec<f64> = {
        let mut q = vec![f64::NAN; entries];
        ranking.rows.iter().for_each(|r| q[r.entry] = r.adjusted);
        q
    };
    let mut leniency = vec![0.0; jurors];
    ranking.jurors.iter().for_each(|j| leniency[j.juror] = j.leniency);
    let (mut by_entry, mut by_juror) = (vec![0.0; entries], vec![0.0; jurors]);
    for r in reviews {
        let residual = r.score - quality[r.entry] - leniency[r.juror];
        by_entry[r.entry] += residual;
        by_juror[r.juror] += residual;
    }
    (by_entry, by_juror)
}

proptest! {
    #[test]
    fn a_sparse_linked_design_is_fitted_to_its_least_squares_optimum((entries, jurors, mut reviews) in sparse()) {
        // Every juror also reads entry 0, which links them all into one group.
        reviews.retain(|r| r.entry != 0);
        reviews.extend((0..jurors).map(|j| Review { entry: 0, juror: j, score: 0.1 * j as f64 }));
        let ranking = rank(entries, jurors, &reviews, &exact());
        let (by_entry, by_juror) = residual_sums(&ranking, &reviews, entries, jurors);
        for sum in by_entry.iter().filter(|s| !s.is_nan()) {
            prop_assert!(sum.abs() < 1e-6, "{:?}", by_entry);
        }
        for sum in &by_juror {
            prop_assert!((sum - by_juror[0]).abs() < 1e-6, "{:?}", by_juror);
        }
    }

    #[test]
    fn two_juries_that_never_met_are_each_centred_on_their_own((quality, leniency) in matrix()) {
        // The same exact matrix twice over, on disjoint entries and jurors: each half's
        // leniencies come back centred within the half, and nothing is left unsettled.
        let (n, m) = (quality.len(), leniency.len());
        let mut reviews = additive(&quality, &leniency);
        reviews.extend(additive(&quality, &leniency).iter().map(|r| Review { entry: r.entry + n, juror: r.juror + m, score: r.score }));
        let ranking = rank(2 * n, 2 * m, &reviews, &exact());
        let mean = leniency.iter().sum::<f64>() / m as f64;
        for j in &ranking.jurors {
            prop_assert!((j.leniency - (leniency[j.juror % m] - mean)).abs() < 1e-6);
        }
    }
}

proptest! {
    /// The direct solve and the rounds find the same optimum: on any design, for any draw of
    /// jurors with repeats (a bootstrap resample) and any ridge, including juries that never met.
    #[test]
    fn the_direct_solve_agrees_with_the_rounds(
        (entries, jurors, reviews) in sparse(),
        draws in prop::collection::vec(0usize..64, 1..12),
        ridge in prop_oneof![Just(0.0f64), 0.0f64..3.0],
    ) {
        let data = fit::Data::new(entries, jurors, &reviews);
        let active = data.active_jurors();
        prop_assume!(!active.is_empty());
        let slots: Vec<usize> = draws.iter().map(|d| active[d % active.len()]).collect();
        let direct = data.direct(&slots, ridge).expect("a valid design is not singular");
        let rounds = data.rounds(&slots, ridge, None, 1e-12);
        for (a, b) in direct.leniency.iter().zip(&rounds.leniency) {
            prop_assert!((a - b).abs() < 1e-6, "leniency {a} vs {b}");
        }
        for (a, b) in direct.quality.iter().zip(&rounds.quality) {
            prop_assert!(a.is_nan() == b.is_nan() && (a.is_nan() || (a - b).abs() < 1e-6), "quality {a} vs {b}");
        }
    }
}
