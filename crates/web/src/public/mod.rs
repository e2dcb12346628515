//! The public site: what anyone may read, in Swedish or English, cached per page.

mod award;
mod booklet;
pub(crate) use booklet::megabytes;
mod edition;
pub(crate) use edition::moved_text;
mod feeds;
mod home;
mod jury;
mod municipalities;
mod municipality;
pub mod opendata;
mod programme;

use std::future::Future;

use axum::http::header::{CACHE_CONTROL, CONTENT_LANGUAGE, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use jiff::Timestamp;
use juryn_domain::{Award, Edition, Lang, MunicipalityCode, PastWinner, Slug};
use juryn_store::Store;

use crate::app::AppState;
use crate::cache::{PageKey, Rendered};
use crate::error::WebError;
use crate::routes::Route;

pub fn routes() -> Vec<Route> {
    vec![
        Route::get("/", home::page),
        Route::get("/kommuner", municipalities::page),
        Route::get("/kommuner/{code}", municipality::page),
        Route::get("/{award}", award::page),
        Route::get("/{award}/logotyp", award::logo),
        Route::get("/{award}/{year}", edition::page),
        Route::get("/{award}/{year}/jury", jury::page),
        Route::get("/{award}/{year}/program", programme::page),
        Route::get("/{award}/{year}/program.ics", programme::feed),
        Route::get("/{award}/{year}/tidsplan.ics", feeds::timeline),
        Route::get("/{award}/{year}/nyheter.atom", feeds::news),
        Route::get("/{award}/{year}/oppna-data/bidrag.json", opendata::json),
        Route::get("/{award}/{year}/oppna-data/bidrag.csv", opendata::csv),
        Route::get("/{award}/{year}/skrift.pdf", booklet::pdf),
        Route::get("/{award}/{year}/skrift", booklet::contents),
        Route::get("/{award}/{year}/skrift/{item}", booklet::item),
    ]
}

/// Serves the page for `key` from the cache, or renders, caches and serves it.
pub(crate) async fn cached<F, Fut>(
    app: &AppState,
    key: PageKey,
    lang: Lang,
    render: F,
) -> Result<Response, WebError>
where
    F: FnOnce(Timestamp) -> Fut,
    Fut: Future<Output = Result<Rendered, WebError>>,
{
    let now = app.now();
    if let Some(page) = app.cache.get(&key, now) {
        return Ok(html(page.body, lang));
    }
    let generation = app.cache.generation();
    let page = render(now).await?;
    let body = page.body.clone();
    app.cache.put(key, page, generation);
    Ok(html(body, lang))
}

fn html(body: Bytes, lang: Lang) -> Response {
    (
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CONTENT_LANGUAGE, lang.tag()),
            // Pages change when the jury publishes; browsers revalidate rather than guess.
            (CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// Renders an askama template into a cacheable page.
pub(crate) fn rendered(
    template: &impl askama::Template,
    valid_until: Option<Timestamp>,
) -> Result<Rendered, WebError> {
    let html = template.render()?;
    Ok(Rendered { body: Bytes::from(html), valid_until })
}

/// A link to a municipality's page.
#[derive(Debug, Clone)]
pub struct MunLink {
    pub name: String,
    pub href: String,
}

impl MunLink {
    pub fn new(code: MunicipalityCode) -> MunLink {
        let name = juryn_domain::municipality::name_of(code);
        MunLink { name, href: format!("/kommuner/{code}") }
    }
}

#[derive(Debug, Clone)]
pub struct WinnerRow {
    pub year: i16,
    /// The winner, or those that won together, in order.
    pub municipalities: Vec<MunLink>,
    pub citation: String,
}

pub(crate) fn winner_rows(winners: &[PastWinner]) -> Vec<WinnerRow> {
    winners
        .iter()
        .map(|w| WinnerRow {
            year: w.year,
            municipalities: w.municipalities().map(MunLink::new).collect(),
            citation: w.citation.clone(),
        })
        .collect()
}

/// Splits organiser text into paragraphs at blank lines.
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

/// The award and edition that `/{award}/{year}` names, or the 404 page.
pub(crate) async fn award_and_edition(
    store: &dyn Store,
    slug: &Slug,
    year: i16,
) -> Result<(Award, Edition), WebError> {
    let award = store.award(slug).await?.ok_or(WebError::NotFound)?;
    let edition = store.edition(slug, year).await?.ok_or(WebError::NotFound)?;
    Ok((award, edition))
}

/// Parses the `{award}` path segment; anything that is not a slug cannot name an award.
pub(crate) fn parse_slug(s: &str) -> Result<Slug, WebError> {
    Slug::parse(s).map_err(|_| WebError::NotFound)
}

/// The earliest of the editions' next visibility changes: a page that shows several editions
/// must be re-rendered at the first.
pub(crate) fn next_change(editions: &[Edition], now: Timestamp) -> Option<Timestamp> {
    editions.iter().filter_map(|e| e.next_visibility_change(now)).min()
}

/// The phase's name for the public.
pub(crate) fn phase_text(lang: Lang, phase: juryn_domain::Phase) -> String {
    crate::i18n::t(lang, &format!("phase-{}", phase.as_str()))
}

/// Where the call stands, in words every page shares: "Enkäten öppnar 9 december 2026 kl.
/// 09.00", "Enkäten är öppen till …", "Enkäten är stängd sedan …".
pub(crate) fn call_state_text(lang: Lang, state: juryn_domain::CallState) -> String {
    use juryn_domain::CallState;
    let at = |key: &str, t: Timestamp| {
        crate::i18n::t_args(lang, key, &[("time", juryn_domain::format_time(t, lang))])
    };
    match state {
        CallState::NotSetUp => crate::i18n::t(lang, "call-state-not-set-up"),
        CallState::Opens(t) => at("call-state-opens", t),
        CallState::OpenUntil(t) => at("call-state-open", t),
        CallState::ClosedSince(t) => at("call-state-closed", t),
    }
}

/// An edition's phase as a page says it at `now`: while the call is the phase, the call's own
/// state (so no page says "öppen" while the window has not opened, or has closed); before it,
/// when the call will open by itself, when that is.
pub(crate) fn edition_state_text(lang: Lang, edition: &Edition, now: Timestamp) -> String {
    let phase = edition.visibility(now).phase;
    if phase == juryn_domain::Phase::CallOpen {
        call_state_text(lang, edition.call.state(now))
    } else if let (juryn_domain::Phase::Draft, Some(opens)) =
        (phase, edition.call.opens_at.filter(|t| *t > now))
    {
        call_state_text(lang, juryn_domain::CallState::Opens(opens))
    } else {
        phase_text(lang, phase)
    }
}
