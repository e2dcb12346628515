//! `/admin/utmarkelser/{award}/vinnare`: the award's winners from before juryn ran it — year,
//! the municipality or those that won together, the jury's citation — added, changed and
//! removed one by one, or imported from a CSV file (year; municipalities; citation), all rows
//! or none. The editions juryn ran add their own winners when announced.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::award::EDITION_YEARS;
use juryn_domain::{Award, Lang, PastWinner, Registry};
use serde::Deserialize;

use super::awards::editable;
use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::{LenientQuery, Segments};
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{form_page, redirect};
use juryn_domain::municipality::name_of;

const MAX_CITATION: usize = 2_000;
/// The import form's body may be this large: a CSV file of a century of winners, and then some.
pub const IMPORT_BODY_LIMIT: usize = 1024 * 1024;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Typed {
    #[serde(default)]
    year: String,
    #[serde(default)]
    municipalities: String,
    #[serde(default)]
    citation: String,
}

impl Typed {
    fn of(w: &PastWinner) -> Typed {
        let names: Vec<String> = w.municipalities().map(name_of).collect();
        Typed { year: w.year.to_string(), municipalities: names.join(", "), citation: w.citation.clone() }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Change {
    #[serde(default)]
    op: String,
    /// The year of the row being changed or removed, as it was.
    #[serde(default)]
    was: Option<i16>,
    #[serde(flatten)]
    typed: Typed,
}

#[derive(Debug, Default, Deserialize)]
pub struct Mode {
    andra: Option<i16>,
}

pub struct Row {
    pub year: i16,
    pub names: String,
    pub citation: String,
}

#[derive(Template)]
#[template(path = "admin_past_winners.html")]
struct WinnersPage {
    l: Layout,
    csrf: String,
    action: String,
    rows: Vec<Row>,
    editing: Option<i16>,
    typed: Typed,
    errors: Vec<String>,
    import_errors: Vec<String>,
}

struct Shown {
    status: StatusCode,
    editing: Option<i16>,
    typed: Option<Typed>,
    errors: Vec<String>,
    import_errors: Vec<String>,
}

impl Shown {
    fn ok(editing: Option<i16>) -> Shown {
        Shown { status: StatusCode::OK, editing, typed: None, errors: vec![], import_errors: vec![] }
    }
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    award: &Award,
    shown: Shown,
) -> Result<Response, WebError> {
    let mut winners = app.store.past_winners(&award.slug).await?;
    winners.sort_by_key(|w| std::cmp::Reverse(w.year));
    let typed = match (shown.typed, shown.editing) {
        (Some(t), _) => t,
        (None, Some(y)) => Typed::of(winners.iter().find(|w| w.year == y).ok_or(WebError::NotFound)?),
        (None, None) => Typed::default(),
    };
    let rows = winners
        .iter()
        .map(|w| Row {
            year: w.year,
            names: w.municipalities().map(name_of).collect::<Vec<_>>().join(", "),
            citation: w.citation.clone(),
        })
        .collect();
    let action = format!("/admin/utmarkelser/{}/vinnare", award.slug);
    let title = t_args(lang, "past-winners-admin-title", &[("award", award.name.get(lang).to_owned())]);
    let l = Layout::new(lang, title, action.clone())
        .for_award(award)
        .crumb(t(lang, "admin-title"), "/admin")
        .crumb(award.name.get(lang).to_owned(), format!("/admin/utmarkelser/{}", award.slug))
        .crumb(t(lang, "past-winners-heading"), "");
    form_page(app, headers, shown.status, |csrf| WinnersPage {
        l,
        csrf,
        action,
        rows,
        editing: shown.editing,
        typed,
        errors: shown.errors,
        import_errors: shown.import_errors,
    })
}

/// `GET /admin/utmarkelser/{award}/vinnare` (`?andra=YEAR` to change one).
pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(award): Segments<String>,
    LenientQuery(mode): LenientQuery<Mode>,
) -> Result<Response, WebError> {
    let (_, award) = editable(&app, &viewer, &award).await?;
    render(&app, &headers, lang, &award, Shown::ok(mode.andra)).await
}

/// One winner from its three fields, or what to fix (prefixed with `row` for an import).
fn read(year: &str, municipalities: &str, citation: &str, lang: Lang) -> Result<PastWinner, Vec<String>> {
    let mut errors = Vec::new();
    let year = year.trim().parse::<i16>().ok().filter(|y| EDITION_YEARS.contains(y));
    if year.is_none() {
        let range = [("from", EDITION_YEARS.start().to_string()), ("to", EDITION_YEARS.end().to_string())];
        errors.push(t_args(lang, "edition-error-year", &range));
    }
    let codes = match Registry::sweden().find_all(municipalities) {
        Ok(codes) => Some(codes),
        Err(_) if municipalities.trim().is_empty() => {
            errors.push(t(lang, "past-winners-error-none"));
            None
        }
        Err(part) => {
            errors.push(t_args(
                lang,
                "past-winners-error-unknown",
                &[("text", part.chars().take(60).collect())],
            ));
            None
        }
    };
    let citation = citation.trim();
    if citation.chars().count() > MAX_CITATION {
        errors.push(t_args(lang, "past-winners-error-long", &[("max", MAX_CITATION.to_string())]));
    } else if citation.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
        errors.push(t(lang, "timeline-error-control"));
    }
    match (year, codes, errors.is_empty()) {
        (Some(year), Some(codes), true) => Ok(PastWinner {
            year,
            municipality: codes[0],
            with: codes[1..].to_vec(),
            citation: citation.to_owned(),
        }),
        _ => Err(errors),
    }
}

/// `POST /admin/utmarkelser/{award}/vinnare`: `op` = add, save or delete.
pub async fn change(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(award): Segments<String>,
    CsrfForm(form): CsrfForm<Change>,
) -> Result<Response, WebError> {
    let (slug, award) = editable(&app, &viewer, &award).await?;
    let mut winners = app.store.past_winners(&slug).await?;
    let existing = form.was.and_then(|y| winners.iter().position(|w| w.year == y));
    let refuse = |editing, errors| Shown {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        editing,
        typed: Some(form.typed.clone()),
        errors,
        import_errors: vec![],
    };
    match (form.op.as_str(), existing) {
        ("add", _) | ("save", Some(_)) => {
            let editing = existing.filter(|_| form.op == "save");
            let winner = match read(&form.typed.year, &form.typed.municipalities, &form.typed.citation, lang)
            {
                Ok(w) => w,
                Err(errors) => return render(&app, &headers, lang, &award, refuse(form.was, errors)).await,
            };
            let taken = winners.iter().enumerate().any(|(i, w)| w.year == winner.year && Some(i) != editing);
            if taken {
                let e = t_args(lang, "past-winners-error-taken", &[("year", winner.year.to_string())]);
                return render(&app, &headers, lang, &award, refuse(form.was, vec![e])).await;
            }
            match editing {
                Some(i) => winners[i] = winner,
                None => winners.push(winner),
            }
        }
        ("delete", Some(i)) => {
            winners.remove(i);
        }
        ("save" | "delete", None) => return Err(WebError::NotFound),
        _ => return Err(WebError::BadRequest),
    }
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    app.store.put_past_winners(&slug, &winners, &actor).await?;
    Ok(redirect(&format!("/admin/utmarkelser/{slug}/vinnare"), vec![]))
}

/// The winners in a CSV text, or every row's problem: a first row that is not a year is a header.
fn import_rows(text: &str, lang: Lang) -> Result<Vec<PastWinner>, Vec<String>> {
    let rows = juryn_publish::table::read_csv(text).map_err(|_| vec![t(lang, "past-winners-error-csv")])?;
    let mut winners: Vec<PastWinner> = Vec::new();
    let mut errors = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let cell = |n: usize| row.get(n).map_or("", String::as_str);
        if i == 0 && cell(0).parse::<i16>().is_err() {
            continue;
        }
        let line = (i + 1).to_string();
        match read(cell(0), cell(1), cell(2), lang) {
            Ok(w) if winners.iter().any(|o| o.year == w.year) => errors.push(t_args(
                lang,
                "past-winners-error-row",
                &[
                    ("row", line),
                    ("problem", t_args(lang, "past-winners-error-twice", &[("year", w.year.to_string())])),
                ],
            )),
            Ok(w) => winners.push(w),
            Err(problems) => {
                errors.extend(problems.into_iter().map(|p| {
                    t_args(lang, "past-winners-error-row", &[("row", line.clone()), ("problem", p)])
                }))
            }
        }
    }
    if winners.is_empty() && errors.is_empty() {
        errors.push(t(lang, "past-winners-error-empty"));
    }
    if errors.is_empty() { Ok(winners) } else { Err(errors) }
}

/// `POST /admin/utmarkelser/{award}/vinnare/import`: a CSV file (multipart) or pasted rows; the
/// years it names replace those rows, the others stay.
pub async fn import(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(award): Segments<String>,
    request: axum::extract::Request,
) -> Result<Response, WebError> {
    let (slug, award) = editable(&app, &viewer, &award).await?;
    let text = match super::csv_upload::read(&app, &headers, request).await? {
        super::csv_upload::Upload::Text(text) => text,
        super::csv_upload::Upload::TooLarge => return Err(WebError::TooLarge),
        super::csv_upload::Upload::NotText => {
            let e = vec![t(lang, "past-winners-error-csv")];
            let shown =
                Shown { status: StatusCode::UNPROCESSABLE_ENTITY, import_errors: e, ..Shown::ok(None) };
            return render(&app, &headers, lang, &award, shown).await;
        }
    };
    let imported = match import_rows(&text, lang) {
        Ok(w) => w,
        Err(import_errors) => {
            let shown = Shown { status: StatusCode::UNPROCESSABLE_ENTITY, import_errors, ..Shown::ok(None) };
            return render(&app, &headers, lang, &award, shown).await;
        }
    };
    let mut winners = app.store.past_winners(&slug).await?;
    winners.retain(|w| !imported.iter().any(|i| i.year == w.year));
    winners.extend(imported);
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    app.store.put_past_winners(&slug, &winners, &actor).await?;
    Ok(redirect(&format!("/admin/utmarkelser/{slug}/vinnare"), vec![]))
}
