//! `/admin/{award}/{year}/kriterier`: the edition's review criteria — name and description in
//! Swedish (and English), scale and weight — edited as one form: change a row, empty a row's
//! name to remove it, fill in the blank row to add one. Locked once a review has been written,
//! so no score ever changes meaning under a juror.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::criterion::InvalidCriterion;
use juryn_domain::{Criterion, Lang, LocalizedText, Slug};

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{form_page, redirect};

/// The most criteria an edition may have.
pub const MAX_CRITERIA: usize = 12;
/// The longest name or description taken.
const MAX_TEXT: usize = 2_000;

/// One row of the form, as text (what was typed is shown back as typed).
#[derive(Debug, Clone, Default)]
pub struct CriterionRow {
    pub name_sv: String,
    pub name_en: String,
    pub description_sv: String,
    pub description_en: String,
    pub min: String,
    pub max: String,
    pub weight: String,
    /// One word per line, lowest step first.
    pub labels_sv: String,
    pub labels_en: String,
}

impl CriterionRow {
    fn of(c: &Criterion) -> CriterionRow {
        CriterionRow {
            name_sv: c.name.sv.clone(),
            name_en: c.name.en.clone().unwrap_or_default(),
            description_sv: c.description.sv.clone(),
            description_en: c.description.en.clone().unwrap_or_default(),
            min: c.scale_min.to_string(),
            max: c.scale_max.to_string(),
            weight: c.weight.to_string(),
            labels_sv: c.labels.iter().map(|l| l.sv.as_str()).collect::<Vec<_>>().join("\n"),
            labels_en: c
                .labels
                .iter()
                .map(|l| l.en.clone().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    fn blank() -> CriterionRow {
        CriterionRow { min: "1".into(), max: "5".into(), weight: "1".into(), ..CriterionRow::default() }
    }
}

#[derive(Template)]
#[template(path = "admin_criteria.html")]
struct CriteriaPage {
    l: Layout,
    csrf: String,
    action: String,
    rows: Vec<CriterionRow>,
    locked: bool,
    errors: Vec<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    (status, typed, errors): (StatusCode, Option<Vec<CriterionRow>>, Vec<String>),
) -> Result<Response, WebError> {
    let (award, _) = award_and_edition(&*app.store, slug, year).await?;
    let locked = !app.store.reviews(slug, year).await?.is_empty();
    let rows = match typed {
        Some(rows) => rows,
        None => {
            let mut rows: Vec<CriterionRow> =
                app.store.criteria(slug, year).await?.iter().map(CriterionRow::of).collect();
            if !locked && rows.len() < MAX_CRITERIA {
                rows.push(CriterionRow::blank());
            }
            rows
        }
    };
    let action = format!("/admin/{slug}/{year}/kriterier");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("admin-criteria-heading", "admin-criteria-title"),
        action.clone(),
    );
    form_page(app, headers, status, |csrf| CriteriaPage { l, csrf, action, rows, locked, errors })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "kriterier")?;
    render(&app, &headers, lang, (&slug, year), (StatusCode::OK, None, vec![])).await
}

/// The rows of the form: fields named `name_sv-3`, `max-3` … by row number, in row order.
fn read_rows(pairs: &[(String, String)]) -> Vec<CriterionRow> {
    let mut rows: Vec<(usize, CriterionRow)> = Vec::new();
    for (k, v) in pairs {
        let Some((field, i)) = k.rsplit_once('-') else { continue };
        let Ok(i) = i.parse::<usize>() else { continue };
        if i > MAX_CRITERIA {
            continue;
        }
        let pos = match rows.iter().position(|(j, _)| *j == i) {
            Some(p) => p,
            None => {
                rows.push((i, CriterionRow::default()));
                rows.len() - 1
            }
        };
        let row = &mut rows[pos].1;
        let slot = match field {
            "name_sv" => &mut row.name_sv,
            "name_en" => &mut row.name_en,
            "description_sv" => &mut row.description_sv,
            "description_en" => &mut row.description_en,
            "min" => &mut row.min,
            "max" => &mut row.max,
            "weight" => &mut row.weight,
            "labels_sv" => &mut row.labels_sv,
            "labels_en" => &mut row.labels_en,
            _ => continue,
        };
        slot.clone_from(v);
    }
    rows.sort_by_key(|(i, _)| *i);
    rows.into_iter().map(|(_, r)| r).collect()
}

/// The scale's words from two texts of one word per line (blank lines skipped); a missing
/// English word falls back to the Swedish.
fn labels_of(sv: &str, en: &str) -> Vec<LocalizedText> {
    let lines =
        |s: &str| s.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect::<Vec<_>>();
    let en = lines(en);
    lines(sv).into_iter().enumerate().map(|(i, sv)| LocalizedText { sv, en: en.get(i).cloned() }).collect()
}

/// The criteria the rows describe (rows without a name are dropped), or what to fix.
fn criteria_of(lang: Lang, rows: &[CriterionRow]) -> Result<Vec<Criterion>, Vec<String>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let opt = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    for (i, r) in rows.iter().enumerate().filter(|(_, r)| !r.name_sv.trim().is_empty()) {
        let n = (i + 1).to_string();
        let number = |s: &str| s.trim().parse::<u16>().ok();
        let (min, max, weight) = (number(&r.min), number(&r.max), number(&r.weight));
        let too_long =
            [&r.name_sv, &r.name_en, &r.description_sv, &r.description_en, &r.labels_sv, &r.labels_en]
                .iter()
                .any(|s| s.chars().count() > MAX_TEXT);
        if too_long {
            errors.push(t_args(
                lang,
                "admin-criteria-error-long",
                &[("row", n.clone()), ("max", MAX_TEXT.to_string())],
            ));
        }
        let (Some(min), Some(max), Some(weight)) = (min, max, weight) else {
            errors.push(t_args(lang, "admin-criteria-error-number", &[("row", n)]));
            continue;
        };
        let c = Criterion {
            name: LocalizedText { sv: r.name_sv.trim().to_owned(), en: opt(&r.name_en) },
            description: LocalizedText { sv: r.description_sv.trim().to_owned(), en: opt(&r.description_en) },
            scale_min: u8::try_from(min).unwrap_or(u8::MAX),
            scale_max: u8::try_from(max).unwrap_or(u8::MAX),
            weight,
            labels: labels_of(&r.labels_sv, &r.labels_en),
        };
        match c.validate() {
            Ok(()) => out.push(c),
            Err(InvalidCriterion::BadScale) => {
                errors.push(t_args(lang, "admin-criteria-error-scale", &[("row", n)]))
            }
            Err(InvalidCriterion::ZeroWeight) => {
                errors.push(t_args(lang, "admin-criteria-error-weight", &[("row", n)]))
            }
            Err(InvalidCriterion::LabelCount { steps, .. }) => errors.push(t_args(
                lang,
                "admin-criteria-error-labels",
                &[("row", n), ("steps", steps.to_string())],
            )),
            Err(InvalidCriterion::NoName) => {}
        }
    }
    if out.len() > MAX_CRITERIA {
        errors.push(t_args(lang, "admin-criteria-error-many", &[("max", MAX_CRITERIA.to_string())]));
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

pub async fn save(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "kriterier")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let rows = read_rows(&pairs);
    let criteria = match criteria_of(lang, &rows) {
        Ok(c) => c,
        Err(errors) => {
            return render(
                &app,
                &headers,
                lang,
                (&slug, year),
                (StatusCode::UNPROCESSABLE_ENTITY, Some(rows), errors),
            )
            .await;
        }
    };
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    if !app.store.put_criteria(&slug, year, &criteria, &actor).await? {
        let errors = vec![t(lang, "admin-criteria-error-locked")];
        return render(&app, &headers, lang, (&slug, year), (StatusCode::CONFLICT, Some(rows), errors)).await;
    }
    Ok(redirect(&format!("/admin/{slug}/{year}/kriterier"), vec![]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn rows_are_read_by_number_and_nameless_rows_dropped() {
        let rows = read_rows(&pairs(&[
            ("csrf", "x"),
            ("name_sv-1", "Demokrati"),
            ("min-1", "1"),
            ("max-1", "5"),
            ("weight-1", "2"),
            ("name_sv-0", "Verksamhetsutveckling"),
            ("min-0", "0"),
            ("max-0", "10"),
            ("weight-0", "1"),
            ("name_sv-2", " "),
        ]));
        assert_eq!(rows.len(), 3);
        let c = criteria_of(Lang::Sv, &rows).unwrap();
        assert_eq!(
            c.iter().map(|c| c.name.sv.as_str()).collect::<Vec<_>>(),
            ["Verksamhetsutveckling", "Demokrati"]
        );
        assert_eq!((c[0].scale_max, c[1].weight), (10, 2));
    }

    #[test]
    fn scale_words_are_one_per_step_or_none() {
        let row = |labels: &str| {
            read_rows(&pairs(&[
                ("name_sv-0", "A"),
                ("min-0", "1"),
                ("max-0", "3"),
                ("weight-0", "1"),
                ("labels_sv-0", labels),
                ("labels_en-0", "Weak\nFair"),
            ]))
        };
        let c = criteria_of(Lang::Sv, &row("Svagt\n\nGodtagbart\nBra")).unwrap();
        assert_eq!(c[0].labels.len(), 3);
        assert_eq!(c[0].labels[1].en.as_deref(), Some("Fair"));
        assert_eq!(c[0].labels[2].en, None);
        assert!(criteria_of(Lang::Sv, &row("Svagt\nBra")).is_err());
        assert!(criteria_of(Lang::Sv, &row("")).unwrap()[0].labels.is_empty());
    }

    #[test]
    fn a_bad_scale_or_weight_is_named_by_its_row() {
        let rows =
            read_rows(&pairs(&[("name_sv-0", "A"), ("min-0", "5"), ("max-0", "1"), ("weight-0", "1")]));
        assert_eq!(criteria_of(Lang::Sv, &rows).unwrap_err().len(), 1);
        let rows =
            read_rows(&pairs(&[("name_sv-0", "A"), ("min-0", "1"), ("max-0", "fem"), ("weight-0", "1")]));
        assert_eq!(criteria_of(Lang::Sv, &rows).unwrap_err().len(), 1);
        let rows =
            read_rows(&pairs(&[("name_sv-0", "A"), ("min-0", "1"), ("max-0", "5"), ("weight-0", "0")]));
        assert_eq!(criteria_of(Lang::Sv, &rows).unwrap_err().len(), 1);
    }
}
