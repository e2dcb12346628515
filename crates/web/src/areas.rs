//! The header's areas — Portalen, Juryn, Arrangör — for the person signed in.
//!
//! Every page's frame leaves a marker where the areas go (`base.html`). Public pages are rendered
//! once and cached for everyone, so the areas cannot be part of the render: this middleware puts
//! them in on the way out, for signed-in people only. A page that already read the viewer leaves
//! it in a slot in the request, so the session is looked up once; a cached public page that never
//! asked costs one lookup, and only when a session cookie came with the request.

use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use juryn_domain::{Action, Actor, Decision, Lang, decide};

use crate::app::AppState;
use crate::auth::{Viewer, viewer_from_session};
use crate::i18n::t;

/// Where the areas go in every page's header.
pub const MARKER: &str = "<!--areas-->";

/// The most a page may be for the areas to be put into it; larger responses pass untouched.
const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;

/// The viewer a handler read, left for this middleware.
#[derive(Debug, Clone, Default)]
pub struct ViewerSlot(Arc<OnceLock<Option<Viewer>>>);

impl ViewerSlot {
    pub fn fill(&self, viewer: &Option<Viewer>) {
        let _ = self.0.set(viewer.clone());
    }
}

/// The areas a person has, in the header's order, as (label, href): each one the policy lets
/// them open.
pub fn areas(lang: Lang, actor: &Actor) -> Vec<(String, &'static str)> {
    [
        (Action::OpenPortal, "nav-portal", "/portal"),
        (Action::OpenJuryHome, "nav-jury", "/jury"),
        (Action::OpenAdmin, "nav-admin", "/admin"),
    ]
    .into_iter()
    .filter(|(action, _, _)| decide(Some(actor), action) == Decision::Allow)
    .map(|(_, key, href)| (t(lang, key), href))
    .collect()
}

fn rendered(lang: Lang, actor: &Actor) -> String {
    areas(lang, actor)
        .into_iter()
        .map(|(label, href)| format!("<li><a href=\"{href}\">{}</a></li>", crate::layout::escape(&label)))
        .collect()
}

fn is_html(headers: &HeaderMap) -> bool {
    headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"))
}

/// The middleware: fills the marker of an HTML page for a signed-in viewer.
pub async fn fill(State(app): State<AppState>, mut req: Request, next: Next) -> Response {
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    // Only the cookies are needed afterwards, and only when there are any: most requests (the
    // public's) have none, and cloning every header of every request shows in a profile.
    let mut headers = HeaderMap::new();
    for cookie in req.headers().get_all(axum::http::header::COOKIE) {
        headers.append(axum::http::header::COOKIE, cookie.clone());
    }
    let slot = ViewerSlot::default();
    req.extensions_mut().insert(slot.clone());
    let res = next.run(req).await;
    if !is_html(res.headers()) || !crate::auth::has_session_cookie(&app, &headers) {
        return res;
    }
    let viewer = match slot.0.get() {
        Some(known) => known.clone(),
        None => match viewer_from_session(&app, &headers).await {
            Ok(found) => found,
            Err(e) => {
                tracing::warn!("reading the session for the header: {e}");
                None
            }
        },
    };
    let Some(viewer) = viewer else { return res };
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE_BYTES).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let Some(at) = bytes.windows(MARKER.len()).position(|w| w == MARKER.as_bytes()) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let areas = rendered(lang, &viewer.actor);
    let mut out = Vec::with_capacity(bytes.len() + areas.len());
    out.extend_from_slice(&bytes[..at]);
    out.extend_from_slice(areas.as_bytes());
    out.extend_from_slice(&bytes[at + MARKER.len()..]);
    parts.headers.remove(CONTENT_LENGTH);
    // Not the kept page any more: its compressed forms do not fit.
    parts.extensions.remove::<crate::encoding::Kept>();
    // This copy is the person's own: no shared cache may keep it.
    parts.headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    Response::from_parts(parts, Body::from(out))
}
