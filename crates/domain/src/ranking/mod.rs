//! The jury's ranking of entries: a raw weighted mean, a juror-adjusted score that corrects for
//! harsh and lenient jurors, and bootstrap intervals that say how sure the ranking is.
//!
//! Pure computation over submitted reviews; the caller has already left out conflicted jurors
//! (a conflicted juror has no review of the entry, so nothing here can leak through them).
//!
//! The model: a review's score `y = quality(entry) + leniency(juror) + noise`, fitted by least
//! squares over the incomplete entry × juror matrix (see `fit.rs`). Leniencies are centred on
//! zero so the adjusted score stays on the same 0–1 scale as the raw mean. A small ridge term
//! shrinks the leniency of a juror with few reviews towards zero, so one review cannot make a
//! juror look harsh. Uncertainty comes from resampling jurors with replacement (`bootstrap.rs`):
//! the question it answers is "would a similar jury have ranked these entries the same way?".

mod bootstrap;
mod fit;
mod rng;
pub use rng::SplitMix64;
#[cfg(test)]
mod tests;

use crate::criterion::Criterion;

/// One juror's submitted review of one entry, its criteria already combined by [`combine`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Review {
    pub entry: usize,
    pub juror: usize,
    /// In 0–1: 0 is every criterion at the bottom of its scale, 1 every one at the top.
    pub score: f64,
}

/// Combines one review's per-criterion scores into its weighted mean on 0–1; each score is
/// first placed on its own criterion's scale. `None` when a score is missing or off its scale.
pub fn combine(criteria: &[Criterion], scores: &[u8]) -> Option<f64> {
    if criteria.is_empty() || criteria.len() != scores.len() {
        return None;
    }
    let mut sum = 0.0;
    let mut weights = 0.0;
    for (c, &s) in criteria.iter().zip(scores) {
        if s < c.scale_min || s > c.scale_max || c.scale_max <= c.scale_min {
            return None;
        }
        let w = f64::from(c.weight);
        sum += w * f64::from(s - c.scale_min) / f64::from(c.scale_max - c.scale_min);
        weights += w;
    }
    (weights > 0.0).then(|| sum / weights)
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// How many entries the shortlist takes: the cut whose ties are warned about.
    pub top_k: usize,
    /// Bootstrap resamples; 0 turns the intervals off (they then equal the point estimate).
    pub resamples: usize,
    /// Shrinks juror leniency towards zero: acts like this many extra reviews at leniency 0.
    pub ridge: f64,
    /// Coverage of the intervals, e.g. 0.9 for the 5th–95th percentile.
    pub coverage: f64,
    /// The resampling is seeded so the same scores always give the same page.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options { top_k: 5, resamples: 1000, ridge: 1.0, coverage: 0.9, seed: 0x6a75_7279_6e21 }
    }
}

/// One entry's line in the ranking, for entries with at least one review.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub entry: usize,
    pub reviews: usize,
    /// Weighted mean of the entry's review scores, 0–1.
    pub raw_mean: f64,
    /// Place by raw mean (1 = best).
    pub raw_rank: usize,
    /// The entry's quality in the additive model, 0–1 give or take the leniency correction.
    pub adjusted: f64,
    /// Place by adjusted score (1 = best); the ranking's rows are in this order.
    pub rank: usize,
    /// Bootstrap interval of the adjusted score.
    pub adjusted_interval: (f64, f64),
    /// Bootstrap interval of the place.
    pub rank_interval: (usize, usize),
    /// Share of the resamples (in which the entry had a review) that put it in the top k.
    pub p_top_k: f64,
    /// Standard deviation of the reviews once each juror's leniency is taken out; `None` below
    /// two reviews. High means the jurors read the entry differently: worth discussing.
    pub disagreement: Option<f64>,
}

/// A juror's estimated leniency: positive scores above the jury, negative below.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct JurorEffect {
    pub juror: usize,
    pub reviews: usize,
    pub leniency: f64,
}

/// The shortlist cut falls where the data cannot tell the entries apart.
#[derive(Debug, Clone, PartialEq)]
pub struct CutTie {
    /// The last place on the shortlist (k): the tie is "at place k/k+1".
    pub place: usize,
    /// Entries whose place interval straddles the cut, best first.
    pub entries: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// Best first.
    pub rows: Vec<Ranked>,
    /// Entries nobody has reviewed yet, in index order.
    pub unreviewed: Vec<usize>,
    /// Jurors with at least one review, in index order.
    pub jurors: Vec<JurorEffect>,
    pub cut_tie: Option<CutTie>,
}

/// Ranks `entries` entries from the reviews of `jurors` jurors. Reviews naming an entry or
/// juror out of range, or with a score that is not a finite number, are ignored.
pub fn rank(entries: usize, jurors: usize, reviews: &[Review], options: &Options) -> Ranking {
    let data = fit::Data::new(entries, jurors, reviews);
    let everyone: Vec<usize> = data.active_jurors();
    let point = data.fit(&everyone, options.ridge, None, fit::EXACT);
    let leniency = point.leniency_by_juror(&everyone, data.jurors());

    let mut rows: Vec<Ranked> = (0..entries)
        .filter(|&e| data.reviews_of_entry(e) > 0)
        .map(|e| Ranked {
            entry: e,
            reviews: data.reviews_of_entry(e),
            raw_mean: data.raw_mean(e),
            raw_rank: 0,
            adjusted: point.quality[e],
            rank: 0,
            adjusted_interval: (point.quality[e], point.quality[e]),
            rank_interval: (0, 0),
            p_top_k: 0.0,
            disagreement: data.disagreement(e, point.quality[e], &leniency),
        })
        .collect();
    let unreviewed = (0..entries).filter(|&e| data.reviews_of_entry(e) == 0).collect();

    rows.sort_by(|a, b| b.raw_mean.total_cmp(&a.raw_mean).then(a.entry.cmp(&b.entry)));
    for (i, row) in rows.iter_mut().enumerate() {
        row.raw_rank = i + 1;
    }
    rows.sort_by(|a, b| {
        b.adjusted.total_cmp(&a.adjusted).then(b.raw_mean.total_cmp(&a.raw_mean)).then(a.entry.cmp(&b.entry))
    });
    for (i, row) in rows.iter_mut().enumerate() {
        row.rank = i + 1;
        row.rank_interval = (i + 1, i + 1);
        row.p_top_k = if i < options.top_k { 1.0 } else { 0.0 };
    }

    if options.resamples > 0 && !everyone.is_empty() {
        let spread = bootstrap::run(&data, &everyone, &leniency, options);
        for row in &mut rows {
            let s = &spread[row.entry];
            if let Some(summary) = s {
                row.adjusted_interval = summary.score;
                row.rank_interval = summary.rank;
                row.p_top_k = summary.p_top_k;
            }
        }
    }

    let cut_tie = cut_tie(&rows, options.top_k);
    let jurors = everyone
        .iter()
        .map(|&j| JurorEffect { juror: j, reviews: data.reviews_of_juror(j), leniency: leniency[j] })
        .collect();
    Ranking { rows, unreviewed, jurors, cut_tie }
}

/// Warns when the k-th and (k+1)-th entries' score intervals overlap: the cut is a coin toss.
fn cut_tie(rows: &[Ranked], k: usize) -> Option<CutTie> {
    if k == 0 || rows.len() <= k {
        return None;
    }
    let (last_in, first_out) = (&rows[k - 1], &rows[k]);
    if last_in.adjusted_interval.0 > first_out.adjusted_interval.1 {
        return None;
    }
    let entries = rows
        .iter()
        .filter(|r| {
            r.entry == last_in.entry
                || r.entry == first_out.entry
                || (r.rank_interval.0 <= k && r.rank_interval.1 > k)
        })
        .map(|r| r.entry)
        .collect();
    Some(CutTie { place: k, entries })
}
