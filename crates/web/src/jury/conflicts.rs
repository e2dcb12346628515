//! `/jury/{award}/{year}/jav`: a juror declares a conflict of interest, from their list of
//! entries and before reading, with a reason. Only an organiser can lift it again.

use askama::Template;
use axum::extract::{Extension, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::conflict::Ruling;
use juryn_domain::{Action, Lang, MunicipalityCode, Slug};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer, require_on_edition};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{form_page, redirect};
use juryn_domain::municipality::name_of;

pub struct Choice {
    pub code: String,
    pub name: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "jury_conflict.html")]
struct DeclarePage {
    l: Layout,
    csrf: String,
    action: String,
    choices: Vec<Choice>,
    reason: String,
    errors: Vec<String>,
}

#[derive(Deserialize, Default)]
pub struct DeclareQuery {
    #[serde(default)]
    kommun: String,
}

fn edition_of(viewer: &MaybeViewer, key: EditionKey) -> Result<(Slug, i16), WebError> {
    let here = key.page("/jury", "jav");
    require_on_edition(viewer, key, &here, |award, year| Action::DeclareConflict { award, year })
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    viewer: &MaybeViewer,
    (slug, year): (&Slug, i16),
    (status, chosen, reason, errors): (StatusCode, &str, String, Vec<String>),
) -> Result<Response, WebError> {
    let actor = viewer.0.as_ref().map(|v| &v.actor);
    let (all, _) = crate::find::entry_codes(&*app.store, (slug, year)).await?;
    let mut choices: Vec<Choice> = all
        .into_iter()
        .filter(|c| !actor.is_some_and(|a| a.conflicted(slug, year, *c)))
        .map(|c| Choice { code: c.to_string(), name: name_of(c), selected: c.as_str() == chosen })
        .collect();
    choices.sort_by_key(|c| juryn_domain::juror::swedish_key(&c.name));
    let action = format!("/jury/{slug}/{year}/jav");
    let l = Layout::new(lang, t(lang, "conflict-declare-title"), action.clone())
        .crumb(t(lang, "jury-crumb"), format!("/jury/{slug}/{year}"))
        .crumb(t(lang, "conflict-declare-title"), "");
    form_page(app, headers, status, |csrf| DeclarePage { l, csrf, action, choices, reason, errors })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    Query(q): Query<DeclareQuery>,
) -> Result<Response, WebError> {
    let (slug, year) = edition_of(&viewer, key)?;
    render(&app, &headers, lang, &viewer, (&slug, year), (StatusCode::OK, &q.kommun, String::new(), vec![]))
        .await
}

#[derive(Deserialize)]
pub struct DeclareForm {
    #[serde(default)]
    kommun: String,
    #[serde(default)]
    reason: String,
}

pub async fn declare(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(form): CsrfForm<DeclareForm>,
) -> Result<Response, WebError> {
    let (slug, year) = edition_of(&viewer, key)?;
    let Some(v) = viewer.0.as_ref() else { return Err(WebError::Forbidden) };
    let (entries, _) = crate::find::entry_codes(&*app.store, (&slug, year)).await?;
    let mut errors = Vec::new();
    let municipality = MunicipalityCode::parse(form.kommun.trim()).ok().filter(|c| entries.contains(c));
    if municipality.is_none() {
        errors.push(t(lang, "conflict-error-municipality"));
    }
    let reason = form.reason.trim();
    if reason.is_empty() {
        errors.push(t(lang, "conflict-error-reason"));
    } else if reason.chars().count() > juryn_domain::conflict::MAX_REASON_CHARS {
        errors.push(t_args(
            lang,
            "conflict-error-long",
            &[("max", juryn_domain::conflict::MAX_REASON_CHARS.to_string())],
        ));
    }
    let Some(municipality) = municipality.filter(|_| errors.is_empty()) else {
        let shown = (StatusCode::UNPROCESSABLE_ENTITY, form.kommun.as_str(), form.reason.clone(), errors);
        return render(&app, &headers, lang, &viewer, (&slug, year), shown).await;
    };
    let ruling = Ruling::Declared { municipality, reason: reason.to_owned() };
    app.store.add_ruling(&slug, year, v.user.id, &ruling, Some(v.user.id), &v.stamp(app.now())).await?;
    Ok(redirect(&format!("/jury/{slug}/{year}"), vec![]))
}
