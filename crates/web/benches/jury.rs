//! The jury's two busiest pages under load — a juror's list of entries with their progress, and
//! the ranking (with its 1,000-resample bootstrap) — 16 concurrent clients over real HTTP on
//! loopback against the whole application on SQLite. Two sizes: the 2019 demo (44 entries,
//! 7 jurors, 3 reviews each) and a large call (290 entries, 15 jurors, 3 reviews each).
//! Prints p50/p99; fails on nothing.
//!
//!     cargo bench -p juryn-web --bench jury

use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use juryn_domain::review::Score;
use juryn_domain::{EntryStatus, Grant, Lang, Phase, Registry, Role, Scope, Slug};
use juryn_store::{EntryContent, NewUser, ReviewSave, SqliteStore, Store};
use juryn_web::{AppState, Mailer};

mod common;

use common::by;
use common::{Conn, report};

const CLIENTS: usize = 16;
const ROUNDS: usize = 25;
const JURY: &str = "/jury/digitaliseringskommun/2019";

fn main() {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime").block_on(run());
}

fn slug() -> Slug {
    Slug::parse("digitaliseringskommun").unwrap()
}

/// A session for each juror of the edition (and the chair), by user id.
async fn sessions(store: &dyn Store) -> Vec<String> {
    let expires = Timestamp::now().checked_add(SignedDuration::from_hours(2)).unwrap();
    let mut out = Vec::new();
    for m in store.jury_members(&slug(), 2019).await.unwrap() {
        let session = format!("bench-session-{:040}", m.user_id);
        store
            .create_session(
                &juryn_web::hash_token(&session),
                m.user_id,
                (Timestamp::now(), expires),
                None,
                "bench",
            )
            .await
            .unwrap();
        out.push(session);
    }
    out
}

/// Turns the demo (already at shortlisting) into a call of 290 entries reviewed by 15 jurors,
/// three reviews each, every review submitted.
async fn large_call(store: &dyn Store) {
    let codes: Vec<_> = Registry::sweden().all().map(|m| m.code).collect();
    for code in &codes {
        let entry = EntryContent {
            municipality: *code,
            status: EntryStatus::Submitted,
            submitted_at: Some(Timestamp::now()),
            answers: vec!["Svar.".into(), "Effekt.".into(), "Lärdom.".into()],
            is_example: true,
        };
        store.put_entry(&slug(), 2019, &entry, &by("bench")).await.unwrap();
    }
    for i in 0..8 {
        let user = NewUser {
            email: format!("juror{i}@example.se"),
            name: format!("Jurymedlem {i}"),
            lang: Lang::Sv,
            password_hash: None,
        };
        let id = store.put_user(&user, &by("bench")).await.unwrap();
        let grant = Grant { role: Role::Juror, scope: Scope::Edition(slug(), 2019), municipality: None };
        store.grant(id, &grant, &by("bench")).await.unwrap();
    }
    let members = store.jury_members(&slug(), 2019).await.unwrap();
    let register: Vec<_> = store
        .conflict_register(&slug(), 2019)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.user_id, c.municipality))
        .collect();
    let a = juryn_domain::assignment::k_reviewers(codes.len(), members.len(), 3, |e, j| {
        register.contains(&(members[j].user_id, codes[e]))
    });
    let pairs: Vec<_> = a.pairs.iter().map(|&(e, j)| (members[j].user_id, codes[e])).collect();
    store.replace_assignments(&slug(), 2019, &pairs, &by("bench")).await.unwrap().unwrap();
    let criteria = store.criteria_with_ids(&slug(), 2019).await.unwrap();
    for &(e, j) in &a.pairs {
        let scores = criteria
            .iter()
            .enumerate()
            .map(|(c, (id, _))| Score {
                criterion: *id,
                score: Some(1 + ((e * 7 + j * 3 + c) % 5) as u8),
                comment: String::new(),
            })
            .collect();
        let save = ReviewSave { scores, overall: String::new(), submit: true };
        store
            .save_review(&slug(), 2019, members[j].user_id, codes[e], &save, &by("bench"))
            .await
            .unwrap()
            .unwrap();
    }
}

async fn serve(store: Arc<dyn Store>, dir: &std::path::Path) -> u16 {
    let mailer = Mailer::outbox(dir.join("outbox"), "juryn <juryn@example.se>").unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let state = AppState::load(store, &format!("http://127.0.0.1:{port}"), mailer).await.unwrap();
    tokio::spawn(juryn_web::serve(listener, state, Duration::from_millis(500), juryn_web::Limits::default()));
    tokio::time::sleep(Duration::from_millis(300)).await;
    port
}

/// 16 clients, each with one of the jurors' sessions, each asking for `path` ROUNDS times.
async fn load(port: u16, sessions: &[String], path: &str, expect: &'static str) -> Vec<Duration> {
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|i| {
            let session = sessions[i % sessions.len()].clone();
            let path = path.to_owned();
            tokio::spawn(async move {
                let mut conn = Conn::open(port).await;
                let headers = format!("Cookie: juryn_session={session}\r\n");
                let mut samples = Vec::new();
                for _ in 0..ROUNDS {
                    let t = Instant::now();
                    let (status, body) = conn.send("GET", &path, &headers, "").await;
                    samples.push(t.elapsed());
                    assert_eq!(status, 200, "{path}");
                    assert!(body.contains(expect), "{path} lacks {expect}");
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

/// Each juror's first view of `path`, one request at a time: a cache miss, so rendered (and
/// for the ranking, computed). Returns the slowest.
/// Also returns the sessions that got the page itself (`expect`): a juror with reviews left
/// gets a note instead of the ranking.
async fn first_views(port: u16, sessions: &[String], path: &str, expect: &str) -> (Duration, Vec<String>) {
    let mut conn = Conn::open(port).await;
    let mut slowest = Duration::ZERO;
    let mut served = Vec::new();
    for session in sessions {
        let t = Instant::now();
        let (status, body) =
            conn.send("GET", path, &format!("Cookie: juryn_session={session}\r\n"), "").await;
        assert_eq!(status, 200, "{path}");
        slowest = slowest.max(t.elapsed());
        if body.contains(expect) {
            served.push(session.clone());
        }
    }
    (slowest, served)
}

async fn measure(label: &str, store: Arc<dyn Store>, dir: &std::path::Path) {
    let sessions = sessions(&*store).await;
    let port = serve(store, dir).await;
    // Pages are kept until the data move (the next saved review, anywhere): the first view
    // after a write renders, the rest are served from the cache. Both are reported.
    let ranking = format!("{JURY}/rangordning");
    for (name, path, expect) in [
        ("a juror's list", JURY, "Dina bidrag att bedöma"),
        ("the ranking page", ranking.as_str(), "Justerat betyg"),
    ] {
        let (cold, served) = first_views(port, &sessions, path, expect).await;
        println!("{:<56} slowest {cold:>9.2?}", format!("{label}: {name}, first view per juror"));
        let started = Instant::now();
        let samples = load(port, &served, path, expect).await;
        let rate = samples.len() as f64 / started.elapsed().as_secs_f64();
        report(&format!("{label}: {name}, 16 clients"), samples);
        println!("{:<56} {rate:>9.0} requests/s", "");
    }
}

async fn run() {
    for (label, large) in [("demo, 44 entries × 7 jurors", false), ("290 entries × 15 jurors", true)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("bench.db").display());
        let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&url).await.expect("open"));
        juryn_store::demo::load_at(&*store, Phase::Shortlisting, Timestamp::now()).await.expect("demo");
        if large {
            large_call(&*store).await;
        }
        measure(label, store, dir.path()).await;
    }
}
