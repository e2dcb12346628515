//! `/admin/{award}/{year}/bidrag/{code}/komplettering`: a nominated municipality's own deadline
//! to complete its text while the call is closed for everyone else (2021: until 12 May). The
//! store checks that the municipality was nominated and that the deadline is not after the
//! jury's first cut; the portal shows it to the entry's contacts and takes changes until then.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::{Lang, MunicipalityCode, Slug, format_time};
use juryn_store::CompletionRefusal;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::{EditionKey, Segments};
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::respond::{form_page, redirect};
use crate::timefield::{local_value, parse_local};

#[derive(Template)]
#[template(path = "admin_completion.html")]
struct CompletionPage {
    l: crate::layout::Layout,
    csrf: String,
    action: String,
    name: String,
    current: String,
    until: String,
    errors: Vec<String>,
}

fn code_of(raw: &str) -> Result<MunicipalityCode, WebError> {
    MunicipalityCode::parse(raw).map_err(|_| WebError::NotFound)
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year, code): (&Slug, i16, MunicipalityCode),
    (status, typed, errors): (StatusCode, Option<String>, Vec<String>),
) -> Result<Response, WebError> {
    let (award, _) = award_and_edition(&*app.store, slug, year).await?;
    let record = app.store.entry_record(slug, year, code).await?.ok_or(WebError::NotFound)?;
    let name = juryn_domain::municipality::name_of(code);
    let action = format!("/admin/{slug}/{year}/bidrag/{code}/komplettering");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("admin-completion-heading", "admin-completion-title"),
        action.clone(),
    );
    let current = record
        .complete_until
        .map(|u| t_args(lang, "admin-completion-current", &[("time", format_time(u, lang))]))
        .unwrap_or_default();
    let until = typed.unwrap_or_else(|| local_value(record.complete_until));
    form_page(app, headers, status, |csrf| CompletionPage { l, csrf, action, name, current, until, errors })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    Segments((_, _, raw)): Segments<(String, String, String)>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "bidrag")?;
    let code = code_of(&raw)?;
    render(&app, &headers, lang, (&slug, year, code), (StatusCode::OK, None, vec![])).await
}

pub async fn save(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    Segments((_, _, raw)): Segments<(String, String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "bidrag")?;
    let code = code_of(&raw)?;
    let typed = pairs
        .iter()
        .find(|(k, _)| k == "until")
        .map(|(_, v)| v.chars().take(20).collect::<String>())
        .unwrap_or_default();
    // Empty: the entry follows the call's deadline again.
    let until = match parse_local(&typed) {
        Some(until) => until,
        None => {
            let errors = vec![t(lang, "call-error-time")];
            return render(
                &app,
                &headers,
                lang,
                (&slug, year, code),
                (StatusCode::UNPROCESSABLE_ENTITY, Some(typed), errors),
            )
            .await;
        }
    };
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    let key = match app.store.set_completion((&slug, year, code), until, &actor).await? {
        Ok(()) => return Ok(redirect(&format!("/admin/{slug}/{year}/bidrag/{code}"), vec![])),
        Err(CompletionRefusal::NotNominated) => "admin-completion-error-nominated",
        Err(CompletionRefusal::AfterFirstCut) => "admin-completion-error-late",
    };
    render(
        &app,
        &headers,
        lang,
        (&slug, year, code),
        (StatusCode::UNPROCESSABLE_ENTITY, Some(typed), vec![t(lang, key)]),
    )
    .await
}
