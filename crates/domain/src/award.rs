//! Awards (*utmärkelser*) and their editions (*omgångar*), and what of an edition the public
//! may see at a given moment.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::lang::LocalizedText;
use crate::municipality::MunicipalityCode;
use crate::phase::{self, Phase};
use crate::slug::Slug;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Award {
    pub slug: Slug,
    pub name: LocalizedText,
    /// Who gives the award, e.g. "Dataföreningen".
    pub organiser: String,
    /// What the award is, in a paragraph or two.
    pub description: LocalizedText,
    /// The one sentence the winner is measured by.
    pub criterion: LocalizedText,
    /// How the winner is chosen, in limited Markdown (an edition may say more of its own).
    #[serde(default)]
    pub how_chosen: LocalizedText,
    /// What the winner receives, e.g. "Ett diplom och rätten att använda utmärkelsens logotyp i ett år".
    #[serde(default)]
    pub prize: LocalizedText,
    /// The kind of the award's logo ("png" or "jpg") when it has one; the bytes are kept apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edition {
    pub award: Slug,
    pub year: i16,
    /// The how-manieth time the award is given ("tionde gången"), if the organiser counts.
    pub ordinal: Option<u16>,
    pub phase: Phase,
    /// How the winner is chosen, as the organiser explains it to the public.
    pub selection: LocalizedText,
    /// When the nominees become public; they are not shown before, whatever the phase.
    pub nominees_public_at: Option<Timestamp>,
    /// When the winner becomes public (the gala); never shown before.
    pub announce_at: Option<Timestamp>,
    /// The shortlisted municipalities, in the order the organiser presents them.
    pub nominees: Vec<MunicipalityCode>,
    pub winner: Option<MunicipalityCode>,
    pub shortlist_min: u16,
    pub shortlist_max: u16,
    /// When entries may be written and submitted.
    pub call: crate::call::CallWindow,
}

/// What of an edition the public may see at one moment. Computed from the clock at request
/// time, so nothing has to be switched on at the announcement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visibility {
    pub phase: Phase,
    pub nominees: bool,
    pub winner: bool,
}

/// The years an edition may have.
pub const EDITION_YEARS: std::ops::RangeInclusive<i16> = 1900..=2100;

/// The most nominees a shortlist may be set to hold.
pub const MAX_SHORTLIST: u16 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the shortlist's bounds must satisfy 1 ≤ least ≤ most ≤ {MAX_SHORTLIST}")]
pub struct InvalidShortlistBounds;

/// Checks an edition's bounds for the shortlist (3–5 for the demo award).
pub fn check_shortlist_bounds(min: u16, max: u16) -> Result<(), InvalidShortlistBounds> {
    if (1..=max).contains(&min) && max <= MAX_SHORTLIST { Ok(()) } else { Err(InvalidShortlistBounds) }
}

impl Edition {
    /// Questions may change only before the call has opened, by the organiser's hand or by the
    /// clock.
    pub fn questions_editable(&self, now: Timestamp) -> bool {
        self.phase == Phase::Draft && self.call.opens_at.is_none_or(|t| now < t)
    }

    pub fn visibility(&self, now: Timestamp) -> Visibility {
        let phase = phase::effective_phase(self.phase, self.announce_at, now);
        let nominees = phase >= Phase::Nominated
            && self.nominees_public_at.is_some_and(|t| t <= now)
            && !self.nominees.is_empty();
        let winner =
            phase >= Phase::Announced && self.winner.is_some() && self.announce_at.is_some_and(|t| t <= now);
        Visibility { phase, nominees, winner }
    }

    /// The nominees the public may see at `now` (empty before they are published).
    pub fn public_nominees(&self, now: Timestamp) -> &[MunicipalityCode] {
        if self.visibility(now).nominees { &self.nominees } else { &[] }
    }

    /// The winner the public may see at `now` (`None` before the announcement).
    pub fn public_winner(&self, now: Timestamp) -> Option<MunicipalityCode> {
        self.winner.filter(|_| self.visibility(now).winner)
    }

    /// The earliest future moment at which what the public sees changes, if any. A cache of a
    /// public page must not outlive it.
    pub fn next_visibility_change(&self, now: Timestamp) -> Option<Timestamp> {
        [self.nominees_public_at, self.announce_at].into_iter().flatten().filter(|t| *t > now).min()
    }
}

/// The ordinal as a Swedish phrase ("tionde gången"), for 1–20; `None` beyond.
pub fn ordinal_sv(n: u16) -> Option<&'static str> {
    const WORDS: [&str; 20] = [
        "första",
        "andra",
        "tredje",
        "fjärde",
        "femte",
        "sjätte",
        "sjunde",
        "åttonde",
        "nionde",
        "tionde",
        "elfte",
        "tolfte",
        "trettonde",
        "fjortonde",
        "femtonde",
        "sextonde",
        "sjuttonde",
        "artonde",
        "nittonde",
        "tjugonde",
    ];
    WORDS.get(usize::from(n).checked_sub(1)?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn edition(phase: Phase) -> Edition {
        Edition {
            award: Slug::parse("digitaliseringskommun").unwrap(),
            year: 2019,
            ordinal: Some(10),
            phase,
            selection: LocalizedText::sv_only("Juryn väljer."),
            nominees_public_at: Some(at("2019-05-31T08:00:00Z")),
            announce_at: Some(at("2019-11-12T18:00:00Z")),
            nominees: ["1082", "1780", "0186", "0181", "2480"]
                .map(|c| MunicipalityCode::parse(c).unwrap())
                .to_vec(),
            winner: Some(MunicipalityCode::parse("0186").unwrap()),
            shortlist_min: 3,
            shortlist_max: 5,
            call: Default::default(),
        }
    }

    #[test]
    fn nominees_appear_at_their_publication_time_and_not_before() {
        let e = edition(Phase::Nominated);
        assert!(e.public_nominees(at("2019-05-31T07:59:59Z")).is_empty());
        assert_eq!(e.public_nominees(at("2019-05-31T08:00:00Z")).len(), 5);
        assert!(edition(Phase::Shortlisting).public_nominees(at("2019-06-01T00:00:00Z")).is_empty());
    }

    #[test]
    fn the_winner_is_secret_until_the_announcement_whatever_is_stored() {
        for phase in Phase::ALL {
            let e = edition(phase);
            assert_eq!(e.public_winner(at("2019-11-12T17:59:59Z")), None, "{phase}");
        }
        let e = edition(Phase::Decided);
        assert_eq!(e.public_winner(at("2019-11-12T18:00:00Z")).map(|c| c.to_string()), Some("0186".into()));
        // A winner stored before the decision is recorded (a draft) is never shown.
        let e = edition(Phase::Deliberation);
        assert_eq!(e.public_winner(at("2020-01-01T00:00:00Z")), None);
    }

    #[test]
    fn the_next_change_is_the_next_publication_time() {
        let e = edition(Phase::Nominated);
        assert_eq!(e.next_visibility_change(at("2019-01-01T00:00:00Z")), Some(at("2019-05-31T08:00:00Z")));
        assert_eq!(e.next_visibility_change(at("2019-06-01T00:00:00Z")), Some(at("2019-11-12T18:00:00Z")));
        assert_eq!(e.next_visibility_change(at("2019-12-01T00:00:00Z")), None);
    }

    #[test]
    fn ordinals_in_swedish() {
        assert_eq!(ordinal_sv(10), Some("tionde"));
        assert_eq!(ordinal_sv(1), Some("första"));
        assert_eq!(ordinal_sv(0), None);
        assert_eq!(ordinal_sv(21), None);
    }

    #[test]
    fn shortlist_bounds_run_from_one_to_twenty() {
        assert_eq!(check_shortlist_bounds(3, 5), Ok(()));
        assert_eq!(check_shortlist_bounds(1, 1), Ok(()));
        assert_eq!(check_shortlist_bounds(0, 5), Err(InvalidShortlistBounds));
        assert_eq!(check_shortlist_bounds(6, 5), Err(InvalidShortlistBounds));
        assert_eq!(check_shortlist_bounds(3, 21), Err(InvalidShortlistBounds));
    }
}
