//! Whatever was written before, and in whatever order writes come after, nothing reaches an
//! edition once it is archived: each write is refused with `Archived` and the data generation
//! (bumped by every write) stands still. SQLite only: each case loads a fresh demo.

use crate::by;
use juryn_domain::conflict::Ruling;
use juryn_domain::{CallWindow, EntryStatus, MunicipalityCode, Phase, Slug};
use juryn_store::Stamp;
use juryn_store::prelude::*;
use juryn_store::{EntrySave, StoreError, demo};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Write {
    SaveEntry(String),
    PostDiscussion(String),
    DeclareConflict(String),
    DraftCitation(String),
    ClaimReminder(String),
    SetCallWindow(u32),
    KeepTimeline,
}

fn write() -> impl Strategy<Value = Write> {
    prop_oneof![
        "[a-zåäö ]{1,30}".prop_map(Write::SaveEntry),
        "[a-zåäö ]{1,30}".prop_map(Write::PostDiscussion),
        "[a-zåäö]{3,30}".prop_map(Write::DeclareConflict),
        "[a-zåäö ]{1,30}".prop_map(Write::DraftCitation),
        "[a-z]{1,10}".prop_map(Write::ClaimReminder),
        (0u32..120).prop_map(Write::SetCallWindow),
        Just(Write::KeepTimeline),
    ]
}

async fn apply(store: &dyn Store, w: &Write, now: jiff::Timestamp) -> Result<(), StoreError> {
    let slug = Slug::parse(demo::AWARD_SLUG).unwrap();
    let lidingo = MunicipalityCode::parse("0186").unwrap();
    let juror = store.jury_members(&slug, 2019).await?[0].user_id;
    match w {
        Write::SaveEntry(text) => {
            let record = store.entry_record(&slug, 2019, lidingo).await?.expect("Lidingö's entry");
            let save = EntrySave {
                expected_version: record.version,
                status: EntryStatus::Submitted,
                answers: vec![text.clone(); record.entry.answers.len()],
                consent: true,
                submitted_at: record.entry.submitted_at,
            };
            let at = Stamp::new("prop", record.entry.submitted_at.unwrap_or(now));
            store.save_entry(&slug, 2019, lidingo, &save, &at).await.map(|_| ())
        }
        Write::PostDiscussion(text) => store
            .post_discussion(&slug, 2019, lidingo, juror, text, &Stamp::new("prop", now))
            .await
            .map(|_| ()),
        Write::DeclareConflict(reason) => {
            let ruling = Ruling::Declared { municipality: lidingo, reason: reason.clone() };
            store.add_ruling(&slug, 2019, juror, &ruling, Some(juror), &by("prop")).await.map(|_| ())
        }
        Write::DraftCitation(text) => store.draft_citation(&slug, 2019, text, &by("prop")).await.map(|_| ()),
        Write::ClaimReminder(kind) => {
            store.claim_reminder(&slug, 2019, kind, juror, &by("prop")).await.map(|_| ())
        }
        Write::SetCallWindow(grace) => {
            let call = CallWindow { opens_at: None, closes_at: Some(now), grace_minutes: *grace };
            store.set_call_window(&slug, 2019, &call, &by("prop")).await
        }
        Write::KeepTimeline => {
            let timeline = store.timeline(&slug, 2019).await?;
            store.set_timeline(&slug, 2019, &timeline, &by("prop")).await
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn no_write_reaches_an_archived_edition(
        before in proptest::collection::vec(write(), 0..4),
        after in proptest::collection::vec(write(), 1..8),
    ) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let (store, _dir) = crate::backends::sqlite().await;
            let now: jiff::Timestamp = "2026-12-01T12:00:00Z".parse().unwrap();
            demo::load_at(&*store, Phase::Announced, now).await.unwrap();
            let slug = Slug::parse(demo::AWARD_SLUG).unwrap();
            for w in &before {
                // Before the archive, a write may stand or be refused for its own reasons.
                let _ = apply(&*store, w, now).await;
            }
            crate::force_phase(&*store, &slug, 2019, Phase::Archived).await;
            let generation = store.generation().await.unwrap();
            let citation = store.citation(&slug, 2019).await.unwrap();
            for w in &after {
                let result = apply(&*store, w, now).await;
                prop_assert!(matches!(result, Err(StoreError::Archived(..))), "{w:?}: {result:?}");
            }
            prop_assert_eq!(store.generation().await.unwrap(), generation);
            prop_assert_eq!(store.citation(&slug, 2019).await.unwrap(), citation);
            Ok(())
        })?;
    }
}
