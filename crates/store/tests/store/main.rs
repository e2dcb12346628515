//! The behavioural suite of the store. Every test runs against SQLite, and against PostgreSQL
//! when `JURYN_TEST_POSTGRES_URL` names a server (each test then gets a database of its own).
//! Test names read `area::backend::what`, so `-- postgres::` runs the PostgreSQL half.

mod archive;
mod archive_prop;
mod backends;
mod backup;
mod booklet;
mod content;
mod decision;
mod entries;
mod follow_up;
mod joint;
mod mail;
mod migration;
mod nominations;
mod people;
mod review;
mod rounds;
mod setup;
mod trust;
mod visit;

/// `name` writing now, by the wall clock (the tests' caller's clock).
pub fn by(name: &str) -> juryn_store::Stamp {
    juryn_store::Stamp::new(name, jiff::Timestamp::now())
}

/// Puts an edition at `to` from wherever it is, for a test's set-up: the store's own
/// compare-and-set from the phase it reads (the rules of the move are the domain's, tested there).
pub async fn force_phase(
    store: &dyn juryn_store::Store,
    slug: &juryn_domain::Slug,
    year: i16,
    to: juryn_domain::Phase,
) {
    let from = store.edition(slug, year).await.unwrap().expect("the edition").phase;
    assert!(store.advance_phase(slug, year, from, to, &by("test")).await.unwrap(), "moved from {from}");
}

/// Polls every future at once until all are done (the store's pool runs them in parallel).
pub async fn join_all<T>(mut futures: Vec<std::pin::Pin<Box<dyn Future<Output = T> + Send + '_>>>) -> Vec<T> {
    let mut out: Vec<Option<T>> = futures.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, f) in futures.iter_mut().enumerate() {
            if out[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => out[i] = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending { std::task::Poll::Pending } else { std::task::Poll::Ready(()) }
    })
    .await;
    out.into_iter().map(|v| v.expect("done")).collect()
}
