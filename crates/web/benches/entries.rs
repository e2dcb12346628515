//! The call's two heavy paths under load: saving a 2,000-word answer, and loading the
//! organiser's overview of 290 entries — 16 concurrent clients each, over real HTTP on loopback
//! against the whole application on SQLite. Prints p50/p99; fails on nothing.
//!
//!     cargo bench -p juryn-web --bench entries

use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use juryn_domain::{Grant, Lang, Phase, Registry, Role, Scope, Slug};
use juryn_store::{NewUser, SqliteStore, Store};
use juryn_web::{AppState, Mailer};

mod common;

use common::by;
use common::{Conn, report};

const CLIENTS: usize = 16;
const ROUNDS: usize = 25;

fn main() {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime").block_on(run());
}

async fn run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&url).await.expect("open"));
    juryn_store::demo::load_at(&*store, Phase::CallOpen, Timestamp::now()).await.expect("demo");
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    // The demo allows 600 words; this benchmark's answers have 2,000.
    let mut questions = store.questions(&slug, 2019).await.unwrap();
    questions[0].kind = juryn_domain::QuestionKind::LongText { word_limit: Some(2500) };
    store.put_questions(&slug, 2019, &questions, &by("bench")).await.unwrap();
    let expires = Timestamp::now().checked_add(SignedDuration::from_hours(2)).unwrap();

    // Every one of the 290 municipalities has an entry; 16 of them have a contact with a key.
    let codes: Vec<_> = Registry::sweden().all().map(|m| m.code).collect();
    for code in &codes {
        store.ensure_entry(&slug, 2019, *code, &by("bench")).await.expect("entry");
    }
    let mut keys = Vec::new();
    for (i, code) in codes
        .iter()
        .filter(|c| !juryn_store::demo::PARTICIPANTS.contains(&c.as_str()))
        .take(CLIENTS)
        .enumerate()
    {
        let user = NewUser {
            email: format!("c{i}@example.se"),
            name: format!("C {i}"),
            lang: Lang::Sv,
            password_hash: None,
        };
        let id = store.put_user(&user, &by("bench")).await.unwrap();
        let grant = Grant {
            role: Role::EntrantContact,
            scope: Scope::Edition(slug.clone(), 2019),
            municipality: Some(*code),
        };
        store.grant(id, &grant, &by("bench")).await.unwrap();
        let key = format!("bench-key-{i}-0123456789abcdefghijklmnopqrstuvw");
        store
            .create_session(&juryn_web::hash_token(&key), id, (Timestamp::now(), expires), None, "bench")
            .await
            .unwrap();
        keys.push((key, *code));
    }
    let org = store
        .put_user(
            &NewUser {
                email: "org@example.se".into(),
                name: "Org".into(),
                lang: Lang::Sv,
                password_hash: None,
            },
            &by("bench"),
        )
        .await
        .unwrap();
    store.grant(org, &Grant::organiser(), &by("bench")).await.unwrap();
    let org_session = "bench-organiser-session-0123456789abcdefghijkl";
    store
        .create_session(&juryn_web::hash_token(org_session), org, (Timestamp::now(), expires), None, "bench")
        .await
        .unwrap();

    let mailer = Mailer::outbox(dir.path().join("outbox"), "juryn <juryn@example.se>").unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let state = AppState::load(store.clone(), &format!("http://127.0.0.1:{port}"), mailer).await.unwrap();
    tokio::spawn(juryn_web::serve(listener, state, Duration::from_millis(500), juryn_web::Limits::default()));
    tokio::time::sleep(Duration::from_millis(200)).await;

    let answer: String = (0..2000).map(|i| format!("ord{} ", i % 97)).collect();
    let answer = answer.trim_end().to_owned();
    let tasks: Vec<_> = keys
        .into_iter()
        .map(|(key, code)| {
            let answer = answer.clone();
            tokio::spawn(async move {
                let mut conn = Conn::open(port).await;
                let path = format!("/api/v1/awards/digitaliseringskommun/editions/2019/entries/{code}");
                let headers = format!("Authorization: Bearer {key}\r\nContent-Type: application/json\r\n");
                let mut samples = Vec::new();
                for version in 1..=ROUNDS {
                    let body = format!(r#"{{"version": {version}, "answers": ["{answer}", "", ""]}}"#);
                    let t = Instant::now();
                    let (status, reply) = conn.send("PUT", &path, &headers, &body).await;
                    samples.push(t.elapsed());
                    assert_eq!(status, 200, "{reply}");
                }
                samples
            })
        })
        .collect();
    let mut saves = Vec::new();
    for t in tasks {
        saves.extend(t.await.unwrap());
    }
    report("save a 2,000-word answer (16 clients)", saves);

    let tasks: Vec<_> = (0..CLIENTS)
        .map(|_| {
            tokio::spawn(async move {
                let mut conn = Conn::open(port).await;
                let headers = format!("Cookie: juryn_session={org_session}\r\n");
                let mut samples = Vec::new();
                for _ in 0..ROUNDS {
                    let t = Instant::now();
                    let (status, body) =
                        conn.send("GET", "/admin/digitaliseringskommun/2019/bidrag", &headers, "").await;
                    samples.push(t.elapsed());
                    assert_eq!(status, 200);
                    assert!(body.contains("Bidrag per län"));
                }
                samples
            })
        })
        .collect();
    let mut loads = Vec::new();
    for t in tasks {
        loads.extend(t.await.unwrap());
    }
    report("organiser's overview of 290 entries (16 clients)", loads);
}
