//! `/admin/logg`: the audit log, read-only, filtered by who, what and which object.

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::{Html, IntoResponse, Response};
use juryn_domain::{Action, Lang};
use juryn_store::AuditFilter;
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{MaybeViewer, require};
use crate::error::WebError;
use crate::i18n::t;
use crate::layout::Layout;

pub const PAGE_SIZE: i64 = 200;

pub struct EventRow {
    pub at: String,
    /// "Karin Ekholm gav Sofia Lind en roll".
    pub sentence: String,
    /// The stored codes, for the filters: actor, action, subject.
    pub codes: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "admin_audit.html")]
struct AuditPage {
    l: Layout,
    actor: String,
    action: String,
    subject: String,
    events: Vec<EventRow>,
}

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    aktor: String,
    #[serde(default)]
    handling: String,
    #[serde(default)]
    objekt: String,
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
    crate::extract::LenientQuery(q): crate::extract::LenientQuery<AuditQuery>,
) -> Result<Response, WebError> {
    require(&viewer, Action::ReadAuditLog, "/admin/logg")?;
    // An award's organisers read their awards' events; the installation's, every event.
    let awards = viewer
        .0
        .as_ref()
        .and_then(|v| v.actor.organised_awards())
        .map(|a| a.iter().map(ToString::to_string).collect());
    let clip = |s: &str| s.trim().chars().take(100).collect::<String>();
    let filter = AuditFilter {
        actor: Some(clip(&q.aktor)).filter(|s| !s.is_empty()),
        action: Some(clip(&q.handling)).filter(|s| !s.is_empty()),
        subject: Some(clip(&q.objekt)).filter(|s| !s.is_empty()),
        awards,
        limit: PAGE_SIZE,
    };
    let found = app.store.audit_log(&filter).await?;
    let mut names = super::audit_text::Names::new(&*app.store);
    let mut events = Vec::with_capacity(found.len());
    for e in found {
        events.push(EventRow {
            at: juryn_domain::format_time(e.at, lang),
            sentence: super::audit_text::sentence(lang, &mut names, &e).await,
            codes: format!("{} · {} · {}", e.actor, e.action, e.subject),
            detail: e.detail,
        });
    }
    let page = AuditPage {
        l: Layout::new(lang, t(lang, "audit-title"), "/admin/logg")
            .crumb(t(lang, "people-title"), "/admin/personer")
            .crumb(t(lang, "audit-title"), ""),
        actor: clip(&q.aktor),
        action: clip(&q.handling),
        subject: clip(&q.objekt),
        events,
    };
    let html = page.render()?;
    Ok(Html(html).into_response())
}
