//! An answer as people read it, whatever the page: long text as sanitised HTML, a maturity
//! self-assessment as a table of its indicators with the scale's words ("Helt", "Delvis",
//! "Inte alls"), a number, yes or no. Shared by the portal, the jury's pages, the organiser's
//! entry page, the receipt and the booklet, so none of them shows the stored form.

use juryn_domain::questionnaire::{AnswerProblem, Level, Question};
use juryn_domain::{Answer, Lang};

use crate::i18n::{t, t_args};
use crate::layout::escape;

/// The scale's word for a level; a dash for none.
pub fn level_word(lang: Lang, level: Option<Level>) -> String {
    level.map_or_else(|| "–".to_owned(), |l| t(lang, &format!("level-{}", l.as_str())))
}

/// A maturity answer as (indicator, the scale's word) rows, in the questionnaire's order.
pub fn assessment(lang: Lang, q: &Question, stored: &str) -> Vec<(String, String)> {
    Answer::for_reader(&q.kind, stored)
        .assessment(&q.kind)
        .into_iter()
        .map(|(indicator, level)| (indicator.get(lang).to_owned(), level_word(lang, level)))
        .collect()
}

/// The answer as HTML for a page (the caller puts it under the question).
pub fn html(lang: Lang, q: &Question, stored: &str) -> String {
    match Answer::for_reader(&q.kind, stored) {
        Answer::Unanswered => format!("<p class=\"unanswered\">{}</p>", escape(&t(lang, "answer-none"))),
        Answer::Text(text) => crate::markdown::render(&text),
        Answer::Number(n) => format!("<p>{n}</p>"),
        Answer::YesNo(yes) => {
            format!("<p>{}</p>", escape(&t(lang, if yes { "answer-yes" } else { "answer-no" })))
        }
        Answer::Maturity(_) => {
            let rows: String = assessment(lang, q, stored)
                .iter()
                .map(|(i, w)| format!("<tr><th scope=\"row\">{}</th><td>{}</td></tr>", escape(i), escape(w)))
                .collect();
            format!(
                "<table class=\"assessment\"><caption class=\"visually-hidden\">{}</caption><thead><tr>\
                 <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{rows}</tbody></table>",
                escape(q.prompt.get(lang)),
                escape(&t(lang, "answer-indicator")),
                escape(&t(lang, "answer-level")),
            )
        }
    }
}

/// The answer as data (open data, the API): text as a string (empty when unanswered), a number
/// as a number, yes/no as a boolean, a self-assessment as an object from indicator to level
/// (`helt`, `delvis`, `inte-alls`, or null where not answered).
pub fn json(q: &Question, stored: &str) -> serde_json::Value {
    use serde_json::Value;
    let answer = Answer::for_reader(&q.kind, stored);
    match (&q.kind, &answer) {
        (juryn_domain::QuestionKind::Maturity { .. }, Answer::Maturity(_) | Answer::Unanswered) => {
            Value::Object(
                answer
                    .assessment(&q.kind)
                    .into_iter()
                    .map(|(i, l)| (i.sv.clone(), l.map_or(Value::Null, |l| Value::from(l.as_str()))))
                    .collect(),
            )
        }
        (_, Answer::Number(n)) => Value::from(*n),
        (_, Answer::YesNo(yes)) => Value::from(*yes),
        _ => Value::from(stored),
    }
}

/// An answer sent as data, in the stored form: a string as it is (the stored form itself), a
/// number, a boolean for yes/no, or for a self-assessment an object from indicator (its Swedish
/// name) to level. `BadAssessment` and the like when it does not fit the question.
pub fn from_json(q: &Question, value: &serde_json::Value) -> Result<String, AnswerProblem> {
    use juryn_domain::QuestionKind;
    use serde_json::Value;
    let answer = match (&q.kind, value) {
        (_, Value::String(s)) => return Ok(s.clone()),
        (_, Value::Null) => Answer::Unanswered,
        (QuestionKind::Number { .. }, Value::Number(n)) => {
            Answer::Number(n.as_i64().ok_or(AnswerProblem::NotANumber)?)
        }
        (QuestionKind::YesNo, Value::Bool(b)) => Answer::YesNo(*b),
        (QuestionKind::Maturity { indicators }, Value::Object(map)) => {
            if map.keys().any(|k| !indicators.iter().any(|i| &i.sv == k)) {
                return Err(AnswerProblem::BadAssessment);
            }
            let level = |i: &juryn_domain::LocalizedText| match map.get(&i.sv) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(l)) => Level::parse(l).map(Some).ok_or(AnswerProblem::BadAssessment),
                Some(_) => Err(AnswerProblem::BadAssessment),
            };
            Answer::Maturity(indicators.iter().map(level).collect::<Result<_, _>>()?)
        }
        (QuestionKind::Number { .. }, _) => return Err(AnswerProblem::NotANumber),
        (QuestionKind::YesNo, _) => return Err(AnswerProblem::NotYesNo),
        _ => return Err(AnswerProblem::BadAssessment),
    };
    Ok(answer.stored())
}

/// The answer as plain text for a mail: a line per indicator for a self-assessment.
pub fn text(lang: Lang, q: &Question, stored: &str) -> String {
    match Answer::for_reader(&q.kind, stored) {
        Answer::Unanswered => "–".to_owned(),
        Answer::Text(text) => text,
        Answer::Number(n) => n.to_string(),
        Answer::YesNo(yes) => t(lang, if yes { "answer-yes" } else { "answer-no" }),
        Answer::Maturity(_) => assessment(lang, q, stored)
            .into_iter()
            .map(|(i, w)| format!("– {i}: {w}"))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// What is wrong with an answer, in words the form and the API both give.
pub fn problem_text(lang: Lang, p: &AnswerProblem) -> String {
    match p {
        AnswerProblem::Missing => t(lang, "answer-missing"),
        AnswerProblem::OverWordLimit { words, limit } => {
            t_args(lang, "answer-over-limit", &[("words", words.to_string()), ("limit", limit.to_string())])
        }
        AnswerProblem::NotANumber => t(lang, "answer-not-a-number"),
        AnswerProblem::OutOfRange { min, max } => t_args(
            lang,
            "answer-out-of-range",
            &[
                ("min", min.map_or_else(|| "–".into(), |m| m.to_string())),
                ("max", max.map_or_else(|| "–".into(), |m| m.to_string())),
            ],
        ),
        AnswerProblem::NotYesNo => t(lang, "answer-not-yes-no"),
        AnswerProblem::IndicatorMissing { number, name } => t_args(
            lang,
            "answer-indicator-missing",
            &[("n", number.to_string()), ("name", name.get(lang).to_owned())],
        ),
        AnswerProblem::BadAssessment => t(lang, "answer-bad-assessment"),
        AnswerProblem::ControlCharacters => t(lang, "answer-control-characters"),
        AnswerProblem::TooLong(n) => t_args(lang, "answer-too-long", &[("max", n.to_string())]),
    }
}

#[cfg(test)]
mod tests {
    use juryn_domain::LocalizedText;
    use juryn_domain::questionnaire::QuestionKind;

    use super::*;

    fn assessment_question() -> Question {
        let indicators = ["E-tjänster", "<b>AI</b>"].map(LocalizedText::sv_only).to_vec();
        Question {
            prompt: LocalizedText::sv_only("Mognad"),
            help: LocalizedText::default(),
            kind: QuestionKind::Maturity { indicators },
            required: false,
        }
    }

    #[test]
    fn a_self_assessment_reads_as_words_in_a_page_and_a_mail_never_as_its_stored_form() {
        let q = assessment_question();
        let html = html(Lang::Sv, &q, "delvis,");
        assert!(html.contains("<th scope=\"row\">E-tjänster</th><td>Delvis</td>"), "{html}");
        assert!(html.contains("&lt;b&gt;AI&lt;/b&gt;</th><td>–</td>"), "escaped: {html}");
        assert!(!html.contains("delvis,"));
        assert_eq!(text(Lang::En, &q, "delvis,helt"), "– E-tjänster: Partly\n– <b>AI</b>: Fully");
        // A stored form that no longer fits its question is shown as it is, not lost.
        assert!(html_of_misfit().contains("helt,helt,helt"));
    }

    fn html_of_misfit() -> String {
        html(Lang::Sv, &assessment_question(), "helt,helt,helt")
    }

    #[test]
    fn data_in_and_out_agree() {
        let q = assessment_question();
        let value = json(&q, "helt,");
        assert_eq!(value, serde_json::json!({"E-tjänster": "helt", "<b>AI</b>": null}));
        assert_eq!(from_json(&q, &value), Ok("helt,".to_owned()));
        assert_eq!(from_json(&q, &serde_json::json!({"Okänd": "helt"})), Err(AnswerProblem::BadAssessment));
        let yes_no = Question { kind: QuestionKind::YesNo, ..q };
        assert_eq!(from_json(&yes_no, &serde_json::json!(true)), Ok("ja".to_owned()));
        assert_eq!(json(&yes_no, "nej"), serde_json::json!(false));
    }
}
