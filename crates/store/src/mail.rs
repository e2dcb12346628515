//! The mail queue (sql/mail.rs): messages are queued by the writes that cause them (see
//! [`crate::Stamp::mail`]); a worker claims one at a time, sends it, and marks it sent, to be
//! tried again later, or failed.

use async_trait::async_trait;
use jiff::Timestamp;

use crate::Result;
use crate::model::Stamp;

/// Where a queued message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MailState {
    /// Waiting for its next attempt.
    Pending,
    /// Claimed by a worker that is sending it now.
    Sending,
    Sent,
    /// Given up: the server refused it for good, or it failed too many times.
    Failed,
}

impl MailState {
    pub const ALL: [MailState; 4] =
        [MailState::Pending, MailState::Sending, MailState::Sent, MailState::Failed];

    pub fn as_str(self) -> &'static str {
        match self {
            MailState::Pending => "pending",
            MailState::Sending => "sending",
            MailState::Sent => "sent",
            MailState::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<MailState> {
        MailState::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// A message as the queue holds it. The body is empty once sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedMail {
    pub id: i64,
    pub to_name: String,
    pub to_email: String,
    pub subject: String,
    pub body: String,
    pub sender: Option<String>,
    pub created_at: Timestamp,
    pub state: MailState,
    /// Attempts begun, this one included when claimed.
    pub attempts: i64,
    pub next_attempt_at: Timestamp,
    pub last_error: Option<String>,
    pub sent_at: Option<Timestamp>,
}

/// How many messages are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MailCounts {
    pub pending: i64,
    pub sending: i64,
    pub sent: i64,
    pub failed: i64,
}

/// What became of an attempt that did not deliver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailFailure {
    /// Try again at this time.
    Retry { error: String, at: Timestamp },
    /// Give up.
    Permanent { error: String },
}

#[async_trait]
pub trait MailStore: Send + Sync + 'static {
    /// Claims the oldest message that is due at `now` (pending and due, or sending but left by a
    /// worker whose claim ran out) until `now + lease_secs`, counting the attempt. Two workers
    /// never hold one message: the claim is a compare-and-set.
    async fn claim_mail(&self, now: Timestamp, lease_secs: i64) -> Result<Option<QueuedMail>>;

    /// The claimed message went: sent at `now`, its body forgotten.
    async fn mail_sent(&self, id: i64, now: Timestamp) -> Result<()>;

    /// The claimed message did not go.
    async fn mail_not_sent(&self, id: i64, failure: &MailFailure) -> Result<()>;

    /// Messages, newest first: those in `state` if given, at most `limit`.
    async fn mail_queue(&self, state: Option<MailState>, limit: i64) -> Result<Vec<QueuedMail>>;

    async fn mail_counts(&self) -> Result<MailCounts>;

    /// Makes a failed or waiting message due now (every failed one when `id` is None); how many.
    async fn retry_mail(&self, id: Option<i64>, actor: &Stamp) -> Result<u64>;
}
