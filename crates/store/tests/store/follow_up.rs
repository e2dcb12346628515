//! The follow-up for those through a cut on both backends: set up after the first of two
//! rounds, answered in the portal until its deadline by the cut's selection only, imported by
//! the organiser, its questions fixed once answered.

use juryn_domain::follow_up::{FollowUp, SetupProblem};
use juryn_domain::questionnaire::{AnswerProblem, Question, QuestionKind};
use juryn_domain::round::Round;
use juryn_domain::{LocalizedText, MunicipalityCode, Phase, Slug};
use juryn_store::prelude::*;
use juryn_store::{FollowUpRefusal, FollowUpSource, demo};

use crate::backends::store_suite;
use crate::by;

fn code(c: &str) -> MunicipalityCode {
    MunicipalityCode::parse(c).unwrap()
}

fn self_assessment(after_round: u16) -> FollowUp {
    let indicators = ["Strategi", "Ledning", "Kompetens"].map(LocalizedText::sv_only).to_vec();
    FollowUp {
        after_round,
        closes_at: "2019-06-20T22:00:00Z".parse().unwrap(),
        questions: vec![
            Question {
                prompt: LocalizedText::sv_only("Digital mognad"),
                help: LocalizedText::default(),
                kind: QuestionKind::Maturity { indicators },
                required: true,
            },
            Question {
                required: false,
                ..Question::long_text(LocalizedText::sv_only("Kommentar"), Some(200))
            },
        ],
    }
}

store_suite! {
    async fn the_cuts_selection_answers_the_follow_up_until_its_deadline(store) {
        demo::load(store).await.unwrap();
        let s = Slug::parse(demo::AWARD_SLUG).unwrap();
        crate::force_phase(store, &s, 2019, Phase::Shortlisting).await;
        // One round: there is no cut to follow up.
        let refused = store.put_follow_up(&s, 2019, &self_assessment(1), &by("org")).await.unwrap();
        assert_eq!(refused, Err(FollowUpRefusal::Setup(SetupProblem::NoSuchCut)));
        let rounds = [("Nominering", 5, 10), ("Slutnominering", 3, 5)].map(|(n, least, most)| Round {
            name: LocalizedText::sv_only(n),
            least,
            most,
            wording: LocalizedText::sv_only("Juryn har nominerat {n} kommuner"),
        });
        store.put_rounds(&s, 2019, &rounds, &by("org")).await.unwrap().unwrap();
        store.put_follow_up(&s, 2019, &self_assessment(1), &by("org")).await.unwrap().unwrap();
        assert_eq!(store.follow_up(&s, 2019).await.unwrap(), Some(self_assessment(1)));

        let lidingo = code(demo::PARTICIPANTS[0]);
        let answers = vec!["helt,delvis,inte-alls".to_owned(), "Vi mätte i DiMiOS".to_owned()];
        let during = juryn_store::Stamp::new("lidingo", "2019-06-10T08:00:00Z".parse().unwrap());
        let before_cut = store.save_follow_up((&s, 2019), &[(lidingo, answers.clone())], FollowUpSource::Portal, &during).await.unwrap();
        assert_eq!(before_cut, Err(FollowUpRefusal::NotThrough(lidingo)), "nobody is through before the cut");
        let six: Vec<(MunicipalityCode, String)> = demo::PARTICIPANTS[..6].iter().map(|c| (code(c), String::new())).collect();
        store.record_cut((&s, 2019, 1), &six, None, &by("chair")).await.unwrap().unwrap();

        // A complete answer is needed in the portal; outsiders and late answers are refused.
        let half = vec!["helt,,".to_owned(), String::new()];
        let refused = store.save_follow_up((&s, 2019), &[(lidingo, half)], FollowUpSource::Portal, &during).await.unwrap();
        let ledning = LocalizedText::sv_only("Ledning");
        assert_eq!(refused, Err(FollowUpRefusal::Answer(0, AnswerProblem::IndicatorMissing { number: 2, name: ledning })));
        let outsider = code(demo::PARTICIPANTS[7]);
        let both = [(lidingo, answers.clone()), (outsider, answers.clone())];
        let refused = store.save_follow_up((&s, 2019), &both, FollowUpSource::Portal, &during).await.unwrap();
        assert_eq!(refused, Err(FollowUpRefusal::NotThrough(outsider)));
        assert!(store.follow_up_answers(&s, 2019).await.unwrap().is_empty(), "all or nothing");
        store.save_follow_up((&s, 2019), &[(lidingo, answers.clone())], FollowUpSource::Portal, &during).await.unwrap().unwrap();
        let late = juryn_store::Stamp::new("lidingo", "2019-06-21T08:00:00Z".parse().unwrap());
        let refused = store.save_follow_up((&s, 2019), &[(lidingo, answers.clone())], FollowUpSource::Portal, &late).await.unwrap();
        assert_eq!(refused, Err(FollowUpRefusal::Closed));
        // The organiser's import comes after the deadline too, and may be partial.
        let other = code(demo::PARTICIPANTS[1]);
        let imported = vec![",delvis,".to_owned(), String::new()];
        store.save_follow_up((&s, 2019), &[(other, imported.clone())], FollowUpSource::Import, &late).await.unwrap().unwrap();
        let stored = store.follow_up_answers(&s, 2019).await.unwrap();
        let mut got: Vec<(MunicipalityCode, Vec<String>, FollowUpSource)> =
            stored.into_iter().map(|a| (a.municipality, a.answers, a.source)).collect();
        got.sort_by_key(|(c, _, _)| *c);
        let mut want = vec![(lidingo, answers, FollowUpSource::Portal), (other, imported, FollowUpSource::Import)];
        want.sort_by_key(|(c, _, _)| *c);
        assert_eq!(got, want);

        // Answered: the questions stay; the deadline may move.
        let mut changed = self_assessment(1);
        changed.questions.pop();
        assert_eq!(store.put_follow_up(&s, 2019, &changed, &by("org")).await.unwrap(), Err(FollowUpRefusal::Answered));
        let later = FollowUp { closes_at: "2019-06-30T22:00:00Z".parse().unwrap(), ..self_assessment(1) };
        store.put_follow_up(&s, 2019, &later, &by("org")).await.unwrap().unwrap();
        assert_eq!(store.follow_up(&s, 2019).await.unwrap(), Some(later));
    }
}
