//! `/logga-in/oidc`: signing in through the organisation's identity provider (see `oidc.rs`),
//! when one is configured; otherwise these addresses do not exist. A refusal is the sign-in page
//! with what happened and what to do, in the person's language.

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode, header::SET_COOKIE};
use axum::response::{IntoResponse, Response};
use juryn_domain::Lang;
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{MaybeViewer, safe_next};
use crate::cookies;
use crate::error::WebError;
use crate::extract::LenientQuery;
use crate::i18n::t_args;
use crate::oidc::{Answer, FLOW_SECS, Refusal};
use crate::respond::redirect;

/// The flow's cookie: state, nonce and PKCE verifier, signed, for ten minutes.
const FLOW_COOKIE: &str = "juryn_oidc";

/// Where the provider sends the person back.
fn redirect_uri(app: &AppState) -> String {
    format!("{}/logga-in/oidc/tillbaka", app.base_url)
}

#[derive(Deserialize, Default)]
pub struct StartQuery {
    nasta: Option<String>,
}

/// `GET /logga-in/oidc`: off to the provider.
pub async fn start(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    LenientQuery(q): LenientQuery<StartQuery>,
) -> Result<Response, WebError> {
    let oidc = app.oidc.clone().ok_or(WebError::NotFound)?;
    let next = safe_next(q.nasta.as_deref());
    match oidc.begin(&redirect_uri(&app), &app.csrf_key, &next).await {
        Ok((url, flow)) => {
            let name = cookies::name(FLOW_COOKIE, app.secure_cookies());
            let cookie = cookies::set(&name, &flow, FLOW_SECS, app.secure_cookies(), true);
            Ok((StatusCode::SEE_OTHER, [(axum::http::header::LOCATION, url)], [(SET_COOKIE, cookie)])
                .into_response())
        }
        Err(refusal) => refuse(&app, &headers, lang, oidc.name(), &refusal),
    }
}

/// `GET /logga-in/oidc/tillbaka`: the provider's answer, checked; a session for the account with
/// that verified address, or why not.
pub async fn back(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    LenientQuery(answer): LenientQuery<Answer>,
) -> Result<Response, WebError> {
    let oidc = app.oidc.clone().ok_or(WebError::NotFound)?;
    let name = cookies::name(FLOW_COOKIE, app.secure_cookies());
    // Used once: the cookie goes whatever the outcome.
    let gone = cookies::set(&name, "", 0, app.secure_cookies(), true);
    let flow = cookies::get(&headers, &name);
    let finished = oidc.finish((&redirect_uri(&app), &app.csrf_key), flow, &answer).await;
    let (email, next) = match finished {
        Ok(found) => found,
        Err(refusal) => {
            let mut page = refuse(&app, &headers, lang, oidc.name(), &refusal)?;
            page.headers_mut().append(SET_COOKIE, gone);
            return Ok(page);
        }
    };
    let user = app.store.user_by_email(&email).await?.filter(|u| !u.erased);
    let Some(user) = user else {
        tracing::info!("a sign-in through {} for {email}, who has no account here, was refused", oidc.name());
        let text =
            t_args(lang, "oidc-error-unknown", &[("email", email), ("provider", oidc.name().to_owned())]);
        let mut page = signin_page(&app, &headers, lang, StatusCode::FORBIDDEN, text)?;
        page.headers_mut().append(SET_COOKIE, gone);
        return Ok(page);
    };
    let mut cookies = super::signin::start_session(&app, &viewer, user.id, "oidc").await?;
    cookies.push(gone);
    Ok(redirect(&next, cookies))
}

/// The sign-in page saying why the provider's sign-in did not go through.
fn refuse(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    provider: &str,
    refusal: &Refusal,
) -> Result<Response, WebError> {
    let (status, key) = match refusal {
        Refusal::Cancelled(_) => (StatusCode::UNAUTHORIZED, "oidc-error-cancelled"),
        Refusal::NotThisBrowser => (StatusCode::BAD_REQUEST, "oidc-error-state"),
        Refusal::Unconfirmed(_) => (StatusCode::BAD_REQUEST, "oidc-error-unconfirmed"),
        Refusal::EmailUnverified => (StatusCode::FORBIDDEN, "oidc-error-unverified"),
        Refusal::Unreachable(_) => (StatusCode::BAD_GATEWAY, "oidc-error-unreachable"),
    };
    tracing::warn!("a sign-in through {provider} was refused: {refusal:?}");
    signin_page(app, headers, lang, status, t_args(lang, key, &[("provider", provider.to_owned())]))
}

fn signin_page(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    status: StatusCode,
    error: String,
) -> Result<Response, WebError> {
    super::signin::render(app, headers, lang, status, ("/konto".to_owned(), String::new()), Some(error), None)
}
