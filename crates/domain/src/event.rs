//! The edition's programme: the gala, the nominees' seminars, the winner's own seminar, the
//! inspiration day the year after — each with a time, a place, who presents and a description.
//!
//! A presenter may be "the winner": until the announcement the programme says so without a
//! name, so the programme cannot give the winner away.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::lang::LocalizedText;
use crate::municipality::MunicipalityCode;

/// The longest text of an event, in characters.
pub const MAX_TEXT: usize = 5_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Gala,
    Seminar,
    WinnerSeminar,
    InspirationDay,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 5] = [
        EventKind::Gala,
        EventKind::Seminar,
        EventKind::WinnerSeminar,
        EventKind::InspirationDay,
        EventKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Gala => "gala",
            EventKind::Seminar => "seminar",
            EventKind::WinnerSeminar => "winner-seminar",
            EventKind::InspirationDay => "inspiration-day",
            EventKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Who presents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Presenter {
    Municipality(MunicipalityCode),
    Person(String),
    /// The edition's winner, named only once announced.
    Winner,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub kind: EventKind,
    pub title: LocalizedText,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub place: String,
    pub presenters: Vec<Presenter>,
    pub description: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidEvent {
    #[error("the event needs a title")]
    NoTitle,
    #[error("the event ends before it starts")]
    EndsBeforeStart,
    #[error("a text is longer than {MAX_TEXT} characters")]
    TooLong,
}

impl Event {
    pub fn validate(&self) -> Result<(), InvalidEvent> {
        if self.title.sv.trim().is_empty() {
            return Err(InvalidEvent::NoTitle);
        }
        if self.ends_at <= self.starts_at {
            return Err(InvalidEvent::EndsBeforeStart);
        }
        let long = |s: &str| s.chars().count() > MAX_TEXT;
        if long(&self.title.sv) || long(&self.place) || long(&self.description.sv) {
            return Err(InvalidEvent::TooLong);
        }
        Ok(())
    }
}

/// A presenter as the public may see them at a moment: the winner's name only once the winner
/// is public (`winner` is `Edition::public_winner`).
pub fn public_presenter(p: &Presenter, winner: Option<MunicipalityCode>) -> Presenter {
    match (p, winner) {
        (Presenter::Winner, Some(w)) => Presenter::Municipality(w),
        (other, _) => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gala() -> Event {
        Event {
            kind: EventKind::Gala,
            title: LocalizedText::new("Galan", "The gala"),
            starts_at: "2019-11-12T18:00:00Z".parse().unwrap(),
            ends_at: "2019-11-12T22:00:00Z".parse().unwrap(),
            place: "GöteborgsOperan".into(),
            presenters: vec![],
            description: LocalizedText::default(),
        }
    }

    #[test]
    fn an_event_needs_a_title_and_an_order() {
        assert_eq!(gala().validate(), Ok(()));
        let mut e = gala();
        e.title.sv = " ".into();
        assert_eq!(e.validate(), Err(InvalidEvent::NoTitle));
        let mut e = gala();
        e.ends_at = e.starts_at;
        assert_eq!(e.validate(), Err(InvalidEvent::EndsBeforeStart));
    }

    #[test]
    fn the_winner_is_named_only_when_public() {
        let lidingo = MunicipalityCode::parse("0186").unwrap();
        assert_eq!(public_presenter(&Presenter::Winner, None), Presenter::Winner);
        assert_eq!(public_presenter(&Presenter::Winner, Some(lidingo)), Presenter::Municipality(lidingo));
        let p = Presenter::Person("Anna".into());
        assert_eq!(public_presenter(&p, Some(lidingo)), p);
    }
}
