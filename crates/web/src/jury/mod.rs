//! The jury's area of an edition: the entries a juror or expert may read. (Scoring, conflicts
//! and the shortlist come with the review round.)

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::{Html, IntoResponse, Response};
use juryn_domain::{Action, Decision, Lang, Registry, decide};

use crate::app::AppState;
use crate::auth::{MaybeViewer, require, require_on_edition};
use crate::error::WebError;
use crate::extract::Segments;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::public::{OrInternal, award_and_edition, parse_edition};
use crate::routes::Route;

pub fn routes() -> Vec<Route> {
    vec![Route::get("/jury/{award}/{year}", page), Route::get("/jury/{award}/{year}/bidrag/{code}", entry)]
}

pub struct Row {
    pub name: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "jury_area.html")]
struct JuryArea {
    l: Layout,
    heading: String,
    entries: Vec<Row>,
    hidden: usize,
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
    Segments((award, year)): Segments<(String, String)>,
) -> Result<Response, WebError> {
    let here = format!("/jury/{award}/{year}");
    let (slug, year) = require_on_edition(&viewer, lang, (&award, &year), &here, |award, year| {
        Action::OpenJuryArea { award, year }
    })?;
    let (award, edition) = award_and_edition(&*app.store, &slug, year, lang).await?;
    let actor = viewer.0.as_ref().map(|v| &v.actor);
    let mut entries = Vec::new();
    let mut hidden = 0;
    for e in app.store.entries(&slug, year).await.or_500(lang)? {
        let action = Action::ReadEntry {
            award: &slug,
            year,
            municipality: e.municipality,
            is_nominee: edition.nominees.contains(&e.municipality),
        };
        if decide(actor, &action) != Decision::Allow {
            hidden += 1;
            continue;
        }
        let name = Registry::sweden()
            .get(e.municipality)
            .map_or_else(|| e.municipality.to_string(), |m| m.name.clone());
        entries.push(Row { name, href: format!("/jury/{slug}/{year}/bidrag/{}", e.municipality) });
    }
    entries.sort_by_key(|r| juryn_domain::juror::swedish_key(&r.name));
    let heading = t_args(lang, "jury-area-title", &[("edition", format!("{} {year}", award.name.get(lang)))]);
    let page = JuryArea { l: Layout::new(lang, heading.clone(), here), heading, entries, hidden };
    let html = page.render().map_err(|e| WebError::internal(e, lang))?;
    Ok(Html(html).into_response())
}

pub async fn entry(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
    Segments((award, year, code)): Segments<(String, String, String)>,
) -> Result<Response, WebError> {
    let here = format!("/jury/{award}/{year}/bidrag/{code}");
    require(&viewer, Action::OpenAccount, lang, &here)?;
    let (slug, year) = parse_edition(&award, &year, lang)?;
    let municipality = Registry::sweden().lookup(&code).ok_or(WebError::NotFound(lang))?.code;
    require(&viewer, Action::OpenJuryArea { award: &slug, year }, lang, &here)?;
    let (_, edition) = award_and_edition(&*app.store, &slug, year, lang).await?;
    let action = Action::ReadEntry {
        award: &slug,
        year,
        municipality,
        is_nominee: edition.nominees.contains(&municipality),
    };
    require(&viewer, action, lang, &here)?;
    let entry = app
        .store
        .entries(&slug, year)
        .await
        .or_500(lang)?
        .into_iter()
        .find(|e| e.municipality == municipality)
        .ok_or(WebError::NotFound(lang))?;
    crate::entry_view::render(
        &app,
        lang,
        (&slug, year),
        &entry,
        here,
        (t(lang, "jury-crumb"), format!("/jury/{slug}/{year}")),
    )
    .await
}
