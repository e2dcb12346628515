//! `/admin/{award}/{year}/nomineringar`: every nomination of an edition, with its reason.

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::{Html, IntoResponse, Response};
use juryn_domain::{Lang, format_time};

use crate::app::AppState;
use crate::auth::MaybeViewer;
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::layout::Layout;

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
    heading: String,
    rows: Vec<Row>,
    municipalities: usize,
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
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
            nominator: format!("{} <{}>", n.nominator_name, n.nominator_email),
            when: format_time(n.created_at, lang),
            confirmed: n.confirmed_at.is_some(),
        })
        .collect();
    let l = crate::admin::edition_layout(
        lang,
        (&slug, year),
        &award,
        ("nominations-title", "call-overview-nominations"),
        here,
    );
    let heading = l.title.clone();
    let page = NominationsPage { l, heading, rows, municipalities: distinct.len() };
    let html = page.render()?;
    Ok(Html(html).into_response())
}
