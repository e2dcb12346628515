//! Kill the server (SIGKILL) in the middle of a burst of saves: every save it answered with 2xx
//! is in the database afterwards, version for version.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use juryn_domain::{Grant, Lang, MunicipalityCode, Role, Scope, Slug};
use juryn_store::NewUser;

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// One HTTP/1.1 request; the status and the body.
fn request(port: u16, method: &str, path: &str, key: &str, body: &str) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {key}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let code = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    Ok((code, text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default()))
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn every_acknowledged_save_survives_a_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("juryn.db").display());
    let port = free_port();
    let mut server = Server(
        Command::new(env!("CARGO_BIN_EXE_juryn"))
            .args([
                "demo",
                "--phase",
                "call-open",
                "--listen",
                &format!("127.0.0.1:{port}"),
                "--database",
                &url,
            ])
            .env("JURYN_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let start = Instant::now();
    while request(port, "GET", "/health", "", "").map(|r| r.0).ok() != Some(200) {
        assert!(start.elapsed() < Duration::from_secs(60), "the server did not come up");
        std::thread::sleep(Duration::from_millis(100));
    }

    // Four contacts with API keys, each for a municipality without an entry yet.
    let codes = ["0584", "0604", "0617", "0642"];
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let keys: Vec<String> = runtime.block_on(async {
        let store = juryn_store::open(&url).await.unwrap();
        let slug = Slug::parse("digitaliseringskommun").unwrap();
        let mut keys = Vec::new();
        for code in codes {
            let user = NewUser {
                email: format!("k{code}@example.se"),
                name: code.into(),
                lang: Lang::Sv,
                password_hash: None,
            };
            let id = store.put_user(&user, &juryn_store::Stamp::new("test", Timestamp::now())).await.unwrap();
            let grant = Grant {
                role: Role::EntrantContact,
                scope: Scope::Edition(slug.clone(), 2019),
                municipality: Some(MunicipalityCode::parse(code).unwrap()),
            };
            store.grant(id, &grant, &juryn_store::Stamp::new("test", Timestamp::now())).await.unwrap();
            let key = format!("durability-test-key-{code}-0123456789abcdef");
            let expires = Timestamp::now().checked_add(SignedDuration::from_hours(1)).unwrap();
            let now = Timestamp::now();
            store.create_api_key(id, "test", &juryn_web::hash_token(&key), (now, expires)).await.unwrap();
            keys.push(key);
        }
        keys
    });

    // A burst of saves from four clients; each remembers what the server acknowledged.
    let acknowledged: Arc<Mutex<Vec<(String, i64, String)>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = codes
        .iter()
        .zip(keys)
        .map(|(code, key)| {
            let (acknowledged, stop, code) = (acknowledged.clone(), stop.clone(), (*code).to_owned());
            std::thread::spawn(move || {
                let path = format!("/api/v1/awards/digitaliseringskommun/editions/2019/entries/{code}");
                let mut version = 1;
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    let answer = format!("Sparning {n} av {code}");
                    let body = format!(r#"{{"version": {version}, "answers": ["{answer}", "", ""]}}"#);
                    match request(port, "PUT", &path, &key, &body) {
                        Ok((200, reply)) => {
                            let j: serde_json::Value = serde_json::from_str(&reply).unwrap();
                            version = j["version"].as_i64().unwrap();
                            acknowledged.lock().unwrap().push((code.clone(), version, answer));
                        }
                        // No complete answer: the server is gone, and this save was never acknowledged.
                        Ok((0, _)) | Err(_) => break,
                        Ok((status, reply)) => panic!("save {n} of {code}: {status} {reply}"),
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(1500));
    server.0.kill().unwrap(); // SIGKILL: no graceful shutdown, no flush
    server.0.wait().unwrap();
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.join().unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= 20, "the burst made only {} saves", acknowledged.len());

    runtime.block_on(async {
        let store = juryn_store::open(&url).await.unwrap();
        let slug = Slug::parse("digitaliseringskommun").unwrap();
        for code in codes {
            let record = store
                .entry_record(&slug, 2019, MunicipalityCode::parse(code).unwrap())
                .await
                .unwrap()
                .expect("the entry exists");
            let history = store.entry_history(record.id).await.unwrap();
            for (c, version, answer) in acknowledged.iter().filter(|(c, ..)| c == code) {
                let kept = history
                    .iter()
                    .find(|v| v.version == *version)
                    .unwrap_or_else(|| panic!("{c} version {version} is lost"));
                assert_eq!(&kept.answers[0], answer);
            }
            let last = acknowledged.iter().filter(|(c, ..)| c == code).map(|(_, v, _)| *v).max().unwrap_or(1);
            assert!(
                record.version >= last,
                "{code}: stored version {} < acknowledged {last}",
                record.version
            );
        }
    });
    eprintln!("{} acknowledged saves, all kept after SIGKILL", acknowledged.len());
}
