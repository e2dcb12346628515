//! Sessions, one-time links, sign-in throttling and installation secrets.

use async_trait::async_trait;
use jiff::Timestamp;

use crate::Result;
use crate::model::{Authenticated, NewToken, TokenError, TokenPurpose, TokenRecord};

#[async_trait]
pub trait AuthStore: Send + Sync + 'static {
    /// The secret called `name`, made from `fresh` the first time it is asked for. Every process
    /// gets the same value.
    async fn secret(&self, name: &str, fresh: &str) -> Result<String>;

    /// Starts a session for the person (audited as a sign-in), ending the one it replaces.
    async fn create_session(
        &self,
        id_hash: &str,
        user_id: i64,
        expires_at: Timestamp,
        replaces: Option<&str>,
        how: &str,
    ) -> Result<()>;
    /// The person behind a live session, with their grants and conflicts.
    async fn session(&self, id_hash: &str, now: Timestamp) -> Result<Option<Authenticated>>;
    async fn end_session(&self, id_hash: &str) -> Result<()>;

    async fn put_token(&self, hash: &str, token: &NewToken, actor: &str) -> Result<()>;
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
    ) -> Result<Result<i64, TokenError>>;

    /// Deletes sessions and links past their expiry, and failures older than `before`. Safe to
    /// run from any number of processes at once.
    async fn purge_expired(&self, now: Timestamp, before: Timestamp) -> Result<u64>;

    async fn record_failure(&self, email: &str, ip: &str, at: Timestamp) -> Result<()>;
    /// Failed sign-ins since `since`: (for this email, from this address).
    async fn failures_since(&self, email: &str, ip: &str, since: Timestamp) -> Result<(i64, i64)>;
}
