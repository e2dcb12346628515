//! `/sok?q=…`: search what municipalities wrote. The public finds only published text (the
//! booklet's chapters, the open data); a juror, chair or organiser also finds the submitted
//! entries of the editions they may read, never a conflicted one. Filters by award, year,
//! county, question and kind; sorted by relevance or year. A bad filter value is named on the
//! page (400) with the form kept as typed.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderValue, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use juryn_domain::{Lang, Registry};
use juryn_search::Order;

use crate::app::AppState;
use crate::auth::MaybeViewer;
use crate::error::WebError;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::search_docs::{KIND_JOINT, KIND_MUNICIPALITY};
use crate::search_query::{self, Found, Results};

/// A choice in one of the form's lists: (value, label, chosen).
pub struct Choice {
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

pub struct Pager {
    pub text: String,
    pub previous: Option<String>,
    pub next: Option<String>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    l: Layout,
    q: String,
    problems: Vec<String>,
    awards: Vec<Choice>,
    years: Vec<Choice>,
    counties: Vec<Choice>,
    questions: Vec<Choice>,
    kinds: Vec<Choice>,
    by_year: bool,
    /// "12 bidrag" etc.; None before anything is asked.
    summary: Option<String>,
    /// Where the other pages of results are, when there are several.
    pager: Option<Pager>,
    /// The number of the first entry shown.
    first: usize,
    results: Vec<Found>,
}

fn choices(all: impl IntoIterator<Item = (String, String)>, chosen: &[String]) -> Vec<Choice> {
    all.into_iter().map(|(value, label)| Choice { chosen: chosen.contains(&value), value, label }).collect()
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
    uri: Uri,
) -> Result<Response, WebError> {
    let editions = search_query::editions(&app).await?;
    let asked = search_query::read(uri.query().unwrap_or(""), &editions);
    let actor = viewer.0.as_ref().map(|v| &v.actor);
    let Results { entries, shown: results } = if asked.problems.is_empty() {
        search_query::run(&app, actor, &asked, lang).await?
    } else {
        Results::default()
    };
    let mut award_list: Vec<(String, String)> = Vec::new();
    for (slug, _, sv, en) in editions.iter() {
        if !award_list.iter().any(|(s, _)| s == slug.as_str()) {
            award_list.push((slug.to_string(), if lang == Lang::Sv { sv.clone() } else { en.clone() }));
        }
    }
    let mut years: Vec<u16> = editions.iter().map(|(_, y, ..)| *y as u16).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let mut counties: Vec<(String, String)> =
        Registry::sweden().all().map(|m| (m.county_code.clone(), m.county_name.clone())).collect();
    counties.sort();
    counties.dedup();
    let strings = |v: &[u16]| v.iter().map(u16::to_string).collect::<Vec<_>>();
    let q = asked.q.clone();
    let summary = (!q.trim().is_empty() && asked.problems.is_empty())
        .then(|| t_args(lang, "search-summary", &[("count", entries.to_string()), ("query", q.clone())]));
    let pages = search_query::pages(entries);
    let pager = (pages > 1).then(|| Pager {
        text: t_args(lang, "search-page", &[("page", asked.page.to_string()), ("pages", pages.to_string())]),
        previous: (asked.page > 1).then(|| asked.href_at(asked.page - 1)),
        next: (asked.page < pages).then(|| asked.href_at(asked.page + 1)),
    });
    let status = if asked.problems.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    let title = if q.trim().is_empty() {
        t(lang, "search-title")
    } else {
        t_args(lang, "search-title-for", &[("query", q.clone())])
    };
    let page = SearchPage {
        l: Layout::new(lang, title, "/sok")
            .crumb(t(lang, "nav-awards"), "/")
            .crumb(t(lang, "search-title"), ""),
        problems: asked.problems.iter().map(|p| p.text(lang)).collect(),
        awards: choices(award_list, &asked.award.iter().cloned().collect::<Vec<_>>()),
        years: choices(years.iter().map(|y| (y.to_string(), y.to_string())), &strings(&asked.years)),
        counties: choices(counties, &asked.counties),
        questions: choices(
            (1..=search_query::QUESTIONS_OFFERED)
                .map(|n| (n.to_string(), t_args(lang, "search-question-n", &[("n", n.to_string())]))),
            &strings(&asked.questions),
        ),
        kinds: choices(
            [(KIND_MUNICIPALITY, "search-kind-kommun"), (KIND_JOINT, "search-kind-samverkan")]
                .map(|(k, key)| (k.to_owned(), t(lang, key))),
            &asked.kinds,
        ),
        by_year: asked.order == Order::Year,
        summary,
        pager,
        first: (asked.page - 1) * search_query::LIMIT + 1,
        results,
        q,
    };
    let mut response = (status, Html(page.render()?)).into_response();
    // Whose search it is decides what it finds: never kept by a shared cache.
    response.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    Ok(response)
}
