//! `/logga-in` with a password, and `/logga-ut`.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use jiff::{SignedDuration, Timestamp};
use juryn_domain::{Email, Lang};
use juryn_store::AttemptKind;
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::safe_next;
use crate::auth::{
    CsrfForm, MAX_PASSWORD_BYTES, MaybeViewer, SESSION_COOKIE, SESSION_HOURS, hash_token, random_token,
    verify_password,
};
use crate::cookies;
use crate::error::WebError;
use crate::extract::{ClientIp, LenientQuery};
use crate::i18n::t;
use crate::layout::Layout;
use crate::respond::redirect;
use crate::respond::{form_page, session_cookies};

#[derive(Template)]
#[template(path = "signin.html")]
pub struct SignInPage {
    pub l: Layout,
    pub csrf: String,
    pub next: String,
    pub email: String,
    pub error: Option<String>,
    pub notice: Option<String>,
    /// "Logga in med {provider}" and where it goes, when a provider is configured.
    pub provider: Option<(String, String)>,
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    nasta: Option<String>,
    utloggad: Option<String>,
}

/// Renders the sign-in page with the browser's CSRF token.
pub(crate) fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    status: StatusCode,
    fields: (String, String),
    error: Option<String>,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let (next, email) = fields;
    let l = Layout::new(lang, t(lang, "signin-title"), "/logga-in");
    let provider = app.oidc.as_ref().map(|o| {
        let label = crate::i18n::t_args(lang, "signin-oidc-button", &[("provider", o.name().to_owned())]);
        (label, format!("/logga-in/oidc?nasta={}", crate::auth::encode_next(&next)))
    });
    form_page(app, headers, status, |csrf| SignInPage { l, csrf, next, email, error, notice, provider })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    LenientQuery(q): LenientQuery<NextQuery>,
) -> Result<Response, WebError> {
    let notice = q.utloggad.map(|_| t(lang, "signin-signed-out"));
    render(&app, &headers, lang, StatusCode::OK, (safe_next(q.nasta.as_deref()), String::new()), None, notice)
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// Starts a session for `user_id`: a new id (rotation), the old session ended, a fresh CSRF
/// cookie. Returns the cookies to set.
pub(crate) async fn start_session(
    app: &AppState,
    viewer: &MaybeViewer,
    user_id: i64,
    how: &str,
) -> Result<Vec<axum::http::HeaderValue>, WebError> {
    let id = random_token();
    let now = app.now();
    let expires = now.checked_add(SignedDuration::from_hours(SESSION_HOURS)).unwrap_or(Timestamp::MAX);
    let replaces = viewer.0.as_ref().map(|v| v.session_hash.as_str());
    app.store.create_session(&hash_token(&id), user_id, (now, expires), replaces, how).await?;
    Ok(session_cookies(app, &id))
}

pub async fn submit(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    viewer: MaybeViewer,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> Result<Response, WebError> {
    let next = safe_next(Some(&form.next));
    let typed = form.email.chars().take(254).collect::<String>();
    let again = |status, key: &str| {
        render(&app, &headers, lang, status, (next.clone(), typed.clone()), Some(t(lang, key)), None)
    };
    let Ok(email) = Email::parse(&form.email) else {
        return again(StatusCode::UNPROCESSABLE_ENTITY, "signin-error-email");
    };
    if form.password.is_empty() {
        return again(StatusCode::UNPROCESSABLE_ENTITY, "signin-error-password-missing");
    }
    if form.password.len() > MAX_PASSWORD_BYTES {
        return again(StatusCode::UNPROCESSABLE_ENTITY, "signin-error-password-long");
    }
    // The attempt is counted before the password is checked, and taken back if it is right.
    let Some(attempt) =
        crate::auth::begin_attempt(&app, AttemptKind::Password, (email.as_str(), &ip)).await?
    else {
        return again(StatusCode::TOO_MANY_REQUESTS, "signin-error-throttled");
    };
    let user = app.store.user_by_email(email.as_str()).await?;
    let hash = user.as_ref().and_then(|u| u.password_hash.clone());
    if !verify_password(form.password, hash).await {
        return again(StatusCode::UNAUTHORIZED, "signin-error-wrong");
    }
    let Some(user) = user else { return again(StatusCode::UNAUTHORIZED, "signin-error-wrong") };
    app.store.clear_attempt(attempt).await?;
    let cookies = start_session(&app, &viewer, user.id, "password").await?;
    Ok(redirect(&next, cookies))
}

pub async fn sign_out(
    State(app): State<AppState>,
    viewer: MaybeViewer,
    CsrfForm(_): CsrfForm<crate::auth::EmptyForm>,
) -> Result<Response, WebError> {
    if let Some(v) = &viewer.0 {
        app.store.end_session(&v.session_hash, app.now()).await?;
    }
    let secure = app.secure_cookies();
    let name = cookies::name(SESSION_COOKIE, secure);
    Ok(redirect("/logga-in?utloggad=1", vec![cookies::set(&name, "", 0, secure, true)]))
}
