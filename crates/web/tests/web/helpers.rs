//! `spawn_app()`: the whole web application on a fresh SQLite database with the demo, driven
//! through its router (no socket needed), plus request helpers.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use jiff::Timestamp;
use juryn_store::{SqliteStore, Store};
use juryn_web::{AppState, Clock, Mailer};
use tower::ServiceExt;

pub struct TestApp {
    pub state: AppState,
    pub store: Arc<dyn Store>,
    _dir: Arc<tempfile::TempDir>,
}

pub struct Page {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Page {
    #[track_caller]
    pub fn assert_has(&self, text: &str) -> &Self {
        assert!(
            self.body.contains(text),
            "expected {text:?} in the page:\n{}",
            &self.body[..self.body.len().min(3000)]
        );
        self
    }

    #[track_caller]
    pub fn assert_lacks(&self, text: &str) -> &Self {
        assert!(!self.body.contains(text), "did not expect {text:?} in the page");
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }
}

/// The demo at the real clock.
pub async fn spawn_app() -> TestApp {
    spawn_app_at(None).await
}

/// The demo, with "now" fixed where given.
pub async fn spawn_app_at(now: Option<&str>) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("juryn.db").display());
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&url).await.expect("open"));
    juryn_store::demo::load(&*store).await.expect("demo");
    let clock = now.map_or(Clock::System, |t| Clock::Fixed(t.parse::<Timestamp>().expect("a timestamp")));
    let outbox = dir.path().join("outbox");
    let mailer = Mailer::outbox(&outbox, "juryn <juryn@example.se>").expect("mailer");
    let state = AppState::load(store.clone(), "http://juryn.test", mailer).await.expect("state").with_clock(clock);
    state.cache.refresh(&*store).await.expect("generation");
    TestApp { state, store, _dir: Arc::new(dir) }
}

impl TestApp {
    /// The same app (same database, same page cache) at another moment.
    pub fn at(&self, now: &str) -> TestApp {
        TestApp {
            state: self.state.clone().with_clock(Clock::Fixed(now.parse().expect("a timestamp"))),
            store: self.store.clone(),
            _dir: self._dir.clone(),
        }
    }

    pub async fn request(&self, req: Request<Body>) -> Page {
        let res = juryn_web::router(self.state.clone()).oneshot(req).await.expect("infallible");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        Page { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    pub async fn get(&self, uri: &str) -> Page {
        self.request(Request::get(uri).body(Body::empty()).expect("request")).await
    }

    pub async fn get_with_cookie(&self, uri: &str, cookie: &str) -> Page {
        let req = Request::get(uri).header(header::COOKIE, cookie).body(Body::empty()).expect("request");
        self.request(req).await
    }

    /// Makes the app see writes made directly to the store (a poll tick, in a server).
    pub async fn sync(&self) {
        self.state.cache.refresh(&*self.store).await.expect("generation");
    }
}
