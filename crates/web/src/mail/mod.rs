//! Email: SMTP through lettre when a server is configured, else `.eml` files in an outbox
//! directory (for development and for a site without mail, whose operator forwards by hand).
//! Messages are plain text in the recipient's language, from the catalogue. A request never
//! sends: it queues its letters with its write (`Letter::to` → `Stamp::with_mail`), and the
//! worker in `queue.rs` delivers them.

mod messages;
pub mod queue;

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

pub use messages::Letter;

/// Where mail goes.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(PathBuf),
}

#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    /// How long one message may take, the whole SMTP conversation included.
    timeout: Duration,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the SMTP URL is not valid: {0}")]
    Url(String),
    #[error("not a sender address: {0}")]
    From(String),
    #[error("cannot build the message: {0}")]
    Build(String),
    #[error("{message}")]
    Smtp { message: String, permanent: bool },
    #[error("cannot write to the outbox: {0}")]
    Outbox(#[from] std::io::Error),
}

impl Mailer {
    /// SMTP at `url` (`smtp://host:25`, `smtp://user:pass@host:587?tls=required`,
    /// `smtps://user:pass@host`).
    pub fn smtp(url: &str, from: &str) -> Result<Mailer, MailError> {
        Mailer::smtp_with_timeout(url, from, SMTP_TIMEOUT)
    }

    /// As [`Mailer::smtp`], giving up on a server that has not answered within `timeout`.
    pub fn smtp_with_timeout(url: &str, from: &str, timeout: Duration) -> Result<Mailer, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Url(e.to_string()))?
            .timeout(Some(timeout))
            .build();
        Ok(Mailer { transport: Transport::Smtp(transport), from: parse_from(from)?, timeout })
    }

    /// `.eml` files in `dir`, created if missing.
    pub fn outbox(dir: impl Into<PathBuf>, from: &str) -> Result<Mailer, MailError> {
        Ok(Mailer {
            transport: Transport::Outbox(dir.into()),
            from: parse_from(from)?,
            timeout: SMTP_TIMEOUT,
        })
    }

    /// Where the outbox is, if mail goes to one.
    pub fn outbox_dir(&self) -> Option<&std::path::Path> {
        match &self.transport {
            Transport::Outbox(dir) => Some(dir),
            Transport::Smtp(_) => None,
        }
    }

    /// Sends one queued message (only the worker does).
    pub async fn deliver(&self, mail: &juryn_store::QueuedMail) -> Result<(), MailError> {
        // Names and subjects are checked where they are typed; should a control character reach
        // a header anyway, it becomes a space here rather than a panic or a second header.
        let to = Mailbox::new(
            Some(header_safe(&mail.to_name)).filter(|n| !n.is_empty()),
            mail.to_email
                .parse()
                .map_err(|e: lettre::address::AddressError| MailError::Build(e.to_string()))?,
        );
        let sender = mail.sender.clone().or_else(|| self.from.name.clone()).unwrap_or_else(crate::site::name);
        let from = Mailbox::new(Some(header_safe(&sender)), self.from.email.clone());
        let message = Message::builder()
            .from(from)
            .to(to)
            .subject(header_safe(&mail.subject))
            .message_id(None)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| MailError::Build(e.to_string()))?;
        match &self.transport {
            Transport::Smtp(smtp) => {
                // lettre's own timeout covers only the connecting (lettre#1027): a server that
                // accepts and then says nothing would hold the worker for ever.
                let sent = tokio::time::timeout(self.timeout, smtp.send(message)).await.map_err(|_| {
                    MailError::Smtp {
                        message: format!(
                            "the mail server did not answer within {} s",
                            self.timeout.as_secs()
                        ),
                        permanent: false,
                    }
                })?;
                sent.map_err(|e| MailError::Smtp {
                    // A 5xx reply is the server's last word; everything else (4xx, a refused
                    // connection, a timeout, a connection closed mid-message) may pass.
                    permanent: e.is_permanent(),
                    message: e.to_string(),
                })?;
            }
            Transport::Outbox(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                let name = format!(
                    "{}-{}.eml",
                    jiff::Timestamp::now().as_nanosecond(),
                    crate::auth::random_token().get(..8).unwrap_or("x")
                );
                tokio::fs::write(dir.join(name), message.formatted()).await?;
            }
        }
        Ok(())
    }
}

impl MailError {
    /// Whether trying again cannot help: the server refused the message for good, or it cannot
    /// be made at all.
    pub fn is_permanent(&self) -> bool {
        match self {
            MailError::Smtp { permanent, .. } => *permanent,
            MailError::Build(_) | MailError::From(_) | MailError::Url(_) => true,
            MailError::Outbox(_) => false,
        }
    }
}

/// How long an SMTP server may take to answer before the attempt counts as failed.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// A header value with every control character (CR and LF included) made a space, trimmed.
fn header_safe(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect::<String>().trim().to_owned()
}

fn parse_from(from: &str) -> Result<Mailbox, MailError> {
    from.parse().map_err(|_| MailError::From(from.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_line_break_in_a_name_or_subject_never_makes_a_header() {
        let dir = tempfile::tempdir().unwrap();
        let mailer = Mailer::outbox(dir.path(), "Pris <pris@example.se>").unwrap();
        let letter =
            Letter { subject: "Hej\r\nBcc: offer@example.invalid".into(), body: "Text".into(), sender: None };
        let queued = queued(letter.to("Anna\r\nBcc: offer@example.invalid", "anna@example.se"));
        mailer.deliver(&queued).await.unwrap();
        let file = std::fs::read_dir(dir.path()).unwrap().next().unwrap().unwrap().path();
        let mail = std::fs::read_to_string(file).unwrap();
        assert!(!mail.lines().any(|l| l.starts_with("Bcc:")), "{mail}");
        assert_eq!(header_safe(" a\tb\r\n"), "a b");
    }

    /// An outgoing letter as the queue would hand it to the worker.
    fn queued(m: juryn_store::OutgoingMail) -> juryn_store::QueuedMail {
        juryn_store::QueuedMail {
            id: 1,
            to_name: m.to_name,
            to_email: m.to_email,
            subject: m.subject,
            body: m.body,
            sender: m.sender,
            created_at: jiff::Timestamp::UNIX_EPOCH,
            state: juryn_store::MailState::Sending,
            attempts: 1,
            next_attempt_at: jiff::Timestamp::UNIX_EPOCH,
            last_error: None,
            sent_at: None,
        }
    }
}
