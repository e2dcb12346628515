//! Least-squares fit of the additive model `score = quality(entry) + leniency(juror) + noise`
//! over an incomplete score matrix, by alternating least squares: holding the leniencies, each
//! entry's quality is the mean of its leniency-corrected scores; holding the qualities, each
//! juror's leniency is the (ridge-shrunk) mean of their residuals. Each step lowers the
//! squared error, so it converges; on a full matrix it is exact after two rounds. Leniencies
//! sum to zero within each connected group of jurors (see `Groups`), which both pins the model
//! down and keeps the adjusted scores on the raw 0–1 scale.
//!
//! A jury is small (a few to a few dozen jurors), so the fit is usually solved directly instead
//! (`direct`): with each entry's quality written as the mean of its corrected scores, what is
//! left is a quadratic in the leniencies alone, one unknown per slot, solved exactly with the
//! groups' constraints as a linear system. On a sparse design (three reviewers per entry) the
//! rounds crawl; the direct solve does not. The rounds remain for dense designs (every juror
//! reads most entries), where they settle in a few steps, and for juries too large for a
//! dense solve.

use super::Review;

const MAX_ROUNDS: usize = 2_000;
/// Up to this many slots the fit is solved directly (`direct`, cubic in the slots); beyond it
/// the rounds' cost, linear in the reviews, is the smaller.
const DIRECT_MAX_SLOTS: usize = 48;
/// Above this many reviewers per entry on average a design counts as dense (see `Data::dense`).
const DENSE_READERS: usize = 6;
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
    /// Whether entries have many reviewers each (more than `DENSE_READERS` on average): the
    /// rounds then settle in a few steps, and the direct solve's cost, which grows with the
    /// square of the reviewers per entry, is the larger.
    dense: bool,
    /// Per juror (when there are at most 64): the jurors who reviewed an entry in common with
    /// them, as bits (a juror with reviews is linked to themself). The bootstrap's thousand
    /// fits find their groups from these, not from every review.
    links: Vec<u64>,
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
        let pairs: usize = by_entry.iter().map(|r| r.len() * r.len()).sum();
        let reviews: usize = by_entry.iter().map(Vec::len).sum();
        let dense = pairs > DENSE_READERS * reviews;
        let mut links = if jurors <= 64 { vec![0u64; jurors] } else { Vec::new() };
        if !links.is_empty() {
            for readers in &by_entry {
                let mask = readers.iter().fold(0u64, |m, &(j, _)| m | 1 << j);
                for &(j, _) in readers {
                    links[j] |= mask;
                }
            }
        }
        Data { entries, by_juror, by_entry, dense, links }
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
        if !self.dense
            && slots.len() <= DIRECT_MAX_SLOTS
            && let Some(fit) = self.direct(slots, ridge)
        {
            return fit;
        }
        self.rounds(slots, ridge, warm, tolerance)
    }

    /// The fit by alternating rounds until no leniency moves more than `tolerance`.
    pub(crate) fn rounds(&self, slots: &[usize], ridge: f64, warm: Option<&[f64]>, tolerance: f64) -> Fit {
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
    /// The exact fit, solved as one linear system; `None` if the system is singular (it is not
    /// for a valid design: the groups' constraints remove the one free direction per group).
    ///
    /// With `q_e` the mean of `y − l_s` over entry e's reviews, the squared error is
    /// `Σ_e Σ_(s,y) ((y − ȳ_e) − (l_s − l̄_e))² + ridge·|l|²`, whose minimum under
    /// `Σ_(s in g) l_s = 0` for each group g solves
    /// `[A Gᵀ; G 0] [l; μ] = [b; 0]` with `A = Σ_e (diag(c_e) − c_e c_eᵀ / n_e) + ridge·I`
    /// (`c_e` marks the slots that reviewed e, `n_e` their number) and
    /// `b_s = Σ_(e,y) reviewed by s (y − ȳ_e)`.
    pub(crate) fn direct(&self, slots: &[usize], ridge: f64) -> Option<Fit> {
        let groups = Groups::of(self, slots);
        let n = slots.len();
        // Each entry's reviews in this fit, as (slot, score), laid out entry by entry.
        let mut start = vec![0usize; self.entries + 1];
        for &juror in slots {
            for &(e, _) in &self.by_juror[juror] {
                start[e + 1] += 1;
            }
        }
        for e in 0..self.entries {
            start[e + 1] += start[e];
        }
        let mut fill = start.clone();
        let mut reviews = vec![(0usize, 0.0f64); start[self.entries]];
        for (slot, &juror) in slots.iter().enumerate() {
            for &(e, y) in &self.by_juror[juror] {
                reviews[fill[e]] = (slot, y);
                fill[e] += 1;
            }
        }
        let size = n + groups.count;
        let mut system = vec![0.0; size * (size + 1)];
        let at = |row: usize, col: usize| row * (size + 1) + col;
        for slot in 0..n {
            system[at(slot, slot)] = ridge;
            let group = n + groups.of_slot[slot];
            system[at(slot, group)] = 1.0;
            system[at(group, slot)] = 1.0;
        }
        for e in 0..self.entries {
            let of_entry = &reviews[start[e]..start[e + 1]];
            if of_entry.is_empty() {
                continue;
            }
            let share = 1.0 / of_entry.len() as f64;
            let mean = of_entry.iter().map(|&(_, y)| y).sum::<f64>() * share;
            for &(s, y) in of_entry {
                system[at(s, s)] += 1.0;
                system[at(s, size)] += y - mean;
                for &(t, _) in of_entry {
                    system[at(s, t)] -= share;
                }
            }
        }
        let solution = solve(&mut system, size)?;
        let leniency = solution[..n].to_vec();
        let quality = (0..self.entries)
            .map(|e| {
                let of_entry = &reviews[start[e]..start[e + 1]];
                if of_entry.is_empty() {
                    return f64::NAN;
                }
                of_entry.iter().map(|&(s, y)| y - leniency[s]).sum::<f64>() / of_entry.len() as f64
            })
            .collect();
        Some(Fit { quality, leniency })
    }
}

/// Solves the `size`×`size` system held row by row in `augmented` (each row its coefficients,
/// then its right-hand side) by Gaussian elimination with partial pivoting. `None` when a pivot
/// vanishes.
fn solve(augmented: &mut [f64], size: usize) -> Option<Vec<f64>> {
    let width = size + 1;
    let scale = augmented.iter().fold(0.0f64, |m, v| m.max(v.abs())).max(1.0);
    for col in 0..size {
        let pivot = (col..size)
            .max_by(|&a, &b| augmented[a * width + col].abs().total_cmp(&augmented[b * width + col].abs()))?;
        if augmented[pivot * width + col].abs() <= scale * 1e-12 {
            return None;
        }
        if pivot != col {
            for k in 0..width {
                augmented.swap(pivot * width + k, col * width + k);
            }
        }
        let head = augmented[col * width + col];
        for row in col + 1..size {
            let factor = augmented[row * width + col] / head;
            if factor != 0.0 {
                for k in col..width {
                    augmented[row * width + k] -= factor * augmented[col * width + k];
                }
            }
        }
    }
    let mut x = vec![0.0; size];
    for row in (0..size).rev() {
        let tail: f64 = (row + 1..size).map(|k| augmented[row * width + k] * x[k]).sum();
        x[row] = (augmented[row * width + size] - tail) / augmented[row * width + row];
    }
    Some(x)
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
        if data.links.is_empty() {
            Self::link_by_reviews(data, slots, &mut parent);
        } else {
            for (a, &ja) in slots.iter().enumerate() {
                for (b, &jb) in slots.iter().enumerate().skip(a + 1) {
                    if data.links[ja] >> jb & 1 == 1 {
                        let (ra, rb) = (Self::find(&mut parent, a), Self::find(&mut parent, b));
                        parent[ra.max(rb)] = ra.min(rb);
                    }
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

    /// Links slots whose jurors reviewed a common entry, entry by entry (for juries too large
    /// for `Data::links`).
    fn link_by_reviews(data: &Data, slots: &[usize], parent: &mut [usize]) {
        let mut first_reader = vec![usize::MAX; data.entries];
        for (slot, &juror) in slots.iter().enumerate() {
            for &(e, _) in &data.by_juror[juror] {
                if first_reader[e] == usize::MAX {
                    first_reader[e] = slot;
                } else {
                    let (a, b) = (Self::find(parent, first_reader[e]), Self::find(parent, slot));
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// The groups found from the jurors' links are those found from every review.
        #[test]
        fn groups_from_links_are_groups_from_reviews(
            cells in prop::collection::vec(any::<bool>(), 12 * 8),
            draws in prop::collection::vec(0usize..8, 1..12),
        ) {
            let reviews: Vec<Review> = cells
                .iter()
                .enumerate()
                .filter(|(_, seen)| **seen)
                .map(|(i, _)| Review { entry: i / 8, juror: i % 8, score: 0.5 })
                .collect();
            let data = Data::new(12, 8, &reviews);
            let by_links = Groups::of(&data, &draws);
            let mut parent: Vec<usize> = (0..draws.len()).collect();
            Groups::link_by_reviews(&data, &draws, &mut parent);
            for a in 0..draws.len() {
                for b in 0..draws.len() {
                    let together = Groups::find(&mut parent, a) == Groups::find(&mut parent, b);
                    prop_assert_eq!(by_links.of_slot[a] == by_links.of_slot[b], together);
                }
            }
        }
    }
}
