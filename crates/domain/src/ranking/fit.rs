//! Least-squares fit of the additive model `score = quality(entry) + leniency(juror) + noise`
//! over an incomplete score matrix, by alternating least squares: holding the leniencies, each
//! entry's quality is the mean of its leniency-corrected scores; holding the qualities, each
//! juror's leniency is the (ridge-shrunk) mean of their residuals. Each step lowers the
//! squared error, so it converges; on a full matrix it is exact after two rounds. Leniencies
//! sum to zero within each connected group of jurors (see `Groups`), which both pins the model
//! down and keeps the adjusted scores on the raw 0–1 scale.

use super::Review;

const MAX_ROUNDS: usize = 2_000;
/// Scores are on 0–1; a leniency that moves less than this is settled.
pub(crate) const EXACT: f64 = 1e-9;
/// Good enough for a bootstrap percentile (1e-4 on 0–1 is a hundredth of a point on the page's
/// 0–100), and far quicker to reach on a sparse design, where the rounds converge slowly.
pub(crate) const ROUGH: f64 = 1e-4;

/// The reviews, indexed both ways.
pub(crate) struct Data {
    pub(crate) entries: usize,
    /// Per juror: (entry, score).
    by_juror: Vec<Vec<(usize, f64)>>,
    /// Per entry: (juror, score).
    by_entry: Vec<Vec<(usize, f64)>>,
}

/// A fitted model. Leniencies are per slot (a juror drawn twice in a resample fills two slots)
/// and centred on zero; entries without a review in the fit have quality NaN.
pub(crate) struct Fit {
    pub(crate) quality: Vec<f64>,
    pub(crate) leniency: Vec<f64>,
}

impl Data {
    pub(crate) fn new(entries: usize, jurors: usize, reviews: &[Review]) -> Data {
        let mut by_juror = vec![Vec::new(); jurors];
        let mut by_entry = vec![Vec::new(); entries];
        for r in reviews {
            if r.entry < entries && r.juror < jurors && r.score.is_finite() {
                by_juror[r.juror].push((r.entry, r.score));
                by_entry[r.entry].push((r.juror, r.score));
            }
        }
        Data { entries, by_juror, by_entry }
    }

    pub(crate) fn active_jurors(&self) -> Vec<usize> {
        (0..self.by_juror.len()).filter(|&j| !self.by_juror[j].is_empty()).collect()
    }

    pub(crate) fn reviews_of_entry(&self, entry: usize) -> usize {
        self.by_entry[entry].len()
    }

    pub(crate) fn jurors(&self) -> usize {
        self.by_juror.len()
    }

    pub(crate) fn reviews_of_juror(&self, juror: usize) -> usize {
        self.by_juror[juror].len()
    }

    pub(crate) fn raw_mean(&self, entry: usize) -> f64 {
        let scores = &self.by_entry[entry];
        scores.iter().map(|&(_, y)| y).sum::<f64>() / scores.len() as f64
    }

    /// Sample standard deviation of the entry's leniency-corrected scores around its quality.
    pub(crate) fn disagreement(&self, entry: usize, quality: f64, leniency: &[f64]) -> Option<f64> {
        let scores = &self.by_entry[entry];
        if scores.len() < 2 {
            return None;
        }
        let squares: f64 = scores.iter().map(|&(j, y)| (y - leniency[j] - quality).powi(2)).sum();
        Some((squares / (scores.len() - 1) as f64).sqrt())
    }

    /// Fits the model to the reviews of the jurors in `slots`, starting from the leniencies in
    /// `warm` (one per slot) when given: the bootstrap starts near the answer and settles fast.
    pub(crate) fn fit(&self, slots: &[usize], ridge: f64, warm: Option<&[f64]>, tolerance: f64) -> Fit {
        let mut leniency = match warm {
            Some(w) => w.to_vec(),
            None => vec![0.0; slots.len()],
        };
        let mut quality = vec![f64::NAN; self.entries];
        let mut sums = vec![0.0; self.entries];
        let mut counts = vec![0u32; self.entries];
        let groups = Groups::of(self, slots);
        for _ in 0..MAX_ROUNDS {
            self.update_quality(slots, &leniency, &mut quality, &mut sums, &mut counts);
            if self.update_leniency(slots, &groups, ridge, &quality, &mut leniency) < tolerance {
                break;
            }
        }
        self.update_quality(slots, &leniency, &mut quality, &mut sums, &mut counts);
        Fit { quality, leniency }
    }

    fn update_quality(
        &self,
        slots: &[usize],
        leniency: &[f64],
        quality: &mut [f64],
        sums: &mut [f64],
        counts: &mut [u32],
    ) {
        sums.fill(0.0);
        counts.fill(0);
        for (slot, &juror) in slots.iter().enumerate() {
            for &(e, y) in &self.by_juror[juror] {
                sums[e] += y - leniency[slot];
                counts[e] += 1;
            }
        }
        for e in 0..self.entries {
            quality[e] = if counts[e] > 0 { sums[e] / f64::from(counts[e]) } else { f64::NAN };
        }
    }
}

impl Data {
    /// The leniencies that best fit the residuals under the constraint that they sum to zero in
    /// each group: `l = (R - mu) / (n + ridge)` with the multiplier `mu` chosen per group to make
    /// the group's sum zero. Without the constraint, moving a constant from the entries to the jurors costs nothing
    /// but the ridge term, and the rounds would crawl along that direction for thousands of
    /// steps; with it, the fit settles in a handful. Returns the largest change.
    fn update_leniency(
        &self,
        slots: &[usize],
        groups: &Groups,
        ridge: f64,
        quality: &[f64],
        leniency: &mut [f64],
    ) -> f64 {
        let parts: Vec<(f64, f64)> = slots
            .iter()
            .map(|&juror| {
                let reviews = &self.by_juror[juror];
                let residual: f64 = reviews.iter().map(|&(e, y)| y - quality[e]).sum();
                (residual, reviews.len() as f64 + ridge)
            })
            .collect();
        let mut weighted = vec![(0.0, 0.0); groups.count];
        for (&(residual, denominator), &group) in parts.iter().zip(&groups.of_slot) {
            weighted[group].0 += residual / denominator;
            weighted[group].1 += 1.0 / denominator;
        }
        let mut change: f64 = 0.0;
        for ((l, &(residual, denominator)), &group) in leniency.iter_mut().zip(&parts).zip(&groups.of_slot) {
            let (sum, weights) = weighted[group];
            let mu = if weights > 0.0 { sum / weights } else { 0.0 };
            let next = (residual - mu) / denominator;
            change = change.max((next - *l).abs());
            *l = next;
        }
        change
    }
}

/// The connected groups of a fit: slots are linked when their jurors reviewed a common entry.
/// Between two groups the scores say nothing about who is harsher, so leniencies sum to zero
/// within each group: unlinked juries are taken to be equally lenient on average.
struct Groups {
    count: usize,
    of_slot: Vec<usize>,
}

impl Groups {
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }

    fn of(data: &Data, slots: &[usize]) -> Groups {
        let mut parent: Vec<usize> = (0..slots.len()).collect();
        let mut first_reader = vec![usize::MAX; data.entries];
        for (slot, &juror) in slots.iter().enumerate() {
            for &(e, _) in &data.by_juror[juror] {
                if first_reader[e] == usize::MAX {
                    first_reader[e] = slot;
                } else {
                    let (a, b) = (Self::find(&mut parent, first_reader[e]), Self::find(&mut parent, slot));
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
        let mut number = vec![usize::MAX; slots.len()];
        let mut count = 0;
        let of_slot = (0..slots.len())
            .map(|slot| {
                let root = Self::find(&mut parent, slot);
                if number[root] == usize::MAX {
                    number[root] = count;
                    count += 1;
                }
                number[root]
            })
            .collect();
        Groups { count, of_slot }
    }
}

impl Fit {
    /// The leniency of each juror by juror index (0 for jurors not in `slots`). Only the full
    /// fit is read this way, where each juror fills exactly one slot.
    pub(crate) fn leniency_by_juror(&self, slots: &[usize], jurors: usize) -> Vec<f64> {
        let mut by_juror = vec![0.0; jurors];
        for (slot, &juror) in slots.iter().enumerate() {
            by_juror[juror] = self.leniency[slot];
        }
        by_juror
    }
}
