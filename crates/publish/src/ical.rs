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
    pub starts: i64,
    pub ends: i64,
}

/// The calendar as text.
pub fn calendar(name: &str, events: &[CalEvent]) -> String {
    let mut cal = Calendar::new();
    cal.name(name);
    for e in events {
        let (Some(starts), Some(ends)) =
            (chrono::DateTime::from_timestamp(e.starts, 0), chrono::DateTime::from_timestamp(e.ends, 0))
        else {
            continue;
        };
        cal.push(
            Event::new()
                .uid(&e.uid)
                .summary(&e.summary)
                .description(&e.description)
                .location(&e.location)
                .starts(starts)
                .ends(ends)
                .done(),
        );
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
                starts: 1_567_497_600,
                ends: 1_567_512_000,
            }],
        );
        assert!(text.starts_with("BEGIN:VCALENDAR"));
        assert!(text.contains("DTSTART:20190903T080000Z"), "{text}");
        assert!(text.contains("DTEND:20190903T120000Z"));
        assert!(text.contains("UID:visit-1@juryn"));
        assert!(text.contains("LOCATION:Stadshuset\\, Lidingö"), "{text}");
        assert!(!text.contains("TZID"));
    }
}
