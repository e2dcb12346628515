//! When the call for entries is open, and how its times read in Stockholm.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// The call's window. Entries may be changed from `opens_at` until `closes_at` plus the grace
/// period; the page shows `closes_at` as the deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CallWindow {
    pub opens_at: Option<Timestamp>,
    pub closes_at: Option<Timestamp>,
    pub grace_minutes: u32,
}

/// Whether an entry takes changes at `now`: while the call does, or until the entry's own
/// completion deadline (a nominated municipality completing its text after the call closed).
pub fn entry_accepts_changes(call: &CallWindow, complete_until: Option<Timestamp>, now: Timestamp) -> bool {
    call.accepts_changes(now) || complete_until.is_some_and(|until| now < until)
}

impl CallWindow {
    /// The last instant at which a save is taken: the deadline plus the grace period.
    pub fn last_moment(&self) -> Option<Timestamp> {
        let grace = SignedDuration::from_mins(i64::from(self.grace_minutes));
        self.closes_at.and_then(|t| t.checked_add(grace).ok())
    }

    /// Whether entries may be saved, submitted or withdrawn at `now`. A call without a deadline
    /// takes nothing: it has not been set up.
    pub fn accepts_changes(&self, now: Timestamp) -> bool {
        let opened = self.opens_at.is_none_or(|t| t <= now);
        opened && self.last_moment().is_some_and(|t| now < t)
    }
}

/// Where the call stands at an instant: the one answer every page gives (the organiser's, the
/// municipality's, the public's), from the window alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallState {
    /// No deadline is set: the call has not been set up.
    NotSetUp,
    /// It opens then.
    Opens(Timestamp),
    /// Open until this deadline (the grace period is the server's kindness, not a promise).
    OpenUntil(Timestamp),
    /// Closed since this deadline.
    ClosedSince(Timestamp),
}

impl CallWindow {
    /// The call's state at `now`: open exactly when `accepts_changes`.
    pub fn state(&self, now: Timestamp) -> CallState {
        let Some(closes) = self.closes_at else { return CallState::NotSetUp };
        match self.opens_at {
            Some(opens) if now < opens => CallState::Opens(opens),
            _ if self.accepts_changes(now) => CallState::OpenUntil(closes),
            _ => CallState::ClosedSince(closes),
        }
    }
}

static STOCKHOLM: std::sync::LazyLock<TimeZone> =
    std::sync::LazyLock::new(|| TimeZone::get("Europe/Stockholm").unwrap_or(TimeZone::UTC));

/// Europe/Stockholm, from the tz database compiled into the binary (looked up once).
pub fn stockholm() -> TimeZone {
    STOCKHOLM.clone()
}

/// The date in Stockholm at `t`, as YYYY-MM-DD.
pub fn stockholm_date(t: Timestamp) -> String {
    t.to_zoned(stockholm()).date().to_string()
}

/// An instant as a reader in Sweden reads it, with the zone: "29 mars 2019 kl. 23.59 (CET)",
/// "29 March 2019, 23:59 (CET)". Summer time shows as CEST.
pub fn format_time(t: Timestamp, lang: Lang) -> String {
    let z = t.to_zoned(stockholm());
    let month = crate::timeline::month_name(lang, z.month());
    let zone = z.strftime("%Z");
    match lang {
        Lang::Sv => {
            format!("{} {month} {} kl. {:02}.{:02} ({zone})", z.day(), z.year(), z.hour(), z.minute())
        }
        Lang::En => format!("{} {month} {}, {:02}:{:02} ({zone})", z.day(), z.year(), z.hour(), z.minute()),
    }
}

/// A moment moved by a span of calendar time in Stockholm: the same time of day whatever the
/// clocks did (29 February moved a year becomes 28 February).
pub fn moved(t: Timestamp, by: jiff::Span) -> Timestamp {
    t.to_zoned(stockholm()).checked_add(by).map_or(t, |z| z.timestamp())
}

/// A span of time as people write it: "12 november 2019 kl. 19.00–23.00 (CET)" within a day,
/// "12 november 2019 kl. 19.00 – 13 november 2019 kl. 01.00 (CET)" across days (the zone said
/// once when both ends share it).
pub fn format_span(start: Timestamp, end: Timestamp, lang: Lang) -> String {
    let (a, b) = (start.to_zoned(stockholm()), end.to_zoned(stockholm()));
    let (za, zb) = (a.strftime("%Z").to_string(), b.strftime("%Z").to_string());
    let clock = |z: &jiff::Zoned| match lang {
        Lang::Sv => format!("{:02}.{:02}", z.hour(), z.minute()),
        Lang::En => format!("{:02}:{:02}", z.hour(), z.minute()),
    };
    if a.date() == b.date() && za == zb {
        let month = crate::timeline::month_name(lang, a.month());
        return match lang {
            Lang::Sv => format!("{} {month} {} kl. {}–{} ({za})", a.day(), a.year(), clock(&a), clock(&b)),
            Lang::En => format!("{} {month} {}, {}–{} ({za})", a.day(), a.year(), clock(&a), clock(&b)),
        };
    }
    let zoneless = |t: Timestamp| {
        let text = format_time(t, lang);
        text.rsplit_once(" (").map_or(text.clone(), |(head, _)| head.to_owned())
    };
    if za == zb {
        format!("{} – {} ({za})", zoneless(start), zoneless(end))
    } else {
        format!("{} – {}", format_time(start, lang), format_time(end, lang))
    }
}

#[cfg(test)]
mod span_tests {
    use super::*;

    #[test]
    fn a_span_within_a_day_names_the_day_once() {
        let t = |s: &str| s.parse::<Timestamp>().unwrap();
        assert_eq!(
            format_span(t("2019-11-12T18:00:00Z"), t("2019-11-12T22:00:00Z"), Lang::Sv),
            "12 november 2019 kl. 19.00–23.00 (CET)"
        );
        assert_eq!(
            format_span(t("2019-11-12T18:00:00Z"), t("2019-11-12T22:00:00Z"), Lang::En),
            "12 November 2019, 19:00–23:00 (CET)"
        );
        assert_eq!(
            format_span(t("2019-11-12T18:00:00Z"), t("2019-11-13T00:30:00Z"), Lang::Sv),
            "12 november 2019 kl. 19.00 – 13 november 2019 kl. 01.30 (CET)"
        );
        // Across the change to summer time each end says its own zone.
        assert_eq!(
            format_span(t("2019-03-30T10:00:00Z"), t("2019-03-31T10:00:00Z"), Lang::Sv),
            "30 mars 2019 kl. 11.00 (CET) – 31 mars 2019 kl. 12.00 (CEST)"
        );
    }
}

#[cfg(test)]
mod state_tests {
    use super::*;

    #[test]
    fn the_state_is_open_exactly_when_changes_are_taken() {
        let t = |s: &str| s.parse::<Timestamp>().unwrap();
        let w = CallWindow {
            opens_at: Some(t("2026-12-09T08:00:00Z")),
            closes_at: Some(t("2027-03-29T21:59:00Z")),
            grace_minutes: 10,
        };
        assert_eq!(w.state(t("2026-12-02T10:00:00Z")), CallState::Opens(t("2026-12-09T08:00:00Z")));
        assert_eq!(w.state(t("2027-01-01T10:00:00Z")), CallState::OpenUntil(t("2027-03-29T21:59:00Z")));
        assert_eq!(
            w.state(t("2027-03-29T22:05:00Z")),
            CallState::OpenUntil(t("2027-03-29T21:59:00Z")),
            "grace"
        );
        assert_eq!(w.state(t("2027-03-29T22:10:00Z")), CallState::ClosedSince(t("2027-03-29T21:59:00Z")));
        for now in
            ["2026-12-02T10:00:00Z", "2027-01-01T10:00:00Z", "2027-03-29T22:05:00Z", "2027-04-01T00:00:00Z"]
        {
            let open = matches!(w.state(t(now)), CallState::OpenUntil(_));
            assert_eq!(open, w.accepts_changes(t(now)), "{now}");
        }
        assert_eq!(CallWindow::default().state(t("2027-01-01T10:00:00Z")), CallState::NotSetUp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn the_window_takes_changes_until_the_deadline_and_its_grace() {
        let w = CallWindow {
            opens_at: Some(at("2019-01-15T08:00:00Z")),
            closes_at: Some(at("2019-03-29T22:59:00Z")),
            grace_minutes: 0,
        };
        assert!(!w.accepts_changes(at("2019-01-15T07:59:59Z")));
        assert!(w.accepts_changes(at("2019-01-15T08:00:00Z")));
        assert!(w.accepts_changes(at("2019-03-29T22:58:59Z")));
        assert!(!w.accepts_changes(at("2019-03-29T22:59:00Z")), "not one second after");
        let graced = CallWindow { grace_minutes: 15, ..w };
        assert!(graced.accepts_changes(at("2019-03-29T23:13:59Z")));
        assert!(!graced.accepts_changes(at("2019-03-29T23:14:00Z")));
        assert!(!CallWindow::default().accepts_changes(at("2019-03-01T00:00:00Z")));
    }

    #[test]
    fn times_read_in_stockholm_with_the_zone_and_summer_time() {
        assert_eq!(format_time(at("2019-03-29T22:59:00Z"), Lang::Sv), "29 mars 2019 kl. 23.59 (CET)");
        assert_eq!(format_time(at("2019-05-31T08:00:00Z"), Lang::Sv), "31 maj 2019 kl. 10.00 (CEST)");
        assert_eq!(format_time(at("2019-05-31T08:00:00Z"), Lang::En), "31 May 2019, 10:00 (CEST)");
        // The night summer time begins: 01:59 CET is followed by 03:00 CEST.
        assert_eq!(format_time(at("2019-03-31T00:59:00Z"), Lang::Sv), "31 mars 2019 kl. 01.59 (CET)");
        assert_eq!(format_time(at("2019-03-31T01:00:00Z"), Lang::Sv), "31 mars 2019 kl. 03.00 (CEST)");
    }
}
