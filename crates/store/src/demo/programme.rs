//! The 2019 programme: the gala at GöteborgsOperan, the nominees' seminar and the winner's own
//! at Kvalitetsmässan in the days after, and an inspiration day with the winner the spring after
//! (its date invented). When the demo moves the gala a week ahead, everything moves with it.

use jiff::{SignedDuration, Timestamp};
use juryn_domain::event::{Event, EventKind, Presenter};
use juryn_domain::{LocalizedText, Slug};

use super::sdk2019::{self, AWARD_SLUG, YEAR};
use super::stamp;
use crate::{Result, Store, StoreError};

fn hours(h: i64) -> SignedDuration {
    SignedDuration::from_hours(h)
}

/// The programme around a gala starting at `gala`.
pub fn events(gala: Timestamp) -> Vec<Event> {
    let at = |offset: i64| gala.checked_add(hours(offset)).unwrap_or(gala);
    let text = LocalizedText::new;
    // The inspiration day comes in the spring after the gala: 22 April 2020 for the real one.
    let gala_day = gala.to_zoned(juryn_domain::call::stockholm()).date();
    let spring = gala_day.checked_add(jiff::Span::new().days(162)).unwrap_or(gala_day);
    vec![
        Event {
            kind: EventKind::Gala,
            title: text("Galan: vinnaren tillkännages", "The gala: the winner is announced"),
            starts_at: gala,
            ends_at: at(4),
            place: "GöteborgsOperan, Göteborg".into(),
            presenters: vec![],
            description: text(
                "Utmärkelsen delas ut under Kvalitetsmässans galakväll.",
                "The award is presented at the Kvalitetsmässan gala evening.",
            ),
        },
        Event {
            kind: EventKind::Seminar,
            title: text("De nominerade berättar", "The nominees tell their story"),
            starts_at: at(15),
            ends_at: at(17),
            place: "Kvalitetsmässan, Svenska Mässan, Göteborg".into(),
            presenters: sdk2019::nominees().into_iter().map(Presenter::Municipality).collect(),
            description: text(
                "De fem nominerade kommunerna visar sitt utvecklingsarbete.",
                "The five nominated municipalities present their work.",
            ),
        },
        Event {
            kind: EventKind::WinnerSeminar,
            title: text("Vinnarens seminarium", "The winner's seminar"),
            starts_at: at(39),
            ends_at: at(40),
            place: "Kvalitetsmässan, Svenska Mässan, Göteborg".into(),
            presenters: vec![Presenter::Winner],
            description: text("Årets digitaliseringskommun berättar.", "This year's winner tells its story."),
        },
        Event {
            kind: EventKind::InspirationDay,
            title: text("Inspirationsdag med vinnaren", "Inspiration day with the winner"),
            starts_at: sdk2019::stockholm(spring, 9, 0),
            ends_at: sdk2019::stockholm(spring, 16, 0),
            place: "Hos vinnaren (exempel)".into(),
            presenters: vec![Presenter::Winner],
            description: text("Datumet är ett exempel.", "The date is an example."),
        },
    ]
}

/// Writes the programme around the edition's announcement time, else the timeline's gala (which
/// the demo moves with its story), else the real gala.
pub async fn load(store: &dyn Store, now: Timestamp) -> Result<()> {
    let slug = Slug::parse(AWARD_SLUG).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let edition =
        store.edition(&slug, YEAR).await?.ok_or_else(|| StoreError::NoEdition(slug.clone(), YEAR))?;
    let timeline_gala = store
        .timeline(&slug, YEAR)
        .await?
        .into_iter()
        .find(|m| m.kind == juryn_domain::MilestoneKind::Gala)
        .map(|m| sdk2019::stockholm(m.span.start(), 19, 0));
    let gala = edition
        .announce_at
        .or(timeline_gala)
        .unwrap_or_else(|| sdk2019::stockholm(jiff::civil::date(2019, 11, 12), 19, 0));
    store.put_events(&slug, YEAR, &events(gala), &stamp(now)).await
}
