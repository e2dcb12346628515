//! The demo's later editions as history: each is replayed through the store's own steps, at the
//! times they happened (rounds set up, each cut recorded and published, the shortlist, the
//! meetings' phase, the sealed decision, the announcement), so what the pages show of them is
//! what the store would hold had the award run in juryn. Loading again changes nothing.

use jiff::civil::date;
use juryn_domain::seal::{Decision, Method};
use juryn_domain::{MunicipalityCode, Phase};

use super::sdk2019::{code, stockholm};
use super::{advance_edition, sdk2021, stamp};
use crate::{Result, Store, StoreError};

fn refused(what: &str, why: impl std::fmt::Debug) -> StoreError {
    StoreError::Invalid(format!("demo {what} refused: {why:?}"))
}

fn with_rationales(codes: &[&str], why: &str) -> Vec<(MunicipalityCode, String)> {
    codes.iter().map(|c| (code(c), why.to_owned())).collect()
}

/// 2021, from its first cut to the announcement on 2 May 2022.
pub async fn load_2021(store: &dyn Store) -> Result<()> {
    let slug = sdk2021::slug();
    let year = sdk2021::YEAR;
    if store.edition(&slug, year).await?.is_some_and(|e| e.phase >= Phase::Announced) {
        return Ok(());
    }
    let started = stamp(stockholm(date(2021, 5, 3), 9, 0));
    store.put_edition(&sdk2021::edition_content(), &started).await?;
    for entry in sdk2021::entries() {
        store.put_entry(&slug, year, &entry, &started).await?;
    }
    store.put_rounds(&slug, year, &sdk2021::rounds(), &started).await?.map_err(|r| refused("rounds", r))?;
    let may = stockholm(date(2021, 5, 27), 10, 0);
    let first = with_rationales(&sdk2021::FIRST_CUT, "Exempelmotivering för nomineringen.");
    store
        .record_cut((&slug, year, 1), &first, Some(may), &stamp(may))
        .await?
        .map_err(|r| refused("cut", r))?;
    let june = stockholm(date(2021, 6, 17), 10, 0);
    let finalists = with_rationales(&sdk2021::FINALISTS, "Exempelmotivering för slutnomineringen.");
    store
        .record_shortlist(&slug, year, &finalists, &stamp(june))
        .await?
        .map_err(|r| refused("shortlist", r))?;
    store.schedule_nominees(&slug, year, june, &stamp(june)).await?;
    let autumn = stamp(stockholm(date(2021, 9, 1), 9, 0));
    advance_edition(store, year, (Phase::Nominated, Phase::InDepthReview), &autumn).await?;
    let meeting = stockholm(date(2021, 10, 28), 15, 0);
    advance_edition(store, year, (Phase::InDepthReview, Phase::Deliberation), &stamp(meeting)).await?;
    seal(store, year, (code(sdk2021::WINNER), sdk2021::CITATION), meeting).await?;
    let gala = stockholm(date(2022, 5, 2), 19, 0);
    advance_edition(store, year, (Phase::Decided, Phase::Announced), &stamp(gala)).await
}

/// Seals a decision reached by consensus (the demo's later editions keep no ballots).
async fn seal(
    store: &dyn Store,
    year: i16,
    (winner, citation): (MunicipalityCode, &str),
    at: jiff::Timestamp,
) -> Result<()> {
    let slug = sdk2021::slug();
    let decision = Decision {
        award: slug.clone(),
        ballots_sha256: None,
        citation: citation.to_owned(),
        method: Method::Consensus,
        winner,
        year,
    };
    let new = super::decision::sealed(decision, None, at)?;
    store.record_decision(&slug, year, &new, &stamp(at)).await?.map_err(|r| refused("decision", r))
}
