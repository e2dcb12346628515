//! `/admin/{award}/{year}/jav`: the register of conflicts of interest (who, which
//! municipality, why), every ruling behind it (who decided what, when), the organiser's form to
//! set or lift a conflict with a reason, and the register as CSV.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use juryn_domain::conflict::Ruling;
use juryn_domain::{Lang, MunicipalityCode, Slug, format_time};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::cache::PageKey;
use crate::cached_page::signed_in_form;
use crate::conflict_words::source_text;
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{CSRF_SLOT, redirect, with_csrf};
use juryn_domain::municipality::name_of;

pub struct RegisterRow {
    pub juror: String,
    pub municipality: String,
    pub code: String,
    pub why: String,
}

pub struct RulingRow {
    pub when: String,
    pub juror: String,
    pub what: String,
    pub municipality: String,
    pub reason: String,
    pub by: String,
}

#[derive(Template)]
#[template(path = "admin_conflicts.html")]
struct ConflictsPage {
    l: Layout,
    csrf: String,
    action: String,
    csv: String,
    register: Vec<RegisterRow>,
    rulings: Vec<RulingRow>,
    members: Vec<(i64, String, bool)>,
    entries: Vec<(String, String, bool)>,
    lift: bool,
    reason: String,
    errors: Vec<String>,
}

#[derive(Deserialize, Default, Clone)]
pub struct RulingForm {
    #[serde(default)]
    user: String,
    #[serde(default)]
    kommun: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    reason: String,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    (status, typed, errors): (StatusCode, RulingForm, Vec<String>),
) -> Result<Response, WebError> {
    Ok(with_csrf(app, headers, status, &html(app, lang, (slug, year), (typed, errors)).await?))
}

/// The page with `CSRF_SLOT` for its token.
async fn html(
    app: &AppState,
    lang: Lang,
    (slug, year): (&Slug, i16),
    (typed, errors): (RulingForm, Vec<String>),
) -> Result<String, WebError> {
    let (award, _) = award_and_edition(&*app.store, slug, year).await?;
    let register = app
        .store
        .conflict_register(slug, year)
        .await?
        .into_iter()
        .map(|c| RegisterRow {
            juror: c.name,
            municipality: name_of(c.municipality),
            code: c.municipality.to_string(),
            why: source_text(lang, &c.source),
        })
        .collect();
    let members = app.store.jury_members(slug, year).await?;
    let name = |id: i64| {
        members.iter().find(|m| m.user_id == id).map_or_else(|| format!("user/{id}"), |m| m.name.clone())
    };
    let rulings = app
        .store
        .rulings(slug, year)
        .await?
        .into_iter()
        .map(|r| RulingRow {
            when: format_time(r.made_at, lang),
            juror: name(r.user_id),
            what: t(lang, &format!("admin-ruling-{}", r.ruling.kind())),
            municipality: name_of(r.ruling.municipality()),
            reason: r.ruling.reason().to_owned(),
            by: r.made_by.unwrap_or_default(),
        })
        .collect();
    let (all, _) = crate::find::entry_codes(&*app.store, (slug, year)).await?;
    let mut entries: Vec<(String, String, bool)> = all
        .into_iter()
        .map(|c| {
            let code = c.to_string();
            let chosen = code == typed.kommun;
            (code, name_of(c), chosen)
        })
        .collect();
    entries.sort_by_key(|(_, n, _)| juryn_domain::juror::swedish_key(n));
    let members =
        members.iter().map(|m| (m.user_id, m.name.clone(), m.user_id.to_string() == typed.user)).collect();
    let action = format!("/admin/{slug}/{year}/jav");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("admin-conflicts-heading", "admin-conflicts-title"),
        action.clone(),
    );
    let page = ConflictsPage {
        l,
        csrf: CSRF_SLOT.to_owned(),
        csv: format!("{action}.csv"),
        action,
        register,
        rulings,
        members,
        entries,
        lift: typed.kind == "lifted",
        reason: typed.reason,
        errors,
    };
    Ok(page.render()?)
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "jav")?;
    // The same for every organiser of the edition until the next write: kept.
    let key = PageKey::Organiser(format!("/admin/{slug}/{year}/jav"), lang);
    let render =
        || async { Ok((html(&app, lang, (&slug, year), (RulingForm::default(), vec![])).await?, None)) };
    signed_in_form(&app, &headers, key, render).await
}

pub async fn rule(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(form): CsrfForm<RulingForm>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "jav")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let members = app.store.jury_members(&slug, year).await?;
    let (entries, _) = crate::find::entry_codes(&*app.store, (&slug, year)).await?;
    let mut errors = Vec::new();
    let user = form.user.parse::<i64>().ok().filter(|id| members.iter().any(|m| m.user_id == *id));
    if user.is_none() {
        errors.push(t(lang, "admin-jury-error-member"));
    }
    let municipality = MunicipalityCode::parse(form.kommun.trim()).ok().filter(|c| entries.contains(c));
    if municipality.is_none() {
        errors.push(t(lang, "conflict-error-municipality"));
    }
    let reason = form.reason.trim().to_owned();
    if reason.is_empty() {
        errors.push(t(lang, "conflict-error-reason"));
    } else if reason.chars().count() > juryn_domain::conflict::MAX_REASON_CHARS {
        errors.push(t_args(
            lang,
            "conflict-error-long",
            &[("max", juryn_domain::conflict::MAX_REASON_CHARS.to_string())],
        ));
    }
    let (Some(user), Some(municipality), true) = (user, municipality, errors.is_empty()) else {
        let shown = (StatusCode::UNPROCESSABLE_ENTITY, form.clone(), errors);
        return render(&app, &headers, lang, (&slug, year), shown).await;
    };
    let ruling = match form.kind.as_str() {
        "lifted" => Ruling::Lifted { municipality, reason },
        _ => Ruling::Set { municipality, reason },
    };
    let v = viewer.0.as_ref().ok_or(WebError::Forbidden)?;
    app.store.add_ruling(&slug, year, user, &ruling, Some(v.user.id), &v.stamp(app.now())).await?;
    Ok(redirect(&format!("/admin/{slug}/{year}/jav"), vec![]))
}

/// The register as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read å, ä, ö).
pub async fn csv(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "jav.csv")?;
    let rows: Vec<Vec<String>> = app
        .store
        .conflict_register(&slug, year)
        .await?
        .into_iter()
        .map(|c| {
            vec![c.name, c.municipality.to_string(), name_of(c.municipality), source_text(lang, &c.source)]
        })
        .collect();
    let header =
        ["admin-csv-juror", "admin-csv-code", "field-municipality", "admin-csv-why"].map(|k| t(lang, k));
    let body = juryn_publish::table::csv(&header, &rows)?;
    Ok(download(body, "text/csv; charset=utf-8", &format!("jav-{slug}-{year}.csv")))
}

/// A file to download, never cached (it holds what only organisers may read).
pub(crate) fn download(body: Vec<u8>, content_type: &'static str, filename: &str) -> Response {
    (
        [
            (CONTENT_TYPE, content_type.to_owned()),
            (CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
            (CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}
