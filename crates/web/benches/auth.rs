//! What signing in and being signed in cost: the argon2id check of one password, and the session
//! lookup every signed-in request makes (SQLite, WAL, the same code as the server). Prints
//! figures; fails on nothing.
//!
//!     cargo bench -p juryn-web --bench auth

use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use juryn_domain::{Grant, Lang, Role, Scope, Slug};
use juryn_store::{NewUser, SqliteStore, Store};

fn summary(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let n = samples.len();
    let mean = samples.iter().sum::<Duration>() / n as u32;
    let p50 = samples[n / 2];
    let p99 = samples[(n * 99 / 100).min(n - 1)];
    println!(
        "{name:<44} n={n:<6} mean {mean:>10.2?}  p50 {p50:>10.2?}  p99 {p99:>10.2?}  max {:>10.2?}",
        samples[n - 1]
    );
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(run());
}

async fn run() {
    // Sign-in: one argon2id verification of a correct password, as /logga-in does it.
    let hash = password_auth::generate_hash("correct horse battery staple");
    let mut samples = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        assert!(password_auth::verify_password("correct horse battery staple", &hash).is_ok());
        samples.push(t.elapsed());
    }
    summary("argon2id verify (password-auth defaults)", samples);
    let mut samples = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let _ = password_auth::generate_hash("correct horse battery staple");
        samples.push(t.elapsed());
    }
    summary("argon2id hash (new password)", samples);

    // The session lookup: the user, their grants and conflicts, from a session id's hash.
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&url).await.expect("open"));
    juryn_store::demo::load(&*store).await.expect("demo");
    let scope = Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019);
    for i in 0..200 {
        let user = NewUser {
            email: format!("p{i}@example.se"),
            name: format!("P {i}"),
            lang: Lang::Sv,
            password_hash: None,
        };
        let id = store.put_user(&user, &juryn_store::Stamp::new("bench", Timestamp::now())).await.unwrap();
        store
            .grant(
                id,
                &Grant { role: Role::Juror, scope: scope.clone(), municipality: None },
                &juryn_store::Stamp::new("bench", Timestamp::now()),
            )
            .await
            .unwrap();
        let expires = Timestamp::now() + SignedDuration::from_hours(12);
        store
            .create_session(&format!("session-{i}"), id, (Timestamp::now(), expires), None, "bench")
            .await
            .unwrap();
    }
    let mut samples = Vec::new();
    for round in 0..5000 {
        let key = format!("session-{}", round % 200);
        let t = Instant::now();
        let found = store.session(&key, Timestamp::now()).await.unwrap();
        samples.push(t.elapsed());
        assert!(found.is_some());
    }
    summary("session lookup (SQLite, juror with grants)", samples);
}
