//! A juror's review of one entry: per criterion a score on its scale and a comment, plus an
//! overall comment. A draft may leave scores empty; a submitted review scores every criterion.
//!
//! The form arrives as text (a browser sends strings); [`check_review`] turns it into scores or
//! says, per criterion, what to fix. Whether the juror may review the entry at all (assigned,
//! not conflicted, the round open) is the store's and the rules' business, not this module's.

use serde::{Deserialize, Serialize};

use crate::criterion::Criterion;
use crate::phase::Phase;

/// The longest comment taken, in characters (a long comment is a page, not a book).
pub const MAX_COMMENT_CHARS: usize = 5_000;

/// Reviews are written and changed only while the jury is shortlisting.
pub fn round_open(phase: Phase) -> bool {
    phase == Phase::Shortlisting
}

/// Where a review stands, for the juror's list ("which have I done?").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Progress {
    NotStarted,
    Draft,
    Submitted,
}

impl Progress {
    pub fn as_str(self) -> &'static str {
        match self {
            Progress::NotStarted => "not-started",
            Progress::Draft => "draft",
            Progress::Submitted => "submitted",
        }
    }
}

/// One criterion's part of the form as it was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreField {
    /// The criterion's stored id, as the form named it.
    pub criterion: i64,
    pub score: String,
    pub comment: String,
}

/// One criterion's part of a checked review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub criterion: i64,
    pub score: Option<u8>,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScoreProblem {
    #[error("criterion {0} is not one of this edition's")]
    UnknownCriterion(i64),
    #[error("criterion {0} was given twice")]
    Repeated(i64),
    #[error("the score for criterion {criterion} is not a whole number")]
    NotANumber { criterion: i64 },
    #[error("the score for criterion {criterion} is outside {min}–{max}")]
    OffScale { criterion: i64, min: u8, max: u8 },
    #[error("criterion {criterion} has no score")]
    Missing { criterion: i64 },
    #[error("a comment is longer than {MAX_COMMENT_CHARS} characters")]
    TooLong { criterion: Option<i64> },
}

impl ScoreProblem {
    /// The criterion the problem is about, if it is about one of this edition's.
    pub fn criterion(&self) -> Option<i64> {
        match self {
            ScoreProblem::UnknownCriterion(_) | ScoreProblem::Repeated(_) => None,
            ScoreProblem::NotANumber { criterion }
            | ScoreProblem::OffScale { criterion, .. }
            | ScoreProblem::Missing { criterion } => Some(*criterion),
            ScoreProblem::TooLong { criterion } => *criterion,
        }
    }
}

/// Checks a review form against the edition's criteria (`(id, criterion)` in order). Returns
/// one [`Score`] per criterion, in the criteria's order (a criterion the form left out has no
/// score), or every problem found. `submitting` requires a score for every criterion.
pub fn check_review(
    criteria: &[(i64, Criterion)],
    fields: &[ScoreField],
    overall: &str,
    submitting: bool,
) -> Result<Vec<Score>, Vec<ScoreProblem>> {
    let mut problems = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        if !criteria.iter().any(|(id, _)| *id == f.criterion) {
            problems.push(ScoreProblem::UnknownCriterion(f.criterion));
        } else if fields[..i].iter().any(|g| g.criterion == f.criterion) {
            problems.push(ScoreProblem::Repeated(f.criterion));
        }
    }
    if overall.chars().count() > MAX_COMMENT_CHARS {
        problems.push(ScoreProblem::TooLong { criterion: None });
    }
    let mut scores = Vec::with_capacity(criteria.len());
    for (id, c) in criteria {
        let field = fields.iter().find(|f| f.criterion == *id);
        let raw = field.map_or("", |f| f.score.trim());
        let comment = field.map_or(String::new(), |f| f.comment.trim().to_owned());
        if comment.chars().count() > MAX_COMMENT_CHARS {
            problems.push(ScoreProblem::TooLong { criterion: Some(*id) });
        }
        let score = if raw.is_empty() {
            if submitting {
                problems.push(ScoreProblem::Missing { criterion: *id });
            }
            None
        } else {
            match raw.parse::<i64>() {
                Err(_) => {
                    problems.push(ScoreProblem::NotANumber { criterion: *id });
                    None
                }
                Ok(n) if n < i64::from(c.scale_min) || n > i64::from(c.scale_max) => {
                    problems.push(ScoreProblem::OffScale {
                        criterion: *id,
                        min: c.scale_min,
                        max: c.scale_max,
                    });
                    None
                }
                Ok(n) => u8::try_from(n).ok(),
            }
        };
        scores.push(Score { criterion: *id, score, comment });
    }
    if problems.is_empty() { Ok(scores) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::lang::LocalizedText;

    fn criteria() -> Vec<(i64, Criterion)> {
        let c = |min, max| Criterion {
            name: LocalizedText::new("K", "C"),
            description: LocalizedText::default(),
            scale_min: min,
            scale_max: max,
            weight: 1,
            labels: vec![],
        };
        vec![(10, c(1, 5)), (11, c(0, 10))]
    }

    fn field(criterion: i64, score: &str) -> ScoreField {
        ScoreField { criterion, score: score.into(), comment: String::new() }
    }

    #[test]
    fn a_complete_review_passes_in_criteria_order() {
        let got = check_review(&criteria(), &[field(11, "0"), field(10, " 5 ")], "", true).unwrap();
        assert_eq!(
            got.iter().map(|s| (s.criterion, s.score)).collect::<Vec<_>>(),
            [(10, Some(5)), (11, Some(0))]
        );
    }

    #[test]
    fn a_draft_may_leave_scores_empty_but_a_submission_may_not() {
        let fields = [field(10, "3")];
        let draft = check_review(&criteria(), &fields, "", false).unwrap();
        assert_eq!(draft[1].score, None);
        assert_eq!(
            check_review(&criteria(), &fields, "", true),
            Err(vec![ScoreProblem::Missing { criterion: 11 }])
        );
    }

    #[test]
    fn refuses_each_kind_of_bad_score() {
        let bad = |fields: &[ScoreField]| check_review(&criteria(), fields, "", false).unwrap_err();
        assert_eq!(bad(&[field(10, "6")]), [ScoreProblem::OffScale { criterion: 10, min: 1, max: 5 }]);
        assert_eq!(bad(&[field(10, "0")]), [ScoreProblem::OffScale { criterion: 10, min: 1, max: 5 }]);
        assert_eq!(bad(&[field(10, "-1")]), [ScoreProblem::OffScale { criterion: 10, min: 1, max: 5 }]);
        assert_eq!(bad(&[field(10, "tre")]), [ScoreProblem::NotANumber { criterion: 10 }]);
        assert_eq!(bad(&[field(10, "3.5")]), [ScoreProblem::NotANumber { criterion: 10 }]);
        assert_eq!(bad(&[field(99, "3")]), [ScoreProblem::UnknownCriterion(99)]);
        assert_eq!(bad(&[field(10, "3"), field(10, "4")]), [ScoreProblem::Repeated(10)]);
        let long =
            ScoreField { criterion: 10, score: "3".into(), comment: "x".repeat(MAX_COMMENT_CHARS + 1) };
        assert_eq!(bad(&[long]), [ScoreProblem::TooLong { criterion: Some(10) }]);
    }

    proptest! {
        /// Whatever text arrives, an accepted score lies on its criterion's scale.
        #[test]
        fn accepted_scores_are_on_their_scale(a in ".{0,4}", b in "-?[0-9]{1,3}") {
            if let Ok(scores) = check_review(&criteria(), &[field(10, &a), field(11, &b)], "", false) {
                for (s, (_, c)) in scores.iter().zip(criteria()) {
                    if let Some(v) = s.score {
                        prop_assert!(c.scale_min <= v && v <= c.scale_max);
                    }
                }
            }
        }
    }
}
