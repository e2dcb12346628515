//! The entrants' portal: a municipality contact's entries. (Writing and submitting come with
//! the call for entries.)

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::{Html, IntoResponse, Response};
use juryn_domain::{Action, Lang, Role};

use crate::app::AppState;
use crate::auth::{MaybeViewer, require};
use crate::error::WebError;
use crate::extract::Segments;
use crate::i18n::t;
use crate::layout::Layout;
use crate::route::Route;

mod edit;
mod follow_up;
mod save;
mod versions;

pub fn routes() -> Vec<Route> {
    vec![
        Route::get("/portal", page),
        Route::get("/portal/bidrag/{id}", entry),
        Route::post("/portal/bidrag/{id}", save::save),
        Route::post("/portal/bidrag/{id}/samtycke", save::consent),
        Route::post("/portal/bidrag/{id}/skriften", save::booklet_only),
        Route::get("/portal/bidrag/{id}/uppfoljning", follow_up::page),
        Route::post("/portal/bidrag/{id}/uppfoljning", follow_up::save),
        Route::get("/portal/bidrag/{id}/versioner/{n}", versions::page),
        Route::post("/portal/bidrag/{id}/versioner/{n}", versions::restore),
    ]
}

pub struct EntryLink {
    pub label: String,
    pub href: Option<String>,
}

#[derive(Template)]
#[template(path = "portal.html")]
struct PortalPage {
    l: Layout,
    entries: Vec<EntryLink>,
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
) -> Result<Response, WebError> {
    require(&viewer, Action::OpenPortal, "/portal")?;
    let Some(v) = &viewer.0 else { return Err(WebError::Forbidden) };
    let mut entries = Vec::new();
    let names = crate::grants::award_names(&*app.store).await?;
    for g in v.actor.grants.iter().filter(|g| g.role == Role::EntrantContact) {
        let (Some((award, year)), Some(code)) = (g.scope.edition(), g.municipality) else { continue };
        let name = juryn_domain::municipality::name_of(code);
        // A contact's first visit makes the (empty, invited) entry they will write.
        let actor = v.stamp(app.now());
        let entry = match app.store.edition(award, year).await? {
            Some(_) => Some(app.store.ensure_entry(award, year, code, &actor).await?),
            None => None,
        };
        let award_name = names.get(award).map_or_else(|| award.to_string(), |n| n.get(lang).to_owned());
        let status =
            entry.as_ref().map(|e| format!(" – {}", t(lang, &format!("status-{}", e.entry.status.as_str()))));
        let id = entry.map(|e| e.id);
        entries.push(EntryLink {
            label: format!("{name}, {award_name} {year}{}", status.unwrap_or_default()),
            href: id.map(|id| format!("/portal/bidrag/{id}")),
        });
    }
    let page = PortalPage { l: Layout::new(lang, t(lang, "portal-title"), "/portal"), entries };
    let html = page.render()?;
    Ok(Html(html).into_response())
}

#[derive(serde::Deserialize, Default)]
pub struct Done {
    klart: Option<String>,
}

impl Done {
    fn notice(&self) -> Option<&str> {
        self.klart.as_deref()
    }
}

pub async fn entry(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: axum::http::HeaderMap,
    viewer: MaybeViewer,
    Segments(id): Segments<String>,
    crate::extract::LenientQuery(q): crate::extract::LenientQuery<Done>,
) -> Result<Response, WebError> {
    let here = format!("/portal/bidrag/{id}");
    // Sign-in comes before anything is looked up, so anonymous visitors learn nothing.
    require(&viewer, Action::OpenAccount, &here)?;
    let id: i64 = id.parse().ok().filter(|n| *n > 0).ok_or(WebError::NotFound)?;
    let stored = app.store.entry_by_id(id).await?.ok_or(WebError::NotFound)?;
    let edition = app.store.edition(&stored.award, stored.year).await?.ok_or(WebError::NotFound)?;
    let action = Action::ReadEntry {
        award: &stored.award,
        year: stored.year,
        municipality: stored.entry.municipality,
        is_nominee: edition.nominees.contains(&stored.entry.municipality),
        submitted: stored.entry.status == juryn_domain::EntryStatus::Submitted,
    };
    require(&viewer, action, &here)?;
    let edit = Action::EditEntry {
        award: &stored.award,
        year: stored.year,
        municipality: stored.entry.municipality,
    };
    if juryn_domain::decide(viewer.0.as_ref().map(|v| &v.actor), &edit) == juryn_domain::Decision::Allow {
        return edit::page(&app, &headers, lang, &viewer, id, q.notice()).await;
    }
    crate::entry_view::render(
        &app,
        lang,
        (&stored.award, stored.year),
        &stored.entry,
        here,
        (t(lang, "portal-title"), "/portal".into()),
    )
    .await
}
