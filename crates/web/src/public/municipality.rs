//! `/kommuner/{code}`: a municipality, its county on a map, and what it has taken part in.

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::Response;
use juryn_domain::{Lang, Registry};

use super::next_change;
use crate::app::AppState;
use crate::cache::PageKey;
use crate::cached_page::{cached, rendered};
use crate::error::WebError;
use crate::extract::Segments;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::map;

pub struct ParticipationRow {
    pub edition: String,
    pub href: String,
    pub entry: String,
    pub result: String,
    /// The municipality's chapter in the edition's published booklet.
    pub chapter: Option<String>,
}

#[derive(Template)]
#[template(path = "municipality.html")]
struct MunicipalityPage {
    l: Layout,
    name: String,
    code: String,
    county: String,
    rows: Vec<ParticipationRow>,
    wins: Vec<String>,
    map_svg: String,
}

/// The awards the municipality has won, as the public may know them at `now`; every edition
/// read on the way is added to `editions` (the page changes at their next visibility change).
async fn wins(
    store: &dyn juryn_store::Store,
    lang: Lang,
    code: juryn_domain::MunicipalityCode,
    now: jiff::Timestamp,
    editions: &mut Vec<juryn_domain::Edition>,
) -> Result<Vec<String>, WebError> {
    let mut wins = Vec::new();
    for award in store.awards().await? {
        let all = store.editions(&award.slug).await?;
        let historical = store.past_winners(&award.slug).await?;
        for w in juryn_domain::past_winners(&historical, &all, now)
            .into_iter()
            .filter(|w| w.municipalities().any(|m| m == code))
        {
            let args = [("award", award.name.get(lang).to_owned()), ("year", w.year.to_string())];
            wins.push(t_args(lang, "municipality-won", &args));
        }
        editions.extend(all);
    }
    Ok(wins)
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    Segments(code): Segments<String>,
) -> Result<Response, WebError> {
    let municipality = Registry::sweden().lookup(&code).ok_or(WebError::NotFound)?.clone();
    let store = app.store.clone();
    cached(&app, PageKey::Municipality(code, lang), lang, |now| async move {
        let code = municipality.code;
        let participations = store.participations(code).await?;
        let mut rows = Vec::new();
        let mut editions = Vec::new();
        let mut booklet_next: Option<jiff::Timestamp> = None;
        for p in participations {
            let nominated = p.edition.public_nominees(now).contains(&code);
            let won = p.edition.public_winner(now) == Some(code);
            // Being nominated is not public before the nominees are; a nominee without an
            // entry of its own has nothing else to show until then.
            if p.status.is_none() && !nominated {
                continue;
            }
            let result = if won {
                t(lang, "municipality-winner")
            } else if nominated {
                t(lang, "municipality-nominee")
            } else {
                String::new()
            };
            let (chapter, next) =
                super::booklet::chapter_href(&*store, (&p.award.slug, p.edition.year), code, now).await?;
            booklet_next = match (booklet_next, next) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            rows.push(ParticipationRow {
                chapter,
                edition: format!("{} {}", p.award.name.get(lang), p.edition.year),
                href: format!("/{}/{}", p.award.slug, p.edition.year),
                entry: p.status.map(|s| t(lang, &format!("status-{}", s.as_str()))).unwrap_or_default(),
                result,
            });
            editions.push(p.edition);
        }
        let wins = wins(&*store, lang, code, now, &mut editions).await?;
        let name = municipality.name.clone();
        let map_desc = t_args(
            lang,
            "municipality-map-desc",
            &[("name", name.clone()), ("county", municipality.county_name.clone())],
        );
        let l = Layout::new(lang, name.clone(), format!("/kommuner/{code}"))
            .crumb(t(lang, "nav-awards"), "/")
            .crumb(name.clone(), "");
        let page = MunicipalityPage {
            map_svg: map::county_of(code, &municipality.county_name, &map_desc),
            name,
            code: code.to_string(),
            county: municipality.county_name.clone(),
            rows,
            wins,
            l,
        };
        let until = match (next_change(&editions, now), booklet_next) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        rendered(&page, until)
    })
    .await
}
