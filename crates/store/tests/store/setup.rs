//! Starting from nothing: a new award and a new edition are created once (a second with the
//! same slug or year writes nothing), and a timeline is replaced whole, on both backends.

use juryn_domain::{
    Award, CallWindow, DateSpan, Edition, LocalizedText, Milestone, MilestoneKind, Phase, Slug,
};
use juryn_store::prelude::*;
use juryn_store::{EditionContent, StoreError};

use crate::backends::store_suite;
use crate::by;

fn award(name: &str) -> Award {
    Award {
        slug: Slug::parse("testpriset").unwrap(),
        name: LocalizedText::sv_only(name),
        organiser: String::new(),
        description: LocalizedText::default(),
        criterion: LocalizedText::default(),
        how_chosen: LocalizedText::default(),
        prize: LocalizedText::default(),
        logo: None,
    }
}

fn edition(year: i16, ordinal: Option<u16>) -> EditionContent {
    EditionContent {
        edition: Edition {
            award: Slug::parse("testpriset").unwrap(),
            year,
            ordinal,
            phase: Phase::Draft,
            selection: LocalizedText::default(),
            nominees_public_at: None,
            announce_at: None,
            nominees: vec![],
            winner: None,
            shortlist_min: 3,
            shortlist_max: 5,
            call: CallWindow { opens_at: None, closes_at: None, grace_minutes: 0 },
        },
        timeline: vec![],
        jury: vec![],
        criteria: vec![],
        questions: vec![],
        carried: Default::default(),
    }
}

fn slug() -> Slug {
    Slug::parse("testpriset").unwrap()
}

fn at(t: &str) -> jiff::Timestamp {
    t.parse().unwrap()
}

store_suite! {
    async fn an_award_and_an_edition_are_created_once(store) {
        assert!(store.create_award(&award("Testpriset"), &by("test")).await.unwrap());
        assert!(!store.create_award(&award("Igen"), &by("test")).await.unwrap(), "the slug is taken");
        assert_eq!(store.award(&Slug::parse("testpriset").unwrap()).await.unwrap().unwrap().name.sv, "Testpriset");
        assert!(store.create_edition(&edition(2021, Some(11)), &by("test")).await.unwrap());
        let generation = store.generation().await.unwrap();
        assert!(!store.create_edition(&edition(2021, None), &by("test")).await.unwrap(), "the year is taken");
        assert_eq!(store.generation().await.unwrap(), generation, "nothing was written");
        let kept = store.edition(&Slug::parse("testpriset").unwrap(), 2021).await.unwrap().unwrap();
        assert_eq!(kept.ordinal, Some(11), "the first edition is untouched");
        let mut other = edition(2021, None);
        other.edition.award = Slug::parse("nopris").unwrap();
        assert!(matches!(store.create_edition(&other, &by("test")).await, Err(StoreError::NoAward(_))));
    }

    async fn a_timeline_is_replaced_whole_and_in_order(store) {
        store.create_award(&award("Testpriset"), &by("test")).await.unwrap();
        store.create_edition(&edition(2021, None), &by("test")).await.unwrap();
        let slug = Slug::parse("testpriset").unwrap();
        let m = |kind, span: &str| Milestone {
            kind,
            label: LocalizedText::sv_only(format!("{kind:?}")),
            span: DateSpan::parse(span).unwrap(),
            moved: None,
        };
        let timeline = vec![m(MilestoneKind::CallCloses, "2021-04-29"), m(MilestoneKind::Gala, "2022-05-02")];
        store.set_timeline(&slug, 2021, &timeline, &by("test")).await.unwrap();
        assert_eq!(store.timeline(&slug, 2021).await.unwrap(), timeline);
        store.set_timeline(&slug, 2021, &timeline[1..], &by("test")).await.unwrap();
        assert_eq!(store.timeline(&slug, 2021).await.unwrap(), timeline[1..]);
        assert!(matches!(store.set_timeline(&slug, 2030, &timeline, &by("test")).await, Err(StoreError::NoEdition(..))));
    }

    async fn a_due_call_is_listed_and_moved_once(store) {
        store.create_award(&award("Testpriset"), &by("test")).await.unwrap();
        let mut content = edition(2021, None);
        content.edition.call = CallWindow {
            opens_at: Some("2021-01-10T08:00:00Z".parse().unwrap()),
            closes_at: Some("2021-04-29T21:59:00Z".parse().unwrap()),
            grace_minutes: 30,
        };
        store.create_edition(&content, &by("test")).await.unwrap();
        let slug = Slug::parse("testpriset").unwrap();
        assert!(store.calls_due(at("2021-01-10T07:59:59Z")).await.unwrap().is_empty());
        assert_eq!(store.calls_due(at("2021-01-10T08:00:00Z")).await.unwrap(), vec![(slug.clone(), 2021, Phase::Draft)]);
        assert!(store.advance_phase(&slug, 2021, Phase::Draft, Phase::CallOpen, &by("system")).await.unwrap());
        assert!(!store.advance_phase(&slug, 2021, Phase::Draft, Phase::CallOpen, &by("system")).await.unwrap(), "moved once");
        // Open: due only once the deadline and its grace have passed.
        assert!(store.calls_due(at("2021-04-29T22:20:00Z")).await.unwrap().is_empty());
        assert_eq!(store.calls_due(at("2021-04-29T22:29:00Z")).await.unwrap(), vec![(slug.clone(), 2021, Phase::CallOpen)]);
    }

    async fn a_reschedule_keeps_the_old_date_and_moves_an_unpassed_announcement(store) {
        store.create_award(&award("Testpriset"), &by("test")).await.unwrap();
        let mut content = edition(2021, None);
        content.edition.announce_at = Some(at("2021-11-10T17:30:00Z"));
        store.create_edition(&content, &by("test")).await.unwrap();
        let slug = Slug::parse("testpriset").unwrap();
        let gala = Milestone {
            kind: MilestoneKind::Gala,
            label: LocalizedText::sv_only("Gala"),
            span: DateSpan::parse("2021-11").unwrap(),
            moved: None,
        };
        store.set_timeline(&slug, 2021, std::slice::from_ref(&gala), &by("test")).await.unwrap();
        let now = at("2021-10-01T08:00:00Z");
        let moved = juryn_domain::schedule::reschedule(&gala, DateSpan::parse("2022-05-02").unwrap(), now);
        let new_at = at("2022-05-02T16:30:00Z");
        store
            .reschedule((&slug, 2021), std::slice::from_ref(&moved), Some(new_at), (&juryn_store::Stamp::new("test", now), "gala"))
            .await
            .unwrap();
        assert_eq!(store.timeline(&slug, 2021).await.unwrap(), vec![moved.clone()], "the old date is kept");
        assert_eq!(store.edition(&slug, 2021).await.unwrap().unwrap().announce_at, Some(new_at));
        // An announcement already passed stays where it was.
        let later = at("2022-05-03T00:00:00Z");
        store
            .reschedule((&slug, 2021), std::slice::from_ref(&moved), Some(at("2022-06-01T10:00:00Z")), (&juryn_store::Stamp::new("test", later), "gala"))
            .await
            .unwrap();
        assert_eq!(store.edition(&slug, 2021).await.unwrap().unwrap().announce_at, Some(new_at));
    }

    async fn a_copied_edition_takes_the_policy_the_booklet_words_and_the_programme_in_one_write(store) {
        juryn_store::demo::load_at(store, Phase::Announced, at("2026-12-01T12:00:00Z")).await.unwrap();
        let sdk = Slug::parse("digitaliseringskommun").unwrap();
        let policy = juryn_domain::conflict::ConflictPolicy { whole_county: true };
        store.set_review_settings(&sdk, 2019, policy, (3, 5), &by("test")).await.unwrap();
        store
            .set_booklet_settings(&sdk, 2019, ("Kommunernas utveckling 2019", "Ett förord."), None, &by("test"))
            .await
            .unwrap();
        let carried = juryn_store::setup::create_edition(store, (&sdk, 2025), Some(11), Some(2019), &by("test"))
            .await
            .unwrap()
            .unwrap();
        assert!(carried.events > 0 && carried.jurors == 7);
        assert!(store.conflict_policy(&sdk, 2025).await.unwrap().whole_county);
        let booklet = store.booklet_settings(&sdk, 2025).await.unwrap();
        assert_eq!((booklet.title.as_str(), booklet.foreword.as_str()), ("Kommunernas utveckling 2025", "Ett förord."));
        assert_eq!(booklet.cover, None, "the cover is the year's own");
        assert!(store.entries(&sdk, 2025).await.unwrap().is_empty());
        assert!(store.decision(&sdk, 2025).await.unwrap().is_none());
        // From another award's edition, or one that does not exist: nothing.
        store.create_award(&award("Testpriset"), &by("test")).await.unwrap();
        let generation = store.generation().await.unwrap();
        let refused =
            juryn_store::setup::create_edition(store, (&slug(), 2025), None, Some(2019), &by("test")).await.unwrap();
        assert_eq!(refused, Err(juryn_store::setup::EditionRefusal::NoSource(2019)));
        assert_eq!(store.generation().await.unwrap(), generation, "nothing was written");
    }
}
