//! `/portal/bidrag/{id}/versioner/{n}`: one saved version of an entry (numbered from 1, the
//! first save), beside the text as it stands now, question by question; and restoring it, which
//! saves its answers as a new version (nothing is lost: the current text stays in the history).

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::{EntryStatus, Lang, Registry, format_time};
use juryn_store::{EntrySave, EntryVersion, SaveOutcome};

use super::edit::{admit, field};
use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::Segments;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{form_page, redirect};
use juryn_domain::entry::{Intent, plan};

/// One question: its prompt, the answer in that version and now, and whether they differ.
pub struct Compared {
    pub prompt: String,
    pub then: String,
    pub now: String,
    pub changed: bool,
}

#[derive(Template)]
#[template(path = "entry_version.html")]
struct VersionPage {
    l: Layout,
    csrf: String,
    heading: String,
    meta: String,
    questions: Vec<Compared>,
    action: String,
    version: i64,
    may_restore: bool,
    back: String,
    errors: Vec<String>,
}

/// The entry's saved versions, oldest first: the number a person reads is the position.
pub(crate) async fn numbered(app: &AppState, entry_id: i64) -> Result<Vec<EntryVersion>, WebError> {
    let mut history = app.store.entry_history(entry_id).await?;
    history.sort_by_key(|v| v.version);
    Ok(history)
}

async fn pick(app: &AppState, entry_id: i64, n: &str) -> Result<EntryVersion, WebError> {
    let n: usize = n.parse().ok().filter(|n| *n > 0).ok_or(WebError::NotFound)?;
    numbered(app, entry_id).await?.into_iter().nth(n - 1).ok_or(WebError::NotFound)
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (raw_id, n): (&str, &str),
    viewer: &MaybeViewer,
    (status, errors): (StatusCode, Vec<String>),
) -> Result<Response, WebError> {
    let (record, edition, _) = admit(app, viewer, raw_id).await?;
    let old = pick(app, record.id, n).await?;
    let questions = app.store.questions(&record.award, record.year).await?;
    let compared = questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let then = old.answers.get(i).map_or("", String::as_str);
            let now = record.entry.answers.get(i).map_or("", String::as_str);
            // As the reader reads them: a self-assessment in the scale's words.
            let shown = |a: &str| crate::answer_view::text(lang, q, a);
            Compared {
                prompt: q.prompt.get(lang).to_owned(),
                changed: then != now,
                then: shown(then),
                now: shown(now),
            }
        })
        .collect();
    let who = match old.actor.strip_prefix("user/").and_then(|id| id.parse::<i64>().ok()) {
        Some(id) => app.store.user(id).await?.map_or(old.actor.clone(), |u| u.name),
        None => old.actor.clone(),
    };
    let name = Registry::sweden().get(record.entry.municipality).map_or_else(String::new, |m| m.name.clone());
    let back = format!("/portal/bidrag/{}", record.id);
    let heading = t_args(lang, "entry-version-title", &[("n", n.to_owned()), ("name", name.clone())]);
    let meta = t_args(
        lang,
        "entry-version-meta",
        &[
            ("when", format_time(old.saved_at, lang)),
            ("who", who),
            ("status", t(lang, &format!("status-{}", old.status.as_str()))),
        ],
    );
    let l = Layout::new(lang, heading.clone(), format!("{back}/versioner/{n}"))
        .crumb(t(lang, "portal-title"), "/portal")
        .crumb(name, back.clone())
        .crumb(heading.clone(), "");
    let may_restore = record.accepts_changes(&edition.call, app.now()) && record.entry.answers != old.answers;
    form_page(app, headers, status, |csrf| VersionPage {
        l,
        csrf,
        heading,
        meta,
        questions: compared,
        action: format!("{back}/versioner/{n}"),
        version: record.version,
        may_restore,
        back,
        errors,
    })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments((id, n)): Segments<(String, String)>,
) -> Result<Response, WebError> {
    render(&app, &headers, lang, (&id, &n), &viewer, (StatusCode::OK, vec![])).await
}

/// Restores the version: its answers saved as a new version, from the version the form showed
/// (a stale form is refused, as any save is). A submitted entry stays submitted, so the restored
/// text must be complete.
pub async fn restore(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments((id, n)): Segments<(String, String)>,
    CsrfForm(posted): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (record, edition, actor) = admit(&app, &viewer, &id).await?;
    let old = pick(&app, record.id, &n).await?;
    let again = |status, errors| render(&app, &headers, lang, (&id, &n), &viewer, (status, errors));
    if !record.accepts_changes(&edition.call, app.now()) {
        return again(StatusCode::CONFLICT, vec![t(lang, "entry-closed-now")]).await;
    }
    let questions = app.store.questions(&record.award, record.year).await?;
    let Ok(planned) = plan(record.entry.current(), Intent::Save, old.answers.clone(), &questions, app.now())
    else {
        return again(StatusCode::UNPROCESSABLE_ENTITY, vec![t(lang, "entry-version-incomplete")]).await;
    };
    let save = EntrySave {
        expected_version: field(&posted, "version").parse::<i64>().unwrap_or(0),
        status: planned.status,
        answers: planned.answers,
        consent: record.consent,
        submitted_at: planned.submitted_at,
    };
    match app.store.save_entry(&record.award, record.year, record.entry.municipality, &save, &actor).await? {
        SaveOutcome::Saved { .. } => {
            let done = if planned.status == EntryStatus::Submitted { "inskickat" } else { "aterstalld" };
            Ok(redirect(&format!("/portal/bidrag/{}?klart={done}", record.id), vec![]))
        }
        SaveOutcome::Conflict(_) => again(StatusCode::CONFLICT, vec![t(lang, "entry-conflict")]).await,
        SaveOutcome::Closed => again(StatusCode::CONFLICT, vec![t(lang, "entry-closed-now")]).await,
    }
}
