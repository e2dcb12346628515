//! `spawn_app()`: the whole web application on a fresh SQLite database with the demo, driven
//! through its router (no socket needed), plus request helpers.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use jiff::Timestamp;
use juryn_store::Store;
use juryn_web::{AppState, Clock, Mailer};
use tower::ServiceExt;

pub struct TestApp {
    pub state: AppState,
    pub store: Arc<dyn Store>,
    /// The database's URL (SQLite in `_dir`, or PostgreSQL).
    url: String,
    _dir: Arc<tempfile::TempDir>,
}

pub struct Page {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The body as sent, for files that are not text (PDFs).
    pub bytes: Vec<u8>,
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

    /// A response header as text; empty when absent.
    pub fn header(&self, name: &str) -> String {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
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
    spawn(now, true).await
}

/// An installation with nothing in it, as a new organiser finds it.
pub async fn spawn_empty_app() -> TestApp {
    spawn(None, false).await
}

/// The database a test runs on: a SQLite file in `dir`, or, when `JURYN_TEST_BACKEND=postgres`,
/// a fresh database on the server `JURYN_TEST_POSTGRES_URL` names (CI runs the suite both ways).
pub async fn test_database(dir: &std::path::Path) -> String {
    if std::env::var("JURYN_TEST_BACKEND").as_deref() != Ok("postgres") {
        return format!("sqlite://{}", dir.join("juryn.db").display());
    }
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let server = std::env::var("JURYN_TEST_POSTGRES_URL")
        .expect("JURYN_TEST_POSTGRES_URL with JURYN_TEST_BACKEND=postgres");
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("juryn_web_{}_{n}", std::process::id());
    juryn_store::PgStore::fresh_database(&server, &name).await.expect("a fresh PostgreSQL database")
}

async fn spawn(now: Option<&str>, demo: bool) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = test_database(dir.path()).await;
    spawn_on(dir, url, now, demo).await
}

/// The app on the database at `url` (its outbox in `dir`), for a test that puts the database
/// somewhere of its own: a small file system, a server it stops.
pub async fn spawn_on(dir: tempfile::TempDir, url: String, now: Option<&str>, demo: bool) -> TestApp {
    let store: Arc<dyn Store> = juryn_store::open(&url).await.expect("open");
    if demo {
        juryn_store::demo::load(&*store).await.expect("demo");
    }
    let clock = now.map_or(Clock::System, |t| Clock::Fixed(t.parse::<Timestamp>().expect("a timestamp")));
    let outbox = dir.path().join("outbox");
    let mailer = Mailer::outbox(&outbox, "juryn <juryn@example.se>").expect("mailer");
    let state =
        AppState::load(store.clone(), "http://juryn.test", mailer).await.expect("state").with_clock(clock);
    state.cache.refresh(&*store).await.expect("generation");
    TestApp { state, store, url, _dir: Arc::new(dir) }
}

impl TestApp {
    /// The same app (same database, same page cache) at another moment.
    pub fn at(&self, now: &str) -> TestApp {
        TestApp {
            state: self.state.clone().with_clock(Clock::Fixed(now.parse().expect("a timestamp"))),
            store: self.store.clone(),
            url: self.url.clone(),
            _dir: self._dir.clone(),
        }
    }

    /// A second process on the same database: its own connections, page cache and caches, as
    /// another `juryn serve` has (the same clock and outbox).
    pub async fn another_process(&self) -> TestApp {
        let store = juryn_store::open(&self.url).await.expect("open");
        let mailer =
            Mailer::outbox(self._dir.path().join("outbox"), "juryn <juryn@example.se>").expect("mailer");
        let state = AppState::load(store.clone(), &self.state.base_url, mailer)
            .await
            .expect("state")
            .with_clock(self.state.clock);
        state.cache.refresh(&*store).await.expect("generation");
        TestApp { state, store, url: self.url.clone(), _dir: self._dir.clone() }
    }

    /// Runs the server's loop for this app (on a port nobody uses), as `juryn serve` does: it
    /// polls the data generation every `poll`, so writes by other processes reach its pages.
    pub async fn serve_in_background(&self, poll: std::time::Duration) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a port");
        let state = self.state.clone();
        tokio::spawn(async move {
            let _ = juryn_web::serve(listener, state, poll, juryn_web::Limits::default()).await;
        });
    }

    /// Runs one SQL statement straight on the database (either backend), for a test that plays
    /// another program writing to it.
    pub async fn execute(&self, sql: &str) {
        if self.url.starts_with("postgres") {
            let pool = sqlx::PgPool::connect(&self.url).await.expect("connect");
            sqlx::query(sql).execute(&pool).await.expect("the statement");
            pool.close().await;
        } else {
            let pool = sqlx::SqlitePool::connect(&self.url).await.expect("connect");
            sqlx::query(sql).execute(&pool).await.expect("the statement");
            pool.close().await;
        }
    }

    pub fn on_postgres(&self) -> bool {
        self.url.starts_with("postgres")
    }

    pub async fn request(&self, req: Request<Body>) -> Page {
        let res = juryn_web::router(self.state.clone()).oneshot(req).await.expect("infallible");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        Page { status, headers, body: String::from_utf8_lossy(&bytes).into_owned(), bytes: bytes.to_vec() }
    }

    pub async fn get(&self, uri: &str) -> Page {
        self.request(Request::get(uri).body(Body::empty()).expect("request")).await
    }

    pub async fn get_with_cookie(&self, uri: &str, cookie: &str) -> Page {
        let req = Request::get(uri).header(header::COOKIE, cookie).body(Body::empty()).expect("request");
        self.request(req).await
    }

    /// The same app served at another public address (e.g. https, for secure cookies).
    pub fn with_base_url(&self, url: &str) -> TestApp {
        let mut state = self.state.clone();
        state.base_url = url.to_owned();
        TestApp { state, store: self.store.clone(), url: self.url.clone(), _dir: self._dir.clone() }
    }

    /// Makes the app see writes made directly to the store (a poll tick, in a server).
    pub async fn sync(&self) {
        self.state.cache.refresh(&*self.store).await.expect("generation");
    }
}

/// A person for tests: created in the store with a password (if given) and grants.
pub async fn person(
    app: &TestApp,
    email: &str,
    password: Option<&str>,
    grants: &[juryn_domain::Grant],
) -> i64 {
    let hash = password.map(password_auth::generate_hash);
    let user = juryn_store::NewUser {
        email: email.into(),
        name: email.split('@').next().unwrap_or("x").into(),
        lang: juryn_domain::Lang::Sv,
        password_hash: hash,
    };
    let id = app.store.put_user(&user, &app.by("test")).await.expect("user");
    for g in grants {
        app.store.grant(id, g, &app.by("test")).await.expect("grant");
    }
    id
}

impl TestApp {
    /// The messages in the outbox, oldest first, as text (quoted-printable undone), once the
    /// queue is delivered (a server's worker does this by itself).
    pub async fn mails(&self) -> Vec<String> {
        self.raw_mails().await.iter().map(|m| decode_qp(m)).collect()
    }

    /// Delivers everything queued, whenever it is due: the worker's pass, run by the test.
    pub async fn deliver_mail(&self) -> juryn_web::mail::queue::Tally {
        let later =
            self.state.clone().with_clock(Clock::Fixed("9000-01-01T00:00:00Z".parse().expect("a time")));
        juryn_web::mail::queue::deliver_due(&later).await.expect("the queue is delivered")
    }

    /// The messages in the outbox, oldest first, as written (headers folded and encoded).
    pub async fn raw_mails(&self) -> Vec<String> {
        self.deliver_mail().await;
        let dir = self._dir.path().join("outbox");
        let mut files: Vec<_> =
            std::fs::read_dir(&dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
        files.sort();
        files.iter().map(|f| std::fs::read_to_string(f).expect("mail")).collect()
    }

    /// The first link to `prefix` in the newest mail.
    pub async fn link_in_last_mail(&self, prefix: &str) -> String {
        let mails = self.mails().await;
        let mail = mails.last().expect("a mail was sent");
        let start = mail.find(prefix).unwrap_or_else(|| panic!("no {prefix} link in {mail}"));
        let rest = &mail[start..];
        let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
        rest[..end].replace("http://juryn.test", "")
    }

    pub fn browser(&self) -> Browser<'_> {
        Browser { app: self, cookies: std::collections::BTreeMap::new() }
    }
}

/// Undoes quoted-printable soft line breaks and =XX escapes.
fn decode_qp(s: &str) -> String {
    let joined = s.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'=' && i + 2 < bytes.len())
            .then(|| {
                std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok())
            })
            .flatten();
        if let Some(b) = escaped {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A browser: keeps the cookies the site sets and sends them back, and fills in CSRF tokens.
pub struct Browser<'a> {
    pub app: &'a TestApp,
    pub cookies: std::collections::BTreeMap<String, String>,
}

impl Browser<'_> {
    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    fn remember(&mut self, page: &Page) {
        for v in page.headers.get_all(header::SET_COOKIE) {
            let v = v.to_str().unwrap_or("");
            let (pair, attrs) = v.split_once(';').unwrap_or((v, ""));
            if let Some((k, val)) = pair.split_once('=') {
                if attrs.contains("Max-Age=0") {
                    self.cookies.remove(k);
                } else {
                    self.cookies.insert(k.to_owned(), val.to_owned());
                }
            }
        }
    }

    pub async fn get(&mut self, uri: &str) -> Page {
        let req = Request::get(uri)
            .header(header::COOKIE, self.cookie_header())
            .body(Body::empty())
            .expect("request");
        let page = self.app.request(req).await;
        self.remember(&page);
        page
    }

    /// This browser's CSRF token, read from a form page.
    pub async fn csrf(&mut self) -> String {
        let page = self.get("/logga-in").await;
        let start =
            page.body.find(r#"name="csrf" value=""#).expect("a form") + r#"name="csrf" value=""#.len();
        let len = page.body[start..].find('"').expect("the token ends");
        page.body[start..start + len].to_owned()
    }

    /// Posts a form with this browser's CSRF token added.
    pub async fn post(&mut self, uri: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(uri, serde_urlencoded::to_string(&all).expect("form")).await
    }

    /// Posts a body as it is (no token added).
    pub async fn post_raw(&mut self, uri: &str, body: impl Into<Body>) -> Page {
        let req = Request::post(uri)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body.into())
            .expect("request");
        let page = self.app.request(req).await;
        self.remember(&page);
        page
    }

    /// Posts a multipart form (text fields and one file) with this browser's CSRF token added.
    pub async fn post_multipart(&mut self, uri: &str, fields: &[(&str, &str)], file: (&str, &[u8])) -> Page {
        let token = self.csrf().await;
        let boundary = "----jurynTestBoundary7MA4YWxkTrZu0gW";
        let mut body = Vec::new();
        for (k, v) in [("csrf", token.as_str())].iter().chain(fields) {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                    .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"bild\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n",
                file.0
            )
            .as_bytes(),
        );
        body.extend_from_slice(file.1);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let req = Request::post(uri)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
            .body(Body::from(body))
            .expect("request");
        let page = self.app.request(req).await;
        self.remember(&page);
        page
    }

    /// A JSON request with this browser's cookies (and no API key).
    pub async fn put_json(&mut self, uri: &str, body: &str) -> Page {
        self.json_request(Method::PUT, uri, body, None).await
    }

    pub async fn post_json(&mut self, uri: &str, body: &str) -> Page {
        self.json_request(Method::POST, uri, body, None).await
    }

    pub async fn json_request(&mut self, method: Method, uri: &str, body: &str, key: Option<&str>) -> Page {
        let mut req = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(k) = key {
            req = req.header(header::AUTHORIZATION, format!("Bearer {k}"));
        }
        self.app.request(req.body(Body::from(body.to_owned())).expect("request")).await
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> Page {
        self.post("/logga-in", &[("email", email), ("password", password), ("next", "/konto")]).await
    }
}

impl Page {
    pub fn location(&self) -> &str {
        self.headers.get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

/// A future the tests run side by side with others.
pub type Pending<'a, T> = std::pin::Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Polls every future at once until all are done, so requests really run in parallel.
pub async fn join_all<T>(mut futures: Vec<Pending<'_, T>>) -> Vec<T> {
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

/// A 1×1 PNG, for image uploads.
pub fn tiny_png() -> Vec<u8> {
    // A 1×1 PNG.
    let b64 =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    base64_decode(b64)
}

fn base64_decode(s: &str) -> Vec<u8> {
    let table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let mut buf = 0u32;
    let mut bits = 0;
    for c in s.chars().filter(|c| *c != '=') {
        buf = (buf << 6) | table.find(c).unwrap() as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
            buf &= (1 << bits) - 1;
        }
    }
    out
}

/// An administrator, signed in, who has just made the award "testpriset" and its edition 2021
/// in the browser, as a new organiser starts.
pub async fn new_edition_2021(app: &TestApp) -> Browser<'_> {
    let password = "correct horse battery staple";
    person(app, "admin@example.se", Some(password), &[juryn_domain::Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("admin@example.se", password).await;
    org.post("/admin/utmarkelser", &[("slug", "testpriset"), ("name_sv", "Testpriset")]).await;
    org.post("/admin/utmarkelser/testpriset/omgang", &[("year", "2021")]).await;
    org
}

/// `name` writing straight to the store now, by the wall clock (an app on a fixed clock
/// writes at its own time: `TestApp::by`).
pub fn by(name: &str) -> juryn_store::Stamp {
    juryn_store::Stamp::new(name, Timestamp::now())
}

impl TestApp {
    /// `name` writing straight to the store at this app's "now".
    pub fn by(&self, name: &str) -> juryn_store::Stamp {
        juryn_store::Stamp::new(name, self.state.now())
    }
}

impl TestApp {
    /// Puts the edition at `to` from wherever it is, for a test's set-up (the store's
    /// compare-and-set from the phase it reads; the rules of the move are tested elsewhere).
    pub async fn force_phase(&self, slug: &juryn_domain::Slug, year: i16, to: juryn_domain::Phase) {
        let from = self.store.edition(slug, year).await.unwrap().expect("the edition").phase;
        assert!(
            self.store.advance_phase(slug, year, from, to, &self.by("test")).await.unwrap(),
            "moved from {from}"
        );
    }
}
