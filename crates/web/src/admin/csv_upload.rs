//! A CSV import's text, as a file in a multipart form or pasted into an ordinary one (field
//! `file` or `text`), its CSRF token checked. Shared by every import (past winners, the
//! follow-up's results); the route's body limit decides what is too large.

use axum::extract::{FromRequest, Multipart};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::CsrfForm;
use crate::error::WebError;

/// What was sent.
pub enum Upload {
    Text(String),
    /// Over the route's body limit.
    TooLarge,
    /// A file that is not UTF-8 text.
    NotText,
}

pub async fn read(
    app: &AppState,
    headers: &HeaderMap,
    request: axum::extract::Request,
) -> Result<Upload, WebError> {
    let multipart = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/"));
    if !multipart {
        #[derive(Deserialize)]
        struct Pasted {
            #[serde(default)]
            text: String,
        }
        return match CsrfForm::<Pasted>::from_request(request, app).await {
            Ok(CsrfForm(p)) => Ok(Upload::Text(p.text)),
            Err(WebError::TooLarge) => Ok(Upload::TooLarge),
            Err(e) => Err(e),
        };
    }
    let mut body = Multipart::from_request(request, app).await.map_err(|_| WebError::Unreadable)?;
    let (mut csrf, mut text) = (None, None::<Upload>);
    loop {
        let field = match body.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Ok(Upload::TooLarge),
            Err(_) => return Err(WebError::Unreadable),
        };
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Ok(Upload::TooLarge),
            Err(_) => return Err(WebError::Unreadable),
        };
        match name.as_str() {
            "csrf" => csrf = Some(String::from_utf8_lossy(&bytes).into_owned()),
            "file" | "text" if !bytes.is_empty() && text.is_none() => {
                text = Some(match String::from_utf8(bytes.to_vec()) {
                    Ok(t) => Upload::Text(t),
                    Err(_) => Upload::NotText,
                });
            }
            _ => {}
        }
    }
    if !crate::auth::verify_csrf(headers, &app.csrf_key, &app.base_url, csrf.as_deref()) {
        return Err(WebError::Csrf);
    }
    Ok(text.unwrap_or(Upload::Text(String::new())))
}
