//! The person behind a request, from the session cookie, and the one place handlers ask the
//! rules.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use jiff::Timestamp;
use juryn_domain::{Action, Actor, Decision, Slug, decide};
use juryn_store::{Authenticated, Stamp, User};

use super::tokens::hash_token;
use crate::app::AppState;
use crate::cookies;
use crate::error::WebError;

pub const SESSION_COOKIE: &str = "juryn_session";
/// How long a session lasts from sign-in.
pub const SESSION_HOURS: i64 = 12;

/// A signed-in person.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user: User,
    pub actor: Actor,
    /// The stored form of the session id, to end or replace the session.
    pub session_hash: String,
}

impl Viewer {
    /// The viewer behind a session or API key the store found, as the rules see them.
    fn signed_in(found: Authenticated, session_hash: String) -> Viewer {
        Viewer {
            actor: Actor {
                user_id: found.user.id,
                grants: found.grants.into_iter().map(|g| g.grant).collect(),
                conflicts: found.conflicts,
            },
            user: found.user,
            session_hash,
        }
    }

    /// This person writing at `at` (the request's time by the app's clock), as the audit log
    /// names them.
    pub fn stamp(&self, at: Timestamp) -> Stamp {
        Stamp::new(format!("user/{}", self.user.id), at)
    }
}

/// Whoever is behind a request writing at `at`; named empty for nobody.
pub fn stamp(viewer: Option<&Viewer>, at: Timestamp) -> Stamp {
    viewer.map_or_else(|| Stamp::new("", at), |v| v.stamp(at))
}

/// The signed-in person, if any. Read once per request (the result is kept in the request's
/// extensions), from the database, so a revoked role or an ended session counts at once.
#[derive(Debug, Clone)]
pub struct MaybeViewer(pub Option<Viewer>);

impl FromRequestParts<AppState> for MaybeViewer {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(known) = parts.extensions.get::<MaybeViewer>() {
            return Ok(known.clone());
        }
        let viewer = viewer_from_session(app, &parts.headers).await?;
        if let Some(slot) = parts.extensions.get::<crate::areas::ViewerSlot>() {
            slot.fill(&viewer);
        }
        let found = MaybeViewer(viewer);
        parts.extensions.insert(found.clone());
        Ok(found)
    }
}

/// Whether the request carries a session cookie (which may still have ended).
pub fn has_session_cookie(app: &AppState, headers: &axum::http::HeaderMap) -> bool {
    cookies::get(headers, &cookies::name(SESSION_COOKIE, app.secure_cookies())).is_some()
}

/// The person whose live session the request's cookie names, if any.
pub async fn viewer_from_session(
    app: &AppState,
    headers: &axum::http::HeaderMap,
) -> Result<Option<Viewer>, juryn_store::StoreError> {
    let Some(id) = cookies::get(headers, &cookies::name(SESSION_COOKIE, app.secure_cookies())) else {
        return Ok(None);
    };
    let hash = hash_token(id);
    Ok(app.store.session(&hash, app.now()).await?.map(|a| Viewer::signed_in(a, hash)))
}

/// The person behind an API request's `Authorization: Bearer` key (from `api_keys`, never a
/// session). Cookies are not read: an API call cannot ride on a browser's session, so it needs
/// no CSRF token; and a key is never read as a session cookie.
#[derive(Debug, Clone)]
pub struct ApiViewer(pub Option<Viewer>);

impl FromRequestParts<AppState> for ApiViewer {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        let key = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        let Some(key) = key else { return Ok(ApiViewer(None)) };
        let hash = hash_token(key);
        let found = app.store.api_key(&hash, app.now()).await?;
        Ok(ApiViewer(found.map(|a| Viewer::signed_in(a, hash))))
    }
}

/// The rules for an API call: 401 without a key, 403 when the rules say no or the action is not
/// one an API key may do.
pub fn require_api(viewer: &ApiViewer, action: Action<'_>) -> Result<(), WebError> {
    if viewer.0.is_some() && !action.open_to_api_keys() {
        return Err(WebError::ApiForbidden);
    }
    match decide(viewer.0.as_ref().map(|v| &v.actor), &action) {
        Decision::Allow => Ok(()),
        Decision::SignIn => Err(WebError::ApiUnauthorized),
        Decision::Forbidden => Err(WebError::ApiForbidden),
    }
}

/// The edition a signed-in page at `here` is about, once the rules allow `action` on it: sign in
/// first (so a stranger learns nothing from a 404 of the store's), then 403.
pub fn require_on_edition(
    viewer: &MaybeViewer,
    key: crate::extract::EditionKey,
    here: &str,
    action: for<'a> fn(&'a Slug, i16) -> Action<'a>,
) -> Result<(Slug, i16), WebError> {
    require(viewer, Action::OpenAccount, here)?;
    require(viewer, action(&key.slug, key.year), here)?;
    Ok(key.parts())
}

/// Asks the rules; `Ok` if allowed, else the error page the decision calls for: a redirect to
/// the sign-in page (back to `here` afterwards) or 403.
pub fn require(viewer: &MaybeViewer, action: Action<'_>, here: &str) -> Result<(), WebError> {
    match decide(viewer.0.as_ref().map(|v| &v.actor), &action) {
        Decision::Allow => Ok(()),
        Decision::SignIn => Err(WebError::SignIn { next: here.to_owned() }),
        Decision::Forbidden => Err(WebError::Forbidden),
    }
}

/// The edition an organiser's page at `/admin/{award}/{year}/{page}` is about, once the rules
/// allow the viewer to organise it: sign in first, then 403.
pub(crate) fn organised_edition(
    viewer: &MaybeViewer,
    key: crate::extract::EditionKey,
    page: &str,
) -> Result<(Slug, i16), WebError> {
    let here = key.page("/admin", page);
    require_on_edition(viewer, key, &here, |award, year| Action::OrganiseEdition { award, year })
}
