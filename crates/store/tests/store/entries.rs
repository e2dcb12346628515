//! Entries saved with optimistic concurrency: nothing is ever overwritten, every version is kept.

use juryn_domain::questionnaire::{Question, QuestionKind};
use juryn_domain::{EntryStatus, LocalizedText, MunicipalityCode, Slug};
use juryn_store::Stamp;
use juryn_store::demo;
use juryn_store::prelude::*;
use juryn_store::{EntrySave, SaveOutcome};

use crate::backends::store_suite;

fn slug() -> Slug {
    Slug::parse(demo::AWARD_SLUG).unwrap()
}

fn kalix() -> MunicipalityCode {
    // Kalix answered in 2019: its entry exists, submitted, at version 1.
    MunicipalityCode::parse("2514").unwrap()
}

fn save(version: i64, answers: &[&str]) -> EntrySave {
    EntrySave {
        expected_version: version,
        status: EntryStatus::Draft,
        answers: answers.iter().map(|a| (*a).to_owned()).collect(),
        consent: false,
        submitted_at: None,
    }
}

/// A moment while the demo's 2019 call is open (14 January – 29 March).
fn during_call() -> jiff::Timestamp {
    "2019-03-01T10:00:00Z".parse().unwrap()
}

/// `name` writing while the call is open: this file's saves are made then.
fn by(name: &str) -> Stamp {
    Stamp::new(name, during_call())
}

store_suite! {
    async fn an_entry_is_made_once_and_saved_version_by_version(store) {
        demo::load(store).await.unwrap();
        let code = MunicipalityCode::parse("0584").unwrap();
        let made = store.ensure_entry(&slug(), 2019, code, &by("t")).await.unwrap();
        assert_eq!((made.version, made.entry.status), (1, EntryStatus::Invited));
        assert_eq!(store.ensure_entry(&slug(), 2019, code, &by("t")).await.unwrap().id, made.id);
        assert_eq!(store.save_entry(&slug(), 2019, code, &save(1, &["a", "b", "c"]), &by("user/1")).await.unwrap(), SaveOutcome::Saved { version: 2 });
        let mut submit = save(2, &["a", "b", "c2"]);
        submit.status = EntryStatus::Submitted;
        submit.consent = true;
        submit.submitted_at = Some(during_call());
        assert_eq!(store.save_entry(&slug(), 2019, code, &submit, &by("user/2")).await.unwrap(), SaveOutcome::Saved { version: 3 });
        let now = store.entry_record(&slug(), 2019, code).await.unwrap().unwrap();
        assert_eq!((now.version, now.entry.status, now.consent), (3, EntryStatus::Submitted, true));
        assert_eq!(now.entry.answers, ["a", "b", "c2"]);
        let history = store.entry_history(now.id).await.unwrap();
        assert_eq!(history.iter().map(|v| (v.version, v.actor.as_str())).collect::<Vec<_>>(), [(3, "user/2"), (2, "user/1")]);
        assert_eq!(history[1].answers, ["a", "b", "c"]);
    }

    async fn a_stale_save_is_refused_and_overwrites_nothing(store) {
        demo::load(store).await.unwrap();
        store.ensure_entry(&slug(), 2019, kalix(), &by("t")).await.unwrap();
        store.save_entry(&slug(), 2019, kalix(), &save(1, &["Annas text"]), &by("user/1")).await.unwrap();
        // Bo started from version 1 too, before Anna saved.
        let outcome = store.save_entry(&slug(), 2019, kalix(), &save(1, &["Bos text"]), &by("user/2")).await.unwrap();
        let SaveOutcome::Conflict(current) = outcome else { panic!("expected a conflict, got {outcome:?}") };
        assert_eq!((current.version, current.entry.answers.clone()), (2, vec!["Annas text".to_owned()]));
        let stored = store.entry_record(&slug(), 2019, kalix()).await.unwrap().unwrap();
        assert_eq!(stored.entry.answers, ["Annas text"]);
        assert_eq!(store.entry_history(stored.id).await.unwrap().len(), 1);
    }

    async fn of_two_saves_at_once_exactly_one_wins(store) {
        demo::load(store).await.unwrap();
        store.ensure_entry(&slug(), 2019, kalix(), &by("t")).await.unwrap();
        let (s, sa, sb) = (slug(), save(1, &["A"]), save(1, &["B"]));
        let (by_a, by_b) = (by("a"), by("b"));
        let (a, b) = tokio::join!(
            store.save_entry(&s, 2019, kalix(), &sa, &by_a),
            store.save_entry(&s, 2019, kalix(), &sb, &by_b),
        );
        let outcomes = [a.unwrap(), b.unwrap()];
        let saved = outcomes.iter().filter(|o| matches!(o, SaveOutcome::Saved { version: 2 })).count();
        assert_eq!(saved, 1, "{outcomes:?}");
        let stored = store.entry_record(&slug(), 2019, kalix()).await.unwrap().unwrap();
        assert_eq!(stored.version, 2);
    }

    async fn the_deadline_is_checked_inside_the_save_by_the_callers_clock(store) {
        demo::load(store).await.unwrap();
        store.ensure_entry(&slug(), 2019, kalix(), &by("t")).await.unwrap();
        // Kalix's grace ends at 23:59 + the grace minutes on 29 March 2019, Stockholm time.
        let late = Stamp::new("a", "2019-03-30T12:00:00Z".parse().unwrap());
        assert_eq!(store.save_entry(&slug(), 2019, kalix(), &save(1, &["för sent"]), &late).await.unwrap(), SaveOutcome::Closed);
        let early = Stamp::new("a", "2019-01-01T12:00:00Z".parse().unwrap());
        assert_eq!(store.save_entry(&slug(), 2019, kalix(), &save(1, &["för tidigt"]), &early).await.unwrap(), SaveOutcome::Closed);
        let stored = store.entry_record(&slug(), 2019, kalix()).await.unwrap().unwrap();
        assert_eq!(stored.version, 1, "nothing written");
        assert!(store.entry_history(stored.id).await.unwrap().is_empty());
        assert_eq!(store.save_entry(&slug(), 2019, kalix(), &save(1, &["i tid"]), &by("a")).await.unwrap(), SaveOutcome::Saved { version: 2 });
        let history = store.entry_history(stored.id).await.unwrap();
        assert_eq!(history[0].saved_at, during_call(), "stamped by the caller's clock");
    }

    async fn a_save_with_too_many_answers_writes_nothing(store) {
        demo::load(store).await.unwrap();
        store.ensure_entry(&slug(), 2019, kalix(), &by("t")).await.unwrap();
        store.save_entry(&slug(), 2019, kalix(), &save(1, &["kept"]), &by("a")).await.unwrap();
        assert!(store.save_entry(&slug(), 2019, kalix(), &save(2, &["1", "2", "3", "4"]), &by("a")).await.is_err());
        let stored = store.entry_record(&slug(), 2019, kalix()).await.unwrap().unwrap();
        assert_eq!((stored.version, stored.entry.answers.clone()), (2, vec!["kept".to_owned()]));
    }

    async fn every_kind_of_question_reads_back(store) {
        demo::load(store).await.unwrap();
        let mut content = demo::edition_content();
        content.questions.push(Question {
            prompt: LocalizedText::new("Mognad", "Maturity"),
            help: LocalizedText::new("Svara för varje indikator.", "Answer each indicator."),
            kind: QuestionKind::Maturity { indicators: vec![LocalizedText::sv_only("E-tjänster"), LocalizedText::sv_only("Öppna data")] },
            required: true,
        });
        content.questions.push(Question { kind: QuestionKind::Number { min: Some(0), max: Some(1000) }, required: false, ..content.questions[0].clone() });
        content.questions.push(Question { kind: QuestionKind::YesNo, ..content.questions[0].clone() });
        store.put_edition(&content, &by("t")).await.unwrap();
        assert_eq!(store.questions(&slug(), 2019).await.unwrap(), content.questions);
        let e = store.edition(&slug(), 2019).await.unwrap().unwrap();
        assert_eq!(e.call, content.edition.call);
    }
}
