//! Open data: the entries a municipality agreed to publish, under a licence the organiser
//! chooses, public from a time the organiser sets.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::entry::EntryStatus;

/// The licences offered: the two that let anyone reuse the texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Licence {
    #[serde(rename = "CC0-1.0")]
    Cc0,
    #[serde(rename = "CC-BY-4.0")]
    CcBy4,
}

impl Licence {
    pub const ALL: [Licence; 2] = [Licence::CcBy4, Licence::Cc0];

    /// The SPDX identifier, as stored and as the data state it.
    pub fn spdx(self) -> &'static str {
        match self {
            Licence::Cc0 => "CC0-1.0",
            Licence::CcBy4 => "CC-BY-4.0",
        }
    }

    pub fn url(self) -> &'static str {
        match self {
            Licence::Cc0 => "https://creativecommons.org/publicdomain/zero/1.0/",
            Licence::CcBy4 => "https://creativecommons.org/licenses/by/4.0/",
        }
    }

    pub fn parse(s: &str) -> Option<Licence> {
        Licence::ALL.into_iter().find(|l| l.spdx() == s)
    }
}

/// Whether the open data are public at `now`: a licence is chosen and the time has come.
pub fn published(licence: Option<Licence>, public_at: Option<Timestamp>, now: Timestamp) -> bool {
    licence.is_some() && public_at.is_some_and(|t| t <= now)
}

/// Why an entry is left out of the open data, if it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOut {
    NotSubmitted,
    NoConsent,
}

/// An entry goes into the open data when it is submitted and its municipality consented.
pub fn left_out(status: EntryStatus, consent: bool) -> Option<LeftOut> {
    if status != EntryStatus::Submitted {
        Some(LeftOut::NotSubmitted)
    } else if !consent {
        Some(LeftOut::NoConsent)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_submitted_consenting_entries_go_out_and_only_from_their_time() {
        assert_eq!(left_out(EntryStatus::Submitted, true), None);
        assert_eq!(left_out(EntryStatus::Submitted, false), Some(LeftOut::NoConsent));
        assert_eq!(left_out(EntryStatus::Draft, true), Some(LeftOut::NotSubmitted));
        let t: Timestamp = "2019-06-15T08:00:00Z".parse().unwrap();
        let before: Timestamp = "2019-06-15T07:59:59Z".parse().unwrap();
        assert!(!published(Some(Licence::CcBy4), Some(t), before));
        assert!(published(Some(Licence::CcBy4), Some(t), t));
        assert!(!published(None, Some(t), t));
        assert_eq!(Licence::parse("CC0-1.0"), Some(Licence::Cc0));
    }
}
