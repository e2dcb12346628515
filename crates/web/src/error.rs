//! The one error type of the web layer. Pages get a helpful page in the reader's language with a
//! way back; the API gets JSON. Internal errors are logged and never shown.
//!
//! An error does not carry the reader's language: `into_response` marks the response with the
//! page it needs ([`ErrorPage`]), and the [`pages`] middleware, which knows the request's
//! language and path, renders it — a page in Swedish or English, or JSON under `/api/`. So a
//! store error becomes the right answer with a bare `?` (`From<StoreError>`).

use askama::Template;
use axum::Json;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use juryn_domain::Lang;
use juryn_store::StoreError;

use crate::layout::Layout;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("bad request")]
    BadRequest,
    #[error("internal error: {0}")]
    Internal(String),
    /// Not signed in: go to the sign-in page, and back to `next` after.
    #[error("sign-in required")]
    SignIn { next: String },
    #[error("forbidden")]
    Forbidden,
    /// A write to an archived edition: it is read-only.
    #[error("archived")]
    Archived,
    #[error("CSRF check failed")]
    Csrf,
    #[error("request body too large")]
    TooLarge,
    #[error("unreadable form")]
    Unreadable,
    #[error("API: sign-in required")]
    ApiUnauthorized,
    #[error("API: forbidden")]
    ApiForbidden,
    /// A refused request, with a JSON body that says why (status, body).
    #[error("API: refused")]
    ApiRefused(StatusCode, serde_json::Value),
    /// A refusal with a page of its own that says why (status, the rendered page).
    #[error("refused")]
    Refused(StatusCode, String),
    /// The database cannot be reached now: 503, try again shortly. Nothing was written.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// The database's disk is full: 503; the write was rolled back whole, reads still work.
    #[error("the database's disk is full: {0}")]
    StorageFull(String),
}

impl WebError {
    /// Wraps an internal failure: logged, and the reader gets the 500 page.
    pub fn internal(err: impl std::fmt::Display) -> WebError {
        WebError::Internal(err.to_string())
    }
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> WebError {
        match e {
            // The store refuses every write to an archived edition: the reader's 409.
            StoreError::Archived(..) => WebError::Archived,
            // An edition the address names that does not exist is the reader's 404, whichever
            // handler reaches the store first.
            StoreError::NoEdition(..) => WebError::NotFound,
            // The database down or full is a state to wait out, not our bug: the reader is told
            // so (503), and nothing of the request was written.
            e @ StoreError::Unavailable(_) => WebError::Unavailable(e.to_string()),
            e @ StoreError::Full(_) => WebError::StorageFull(e.to_string()),
            e => WebError::internal(e),
        }
    }
}

/// Failures that are ours, never the reader's: rendering a template, writing JSON or a table,
/// drawing randomness. Each is logged and answered with the 500 page.
macro_rules! internal_from {
    ($($t:ty),*) => {$(
        impl From<$t> for WebError {
            fn from(e: $t) -> WebError {
                WebError::internal(e)
            }
        }
    )*};
}

internal_from!(askama::Error, serde_json::Error, juryn_publish::table::TableError, getrandom::Error);

/// The page an error response still needs, rendered by [`pages`] in the request's language.
#[derive(Debug, Clone, Copy)]
pub struct ErrorPage {
    /// The catalogue key's stem: `{key}-title`, `{key}-text`.
    key: &'static str,
    /// The API's error code and message key, for requests under `/api/`.
    api: (&'static str, &'static str),
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    l: Layout,
    heading: String,
    text: String,
}

fn page(status: StatusCode, lang: Lang, key: &str) -> Response {
    let l = Layout::new(lang, crate::i18n::t(lang, &format!("{key}-title")), "/");
    let heading = l.title.clone();
    let text = l.t(&format!("{key}-text"));
    match (ErrorTemplate { l, heading, text }).render() {
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

/// A response that [`pages`] completes.
fn deferred(status: StatusCode, key: &'static str, api: (&'static str, &'static str)) -> Response {
    let mut res = status.into_response();
    res.extensions_mut().insert(ErrorPage { key, api });
    res
}

/// A 503 tells clients when to ask again.
fn retry_later(mut res: Response) -> Response {
    res.headers_mut().insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from_static("5"));
    res
}

/// Middleware (inside the language's): renders the error page a response asks for, in the
/// request's language, or its JSON under `/api/`.
pub async fn pages(req: Request, next: Next) -> Response {
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    let Some(wanted) = res.extensions().get::<ErrorPage>().copied() else { return res };
    let status = res.status();
    let (parts, _) = res.into_parts();
    let mut out = if api { json(status, wanted.api.0, wanted.api.1) } else { page(status, lang, wanted.key) };
    // Keep what the handler set (cookies, say) beside the page.
    for (name, value) in &parts.headers {
        if name != axum::http::header::CONTENT_TYPE && name != axum::http::header::CONTENT_LENGTH {
            out.headers_mut().append(name, value.clone());
        }
    }
    out
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        const BAD: (&str, &str) = ("bad_request", "api-bad-request");
        const UNAVAILABLE: (&str, &str) = ("unavailable", "api-unavailable");
        const FULL: (&str, &str) = ("storage_full", "api-storage-full");
        match self {
            WebError::NotFound => {
                deferred(StatusCode::NOT_FOUND, "error-not-found", ("not_found", "api-not-found"))
            }
            WebError::BadRequest => deferred(StatusCode::BAD_REQUEST, "error-bad-request", BAD),
            WebError::Unreadable => deferred(StatusCode::BAD_REQUEST, "error-unreadable", BAD),
            WebError::Forbidden => {
                deferred(StatusCode::FORBIDDEN, "error-forbidden", ("forbidden", "api-forbidden"))
            }
            WebError::Archived => {
                deferred(StatusCode::CONFLICT, "error-archived", ("archived", "api-archived"))
            }
            WebError::Csrf => deferred(StatusCode::FORBIDDEN, "error-csrf", ("forbidden", "api-forbidden")),
            WebError::TooLarge => {
                deferred(StatusCode::PAYLOAD_TOO_LARGE, "error-too-large", ("too_large", "api-too-large"))
            }
            WebError::SignIn { next } => {
                let target = format!("/logga-in?nasta={}", crate::auth::encode_next(&next));
                (StatusCode::SEE_OTHER, [(axum::http::header::LOCATION, target)]).into_response()
            }
            WebError::Internal(detail) => {
                tracing::error!("internal error: {detail}");
                deferred(StatusCode::INTERNAL_SERVER_ERROR, "error-internal", ("internal", "api-internal"))
            }
            WebError::Unavailable(detail) => {
                tracing::warn!("{detail}");
                retry_later(deferred(StatusCode::SERVICE_UNAVAILABLE, "error-unavailable", UNAVAILABLE))
            }
            WebError::StorageFull(detail) => {
                tracing::error!("{detail}");
                retry_later(deferred(StatusCode::SERVICE_UNAVAILABLE, "error-storage-full", FULL))
            }
            WebError::ApiUnauthorized => json(StatusCode::UNAUTHORIZED, "unauthorized", "api-unauthorized"),
            WebError::ApiForbidden => json(StatusCode::FORBIDDEN, "forbidden", "api-forbidden"),
            WebError::ApiRefused(status, body) => (status, Json(body)).into_response(),
            WebError::Refused(status, html) => (status, Html(html)).into_response(),
        }
    }
}
