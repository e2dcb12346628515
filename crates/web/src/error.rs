//! The one error type of the web layer. Pages get a helpful page in the reader's language with a
//! way back; the API gets JSON. Internal errors are logged and never shown.

use askama::Template;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use juryn_domain::Lang;

use crate::layout::Layout;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound(Lang),
    #[error("bad request")]
    BadRequest(Lang),
    #[error("internal error: {0}")]
    Internal(String, Lang),
    /// Not signed in: go to the sign-in page, and back to `next` after.
    #[error("sign-in required")]
    SignIn { next: String },
    #[error("forbidden")]
    Forbidden(Lang),
    /// A write to an archived edition: it is read-only.
    #[error("archived")]
    Archived(Lang),
    #[error("CSRF check failed")]
    Csrf(Lang),
    #[error("request body too large")]
    TooLarge(Lang),
    #[error("unreadable form")]
    Unreadable(Lang),
    #[error("API: not found")]
    ApiNotFound,
    #[error("API: sign-in required")]
    ApiUnauthorized,
    #[error("API: forbidden")]
    ApiForbidden,
    /// A refused request, with a JSON body that says why (status, body).
    #[error("API: refused")]
    ApiRefused(StatusCode, serde_json::Value),
    #[error("API: internal error: {0}")]
    ApiInternal(String),
    /// A refusal with a page of its own that says why (status, the rendered page).
    #[error("refused")]
    Refused(StatusCode, String),
}

impl WebError {
    /// Wraps an internal failure for a page in `lang`.
    pub fn internal(err: impl std::fmt::Display, lang: Lang) -> WebError {
        WebError::Internal(err.to_string(), lang)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    l: Layout,
    heading: String,
    text: String,
}

fn page(status: StatusCode, lang: Lang, key: &str) -> Response {
    let l = Layout::new(lang, crate::i18n::t(lang, &format!("{key}-title")), "/");
    let heading = l.title.clone();
    let text = l.t(&format!("{key}-text"));
    match (ErrorPage { l, heading, text }).render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!("rendering the error page failed: {e}");
            (status, "error").into_response()
        }
    }
}

fn json(status: StatusCode, code: &str, key: &str) -> Response {
    let body = serde_json::json!({ "error": code, "message": crate::i18n::t(Lang::En, key) });
    (status, Json(body)).into_response()
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            WebError::NotFound(lang) => page(StatusCode::NOT_FOUND, lang, "error-not-found"),
            WebError::BadRequest(lang) => page(StatusCode::BAD_REQUEST, lang, "error-bad-request"),
            WebError::Unreadable(lang) => page(StatusCode::BAD_REQUEST, lang, "error-unreadable"),
            WebError::Forbidden(lang) => page(StatusCode::FORBIDDEN, lang, "error-forbidden"),
            WebError::Archived(lang) => page(StatusCode::CONFLICT, lang, "error-archived"),
            WebError::Csrf(lang) => page(StatusCode::FORBIDDEN, lang, "error-csrf"),
            WebError::TooLarge(lang) => page(StatusCode::PAYLOAD_TOO_LARGE, lang, "error-too-large"),
            WebError::SignIn { next } => {
                let target = format!("/logga-in?nasta={}", crate::account::encode_next(&next));
                (StatusCode::SEE_OTHER, [(axum::http::header::LOCATION, target)]).into_response()
            }
            WebError::Internal(detail, lang) => {
                tracing::error!("internal error: {detail}");
                page(StatusCode::INTERNAL_SERVER_ERROR, lang, "error-internal")
            }
            WebError::ApiNotFound => json(StatusCode::NOT_FOUND, "not_found", "api-not-found"),
            WebError::ApiUnauthorized => json(StatusCode::UNAUTHORIZED, "unauthorized", "api-unauthorized"),
            WebError::ApiForbidden => json(StatusCode::FORBIDDEN, "forbidden", "api-forbidden"),
            WebError::ApiRefused(status, body) => (status, Json(body)).into_response(),
            WebError::Refused(status, html) => (status, Html(html)).into_response(),
            WebError::ApiInternal(detail) => {
                tracing::error!("internal error in the API: {detail}");
                json(StatusCode::INTERNAL_SERVER_ERROR, "internal", "api-internal")
            }
        }
    }
}
