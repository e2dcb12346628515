//! The demo jury's decision in October 2019: six ranked ballots over the five nominees (Jonas
//! Berg, conflicted with Karlskrona, does not vote), counted by the Schulze method — Lidingö,
//! the real 2019 winner, beats each of the others — with an invented citation marked as example
//! text, sealed with a fresh random nonce exactly as a real decision is.

use jiff::Timestamp;
use juryn_domain::seal::{Decision, Method, ballots_sha256};
use juryn_domain::{MunicipalityCode, Phase, Slug, schulze};

use super::ACTOR;
use super::sdk2019::{self, AWARD_SLUG, YEAR, code};
use crate::{NewDecision, Result, Store, StoreError};

/// The citation (*motivering*), invented for the demo.
pub const CITATION: &str = "Lidingö stad har gjort digitaliseringen till en del av hela \
    verksamheten, med tjänster som invånarna faktiskt använder och en öppen uppföljning av vad de \
    ger. (Exempeltext.)";

/// The ballots, best first, in the order the jurors cast them.
pub fn ballots() -> Vec<Vec<MunicipalityCode>> {
    [
        ["0186", "2480", "1780", "1080", "0181"],
        ["2480", "0186", "1080", "1780", "0181"],
        ["0186", "1780", "2480", "0181", "1080"],
        ["1780", "0186", "2480", "1080", "0181"],
        ["0186", "1080", "2480", "1780", "0181"],
        ["2480", "0186", "1780", "0181", "1080"],
    ]
    .iter()
    .map(|b| b.iter().map(|c| code(c)).collect())
    .collect()
}

/// The count of the ballots over the nominees in the order they were published (which is also
/// the tie-break order stated in advance).
pub fn count() -> std::result::Result<schulze::Count, schulze::CountError> {
    let nominees = sdk2019::nominees();
    let index = |c: &MunicipalityCode| nominees.iter().position(|n| n == c).unwrap_or(usize::MAX);
    let ballots: Vec<schulze::Ballot> =
        ballots().iter().map(|b| schulze::Ballot(b.iter().map(index).collect())).collect();
    schulze::count(nominees.len(), &ballots, &(0..nominees.len()).collect::<Vec<_>>())
}

/// Moves the edition (recorded shortlist) through deliberation to decided, sealing the decision;
/// a decision sealed on an earlier load stays as it was.
pub async fn decide(store: &dyn Store, now: Timestamp) -> Result<()> {
    let slug = Slug::parse(AWARD_SLUG).map_err(|e| StoreError::Invalid(e.to_string()))?;
    if store.decision(&slug, YEAR).await?.is_some() {
        return store.set_phase(&slug, YEAR, Phase::Decided, ACTOR).await;
    }
    let count = count().map_err(|e| StoreError::Invalid(format!("demo ballots: {e}")))?;
    let winner = sdk2019::nominees()[count.winner];
    let decision = Decision {
        award: slug.clone(),
        ballots_sha256: Some(ballots_sha256(&ballots())),
        citation: CITATION.to_owned(),
        method: Method::Schulze,
        winner,
        year: YEAR,
    };
    let mut nonce = [0u8; 32];
    getrandom::fill(&mut nonce).map_err(|e| StoreError::Invalid(format!("no random source: {e}")))?;
    store.set_phase(&slug, YEAR, Phase::Deliberation, ACTOR).await?;
    let new = NewDecision {
        method: Method::Schulze,
        winner,
        citation: CITATION.to_owned(),
        ballots: Some(ballots()),
        seal: decision.seal(nonce),
        sealed_at: now,
    };
    store
        .record_decision(&slug, YEAR, &new, ACTOR)
        .await?
        .map_err(|r| StoreError::Invalid(format!("demo decision refused: {r:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ballots_choose_lidingo_outright() {
        let count = count().unwrap();
        assert_eq!(sdk2019::nominees()[count.winner], sdk2019::winner_2019());
        assert!(!count.tie_broken, "a clear winner, not a tie");
    }
}
