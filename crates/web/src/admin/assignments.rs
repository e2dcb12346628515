//! `/admin/{award}/{year}/tilldelning`: the assignment as a matrix — entries down, jurors
//! across, a checkbox per pair — for the organiser to adjust by hand after the automatic
//! assignment. Conflicted pairs have no checkbox; a form that names one anyway is refused whole.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::{Lang, MunicipalityCode, Slug};
use std::collections::HashSet;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::cache::PageKey;
use crate::cached_page::signed_in_form;
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{CSRF_SLOT, redirect, with_csrf};
use juryn_domain::municipality::name_of;

pub enum CellView {
    Conflicted,
    Choice { value: String, checked: bool, label: String },
}

pub struct MatrixRow {
    pub name: String,
    pub cells: Vec<CellView>,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "admin_assignments.html")]
struct AssignmentsPage {
    l: Layout,
    csrf: String,
    action: String,
    jurors: Vec<String>,
    loads: Vec<usize>,
    rows: Vec<MatrixRow>,
    errors: Vec<String>,
}

/// Pairs of (juror's account, entry).
type Pairs = Vec<(i64, MunicipalityCode)>;

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    (status, typed, errors): (StatusCode, Option<Pairs>, Vec<String>),
) -> Result<Response, WebError> {
    // The matrix as stored is the same for every organiser until the next write: kept (at 290
    // entries × 15 jurors it is 4,350 cells). A refused save shows what was typed, never kept.
    if typed.is_none() && errors.is_empty() {
        let key = PageKey::Organiser(format!("/admin/{slug}/{year}/tilldelning"), lang);
        let render = || async { Ok((html(app, lang, (slug, year), None, vec![]).await?, None)) };
        return signed_in_form(app, headers, key, render).await;
    }
    Ok(with_csrf(app, headers, status, &html(app, lang, (slug, year), typed, errors).await?))
}

/// The page, with `CSRF_SLOT` for its token.
async fn html(
    app: &AppState,
    lang: Lang,
    (slug, year): (&Slug, i16),
    typed: Option<Pairs>,
    errors: Vec<String>,
) -> Result<String, WebError> {
    let (award, _) = award_and_edition(&*app.store, slug, year).await?;
    let members = app.store.jury_members(slug, year).await?;
    let register: HashSet<(i64, MunicipalityCode)> = app
        .store
        .conflict_register(slug, year)
        .await?
        .into_iter()
        .map(|c| (c.user_id, c.municipality))
        .collect();
    let chosen: HashSet<(i64, MunicipalityCode)> = match typed {
        Some(t) => t.into_iter().collect(),
        None => app.store.assignments(slug, year).await?.into_iter().collect(),
    };
    let mut codes = crate::find::round_entries(&*app.store, (slug, year)).await?;
    codes.sort_by_key(|c| juryn_domain::juror::swedish_key(&name_of(*c)));
    let rows = codes
        .iter()
        .map(|c| {
            let cells: Vec<CellView> = members
                .iter()
                .map(|m| {
                    if register.contains(&(m.user_id, *c)) {
                        CellView::Conflicted
                    } else {
                        CellView::Choice {
                            value: format!("{}-{c}", m.user_id),
                            checked: chosen.contains(&(m.user_id, *c)),
                            label: t_args(
                                lang,
                                "admin-assign-cell",
                                &[("juror", m.name.clone()), ("name", name_of(*c))],
                            ),
                        }
                    }
                })
                .collect();
            let count = members.iter().filter(|m| chosen.contains(&(m.user_id, *c))).count();
            MatrixRow { name: name_of(*c), cells, count }
        })
        .collect();
    let loads = members.iter().map(|m| chosen.iter().filter(|(u, _)| *u == m.user_id).count()).collect();
    let action = format!("/admin/{slug}/{year}/tilldelning");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("admin-assign-heading", "admin-assign-title"),
        action.clone(),
    );
    let jurors = members.iter().map(|m| m.name.clone()).collect();
    let csrf = CSRF_SLOT.to_owned();
    Ok(AssignmentsPage { l, csrf, action, jurors, loads, rows, errors }.render()?)
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "tilldelning")?;
    render(&app, &headers, lang, (&slug, year), (StatusCode::OK, None, vec![])).await
}

pub async fn save(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "tilldelning")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let members = app.store.jury_members(&slug, year).await?;
    let register: HashSet<(i64, MunicipalityCode)> = app
        .store
        .conflict_register(&slug, year)
        .await?
        .into_iter()
        .map(|c| (c.user_id, c.municipality))
        .collect();
    let submitted = crate::find::round_entries(&*app.store, (&slug, year)).await?;
    let mut chosen = Vec::new();
    let mut errors = Vec::new();
    for (_, value) in pairs.iter().filter(|(k, _)| k == "pair") {
        let parsed = value
            .split_once('-')
            .and_then(|(u, c)| Some((u.parse::<i64>().ok()?, MunicipalityCode::parse(c).ok()?)));
        match parsed {
            Some((u, c)) if register.contains(&(u, c)) => {
                let who =
                    members.iter().find(|m| m.user_id == u).map_or_else(String::new, |m| m.name.clone());
                errors.push(t_args(
                    lang,
                    "admin-assign-error-conflict",
                    &[("juror", who), ("name", name_of(c))],
                ));
            }
            Some((u, c)) if members.iter().any(|m| m.user_id == u) && submitted.contains(&c) => {
                if !chosen.contains(&(u, c)) {
                    chosen.push((u, c));
                }
            }
            _ => errors.push(t(lang, "admin-assign-error-unknown")),
        }
    }
    if !errors.is_empty() {
        let typed = chosen.clone();
        return render(
            &app,
            &headers,
            lang,
            (&slug, year),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(typed), errors),
        )
        .await;
    }
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    if let Err(refused) = app.store.replace_assignments(&slug, year, &chosen, &actor).await? {
        let errors = vec![saw_ranking_text(lang, &members, &refused)];
        return render(&app, &headers, lang, (&slug, year), (StatusCode::CONFLICT, Some(chosen), errors))
            .await;
    }
    Ok(redirect(&format!("/admin/{slug}/{year}/tilldelning"), vec![]))
}

/// Why a replacement was refused: these jurors have seen the ranking, so they get no new entry.
pub(super) fn saw_ranking_text(
    lang: Lang,
    members: &[juryn_store::JuryMember],
    refused: &[(i64, MunicipalityCode)],
) -> String {
    let mut names: Vec<&str> = refused
        .iter()
        .filter_map(|(u, _)| members.iter().find(|m| m.user_id == *u).map(|m| m.name.as_str()))
        .collect();
    names.sort_unstable();
    names.dedup();
    t_args(lang, "admin-assign-error-saw-ranking", &[("names", names.join(", "))])
}
