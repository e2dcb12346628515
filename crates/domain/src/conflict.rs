//! Conflicts of interest (*jäv*): which municipalities a juror may not judge, and why.
//!
//! Three sources, in order of authority: automatic (the juror lives in or works for the
//! municipality, or — if the edition says so — anywhere in its county), declared by the juror
//! (with a reason, before reading), and set or lifted by the organiser (with a reason). The
//! organiser has the last word: a lift removes an automatic or declared conflict, a set adds one.
//! A juror cannot lift a conflict, not even one they declared themselves.

use serde::{Deserialize, Serialize};

use crate::municipality::MunicipalityCode;

/// The longest reason a declared or organiser-set conflict takes.
pub const MAX_REASON_CHARS: usize = 1_000;

/// What the edition counts as an automatic conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConflictPolicy {
    /// Also the other municipalities of the home and employer municipalities' counties.
    pub whole_county: bool,
}

/// What is known about a juror's ties, from their profile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ties {
    pub home: Option<MunicipalityCode>,
    pub employer: Option<MunicipalityCode>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConflictSource {
    LivesThere,
    WorksThere,
    SameCounty,
    DeclaredByJuror { reason: String },
    SetByOrganiser { reason: String },
}

/// A decision recorded by a person (the juror or an organiser) about one municipality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ruling {
    Declared { municipality: MunicipalityCode, reason: String },
    Set { municipality: MunicipalityCode, reason: String },
    Lifted { municipality: MunicipalityCode, reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidRuling {
    #[error("a conflict needs a reason")]
    NoReason,
}

impl Ruling {
    pub fn municipality(&self) -> MunicipalityCode {
        match self {
            Ruling::Declared { municipality, .. }
            | Ruling::Set { municipality, .. }
            | Ruling::Lifted { municipality, .. } => *municipality,
        }
    }

    /// The stored name of the ruling's kind: `declared`, `set` or `lifted`.
    pub fn kind(&self) -> &'static str {
        match self {
            Ruling::Declared { .. } => "declared",
            Ruling::Set { .. } => "set",
            Ruling::Lifted { .. } => "lifted",
        }
    }

    pub fn reason(&self) -> &str {
        let (Ruling::Declared { reason, .. } | Ruling::Set { reason, .. } | Ruling::Lifted { reason, .. }) =
            self;
        reason
    }

    /// The ruling stored as `kind`; `None` for an unknown kind.
    pub fn from_parts(kind: &str, municipality: MunicipalityCode, reason: String) -> Option<Ruling> {
        Some(match kind {
            "declared" => Ruling::Declared { municipality, reason },
            "set" => Ruling::Set { municipality, reason },
            "lifted" => Ruling::Lifted { municipality, reason },
            _ => return None,
        })
    }

    pub fn validate(&self) -> Result<(), InvalidRuling> {
        let (Ruling::Declared { reason, .. } | Ruling::Set { reason, .. } | Ruling::Lifted { reason, .. }) =
            self;
        if reason.trim().is_empty() { Err(InvalidRuling::NoReason) } else { Ok(()) }
    }
}

/// Why the juror is conflicted with `municipality`, or `None` if they are not. `rulings` are in
/// the order they were made; for the organiser, the latest set-or-lift wins.
pub fn conflict(
    ties: &Ties,
    policy: ConflictPolicy,
    rulings: &[Ruling],
    municipality: MunicipalityCode,
) -> Option<ConflictSource> {
    let organiser = rulings.iter().rev().find(|r| {
        r.municipality() == municipality && matches!(r, Ruling::Set { .. } | Ruling::Lifted { .. })
    });
    match organiser {
        Some(Ruling::Lifted { .. }) => return None,
        Some(Ruling::Set { reason, .. }) => {
            return Some(ConflictSource::SetByOrganiser { reason: reason.clone() });
        }
        _ => {}
    }
    if ties.home == Some(municipality) {
        return Some(ConflictSource::LivesThere);
    }
    if ties.employer == Some(municipality) {
        return Some(ConflictSource::WorksThere);
    }
    let county = municipality.county_code();
    if policy.whole_county && [ties.home, ties.employer].iter().flatten().any(|m| m.county_code() == county) {
        return Some(ConflictSource::SameCounty);
    }
    rulings.iter().find_map(|r| match r {
        Ruling::Declared { municipality: m, reason } if *m == municipality => {
            Some(ConflictSource::DeclaredByJuror { reason: reason.clone() })
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> MunicipalityCode {
        MunicipalityCode::parse(s).expect("code")
    }

    fn ties() -> Ties {
        // Lives in Upplands Väsby (Stockholm county), works for Uppsala.
        Ties { home: Some(code("0114")), employer: Some(code("0380")) }
    }

    #[test]
    fn home_and_employer_are_automatic_and_the_county_only_when_asked() {
        let off = ConflictPolicy::default();
        assert_eq!(conflict(&ties(), off, &[], code("0114")), Some(ConflictSource::LivesThere));
        assert_eq!(conflict(&ties(), off, &[], code("0380")), Some(ConflictSource::WorksThere));
        assert_eq!(conflict(&ties(), off, &[], code("0180")), None);
        let county = ConflictPolicy { whole_county: true };
        assert_eq!(conflict(&ties(), county, &[], code("0180")), Some(ConflictSource::SameCounty));
        assert_eq!(conflict(&ties(), county, &[], code("0381")), Some(ConflictSource::SameCounty));
        assert_eq!(conflict(&ties(), county, &[], code("1280")), None);
        assert_eq!(conflict(&Ties::default(), county, &[], code("0180")), None);
    }

    #[test]
    fn a_declared_conflict_counts_and_only_the_organiser_lifts_anything() {
        let declared =
            Ruling::Declared { municipality: code("1280"), reason: "Min bror är kommundirektör".into() };
        let rulings = [declared.clone()];
        assert_eq!(
            conflict(&ties(), ConflictPolicy::default(), &rulings, code("1280")),
            Some(ConflictSource::DeclaredByJuror { reason: "Min bror är kommundirektör".into() })
        );
        let lifted = Ruling::Lifted { municipality: code("1280"), reason: "Brodern har slutat".into() };
        let home_lifted = Ruling::Lifted { municipality: code("0114"), reason: "Flyttat i mars".into() };
        let rulings = [declared, lifted, home_lifted];
        assert_eq!(conflict(&ties(), ConflictPolicy::default(), &rulings, code("1280")), None);
        assert_eq!(conflict(&ties(), ConflictPolicy::default(), &rulings, code("0114")), None);
    }

    #[test]
    fn the_organisers_latest_word_wins() {
        let m = code("2480");
        let rulings = [
            Ruling::Set { municipality: m, reason: "Styrelseuppdrag".into() },
            Ruling::Lifted { municipality: m, reason: "Uppdraget avslutat".into() },
            Ruling::Set { municipality: m, reason: "Nytt uppdrag".into() },
        ];
        assert_eq!(
            conflict(&ties(), ConflictPolicy::default(), &rulings, m),
            Some(ConflictSource::SetByOrganiser { reason: "Nytt uppdrag".into() })
        );
        assert_eq!(conflict(&ties(), ConflictPolicy::default(), &rulings[..2], m), None);
    }

    #[test]
    fn every_ruling_needs_a_reason() {
        let r = Ruling::Declared { municipality: code("0114"), reason: "  ".into() };
        assert_eq!(r.validate(), Err(InvalidRuling::NoReason));
        let r = Ruling::Set { municipality: code("0114"), reason: "Jäv".into() };
        assert_eq!(r.validate(), Ok(()));
    }
}
