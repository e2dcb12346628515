//! `CsrfForm<T>`: a posted form, read within the body limit, checked for UTF-8 and for its CSRF
//! token before the handler sees it.

use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use super::csrf;
use crate::app::AppState;
use crate::app::MAX_BODY_BYTES;
use crate::error::WebError;

pub struct CsrfForm<T>(pub T);

/// Percent-decodes one form value; `None` if the bytes are not UTF-8.
fn decode(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = WebError;

    async fn from_request(req: Request, app: &AppState) -> Result<Self, Self::Rejection> {
        let (parts, body) = req.into_parts();
        let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES).await.map_err(|_| WebError::TooLarge)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| WebError::Unreadable)?;
        let mut token = None;
        for pair in text.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (Some(k), Some(v)) = (decode(k), decode(v)) else { return Err(WebError::Unreadable) };
            if k == "csrf" {
                token = Some(v);
            }
        }
        if !csrf::verify(&parts.headers, &app.csrf_key, &app.base_url, token.as_deref()) {
            return Err(WebError::Csrf);
        }
        serde_urlencoded::from_str(text).map(CsrfForm).map_err(|_| WebError::Unreadable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_forms_and_refuses_what_is_not_utf8() {
        assert_eq!(decode("a+b%C3%A5").as_deref(), Some("a bå"));
        assert_eq!(decode("%FF"), None);
        assert_eq!(decode("%C3%28"), None);
        assert_eq!(decode("%"), Some("%".into()));
        assert_eq!(decode("%4"), Some("%4".into()));
        assert_eq!(decode("%zz"), None);
    }
}

/// A form with no fields of its own (a button): only its CSRF token is checked.
#[derive(Debug, serde::Deserialize)]
pub struct Empty {}
