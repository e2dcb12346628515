//! Awards, editions, entries and the demo, on both backends.

use juryn_domain::{EntryStatus, Grant, Lang, MunicipalityCode, PastWinner, Phase, Slug};
use juryn_store::demo;
use juryn_store::prelude::*;
use juryn_store::{EntryContent, Granted, NewUser, StoreError};

use crate::backends::store_suite;
use crate::by;

fn slug() -> Slug {
    Slug::parse(demo::AWARD_SLUG).unwrap()
}

fn code(c: &str) -> MunicipalityCode {
    MunicipalityCode::parse(c).unwrap()
}

/// Everything the demo puts in the store, read back, for comparing loads.
async fn snapshot(store: &dyn Store) -> String {
    let s = slug();
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        store.awards().await.unwrap(),
        store.editions(&s).await.unwrap(),
        store.timeline(&s, 2019).await.unwrap(),
        store.jury(&s, 2019).await.unwrap(),
        store.criteria(&s, 2019).await.unwrap(),
        store.questions(&s, 2019).await.unwrap(),
        store.past_winners(&s).await.unwrap(),
        store.entries(&s, 2019).await.unwrap(),
    )
}

store_suite! {
    async fn an_empty_store_has_no_awards(store) {
        assert!(store.awards().await.unwrap().is_empty());
        assert!(store.award(&slug()).await.unwrap().is_none());
        assert!(store.edition(&slug(), 2019).await.unwrap().is_none());
        assert_eq!(store.generation().await.unwrap(), 0);
    }

    async fn the_demo_reads_back_as_it_was_written(store) {
        demo::load(store).await.unwrap();
        let s = slug();
        assert_eq!(store.award(&s).await.unwrap().unwrap(), demo::award());
        let content = demo::edition_content();
        assert_eq!(store.edition(&s, 2019).await.unwrap().unwrap(), content.edition);
        assert_eq!(store.timeline(&s, 2019).await.unwrap(), content.timeline);
        assert_eq!(store.jury(&s, 2019).await.unwrap(), content.jury);
        assert_eq!(store.criteria(&s, 2019).await.unwrap(), content.criteria);
        assert_eq!(store.questions(&s, 2019).await.unwrap(), content.questions);
        assert_eq!(store.past_winners(&s).await.unwrap(), demo::past_winners());
        let entries = store.entries(&s, 2019).await.unwrap();
        assert_eq!(entries.len(), 44);
        let mut expected = demo::entries();
        expected.sort_by_key(|e| e.municipality);
        assert_eq!(entries, expected);
    }

    async fn loading_the_demo_twice_changes_nothing(store) {
        demo::load(store).await.unwrap();
        let first = snapshot(store).await;
        demo::load(store).await.unwrap();
        assert_eq!(snapshot(store).await, first);
    }

    async fn an_edition_is_updated_in_place(store) {
        demo::load(store).await.unwrap();
        let mut content = demo::edition_content();
        content.jury.remove(3);
        content.jury[0].organisation = "Ny organisation".into();
        content.timeline.truncate(2);
        content.criteria.truncate(1);
        content.edition.nominees.truncate(3);
        store.put_edition(&content, &by("test")).await.unwrap();
        let s = slug();
        assert_eq!(store.jury(&s, 2019).await.unwrap(), content.jury);
        assert_eq!(store.timeline(&s, 2019).await.unwrap().len(), 2);
        assert_eq!(store.criteria(&s, 2019).await.unwrap().len(), 1);
        assert_eq!(store.edition(&s, 2019).await.unwrap().unwrap().nominees.len(), 3);
        assert_eq!(store.editions(&s).await.unwrap().len(), 1);
    }

    async fn every_write_is_audited_and_bumps_the_generation(store) {
        demo::load(store).await.unwrap();
        let before = store.generation().await.unwrap();
        // The event's time is the writer's, by their clock, not the database's.
        let organiser = juryn_store::Stamp::new("organiser@example.se", "2019-06-01T08:00:00Z".parse().unwrap());
        assert!(store.advance_phase(&slug(), 2019, Phase::Nominated, Phase::InDepthReview, &organiser).await.unwrap());
        assert_eq!(store.generation().await.unwrap(), before + 1);
        let last = &store.audit_events(1).await.unwrap()[0];
        assert_eq!((last.actor.as_str(), last.at), ("organiser@example.se", organiser.at));
        assert_eq!(last.action, "edition.phase");
        assert_eq!(last.subject, "digitaliseringskommun/2019");
        assert_eq!(last.detail, "nominated -> in-depth-review");
        assert_eq!(store.edition(&slug(), 2019).await.unwrap().unwrap().phase, Phase::InDepthReview);
    }

    async fn writes_to_unknown_awards_and_editions_are_refused(store) {
        let other = Slug::parse("ingen-sadan").unwrap();
        let err = store.advance_phase(&other, 2019, Phase::Draft, Phase::CallOpen, &by("t")).await.unwrap_err();
        assert!(matches!(err, StoreError::NoEdition(_, 2019)), "{err}");
        let mut content = demo::edition_content();
        content.edition.award = other.clone();
        let err = store.put_edition(&content, &by("t")).await.unwrap_err();
        assert!(matches!(err, StoreError::NoAward(_)), "{err}");
        assert!(store.put_past_winners(&other, &[], &by("t")).await.is_err());
        assert_eq!(store.generation().await.unwrap(), 0, "a refused write leaves nothing behind");
    }

    async fn a_failing_write_leaves_nothing_half_done(store) {
        demo::load(store).await.unwrap();
        let before = snapshot(store).await;
        let generation = store.generation().await.unwrap();
        let entry = EntryContent {
            municipality: code("2514"),
            status: EntryStatus::Draft,
            submitted_at: None,
            answers: vec!["a".into(), "b".into(), "c".into(), "one too many".into()],
            is_example: false,
        };
        assert!(store.put_entry(&slug(), 2019, &entry, &by("t")).await.is_err());
        assert_eq!(snapshot(store).await, before);
        assert_eq!(store.generation().await.unwrap(), generation);
    }

    async fn a_municipality_lists_its_entries_and_nominations(store) {
        demo::load(store).await.unwrap();
        let lidingo = store.participations(code("0186")).await.unwrap();
        assert_eq!(lidingo.len(), 1);
        assert_eq!(lidingo[0].edition.year, 2019);
        assert_eq!(lidingo[0].status, Some(EntryStatus::Submitted));
        assert_eq!(lidingo[0].award.slug, slug());
        // A nominee without an entry of its own still shows up.
        let mut content = demo::edition_content();
        content.edition.nominees.push(code("2514"));
        store.put_edition(&content, &by("t")).await.unwrap();
        let kalix = store.participations(code("2514")).await.unwrap();
        assert_eq!(kalix.len(), 1);
        assert_eq!(kalix[0].status, Some(EntryStatus::Submitted));
        let kiruna = store.participations(code("2584")).await.unwrap();
        assert_eq!(kiruna.len(), 1);
        assert!(store.participations(code("0584")).await.unwrap().is_empty());
    }

    async fn past_winners_are_replaced_as_a_whole(store) {
        demo::load(store).await.unwrap();
        let joint = PastWinner {
            year: 2023,
            municipality: code("2062"),
            with: vec![code("2034"), code("2039")],
            citation: "Tre kommuner, en förvaltning.".into(),
        };
        let w = [PastWinner::single(2001, code("2514")), joint];
        store.put_past_winners(&slug(), &w, &by("t")).await.unwrap();
        assert_eq!(store.past_winners(&slug()).await.unwrap(), w);
    }

    async fn a_user_is_one_account_whatever_the_email_case(store) {
        let user = |email: &str, hash: Option<&str>| NewUser {
            email: email.into(),
            name: "Karin Ekholm".into(),
            lang: Lang::Sv,
            password_hash: hash.map(Into::into),
        };
        let id = store.put_user(&user("Karin@Example.se", Some("$argon2id$x")), &by("cli")).await.unwrap();
        let again = store.put_user(&user("karin@example.se", None), &by("cli")).await.unwrap();
        assert_eq!(id, again);
        let found = store.user_by_email("KARIN@example.se").await.unwrap().unwrap();
        assert_eq!(found.password_hash.as_deref(), Some("$argon2id$x"), "no password given keeps the old one");
        assert_eq!(store.grant(id, &Grant::organiser(), &by("cli")).await.unwrap(), Granted::New(1));
        assert!(matches!(store.grant(id, &Grant::organiser(), &by("cli")).await.unwrap(), Granted::Existing(_)));
        assert_eq!(store.grants_of(id).await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn sqlite_creates_its_file_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("juryn.db");
    let url = format!("sqlite://{}", path.display());
    let store = juryn_store::open(&url).await.unwrap();
    assert_eq!(store.backend(), "sqlite");
    assert!(path.exists());
    drop(store);
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    let mode: String = sqlx::query_scalar("pragma journal_mode").fetch_one(&pool).await.unwrap();
    assert_eq!(mode, "wal");
}

#[tokio::test]
async fn a_bad_url_is_a_clear_error() {
    let err = juryn_store::open("mysql://localhost/juryn").await.err().unwrap();
    assert!(err.to_string().contains("unsupported database URL"), "{err}");
    let err = juryn_store::open("sqlite:///nonexistent-dir/for/sure/juryn.db").await.err().unwrap();
    assert!(err.to_string().contains("cannot open"), "{err}");
}
