//! `/konto`: one's own account: name, language, roles, and signing out.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::{Action, Lang, format_time};
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
    keys: Vec<KeyRow>,
    key_name: String,
    key_error: Option<String>,
}

/// One of the person's API keys as listed.
pub struct KeyRow {
    pub id: i64,
    pub name: String,
    pub created: String,
    pub last_used: String,
    pub state: String,
    pub live: bool,
}

/// How the page is shown: after a save, after a refused form (with what was typed), or plain.
#[derive(Default)]
struct Shown {
    status: StatusCode,
    typed: Option<(String, Lang)>,
    error: Option<String>,
    saved: bool,
    key: Option<String>,
    /// The key name as typed, and what is wrong with it.
    key_name: Option<(String, String)>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    viewer: &MaybeViewer,
    lang: Lang,
    shown: Shown,
) -> Result<Response, WebError> {
    let Shown { status, typed, error, saved, key, key_name } = shown;
    let Some(v) = &viewer.0 else { return Err(WebError::SignIn { next: "/konto".into() }) };
    let names = crate::grants::award_names(&*app.store).await?;
    let roles = v
        .actor
        .grants
        .iter()
        .map(|g| (crate::grants::grant_text(lang, g, Some(&names)), crate::grants::grant_home(g)))
        .collect();
    let (name, pref) = typed.unwrap_or((v.user.name.clone(), v.user.lang));
    let l = Layout::new(lang, t(lang, "account-title"), "/konto");
    let email = v.user.email.clone();
    let keys = key_rows(app, lang, v.user.id).await?;
    let (key_name, key_error) = match key_name {
        Some((typed, e)) => (typed, Some(e)),
        None => (String::new(), None),
    };
    form_page(app, headers, status, |csrf| AccountPage {
        l,
        csrf,
        name,
        email,
        lang_tag: pref.tag(),
        roles,
        error,
        saved,
        key,
        keys,
        key_name,
        key_error,
    })
}

async fn key_rows(app: &AppState, lang: Lang, user_id: i64) -> Result<Vec<KeyRow>, WebError> {
    let now = app.now();
    let keys = app.store.api_keys_of(user_id).await?;
    Ok(keys
        .into_iter()
        .map(|k| {
            let live = k.revoked_at.is_none() && k.expires_at > now;
            let state = match k.revoked_at {
                Some(at) => t_args(lang, "account-api-revoked", &[("time", format_time(at, lang))]),
                None if !live => {
                    t_args(lang, "account-api-expired", &[("time", format_time(k.expires_at, lang))])
                }
                None => t_args(lang, "account-api-expires", &[("time", format_time(k.expires_at, lang))]),
            };
            KeyRow {
                id: k.id,
                name: k.name,
                created: format_time(k.created_at, lang),
                last_used: k
                    .last_used_at
                    .map_or_else(|| t(lang, "account-api-never"), |at| format_time(at, lang)),
                state,
                live,
            }
        })
        .collect())
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
    require(&viewer, Action::OpenAccount, "/konto")?;
    let shown = Shown { status: StatusCode::OK, saved: q.sparat.is_some(), ..Shown::default() };
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
    require(&viewer, Action::OpenAccount, "/konto")?;
    let Some(v) = &viewer.0 else { return Err(WebError::SignIn { next: "/konto".into() }) };
    let checked = crate::names::person_name(lang, &form.name);
    let name = checked.as_ref().map(|n| n.as_str().to_owned()).unwrap_or_default();
    let chosen = Lang::from_tag(&form.language);
    let problem = if let Err(e) = checked {
        Some(e)
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
            ..Shown::default()
        };
        return render(&app, &headers, &viewer, lang, shown).await;
    }
    let actor = v.stamp(app.now());
    let pref = chosen.unwrap_or_default();
    app.store.set_profile(v.user.id, &name, pref, &actor).await?;
    Ok(redirect("/konto?sparat=1", vec![]))
}

/// How long an API key works.
pub const API_KEY_DAYS: i64 = 365;

#[derive(Deserialize)]
pub struct Empty {}

/// The longest name a key may have.
pub const MAX_KEY_NAME_CHARS: usize = 80;

#[derive(Deserialize)]
pub struct KeyForm {
    #[serde(default)]
    name: String,
}

/// `POST /konto/api-nyckel`: a named key for the API, for the person's own systems. It works
/// only as `Authorization: Bearer KEY` on `/api/`, for reading and writing entries; it is shown
/// once, stored hashed, listed here and revoked here.
pub async fn api_key(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    CsrfForm(form): CsrfForm<KeyForm>,
) -> Result<Response, WebError> {
    require(&viewer, Action::OpenAccount, "/konto")?;
    let Some(v) = &viewer.0 else { return Err(WebError::SignIn { next: "/konto".into() }) };
    let name = form.name.trim();
    let problem = if name.is_empty() {
        Some(t(lang, "account-api-error-name"))
    } else if name.chars().count() > MAX_KEY_NAME_CHARS {
        Some(t_args(lang, "error-name-long", &[("max", MAX_KEY_NAME_CHARS.to_string())]))
    } else if name.chars().any(char::is_control) {
        Some(t(lang, "error-control-characters"))
    } else {
        None
    };
    if let Some(e) = problem {
        let typed: String =
            form.name.chars().filter(|c| !c.is_control()).take(MAX_KEY_NAME_CHARS + 20).collect();
        let shown = Shown {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            key_name: Some((typed, e)),
            ..Shown::default()
        };
        return render(&app, &headers, &viewer, lang, shown).await;
    }
    let key = crate::auth::random_token();
    let now = app.now();
    let expires =
        now.checked_add(jiff::SignedDuration::from_hours(24 * API_KEY_DAYS)).unwrap_or(jiff::Timestamp::MAX);
    app.store.create_api_key(v.user.id, name, &crate::auth::hash_token(&key), (now, expires)).await?;
    let shown = Shown { status: StatusCode::OK, key: Some(key), ..Shown::default() };
    render(&app, &headers, &viewer, lang, shown).await
}

/// `POST /konto/api-nyckel/{id}/aterkalla`: revokes one of one's own keys at once.
pub async fn revoke_key(
    State(app): State<AppState>,
    viewer: MaybeViewer,
    crate::extract::Segments(id): crate::extract::Segments<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    require(&viewer, Action::OpenAccount, "/konto")?;
    let Some(v) = &viewer.0 else { return Err(WebError::SignIn { next: "/konto".into() }) };
    let id: i64 = id.parse().map_err(|_| WebError::NotFound)?;
    if !app.store.revoke_api_key(v.user.id, id, app.now()).await? {
        return Err(WebError::NotFound);
    }
    Ok(redirect("/konto#api", vec![]))
}
