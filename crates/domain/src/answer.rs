//! An answer read for what it is: the stored text of a long-text question, a level per
//! indicator of a maturity self-assessment, a whole number, yes or no. Read once from the form
//! in which it is stored (`helt,delvis,,inte-alls`, `42`, `ja`), so no page, mail, booklet or
//! export has to know that form — and none shows it to a person.

use crate::lang::LocalizedText;
use crate::questionnaire::{AnswerProblem, Level, QuestionKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Nothing answered yet (the empty stored form, for every kind).
    Unanswered,
    /// Limited Markdown.
    Text(String),
    /// One level per indicator, in the questionnaire's order; `None` where not answered.
    Maturity(Vec<Option<Level>>),
    Number(i64),
    YesNo(bool),
}

impl Answer {
    /// Reads a stored answer as its question's kind says; `BadAssessment`, `NotANumber` or
    /// `NotYesNo` when the stored form does not fit the question.
    pub fn read(kind: &QuestionKind, stored: &str) -> Result<Answer, AnswerProblem> {
        if stored.trim().is_empty() {
            return Ok(Answer::Unanswered);
        }
        Ok(match kind {
            QuestionKind::LongText { .. } => Answer::Text(stored.to_owned()),
            QuestionKind::Number { .. } => {
                Answer::Number(stored.trim().parse().map_err(|_| AnswerProblem::NotANumber)?)
            }
            QuestionKind::YesNo => match stored.trim() {
                "ja" => Answer::YesNo(true),
                "nej" => Answer::YesNo(false),
                _ => return Err(AnswerProblem::NotYesNo),
            },
            QuestionKind::Maturity { indicators } => {
                let parts: Vec<&str> = stored.split(',').collect();
                if parts.len() != indicators.len() {
                    return Err(AnswerProblem::BadAssessment);
                }
                let levels = parts
                    .iter()
                    .map(|p| match *p {
                        "" => Ok(None),
                        p => Level::parse(p).map(Some).ok_or(AnswerProblem::BadAssessment),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Answer::Maturity(levels)
            }
        })
    }

    /// Reads a stored answer for a reader: what does not fit its question (a questionnaire
    /// changed under an old answer) is shown as the text it is, never lost.
    pub fn for_reader(kind: &QuestionKind, stored: &str) -> Answer {
        Answer::read(kind, stored).unwrap_or_else(|_| Answer::Text(stored.to_owned()))
    }

    /// The stored form: what [`Answer::read`] reads back.
    pub fn stored(&self) -> String {
        match self {
            Answer::Unanswered => String::new(),
            Answer::Text(t) => t.clone(),
            Answer::Number(n) => n.to_string(),
            Answer::YesNo(yes) => if *yes { "ja" } else { "nej" }.to_owned(),
            Answer::Maturity(levels) => {
                // All unanswered is no answer at all.
                if levels.iter().all(Option::is_none) {
                    return String::new();
                }
                levels.iter().map(|l| l.map_or("", Level::as_str)).collect::<Vec<_>>().join(",")
            }
        }
    }

    /// A maturity answer beside its indicators, in order: (indicator, level or none).
    pub fn assessment<'q>(&self, kind: &'q QuestionKind) -> Vec<(&'q LocalizedText, Option<Level>)> {
        let QuestionKind::Maturity { indicators } = kind else { return Vec::new() };
        indicators
            .iter()
            .enumerate()
            .map(|(i, indicator)| {
                let level = match self {
                    Answer::Maturity(levels) => levels.get(i).copied().flatten(),
                    _ => None,
                };
                (indicator, level)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn maturity(n: usize) -> QuestionKind {
        QuestionKind::Maturity {
            indicators: (0..n).map(|i| LocalizedText::sv_only(format!("I{i}"))).collect(),
        }
    }

    #[test]
    fn every_kind_reads_its_stored_form_and_writes_it_back() {
        let cases = [
            (
                QuestionKind::LongText { word_limit: None },
                "Vi **började** med bygglov.",
                Answer::Text("Vi **började** med bygglov.".into()),
            ),
            (
                maturity(4),
                "helt,delvis,,inte-alls",
                Answer::Maturity(vec![Some(Level::Fully), Some(Level::Partly), None, Some(Level::NotAtAll)]),
            ),
            (QuestionKind::Number { min: None, max: None }, "42", Answer::Number(42)),
            (QuestionKind::YesNo, "nej", Answer::YesNo(false)),
            (maturity(2), "", Answer::Unanswered),
        ];
        for (kind, stored, answer) in cases {
            assert_eq!(Answer::read(&kind, stored), Ok(answer.clone()), "{stored:?}");
            assert_eq!(answer.stored(), stored);
        }
        assert_eq!(Answer::Maturity(vec![None, None]).stored(), "", "nothing answered is no answer");
    }

    #[test]
    fn a_stored_form_that_does_not_fit_is_refused_but_shown_as_text() {
        assert_eq!(Answer::read(&maturity(3), "helt,delvis"), Err(AnswerProblem::BadAssessment));
        assert_eq!(Answer::read(&maturity(2), "helt,kanske"), Err(AnswerProblem::BadAssessment));
        assert_eq!(Answer::read(&QuestionKind::YesNo, "kanske"), Err(AnswerProblem::NotYesNo));
        assert_eq!(Answer::for_reader(&maturity(3), "helt,delvis"), Answer::Text("helt,delvis".into()));
    }

    #[test]
    fn an_assessment_pairs_each_indicator_with_its_level() {
        let kind = maturity(3);
        let a = Answer::read(&kind, "helt,,delvis").unwrap();
        let pairs: Vec<(String, Option<Level>)> =
            a.assessment(&kind).into_iter().map(|(i, l)| (i.sv.clone(), l)).collect();
        assert_eq!(
            pairs,
            [("I0".into(), Some(Level::Fully)), ("I1".into(), None), ("I2".into(), Some(Level::Partly))]
        );
        assert_eq!(Answer::Unanswered.assessment(&kind).len(), 3);
    }
}
