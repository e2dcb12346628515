//! Entries (*bidrag*): a municipality's answers in one edition. The questionnaire and the
//! entrant portal come later; for now the status is what the public pages need.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryStatus {
    /// Nominated or invited, nothing written yet.
    Invited,
    /// Started, not submitted.
    Draft,
    Submitted,
    Withdrawn,
}

impl EntryStatus {
    pub const ALL: [EntryStatus; 4] =
        [EntryStatus::Invited, EntryStatus::Draft, EntryStatus::Submitted, EntryStatus::Withdrawn];

    pub fn as_str(self) -> &'static str {
        match self {
            EntryStatus::Invited => "invited",
            EntryStatus::Draft => "draft",
            EntryStatus::Submitted => "submitted",
            EntryStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<EntryStatus> {
        EntryStatus::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the municipality counts as taking part (its answers may be published).
    pub fn participates(self) -> bool {
        self == EntryStatus::Submitted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in EntryStatus::ALL {
            assert_eq!(EntryStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(EntryStatus::parse("sent"), None);
        assert!(EntryStatus::Submitted.participates());
        assert!(!EntryStatus::Withdrawn.participates());
    }
}
