//! A small SMTP server on loopback that receives what lettre sends — or fails as real servers
//! do: down (nothing listens), a 5xx or 4xx reply to the message, no answer at all, or the
//! connection closed in the middle of the message. The behaviour can change while it runs.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A received message: the envelope and the data as sent.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

/// How the server answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behaviour {
    Accept,
    /// `554 5.7.1` after the message: refused for good.
    Refuse,
    /// `451 4.3.0` after the message: try again later.
    Defer,
    /// Accepts the connection and never says a word.
    Silent,
    /// Closes the connection after the first line of the message.
    CloseMidMessage,
}

#[derive(Clone)]
pub struct SmtpServer {
    pub port: u16,
    pub inbox: Arc<Mutex<Vec<Received>>>,
    behaviour: Arc<Mutex<Behaviour>>,
    task: Arc<Mutex<Option<tokio::task::JoinHandle<()>>>>,
}

impl SmtpServer {
    /// A server that accepts everything, on a free port.
    pub async fn start() -> SmtpServer {
        let server = SmtpServer::down().await;
        server.come_up().await;
        server
    }

    /// A port where no server listens yet (connections are refused until `come_up`).
    pub async fn down() -> SmtpServer {
        let probe = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = probe.local_addr().unwrap().port();
        drop(probe);
        SmtpServer {
            port,
            inbox: Arc::default(),
            behaviour: Arc::new(Mutex::new(Behaviour::Accept)),
            task: Arc::default(),
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn behave(&self, b: Behaviour) {
        *self.behaviour.lock().unwrap() = b;
    }

    pub fn received(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().clone()
    }

    /// Starts listening on the port.
    pub async fn come_up(&self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).await.unwrap();
        let inbox = self.inbox.clone();
        let behaviour = self.behaviour.clone();
        let task = tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                tokio::spawn(converse(socket, inbox.clone(), behaviour.clone()));
            }
        });
        *self.task.lock().unwrap() = Some(task);
    }

    /// Stops listening: new connections are refused.
    pub fn go_down(&self) {
        if let Some(task) = self.task.lock().unwrap().take() {
            task.abort();
        }
    }
}

/// One connection. The behaviour is read afresh at each step, so a connection kept open by the
/// client's pool behaves as the server now does.
async fn converse(
    socket: tokio::net::TcpStream,
    inbox: Arc<Mutex<Vec<Received>>>,
    now: Arc<Mutex<Behaviour>>,
) {
    let behaviour = || *now.lock().unwrap();
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    if behaviour() == Behaviour::Silent {
        // Keep the connection open, say nothing, until the client gives up.
        let mut sink = String::new();
        while lines.read_line(&mut sink).await.unwrap_or(0) > 0 {}
        return;
    }
    let mut current = Received { from: String::new(), to: vec![], data: String::new() };
    write.write_all(b"220 test.invalid ESMTP ready\r\n").await.ok();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
            break;
        }
        let upper = line.to_ascii_uppercase();
        if behaviour() == Behaviour::Silent {
            // Stops answering mid-conversation, as a hung server does.
            continue;
        }
        let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            b"250-test.invalid\r\n250 8BITMIME\r\n"
        } else if upper.starts_with("MAIL FROM:") {
            // A new message on the same connection (lettre keeps connections in a pool).
            current = Received { from: line[10..].trim().to_owned(), to: vec![], data: String::new() };
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
                if behaviour() == Behaviour::CloseMidMessage {
                    return;
                }
                data.push_str(&line);
            }
            match behaviour() {
                Behaviour::Refuse => b"554 5.7.1 Message rejected: the recipient does not exist\r\n",
                Behaviour::Defer => b"451 4.3.0 Mailbox temporarily unavailable\r\n",
                _ => {
                    current.data = data;
                    inbox.lock().unwrap().push(current.clone());
                    b"250 queued\r\n"
                }
            }
        } else if upper.starts_with("QUIT") {
            write.write_all(b"221 bye\r\n").await.ok();
            break;
        } else {
            b"250 OK\r\n"
        };
        write.write_all(reply).await.ok();
    }
}
