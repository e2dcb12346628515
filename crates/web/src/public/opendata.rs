//! `/{award}/{year}/oppna-data/bidrag.json` and `.csv`: the entries whose municipality
//! consented to publication, with their answers, under the licence the organiser chose — from
//! the publication time on; before it the files do not exist (404).

use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use juryn_domain::opendata::{Licence, published};
use juryn_domain::questionnaire::{Question, QuestionKind};
use juryn_domain::{Answer, Lang, Registry, Slug};
use serde::Serialize;

use crate::app::AppState;
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;

#[derive(Serialize)]
pub struct LicenceJson {
    id: &'static str,
    url: &'static str,
}

/// An answer as data: text as a string, a number as a number, yes/no as a boolean, a
/// self-assessment as an object from indicator to level (`helt`, `delvis`, `inte-alls`, or
/// null where not answered).
#[derive(Serialize)]
pub struct AnswerJson {
    question: String,
    answer: serde_json::Value,
}

#[derive(Serialize)]
pub struct EntryJson {
    code: String,
    name: String,
    county: String,
    submitted_at: Option<String>,
    answers: Vec<AnswerJson>,
    /// The answers as the CSV's cells: a self-assessment takes a column per indicator.
    #[serde(skip)]
    cells: Vec<String>,
}

/// One answer as JSON and as CSV cells (a self-assessment: a cell per indicator, in words).
fn answer_data(q: &Question, stored: &str) -> (serde_json::Value, Vec<String>) {
    let json = crate::answer_view::json(q, stored);
    let cells = match (&q.kind, Answer::for_reader(&q.kind, stored)) {
        (QuestionKind::Maturity { .. }, answer @ (Answer::Maturity(_) | Answer::Unanswered)) => answer
            .assessment(&q.kind)
            .iter()
            .map(|(_, l)| crate::answer_view::level_word(Lang::Sv, *l))
            .collect(),
        (_, Answer::YesNo(yes)) => vec![if yes { "ja" } else { "nej" }.to_owned()],
        _ => vec![stored.to_owned()],
    };
    (json, cells)
}

/// The CSV's answer columns: a question's prompt, or "prompt: indicator" per indicator.
fn columns(questions: &[Question]) -> Vec<String> {
    questions
        .iter()
        .flat_map(|q| match &q.kind {
            QuestionKind::Maturity { indicators } => {
                indicators.iter().map(|i| format!("{}: {}", q.prompt.sv, i.sv)).collect::<Vec<_>>()
            }
            _ => vec![q.prompt.sv.clone()],
        })
        .collect()
}

#[derive(Serialize)]
pub struct OpenData {
    award: String,
    award_name: String,
    year: i16,
    licence: LicenceJson,
    published_at: String,
    entries: Vec<EntryJson>,
}

/// The open data as they stand, whether published yet or not: `None` while no licence or time
/// is chosen. The web serves them from the publication time on; `juryn export` any time.
pub async fn build(
    store: &dyn juryn_store::Store,
    (slug, year): (&Slug, i16),
) -> juryn_store::Result<Option<(OpenData, Vec<String>, jiff::Timestamp)>> {
    let Some(award) = store.award(slug).await? else { return Ok(None) };
    let (licence, at) = store.open_data(slug, year).await?;
    let (Some(licence), Some(at)) = (licence, at) else { return Ok(None) };
    let questions = store.questions(slug, year).await?;
    let entries = crate::publication::publishable(store, (slug, year)).await?.entries;
    let registry = Registry::sweden();
    let data = OpenData {
        award: slug.to_string(),
        award_name: award.name.sv.clone(),
        year,
        licence: LicenceJson { id: licence.spdx(), url: Licence::url(licence) },
        published_at: at.to_string(),
        entries: entries
            .iter()
            .map(|e| {
                let m = registry.get(e.municipality);
                let (mut answers, mut cells) = (Vec::new(), Vec::new());
                for (i, q) in questions.iter().enumerate() {
                    let (answer, more) = answer_data(q, e.answers.get(i).map_or("", String::as_str));
                    answers.push(AnswerJson { question: q.prompt.sv.clone(), answer });
                    cells.extend(more);
                }
                EntryJson {
                    code: e.municipality.to_string(),
                    name: m.map_or_else(String::new, |m| m.name.clone()),
                    county: m.map_or_else(String::new, |m| m.county_name.clone()),
                    submitted_at: e.submitted_at.map(|t| t.to_string()),
                    answers,
                    cells,
                }
            })
            .collect(),
    };
    Ok(Some((data, columns(&questions), at)))
}

impl OpenData {
    /// The entries included.
    pub fn entries(&self) -> &[EntryJson] {
        &self.entries
    }
}

/// The open data as JSON.
pub fn to_json(data: &OpenData) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec_pretty(data)
}

/// The open data as CSV: one row per entry, one column per question (per indicator for a
/// self-assessment, with the scale's words).
pub fn to_csv(data: &OpenData, questions: &[String]) -> Result<Vec<u8>, juryn_publish::table::TableError> {
    let mut header = vec!["kod".to_owned(), "kommun".to_owned(), "län".to_owned(), "inskickad".to_owned()];
    header.extend(questions.iter().cloned());
    let rows: Vec<Vec<String>> = data
        .entries
        .iter()
        .map(|e| {
            let mut row = vec![
                e.code.clone(),
                e.name.clone(),
                e.county.clone(),
                e.submitted_at.clone().unwrap_or_default(),
            ];
            row.extend(e.cells.iter().cloned());
            row
        })
        .collect();
    juryn_publish::table::csv(&header, &rows)
}

/// The published data, or 404 while they are not public.
async fn load(app: &AppState, key: EditionKey) -> Result<(Slug, i16, OpenData, Vec<String>), WebError> {
    let (slug, year) = key.parts();
    award_and_edition(&*app.store, &slug, year).await?;
    let Some((data, questions, at)) = build(&*app.store, (&slug, year)).await? else {
        return Err(WebError::NotFound);
    };
    if !published(Licence::parse(data.licence.id), Some(at), app.now()) {
        return Err(WebError::NotFound);
    }
    Ok((slug, year, data, questions))
}

pub async fn json(State(app): State<AppState>, key: EditionKey) -> Result<Response, WebError> {
    let (_, _, data, _) = load(&app, key).await?;
    let body = to_json(&data)?;
    Ok(([(CONTENT_TYPE, "application/json"), (CACHE_CONTROL, "no-cache")], body).into_response())
}

pub async fn csv(State(app): State<AppState>, key: EditionKey) -> Result<Response, WebError> {
    let (slug, year, data, questions) = load(&app, key).await?;
    let body = to_csv(&data, &questions)?;
    let disposition = format!("attachment; filename=\"bidrag-{slug}-{year}-{}.csv\"", data.licence.id);
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (CONTENT_DISPOSITION, disposition),
            (CACHE_CONTROL, "no-cache".to_owned()),
        ],
        body,
    )
        .into_response())
}
