//! The questionnaire (*frågeformulär*) and the rules an answer must meet.
//!
//! Four kinds of question: long text (limited Markdown, with a word limit), a maturity
//! self-assessment (indicators answered *helt / delvis / inte alls*), a number with bounds, and
//! yes/no. A draft may be incomplete; a submission must answer every required question.

use serde::{Deserialize, Serialize};

use crate::lang::LocalizedText;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum QuestionKind {
    LongText { word_limit: Option<u32> },
    Maturity { indicators: Vec<LocalizedText> },
    Number { min: Option<i64>, max: Option<i64> },
    YesNo,
}

impl QuestionKind {
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::LongText { .. } => "long-text",
            QuestionKind::Maturity { .. } => "maturity",
            QuestionKind::Number { .. } => "number",
            QuestionKind::YesNo => "yes-no",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub prompt: LocalizedText,
    pub help: LocalizedText,
    pub kind: QuestionKind,
    pub required: bool,
}

impl Question {
    /// A long-text question, as the 2019 questionnaire had three of.
    pub fn long_text(prompt: LocalizedText, word_limit: Option<u32>) -> Question {
        Question {
            prompt,
            help: LocalizedText::default(),
            kind: QuestionKind::LongText { word_limit },
            required: true,
        }
    }
}

/// How far an indicator of the maturity self-assessment is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// *helt*
    Fully,
    /// *delvis*
    Partly,
    /// *inte alls*
    NotAtAll,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Fully, Level::Partly, Level::NotAtAll];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Fully => "helt",
            Level::Partly => "delvis",
            Level::NotAtAll => "inte-alls",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// An answer, as stored: the text for long-text questions; `helt,delvis,,inte-alls` for a
/// maturity self-assessment (an empty place is unanswered); a decimal for numbers; `ja`/`nej`.
/// The empty string is "not answered" for every kind. Read it as an [`crate::answer::Answer`].
pub type StoredAnswer = String;

/// What is wrong with an answer; the web layer says it in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerProblem {
    #[error("the answer is required")]
    Missing,
    #[error("{words} words, the limit is {limit}")]
    OverWordLimit { words: usize, limit: u32 },
    #[error("not a whole number")]
    NotANumber,
    #[error("the number must be between {min:?} and {max:?}")]
    OutOfRange { min: Option<i64>, max: Option<i64> },
    #[error("answer yes or no")]
    NotYesNo,
    #[error("indicator {number} is not answered")]
    IndicatorMissing { number: usize, name: LocalizedText },
    #[error("the self-assessment does not fit the questionnaire")]
    BadAssessment,
    #[error("the text contains control characters")]
    ControlCharacters,
    #[error("the answer is longer than {0} characters")]
    TooLong(usize),
}

/// No answer may be longer than this, whatever its word limit: about 20,000 words.
pub const MAX_ANSWER_CHARS: usize = 150_000;

/// Counts the words a reader sees: Markdown markup (`**`, `#`, `- `, link targets) does not count.
pub fn word_count(markdown: &str) -> usize {
    crate::text::RichText::read(markdown).word_count()
}

/// Removes what a text field must not hold: control characters other than line breaks and tabs,
/// and carriage returns (lines end with `\n`). Returns `None` if anything else was refused.
pub fn clean_text(s: &str) -> Result<String, AnswerProblem> {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(AnswerProblem::ControlCharacters);
    }
    if s.chars().count() > MAX_ANSWER_CHARS {
        return Err(AnswerProblem::TooLong(MAX_ANSWER_CHARS));
    }
    Ok(s)
}

/// Checks one answer against its question. `complete` asks for a submission's standard (every
/// required question answered); a draft may leave answers empty but not break any other rule.
pub fn check_answer(q: &Question, answer: &str, complete: bool) -> Result<(), AnswerProblem> {
    match (crate::answer::Answer::read(&q.kind, answer)?, &q.kind) {
        (crate::answer::Answer::Unanswered, _) if complete && q.required => Err(AnswerProblem::Missing),
        (crate::answer::Answer::Text(text), QuestionKind::LongText { word_limit }) => {
            clean_text(&text)?;
            let words = word_count(&text);
            match word_limit {
                // The limit holds for the submission: a draft is kept whatever its length.
                Some(limit) if complete && words > *limit as usize => {
                    Err(AnswerProblem::OverWordLimit { words, limit: *limit })
                }
                _ => Ok(()),
            }
        }
        (crate::answer::Answer::Number(n), QuestionKind::Number { min, max }) => {
            if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                return Err(AnswerProblem::OutOfRange { min: *min, max: *max });
            }
            Ok(())
        }
        (crate::answer::Answer::Maturity(levels), QuestionKind::Maturity { indicators }) => {
            match levels.iter().position(Option::is_none) {
                Some(i) if complete && q.required => {
                    Err(AnswerProblem::IndicatorMissing { number: i + 1, name: indicators[i].clone() })
                }
                _ => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

/// Checks a whole set of answers (in question order): the problems by question index.
pub fn check_answers(
    questions: &[Question],
    answers: &[String],
    complete: bool,
) -> Vec<(usize, AnswerProblem)> {
    questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let a = answers.get(i).map(String::as_str).unwrap_or("");
            check_answer(q, a, complete).err().map(|p| (i, p))
        })
        .collect()
}

#[cfg(test)]
#[path = "questionnaire_tests.rs"]
mod tests;
