//! `POST /admin/{award}/{year}/uppfoljning/import`: the external tool's result (DiMiOS in 2021)
//! as CSV rows of municipality, indicator, level — as Excel writes it, with a byte-order mark
//! and semicolons, or with commas. Every bad row is named with its row number; nothing is
//! written unless every row is right.

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::follow_up::{ImportProblem, read_import};
use juryn_domain::municipality::name_of;
use juryn_domain::{Lang, Slug};
use juryn_store::{FollowUpRefusal, FollowUpSource};

use super::csv_upload::{Upload, read};
use super::follow_up::{Shown, render};
use crate::app::AppState;
use crate::auth::MaybeViewer;
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::i18n::{t, t_args};
use crate::respond::redirect;

/// The largest import: a few hundred municipalities × a few dozen indicators fits many times.
pub const IMPORT_MAX_BYTES: usize = 1024 * 1024;
/// The form's body may be this large: the file and the form's few other fields.
pub const IMPORT_BODY_LIMIT: usize = IMPORT_MAX_BYTES + 16 * 1024;

fn problem_text(lang: Lang, p: &ImportProblem) -> String {
    fn row(lang: Lang, line: &usize, key: &str, args: &[(&'static str, String)]) -> String {
        let mut all = vec![("row", line.to_string())];
        all.extend(args.iter().cloned());
        t_args(lang, key, &all)
    }
    let row = |line: &usize, key: &str, args: &[(&'static str, String)]| row(lang, line, key, args);
    match p {
        ImportProblem::Columns(l) => row(l, "follow-up-import-columns", &[]),
        ImportProblem::UnknownMunicipality(l, s) => {
            row(l, "follow-up-import-municipality", &[("text", s.clone())])
        }
        ImportProblem::NotThrough(l, c) => row(l, "follow-up-import-not-through", &[("name", name_of(*c))]),
        ImportProblem::UnknownIndicator(l, s) => row(l, "follow-up-import-indicator", &[("text", s.clone())]),
        ImportProblem::Level(l, s) => row(l, "follow-up-import-level", &[("text", s.clone())]),
        ImportProblem::Twice(l) => row(l, "follow-up-import-twice", &[]),
        ImportProblem::NoIndicators => t(lang, "follow-up-import-no-indicators"),
        ImportProblem::Empty => t(lang, "follow-up-import-empty"),
    }
}

async fn refuse(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    key: (&Slug, i16),
    (status, import_errors): (StatusCode, Vec<String>),
) -> Result<Response, WebError> {
    render(app, headers, lang, key, Shown { status, import_errors, ..Shown::ok() }).await
}

pub async fn import(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    request: axum::extract::Request,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "uppfoljning")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let key = (&slug, year);
    let text = match read(&app, &headers, request).await? {
        Upload::Text(text) if text.len() <= IMPORT_MAX_BYTES => text,
        Upload::Text(_) | Upload::TooLarge => {
            let max = (IMPORT_MAX_BYTES / (1024 * 1024)).to_string();
            let e = vec![t_args(lang, "follow-up-import-size", &[("max", max)])];
            return refuse(&app, &headers, lang, key, (StatusCode::PAYLOAD_TOO_LARGE, e)).await;
        }
        Upload::NotText => {
            let e = vec![t(lang, "follow-up-import-not-text")];
            return refuse(&app, &headers, lang, key, (StatusCode::UNPROCESSABLE_ENTITY, e)).await;
        }
    };
    let Some(follow_up) = app.store.follow_up(&slug, year).await? else {
        let e = vec![t(lang, "follow-up-import-none")];
        return refuse(&app, &headers, lang, key, (StatusCode::CONFLICT, e)).await;
    };
    let Ok(rows) = juryn_publish::table::read_csv(&text) else {
        let e = vec![t(lang, "follow-up-import-not-text")];
        return refuse(&app, &headers, lang, key, (StatusCode::UNPROCESSABLE_ENTITY, e)).await;
    };
    let through = app
        .store
        .cuts(&slug, year)
        .await?
        .iter()
        .find(|c| c.position == follow_up.after_round)
        .map(|c| c.codes())
        .unwrap_or_default();
    let stored = app.store.follow_up_answers(&slug, year).await?;
    let existing =
        |c| stored.iter().find(|a| a.municipality == c).map(|a| a.answers.clone()).unwrap_or_default();
    let answers = match read_import(&rows, &follow_up, &through, existing) {
        Ok(a) => a,
        Err(problems) => {
            let e = problems.iter().map(|p| problem_text(lang, p)).collect();
            return refuse(&app, &headers, lang, key, (StatusCode::UNPROCESSABLE_ENTITY, e)).await;
        }
    };
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    match app.store.save_follow_up(key, &answers, FollowUpSource::Import, &actor).await? {
        Ok(()) => Ok(redirect(&format!("/admin/{slug}/{year}/uppfoljning"), vec![])),
        // The cut or the questions changed between the read and the write: say so, keep nothing.
        Err(FollowUpRefusal::NotThrough(c)) => {
            let e = vec![t_args(
                lang,
                "follow-up-import-not-through",
                &[("row", "–".into()), ("name", name_of(c))],
            )];
            refuse(&app, &headers, lang, key, (StatusCode::CONFLICT, e)).await
        }
        Err(_) => {
            let e = vec![t(lang, "follow-up-import-none")];
            refuse(&app, &headers, lang, key, (StatusCode::CONFLICT, e)).await
        }
    }
}
