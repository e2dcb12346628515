//! The edition's feeds for other systems: `/{award}/{year}/tidsplan.ics`, the timeline as
//! whole-day calendar events, and `/{award}/{year}/nyheter.atom`, an Atom feed of its news —
//! the nominees published, the decision sealed, the winner announced — each item there from the
//! moment it is public, not before (`Edition::visibility`, as everywhere).

use axum::extract::{Extension, State};
use axum::response::Response;
use bytes::Bytes;
use jiff::Timestamp;
use juryn_domain::Lang;
use juryn_publish::atom::{NewsItem, feed};
use juryn_publish::ical::{CalDays, calendar_with_days};

use crate::app::AppState;
use crate::cache::{Feed, PageKey, Rendered};
use crate::cached_page::{kept_as, kept_or_render};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::t_args;
use juryn_domain::municipality::name_of;

pub async fn timeline(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    let key = PageKey::Feed(slug.to_string(), year, lang, Feed::Timeline);
    let page = kept_or_render(&app, key, |now| timeline_feed(&app, (&slug, year), lang, now)).await?;
    Ok(kept_as(&page, "text/calendar; charset=utf-8"))
}

/// The timeline changes only with the data: kept until the next write.
async fn timeline_feed(
    app: &AppState,
    (slug, year): (&juryn_domain::Slug, i16),
    lang: Lang,
    now: Timestamp,
) -> Result<Rendered, WebError> {
    let (award, _) = award_and_edition(&*app.store, slug, year).await?;
    let days: Vec<CalDays> = app
        .store
        .timeline(slug, year)
        .await?
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let ymd = |d: jiff::civil::Date| (i32::from(d.year()), d.month() as u32, d.day() as u32);
            CalDays {
                uid: format!("{slug}-{year}-milestone-{i}@juryn"),
                summary: m.label.get(lang).to_owned(),
                first: ymd(m.span.start()),
                last: ymd(m.span.end()),
            }
        })
        .collect();
    let body = calendar_with_days(&format!("{} {year}", award.name.get(lang)), &[], &days, now.as_second());
    Ok(Rendered::new(Bytes::from(body), None))
}

fn news_item(page: &str, key: &str, title: String, summary: String, at: Timestamp) -> NewsItem {
    NewsItem { id: format!("{page}#{key}"), title, summary, link: page.to_owned(), at: at.as_second() }
}

/// A news item for each public version of the booklet.
async fn booklet_news(
    app: &AppState,
    (slug, year): (&juryn_domain::Slug, i16),
    versions: &[juryn_store::BookletVersion],
    (page, lang, now): (&str, Lang, Timestamp),
) -> Result<Vec<NewsItem>, WebError> {
    let mut out = Vec::new();
    for v in versions.iter().filter(|v| v.is_public(now)) {
        #[derive(serde::Deserialize)]
        struct Title {
            title: String,
        }
        let data = app.store.booklet_data(slug, year, v.version).await?.unwrap_or_default();
        let title = serde_json::from_str::<Title>(&data).map(|t| t.title).unwrap_or_default();
        let mut news = news_item(
            page,
            &format!("skrift-v{}", v.version),
            t_args(lang, "news-booklet", &[("title", title), ("version", v.version.to_string())]),
            format!("PDF: {page}/skrift/v{}.pdf (SHA-256 {})", v.version, v.sha256),
            v.publish_at,
        );
        news.link = format!("{page}/skrift");
        out.push(news);
    }
    Ok(out)
}

/// A news item for each earlier round's cut once it is public ("Nominering: Juryn har nominerat
/// sex kommuner"), in order; the last round's is the nominees' item.
fn cut_news(cuts: &[juryn_domain::round::Cut], page: &str, (lang, now): (Lang, Timestamp)) -> Vec<NewsItem> {
    cuts.iter()
        .take_while(|c| c.is_public(now))
        .filter_map(|c| {
            let at = c.public_at?;
            let told = crate::edition_words::cut_wording(lang, c);
            let names = c.codes().iter().map(|m| name_of(*m)).collect::<Vec<_>>().join(", ");
            let title = format!("{}: {told}", c.round.name.get(lang));
            Some(news_item(page, &format!("urval-{}", c.position), title, names, at))
        })
        .collect()
}

/// A news item for each date of the timeline that was moved.
fn moved_news(
    timeline: &[juryn_domain::Milestone],
    page: &str,
    (lang, edition_name): (Lang, &str),
) -> Vec<NewsItem> {
    let mut out = Vec::new();
    for (i, m) in timeline.iter().enumerate() {
        let Some(moved) = m.moved else { continue };
        let (what, to) = (m.label.get(lang).to_owned(), m.span.render_inline(lang, 0));
        let mut news = news_item(
            page,
            &format!("flyttad-{i}-{}", moved.at.as_second()),
            t_args(lang, "news-moved-title", &[("what", what.clone()), ("date", to.clone())]),
            t_args(
                lang,
                "news-moved-summary",
                &[
                    ("edition", edition_name.to_owned()),
                    ("what", what),
                    ("from", moved.from.render_inline(lang, 0)),
                    ("to", to),
                ],
            ),
            moved.at,
        );
        news.link = format!("{page}#halltider");
        out.push(news);
    }
    out
}

pub async fn news(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    let key = PageKey::Feed(slug.to_string(), year, lang, Feed::News);
    let page = kept_or_render(&app, key, |now| news_feed(&app, (&slug, year), lang, now)).await?;
    Ok(kept_as(&page, "application/atom+xml; charset=utf-8"))
}

/// The news as the public may read them at `now`, kept until the next item's moment (a cut, the
/// nominees, a booklet version, the winner).
async fn news_feed(
    app: &AppState,
    (slug, year): (&juryn_domain::Slug, i16),
    lang: Lang,
    now: Timestamp,
) -> Result<Rendered, WebError> {
    let (award, edition) = award_and_edition(&*app.store, slug, year).await?;
    let page = format!("{}/{slug}/{year}", app.base_url);
    let edition_name = format!("{} {year}", award.name.get(lang));
    let item =
        |key: &str, title: String, summary: String, at: Timestamp| news_item(&page, key, title, summary, at);
    let cuts = app.store.cuts(slug, year).await?;
    let mut items = cut_news(&cuts, &page, (lang, now));
    let nominees = edition.public_nominees(now);
    if let (false, Some(at)) = (nominees.is_empty(), edition.nominees_public_at) {
        let names = nominees.iter().map(|c| name_of(*c)).collect::<Vec<_>>().join(", ");
        items.push(item(
            "nominerade",
            t_args(lang, "news-nominees-title", &[("edition", edition_name.clone())]),
            names,
            at,
        ));
    }
    if let Some(d) = app.store.decision(slug, year).await? {
        items.push(item(
            "forseglat",
            t_args(lang, "news-sealed-title", &[("edition", edition_name.clone())]),
            t_args(lang, "news-sealed-summary", &[("commitment", d.seal.commitment.clone())]),
            d.sealed_at,
        ));
    }
    let versions = app.store.booklet_versions(slug, year).await?;
    items.extend(booklet_news(app, (slug, year), &versions, (&page, lang, now)).await?);
    if let (Some(w), Some(at)) = (edition.public_winner(now), edition.announce_at) {
        items.push(item(
            "vinnare",
            t_args(lang, "news-winner-title", &[("name", name_of(w)), ("edition", edition_name.clone())]),
            t_args(lang, "news-winner-summary", &[("name", name_of(w))]),
            at,
        ));
    }
    items.extend(moved_news(&app.store.timeline(slug, year).await?, &page, (lang, &edition_name)));
    let body = feed(&edition_name, &format!("{page}/nyheter.atom"), &page, &items);
    let later = cuts.iter().filter_map(|c| c.public_at).chain(versions.iter().map(|v| v.publish_at));
    let valid_until = edition.next_visibility_change(now).into_iter().chain(later.filter(|t| *t > now)).min();
    Ok(Rendered::new(Bytes::from(body), valid_until))
}
