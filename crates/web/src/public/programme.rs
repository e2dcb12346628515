//! `/{award}/{year}/program`: the edition's programme — gala, seminars, inspiration day — and
//! `/{award}/{year}/program.ics`, the same as an iCal feed (UTC times). The winner's own events
//! name the winner only from the announcement; before it they say the winner is to be announced.

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::Response;
use bytes::Bytes;
use jiff::Timestamp;
use juryn_domain::event::{Event, Presenter, public_presenter};
use juryn_domain::{Lang, MunicipalityCode, format_time};

use crate::app::AppState;
use crate::cache::{Feed, PageKey, Rendered};
use crate::cached_page::{cached, kept_as, kept_or_render, rendered};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;

pub struct EventView {
    pub when: String,
    pub title: String,
    pub place: String,
    pub presenters: String,
    pub description: String,
}

#[derive(Template)]
#[template(path = "programme.html")]
struct ProgrammePage {
    l: Layout,
    events: Vec<EventView>,
    feed: String,
}

fn presenters(
    lang: Lang,
    e: &Event,
    winner: Option<MunicipalityCode>,
    announce: Option<Timestamp>,
) -> String {
    e.presenters
        .iter()
        .map(|p| match public_presenter(p, winner) {
            Presenter::Municipality(c) => juryn_domain::municipality::name_of(c),
            Presenter::Person(name) => name,
            Presenter::Winner => match announce {
                Some(at) => t_args(lang, "programme-winner-at", &[("time", format_time(at, lang))]),
                None => t(lang, "programme-winner"),
            },
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn view(lang: Lang, e: &Event, winner: Option<MunicipalityCode>, announce: Option<Timestamp>) -> EventView {
    EventView {
        when: juryn_domain::format_span(e.starts_at, e.ends_at, lang),
        title: e.title.get(lang).to_owned(),
        place: e.place.clone(),
        presenters: presenters(lang, e, winner, announce),
        description: e.description.get(lang).to_owned(),
    }
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    let store = app.store.clone();
    cached(&app, PageKey::Programme(slug.to_string(), year, lang), lang, |now: Timestamp| async move {
        let (award, edition) = award_and_edition(&*store, &slug, year).await?;
        let winner = edition.public_winner(now);
        let events = store.events(&slug, year).await?;
        let title =
            t_args(lang, "programme-title", &[("edition", format!("{} {year}", award.name.get(lang)))]);
        let here = format!("/{slug}/{year}");
        let page = ProgrammePage {
            l: Layout::new(lang, title, format!("{here}/program"))
                .for_award(&award)
                .crumb(award.name.get(lang).to_owned(), format!("/{slug}"))
                .crumb(year.to_string(), here.clone())
                .crumb(t(lang, "programme-crumb"), ""),
            events: events.iter().map(|e| view(lang, e, winner, edition.announce_at)).collect(),
            feed: format!("{here}/program.ics"),
        };
        rendered(&page, edition.next_visibility_change(now))
    })
    .await
}

pub async fn feed(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    let key = PageKey::Feed(slug.to_string(), year, lang, Feed::Programme);
    let page = kept_or_render(&app, key, |now| calendar(&app, (&slug, year), lang, now)).await?;
    Ok(kept_as(&page, "text/calendar; charset=utf-8"))
}

/// The programme as a calendar; kept until the announcement, when the winner's name enters.
async fn calendar(
    app: &AppState,
    (slug, year): (&juryn_domain::Slug, i16),
    lang: Lang,
    now: Timestamp,
) -> Result<Rendered, WebError> {
    let (award_row, edition) = award_and_edition(&*app.store, slug, year).await?;
    let winner = edition.public_winner(now);
    let events: Vec<juryn_publish::ical::CalEvent> = app
        .store
        .events(slug, year)
        .await?
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let who = presenters(lang, e, winner, edition.announce_at);
            juryn_publish::ical::CalEvent {
                uid: format!("{slug}-{year}-event-{i}@juryn"),
                summary: e.title.get(lang).to_owned(),
                description: if who.is_empty() {
                    e.description.get(lang).to_owned()
                } else {
                    format!("{}\n{who}", e.description.get(lang))
                },
                location: e.place.clone(),
                url: None,
                starts: e.starts_at.as_second(),
                ends: e.ends_at.as_second(),
            }
        })
        .collect();
    let name = format!("{} {year}", award_row.name.get(lang));
    let body = juryn_publish::ical::calendar(&name, &events, now.as_second());
    Ok(Rendered::new(Bytes::from(body), edition.next_visibility_change(now)))
}
