//! A questionnaire as a form: one field (or group of fields) per question, filled from stored or
//! typed answers, and the posted fields read back into answers. The entry's form, the follow-up's
//! and a nomination's answers use it (with `_question_field.html`).

use juryn_domain::Lang;
use juryn_domain::questionnaire::{AnswerProblem, Level, Question, QuestionKind, clean_text, word_count};

use crate::i18n::{t, t_args};

/// One indicator of a maturity self-assessment, with the level chosen.
pub struct IndicatorField {
    pub name: String,
    pub label: String,
    pub chosen: String,
}

/// One question as the form shows it.
pub struct Field {
    /// `q0`, `q1`, …; an indicator's field is `q2-0`, `q2-1`, ….
    pub name: String,
    pub prompt: String,
    pub help: String,
    pub kind: &'static str,
    pub required: bool,
    pub value: String,
    pub word_limit: Option<u32>,
    pub words: usize,
    /// Words past the limit (0 within it), and the words for it: "12 ord för mycket".
    pub over_by: usize,
    pub over_by_text: String,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub indicators: Vec<IndicatorField>,
    pub error: Option<String>,
    /// What someone else saved meanwhile, shown beside this field after a conflict.
    pub theirs: Option<String>,
}

/// The three levels with their labels, for the radio buttons.
pub fn levels(lang: Lang) -> Vec<(&'static str, String)> {
    Level::ALL.iter().map(|l| (l.as_str(), t(lang, &format!("level-{}", l.as_str())))).collect()
}

/// The fields for `questions` with `answers` (stored or typed) in them.
pub fn fields(
    lang: Lang,
    questions: &[Question],
    answers: &[String],
    problems: &[(usize, AnswerProblem)],
) -> Vec<Field> {
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let value = answers.get(i).cloned().unwrap_or_default();
            let (kind, word_limit, min, max, indicators) = match &q.kind {
                QuestionKind::LongText { word_limit } => ("long-text", *word_limit, None, None, vec![]),
                QuestionKind::Number { min, max } => ("number", None, *min, *max, vec![]),
                QuestionKind::YesNo => ("yes-no", None, None, None, vec![]),
                QuestionKind::Maturity { indicators } => {
                    let chosen: Vec<&str> = value.split(',').collect();
                    let list = indicators
                        .iter()
                        .enumerate()
                        .map(|(j, label)| IndicatorField {
                            name: format!("q{i}-{j}"),
                            label: label.get(lang).to_owned(),
                            chosen: chosen.get(j).copied().unwrap_or("").to_owned(),
                        })
                        .collect();
                    ("maturity", None, None, None, list)
                }
            };
            let words = if kind == "long-text" { word_count(&value) } else { 0 };
            let over_by = word_limit.map_or(0, |lim| words.saturating_sub(lim as usize));
            Field {
                name: format!("q{i}"),
                prompt: q.prompt.get(lang).to_owned(),
                help: q.help.get(lang).to_owned(),
                kind,
                required: q.required,
                words,
                over_by,
                over_by_text: t_args(lang, "entry-words-over", &[("n", over_by.to_string())]),
                value,
                word_limit,
                min,
                max,
                indicators,
                error: problems
                    .iter()
                    .find(|(k, _)| *k == i)
                    .map(|(_, p)| crate::answer_view::problem_text(lang, p)),
                theirs: None,
            }
        })
        .collect()
}

/// Reads the answers out of posted fields, in question order. Text is cleaned (line ends
/// normalised); text with control characters is kept as typed and reported.
pub fn answers_from(
    questions: &[Question],
    posted: &[(String, String)],
) -> (Vec<String>, Vec<(usize, AnswerProblem)>) {
    let get = |name: &str| posted.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("");
    let mut problems = Vec::new();
    let answers = questions
        .iter()
        .enumerate()
        .map(|(i, q)| match &q.kind {
            QuestionKind::Maturity { indicators } => (0..indicators.len())
                .map(|j| get(&format!("q{i}-{j}")).to_owned())
                .collect::<Vec<_>>()
                .join(","),
            QuestionKind::LongText { .. } => {
                let raw = get(&format!("q{i}"));
                match clean_text(raw) {
                    Ok(text) => text,
                    Err(p) => {
                        problems.push((i, p));
                        raw.to_owned()
                    }
                }
            }
            _ => get(&format!("q{i}")).trim().to_owned(),
        })
        .collect();
    (answers, problems)
}

#[cfg(test)]
mod tests {
    use juryn_domain::LocalizedText;

    use super::*;

    #[test]
    fn a_missing_indicator_is_named_not_only_numbered() {
        let p = AnswerProblem::IndicatorMissing { number: 2, name: LocalizedText::sv_only("Öppna data") };
        assert_eq!(
            crate::answer_view::problem_text(Lang::Sv, &p),
            "Indikator 2, ”Öppna data”, är inte besvarad."
        );
    }

    /// An answer of every kind goes out and comes back the same through each boundary: the
    /// portal's form (fields shown, fields posted), the API's JSON (out and in), and its stored
    /// form (the store then reads it by its kind before writing it).
    #[test]
    fn an_answer_of_every_kind_round_trips_through_every_boundary() {
        use juryn_domain::{Answer, questionnaire::Level};
        let q = |kind| Question {
            prompt: LocalizedText::sv_only("F"),
            help: LocalizedText::default(),
            kind,
            required: false,
        };
        let indicators = vec![LocalizedText::sv_only("E-tjänster"), LocalizedText::sv_only("AI")];
        let cases = [
            (q(QuestionKind::LongText { word_limit: None }), Answer::Text("Vi **kan**.\n\n- ett".into())),
            (
                q(QuestionKind::Maturity { indicators: indicators.clone() }),
                Answer::Maturity(vec![Some(Level::Fully), None]),
            ),
            (
                q(QuestionKind::Maturity { indicators }),
                Answer::Maturity(vec![Some(Level::Partly), Some(Level::NotAtAll)]),
            ),
            (q(QuestionKind::Number { min: None, max: None }), Answer::Number(-7)),
            (q(QuestionKind::YesNo), Answer::YesNo(false)),
            (q(QuestionKind::YesNo), Answer::Unanswered),
        ];
        for (question, answer) in cases {
            let stored = answer.stored();
            assert_eq!(Answer::read(&question.kind, &stored), Ok(answer.clone()), "stored form");
            let json = crate::answer_view::json(&question, &stored);
            assert_eq!(crate::answer_view::from_json(&question, &json), Ok(stored.clone()), "API: {json}");
            let questions = [question];
            let field = &fields(Lang::Sv, &questions, std::slice::from_ref(&stored), &[])[0];
            let posted: Vec<(String, String)> = if field.indicators.is_empty() {
                vec![(field.name.clone(), field.value.clone())]
            } else {
                field.indicators.iter().map(|f| (f.name.clone(), f.chosen.clone())).collect()
            };
            let (back, problems) = answers_from(&questions, &posted);
            assert_eq!((back, problems), (vec![stored], vec![]), "the form: {answer:?}");
        }
    }
}
