//! `/admin/{award}/{year}/nomineringar`: every nomination of an edition, with its reason and who
//! nominated; and the organiser's choice whether nominators also answer the questionnaire's
//! questions or only give a reason.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::{Lang, format_time};

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::layout::Layout;
use crate::respond::{form_page, redirect};

pub struct Row {
    pub municipality: String,
    pub href: String,
    pub reason: String,
    pub nominator: String,
    pub when: String,
    pub confirmed: bool,
}

#[derive(Template)]
#[template(path = "admin_nominations.html")]
struct NominationsPage {
    l: Layout,
    csrf: String,
    action: String,
    heading: String,
    rows: Vec<Row>,
    municipalities: usize,
    answer: bool,
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let here = key.page("/admin", "nomineringar");
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "nomineringar")?;
    let (award, _) = award_and_edition(&*app.store, &slug, year).await?;
    let nominations = app.store.nominations(&slug, year).await?;
    let mut distinct: Vec<_> =
        nominations.iter().filter(|n| n.confirmed_at.is_some()).map(|n| n.municipality).collect();
    distinct.sort();
    distinct.dedup();
    let rows = nominations
        .into_iter()
        .map(|n| Row {
            municipality: juryn_domain::municipality::name_of(n.municipality),
            href: format!("/kommuner/{}", n.municipality),
            reason: n.reason,
            nominator: format!(
                "{} <{}>",
                crate::names::nominator_text(lang, &n.nominator_name, &n.nominator),
                n.nominator_email
            ),
            when: format_time(n.created_at, lang),
            confirmed: n.confirmed_at.is_some(),
        })
        .collect();
    let answer = app.store.nominators_answer(&slug, year).await?;
    let l = crate::admin::edition_layout(
        lang,
        (&slug, year),
        &award,
        ("nominations-title", "call-overview-nominations"),
        here.clone(),
    );
    let heading = l.title.clone();
    form_page(&app, &headers, StatusCode::OK, |csrf| NominationsPage {
        l,
        csrf,
        action: here,
        heading,
        rows,
        municipalities: distinct.len(),
        answer,
    })
}

/// `POST`: whether nominators answer the questionnaire's questions (`answer=ja`) or only give
/// a reason.
pub async fn settings(
    State(app): State<AppState>,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "nomineringar")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let answer = pairs.iter().any(|(k, v)| k == "answer" && v == "ja");
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    app.store.set_nominators_answer(&slug, year, answer, &actor).await?;
    Ok(redirect(&format!("/admin/{slug}/{year}/nomineringar"), vec![]))
}
