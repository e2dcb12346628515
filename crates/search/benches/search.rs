//! The index at the size of three real years: 3 editions × 290 entries × 3 answers × 1,500
//! words of Swedish-like text. Prints the time and memory of a full reindex and the latency of
//! searches from 16 threads at once (p50, p99). The goals: reindex under 10 s and
//! 300 MB, search p99 under 20 ms at 16 clients. Fails on nothing.
//!
//!     cargo bench -p juryn-search --bench search

use std::sync::Arc;
use std::time::{Duration, Instant};

use juryn_search::{AnswerDoc, Filters, Order, SearchIndex};

const WORDS: [&str; 48] = [
    "kommunen",
    "digitalisering",
    "bygglovsprocessen",
    "e-tjänsterna",
    "invånarna",
    "medborgardialog",
    "öppna",
    "data",
    "skolan",
    "hemtjänsten",
    "trygghetslarm",
    "AI-stöd",
    "kontaktcenter",
    "informationssäkerhet",
    "handläggningstiden",
    "halverades",
    "arbetet",
    "började",
    "försök",
    "förvaltning",
    "vi",
    "har",
    "och",
    "med",
    "att",
    "som",
    "en",
    "ett",
    "för",
    "på",
    "i",
    "av",
    "utbildat",
    "digitala",
    "coacher",
    "varje",
    "samverkan",
    "regionen",
    "grannkommunerna",
    "effekten",
    "lärde",
    "oss",
    "mycket",
    "om",
    "ledningens",
    "stöd",
    "avgörande",
    "välfärdsteknik",
];

/// A fixed stream, so every run indexes the same text.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

fn answers() -> Vec<AnswerDoc> {
    let mut rng = Lcg(7);
    let mut out = Vec::new();
    for year in [2019u16, 2021, 2023] {
        for entry in 0..290u32 {
            for question in 1..=3u16 {
                let text: Vec<&str> = (0..1_500).map(|_| WORDS[rng.below(WORDS.len())]).collect();
                out.push(AnswerDoc {
                    scope: "public".to_owned(),
                    award: "digitaliseringskommun".to_owned(),
                    year,
                    code: format!("{:04}", 100 + entry),
                    entry_name: format!("Kommun {entry}"),
                    county: format!("{:02}", 1 + entry % 21),
                    question,
                    question_text: format!("Fråga {question}"),
                    kind: "kommun".to_owned(),
                    text: text.join(" "),
                    visible_from: 0,
                    visible_until: i64::MAX,
                    href: String::new(),
                });
            }
        }
    }
    out
}

fn rss_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM")).map(str::to_owned))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|k| k.parse::<u64>().ok()))
        .map_or(0, |kb| kb / 1024)
}

fn main() {
    let dir = tempfile::tempdir().expect("a directory");
    let docs = answers();
    let index = Arc::new(SearchIndex::open_in(dir.path()).expect("the index"));
    let start = Instant::now();
    let count = index.rebuild(docs).expect("a reindex");
    println!("reindex: {count} answers in {:.1} s, peak RSS {} MB", start.elapsed().as_secs_f64(), rss_mb());

    let queries =
        ["bygglov", "e-tjänst", "AI", "\"öppna data\"", "digital hemtjänst", "välfärdsteknik regionen"];
    let public = Filters { scopes: vec!["public".to_owned()], now: i64::MAX, ..Filters::default() };
    let per_thread = 40;
    let began = Instant::now();
    let threads: Vec<_> = (0..16)
        .map(|t| {
            let (index, public) = (index.clone(), public.clone());
            std::thread::spawn(move || {
                (0..per_thread)
                    .map(|i| {
                        let q = queries[(t + i) % queries.len()];
                        let at = Instant::now();
                        let hits = index.search(q, &public, Order::Relevance, 20).expect("a search");
                        std::hint::black_box(hits);
                        at.elapsed()
                    })
                    .collect::<Vec<Duration>>()
            })
        })
        .collect();
    let mut times: Vec<Duration> = threads.into_iter().flat_map(|t| t.join().expect("a thread")).collect();
    let wall = began.elapsed();
    times.sort();
    let at = |p: f64| times[((times.len() - 1) as f64 * p) as usize].as_secs_f64() * 1e3;
    println!(
        "search, 16 threads: {} searches in {:.1} s ({:.0}/s), p50 {:.1} ms, p99 {:.1} ms",
        times.len(),
        wall.as_secs_f64(),
        times.len() as f64 / wall.as_secs_f64(),
        at(0.5),
        at(0.99)
    );
}
