//! Entries (*bidrag*): a municipality's answers in one edition — its status, and what a save
//! makes of it, whether the save comes from the portal's form or the API.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::questionnaire::{AnswerProblem, Question, check_answers};

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

/// What the person asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Keep the answers (a draft, or changes to a submitted entry, which stays submitted).
    Save,
    Submit,
    Withdraw,
}

/// An entry as a save finds it.
#[derive(Debug, Clone, Copy)]
pub struct Current<'a> {
    pub status: EntryStatus,
    pub answers: &'a [String],
    pub submitted_at: Option<Timestamp>,
}

/// What a save writes: the status after it, the answers, and when it was submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub status: EntryStatus,
    pub answers: Vec<String>,
    pub submitted_at: Option<Timestamp>,
}

/// The save `intent` makes of `current` with `typed` answers, or the problems (by question)
/// that stop it. A draft may be incomplete; a submission, and any change to a submitted entry,
/// may not. Withdrawing keeps the answers as they were.
pub fn plan(
    current: Current<'_>,
    intent: Intent,
    typed: Vec<String>,
    questions: &[Question],
    now: Timestamp,
) -> Result<Planned, Vec<(usize, AnswerProblem)>> {
    let planned = match intent {
        Intent::Withdraw => {
            return Ok(Planned {
                status: EntryStatus::Withdrawn,
                answers: current.answers.to_vec(),
                submitted_at: None,
            });
        }
        Intent::Submit => Planned { status: EntryStatus::Submitted, answers: typed, submitted_at: Some(now) },
        Intent::Save if current.status == EntryStatus::Submitted => {
            Planned { status: EntryStatus::Submitted, answers: typed, submitted_at: current.submitted_at }
        }
        Intent::Save => Planned { status: EntryStatus::Draft, answers: typed, submitted_at: None },
    };
    let problems = check_answers(questions, &planned.answers, planned.status == EntryStatus::Submitted);
    if problems.is_empty() { Ok(planned) } else { Err(problems) }
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

    fn question() -> Question {
        Question::long_text(crate::LocalizedText::sv_only("Fråga"), Some(3))
    }

    #[test]
    fn a_draft_may_be_incomplete_a_submission_may_not() {
        let now: Timestamp = "2019-03-01T10:00:00Z".parse().unwrap();
        let empty: Vec<String> = vec![String::new()];
        let draft = Current { status: EntryStatus::Draft, answers: &empty, submitted_at: None };
        let saved = plan(draft, Intent::Save, vec![String::new()], &[question()], now).unwrap();
        assert_eq!(saved.status, EntryStatus::Draft);
        let refused = plan(draft, Intent::Submit, vec![String::new()], &[question()], now).unwrap_err();
        assert_eq!(refused, vec![(0, AnswerProblem::Missing)]);
        let sent = plan(draft, Intent::Submit, vec!["Tre ord här".into()], &[question()], now).unwrap();
        assert_eq!((sent.status, sent.submitted_at), (EntryStatus::Submitted, Some(now)));
    }

    #[test]
    fn a_submitted_entry_stays_submitted_and_complete_and_withdrawing_keeps_its_answers() {
        let then: Timestamp = "2019-03-01T10:00:00Z".parse().unwrap();
        let now: Timestamp = "2019-03-02T10:00:00Z".parse().unwrap();
        let answers = vec!["Tre ord här".to_owned()];
        let submitted =
            Current { status: EntryStatus::Submitted, answers: &answers, submitted_at: Some(then) };
        let changed = plan(submitted, Intent::Save, vec!["Två ord".into()], &[question()], now).unwrap();
        assert_eq!((changed.status, changed.submitted_at), (EntryStatus::Submitted, Some(then)));
        assert!(plan(submitted, Intent::Save, vec![String::new()], &[question()], now).is_err());
        let withdrawn = plan(submitted, Intent::Withdraw, vec![String::new()], &[question()], now).unwrap();
        assert_eq!((withdrawn.status, withdrawn.answers), (EntryStatus::Withdrawn, answers.clone()));
    }
}
