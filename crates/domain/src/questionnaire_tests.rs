use proptest::prelude::*;

use super::*;

fn text(limit: u32) -> Question {
    Question::long_text(LocalizedText::sv_only("Vad är ni mest stolta över?"), Some(limit))
}

#[test]
fn markup_is_not_counted() {
    assert_eq!(word_count("Vi **digitaliserade** bygglov."), 3);
    assert_eq!(word_count("# Rubrik\n\n- ett\n- två\n\n[länk](https://example.se/en/lång/väg)"), 4);
    assert_eq!(word_count("  "), 0);
    assert_eq!(word_count("e-tjänst 24/7 — klart!"), 3);
    assert_eq!(word_count("<script>alert(1)</script> hej"), 1 + 1, "raw HTML counts as its text");
}

#[test]
fn the_word_limit_holds_for_submissions_and_a_draft_is_kept_whatever_its_length() {
    let q = text(3);
    assert_eq!(check_answer(&q, "ett två tre", true), Ok(()));
    assert_eq!(
        check_answer(&q, "ett två tre fyra", true),
        Err(AnswerProblem::OverWordLimit { words: 4, limit: 3 })
    );
    assert_eq!(check_answer(&q, "ett två tre fyra", false), Ok(()), "a draft over the limit is saved");
    assert_eq!(check_answer(&q, "**ett** _två_ tre", true), Ok(()));
}

#[test]
fn drafts_may_be_incomplete_but_submissions_may_not() {
    let q = text(500);
    assert_eq!(check_answer(&q, "", false), Ok(()));
    assert_eq!(check_answer(&q, "  \n", true), Err(AnswerProblem::Missing));
    let optional = Question { required: false, ..text(500) };
    assert_eq!(check_answer(&optional, "", true), Ok(()));
}

#[test]
fn control_characters_are_refused_and_line_ends_normalised() {
    assert_eq!(clean_text("rad ett\r\nrad två\rtre").unwrap(), "rad ett\nrad två\ntre");
    assert_eq!(clean_text("tab\tok"), Ok("tab\tok".into()));
    assert_eq!(clean_text("nul\u{0}"), Err(AnswerProblem::ControlCharacters));
    assert_eq!(check_answer(&text(10), "bell\u{7}", false), Err(AnswerProblem::ControlCharacters));
    assert!(matches!(clean_text(&"a".repeat(MAX_ANSWER_CHARS + 1)), Err(AnswerProblem::TooLong(_))));
}

#[test]
fn numbers_yes_no_and_the_self_assessment() {
    let n = Question { kind: QuestionKind::Number { min: Some(0), max: Some(100) }, ..text(1) };
    assert_eq!(check_answer(&n, "42", true), Ok(()));
    assert_eq!(
        check_answer(&n, "101", true),
        Err(AnswerProblem::OutOfRange { min: Some(0), max: Some(100) })
    );
    assert_eq!(check_answer(&n, "4.2", true), Err(AnswerProblem::NotANumber));
    let yn = Question { kind: QuestionKind::YesNo, ..text(1) };
    assert_eq!(check_answer(&yn, "ja", true), Ok(()));
    assert_eq!(check_answer(&yn, "kanske", true), Err(AnswerProblem::NotYesNo));
    let m = Question {
        kind: QuestionKind::Maturity {
            indicators: vec![LocalizedText::sv_only("a"), LocalizedText::sv_only("b")],
        },
        ..text(1)
    };
    assert_eq!(check_answer(&m, "helt,inte-alls", true), Ok(()));
    assert_eq!(check_answer(&m, "helt,", false), Ok(()));
    assert!(matches!(
        check_answer(&m, "helt,", true),
        Err(AnswerProblem::IndicatorMissing { number: 2, .. })
    ));
    assert_eq!(check_answer(&m, "helt", true), Err(AnswerProblem::BadAssessment));
    assert_eq!(check_answer(&m, "helt,mycket", true), Err(AnswerProblem::BadAssessment));
}

#[test]
fn a_whole_questionnaire_reports_each_problem_by_question() {
    let qs = [text(2), text(2), Question { kind: QuestionKind::YesNo, ..text(1) }];
    let problems = check_answers(&qs, &["ett två tre".into(), String::new()], true);
    assert_eq!(
        problems,
        [
            (0, AnswerProblem::OverWordLimit { words: 3, limit: 2 }),
            (1, AnswerProblem::Missing),
            (2, AnswerProblem::Missing)
        ]
    );
}

proptest! {
    #[test]
    fn plain_words_are_counted_exactly(words in proptest::collection::vec("[a-zåäö]{1,12}", 0..200)) {
        prop_assert_eq!(word_count(&words.join(" ")), words.len());
    }

    #[test]
    fn emphasis_never_changes_the_count(words in proptest::collection::vec("[a-z]{1,8}", 1..50)) {
        let plain = words.join(" ");
        let marked = words.iter().map(|w| format!("**{w}**")).collect::<Vec<_>>().join(" ");
        prop_assert_eq!(word_count(&plain), word_count(&marked));
    }
}
