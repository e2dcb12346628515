//! The pulse: `/{award}/{year}/pulsen` (an edition: participation by county on the map and as a
//! table, the self-assessment's levels per indicator overall and by county, the words that
//! stand out per question, each a link to its search), `/{award}/pulsen` (the trend over the
//! editions), and every figure as CSV (`/{award}/{year}/pulsen/{deltagande,mognad,termer}.csv`,
//! `/{award}/pulsen/utveckling.csv`). Public from the edition's booklet (or open data)
//! publication, kept like the other public pages; an edition's organisers see it before, not
//! kept.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{Html, IntoResponse, Response};
use jiff::Timestamp;
use juryn_domain::rules::{Action, Decision, decide};
use juryn_domain::{Lang, Slug};

use crate::app::AppState;
use crate::auth::MaybeViewer;
use crate::cache::PageKey;
use crate::cached_page::{cached, rendered};
use crate::error::WebError;
use crate::extract::{EditionKey, Segments};
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::pulse::{self, EditionPulse, LevelCounts, percent};
use crate::pulse_chart;

/// Sweden's municipalities: the whole a participation is a share of.
const MUNICIPALITIES: u32 = 290;

pub struct LevelRow {
    pub name: String,
    pub cells: Vec<String>,
    pub chart: String,
}

pub struct MaturityView {
    pub heading: String,
    pub id: String,
    pub rows: Vec<LevelRow>,
    pub indicators: Vec<String>,
    /// (county, a cell per indicator: "helt / delvis / inte alls").
    pub by_county: Vec<(String, Vec<String>)>,
}

pub struct TermsView {
    pub heading: String,
    pub against: String,
    /// (word, link to its search, how often here and elsewhere in words).
    pub terms: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "pulse.html")]
struct PulsePage {
    l: Layout,
    intro: String,
    not_public: bool,
    csv: Vec<(String, String)>,
    map: String,
    counties: Vec<(String, u32, u32, u32)>,
    maturity: Vec<MaturityView>,
    level_heads: Vec<String>,
    terms: Vec<TermsView>,
    award_pulse: String,
}

#[derive(Template)]
#[template(path = "pulse_award.html")]
struct AwardPulsePage {
    l: Layout,
    intro: String,
    chart: String,
    years: Vec<(String, String, u32, u32, u32)>,
    indicators: Vec<LevelRow>,
    year_heads: Vec<String>,
    csv: String,
}

fn level_heads(lang: Lang) -> Vec<String> {
    ["level-helt", "level-delvis", "level-inte-alls", "pulse-unanswered"].iter().map(|k| t(lang, k)).collect()
}

fn levels_alt(lang: Lang, name: &str, c: &LevelCounts) -> String {
    t_args(
        lang,
        "pulse-levels-alt",
        &[
            ("indicator", name.to_owned()),
            ("fully", c[0].to_string()),
            ("partly", c[1].to_string()),
            ("not", c[2].to_string()),
            ("none", c[3].to_string()),
        ],
    )
}

/// The edition's pulse, kept per data generation and the set of public editions it compares
/// with (CSV files and the page share it).
async fn edition_pulse(
    app: &AppState,
    (slug, year): (&Slug, i16),
    now: Timestamp,
) -> Result<Arc<EditionPulse>, WebError> {
    let (years, _) = pulse::public_years(app, slug, now).await?;
    let generation = app.cache.generation();
    app.memo
        .get_or_make(format!("pulse|{slug}|{year}|{years:?}"), generation, || {
            pulse::edition(app, (slug, year), now)
        })
        .await
}

/// Whether the reader may see the edition's pulse now: the public once published; its
/// organisers always (then not kept). 404 otherwise.
async fn may_see(app: &AppState, viewer: &MaybeViewer, (slug, year): (&Slug, i16)) -> Result<bool, WebError> {
    award_and_edition(&*app.store, slug, year).await?;
    let (public, _) = pulse::public_at(app, (slug, year), app.now()).await?;
    if public {
        return Ok(true);
    }
    let organiser = viewer.0.as_ref().is_some_and(|v| {
        decide(Some(&v.actor), &Action::OrganiseEdition { award: slug, year }) == Decision::Allow
    });
    if organiser { Ok(false) } else { Err(WebError::NotFound) }
}

async fn render_edition(
    app: &AppState,
    lang: Lang,
    (slug, year): (&Slug, i16),
    now: Timestamp,
    not_public: bool,
) -> Result<(String, Option<Timestamp>), WebError> {
    let (award_row, _) = award_and_edition(&*app.store, slug, year).await?;
    let p = edition_pulse(app, (slug, year), now).await?;
    let (_, next) = pulse::public_years(app, slug, now).await?;
    let here = format!("/{slug}/{year}/pulsen");
    let participants = p.participants.len() as u32;
    let intro = t_args(
        lang,
        "pulse-intro",
        &[
            ("entries", p.entries.to_string()),
            ("participants", participants.to_string()),
            ("share", percent(participants, MUNICIPALITIES).to_string()),
            ("year", year.to_string()),
        ],
    );
    let marks = p.participants.iter().map(|c| (*c, crate::map::Mark::Participant)).collect();
    let map_desc = t_args(lang, "pulse-map-desc", &[("participants", participants.to_string())]);
    let maturity = p
        .maturity
        .iter()
        .map(|q| MaturityView {
            heading: q.prompt.get(lang).to_owned(),
            id: format!("mognad-{}", q.number),
            rows: q
                .indicators
                .iter()
                .zip(&q.overall)
                .map(|(i, c)| LevelRow {
                    name: i.get(lang).to_owned(),
                    cells: c.iter().map(u32::to_string).collect(),
                    chart: pulse_chart::levels_bar(c, &levels_alt(lang, i.get(lang), c)),
                })
                .collect(),
            indicators: q.indicators.iter().map(|i| i.get(lang).to_owned()).collect(),
            by_county: q
                .by_county
                .iter()
                .map(|(county, cs)| {
                    (county.clone(), cs.iter().map(|c| format!("{} / {} / {}", c[0], c[1], c[2])).collect())
                })
                .collect(),
        })
        .collect();
    let terms = p
        .terms
        .iter()
        .map(|q| TermsView {
            heading: q.prompt.get(lang).to_owned(),
            against: if q.against_years.is_empty() {
                t(lang, "pulse-terms-against-questions")
            } else {
                let years: Vec<String> = q.against_years.iter().map(i16::to_string).collect();
                t_args(lang, "pulse-terms-against-years", &[("years", years.join(", "))])
            },
            terms: q
                .terms
                .iter()
                .map(|s| {
                    let href = format!(
                        "/sok?q={}&pris={slug}&ar={year}&fraga={}",
                        percent_encoding::utf8_percent_encode(&s.word, percent_encoding::NON_ALPHANUMERIC),
                        q.number
                    );
                    let counts = t_args(
                        lang,
                        "pulse-term-counts",
                        &[("here", s.count.to_string()), ("elsewhere", s.elsewhere.to_string())],
                    );
                    (s.word.clone(), href, counts)
                })
                .collect(),
        })
        .collect();
    let page = PulsePage {
        l: Layout::new(lang, t_args(lang, "pulse-title", &[("year", year.to_string())]), here.clone())
            .for_award(&award_row)
            .crumb(award_row.name.get(lang).to_owned(), format!("/{slug}"))
            .crumb(year.to_string(), format!("/{slug}/{year}"))
            .crumb(t(lang, "pulse-crumb"), ""),
        intro,
        not_public,
        csv: [
            ("deltagande", "pulse-csv-participation"),
            ("mognad", "pulse-csv-maturity"),
            ("termer", "pulse-csv-terms"),
        ]
        .iter()
        .map(|(file, key)| (format!("{here}/{file}.csv"), t(lang, key)))
        .collect(),
        map: crate::map::sweden(&marks, &t(lang, "pulse-map-title"), &map_desc),
        counties: p
            .counties
            .iter()
            .map(|c| {
                (c.name.clone(), c.participants, c.municipalities, percent(c.participants, c.municipalities))
            })
            .collect(),
        maturity,
        level_heads: level_heads(lang),
        terms,
        award_pulse: format!("/{slug}/pulsen"),
    };
    Ok((page.render()?, next))
}

pub async fn edition_page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    if !may_see(&app, &viewer, (&slug, year)).await? {
        let (html, _) = render_edition(&app, lang, (&slug, year), app.now(), true).await?;
        let mut response = Html(html).into_response();
        response
            .headers_mut()
            .insert(CACHE_CONTROL, axum::http::HeaderValue::from_static("private, no-cache"));
        return Ok(response);
    }
    let app2 = app.clone();
    cached(&app, PageKey::Pulse(slug.to_string(), Some(year), lang), lang, |now| async move {
        let (html, next) = render_edition(&app2, lang, (&slug, year), now, false).await?;
        Ok(crate::cache::Rendered::new(bytes::Bytes::from(html), next))
    })
    .await
}

fn csv_response(name: String, header: &[String], rows: &[Vec<String>]) -> Result<Response, WebError> {
    let body = juryn_publish::table::csv(header, rows)?;
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
            (CACHE_CONTROL, "no-cache".to_owned()),
        ],
        body,
    )
        .into_response())
}

/// `/{award}/{year}/pulsen/{file}.csv`.
pub async fn edition_csv(
    State(app): State<AppState>,
    viewer: MaybeViewer,
    key: EditionKey,
    Segments((_, _, file)): Segments<(String, String, String)>,
) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    may_see(&app, &viewer, (&slug, year)).await?;
    let p = edition_pulse(&app, (&slug, year), app.now()).await?;
    let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<String>>();
    let (name, header, rows): (&str, Vec<String>, Vec<Vec<String>>) = match file.as_str() {
        "deltagande.csv" => (
            "deltagande",
            s(&["länskod", "län", "deltagande kommuner", "kommuner i länet", "andel procent"]),
            p.counties
                .iter()
                .map(|c| {
                    vec![
                        c.code.clone(),
                        c.name.clone(),
                        c.participants.to_string(),
                        c.municipalities.to_string(),
                        percent(c.participants, c.municipalities).to_string(),
                    ]
                })
                .collect(),
        ),
        "mognad.csv" => (
            "mognad",
            s(&["fråga", "område", "län", "helt", "delvis", "inte alls", "ej svar"]),
            p.maturity
                .iter()
                .flat_map(|q| {
                    let overall = q
                        .indicators
                        .iter()
                        .zip(&q.overall)
                        .map(|(i, c)| (i.sv.clone(), "alla".to_owned(), *c));
                    let counties = q.by_county.iter().flat_map(|(county, cs)| {
                        q.indicators.iter().zip(cs).map(|(i, c)| (i.sv.clone(), county.clone(), *c))
                    });
                    overall
                        .chain(counties)
                        .map(|(i, county, c)| {
                            let mut row = vec![q.number.to_string(), i, county];
                            row.extend(c.iter().map(u32::to_string));
                            row
                        })
                        .collect::<Vec<_>>()
                })
                .collect(),
        ),
        "termer.csv" => (
            "termer",
            s(&["fråga", "ord", "antal", "antal i jämförelsen", "jämfört med"]),
            p.terms
                .iter()
                .flat_map(|q| {
                    let against = if q.against_years.is_empty() {
                        "övriga frågor".to_owned()
                    } else {
                        q.against_years.iter().map(i16::to_string).collect::<Vec<_>>().join(" ")
                    };
                    q.terms.iter().map(move |t| {
                        vec![
                            q.number.to_string(),
                            t.word.clone(),
                            t.count.to_string(),
                            t.elsewhere.to_string(),
                            against.clone(),
                        ]
                    })
                })
                .collect(),
        ),
        _ => return Err(WebError::NotFound),
    };
    csv_response(format!("pulsen-{name}-{slug}-{year}.csv"), &header, &rows)
}

async fn award_trend(
    app: &AppState,
    slug: &Slug,
    now: Timestamp,
) -> Result<(Vec<pulse::TrendRow>, Vec<juryn_domain::LocalizedText>, Option<Timestamp>), WebError> {
    if app.store.award(slug).await?.is_none() {
        return Err(WebError::NotFound);
    }
    pulse::trend(app, slug, now).await
}

fn fully_share(c: &LevelCounts) -> String {
    let answered = c[0] + c[1] + c[2];
    if answered == 0 { "–".to_owned() } else { format!("{} %", percent(c[0], answered)) }
}

/// `/{award}/pulsen`: the trend over the award's public editions.
pub async fn award_page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    Segments(award): Segments<String>,
) -> Result<Response, WebError> {
    let slug = Slug::parse(&award).map_err(|_| WebError::NotFound)?;
    let app2 = app.clone();
    cached(&app, PageKey::Pulse(slug.to_string(), None, lang), lang, |now| async move {
        let award_row = app2.store.award(&slug).await?.ok_or(WebError::NotFound)?;
        let (rows, indicators, next) = award_trend(&app2, &slug, now).await?;
        let values: Vec<(String, u32)> = rows.iter().map(|r| (r.year.to_string(), r.participants)).collect();
        let desc = values.iter().map(|(y, n)| format!("{y}: {n}")).collect::<Vec<_>>().join(", ");
        let page = AwardPulsePage {
            l: Layout::new(lang, t(lang, "pulse-award-title"), format!("/{slug}/pulsen"))
                .for_award(&award_row)
                .crumb(award_row.name.get(lang).to_owned(), format!("/{slug}"))
                .crumb(t(lang, "pulse-crumb"), ""),
            intro: t_args(lang, "pulse-award-intro", &[("editions", rows.len().to_string())]),
            chart: pulse_chart::columns(&values, &t(lang, "pulse-award-chart"), &desc),
            years: rows
                .iter()
                .map(|r| {
                    (
                        r.year.to_string(),
                        format!("/{slug}/{}/pulsen", r.year),
                        r.entries,
                        r.participants,
                        percent(r.participants, MUNICIPALITIES),
                    )
                })
                .collect(),
            indicators: indicators
                .iter()
                .map(|i| LevelRow {
                    name: i.get(lang).to_owned(),
                    cells: rows
                        .iter()
                        .map(|r| r.indicators.get(&i.sv).map_or_else(|| "–".to_owned(), fully_share))
                        .collect(),
                    chart: String::new(),
                })
                .collect(),
            year_heads: rows.iter().map(|r| r.year.to_string()).collect(),
            csv: format!("/{slug}/pulsen/utveckling.csv"),
        };
        rendered(&page, next)
    })
    .await
}

/// `/{award}/pulsen/utveckling.csv`: per edition, participation and each indicator's levels.
pub async fn award_csv(
    State(app): State<AppState>,
    Segments((award, file)): Segments<(String, String)>,
) -> Result<Response, WebError> {
    let slug = Slug::parse(&award).map_err(|_| WebError::NotFound)?;
    if file != "utveckling.csv" {
        return Err(WebError::NotFound);
    }
    let (rows, indicators, _) = award_trend(&app, &slug, app.now()).await?;
    let header: Vec<String> =
        ["år", "område", "bidrag", "deltagande kommuner", "helt", "delvis", "inte alls", "ej svar"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
    let mut out: Vec<Vec<String>> = Vec::new();
    for r in &rows {
        out.push(vec![
            r.year.to_string(),
            "deltagande".to_owned(),
            r.entries.to_string(),
            r.participants.to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
        for i in &indicators {
            if let Some(c) = r.indicators.get(&i.sv) {
                let mut row =
                    vec![r.year.to_string(), i.sv.clone(), r.entries.to_string(), r.participants.to_string()];
                row.extend(c.iter().map(u32::to_string));
                out.push(row);
            }
        }
    }
    csv_response(format!("pulsen-utveckling-{slug}.csv"), &header, &out)
}
