//! The jury's ranking with 1,000 bootstrap resamples for 290 entries × 15 jurors × 3 criteria,
//! once with every juror scoring every entry and once with three reviewers per entry.
//! The goal is under 100 ms. Prints median and slowest of 11 runs; fails on nothing.
//!
//!     cargo bench -p juryn-domain --bench ranking       (SPARSE_ONLY=1: the second alone, for perf)

use std::time::{Duration, Instant};

use juryn_domain::ranking::{Options, Review, combine, rank};
use juryn_domain::{Criterion, LocalizedText};

const ENTRIES: usize = 290;
const JURORS: usize = 15;
const RUNS: usize = 11;

/// A fixed linear congruential stream, so each run ranks the same scores.
struct Lcg(u64);

impl Lcg {
    fn unit(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn criteria() -> Vec<Criterion> {
    ["Verksamhetsutveckling", "Demokrati", "Kommunen som helhet"]
        .iter()
        .map(|name| Criterion {
            name: LocalizedText::new(*name, *name),
            description: LocalizedText::default(),
            scale_min: 1,
            scale_max: 5,
            weight: 1,
            labels: vec![],
        })
        .collect()
}

fn reviews(reviewers_per_entry: usize) -> Vec<Review> {
    let criteria = criteria();
    let mut rng = Lcg(2019);
    let quality: Vec<f64> = (0..ENTRIES).map(|_| 1.5 + 3.0 * rng.unit()).collect();
    let leniency: Vec<f64> = (0..JURORS).map(|_| rng.unit() - 0.5).collect();
    let mut out = Vec::new();
    for (e, q) in quality.iter().enumerate() {
        let mut jurors: Vec<usize> = (0..JURORS).collect();
        for k in 0..reviewers_per_entry {
            // A partial Fisher–Yates shuffle: distinct reviewers, drawn at random.
            let pick = k + (rng.unit() * (JURORS - k) as f64) as usize;
            jurors.swap(k, pick.min(JURORS - 1));
            let j = jurors[k];
            let scores: Vec<u8> = (0..criteria.len())
                .map(|_| (q + leniency[j] + rng.unit() - 0.5).round().clamp(1.0, 5.0) as u8)
                .collect();
            let score = combine(&criteria, &scores).expect("scores on the scale");
            out.push(Review { entry: e, juror: j, score });
        }
    }
    out
}

fn measure(label: &str, reviews: &[Review]) {
    let options = Options { resamples: 1000, ..Options::default() };
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let ranking = rank(ENTRIES, JURORS, reviews, &options);
            std::hint::black_box(&ranking);
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{label}: {} reviews, median {:.1} ms, slowest {:.1} ms",
        reviews.len(),
        times[RUNS / 2].as_secs_f64() * 1e3,
        times[RUNS - 1].as_secs_f64() * 1e3
    );
}

fn main() {
    if std::env::var_os("SPARSE_ONLY").is_none() {
        measure("every juror scores every entry", &reviews(JURORS));
    }
    measure("three reviewers per entry", &reviews(3));
}
