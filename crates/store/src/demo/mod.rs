//! The demo: *Sveriges DigitaliseringsKommun* and its 2019 edition as the public saw it on
//! 31 May 2019, when the five nominees were announced.
//!
//! The award, its timeline, the nominees, the questions, the criteria and the past winners are
//! real. The jury and every answer are invented and marked as example data. Loading is a set of
//! upserts by natural keys, so loading twice changes nothing.

mod answers;
mod decision;
mod history;
mod jury;
mod opendata;
mod phases;
mod programme;
mod sdk2019;
pub mod sdk2021;
pub mod sdk2023;
pub mod synthetic;

use jiff::Timestamp;
use juryn_domain::Phase;

use crate::{Result, Store};

pub use decision::CITATION;
pub use jury::{TRYING_JUROR, juror_email};
pub use opendata::consent_later;
pub use sdk2019::{
    AWARD_SLUG, PARTICIPANTS, YEAR, award, edition_content, entries, nominees, past_winners, winner_2019,
};

/// The actor recorded in the audit log for demo writes.
pub const ACTOR: &str = "demo";

/// The demo writing at `at`, by its story's clock.
pub fn stamp(at: Timestamp) -> crate::Stamp {
    crate::Stamp::new(ACTOR, at)
}

/// Creates or updates the demo in `store`, as it stood on 31 May 2019 (nominees announced).
pub async fn load(store: &dyn Store) -> Result<()> {
    let award = award();
    let by = stamp(sdk2019::stockholm(jiff::civil::date(2019, 5, 31), 12, 0));
    store.put_award(&award, &by).await?;
    store.put_edition(&edition_content(), &by).await?;
    store.put_past_winners(&award.slug, &past_winners(), &by).await?;
    for entry in entries() {
        store.put_entry(&award.slug, YEAR, &entry, &by).await?;
    }
    Ok(())
}

/// Creates or updates the demo as it stood at `phase`; phases before the nominees have the call
/// around `now`, so it can be tried. From `shortlisting` on, the jury has accounts, conflicts,
/// assignments and reviews; from `nominated` on, the chair's shortlist is recorded the way a
/// real one is (the store's compare-and-set from shortlisting to nominated).
pub async fn load_at(store: &dyn Store, phase: Phase, now: Timestamp) -> Result<()> {
    load_2019_at(store, phase, now).await?;
    // The later editions, as history, once 2019 is over.
    if phase >= Phase::Announced {
        history::load_2021(store).await?;
        history::load_2023(store).await?;
    }
    Ok(())
}

/// The editions the demo tells.
pub const EDITIONS: [i16; 3] = [2019, 2021, 2023];

/// Loads the demo with `year`'s story told as far as `phase` — 2019 exactly as [`load_at`];
/// 2021 or 2023 with the editions before it as history (2019 announced) and the later ones not
/// yet there. Before its jury starts, the edition's call is moved to around `now` so it can be
/// tried. Loading twice changes nothing.
pub async fn load_edition_at(store: &dyn Store, year: i16, phase: Phase, now: Timestamp) -> Result<()> {
    match year {
        2019 => return load_at(store, phase, now).await,
        2021 => {
            load_2019_at(store, Phase::Announced, now).await?;
            history::load_2021_at(store, phase, now).await?;
        }
        2023 => {
            load_2019_at(store, Phase::Announced, now).await?;
            history::load_2021(store).await?;
            history::load_2023_at(store, phase, now).await?;
        }
        _ => {
            return Err(crate::StoreError::Invalid(format!(
                "the demo tells 2019, 2021 and 2023, not {year}"
            )));
        }
    }
    // While it is told short of its gala, the edition's jury is 2019's again, so its rounds,
    // meetings and decision can be tried.
    if (Phase::Shortlisting..Phase::Announced).contains(&phase) {
        jury::serve_again(store, year, now).await?;
    }
    Ok(())
}

/// 2019 at `phase`, alone.
async fn load_2019_at(store: &dyn Store, phase: Phase, now: Timestamp) -> Result<()> {
    let award = award();
    let (mut content, entries) = phases::at(phase, phases::today(now));
    // The story is replayed: reviews are written while shortlisting, then the shortlist moves
    // the edition on. The nominees are the shortlist's to record.
    let target = content.edition.phase;
    if phase >= Phase::Nominated {
        content.edition.phase = Phase::Shortlisting;
        content.edition.nominees.clear();
    }
    let by = stamp(now);
    store.put_award(&award, &by).await?;
    store.put_edition(&content, &by).await?;
    store.put_past_winners(&award.slug, &past_winners(), &by).await?;
    for entry in &entries {
        store.put_entry(&award.slug, YEAR, entry, &by).await?;
    }
    opendata::load(store, phase, now).await?;
    let jurors = jury::accounts(store, now).await?;
    if phase >= Phase::Shortlisting {
        jury::reviews(store, &jurors, phase, now).await?;
    }
    if phase >= Phase::Nominated {
        let chair = store.jury_members(&award.slug, YEAR).await?.into_iter().find(|m| m.is_chair);
        let chair =
            chair.map_or_else(|| by.clone(), |c| crate::Stamp::new(format!("user/{}", c.user_id), now));
        store
            .record_shortlist(&award.slug, YEAR, &jury::rationales(), &chair)
            .await?
            .map_err(|r| crate::StoreError::Invalid(format!("demo shortlist refused: {r:?}")))?;
        if target >= Phase::InDepthReview {
            advance(store, Phase::Nominated, Phase::InDepthReview, &by).await?;
            decision::visits(store, &jurors, target, now).await?;
        }
        if target >= Phase::Deliberation {
            advance(store, Phase::InDepthReview, Phase::Deliberation, &by).await?;
            decision::deliberate(store, &jurors, target, now).await?;
        }
        if target >= Phase::Decided {
            // Decided: sealed now, the gala a week ahead. Announced: sealed at the jury's
            // meeting in October 2019, before the real gala.
            let sealed_at = if target == Phase::Decided {
                now
            } else {
                sdk2019::stockholm(jiff::civil::date(2019, 10, 15), 15, 0)
            };
            decision::decide(store, sealed_at).await?;
        }
        if target > Phase::Decided {
            advance(store, Phase::Decided, Phase::Announced, &by).await?;
        }
        if target > Phase::Announced {
            advance(store, Phase::Announced, target, &by).await?;
        }
    }
    if phase >= Phase::CallOpen {
        nominations(store, now).await?;
    }
    programme::load(store, now).await
}

/// Moves the demo's edition from `from` to `to` the way a button does (the store's
/// compare-and-set); an edition found elsewhere is an error, not a jump.
async fn advance(store: &dyn Store, from: Phase, to: Phase, by: &crate::Stamp) -> Result<()> {
    let slug = juryn_domain::Slug::parse(AWARD_SLUG).expect("demo slug");
    advance_edition(store, (&slug, YEAR), (from, to), by).await
}

/// The same for the edition `year` of the award `slug`.
async fn advance_edition(
    store: &dyn Store,
    (slug, year): (&juryn_domain::Slug, i16),
    (from, to): (Phase, Phase),
    by: &crate::Stamp,
) -> Result<()> {
    if store.advance_phase(slug, year, from, to, by).await? {
        Ok(())
    } else {
        Err(crate::StoreError::Invalid(format!("demo: {slug} {year} was not at {from} to move to {to}")))
    }
}

/// A few public nominations, confirmed (invented, like the answers). Each is named by a fixed
/// link hash, so loading again adds nothing.
async fn nominations(store: &dyn Store, now: Timestamp) -> Result<()> {
    use juryn_domain::nomination::{Nominator, NominatorKind};
    let person = || Nominator::default();
    let examples = [
        (
            "0186",
            "Lidingö har gjort det enkelt för invånarna att följa sina ärenden digitalt.",
            "Exempel Person",
            person(),
        ),
        (
            "0186",
            "Ett föredöme i digital medborgardialog.",
            "Exempel Nominerande",
            Nominator { kind: NominatorKind::Organisation, organisation: "Exempelföreningen".into() },
        ),
        ("2480", "Umeås öppna data används av företag i hela regionen.", "Exempel Person", person()),
    ];
    let slug = juryn_domain::Slug::parse(AWARD_SLUG).expect("demo slug");
    for (i, (code, reason, name, nominator)) in examples.into_iter().enumerate() {
        let hash = format!("demo-nomination-{i}");
        let n = crate::model::NewNomination {
            municipality: juryn_domain::MunicipalityCode::parse(code).expect("demo code"),
            reason: reason.into(),
            nominator_name: name.into(),
            nominator_email: format!("exempel{i}@example.invalid"),
            nominator,
            answers: Vec::new(),
            token_hash: hash.clone(),
            at: now,
            expires_at: now.checked_add(jiff::SignedDuration::from_hours(24 * 365)).unwrap_or(now),
        };
        store.put_nomination(&slug, YEAR, &n).await?;
        // Already confirmed on an earlier load: nothing to do.
        let _ = store.confirm_nomination(&hash, now).await?;
    }
    Ok(())
}
