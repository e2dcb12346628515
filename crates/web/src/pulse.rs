//! The pulse of an edition, and of an award over its editions, computed — the figures behind
//! `/{award}/{year}/pulsen` and `/{award}/pulsen` and their CSV files.
//!
//! Everything is counted over the entries the edition publishes (submitted, consenting: the
//! booklet's and the open data's), from the facts the search index's pass keeps per entry (its
//! words by stem, its self-assessment's levels), so a page that misses the cache reads no
//! answer. An edition's pulse is public from its booklet's (or open data's) publication;
//! "what stands out" compares with the award's other public editions only.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use jiff::Timestamp;
use juryn_domain::opendata::published;
use juryn_domain::questionnaire::{Level, Question, QuestionKind};
use juryn_domain::{LocalizedText, MunicipalityCode, Registry, Slug};
use juryn_search::terms::{Counted, characteristic};

use crate::app::AppState;
use crate::error::WebError;
use crate::search_index::EntryFacts;

/// A term must be written this often in an edition to stand out.
const MIN_TERM_COUNT: u32 = 3;
/// At most this many terms per question.
pub const TERMS_SHOWN: usize = 8;

/// Counts of one indicator: helt, delvis, inte alls, not answered.
pub type LevelCounts = [u32; 4];

pub fn level_index(level: Option<Level>) -> usize {
    match level {
        Some(Level::Fully) => 0,
        Some(Level::Partly) => 1,
        Some(Level::NotAtAll) => 2,
        None => 3,
    }
}

#[derive(Debug, Clone)]
pub struct CountyRow {
    pub code: String,
    pub name: String,
    pub participants: u32,
    pub municipalities: u32,
}

#[derive(Debug, Clone)]
pub struct MaturityQuestion {
    /// Its number in the questionnaire (1-based).
    pub number: usize,
    pub prompt: LocalizedText,
    pub indicators: Vec<LocalizedText>,
    /// Per indicator.
    pub overall: Vec<LevelCounts>,
    /// Per county with participants (name, per indicator), counties in code order.
    pub by_county: Vec<(String, Vec<LevelCounts>)>,
}

#[derive(Debug, Clone)]
pub struct StandingOut {
    /// The word as written most often.
    pub word: String,
    pub count: u32,
    /// Its count in what it is compared with.
    pub elsewhere: u32,
}

#[derive(Debug, Clone)]
pub struct QuestionTerms {
    pub number: usize,
    pub prompt: LocalizedText,
    /// The years compared with; empty when compared with the edition's other questions.
    pub against_years: Vec<i16>,
    pub terms: Vec<StandingOut>,
}

#[derive(Debug, Clone)]
pub struct EditionPulse {
    /// The published entries.
    pub entries: u32,
    /// The municipalities taking part (every member of a joint entry).
    pub participants: BTreeSet<MunicipalityCode>,
    pub counties: Vec<CountyRow>,
    pub maturity: Vec<MaturityQuestion>,
    pub terms: Vec<QuestionTerms>,
}

/// Whether an edition's pulse is public at `now` (its booklet or its open data published), and
/// when it next changes by itself (a scheduled version).
pub async fn public_at(
    app: &AppState,
    (slug, year): (&Slug, i16),
    now: Timestamp,
) -> Result<(bool, Option<Timestamp>), WebError> {
    let versions = app.store.booklet_versions(slug, year).await?;
    let (licence, at) = app.store.open_data(slug, year).await?;
    let public = versions.iter().any(|v| v.is_public(now)) || published(licence, at, now);
    let next = versions
        .iter()
        .map(|v| v.publish_at)
        .chain(at.filter(|_| licence.is_some()))
        .filter(|t| *t > now)
        .min();
    Ok((public, next))
}

/// An edition's published entries with their facts and questions.
struct Published {
    questions: Vec<Question>,
    /// (entry code, its facts).
    entries: Vec<(MunicipalityCode, Arc<EntryFacts>)>,
    participants: BTreeSet<MunicipalityCode>,
}

async fn published_facts(app: &AppState, (slug, year): (&Slug, i16)) -> Result<Published, WebError> {
    // The facts are the index pass's: bring it up to the data first.
    crate::search_docs::catch_up(app).await;
    let codes = crate::publication::publishable_codes(&*app.store, (slug, year)).await?;
    let joint = app.store.joint_entries(slug, year).await?;
    let entries: Vec<(MunicipalityCode, Arc<EntryFacts>)> = {
        let facts = app.search.facts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        codes
            .iter()
            .map(|c| {
                let key = (slug.to_string(), year as u16, c.to_string());
                (*c, facts.get(&key).cloned().unwrap_or_default())
            })
            .collect()
    };
    let participants = codes
        .iter()
        .flat_map(|c| match joint.iter().find(|j| j.lead() == *c) {
            Some(j) => j.members.clone(),
            None => vec![*c],
        })
        .collect();
    Ok(Published { questions: app.store.questions(slug, year).await?, entries, participants })
}

/// Every county with its municipalities and how many of them take part.
fn county_rows(participants: &BTreeSet<MunicipalityCode>) -> Vec<CountyRow> {
    let mut by_code: BTreeMap<String, CountyRow> = BTreeMap::new();
    for m in Registry::sweden().all() {
        let row = by_code.entry(m.county_code.clone()).or_insert_with(|| CountyRow {
            code: m.county_code.clone(),
            name: m.county_name.clone(),
            participants: 0,
            municipalities: 0,
        });
        row.municipalities += 1;
        if participants.contains(&m.code) {
            row.participants += 1;
        }
    }
    by_code.into_values().collect()
}

fn maturity(p: &Published) -> Vec<MaturityQuestion> {
    let registry = Registry::sweden();
    p.questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let QuestionKind::Maturity { indicators } = &q.kind else { return None };
            let mut overall = vec![[0u32; 4]; indicators.len()];
            let mut by_county: BTreeMap<String, (String, Vec<LevelCounts>)> = BTreeMap::new();
            for (code, facts) in &p.entries {
                let levels = facts.levels.get(i).cloned().flatten().unwrap_or_default();
                let m = registry.get(*code);
                let county = by_county
                    .entry(m.map_or_else(String::new, |m| m.county_code.clone()))
                    .or_insert_with(|| {
                        (
                            m.map_or_else(String::new, |m| m.county_name.clone()),
                            vec![[0u32; 4]; indicators.len()],
                        )
                    });
                for (k, (all, here)) in overall.iter_mut().zip(county.1.iter_mut()).enumerate() {
                    let at = level_index(levels.get(k).copied().flatten());
                    all[at] += 1;
                    here[at] += 1;
                }
            }
            Some(MaturityQuestion {
                number: i + 1,
                prompt: q.prompt.clone(),
                indicators: indicators.clone(),
                overall,
                by_county: by_county.into_values().collect(),
            })
        })
        .collect()
}

/// A long-text question's words summed over the entries.
fn summed(p: &Published, question: usize) -> HashMap<String, Counted> {
    let mut out: HashMap<String, Counted> = HashMap::new();
    for (_, facts) in &p.entries {
        if let Some(terms) = facts.terms.get(question) {
            for (stem, c) in terms {
                out.entry(stem.clone()).or_default().add(c);
            }
        }
    }
    out
}

/// The question of `p` that is `q` (the same prompt), else the one in the same place.
fn same_question(p: &Published, q: &Question, place: usize) -> Option<usize> {
    let long = |i: &usize| matches!(p.questions[*i].kind, QuestionKind::LongText { .. });
    p.questions
        .iter()
        .position(|o| o.prompt.sv == q.prompt.sv)
        .or(Some(place))
        .filter(|i| *i < p.questions.len())
        .filter(long)
}

fn terms(this: &Published, others: &[(i16, Published)]) -> Vec<QuestionTerms> {
    this.questions
        .iter()
        .enumerate()
        .filter(|(_, q)| matches!(q.kind, QuestionKind::LongText { .. }))
        .map(|(i, q)| {
            let these = summed(this, i);
            let mut against_years = Vec::new();
            let mut elsewhere: HashMap<String, Counted> = HashMap::new();
            for (year, other) in others {
                if let Some(j) = same_question(other, q, i) {
                    against_years.push(*year);
                    for (stem, c) in summed(other, j) {
                        elsewhere.entry(stem).or_default().add(&c);
                    }
                }
            }
            if against_years.is_empty() {
                // The award's only public edition: against its own other questions.
                for (j, _) in this
                    .questions
                    .iter()
                    .enumerate()
                    .filter(|(j, o)| *j != i && matches!(o.kind, QuestionKind::LongText { .. }))
                {
                    for (stem, c) in summed(this, j) {
                        elsewhere.entry(stem).or_default().add(&c);
                    }
                }
            }
            let terms = characteristic(&these, &elsewhere, MIN_TERM_COUNT, TERMS_SHOWN)
                .into_iter()
                .map(|(_, c, other, _)| StandingOut {
                    word: c.shown().to_owned(),
                    count: c.count,
                    elsewhere: other,
                })
                .collect();
            QuestionTerms { number: i + 1, prompt: q.prompt.clone(), against_years, terms }
        })
        .collect()
}

/// The award's editions whose pulse is public at `now`, oldest first.
pub async fn public_years(
    app: &AppState,
    slug: &Slug,
    now: Timestamp,
) -> Result<(Vec<i16>, Option<Timestamp>), WebError> {
    let mut years = Vec::new();
    let mut next: Option<Timestamp> = None;
    for e in app.store.editions(slug).await? {
        let (public, change) = public_at(app, (slug, e.year), now).await?;
        next = [next, change].into_iter().flatten().min();
        if public {
            years.push(e.year);
        }
    }
    years.sort_unstable();
    Ok((years, next))
}

/// An edition's pulse: participation, self-assessments and what stands out against the
/// award's other public editions at `now`.
pub async fn edition(
    app: &AppState,
    (slug, year): (&Slug, i16),
    now: Timestamp,
) -> Result<EditionPulse, WebError> {
    let this = published_facts(app, (slug, year)).await?;
    let mut others = Vec::new();
    for y in public_years(app, slug, now).await?.0.into_iter().filter(|y| *y != year) {
        others.push((y, published_facts(app, (slug, y)).await?));
    }
    Ok(EditionPulse {
        entries: this.entries.len() as u32,
        counties: county_rows(&this.participants),
        maturity: maturity(&this),
        terms: terms(&this, &others),
        participants: this.participants,
    })
}

/// One edition's row of the award's trend.
#[derive(Debug, Clone)]
pub struct TrendRow {
    pub year: i16,
    pub entries: u32,
    pub participants: u32,
    /// Per indicator (by its Swedish name): its counts that year.
    pub indicators: BTreeMap<String, LevelCounts>,
}

/// The trend over the award's public editions: participation, and each indicator's levels
/// (an indicator is followed by its Swedish name across editions), with the indicators in the
/// order first asked.
pub async fn trend(
    app: &AppState,
    slug: &Slug,
    now: Timestamp,
) -> Result<(Vec<TrendRow>, Vec<LocalizedText>, Option<Timestamp>), WebError> {
    let (years, next) = public_years(app, slug, now).await?;
    let mut rows = Vec::new();
    let mut indicators: Vec<LocalizedText> = Vec::new();
    for year in years {
        let p = published_facts(app, (slug, year)).await?;
        let mut row = TrendRow {
            year,
            entries: p.entries.len() as u32,
            participants: p.participants.len() as u32,
            indicators: BTreeMap::new(),
        };
        for q in maturity(&p) {
            for (k, indicator) in q.indicators.iter().enumerate() {
                if !indicators.iter().any(|i| i.sv == indicator.sv) {
                    indicators.push(indicator.clone());
                }
                let counts = row.indicators.entry(indicator.sv.clone()).or_insert([0; 4]);
                for (n, c) in q.overall[k].iter().enumerate() {
                    counts[n] += c;
                }
            }
        }
        rows.push(row);
    }
    Ok((rows, indicators, next))
}

/// `part` of `whole` as a whole percentage.
pub fn percent(part: u32, whole: u32) -> u32 {
    if whole == 0 { 0 } else { ((f64::from(part) * 100.0 / f64::from(whole)).round()) as u32 }
}
