//! An archived edition is read-only in the store itself: every write to it is refused with
//! `Archived` and leaves the data as it was, whichever handler or command would have asked —
//! declaring a conflict, posting to the discussion and sending reminders included. Its phase
//! and the people's roles may still change.

use juryn_domain::conflict::Ruling;
use juryn_domain::visit::Report;
use juryn_domain::{CallWindow, MunicipalityCode, Phase, Slug};
use juryn_store::prelude::*;
use juryn_store::{JurorProfile, StoreError, demo};

use crate::backends::store_suite;
use crate::by;

macro_rules! refused {
    ($($call:expr),+ $(,)?) => {
        $(
            let result = $call.await.map(|_| ());
            assert!(matches!(result, Err(StoreError::Archived(..))), "{}: {result:?}", stringify!($call));
        )+
    };
}

store_suite! {
    async fn every_write_to_an_archived_edition_is_refused_and_changes_nothing(store) {
        let now: jiff::Timestamp = "2026-12-01T12:00:00Z".parse().unwrap();
        demo::load_at(store, Phase::Announced, now).await.unwrap();
        let slug = Slug::parse(demo::AWARD_SLUG).unwrap();
        let edition = (&slug, 2019);
        crate::force_phase(store, &slug, 2019, Phase::Archived).await;
        let before = store.generation().await.unwrap();
        let timeline = store.timeline(&slug, 2019).await.unwrap();
        let juror = store.jury_members(&slug, 2019).await.unwrap()[0].user_id;
        let visit = store.visits(&slug, 2019).await.unwrap()[0].id;
        let lidingo = MunicipalityCode::parse("0186").unwrap();
        let profile = store.jury_profiles(&slug, 2019).await.unwrap()[0].clone();
        let ruling = Ruling::Declared { municipality: lidingo, reason: "Jag arbetar där.".into() };
        let call = CallWindow { opens_at: None, closes_at: None, grace_minutes: 0 };
        let report = Report { answers: vec![], observations: "Efteråt".into() };
        refused!(
            store.set_timeline(&slug, 2019, &timeline, &by("test")),
            store.reschedule(edition, &timeline, None, (&juryn_store::Stamp::new("test", now), "x")),
            store.put_events(&slug, 2019, &[], &by("test")),
            store.put_questions(&slug, 2019, &[], &by("test")),
            store.put_criteria(&slug, 2019, &[], &by("test")),
            store.set_call_window(&slug, 2019, &call, &by("test")),
            store.add_ruling(&slug, 2019, juror, &ruling, Some(juror), &by("test")),
            store.post_discussion(&slug, 2019, lidingo, juror, "Ändrar mig", &juryn_store::Stamp::new("test", now)),
            store.claim_reminder(&slug, 2019, "påminnelse", juror, &by("test")),
            store.draft_citation(&slug, 2019, "En ny motivering", &by("test")),
            store.schedule_nominees(&slug, 2019, now, &by("test")),
            store.set_booklet_settings(&slug, 2019, ("Titel", ""), None, &by("test")),
            store.set_open_data(&slug, 2019, juryn_domain::opendata::Licence::Cc0, now, &by("test")),
            store.save_juror_profile(edition, Some(profile.id), &JurorProfile { ..profile.clone() }, &by("test")),
            store.remove_juror_profile(edition, profile.id, &by("test")),
            store.save_report(visit, &report, juror, &juryn_store::Stamp::new("test", now)),
        );
        assert_eq!(store.generation().await.unwrap(), before, "nothing was written");
        // Its phase may still change (to take it out of the archive), and reads work as ever.
        assert_eq!(store.timeline(&slug, 2019).await.unwrap(), timeline);
        crate::force_phase(store, &slug, 2019, Phase::Announced).await;
        store.set_timeline(&slug, 2019, &timeline, &by("test")).await.unwrap();
    }
}
