//! `/kommuner/{code}`: a municipality, its county on a map, and what it has taken part in.

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::Response;
use juryn_domain::joint::JointEntry;
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

/// The editions the municipality took part in, newest first: its own entries, the nominations
/// of it, and the joint entries it is a member of (under the joint entry's name); with the
/// editions read and the next time a booklet chapter becomes public.
async fn participation_rows(
    store: &dyn juryn_store::Store,
    lang: Lang,
    code: juryn_domain::MunicipalityCode,
    now: jiff::Timestamp,
) -> Result<(Vec<ParticipationRow>, Vec<juryn_domain::Edition>, Option<jiff::Timestamp>), WebError> {
    let joint = store.joint_entries_of(code).await?;
    let mut participations: Vec<(juryn_store::Participation, Option<&JointEntry>)> =
        store.participations(code).await?.into_iter().map(|p| (p, None)).collect();
    for (slug, year, j) in &joint {
        let of_entry = store.participations(j.lead()).await?.into_iter();
        let here = of_entry.filter(|p| p.award.slug == *slug && p.edition.year == *year);
        participations.retain(|(p, _)| !(p.award.slug == *slug && p.edition.year == *year));
        participations.extend(here.map(|p| (p, Some(j))));
    }
    participations.sort_by_key(|(p, _)| std::cmp::Reverse(p.edition.year));
    let (mut rows, mut editions, mut booklet_next) = (Vec::new(), Vec::new(), None::<jiff::Timestamp>);
    for (p, j) in participations {
        let entry_code = j.map_or(code, JointEntry::lead);
        let nominated = p.edition.public_nominees(now).contains(&entry_code);
        let won = p.edition.public_winner(now) == Some(entry_code);
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
            super::booklet::chapter_href(store, (&p.award.slug, p.edition.year), entry_code, now).await?;
        booklet_next = [booklet_next, next].into_iter().flatten().min();
        let status = p.status.map(|s| t(lang, &format!("status-{}", s.as_str()))).unwrap_or_default();
        let entry = match j {
            Some(j) => t_args(lang, "municipality-joint", &[("name", j.name.clone()), ("status", status)]),
            None => status,
        };
        rows.push(ParticipationRow {
            chapter,
            edition: format!("{} {}", p.award.name.get(lang), p.edition.year),
            href: format!("/{}/{}", p.award.slug, p.edition.year),
            entry,
            result,
        });
        editions.push(p.edition);
    }
    Ok((rows, editions, booklet_next))
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
        let (rows, mut editions, booklet_next) = participation_rows(&*store, lang, code, now).await?;
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
