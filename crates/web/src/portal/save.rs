//! Saving an entry from the portal: the form's buttons (save, submit, withdraw), the page's
//! autosave, and consent to publication — each a domain plan (`juryn_domain::entry::plan`) written
//! by the store, which checks the version and the deadline in the same write.

use super::edit::{Shown, admit, field, render};
use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::Segments;
use crate::i18n::{t, t_args};
use crate::question_form::answers_from;
use crate::respond::redirect;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::entry::{Intent, plan};
use juryn_domain::questionnaire::AnswerProblem;
use juryn_domain::{EntryStatus, Lang, Registry, format_time};
use juryn_store::{EntryRecord, EntrySave, SaveOutcome};

fn closed_message(lang: Lang, edition: &juryn_domain::Edition) -> String {
    let when = edition.call.closes_at.map(|c| format_time(c, lang)).unwrap_or_default();
    t_args(lang, "entry-closed", &[("deadline", when)])
}

/// What the person asked for by the button they pressed.
fn intent_of(action: &str) -> Intent {
    match action {
        "dra-tillbaka" => Intent::Withdraw,
        "skicka-in" => Intent::Submit,
        _ => Intent::Save,
    }
}

/// What the page says when a save is refused for its answers: a submission (or a change to a
/// submitted entry) was not sent in; a draft was not saved.
fn not_done_key(intent: Intent, status: EntryStatus) -> &'static str {
    if intent == Intent::Submit || status == EntryStatus::Submitted {
        "entry-not-submitted"
    } else {
        "entry-not-saved"
    }
}

/// The confirmation page before an entry is withdrawn.
fn ask_before_withdrawing(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    record: &EntryRecord,
    posted: &[(String, String)],
) -> Result<Response, WebError> {
    let name = Registry::sweden().get(record.entry.municipality).map_or_else(String::new, |m| m.name.clone());
    let question = crate::confirm::Question {
        heading: t(lang, "confirm-withdraw-title"),
        what: t_args(lang, "confirm-withdraw-text", &[("name", name)]),
        button: t(lang, "confirm-withdraw-button"),
    };
    let here = format!("/portal/bidrag/{}", record.id);
    crate::confirm::ask(app, headers, lang, question, (&here, &here), posted)
}

/// After a save: the entry's page with what happened.
fn saved_page(record: &EntryRecord, status: EntryStatus, action: &str) -> Response {
    let was = record.entry.status;
    let done = match status {
        EntryStatus::Submitted if action == "skicka-in" || was == EntryStatus::Submitted => "inskickat",
        EntryStatus::Withdrawn => "tillbakadraget",
        _ => "sparat",
    };
    redirect(&format!("/portal/bidrag/{}?klart={done}", record.id), vec![])
}

pub async fn save(
    axum::extract::State(app): axum::extract::State<AppState>,
    axum::extract::Extension(lang): axum::extract::Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(raw_id): Segments<String>,
    CsrfForm(posted): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (record, edition, actor) = admit(&app, &viewer, &raw_id).await?;
    let questions = app.store.questions(&record.award, record.year).await?;
    let (typed, mut problems) = answers_from(&questions, &posted);
    let action = field(&posted, "action");
    let expected_version = field(&posted, "version").parse::<i64>().unwrap_or(0);
    let page = |status, typed: Option<Vec<String>>, problems, errors, theirs| {
        let shown = Shown { status: Some(status), typed, problems, errors, notice: None, theirs };
        render(&app, &headers, lang, (&record, &edition), shown)
    };
    if !record.accepts_changes(&edition.call, app.now()) {
        let errors = vec![closed_message(lang, &edition)];
        return page(StatusCode::CONFLICT, Some(typed), problems, errors, None).await;
    }
    if action == "autospara" {
        return autosave(
            &app,
            lang,
            &record,
            &edition,
            (&questions, typed, problems),
            (expected_version, &actor),
        )
        .await;
    }
    if action == "dra-tillbaka" && !crate::confirm::confirmed(&posted) {
        return ask_before_withdrawing(&app, &headers, lang, &record, &posted);
    }
    let intent = intent_of(action);
    let planned = match plan(record.entry.current(), intent, typed.clone(), &questions, app.now()) {
        Ok(p) if problems.is_empty() => p,
        result => {
            // The form's problems, then the plan's for questions the form found nothing wrong with.
            let found = result.err().unwrap_or_default();
            problems.extend(
                found.into_iter().filter(|(i, _)| !problems.iter().any(|(j, _)| j == i)).collect::<Vec<_>>(),
            );
            let errors = vec![t(lang, not_done_key(intent, record.entry.status))];
            return page(StatusCode::UNPROCESSABLE_ENTITY, Some(typed), problems, errors, None).await;
        }
    };
    let save = EntrySave {
        expected_version,
        status: planned.status,
        answers: planned.answers.clone(),
        consent: record.consent,
        submitted_at: planned.submitted_at,
    };
    let as_saved = EntryRecord {
        entry: juryn_store::EntryContent {
            status: save.status,
            answers: save.answers.clone(),
            submitted_at: save.submitted_at,
            ..record.entry.clone()
        },
        ..record.clone()
    };
    let receipt = crate::receipt::letters(&app, (record.entry.status, &as_saved), &questions).await?;
    let actor = actor.with_mail(receipt);
    match app.store.save_entry(&record.award, record.year, record.entry.municipality, &save, &actor).await? {
        SaveOutcome::Saved { .. } => Ok(saved_page(&record, planned.status, action)),
        // The same save twice (a double click): the first one stands, and that is what was meant.
        SaveOutcome::Conflict(current)
            if current.entry.answers == planned.answers && current.entry.status == planned.status =>
        {
            Ok(redirect(&format!("/portal/bidrag/{}?klart=sparat", record.id), vec![]))
        }
        SaveOutcome::Conflict(current) => {
            let errors = vec![t(lang, "entry-conflict")];
            page(StatusCode::CONFLICT, Some(typed), vec![], errors, Some(*current)).await
        }
        // The deadline passed between the check above and the write: what was typed stays.
        SaveOutcome::Closed => {
            page(StatusCode::CONFLICT, Some(typed), vec![], vec![closed_message(lang, &edition)], None).await
        }
    }
}

/// A draft saved by the page's script: answers in JSON, never a redirect. Only drafts are saved
/// this way (a submitted entry changes only when someone presses the button).
async fn autosave(
    app: &AppState,
    lang: Lang,
    record: &EntryRecord,
    edition: &juryn_domain::Edition,
    (questions, typed, problems): (
        &[juryn_domain::questionnaire::Question],
        Vec<String>,
        Vec<(usize, AnswerProblem)>,
    ),
    (expected_version, actor): (i64, &juryn_store::Stamp),
) -> Result<Response, WebError> {
    use axum::Json;
    use axum::response::IntoResponse;
    let refuse = |status: StatusCode, key: &str| {
        Ok((status, Json(serde_json::json!({"message": t(lang, key)}))).into_response())
    };
    if !record.accepts_changes(&edition.call, app.now()) {
        return refuse(StatusCode::CONFLICT, "entry-closed-now");
    }
    if record.entry.status == EntryStatus::Submitted {
        return refuse(StatusCode::CONFLICT, "entry-autosave-submitted");
    }
    let planned = match plan(record.entry.current(), Intent::Save, typed, questions, app.now()) {
        Ok(p) if problems.is_empty() => p,
        _ => return refuse(StatusCode::UNPROCESSABLE_ENTITY, "entry-autosave-problem"),
    };
    let save = EntrySave {
        expected_version,
        status: planned.status,
        answers: planned.answers,
        consent: record.consent,
        submitted_at: planned.submitted_at,
    };
    match app.store.save_entry(&record.award, record.year, record.entry.municipality, &save, actor).await? {
        SaveOutcome::Saved { version } => {
            // "Sparat kl. 14.02": the time of day in Stockholm is what the writer needs.
            let stockholm = jiff::tz::TimeZone::get("Europe/Stockholm").unwrap_or(jiff::tz::TimeZone::UTC);
            let at = app.now().to_zoned(stockholm);
            let when = match lang {
                Lang::Sv => at.strftime("%H.%M").to_string(),
                Lang::En => at.strftime("%H:%M").to_string(),
            };
            let message = t_args(lang, "entry-autosaved", &[("when", when)]);
            Ok(Json(serde_json::json!({"version": version, "message": message})).into_response())
        }
        SaveOutcome::Conflict(_) => refuse(StatusCode::CONFLICT, "entry-autosave-conflict"),
        SaveOutcome::Closed => refuse(StatusCode::CONFLICT, "entry-closed-now"),
    }
}

pub async fn consent(
    axum::extract::State(app): axum::extract::State<AppState>,
    axum::extract::Extension(lang): axum::extract::Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(raw_id): Segments<String>,
    CsrfForm(posted): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (record, edition, actor) = admit(&app, &viewer, &raw_id).await?;
    if !record.accepts_changes(&edition.call, app.now()) {
        let shown = Shown {
            status: Some(StatusCode::CONFLICT),
            errors: vec![closed_message(lang, &edition)],
            ..Default::default()
        };
        return render(&app, &headers, lang, (&record, &edition), shown).await;
    }
    let save = EntrySave {
        expected_version: field(&posted, "version").parse::<i64>().unwrap_or(0),
        status: record.entry.status,
        answers: record.entry.answers.clone(),
        consent: field(&posted, "consent") == "ja",
        submitted_at: record.entry.submitted_at,
    };
    match app.store.save_entry(&record.award, record.year, record.entry.municipality, &save, &actor).await? {
        SaveOutcome::Saved { .. } => {
            Ok(redirect(&format!("/portal/bidrag/{}?klart=samtycke", record.id), vec![]))
        }
        SaveOutcome::Conflict(current) => {
            let shown = Shown {
                status: Some(StatusCode::CONFLICT),
                errors: vec![t(lang, "entry-conflict")],
                theirs: Some(*current),
                ..Default::default()
            };
            render(&app, &headers, lang, (&record, &edition), shown).await
        }
        SaveOutcome::Closed => {
            let shown = Shown {
                status: Some(StatusCode::CONFLICT),
                errors: vec![closed_message(lang, &edition)],
                ..Default::default()
            };
            render(&app, &headers, lang, (&record, &edition), shown).await
        }
    }
}

/// `POST /portal/bidrag/{id}/skriften`: the entry only for the booklet (`only=ja`), or competing
/// again — while the call takes changes and the jury has not begun (the store checks the phase).
pub async fn booklet_only(
    axum::extract::State(app): axum::extract::State<AppState>,
    axum::extract::Extension(lang): axum::extract::Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(raw_id): Segments<String>,
    CsrfForm(posted): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (record, edition, actor) = admit(&app, &viewer, &raw_id).await?;
    let only = field(&posted, "only") == "ja";
    let (award, year, code) = (&record.award, record.year, record.entry.municipality);
    if record.accepts_changes(&edition.call, app.now())
        && app.store.set_booklet_only(award, year, code, only, &actor).await?
    {
        return Ok(redirect(&format!("/portal/bidrag/{}?klart=skriften", record.id), vec![]));
    }
    let shown = Shown {
        status: Some(StatusCode::CONFLICT),
        errors: vec![closed_message(lang, &edition)],
        ..Default::default()
    };
    render(&app, &headers, lang, (&record, &edition), shown).await
}
