//! The demo's publication consents and open data: 42 of the 44 municipalities consented to
//! publication (two did not, so the organiser sees who is left out and why), and from the
//! nominations on the open data are public under CC BY 4.0 from 14 June 2019.

use juryn_domain::opendata::Licence;
use juryn_domain::{EntryStatus, Phase, Slug};

use super::sdk2019::{self, AWARD_SLUG, PARTICIPANTS, YEAR};
use super::stamp;
use crate::{EntrySave, Result, Store, StoreError};

/// The two that did not consent (invented).
pub const WITHOUT_CONSENT: [&str; 2] = ["0380", "1490"];

pub async fn load(store: &dyn Store, phase: Phase, now: jiff::Timestamp) -> Result<()> {
    let slug = Slug::parse(AWARD_SLUG).map_err(|e| StoreError::Invalid(e.to_string()))?;
    if phase < Phase::CallClosed {
        return Ok(());
    }
    consent(store, (&slug, YEAR), PARTICIPANTS.iter().map(|c| sdk2019::code(c)), now).await?;
    if phase >= Phase::Nominated {
        let at = sdk2019::stockholm(jiff::civil::date(2019, 6, 14), 10, 0);
        store.set_open_data(&slug, YEAR, Licence::CcBy4, at, &stamp(at)).await?;
    }
    Ok(())
}

/// Every submitted entry of an edition other than 2019 consents (as when it was sent in), but
/// for the same two municipalities.
pub async fn consent_later(
    store: &dyn Store,
    (slug, year): (&Slug, i16),
    now: jiff::Timestamp,
) -> Result<()> {
    let codes: Vec<_> = store.entry_statuses(slug, year).await?.into_iter().map(|(c, _)| c).collect();
    consent(store, (slug, year), codes.into_iter(), now).await
}

/// The entries of `codes` consent (those submitted, but for `WITHOUT_CONSENT`), as when they
/// were sent in.
async fn consent(
    store: &dyn Store,
    (slug, year): (&Slug, i16),
    codes: impl Iterator<Item = juryn_domain::MunicipalityCode>,
    now: jiff::Timestamp,
) -> Result<()> {
    for code in codes.filter(|c| !WITHOUT_CONSENT.contains(&c.as_str())) {
        let Some(record) = store.entry_record(slug, year, code).await? else { continue };
        if record.consent || record.entry.status != EntryStatus::Submitted {
            continue;
        }
        let save = EntrySave {
            expected_version: record.version,
            status: record.entry.status,
            answers: record.entry.answers.clone(),
            consent: true,
            submitted_at: record.entry.submitted_at,
        };
        // Consent given when the entry was sent in, while the call was open.
        let by = stamp(record.entry.submitted_at.unwrap_or(now));
        store.save_entry(slug, year, record.entry.municipality, &save, &by).await?;
    }
    Ok(())
}
