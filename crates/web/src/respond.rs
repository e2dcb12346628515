//! Building responses for pages with forms: the CSRF token in the page, the cookies on the
//! response, redirects after a post.

use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};

use crate::app::AppState;
use crate::auth::{Csrf, SESSION_COOKIE, SESSION_HOURS};
use crate::cookies;
use crate::error::WebError;

/// A page with its status and any cookies to set.
pub fn respond(status: StatusCode, html: String, cookies: Vec<HeaderValue>) -> Response {
    let mut res = (status, Html(html)).into_response();
    for c in cookies {
        res.headers_mut().append(SET_COOKIE, c);
    }
    res
}

/// 303 See Other to `to`, with cookies.
pub fn redirect(to: &str, cookies: Vec<HeaderValue>) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        res.headers_mut().insert(LOCATION, v);
    }
    for c in cookies {
        res.headers_mut().append(SET_COOKIE, c);
    }
    res
}

/// Renders a page that holds forms: `make` gets this browser's CSRF token, and the response sets
/// the CSRF cookie if the browser had none yet.
pub fn form_page<T: askama::Template>(
    app: &AppState,
    headers: &HeaderMap,
    status: StatusCode,
    make: impl FnOnce(String) -> T,
) -> Result<Response, WebError> {
    Ok(with_csrf(app, headers, status, &make(CSRF_SLOT.to_owned()).render()?))
}

/// Where a kept form page's CSRF token goes: the page is rendered once with this in place of the
/// token, and each request's own token (masked afresh) is put in on the way out (`with_csrf`).
pub const CSRF_SLOT: &str = "csrf-slot-5e0c1b7a";

/// A page rendered with `CSRF_SLOT`, answered with this request's token in its place (and the
/// CSRF cookie, if the browser has none yet).
pub fn with_csrf(app: &AppState, headers: &HeaderMap, status: StatusCode, html: &str) -> Response {
    let csrf = Csrf::for_request(headers, &app.csrf_key, app.secure_cookies(), false);
    respond(status, html.replace(CSRF_SLOT, &csrf.token), csrf.set_cookie.into_iter().collect())
}

/// The cookies of a new session: its id, and a fresh CSRF cookie (a token from before signing in
/// is worth nothing after).
pub fn session_cookies(app: &AppState, session_id: &str) -> Vec<HeaderValue> {
    let secure = app.secure_cookies();
    let csrf = Csrf::for_request(&HeaderMap::new(), &app.csrf_key, secure, true);
    let name = cookies::name(SESSION_COOKIE, secure);
    let mut out = vec![cookies::set(&name, session_id, SESSION_HOURS * 3600, secure, true)];
    out.extend(csrf.set_cookie);
    out
}
