//! Writing an entry: save a draft, submit, withdraw, consent — each a save of a new version that
//! names the version it started from, so two contacts never overwrite each other.

use askama::Template;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::questionnaire::AnswerProblem;
use juryn_domain::{Action, EntryStatus, Lang, Registry, format_time};
use juryn_store::EntryRecord;

use crate::app::AppState;
use crate::auth::{MaybeViewer, require};
use crate::error::WebError;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::question_form::{Field, fields, levels};
use crate::respond::form_page;

pub struct VersionRow {
    /// The number a person reads: 1 for the first save.
    pub number: usize,
    pub href: String,
    pub when: String,
    pub who: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "entry_form.html")]
struct EntryForm {
    l: Layout,
    csrf: String,
    id: i64,
    heading: String,
    edition: String,
    status: String,
    submitted: bool,
    deadline: String,
    open: bool,
    /// Where the call stands, in the words every page uses.
    call_state: String,
    version: i64,
    consent: bool,
    /// Only for the booklet: the municipality contributes its text without competing.
    booklet_only: bool,
    fields: Vec<Field>,
    levels: Vec<(&'static str, String)>,
    errors: Vec<String>,
    notice: Option<String>,
    conflict: bool,
    history: Vec<VersionRow>,
    consent_intro: String,
    /// The follow-up for those through a cut, when the municipality is: (link, words).
    follow_up: Option<(String, String)>,
}

/// What the form shows besides the stored entry: typed answers, problems, a conflict.
#[derive(Default)]
pub(crate) struct Shown {
    pub status: Option<StatusCode>,
    pub typed: Option<Vec<String>>,
    pub problems: Vec<(usize, AnswerProblem)>,
    pub errors: Vec<String>,
    pub notice: Option<String>,
    /// After a conflict: the entry as someone else saved it.
    pub theirs: Option<EntryRecord>,
}

async fn load(app: &AppState, id: i64) -> Result<(EntryRecord, juryn_domain::Edition), WebError> {
    let stored = app.store.entry_by_id(id).await?.ok_or(WebError::NotFound)?;
    let (award, year, code) = (stored.award.clone(), stored.year, stored.entry.municipality);
    let record = app.store.entry_record(&award, year, code).await?.ok_or(WebError::NotFound)?;
    let edition = app.store.edition(&award, year).await?.ok_or(WebError::NotFound)?;
    Ok((record, edition))
}

pub(super) async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (record, edition): (&EntryRecord, &juryn_domain::Edition),
    shown: Shown,
) -> Result<Response, WebError> {
    let questions = app.store.questions(&record.award, record.year).await?;
    let award = app.store.award(&record.award).await?;
    let answers = shown.typed.clone().unwrap_or_else(|| record.entry.answers.clone());
    let mut fields = fields(lang, &questions, &answers, &shown.problems);
    let conflict = shown.theirs.is_some();
    if let Some(theirs) = &shown.theirs {
        for (i, f) in fields.iter_mut().enumerate() {
            f.theirs = Some(theirs.entry.answers.get(i).cloned().unwrap_or_default());
        }
    }
    let version = shown.theirs.as_ref().map_or(record.version, |r| r.version);
    let mut history = Vec::new();
    for (i, v) in super::versions::numbered(app, record.id).await?.into_iter().enumerate() {
        let who = match v.actor.strip_prefix("user/").and_then(|id| id.parse::<i64>().ok()) {
            Some(id) => app.store.user(id).await?.map_or(v.actor.clone(), |u| u.name),
            None => v.actor.clone(),
        };
        history.push(VersionRow {
            number: i + 1,
            href: format!("/portal/bidrag/{}/versioner/{}", record.id, i + 1),
            when: format_time(v.saved_at, lang),
            who,
            status: t(lang, &format!("status-{}", v.status.as_str())),
        });
    }
    let name = Registry::sweden().get(record.entry.municipality).map_or_else(String::new, |m| m.name.clone());
    let consent_intro = consent_intro(app, lang, record, award.as_ref()).await?;
    let edition_name = format!(
        "{} {}",
        award.map_or_else(|| record.award.to_string(), |a| a.name.get(lang).to_owned()),
        record.year
    );
    let now = app.now();
    let l = Layout::new(lang, name.clone(), format!("/portal/bidrag/{}", record.id))
        .crumb(t(lang, "portal-title"), "/portal")
        .crumb(name.clone(), "");
    let status = shown.status.unwrap_or(StatusCode::OK);
    let booklet_only =
        app.store.booklet_only(&record.award, record.year).await?.contains(&record.entry.municipality);
    let follow_up = super::follow_up::follow_up_for(app, record).await?.map(|f| {
        let words = t_args(lang, "follow-up-link", &[("time", format_time(f.closes_at, lang))]);
        (format!("/portal/bidrag/{}/uppfoljning", record.id), words)
    });
    form_page(app, headers, status, |csrf| EntryForm {
        l,
        csrf,
        id: record.id,
        consent_intro,
        heading: name,
        edition: edition_name,
        status: t(lang, &format!("status-{}", record.entry.status.as_str())),
        submitted: record.entry.status == EntryStatus::Submitted,
        deadline: record
            .complete_until
            .or(edition.call.closes_at)
            .map(|c| format_time(c, lang))
            .unwrap_or_default(),
        open: record.accepts_changes(&edition.call, now),
        call_state: crate::edition_words::call_state_text(lang, edition.call.state(now)),
        version,
        consent: record.consent,
        booklet_only,
        fields,
        levels: levels(lang),
        errors: shown.errors,
        notice: shown.notice,
        conflict,
        history,
        follow_up,
    })
}

/// What the consent asks: it names this edition's booklet, whatever its title.
async fn consent_intro(
    app: &AppState,
    lang: Lang,
    record: &EntryRecord,
    award: Option<&juryn_domain::Award>,
) -> Result<String, WebError> {
    let settings = app.store.booklet_settings(&record.award, record.year).await?;
    Ok(award.map_or_else(String::new, |a| {
        t_args(lang, "entry-consent-intro", &[("title", crate::booklet::title_of(a, record.year, &settings))])
    }))
}

/// The form for one who may edit (the caller has checked).
pub(crate) async fn page(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    _viewer: &MaybeViewer,
    id: i64,
    done: Option<&str>,
) -> Result<Response, WebError> {
    let (record, edition) = load(app, id).await?;
    let notice = done.and_then(|d| match d {
        "sparat" => Some(t(lang, "entry-saved")),
        "inskickat" => Some(t(lang, "entry-submitted")),
        "tillbakadraget" => Some(t(lang, "entry-withdrawn")),
        "samtycke" => Some(t(lang, "entry-consent-saved")),
        "skriften" => Some(t(lang, "entry-booklet-only-saved")),
        "aterstalld" => Some(t(lang, "entry-version-restored")),
        _ => None,
    });
    render(app, headers, lang, (&record, &edition), Shown { notice, ..Default::default() }).await
}

pub(crate) fn field<'a>(posted: &'a [(String, String)], name: &str) -> &'a str {
    posted.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

/// Checks who may edit and that the call takes changes; returns the entry, its edition and the
/// actor (who, and the request's time) for the store.
pub(crate) async fn admit(
    app: &AppState,
    viewer: &MaybeViewer,
    raw_id: &str,
) -> Result<(EntryRecord, juryn_domain::Edition, juryn_store::Stamp), WebError> {
    let here = format!("/portal/bidrag/{raw_id}");
    require(viewer, Action::OpenAccount, &here)?;
    let id = crate::find::row_id(raw_id)?;
    let (record, edition) = load(app, id).await?;
    let action = Action::EditEntry {
        award: &record.award,
        year: record.year,
        municipality: record.entry.municipality,
    };
    require(viewer, action, &here)?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    Ok((record, edition, actor))
}
