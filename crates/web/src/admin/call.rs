//! `/admin/{award}/{year}/bidrag`: the organiser's overview of a call — every entry with its
//! status and nominations, filtered and sorted, counted by county, and on a map.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::Response;
use juryn_domain::{EntryStatus, Lang, Registry, Slug, format_time};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::MaybeViewer;
use crate::cache::PageKey;
use crate::error::WebError;
use crate::extract::{EditionKey, LenientQuery};
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::map::{self, Mark};

pub struct Row {
    pub name: String,
    pub county: String,
    pub status: String,
    pub status_key: &'static str,
    pub nominations: i64,
    pub contacts: i64,
    pub updated: String,
    pub href: String,
}

pub struct CountyRow {
    pub county: String,
    pub counts: [usize; 4],
}

#[derive(Template)]
#[template(path = "admin_call.html")]
struct CallPage {
    l: Layout,
    heading: String,
    action: String,
    rows: Vec<Row>,
    counties: Vec<CountyRow>,
    totals: [usize; 4],
    statuses: Vec<(&'static str, String)>,
    status: String,
    county: String,
    county_options: Vec<String>,
    sort: String,
    map_svg: String,
    reminders_href: String,
    nominations_href: String,
}

#[derive(Deserialize, Default)]
pub struct Filter {
    #[serde(default)]
    status: String,
    #[serde(default)]
    lan: String,
    #[serde(default)]
    sort: String,
}

const ORDER: [EntryStatus; 4] =
    [EntryStatus::Invited, EntryStatus::Draft, EntryStatus::Submitted, EntryStatus::Withdrawn];

fn index(s: EntryStatus) -> usize {
    ORDER.iter().position(|o| *o == s).unwrap_or(0)
}

/// The entries counted by county and status, with the map's marks.
struct Tally {
    counties: BTreeMap<String, [usize; 4]>,
    totals: [usize; 4],
    marks: BTreeMap<juryn_domain::MunicipalityCode, Mark>,
}

fn tally(overview: &[juryn_store::OverviewRow]) -> Tally {
    let registry = Registry::sweden();
    let mut counties: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let mut totals = [0; 4];
    let mut marks = BTreeMap::new();
    for r in overview {
        let county = registry.get(r.municipality).map_or_else(String::new, |m| m.county_name.clone());
        counties.entry(county).or_default()[index(r.status)] += 1;
        totals[index(r.status)] += 1;
        let mark = match r.status {
            EntryStatus::Invited => Mark::Invited,
            EntryStatus::Draft => Mark::Draft,
            EntryStatus::Submitted => Mark::Participant,
            EntryStatus::Withdrawn => Mark::Withdrawn,
        };
        marks.insert(r.municipality, mark);
    }
    Tally { counties, totals, marks }
}

/// The rows the filter keeps, in the order asked for.
fn filtered_rows(
    lang: Lang,
    slug: &Slug,
    year: i16,
    overview: &[juryn_store::OverviewRow],
    f: &Filter,
) -> Vec<Row> {
    let registry = Registry::sweden();
    let mut rows: Vec<Row> = overview
        .iter()
        .filter(|r| f.status.is_empty() || r.status.as_str() == f.status)
        .filter_map(|r| {
            let m = registry.get(r.municipality)?;
            (f.lan.is_empty() || m.county_name == f.lan).then(|| Row {
                name: m.name.clone(),
                county: m.county_name.clone(),
                status: t(lang, &format!("status-{}", r.status.as_str())),
                status_key: r.status.as_str(),
                nominations: r.nominations,
                contacts: r.contacts,
                updated: r.updated_at.or(r.submitted_at).map(|u| format_time(u, lang)).unwrap_or_default(),
                href: format!("/admin/{slug}/{year}/bidrag/{}", m.code),
            })
        })
        .collect();
    match f.sort.as_str() {
        "status" => rows.sort_by_cached_key(|r| (r.status_key, juryn_domain::juror::swedish_key(&r.name))),
        "lan" => rows.sort_by_cached_key(|r| {
            (juryn_domain::juror::swedish_key(&r.county), juryn_domain::juror::swedish_key(&r.name))
        }),
        "nomineringar" => rows
            .sort_by_key(|r| (std::cmp::Reverse(r.nominations), juryn_domain::juror::swedish_key(&r.name))),
        _ => rows.sort_by_cached_key(|r| juryn_domain::juror::swedish_key(&r.name)),
    }
    rows
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
    key: EditionKey,
    LenientQuery(f): LenientQuery<Filter>,
) -> Result<Response, WebError> {
    let here = key.page("/admin", "bidrag");
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "bidrag")?;
    // Rendered once per data generation and filter: organisers reload it often during a call,
    // and it changes only when the data do (the generation is polled, see `cache`).
    let key =
        PageKey::CallOverview(slug.to_string(), year, lang, format!("{}|{}|{}", f.status, f.lan, f.sort));
    crate::cached_page::signed_in(&app, key, || overview_page(&app, lang, (&slug, year), here, &f)).await
}

/// The call's overview with the filter `f`.
async fn overview_page(
    app: &AppState,
    lang: Lang,
    (slug, year): (&Slug, i16),
    here: String,
    f: &Filter,
) -> Result<String, WebError> {
    let (award, _) = award_and_edition(&*app.store, slug, year).await?;
    let overview = app.store.overview(slug, year).await?;
    let Tally { counties, totals, marks } = tally(&overview);
    let rows = filtered_rows(lang, slug, year, &overview, f);
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("call-overview-title", "call-overview-entries"),
        here.clone(),
    );
    let heading = l.title.clone();
    let desc = t_args(
        lang,
        "call-overview-map-desc",
        &[
            ("submitted", totals[2].to_string()),
            ("draft", totals[1].to_string()),
            ("invited", totals[0].to_string()),
        ],
    );
    let mut county_options: Vec<String> = counties.keys().cloned().collect();
    county_options.sort_by_key(|c| juryn_domain::juror::swedish_key(c));
    let page = CallPage {
        l,
        heading,
        action: here,
        rows,
        counties: counties.into_iter().map(|(county, counts)| CountyRow { county, counts }).collect(),
        totals,
        statuses: ORDER.iter().map(|s| (s.as_str(), t(lang, &format!("status-{}", s.as_str())))).collect(),
        status: f.status.chars().take(20).collect(),
        county: f.lan.chars().take(60).collect(),
        county_options,
        sort: f.sort.chars().take(20).collect(),
        map_svg: map::sweden(&marks, &t(lang, "call-overview-map-title"), &desc),
        reminders_href: format!("/admin/{slug}/{year}/paminnelser"),
        nominations_href: format!("/admin/{slug}/{year}/nomineringar"),
    };
    Ok(page.render()?)
}
