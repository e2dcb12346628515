//! `/admin/{award}/{year}/bedomningar.csv` and `.xlsx`: every review (drafts marked as such)
//! with its scores and comments — as CSV one row per review by entry (`?ordning=jurymedlem`
//! sorts by juror), as XLSX one sheet by entry and one by juror. Reviews of conflicted pairs are
//! never in the store's answer, so never here either.

use axum::extract::{Extension, Query, State};
use axum::response::Response;
use juryn_domain::{Criterion, Lang, Slug, format_time, ranking};
use juryn_publish::table::{self, Cell, Sheet};
use juryn_store::StoredReview;
use serde::Deserialize;

use super::conflicts::download;
use crate::app::AppState;
use crate::auth::MaybeViewer;
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::i18n::t;
use juryn_domain::municipality::name_of;

fn header(lang: Lang, criteria: &[(i64, Criterion)]) -> Vec<String> {
    let mut h = vec![
        t(lang, "admin-csv-code"),
        t(lang, "field-municipality"),
        t(lang, "admin-csv-juror"),
        t(lang, "review-progress"),
    ];
    h.extend(criteria.iter().map(|(_, c)| c.name.get(lang).to_owned()));
    h.push(t(lang, "admin-csv-combined"));
    h.extend(criteria.iter().map(|(_, c)| format!("{} – {}", c.name.get(lang), t(lang, "review-comment"))));
    h.push(t(lang, "review-overall"));
    h.push(t(lang, "admin-csv-submitted-at"));
    h
}

fn row(lang: Lang, r: &StoredReview, criteria: &[(i64, Criterion)]) -> Vec<Cell> {
    let status = if r.submitted_at.is_some() { "review-progress-submitted" } else { "review-progress-draft" };
    let mut cells = vec![
        Cell::Text(r.municipality.to_string()),
        Cell::Text(name_of(r.municipality)),
        Cell::Text(r.juror.clone()),
        Cell::Text(t(lang, status)),
    ];
    cells.extend(r.scores.iter().map(|s| s.score.map_or(Cell::Empty, |v| Cell::Number(f64::from(v)))));
    let plain: Vec<Criterion> = criteria.iter().map(|(_, c)| c.clone()).collect();
    let scores: Option<Vec<u8>> = r.scores.iter().map(|s| s.score).collect();
    let combined = scores.and_then(|s| ranking::combine(&plain, &s));
    cells.push(combined.map_or(Cell::Empty, |x| Cell::Number((x * 1000.0).round() / 10.0)));
    cells.extend(r.scores.iter().map(|s| Cell::Text(s.comment.clone())));
    cells.push(Cell::Text(r.overall.clone()));
    cells.push(r.submitted_at.map_or(Cell::Empty, |at| Cell::Text(format_time(at, lang))));
    cells
}

/// The reviews by entry and by juror, as two sheets.
async fn sheets(app: &AppState, lang: Lang, (slug, year): (&Slug, i16)) -> Result<[Sheet; 2], WebError> {
    let criteria = app.store.criteria_with_ids(slug, year).await?;
    let mut reviews = app.store.reviews(slug, year).await?;
    let key = |r: &StoredReview| juryn_domain::juror::swedish_key(&name_of(r.municipality));
    reviews.sort_by(|a, b| key(a).cmp(&key(b)).then_with(|| a.juror.cmp(&b.juror)));
    let by_entry = reviews.iter().map(|r| row(lang, r, &criteria)).collect();
    reviews.sort_by(|a, b| a.juror.cmp(&b.juror).then_with(|| key(a).cmp(&key(b))));
    let by_juror = reviews.iter().map(|r| row(lang, r, &criteria)).collect();
    let header = header(lang, &criteria);
    Ok([
        Sheet { name: t(lang, "admin-sheet-by-entry"), header: header.clone(), rows: by_entry },
        Sheet { name: t(lang, "admin-sheet-by-juror"), header, rows: by_juror },
    ])
}

#[derive(Deserialize, Default)]
pub struct CsvQuery {
    /// `jurymedlem`: sorted by juror instead of by entry.
    #[serde(default)]
    ordning: String,
}

pub async fn csv(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
    key: EditionKey,
    Query(q): Query<CsvQuery>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "bedomningar.csv")?;
    let [by_entry, by_juror] = sheets(&app, lang, (&slug, year)).await?;
    let sheet = if q.ordning == "jurymedlem" { by_juror } else { by_entry };
    // In Swedish the way Swedish spreadsheets read CSV: semicolons and a decimal comma.
    let body = match lang {
        Lang::Sv => table::csv_swedish(&sheet),
        Lang::En => table::csv_of(&sheet),
    }?;
    Ok(download(body, "text/csv; charset=utf-8", &format!("bedomningar-{slug}-{year}.csv")))
}

pub async fn xlsx(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "bedomningar.xlsx")?;
    let sheets = sheets(&app, lang, (&slug, year)).await?;
    let body = table::xlsx(&sheets)?;
    let kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    Ok(download(body, kind, &format!("bedomningar-{slug}-{year}.xlsx")))
}
