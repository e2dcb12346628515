//! `/jury`: the jury's area for one person — each edition they judge or visit for, linked.

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::{Html, IntoResponse, Response};
use juryn_domain::{Action, Lang, Role};

use crate::app::AppState;
use crate::auth::{MaybeViewer, require};
use crate::error::WebError;
use crate::i18n::t;
use crate::layout::Layout;

#[derive(Template)]
#[template(path = "jury_home.html")]
struct JuryHome {
    l: Layout,
    /// (what the role is, where it leads)
    roles: Vec<(String, String)>,
}

/// `GET /jury`.
pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
) -> Result<Response, WebError> {
    require(&viewer, Action::OpenAccount, "/jury")?;
    let Some(v) = &viewer.0 else { return Err(WebError::SignIn { next: "/jury".into() }) };
    let names = crate::grants::award_names(&*app.store).await?;
    let roles = v
        .actor
        .grants
        .iter()
        .filter(|g| matches!(g.role, Role::Juror | Role::JuryChair | Role::Expert))
        .filter_map(|g| {
            crate::grants::grant_home(g).map(|href| (crate::grants::grant_text(lang, g, Some(&names)), href))
        })
        .collect();
    let page = JuryHome { l: Layout::new(lang, t(lang, "jury-home-title"), "/jury"), roles };
    Ok(Html(page.render()?).into_response())
}
