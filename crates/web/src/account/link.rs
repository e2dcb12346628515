//! One-time sign-in links for entrant contacts and nominators: asked for by email, valid 30
//! minutes, used once. Following the link shows a page with a button; only pressing it signs in,
//! so a mail scanner that fetches links cannot use one up.

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use jiff::{SignedDuration, Timestamp};
use juryn_domain::Lang;
use juryn_store::TokenPurpose;
use serde::Deserialize;

use super::emailed::{admit, send_link};
use super::signin::render as render_signin;
use crate::app::AppState;
use crate::auth::EmptyForm;
use crate::auth::{CsrfForm, MaybeViewer, SESSION_HOURS, hash_token, random_token};
use crate::error::WebError;
use crate::extract::{ClientIp, Segments};
use crate::i18n::t;
use crate::mail::Letter;
use crate::respond::redirect;
use crate::respond::session_cookies;

pub const LINK_MINUTES: i64 = 30;

#[derive(Deserialize)]
pub struct LinkForm {
    #[serde(default)]
    email: String,
    /// Where the person was going when asked to sign in.
    #[serde(default)]
    next: String,
}

/// Where a link sends the person once used, from its `?nasta=`.
#[derive(Deserialize, Default)]
pub struct NextQuery {
    nasta: Option<String>,
}

/// `?nasta=…` for a link, or nothing when the way on is the account page anyway.
fn next_suffix(next: &str) -> String {
    if next == "/konto" { String::new() } else { format!("?nasta={}", crate::auth::encode_next(next)) }
}

/// Whether a person may sign in by link: not if any of their roles calls for a password.
fn signs_in_by_link(grants: &[juryn_store::StoredGrant]) -> bool {
    !grants.is_empty() && grants.iter().all(|g| !g.grant.role.signs_in_with_password())
}

pub async fn request(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<LinkForm>,
) -> Result<Response, WebError> {
    let next = crate::auth::safe_next(Some(&form.next));
    match admit(&app, &ip, &form.email).await? {
        Err((status, key)) => {
            let typed = form.email.chars().take(254).collect::<String>();
            render_signin(&app, &headers, lang, status, (next, typed), Some(t(lang, key)), None)
        }
        Ok(found) => {
            if let Some((user, _)) = found.filter(|(_, g)| signs_in_by_link(g)) {
                let purpose = (TokenPurpose::SignIn, LINK_MINUTES);
                let suffix = next_suffix(&next);
                send_link(&app, &user, purpose, ("/logga-in/lank/", &suffix), Letter::sign_in).await?;
            }
            // The same answer whether or not the address is known.
            let notice = Some(t(lang, "signin-link-sent"));
            render_signin(&app, &headers, lang, StatusCode::OK, (next, String::new()), None, notice)
        }
    }
}

pub async fn confirm_page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    Segments(token): Segments<String>,
    crate::extract::LenientQuery(q): crate::extract::LenientQuery<NextQuery>,
) -> Result<Response, WebError> {
    let suffix = next_suffix(&crate::auth::safe_next(q.nasta.as_deref()));
    let found = app.store.token(&hash_token(&token), TokenPurpose::SignIn, app.now()).await;
    match found? {
        Err(e) => crate::link_page::broken_link(&app, &headers, lang, e),
        Ok(_) => crate::link_page::link_page(
            &app,
            &headers,
            lang,
            StatusCode::OK,
            (t(lang, "link-signin-title"), t(lang, "link-signin-text")),
            Some(format!("/logga-in/lank/{token}{suffix}")),
            &t(lang, "link-signin-button"),
        ),
    }
}

pub async fn use_link(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(token): Segments<String>,
    crate::extract::LenientQuery(q): crate::extract::LenientQuery<NextQuery>,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, WebError> {
    let next = crate::auth::safe_next(q.nasta.as_deref());
    let session = random_token();
    let now = app.now();
    let expires = now.checked_add(SignedDuration::from_hours(SESSION_HOURS)).unwrap_or(Timestamp::MAX);
    let used = app.store.sign_in_with_token(&hash_token(&token), &hash_token(&session), now, expires).await?;
    match used {
        Err(e) => crate::link_page::broken_link(&app, &headers, lang, e),
        Ok(_) => {
            if let Some(v) = &viewer.0 {
                app.store.end_session(&v.session_hash, app.now()).await?;
            }
            Ok(redirect(&next, session_cookies(&app, &session)))
        }
    }
}
