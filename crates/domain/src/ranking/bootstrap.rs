//! Bootstrap over jurors: draw a jury of the same size from the real one with replacement,
//! refit, and see where each entry's score and place land. An entry none of whose reviewers was
//! drawn has no score in that resample and is left out of its statistics.

use super::Options;
use super::fit::{self, Data};
use super::rng::SplitMix64;

pub(crate) struct Spread {
    pub(crate) score: (f64, f64),
    pub(crate) rank: (usize, usize),
    pub(crate) p_top_k: f64,
}

/// One summary per entry; `None` for entries that had no score in any resample.
/// `leniency` is the full fit's, by juror index: each resample starts from it.
pub(crate) fn run(data: &Data, jurors: &[usize], leniency: &[f64], options: &Options) -> Vec<Option<Spread>> {
    let mut rng = SplitMix64::new(options.seed);
    let mut scores: Vec<Vec<f64>> = vec![Vec::with_capacity(options.resamples); data.entries];
    let mut ranks: Vec<Vec<usize>> = vec![Vec::with_capacity(options.resamples); data.entries];
    let mut in_top = vec![0usize; data.entries];
    let mut order: Vec<usize> = Vec::with_capacity(data.entries);
    let mut slots = vec![0usize; jurors.len()];
    let mut warm = vec![0.0; jurors.len()];

    for _ in 0..options.resamples {
        for (slot, w) in slots.iter_mut().zip(warm.iter_mut()) {
            *slot = jurors[rng.below(jurors.len())];
            *w = leniency[*slot];
        }
        let fit = data.fit(&slots, options.ridge, Some(&warm), fit::ROUGH);
        order.clear();
        order.extend((0..data.entries).filter(|&e| !fit.quality[e].is_nan()));
        order.sort_unstable_by(|&a, &b| fit.quality[b].total_cmp(&fit.quality[a]).then(a.cmp(&b)));
        for (place, &e) in order.iter().enumerate() {
            scores[e].push(fit.quality[e]);
            ranks[e].push(place + 1);
            if place < options.top_k {
                in_top[e] += 1;
            }
        }
    }

    let tail = (1.0 - options.coverage.clamp(0.0, 1.0)) / 2.0;
    (0..data.entries)
        .map(|e| {
            if scores[e].is_empty() {
                return None;
            }
            scores[e].sort_unstable_by(f64::total_cmp);
            ranks[e].sort_unstable();
            Some(Spread {
                score: (percentile(&scores[e], tail), percentile(&scores[e], 1.0 - tail)),
                rank: (percentile(&ranks[e], tail), percentile(&ranks[e], 1.0 - tail)),
                p_top_k: in_top[e] as f64 / scores[e].len() as f64,
            })
        })
        .collect()
}

/// Nearest-rank percentile of sorted, non-empty samples.
fn percentile<T: Copy>(sorted: &[T], p: f64) -> T {
    let i = (p * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}
