//! `/glomt-losenord` and `/aterstall/{token}`: a password reset by emailed link (60 minutes, used
//! once). Setting the new password ends every session of the person.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::Lang;
use juryn_store::TokenPurpose;
use serde::Deserialize;

use super::emailed::{admit, send_link};
use super::signin::render as render_signin;
use crate::app::AppState;
use crate::auth::{CsrfForm, MAX_PASSWORD_BYTES, MIN_PASSWORD_CHARS, hash_password, hash_token};
use crate::error::WebError;
use crate::extract::{ClientIp, Segments};
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::link_page::broken_link;
use crate::mail::Letter;
use crate::respond::form_page;

pub const RESET_MINUTES: i64 = 60;

#[derive(Template)]
#[template(path = "reset_request.html")]
struct RequestPage {
    l: Layout,
    csrf: String,
    email: String,
    error: Option<String>,
    notice: Option<String>,
}

fn render_request(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    status: StatusCode,
    email: String,
    error: Option<String>,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let l = Layout::new(lang, t(lang, "reset-request-title"), "/glomt-losenord");
    form_page(app, headers, status, |csrf| RequestPage { l, csrf, email, error, notice })
}

pub async fn request_page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    render_request(&app, &headers, lang, StatusCode::OK, String::new(), None, None)
}

#[derive(Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    email: String,
}

pub async fn request(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<RequestForm>,
) -> Result<Response, WebError> {
    match admit(&app, &ip, &form.email).await? {
        Err((status, key)) => {
            let typed: String = form.email.chars().take(254).collect();
            render_request(&app, &headers, lang, status, typed, Some(t(lang, key)), None)
        }
        Ok(found) => {
            let uses_password = |(u, g): &(juryn_store::User, Vec<juryn_store::StoredGrant>)| {
                u.password_hash.is_some() || g.iter().any(|g| g.grant.role.signs_in_with_password())
            };
            if let Some((user, _)) = found.filter(uses_password) {
                let purpose = (TokenPurpose::Reset, RESET_MINUTES);
                send_link(&app, &user, purpose, ("/aterstall/", ""), Letter::reset).await?;
            }
            let notice = Some(t(lang, "reset-sent"));
            render_request(&app, &headers, lang, StatusCode::OK, String::new(), None, notice)
        }
    }
}

#[derive(Template)]
#[template(path = "new_password.html")]
pub struct NewPasswordPage {
    pub l: Layout,
    pub csrf: String,
    pub action: String,
    pub heading: String,
    pub intro: String,
    /// The name field, on invitations.
    pub name: Option<String>,
    pub ask_password: bool,
    /// On an invitation to an account that has a password: that password, to prove it is theirs.
    pub ask_current: bool,
    pub error: Option<String>,
    pub min_chars: usize,
}

impl NewPasswordPage {
    pub fn respond(
        self,
        app: &AppState,
        headers: &HeaderMap,
        status: StatusCode,
    ) -> Result<Response, WebError> {
        form_page(app, headers, status, |csrf| NewPasswordPage { csrf, ..self })
    }
}

/// Checks a new password typed twice; the message says what to fix.
pub fn check_new_password(lang: Lang, password: &str, again: &str) -> Result<(), String> {
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(t(lang, "signin-error-password-long"));
    }
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(t_args(lang, "password-too-short", &[("min", MIN_PASSWORD_CHARS.to_string())]));
    }
    if password != again {
        return Err(t(lang, "password-mismatch"));
    }
    Ok(())
}

fn reset_form(lang: Lang, token: &str, error: Option<String>) -> NewPasswordPage {
    NewPasswordPage {
        l: Layout::new(lang, t(lang, "reset-title"), "/glomt-losenord"),
        csrf: String::new(),
        action: format!("/aterstall/{token}"),
        heading: t(lang, "reset-title"),
        intro: t(lang, "reset-intro"),
        name: None,
        ask_password: true,
        ask_current: false,
        error,
        min_chars: MIN_PASSWORD_CHARS,
    }
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    Segments(token): Segments<String>,
) -> Result<Response, WebError> {
    let found = app.store.token(&hash_token(&token), TokenPurpose::Reset, app.now()).await;
    match found? {
        Err(e) => broken_link(&app, &headers, lang, e),
        Ok(_) => reset_form(lang, &token, None).respond(&app, &headers, StatusCode::OK),
    }
}

#[derive(Deserialize)]
pub struct NewPasswordForm {
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_again: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub current_password: String,
}

pub async fn submit(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    Segments(token): Segments<String>,
    CsrfForm(form): CsrfForm<NewPasswordForm>,
) -> Result<Response, WebError> {
    // A dead link is reported as such, before anything about the password.
    let found = app.store.token(&hash_token(&token), TokenPurpose::Reset, app.now()).await;
    if let Err(e) = found? {
        return broken_link(&app, &headers, lang, e);
    }
    if let Err(msg) = check_new_password(lang, &form.password, &form.password_again) {
        return reset_form(lang, &token, Some(msg)).respond(&app, &headers, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let hash = hash_password(form.password).await;
    let done = app.store.reset_password(&hash_token(&token), &hash, app.now()).await;
    match done? {
        Err(e) => broken_link(&app, &headers, lang, e),
        Ok(_) => {
            let notice = Some(t(lang, "reset-done"));
            render_signin(
                &app,
                &headers,
                lang,
                StatusCode::OK,
                ("/konto".into(), String::new()),
                None,
                notice,
            )
        }
    }
}
