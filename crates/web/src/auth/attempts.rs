//! Attempts counted before they are checked: passwords, emailed links and nominations, per
//! email and per address, within a window.

use jiff::{SignedDuration, Timestamp};
use juryn_store::AttemptKind;

use crate::app::AppState;
use crate::error::WebError;

/// Failed attempts allowed per account and per address within the window.
pub const MAX_FAILURES: i64 = 10;
/// Emailed links (sign-in or reset) asked for per address and per recipient within the window:
/// counted apart from passwords, so asking for someone's links never locks their password.
pub const MAX_LINK_REQUESTS: i64 = 10;
pub const FAILURE_WINDOW_MINUTES: i64 = 15;

/// Nominations taken per sender's address and per recipient of the confirmation mail within
/// the window, so the nomination form cannot be used to flood an inbox.
pub const MAX_NOMINATIONS_PER_SENDER: i64 = 5;

/// Counts an attempt of `kind` for this email and address before anything is checked, in one
/// transaction with the count, so parallel attempts cannot all pass one count. `None` when the
/// email or the address has used up the window's attempts.
pub(crate) async fn begin_attempt(
    app: &AppState,
    kind: AttemptKind,
    (email, ip): (&str, &str),
) -> Result<Option<i64>, WebError> {
    let now = app.now();
    let since = now.checked_sub(SignedDuration::from_mins(FAILURE_WINDOW_MINUTES)).unwrap_or(Timestamp::MIN);
    let max = match kind {
        AttemptKind::Password => MAX_FAILURES,
        AttemptKind::Link => MAX_LINK_REQUESTS,
        AttemptKind::Nomination => MAX_NOMINATIONS_PER_SENDER,
    };
    Ok(app.store.begin_attempt(kind, (email, ip), (since, now), max).await?)
}
