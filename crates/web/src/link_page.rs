//! The page of an emailed link (sign-in, invitation, reset, a nomination's confirmation): one
//! button that uses it — a link opened by a mail scanner does nothing until a person presses
//! it — or, when the link cannot be used, why and the way on.

use askama::Template;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::Lang;
use juryn_store::TokenError;

use crate::app::AppState;
use crate::error::WebError;
use crate::i18n::t;
use crate::layout::Layout;
use crate::respond::form_page;

#[derive(Template)]
#[template(path = "link.html")]
pub struct LinkPage {
    pub l: Layout,
    pub csrf: String,
    pub heading: String,
    pub text: String,
    /// Where the button posts; `None` when the link cannot be used.
    pub action: Option<String>,
    pub button: String,
    /// The way on when there is no button.
    pub back: (String, String),
}

/// The page for a link that does not work: which of the three ways it fails, and what to do.
pub(crate) fn broken_link(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    e: TokenError,
) -> Result<Response, WebError> {
    let (status, key) = match e {
        TokenError::Unknown => (StatusCode::NOT_FOUND, "link-unknown"),
        TokenError::Expired => (StatusCode::GONE, "link-expired"),
        TokenError::Used => (StatusCode::GONE, "link-used"),
    };
    link_page(
        app,
        headers,
        lang,
        status,
        (t(lang, &format!("{key}-title")), t(lang, &format!("{key}-text"))),
        None,
        "",
    )
}

pub(crate) fn link_page(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    status: StatusCode,
    (heading, text): (String, String),
    action: Option<String>,
    button: &str,
) -> Result<Response, WebError> {
    let l = Layout::new(lang, heading.clone(), "/logga-in");
    let back = (t(lang, "link-back-to-signin"), "/logga-in".to_owned());
    form_page(app, headers, status, |csrf| LinkPage {
        l,
        csrf,
        heading,
        text,
        action,
        button: button.to_owned(),
        back,
    })
}

/// A page with one button that uses a link (or, with no action, a message and a way back home).
pub(crate) fn link_page_with(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    text: (String, String),
    action: String,
    button: &str,
) -> Result<Response, WebError> {
    link_page(app, headers, lang, StatusCode::OK, text, Some(action).filter(|a| !a.is_empty()), button)
}
