//! Search and the pulse at the size of a real award: the synthetic award (three editions × 290
//! entries × 3 answers × 1,500 words), its open data published so the public has text to
//! search, over real HTTP on loopback against the whole application on SQLite.
//!
//! Reports: the index's first pass (the whole index made from the store) and the process's
//! peak memory; search latency at 16 clients for the public and for an organiser (every
//! edition's jury circle too); a submission's way to being found (the pass a write starts);
//! the pulse page warm and on a miss (the first view after a write).
//!
//!     cargo bench -p juryn-web --bench search

use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use juryn_domain::opendata::Licence;
use juryn_domain::{EntryStatus, Grant, Lang, Slug};
use juryn_store::demo::synthetic::{self, Scale};
use juryn_store::{EntrySave, NewUser, SqliteStore, Store};
use juryn_web::{AppState, Mailer};

mod common;

use common::{Conn, by, report};

const CLIENTS: usize = 16;
const ROUNDS: usize = 40;
/// What readers search for: words of every edition, a compound, a phrase, a rare word.
const QUERIES: [&str; 12] = [
    "pandemin",
    "AI",
    "cybersäkerhet",
    "e-tjänst",
    "handläggningstiden",
    "%22digitala+coacher%22",
    "energiförbrukningen+lokalerna",
    "tvåfaktorsinloggning",
    "bredband",
    "invånarnas+behov",
    "riktlinjer",
    "samråd",
];

fn main() {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime").block_on(run());
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The synthetic editions' entries consent (as the demo's later editions do), and each
/// edition's open data are public from yesterday.
async fn publish_open_data(store: &dyn Store, slug: &Slug) {
    let yesterday = Timestamp::now().checked_sub(SignedDuration::from_hours(24)).unwrap();
    for edition in store.editions(slug).await.unwrap() {
        juryn_store::demo::consent_later(store, (slug, edition.year), yesterday).await.unwrap();
        store.set_open_data(slug, edition.year, Licence::CcBy4, yesterday, &by("bench")).await.unwrap();
    }
}

async fn organiser_session(store: &dyn Store) -> String {
    let user = NewUser {
        email: "org@example.se".into(),
        name: "Arrangör".into(),
        lang: Lang::Sv,
        password_hash: None,
    };
    let id = store.put_user(&user, &by("bench")).await.unwrap();
    store.grant(id, &Grant::organiser(), &by("bench")).await.unwrap();
    let session = format!("bench-session-{:040}", id);
    let expires = Timestamp::now().checked_add(SignedDuration::from_hours(2)).unwrap();
    store
        .create_session(&juryn_web::hash_token(&session), id, (Timestamp::now(), expires), None, "bench")
        .await
        .unwrap();
    session
}

/// 16 clients, each searching ROUNDS times through the queries.
async fn searches(port: u16, headers: &str) -> Vec<Duration> {
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|i| {
            let headers = headers.to_owned();
            tokio::spawn(async move {
                let mut conn = Conn::open(port).await;
                let mut samples = Vec::new();
                for r in 0..ROUNDS {
                    let q = QUERIES[(i + r) % QUERIES.len()];
                    let t = Instant::now();
                    let (status, body) =
                        conn.send("GET", &format!("/api/v1/search?q={q}"), &headers, "").await;
                    samples.push(t.elapsed());
                    assert_eq!(status, 200, "{q}: {body}");
                }
                samples
            })
        })
        .collect();
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    all
}

async fn run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&url).await.expect("open"));
    let scale = Scale { entries: 290, jurors: 15, words: 1_500 };
    let started = Instant::now();
    synthetic::load(&*store, scale, Timestamp::now()).await.expect("synthetic");
    let slug = Slug::parse(synthetic::AWARD_SLUG).unwrap();
    publish_open_data(&*store, &slug).await;
    println!("synthetic award loaded and its open data published in {:.1?}", started.elapsed());
    let session = organiser_session(&*store).await;

    let mailer = Mailer::outbox(dir.path().join("outbox"), "juryn <juryn@example.se>").unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let search = juryn_web::Search::in_dir(&dir.path().join("bench.search")).unwrap();
    let state = AppState::load(store.clone(), &format!("http://127.0.0.1:{port}"), mailer)
        .await
        .unwrap()
        .with_search(search);
    state.cache.refresh(&*store).await.unwrap();
    let before = peak_rss_mb();
    let t = Instant::now();
    let written = juryn_web::bring_search_up_to_date(&state).await.expect("the first pass");
    println!(
        "{:<56} {:>9.2?}  ({written} entry circles; peak RSS {before:.0} → {:.0} MB)",
        "the index made whole from the store (first pass)",
        t.elapsed(),
        peak_rss_mb()
    );
    tokio::spawn(juryn_web::serve(
        listener,
        state.clone(),
        Duration::from_millis(500),
        juryn_web::Limits::default(),
    ));
    tokio::time::sleep(Duration::from_millis(300)).await;

    // The index alone, one search at a time, for the same queries as the public reader.
    let public = juryn_search::Filters {
        scopes: vec!["public".to_owned()],
        now: Timestamp::now().as_second(),
        ..Default::default()
    };
    let mut alone = Vec::new();
    for r in 0..200 {
        let q = QUERIES[r % QUERIES.len()].replace("%22", "\"").replace('+', " ");
        let t = Instant::now();
        let found = state.search.index.find(&q, &public, juryn_search::Order::Relevance, 0..10).unwrap();
        alone.push(t.elapsed());
        std::hint::black_box(found);
    }
    report("the index alone (find, a page of 10 entries), one at a time", alone);
    if std::env::var_os("SEARCH_BENCH_PROFILE").is_some() {
        // For a profiler: the index alone, long enough to see where its time goes.
        for r in 0..3_000 {
            let q = QUERIES[r % QUERIES.len()].replace("%22", "\"").replace('+', " ");
            std::hint::black_box(
                state.search.index.find(&q, &public, juryn_search::Order::Relevance, 0..10).unwrap(),
            );
        }
        return;
    }

    // Warm the process once, then measure.
    searches(port, "").await;
    let t = Instant::now();
    let samples = searches(port, "").await;
    let rate = samples.len() as f64 / t.elapsed().as_secs_f64();
    report("search, the public, 16 clients", samples);
    println!("{:<56} {rate:>9.0} searches/s", "");
    let cookie = format!("Cookie: juryn_session={session}\r\n");
    let t = Instant::now();
    let samples = searches(port, &cookie).await;
    let rate = samples.len() as f64 / t.elapsed().as_secs_f64();
    report("search, an organiser (every circle), 16 clients", samples);
    println!("{:<56} {rate:>9.0} searches/s", "");

    // A submission, then the pass that a write through the site starts, then the search.
    let latest = store.editions(&slug).await.unwrap().into_iter().map(|e| e.year).max().unwrap();
    let mut found = Vec::new();
    for i in 0..10 {
        let (code, _) = store.entry_statuses(&slug, latest).await.unwrap()[i * 7];
        let record = store.entry_record(&slug, latest, code).await.unwrap().unwrap();
        let word = format!("kvantdator{}", ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"][i]);
        let mut answers = record.entry.answers.clone();
        answers[0] = format!("{} {word}", answers[0]);
        let save = EntrySave {
            expected_version: record.version,
            status: EntryStatus::Submitted,
            answers,
            consent: true,
            submitted_at: record.entry.submitted_at,
        };
        let at = record.entry.submitted_at.unwrap();
        store.save_entry(&slug, latest, code, &save, &juryn_store::Stamp::new("bench", at)).await.unwrap();
        let t = Instant::now();
        state.cache.refresh(&*store).await.unwrap();
        juryn_web::bring_search_up_to_date(&state).await.unwrap();
        let mut conn = Conn::open(port).await;
        let (_, body) = conn.send("GET", &format!("/api/v1/search?q={word}"), &cookie, "").await;
        assert!(body.contains(code.as_str()), "{word} found in {code}");
        found.push(t.elapsed());
    }
    report("a submission searchable (write → pass → found)", found);
    // A write that moves no searchable text (the booklet's settings): the pass reads only the
    // cheap stamps of each edition.
    let mut passes = Vec::new();
    for i in 0..10 {
        let title = format!("Skriften {i}");
        store.set_booklet_settings(&slug, latest, (&title, ""), None, &by("bench")).await.unwrap();
        state.cache.refresh(&*store).await.unwrap();
        let t = Instant::now();
        juryn_web::bring_search_up_to_date(&state).await.unwrap();
        passes.push(t.elapsed());
    }
    report("a pass after a write that moves no searchable text", passes);

    // The pulse: warm, and the first view after a write.
    let path = format!("/{}/{latest}/pulsen", synthetic::AWARD_SLUG);
    let mut conn = Conn::open(port).await;
    let mut misses = Vec::new();
    for _ in 0..10 {
        store
            .set_open_data(
                &slug,
                latest,
                Licence::CcBy4,
                Timestamp::now().checked_sub(SignedDuration::from_hours(24)).unwrap(),
                &by("bench"),
            )
            .await
            .unwrap();
        state.cache.refresh(&*store).await.unwrap();
        juryn_web::bring_search_up_to_date(&state).await.unwrap();
        let t = Instant::now();
        let (status, _) = conn.send("GET", &path, "", "").await;
        misses.push(t.elapsed());
        assert_eq!(status, 200);
    }
    report("the pulse page, first view after a write", misses);
    let mut warm = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let (status, _) = conn.send("GET", &path, "", "").await;
        warm.push(t.elapsed());
        assert_eq!(status, 200);
    }
    report("the pulse page, warm", warm);
    let award = format!("/{}/pulsen", synthetic::AWARD_SLUG);
    let t = Instant::now();
    let (status, _) = conn.send("GET", &award, "", "").await;
    assert_eq!(status, 200);
    println!("{:<56} {:>9.2?}", "the award's pulse, first view", t.elapsed());
    println!("peak RSS of the whole benchmark: {:.0} MB", peak_rss_mb());
}
