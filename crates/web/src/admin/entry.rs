//! `/admin/{award}/{year}/bidrag/{code}`: one entry as the organiser sees it — its state, the
//! consent to publication, the answers (of any saved version, `?version=N`), every version
//! saved and by whom, the nominations of the municipality and its contacts.

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::{Html, IntoResponse, Response};
use juryn_domain::{Lang, MunicipalityCode, Registry, format_time};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::MaybeViewer;
use crate::entry_view::{AnswerView, answers};
use crate::error::WebError;
use crate::extract::{EditionKey, LenientQuery, Segments};
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;

#[derive(Debug, Default, Deserialize)]
pub struct Query {
    version: Option<i64>,
}

pub struct VersionRow {
    pub version: i64,
    pub saved: String,
    pub actor: String,
    pub status: String,
    pub href: String,
    pub shown: bool,
}

pub struct NominationRow {
    pub by: String,
    pub email: String,
    pub reason: String,
    pub when: String,
    pub confirmed: bool,
}

pub struct ContactRow {
    pub name: String,
    pub email: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "admin_entry.html")]
struct EntryAdmin {
    l: Layout,
    status: String,
    /// "Inskickat 29 april 2021 kl. 14.02", or nothing.
    submitted: String,
    consent: Option<bool>,
    example: bool,
    public_href: String,
    /// Which version the answers are ("Version 3 av 5"), when not the latest.
    showing: Option<String>,
    answers: Vec<AnswerView>,
    versions: Vec<VersionRow>,
    nominations: Vec<NominationRow>,
    contacts: Vec<ContactRow>,
}

/// `GET /admin/{award}/{year}/bidrag/{code}`.
/// The public's nominations of the municipality in this edition.
async fn nomination_rows(
    app: &AppState,
    lang: Lang,
    (slug, year): (&juryn_domain::Slug, i16),
    code: MunicipalityCode,
) -> Result<Vec<NominationRow>, WebError> {
    Ok(app
        .store
        .nominations(slug, year)
        .await?
        .into_iter()
        .filter(|n| n.municipality == code)
        .map(|n| NominationRow {
            by: n.nominator_name,
            email: n.nominator_email,
            reason: n.reason,
            when: format_time(n.created_at, lang),
            confirmed: n.confirmed_at.is_some(),
        })
        .collect())
}

/// The entry's saved versions, newest first, the one shown marked.
fn version_rows(
    lang: Lang,
    history: &[juryn_store::EntryVersion],
    here: &str,
    shown_version: Option<i64>,
) -> Vec<VersionRow> {
    history
        .iter()
        .rev()
        .map(|v| VersionRow {
            version: v.version,
            saved: format_time(v.saved_at, lang),
            actor: v.actor.clone(),
            status: t(lang, &format!("status-{}", v.status.as_str())),
            href: format!("{here}?version={}#svar", v.version),
            shown: Some(v.version) == shown_version,
        })
        .collect()
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
    key: EditionKey,
    Segments((_, _, code)): Segments<(String, String, String)>,
    LenientQuery(q): LenientQuery<Query>,
) -> Result<Response, WebError> {
    let page = format!("bidrag/{code}");
    let (slug, year) = crate::auth::organised_edition(&viewer, key, &page)?;
    let code = MunicipalityCode::parse(&code).map_err(|_| WebError::NotFound)?;
    let municipality = Registry::sweden().get(code).ok_or(WebError::NotFound)?;
    let (award, _) = award_and_edition(&*app.store, &slug, year).await?;
    let record = app.store.entry_record(&slug, year, code).await?;
    let nominations = nomination_rows(&app, lang, (&slug, year), code).await?;
    // A municipality neither entered nor nominated has no page here.
    if record.is_none() && nominations.is_empty() {
        return Err(WebError::NotFound);
    }
    let contacts = app
        .store
        .contacts_of(&slug, year, code)
        .await?
        .into_iter()
        .map(|u| ContactRow { href: format!("/admin/personer/{}", u.id), name: u.name, email: u.email })
        .collect();
    let here = format!("/admin/{slug}/{year}/bidrag/{code}");
    let history = match &record {
        Some(r) => app.store.entry_history(r.id).await?,
        None => vec![],
    };
    let latest = history.iter().map(|v| v.version).max();
    let shown_version = q.version.or(latest);
    let versions = version_rows(lang, &history, &here, shown_version);
    let (answers, showing) = match (&record, q.version) {
        (None, _) => (vec![], None),
        (Some(r), None) => (answers(&app, lang, (&slug, year), &r.entry).await?.2, None),
        (Some(r), Some(v)) => {
            let old = history.iter().find(|h| h.version == v).ok_or(WebError::NotFound)?;
            let entry = juryn_store::EntryContent { answers: old.answers.clone(), ..r.entry.clone() };
            let text = t_args(
                lang,
                "admin-entry-showing",
                &[("version", v.to_string()), ("latest", latest.unwrap_or(v).to_string())],
            );
            (answers(&app, lang, (&slug, year), &entry).await?.2, Some(text))
        }
    };
    let edition_name = format!("{} {year}", award.name.get(lang));
    let l = Layout::new(lang, municipality.name.clone(), here.clone())
        .for_award(&award)
        .crumb(t(lang, "admin-title"), "/admin")
        .crumb(edition_name, format!("/admin/{slug}/{year}"))
        .crumb(t(lang, "call-overview-entries"), format!("/admin/{slug}/{year}/bidrag"))
        .crumb(municipality.name.clone(), "");
    let page = EntryAdmin {
        l,
        status: record.as_ref().map_or_else(
            || t(lang, "admin-entry-none"),
            |r| t(lang, &format!("status-{}", r.entry.status.as_str())),
        ),
        submitted: record
            .as_ref()
            .and_then(|r| r.entry.submitted_at)
            .map(|at| t_args(lang, "admin-entry-submitted", &[("time", format_time(at, lang))]))
            .unwrap_or_default(),
        consent: record.as_ref().map(|r| r.consent),
        example: record.as_ref().is_some_and(|r| r.entry.is_example),
        public_href: format!("/kommuner/{code}"),
        showing,
        answers,
        versions,
        nominations,
        contacts,
    };
    let html = page.render()?;
    Ok(Html(html).into_response())
}
