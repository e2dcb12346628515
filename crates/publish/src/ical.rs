//! Calendars as iCalendar (RFC 5545), for subscribing to one's site visits and the programme.
//! Times are written in UTC (`…Z`): the crate writes a TZID without a VTIMEZONE block otherwise,
//! which some calendar programs then misread.

use icalendar::{Calendar, Component, Event, EventLike};

/// One event; times are unix seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalEvent {
    /// Stable across downloads, so a subscribed calendar updates the event instead of adding one.
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub location: String,
    /// A link for the event (a digital meeting's), as its URL.
    pub url: Option<String>,
    pub starts: i64,
    pub ends: i64,
}

/// A whole-day event (or days): the first and last day as (year, month, day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalDays {
    pub uid: String,
    pub summary: String,
    pub first: (i32, u32, u32),
    pub last: (i32, u32, u32),
}

/// The calendar as text: timed events in UTC, and whole-day events as dates. `now` (unix
/// seconds, the caller's clock) is each event's DTSTAMP, so the same calendar at the same
/// moment is the same bytes.
pub fn calendar(name: &str, events: &[CalEvent], now: i64) -> String {
    calendar_with_days(name, events, &[], now)
}

pub fn calendar_with_days(name: &str, events: &[CalEvent], days: &[CalDays], now: i64) -> String {
    let stamp = chrono::DateTime::from_timestamp(now, 0).unwrap_or_default();
    let mut cal = Calendar::new();
    cal.name(name);
    for d in days {
        let date = |(y, m, d): (i32, u32, u32)| chrono::NaiveDate::from_ymd_opt(y, m, d);
        let (Some(first), Some(last)) = (date(d.first), date(d.last)) else { continue };
        // DTEND of a whole-day event is the day after the last (exclusive).
        let Some(end) = last.succ_opt() else { continue };
        cal.push(
            Event::new().uid(&d.uid).timestamp(stamp).summary(&d.summary).starts(first).ends(end).done(),
        );
    }
    for e in events {
        let (Some(starts), Some(ends)) =
            (chrono::DateTime::from_timestamp(e.starts, 0), chrono::DateTime::from_timestamp(e.ends, 0))
        else {
            continue;
        };
        let mut event = Event::new();
        event
            .uid(&e.uid)
            .timestamp(stamp)
            .summary(&e.summary)
            .description(&e.description)
            .location(&e.location);
        if let Some(url) = &e.url {
            event.url(url);
        }
        cal.push(event.starts(starts).ends(ends).done());
    }
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_in_utc_with_their_text_escaped() {
        let text = calendar(
            "Mina besök",
            &[CalEvent {
                uid: "visit-1@juryn".into(),
                summary: "Besök i Lidingö".into(),
                description: "Frågor: effekter, nästa steg; budget".into(),
                location: "Stadshuset, Lidingö".into(),
                url: Some("https://meet.example.se/lidingo".into()),
                starts: 1_567_497_600,
                ends: 1_567_512_000,
            }],
            1_567_000_000,
        );
        assert!(text.contains("DTSTAMP:20190828T134640Z"), "the caller's time: {text}");
        assert!(text.starts_with("BEGIN:VCALENDAR"));
        assert!(text.contains("DTSTART:20190903T080000Z"), "{text}");
        assert!(text.contains("DTEND:20190903T120000Z"));
        assert!(text.contains("UID:visit-1@juryn"));
        assert!(text.contains("LOCATION:Stadshuset\\, Lidingö"), "{text}");
        assert!(text.contains("URL:https://meet.example.se/lidingo"), "{text}");
        assert!(!text.contains("TZID"));
    }

    #[test]
    fn whole_days_are_dates_with_an_exclusive_end() {
        let text = calendar_with_days(
            "Tidsplan",
            &[],
            &[CalDays {
                uid: "t-1@juryn".into(),
                summary: "Platsbesök".into(),
                first: (2019, 8, 1),
                last: (2019, 9, 30),
            }],
            0,
        );
        assert!(text.contains("DTSTART;VALUE=DATE:20190801"), "{text}");
        assert!(text.contains("DTEND;VALUE=DATE:20191001"), "{text}");
    }
}
