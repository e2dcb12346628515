//! Slow and silent clients against the real server: a connection that never finishes its
//! headers is closed after the header timeout, an idle one after the idle timeout, and
//! connections past the limit are closed at once while the server keeps answering. The
//! database URL's password is never printed.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn get(port: u16, path: &str) -> std::io::Result<u16> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    Ok(String::from_utf8_lossy(&raw).split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0))
}

/// Seconds until the server closes the connection (reads return 0 or fail), at most `max`.
fn closed_within(s: &mut TcpStream, max: Duration) -> Option<Duration> {
    let start = Instant::now();
    s.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
    let mut buf = [0u8; 1024];
    while start.elapsed() < max {
        match s.read(&mut buf) {
            Ok(0) => return Some(start.elapsed()),
            // A 408 or similar answer, then the close.
            Ok(_) => {}
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {}
            Err(_) => return Some(start.elapsed()),
        }
    }
    None
}

fn start(dir: &tempfile::TempDir, extra: &[&str]) -> (Server, u16) {
    let port = free_port();
    let url = format!("sqlite://{}", dir.path().join("juryn.db").display());
    let mut args =
        vec!["serve".to_owned(), "--listen".into(), format!("127.0.0.1:{port}"), "--database".into(), url];
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    let mut server = Server(
        Command::new(env!("CARGO_BIN_EXE_juryn"))
            .args(&args)
            .env("JURYN_OUTBOX", dir.path().join("outbox"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let t = Instant::now();
    while get(port, "/health").ok() != Some(200) {
        assert!(server.0.try_wait().unwrap().is_none(), "the server exited");
        assert!(t.elapsed() < Duration::from_secs(60), "the server did not come up");
        std::thread::sleep(Duration::from_millis(100));
    }
    (server, port)
}

#[test]
fn unfinished_headers_and_idle_connections_are_closed_and_the_cap_holds() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, port) =
        start(&dir, &["--header-timeout", "2", "--idle-timeout", "4", "--max-connections", "8"]);
    // Headers never finished: closed after about two seconds, not held.
    let mut slow = TcpStream::connect(("127.0.0.1", port)).unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ").unwrap();
    let took = closed_within(&mut slow, Duration::from_secs(10)).expect("closed");
    assert!(took < Duration::from_secs(6), "closed after {took:?}");
    // A connection that says nothing at all is closed too.
    let mut silent = TcpStream::connect(("127.0.0.1", port)).unwrap();
    assert!(closed_within(&mut silent, Duration::from_secs(10)).is_some(), "a silent connection stays");
    // Past the cap: the extra connections are closed at once, and once the slow ones are gone the
    // server answers again.
    let mut held: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
            s.write_all(b"GET / HTTP/1.1\r\n").unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let mut extra = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let closed = closed_within(&mut extra, Duration::from_secs(1));
    assert!(closed.is_some(), "a ninth connection is closed at once");
    for s in &mut held {
        assert!(closed_within(s, Duration::from_secs(10)).is_some());
    }
    assert_eq!(get(port, "/health").unwrap(), 200);
}

#[test]
fn the_database_password_is_never_printed() {
    let out = Command::new(env!("CARGO_BIN_EXE_juryn"))
        .args([
            "serve",
            "--listen",
            "127.0.0.1:1",
            "--database",
            "postgres://juryn:hemligt-losen@127.0.0.1:1/juryn",
        ])
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(!out.status.success());
    assert!(!text.contains("hemligt-losen"), "{text}");
}
