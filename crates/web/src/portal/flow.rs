//! What a save of an entry becomes, whether it comes from the portal's form or the API: the
//! status after it, the answers it stores, and the problems that stop it.

use jiff::Timestamp;
use juryn_domain::EntryStatus;
use juryn_domain::questionnaire::{AnswerProblem, Question, check_answers};
use juryn_store::EntryRecord;

/// What the person asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Keep the answers (a draft, or changes to a submitted entry, which stays submitted).
    Save,
    Submit,
    Withdraw,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub status: EntryStatus,
    pub answers: Vec<String>,
    pub submitted_at: Option<Timestamp>,
}

/// The save `intent` makes of `record` with `typed` answers, or the problems that stop it.
/// A draft may be incomplete; a submission, and any change to a submitted entry, may not.
pub fn plan(
    record: &EntryRecord,
    intent: Intent,
    typed: Vec<String>,
    questions: &[Question],
    now: Timestamp,
) -> Result<Planned, Vec<(usize, AnswerProblem)>> {
    let current = record.entry.status;
    let planned = match intent {
        Intent::Withdraw => {
            return Ok(Planned {
                status: EntryStatus::Withdrawn,
                answers: record.entry.answers.clone(),
                submitted_at: None,
            });
        }
        Intent::Submit => Planned { status: EntryStatus::Submitted, answers: typed, submitted_at: Some(now) },
        Intent::Save if current == EntryStatus::Submitted => Planned {
            status: EntryStatus::Submitted,
            answers: typed,
            submitted_at: record.entry.submitted_at,
        },
        Intent::Save => Planned { status: EntryStatus::Draft, answers: typed, submitted_at: None },
    };
    let problems = check_answers(questions, &planned.answers, planned.status == EntryStatus::Submitted);
    if problems.is_empty() { Ok(planned) } else { Err(problems) }
}
