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

/// The resamples are drawn in this many chunks, each from its own seeded stream, so that they
/// can run on several cores and still give the same result on any number of them.
const CHUNKS: usize = 8;

/// What one chunk of resamples found, per entry.
struct Samples {
    scores: Vec<Vec<f64>>,
    ranks: Vec<Vec<usize>>,
    in_top: Vec<usize>,
}

/// One summary per entry; `None` for entries that had no score in any resample.
/// `leniency` is the full fit's, by juror index: each resample starts from it.
pub(crate) fn run(data: &Data, jurors: &[usize], leniency: &[f64], options: &Options) -> Vec<Option<Spread>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, CHUNKS);
    let chunk = |c: usize| {
        let resamples = options.resamples / CHUNKS + usize::from(c < options.resamples % CHUNKS);
        let seed = options.seed ^ (c as u64).wrapping_mul(0xd1b5_4a32_d192_ed03);
        resample(data, jurors, leniency, options, (seed, resamples))
    };
    let mut chunks: Vec<(usize, Samples)> = if threads == 1 || options.resamples < 2 * CHUNKS {
        (0..CHUNKS).map(|c| (c, chunk(c))).collect()
    } else {
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|t| {
                    scope.spawn(move || {
                        (t..CHUNKS).step_by(threads).map(|c| (c, chunk(c))).collect::<Vec<_>>()
                    })
                })
                .collect();
            workers.into_iter().flat_map(|w| w.join().expect("a bootstrap worker panicked")).collect()
        })
    };
    chunks.sort_by_key(|(c, _)| *c);
    let mut all = Samples {
        scores: vec![Vec::with_capacity(options.resamples); data.entries],
        ranks: vec![Vec::with_capacity(options.resamples); data.entries],
        in_top: vec![0; data.entries],
    };
    for (_, part) in chunks {
        for e in 0..data.entries {
            all.scores[e].extend_from_slice(&part.scores[e]);
            all.ranks[e].extend_from_slice(&part.ranks[e]);
            all.in_top[e] += part.in_top[e];
        }
    }
    summarise(all, options)
}

/// `count` resamples from the stream seeded with `seed`.
fn resample(
    data: &Data,
    jurors: &[usize],
    leniency: &[f64],
    options: &Options,
    (seed, count): (u64, usize),
) -> Samples {
    let mut rng = SplitMix64::new(seed);
    let mut scores: Vec<Vec<f64>> = vec![Vec::with_capacity(count); data.entries];
    let mut ranks: Vec<Vec<usize>> = vec![Vec::with_capacity(count); data.entries];
    let mut in_top = vec![0usize; data.entries];
    let mut order: Vec<(u64, usize)> = Vec::with_capacity(data.entries);
    let mut slots = vec![0usize; jurors.len()];
    let mut warm = vec![0.0; jurors.len()];

    for _ in 0..count {
        for (slot, w) in slots.iter_mut().zip(warm.iter_mut()) {
            *slot = jurors[rng.below(jurors.len())];
            *w = leniency[*slot];
        }
        let fit = data.fit(&slots, options.ridge, Some(&warm), fit::ROUGH);
        // Best first, ties by index: sorted on plain integer keys, not by comparing through
        // the fit (the sort is a quarter of a resample's time).
        order.clear();
        order.extend(
            (0..data.entries).filter(|&e| !fit.quality[e].is_nan()).map(|e| (descending(fit.quality[e]), e)),
        );
        order.sort_unstable();
        for (place, &(_, e)) in order.iter().enumerate() {
            scores[e].push(fit.quality[e]);
            ranks[e].push(place + 1);
            if place < options.top_k {
                in_top[e] += 1;
            }
        }
    }
    Samples { scores, ranks, in_top }
}

/// A key whose ascending order is the descending order of `x` (as `f64::total_cmp` has it).
fn descending(x: f64) -> u64 {
    let bits = x.to_bits();
    // total_cmp's key: flip all bits of negatives, only the sign of the rest; then reverse.
    let ascending = if bits >> 63 == 1 { !bits } else { bits | 1 << 63 };
    !ascending
}

fn summarise(samples: Samples, options: &Options) -> Vec<Option<Spread>> {
    let Samples { mut scores, mut ranks, in_top } = samples;
    let tail = (1.0 - options.coverage.clamp(0.0, 1.0)) / 2.0;
    (0..scores.len())
        .map(|e| {
            if scores[e].is_empty() {
                return None;
            }
            Some(Spread {
                score: (
                    percentile(&mut scores[e], tail, f64::total_cmp),
                    percentile(&mut scores[e], 1.0 - tail, f64::total_cmp),
                ),
                rank: (
                    percentile(&mut ranks[e], tail, Ord::cmp),
                    percentile(&mut ranks[e], 1.0 - tail, Ord::cmp),
                ),
                p_top_k: in_top[e] as f64 / scores[e].len() as f64,
            })
        })
        .collect()
}

/// Nearest-rank percentile of non-empty samples (reordered in place: a selection, not a sort,
/// since only two places of a thousand samples are read).
fn percentile<T: Copy>(samples: &mut [T], p: f64, order: impl FnMut(&T, &T) -> std::cmp::Ordering) -> T {
    let i = (p * (samples.len() - 1) as f64).round() as usize;
    *samples.select_nth_unstable_by(i.min(samples.len() - 1), order).1
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn descending_keys_order_as_total_cmp_reversed(a in any::<f64>(), b in any::<f64>()) {
            prop_assert_eq!(super::descending(a).cmp(&super::descending(b)), b.total_cmp(&a));
        }
    }
}
