//! `/konto`: one's own account: name, language, roles, and signing out.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::{Action, Lang};
use serde::Deserialize;

use super::invitation::MAX_NAME_CHARS;
use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer, require};
use crate::error::WebError;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::form_page;
use crate::respond::redirect;

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    l: Layout,
    csrf: String,
    name: String,
    email: String,
    lang_tag: &'static str,
    roles: Vec<(String, Option<String>)>,
    error: Option<String>,
    saved: bool,
    /// A new API key, shown once.
    key: Option<String>,
}

/// How the page is shown: after a save, after a refused form (with what was typed), or plain.
struct Shown {
    status: StatusCode,
    typed: Option<(String, Lang)>,
    error: Option<String>,
    saved: bool,
    key: Option<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    viewer: &MaybeViewer,
    lang: Lang,
    shown: Shown,
) -> Result<Response, WebError> {
    let Shown { status, typed, error, saved, key } = shown;
    let Some(v) = &viewer.0 else { return Err(WebError::SignIn { next: "/konto".into() }) };
    let names = crate::admin::award_names(&*app.store).await.map_err(|e| WebError::internal(e, lang))?;
    let roles = v
        .actor
        .grants
        .iter()
        .map(|g| (crate::admin::grant_text(lang, g, Some(&names)), crate::admin::grant_home(g)))
        .collect();
    let (name, pref) = typed.unwrap_or((v.user.name.clone(), v.user.lang));
    let l = Layout::new(lang, t(lang, "account-title"), "/konto");
    let email = v.user.email.clone();
    form_page(app, headers, lang, status, |csrf| AccountPage {
        l,
        csrf,
        name,
        email,
        lang_tag: pref.tag(),
        roles,
        error,
        saved,
        key,
    })
}

#[derive(Deserialize, Default)]
pub struct SavedQuery {
    sparat: Option<String>,
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    crate::extract::LenientQuery(q): crate::extract::LenientQuery<SavedQuery>,
) -> Result<Response, WebError> {
    require(&viewer, Action::OpenAccount, lang, "/konto")?;
    let shown =
        Shown { status: StatusCode::OK, typed: None, error: None, saved: q.sparat.is_some(), key: None };
    render(&app, &headers, &viewer, lang, shown).await
}

#[derive(Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    language: String,
}

pub async fn submit(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> Result<Response, WebError> {
    require(&viewer, Action::OpenAccount, lang, "/konto")?;
    let Some(v) = &viewer.0 else { return Err(WebError::SignIn { next: "/konto".into() }) };
    let name = form.name.trim().to_owned();
    let chosen = Lang::from_tag(&form.language);
    let problem = if name.is_empty() {
        Some(t(lang, "invitation-error-name"))
    } else if name.chars().count() > MAX_NAME_CHARS {
        Some(t_args(lang, "error-name-long", &[("max", MAX_NAME_CHARS.to_string())]))
    } else if chosen.is_none() {
        Some(t(lang, "account-error-language"))
    } else {
        None
    };
    if let Some(msg) = problem {
        let typed: String = form.name.chars().take(MAX_NAME_CHARS + 20).collect();
        let keep = (typed, chosen.unwrap_or(v.user.lang));
        let shown = Shown {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            typed: Some(keep),
            error: Some(msg),
            saved: false,
            key: None,
        };
        return render(&app, &headers, &viewer, lang, shown).await;
    }
    let actor = v.audit_name();
    let pref = chosen.unwrap_or_default();
    app.store.set_profile(v.user.id, &name, pref, &actor).await.map_err(|e| WebError::internal(e, lang))?;
    Ok(redirect("/konto?sparat=1", vec![]))
}

/// How long an API key works.
pub const API_KEY_DAYS: i64 = 365;

#[derive(Deserialize)]
pub struct Empty {}

/// `POST /konto/api-nyckel`: a key for the API, for the person's own systems. It is a session
/// that lasts a year and is sent as `Authorization: Bearer KEY`; it is shown once, stored hashed.
pub async fn api_key(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    require(&viewer, Action::OpenAccount, lang, "/konto")?;
    let Some(v) = &viewer.0 else { return Err(WebError::SignIn { next: "/konto".into() }) };
    let key = crate::auth::random_token();
    let expires = app
        .now()
        .checked_add(jiff::SignedDuration::from_hours(24 * API_KEY_DAYS))
        .unwrap_or(jiff::Timestamp::MAX);
    app.store
        .create_session(&crate::auth::hash_token(&key), v.user.id, expires, None, "api-key")
        .await
        .map_err(|e| WebError::internal(e, lang))?;
    let shown = Shown { status: StatusCode::OK, typed: None, error: None, saved: false, key: Some(key) };
    render(&app, &headers, &viewer, lang, shown).await
}
