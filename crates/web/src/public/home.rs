//! `/`: the awards this installation hosts.

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::Response;
use juryn_domain::Lang;

use super::{next_change, paragraphs};
use crate::app::AppState;
use crate::cache::PageKey;
use crate::cached_page::{cached, rendered};
use crate::error::WebError;
use crate::layout::Layout;

pub struct AwardCard {
    pub name: String,
    pub href: String,
    pub summary: String,
    /// The newest edition: year and link.
    pub latest: Option<(i16, String)>,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    l: Layout,
    awards: Vec<AwardCard>,
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
) -> Result<Response, WebError> {
    let store = app.store.clone();
    cached(&app, PageKey::Home(lang), lang, |now| async move {
        let mut awards = Vec::new();
        let mut valid_until = None;
        for award in store.awards().await? {
            let editions = store.editions(&award.slug).await?;
            valid_until = valid_until.into_iter().chain(next_change(&editions, now)).min();
            awards.push(AwardCard {
                name: award.name.get(lang).to_owned(),
                href: format!("/{}", award.slug),
                summary: paragraphs(award.description.get(lang)).into_iter().next().unwrap_or_default(),
                latest: editions.first().map(|e| (e.year, format!("/{}/{}", award.slug, e.year))),
            });
        }
        let l = Layout::new(lang, crate::i18n::t(lang, "home-heading"), "/");
        rendered(&HomePage { l, awards }, valid_until)
    })
    .await
}
