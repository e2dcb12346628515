//! What sign-in links and reset links share: the address is checked and throttled the same way,
//! the answer is the same whether or not the address is known, and the link is stored hashed and
//! mailed in the person's language.

use axum::http::StatusCode;
use jiff::{SignedDuration, Timestamp};
use juryn_domain::{Email, Lang};
use juryn_store::{AttemptKind, NewToken, StoredGrant, TokenPurpose, User};

use crate::app::AppState;
use crate::auth::begin_attempt;
use crate::auth::{hash_token, random_token};
use crate::error::WebError;
use crate::mail::Letter;

/// Why a request for a link was refused: the status and the message's key.
pub(crate) type Refused = (StatusCode, &'static str);

/// Checks the typed address and the throttle, and counts the request towards the limit (so
/// nobody can flood an inbox). Returns the person with that address, if any, and their roles.
pub(crate) async fn admit(
    app: &AppState,
    ip: &str,
    typed: &str,
) -> Result<Result<Option<(User, Vec<StoredGrant>)>, Refused>, WebError> {
    let Ok(email) = Email::parse(typed) else {
        return Ok(Err((StatusCode::UNPROCESSABLE_ENTITY, "signin-error-email")));
    };
    // Counted as link requests, apart from passwords: ten requests for someone's address limit
    // the links mailed to them, never their password sign-in.
    if begin_attempt(app, AttemptKind::Link, (email.as_str(), ip)).await?.is_none() {
        return Ok(Err((StatusCode::TOO_MANY_REQUESTS, "signin-error-throttled")));
    }
    let Some(user) = app.store.user_by_email(email.as_str()).await? else { return Ok(Ok(None)) };
    let grants = app.store.grants_of(user.id).await?;
    Ok(Ok(Some((user, grants))))
}

/// A one-time link for `user`, valid `minutes`, at `{base}{path}{token}{suffix}` (the suffix:
/// where to go afterwards, as `?nasta=…`, or nothing), mailed as `letter` makes it: queued with
/// the link's write, so the page answers as fast whether or not the mail server is up.
pub(crate) async fn send_link(
    app: &AppState,
    user: &User,
    (purpose, minutes): (TokenPurpose, i64),
    (path, suffix): (&str, &str),
    letter: fn(Lang, &str, &str) -> Letter,
) -> Result<(), WebError> {
    let token = random_token();
    let now = app.now();
    let record = NewToken {
        purpose,
        user_id: Some(user.id),
        email: user.email.clone(),
        name: None,
        grant: None,
        created_at: now,
        expires_at: now.checked_add(SignedDuration::from_mins(minutes)).unwrap_or(Timestamp::MAX),
    };
    let link = format!("{}{path}{token}{suffix}", app.base_url);
    let mail = letter(user.lang, &user.name, &link).to(&user.name, &user.email);
    let stamp = juryn_store::Stamp::new(format!("user/{}", user.id), now).with_mail([mail]);
    app.store.put_token(&hash_token(&token), &record, &stamp).await?;
    Ok(())
}
