//! What every test of the binary shares: running it, reading what it says, a server on a
//! free port and plain HTTP to it.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Output};
use std::time::{Duration, Instant};

pub fn juryn() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_juryn"));
    cmd.env_remove("JURYN_DATABASE_URL")
        .env_remove("JURYN_LISTEN")
        .env_remove("JURYN_CONFIG")
        .env("JURYN_LOG", "warn");
    cmd
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[track_caller]
pub fn assert_one_line_error(out: &Output, needle: &str) {
    assert!(!out.status.success(), "expected failure");
    let err = stderr(out);
    assert_eq!(err.trim_end().lines().count(), 1, "one line, got: {err}");
    assert!(err.contains(needle), "expected {needle:?} in {err:?}");
    assert!(!err.contains("panicked"), "{err}");
}

pub fn run_ok(args: &[&str]) -> String {
    let out = juryn().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A command that must fail with one line naming the problem, and leave the database as it was.
pub fn run_refused(args: &[&str], needle: &str) {
    let out = juryn().args(args).output().unwrap();
    assert!(!out.status.success(), "{args:?} was accepted");
    assert_one_line_error(&out, needle);
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A plain HTTP/1.1 GET over a socket; returns the status line's code and the body.
pub fn http_get(port: u16, path: &str) -> std::io::Result<(u16, String)> {
    http_get_raw(port, path.as_bytes())
}

/// A GET whose target is sent as the bytes given, valid UTF-8 or not.
pub fn http_get_raw(port: u16, target: &[u8]) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.write_all(b"GET ")?;
    stream.write_all(target)?;
    write!(stream, " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")?;
    let (code, _, body) = read_response(&mut stream)?;
    Ok((code, body))
}

/// A whole response read to the end: its status code, its head and its body.
fn read_response(stream: &mut TcpStream) -> std::io::Result<(u16, String, String)> {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let code = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    Ok((code, head.to_owned(), body.to_owned()))
}

pub struct Server(pub Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn wait_until_up(port: u16, server: &mut Server) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if let Ok((200, _)) = http_get(port, "/health") {
            return;
        }
        assert!(server.0.try_wait().unwrap().is_none(), "the server exited");
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the server did not come up");
}

/// `juryn COMMAND` (`serve` or `demo`) on a free port over `url`, mail to `dir/outbox`, up and
/// answering; its port.
pub fn started(command: &str, url: &str, dir: &std::path::Path, extra: &[&str]) -> (Server, u16) {
    let port = free_port();
    let mut server = Server(
        juryn()
            .args([command, "--listen", &format!("127.0.0.1:{port}"), "--database", url])
            .args(extra)
            .arg("--outbox")
            .arg(dir.join("outbox"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_until_up(port, &mut server);
    (server, port)
}

/// The database a test runs on, named `name`: a SQLite file in `dir`, or, when
/// `JURYN_TEST_BACKEND=postgres`, a fresh database on the server `JURYN_TEST_POSTGRES_URL` names
/// (CI runs the suite both ways).
pub fn test_database(dir: &std::path::Path, name: &str) -> String {
    if std::env::var("JURYN_TEST_BACKEND").as_deref() != Ok("postgres") {
        return format!("sqlite://{}", dir.join(format!("{name}.db")).display());
    }
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let server = std::env::var("JURYN_TEST_POSTGRES_URL")
        .expect("JURYN_TEST_POSTGRES_URL with JURYN_TEST_BACKEND=postgres");
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let db = format!("juryn_cli_{}_{n}_{name}", std::process::id());
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(juryn_store::PgStore::fresh_database(&server, &db))
        .expect("a fresh PostgreSQL database")
}

/// Runs one SQL statement on the database `url` names (either backend), for a test that
/// tampers with what the program wrote.
pub fn execute(url: &str, sql: &str) {
    let (url, sql) = (url.to_owned(), sql.to_owned());
    tokio::runtime::Runtime::new().unwrap().block_on(async move {
        if url.starts_with("postgres") {
            let pool = sqlx::PgPool::connect(&url).await.unwrap();
            sqlx::query(&sql).execute(&pool).await.unwrap();
            pool.close().await;
        } else {
            let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
            sqlx::query(&sql).execute(&pool).await.unwrap();
            pool.close().await;
        }
    });
}

/// Every booklet version's SHA-256 and PDF in the database `url` names (either backend).
pub fn booklet_rows(url: &str) -> Vec<(String, Vec<u8>)> {
    const SQL: &str = "select sha256, pdf from booklet_versions order by edition_id, version";
    let url = url.to_owned();
    tokio::runtime::Runtime::new().unwrap().block_on(async move {
        if url.starts_with("postgres") {
            let pool = sqlx::PgPool::connect(&url).await.unwrap();
            sqlx::query_as(SQL).fetch_all(&pool).await.unwrap()
        } else {
            let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
            sqlx::query_as(SQL).fetch_all(&pool).await.unwrap()
        }
    })
}

/// One HTTP/1.1 request with cookies (and, for a POST, a form body and this site's Origin);
/// returns the status code, the cookies it sets (`name=value`) and the body.
pub fn http_form(
    port: u16,
    method: &str,
    path: &str,
    cookies: &str,
    form: &str,
) -> (u16, Vec<String>, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n\
         Cookie: {cookies}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{form}",
        form.len()
    )
    .unwrap();
    let (code, head, body) = read_response(&mut stream).unwrap();
    let set = head
        .lines()
        .filter_map(|l| l.strip_prefix("set-cookie: ").or_else(|| l.strip_prefix("Set-Cookie: ")))
        .filter_map(|c| c.split(';').next().map(str::to_owned))
        .collect();
    (code, set, body)
}

/// The CSRF token in a page's form.
pub fn csrf_of(page: &str) -> String {
    let start = page.find(r#"name="csrf" value=""#).expect("a form with a CSRF token")
        + r#"name="csrf" value=""#.len();
    page[start..].split('"').next().unwrap_or_default().to_owned()
}
