//! `/kommuner`: all of Sweden's 290 municipalities by county, each leading to its page.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::Response;
use juryn_domain::{Lang, Registry};

use super::MunLink;
use crate::app::AppState;
use crate::cache::PageKey;
use crate::cached_page::{cached, rendered};
use crate::error::WebError;
use crate::i18n::{t, t_args};
use crate::layout::Layout;

#[derive(Template)]
#[template(path = "municipalities.html")]
struct MunicipalitiesPage {
    l: Layout,
    intro: String,
    /// (county, its municipalities in Swedish order), counties in code order.
    counties: Vec<(String, Vec<MunLink>)>,
}

/// `GET /kommuner`.
pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
) -> Result<Response, WebError> {
    cached(&app, PageKey::Municipalities(lang), lang, |_now| async move {
        let mut by_county: BTreeMap<String, (String, Vec<MunLink>)> = BTreeMap::new();
        let mut count = 0;
        for m in Registry::sweden().all() {
            count += 1;
            by_county
                .entry(m.county_code.clone())
                .or_insert_with(|| (m.county_name.clone(), Vec::new()))
                .1
                .push(MunLink::new(m.code));
        }
        let counties = by_county
            .into_values()
            .map(|(county, mut list)| {
                list.sort_by_cached_key(|m| juryn_domain::juror::swedish_key(&m.name));
                (county, list)
            })
            .collect();
        let page = MunicipalitiesPage {
            l: Layout::new(lang, t(lang, "municipalities-title"), "/kommuner")
                .crumb(t(lang, "nav-awards"), "/")
                .crumb(t(lang, "municipalities-title"), ""),
            intro: t_args(lang, "municipalities-intro", &[("count", count.to_string())]),
            counties,
        };
        rendered(&page, None)
    })
    .await
}
