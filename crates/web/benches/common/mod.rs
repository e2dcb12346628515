//! What the HTTP benchmarks share: a keep-alive connection that sends one request at a time,
//! and the report of a run's latencies.

use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// A keep-alive HTTP/1.1 connection that sends one request at a time.
pub struct Conn {
    reader: BufReader<TcpStream>,
}

impl Conn {
    pub async fn open(port: u16) -> Conn {
        Conn { reader: BufReader::new(TcpStream::connect(("127.0.0.1", port)).await.expect("connect")) }
    }

    pub async fn send(&mut self, method: &str, path: &str, headers: &str, body: &str) -> (u16, String) {
        let req = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}Content-Length: {}\r\n\r\n{body}",
            body.len()
        );
        self.reader.get_mut().write_all(req.as_bytes()).await.expect("write");
        let mut status = String::new();
        self.reader.read_line(&mut status).await.expect("status");
        let code = status.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).await.expect("header");
            if line == "\r\n" {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).await.expect("body");
        (code, String::from_utf8_lossy(&body).into_owned())
    }
}

pub fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let n = samples.len();
    let p = |q: usize| samples[(n * q / 100).min(n - 1)];
    println!("{name:<56} n={n:<5} p50 {:>9.2?}  p99 {:>9.2?}  max {:>9.2?}", p(50), p(99), samples[n - 1]);
}

/// The benchmark's set-up writing now, by the wall clock.
pub fn by(name: &str) -> juryn_store::Stamp {
    juryn_store::Stamp::new(name, jiff::Timestamp::now())
}
