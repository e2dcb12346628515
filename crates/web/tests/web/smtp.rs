//! Mail through real SMTP: a small SMTP server on loopback receives what lettre sends.

use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use juryn_domain::{Grant, MunicipalityCode, Role, Scope, Slug};
use juryn_web::Mailer;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::helpers::{person, spawn_app};

/// A received message: the envelope and the data as sent.
#[derive(Debug, Clone)]
struct Received {
    from: String,
    to: Vec<String>,
    data: String,
}

/// Listens on a free loopback port and speaks enough SMTP for a client that does not ask for
/// TLS. Returns the port and the inbox.
async fn smtp_server() -> (u16, Arc<Mutex<Vec<Received>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let inbox = Arc::new(Mutex::new(Vec::new()));
    let shared = inbox.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let inbox = shared.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read);
                let mut current = Received { from: String::new(), to: vec![], data: String::new() };
                write.write_all(b"220 test.invalid ESMTP ready\r\n").await.ok();
                let mut line = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                        break;
                    }
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250-test.invalid\r\n250 8BITMIME\r\n"
                    } else if upper.starts_with("MAIL FROM:") {
                        current.from = line[10..].trim().to_owned();
                        b"250 OK\r\n"
                    } else if upper.starts_with("RCPT TO:") {
                        current.to.push(line[8..].trim().to_owned());
                        b"250 OK\r\n"
                    } else if upper.starts_with("DATA") {
                        write.write_all(b"354 go ahead\r\n").await.ok();
                        let mut data = String::new();
                        loop {
                            line.clear();
                            if lines.read_line(&mut line).await.unwrap_or(0) == 0 || line == ".\r\n" {
                                break;
                            }
                            data.push_str(&line);
                        }
                        current.data = data;
                        inbox.lock().unwrap().push(current.clone());
                        b"250 queued\r\n"
                    } else if upper.starts_with("QUIT") {
                        write.write_all(b"221 bye\r\n").await.ok();
                        break;
                    } else {
                        b"250 OK\r\n"
                    };
                    write.write_all(reply).await.ok();
                }
            });
        }
    });
    (port, inbox)
}

#[tokio::test]
async fn a_sign_in_link_travels_by_smtp_and_works() {
    let (port, inbox) = smtp_server().await;
    let mut app = spawn_app().await;
    app.state.mailer =
        Mailer::smtp(&format!("smtp://127.0.0.1:{port}"), "Utmärkelsen <noreply@example.se>").unwrap();
    let lidingo = Grant {
        role: Role::EntrantContact,
        scope: Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019),
        municipality: Some(MunicipalityCode::parse("0186").unwrap()),
    };
    person(&app, "kontakt@lidingo.se", None, &[lidingo]).await;
    let mut b = app.browser();
    b.post("/logga-in/lank", &[("email", "kontakt@lidingo.se")]).await.assert_has("Om adressen finns");
    let mail = inbox.lock().unwrap().pop().expect("the SMTP server received the message");
    assert_eq!(mail.from, "<noreply@example.se>");
    assert_eq!(mail.to, ["<kontakt@lidingo.se>"]);
    assert!(mail.data.contains("From: =?utf-8?b?") || mail.data.contains("From: Utm"), "{}", mail.data);
    let text = mail.data.replace("=\r\n", "");
    let start = text.find("http://juryn.test/logga-in/lank/").expect("the link");
    let link: String = text[start..].chars().take_while(|c| !c.is_whitespace()).collect();
    let path = link.replace("http://juryn.test", "");
    assert_eq!(b.post(&path, &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(b.get("/portal").await.status, StatusCode::OK);
    assert!(app.mails().is_empty(), "nothing went to the outbox");
}

#[tokio::test]
async fn a_bad_smtp_url_is_refused_when_configured() {
    assert!(Mailer::smtp("ftp://nowhere", "juryn <a@b.se>").is_err());
    assert!(Mailer::smtp("smtp://127.0.0.1:25", "not an address").is_err());
}
