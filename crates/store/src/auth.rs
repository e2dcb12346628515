//! Sessions, one-time links, sign-in throttling and installation secrets.

use async_trait::async_trait;
use jiff::Timestamp;

use crate::Result;
use crate::model::Stamp;
use crate::model::{ApiKey, Authenticated, NewToken, TokenError, TokenPurpose, TokenRecord};

/// What an attempt counts as: a password tried, or an emailed link (sign-in or reset) asked
/// for. They are counted apart, so link requests never lock out a password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptKind {
    Password,
    Link,
    /// A public nomination: counted per sender's address and per recipient of its mail.
    Nomination,
}

impl AttemptKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AttemptKind::Password => "password",
            AttemptKind::Link => "link",
            AttemptKind::Nomination => "nomination",
        }
    }
}

#[async_trait]
pub trait AuthStore: Send + Sync + 'static {
    /// The secret called `name`, made from `fresh` the first time it is asked for. Every process
    /// gets the same value.
    async fn secret(&self, name: &str, fresh: &str) -> Result<String>;

    /// Starts a session for the person (audited as a sign-in at its start), ending the one it
    /// replaces. The span is (started, expires), by the caller's clock.
    async fn create_session(
        &self,
        id_hash: &str,
        user_id: i64,
        span: (Timestamp, Timestamp),
        replaces: Option<&str>,
        how: &str,
    ) -> Result<()>;
    /// The person behind a live session, with their grants and conflicts.
    async fn session(&self, id_hash: &str, now: Timestamp) -> Result<Option<Authenticated>>;
    async fn end_session(&self, id_hash: &str, now: Timestamp) -> Result<()>;

    /// Makes an API key (stored as its hash) for the person, audited.
    async fn create_api_key(
        &self,
        user_id: i64,
        name: &str,
        hash: &str,
        (now, expires_at): (Timestamp, Timestamp),
    ) -> Result<i64>;
    /// The person behind a live API key (not expired, not revoked), noting its use.
    async fn api_key(&self, hash: &str, now: Timestamp) -> Result<Option<Authenticated>>;
    /// The person's keys, newest first.
    async fn api_keys_of(&self, user_id: i64) -> Result<Vec<ApiKey>>;
    /// Revokes one of the person's keys; `false` if they have no such live key.
    async fn revoke_api_key(&self, user_id: i64, key_id: i64, now: Timestamp) -> Result<bool>;

    async fn put_token(&self, hash: &str, token: &NewToken, actor: &Stamp) -> Result<()>;
    /// Reads a token without using it (for the page that asks to confirm).
    async fn token(
        &self,
        hash: &str,
        purpose: TokenPurpose,
        now: Timestamp,
    ) -> Result<Result<TokenRecord, TokenError>>;
    /// Uses a sign-in link: marks it used and starts a session, in one transaction.
    async fn sign_in_with_token(
        &self,
        hash: &str,
        session_hash: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> Result<Result<i64, TokenError>>;
    /// Uses a reset link: sets the password and ends every session of the person.
    async fn reset_password(
        &self,
        hash: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<Result<i64, TokenError>>;
    /// Uses an invitation: creates or joins the account by email and grants the role. Sets the
    /// name and password where given.
    async fn accept_invitation(
        &self,
        hash: &str,
        name: &str,
        password_hash: Option<&str>,
        now: Timestamp,
    ) -> Result<Result<i64, TokenError>> {
        self.accept_invitation_and_tell(hash, name, password_hash, now, Vec::new()).await
    }

    /// Uses an invitation and queues `mail` (who is told of a registration) if it is used now.
    async fn accept_invitation_and_tell(
        &self,
        hash: &str,
        name: &str,
        password_hash: Option<&str>,
        now: Timestamp,
        mail: Vec<crate::OutgoingMail>,
    ) -> Result<Result<i64, TokenError>>;

    /// Deletes sessions and links past their expiry, and failures older than `before`. Safe to
    /// run from any number of processes at once.
    async fn purge_expired(&self, now: Timestamp, before: Timestamp) -> Result<u64>;

    /// Counts an attempt before it is checked, atomically: refuses (`None`) when this email or
    /// this address already has `max` attempts of the kind since `since`, else records one
    /// (as a failure, until `clear_attempt` takes it back) and returns its id.
    async fn begin_attempt(
        &self,
        kind: AttemptKind,
        (email, ip): (&str, &str),
        (since, now): (Timestamp, Timestamp),
        max: i64,
    ) -> Result<Option<i64>>;
    /// Takes back an attempt that succeeded.
    async fn clear_attempt(&self, id: i64) -> Result<()>;
    /// Attempts of the kind since `since`: (for this email, from this address).
    async fn failures_since(
        &self,
        kind: AttemptKind,
        email: &str,
        ip: &str,
        since: Timestamp,
    ) -> Result<(i64, i64)>;
}
