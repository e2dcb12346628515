//! A search as a reader asks it: the query string read (every filter value checked, invalid
//! UTF-8 named, never a 500), the circles the reader may search decided by the rules, and the
//! hits with their passages as escaped HTML. The page (`/sok`) and the API
//! (`/api/v1/search`) both go through here.

use std::collections::{BTreeMap, BTreeSet};

use juryn_domain::rules::{Action, Actor, Decision, decide};
use juryn_domain::{EntryStatus, Lang, Registry, Slug};
use juryn_search::{EntryHit, Filters, Order};

use crate::app::AppState;
use crate::error::WebError;
use crate::i18n::{t, t_args};
use crate::layout::escape;
use crate::search_docs::{KIND_JOINT, KIND_MUNICIPALITY, PUBLIC, jury_scope};

/// Entries shown per page (the count says how many matched in all; `sida` pages on).
pub const LIMIT: usize = 10;
/// Pages beyond this are not offered (a search that broad is narrowed, not paged through).
pub const MAX_PAGE: usize = 50;
/// The question numbers the search form offers (the 2019 questionnaire had three).
pub const QUESTIONS_OFFERED: u16 = 10;

/// A search as asked, with what could not be read.
#[derive(Debug, Default, Clone)]
pub struct Asked {
    pub q: String,
    pub award: Option<String>,
    pub years: Vec<u16>,
    pub counties: Vec<String>,
    pub questions: Vec<u16>,
    pub kinds: Vec<String>,
    pub order: Order,
    /// The page of results (1-based).
    pub page: usize,
    /// Each as the reader should read it.
    pub problems: Vec<Problem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A value that is not UTF-8 (its parameter).
    NotText(String),
    /// A filter's value that names nothing (parameter, value).
    Unknown(String, String),
}

impl Problem {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Problem::NotText(param) => t_args(lang, "search-problem-not-text", &[("param", param.clone())]),
            Problem::Unknown(param, value) => {
                let value: String = value.chars().take(40).collect();
                t_args(lang, "search-problem-unknown", &[("param", param.clone()), ("value", value)])
            }
        }
    }
}

/// The editions searchable at all, for checking the year and award filters: (award, year).
pub async fn editions(app: &AppState) -> Result<std::sync::Arc<Vec<(Slug, i16, String, String)>>, WebError> {
    let generation = app.cache.generation();
    let editions: std::sync::Arc<Vec<(Slug, i16, String, String)>> = app
        .memo
        .get_or_make("search-editions".to_owned(), generation, || async {
            let mut out = Vec::new();
            for award in app.store.awards().await? {
                for e in app.store.editions(&award.slug).await? {
                    out.push((
                        award.slug.clone(),
                        e.year,
                        award.name.sv.clone(),
                        award.name.get(Lang::En).to_owned(),
                    ));
                }
            }
            Ok::<_, WebError>(out)
        })
        .await?;
    Ok(editions)
}

/// Reads the query string. Parameters: `q`, `pris` (an award), `ar`, `lan` (a county's code),
/// `fraga` (a question's number), `typ` (kommun, samverkan), `ordning` (relevans, ar), `sida`
/// (the page, 1–50); each filter may repeat. Unknown parameters are ignored; unknown values are problems.
pub fn read(query: &str, editions: &[(Slug, i16, String, String)]) -> Asked {
    let mut asked = Asked { page: 1, ..Asked::default() };
    let counties: BTreeSet<&str> = Registry::sweden().all().map(|m| m.county_code.as_str()).collect();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(&s.replace('+', " ")).decode_utf8().map(|c| c.into_owned())
        };
        let Ok(key) = decode(key) else { continue };
        let Ok(value) = decode(value) else {
            asked.problems.push(Problem::NotText(key));
            continue;
        };
        let value = value.trim().to_owned();
        let unknown = |asked: &mut Asked| asked.problems.push(Problem::Unknown(key.clone(), value.clone()));
        match key.as_str() {
            "q" => asked.q = value,
            _ if value.is_empty() => {}
            "pris" if editions.iter().any(|(s, ..)| s.as_str() == value) => asked.award = Some(value),
            "ar" => match value.parse::<u16>() {
                Ok(y) if editions.iter().any(|(_, year, ..)| *year as u16 == y) => asked.years.push(y),
                _ => unknown(&mut asked),
            },
            "lan" if counties.contains(value.as_str()) => asked.counties.push(value),
            "fraga" => match value.parse::<u16>() {
                Ok(n) if (1..=200).contains(&n) => asked.questions.push(n),
                _ => unknown(&mut asked),
            },
            "typ" if [KIND_MUNICIPALITY, KIND_JOINT].contains(&value.as_str()) => asked.kinds.push(value),
            "sida" => match value.parse::<usize>() {
                Ok(n) if (1..=MAX_PAGE).contains(&n) => asked.page = n,
                _ => unknown(&mut asked),
            },
            "ordning" if value == "relevans" => asked.order = Order::Relevance,
            "ordning" if value == "ar" => asked.order = Order::Year,
            "pris" | "lan" | "typ" | "ordning" => unknown(&mut asked),
            _ => {}
        }
    }
    asked
}

/// The circles `actor` may search and the entries in them it may not open: the public always;
/// an edition's jury circle for whoever may open its jury area, less each entry the rules do
/// not let them read (a conflict).
async fn circles(
    app: &AppState,
    actor: Option<&Actor>,
    editions: &[(Slug, i16, String, String)],
) -> Result<(Vec<String>, Vec<(String, String, u16, String)>), WebError> {
    let mut scopes = vec![PUBLIC.to_owned()];
    let mut exclude = Vec::new();
    let Some(actor) = actor else { return Ok((scopes, exclude)) };
    for (slug, year, ..) in editions {
        if decide(Some(actor), &Action::OpenJuryArea { award: slug, year: *year }) != Decision::Allow {
            continue;
        }
        let facts = crate::find::entry_facts(app, (slug, *year)).await?;
        let scope = jury_scope(slug.as_str(), *year);
        // Only submitted entries are in the jury's circle: of those, the ones the rules refuse.
        for (code, _) in facts.statuses.iter().filter(|(_, s)| **s == EntryStatus::Submitted) {
            if decide(Some(actor), &facts.read_entry((slug, *year), *code)) != Decision::Allow {
                exclude.push((scope.clone(), slug.to_string(), *year as u16, code.to_string()));
            }
        }
        scopes.push(scope);
    }
    Ok((scopes, exclude))
}

/// One entry found, as the page and the API show it.
#[derive(Debug, serde::Serialize)]
pub struct Found {
    pub award: String,
    pub award_name: String,
    pub year: u16,
    pub code: String,
    pub name: String,
    pub county: String,
    pub kind: String,
    pub href: String,
    /// Whether it is the jury's text (not public).
    pub jury: bool,
    pub answers: Vec<FoundAnswer>,
    /// The other questions whose answers matched too.
    pub also: Vec<u16>,
}

/// What a search found: the best entries, and how many matched in all.
#[derive(Debug, Default, serde::Serialize)]
pub struct Results {
    pub entries: usize,
    pub shown: Vec<Found>,
}

#[derive(Debug, serde::Serialize)]
pub struct FoundAnswer {
    pub question: u16,
    pub question_text: String,
    /// The passage as plain text, and as HTML with the matches in `<mark>`.
    pub passage: String,
    pub passage_html: String,
}

/// Runs the search for `actor` (None: the public) and reads the hits for showing. A reader
/// who may search an edition's jury circle too sees each entry once.
pub async fn run(
    app: &AppState,
    actor: Option<&Actor>,
    asked: &Asked,
    lang: Lang,
) -> Result<Results, WebError> {
    let editions = editions(app).await?;
    if asked.q.trim().is_empty() {
        return Ok(Results::default());
    }
    // The index follows the data: a reader sees what was written before they asked.
    crate::search_docs::catch_up(app).await;
    let (scopes, exclude) = circles(app, actor, &editions).await?;
    let filters = Filters {
        scopes,
        award: asked.award.clone(),
        years: asked.years.clone(),
        counties: asked.counties.clone(),
        questions: asked.questions.clone(),
        kinds: asked.kinds.clone(),
        now: app.now().as_second(),
        exclude,
    };
    let search = app.search.clone();
    let (q, order) = (asked.q.clone(), asked.order);
    let first = (asked.page.max(1) - 1) * LIMIT;
    let _turn = app.search.turns.acquire().await.map_err(|e| WebError::Internal(e.to_string()))?;
    let found =
        tokio::task::spawn_blocking(move || search.index.find(&q, &filters, order, first..first + LIMIT))
            .await
            .map_err(|e| WebError::Internal(format!("search: {e}")))?
            .map_err(|e| WebError::Internal(e.to_string()))?;
    let names: BTreeMap<&str, (&str, &str)> =
        editions.iter().map(|(s, _, sv, en)| (s.as_str(), (sv.as_str(), en.as_str()))).collect();
    let registry = Registry::sweden();
    let shown = found
        .hits
        .into_iter()
        .map(|h| {
            let county = registry
                .all()
                .find(|m| m.county_code == h.county)
                .map_or_else(|| h.county.clone(), |m| m.county_name.clone());
            let award_name = names.get(h.award.as_str()).map_or(h.award.as_str(), |(sv, en)| match lang {
                Lang::Sv => sv,
                Lang::En => en,
            });
            Found {
                jury: h_is_jury(&h),
                award_name: award_name.to_owned(),
                kind: t(
                    lang,
                    if h.kind == KIND_JOINT { "search-kind-samverkan" } else { "search-kind-kommun" },
                ),
                answers: h
                    .answers
                    .iter()
                    .map(|a| FoundAnswer {
                        question: a.question,
                        question_text: a.question_text.clone(),
                        passage: a.snippet.iter().map(|(s, _)| s.as_str()).collect(),
                        passage_html: a
                            .snippet
                            .iter()
                            .map(
                                |(s, hit)| {
                                    if *hit { format!("<mark>{}</mark>", escape(s)) } else { escape(s) }
                                },
                            )
                            .collect(),
                    })
                    .collect(),
                award: h.award,
                year: h.year,
                code: h.code,
                name: h.entry_name,
                county,
                href: h.href,
                also: h.also,
            }
        })
        .collect();
    Ok(Results { entries: found.entries, shown })
}

fn h_is_jury(h: &EntryHit) -> bool {
    h.scope != PUBLIC
}

impl Asked {
    /// The address of this search at another page.
    pub fn href_at(&self, page: usize) -> String {
        let mut pairs: Vec<(&str, String)> = vec![("q", self.q.clone())];
        pairs.extend(self.award.iter().map(|a| ("pris", a.clone())));
        pairs.extend(self.years.iter().map(|y| ("ar", y.to_string())));
        pairs.extend(self.counties.iter().map(|c| ("lan", c.clone())));
        pairs.extend(self.questions.iter().map(|n| ("fraga", n.to_string())));
        pairs.extend(self.kinds.iter().map(|k| ("typ", k.clone())));
        if self.order == Order::Year {
            pairs.push(("ordning", "ar".to_owned()));
        }
        if page > 1 {
            pairs.push(("sida", page.to_string()));
        }
        let query: Vec<String> = pairs
            .into_iter()
            .map(|(k, v)| {
                format!(
                    "{k}={}",
                    percent_encoding::utf8_percent_encode(&v, percent_encoding::NON_ALPHANUMERIC)
                )
            })
            .collect();
        format!("/sok?{}", query.join("&"))
    }
}

/// How many pages `entries` fill (at most `MAX_PAGE`).
pub fn pages(entries: usize) -> usize {
    entries.div_ceil(LIMIT).clamp(1, MAX_PAGE)
}
