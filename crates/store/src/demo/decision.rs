//! The demo jury's decision in October 2019: six ranked ballots over the five nominees (Jonas
//! Berg, conflicted with Karlskrona, does not vote), counted by the Schulze method — Lidingö,
//! the real 2019 winner, beats each of the others — with an invented citation marked as example
//! text, sealed with a fresh random nonce exactly as a real decision is.

use jiff::Timestamp;
use juryn_domain::seal::{Decision, Method, ballots_sha256};
use juryn_domain::{MunicipalityCode, Phase, Slug, schulze};

use super::sdk2019::{self, AWARD_SLUG, YEAR, code};
use super::stamp;
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

fn slug() -> Result<Slug> {
    Slug::parse(AWARD_SLUG).map_err(|e| StoreError::Invalid(e.to_string()))
}

/// Who visits whom: two jurors per nominee, never one with a conflict, never two visits at once
/// (one nominee a day in early September 2019).
fn visitors(nominee: usize) -> [usize; 2] {
    // Indices into the demo jury: Karin 0, Anders 1, Leila 2, Mats 3, Sofia 4, Jonas 5, Åsa 6.
    [[0, 2], [3, 4], [6, 1], [2, 5], [0, 3]][nominee % 5]
}

/// The visits to the five nominees, each with its questions; from deliberation on every one has
/// a report, while the visits are under way the first three have. Planned once.
pub async fn visits(store: &dyn Store, jurors: &[i64], target: Phase, now: Timestamp) -> Result<()> {
    use juryn_domain::visit::{Plan, Report};
    let slug = slug()?;
    let mut existing = store.visits(&slug, YEAR).await?;
    if existing.is_empty() {
        for (i, nominee) in sdk2019::nominees().into_iter().enumerate() {
            let day = jiff::civil::date(2019, 9, 2 + i as i8);
            let plan = Plan {
                nominee,
                starts_at: sdk2019::stockholm(day, 9, 0),
                ends_at: sdk2019::stockholm(day, 15, 0),
                place: format!(
                    "Kommunhuset i {} (exempel)",
                    juryn_domain::Registry::sweden().get(nominee).map_or("", |m| m.name.as_str())
                ),
                video: None,
                participants: visitors(i).iter().map(|j| jurors[*j]).collect(),
                questions: vec![
                    "Hur följer ni upp effekterna för invånarna?".into(),
                    "Vad har varit svårast, och hur löste ni det?".into(),
                    "Vad gör ni härnäst?".into(),
                ],
            };
            store
                .plan_visit(&slug, YEAR, &plan, &stamp(now))
                .await?
                .map_err(|r| StoreError::Invalid(format!("demo visit refused: {r:?}")))?;
        }
        existing = store.visits(&slug, YEAR).await?;
    }
    let reported = if target >= Phase::Deliberation { existing.len() } else { 3 };
    for v in existing.iter().take(reported).filter(|v| v.report.is_none()) {
        let report = Report {
            answers: v
                .plan
                .questions
                .iter()
                .map(|q| (q.clone(), "Svaret sammanfattat (exempeltext).".to_owned()))
                .collect(),
            observations: "Engagerade medarbetare och en ledning som följer upp arbetet. (Exempeltext.)"
                .into(),
        };
        store.save_report(v.id, &report, v.plan.participants[0], &stamp(now)).await?;
    }
    Ok(())
}

/// The jury deliberates: the ballots are cast (at `deliberation` all but Sofia Lind's, so a
/// visitor can cast hers), the chair's citation drafted and approved by those who voted.
pub async fn deliberate(store: &dyn Store, jurors: &[i64], target: Phase, now: Timestamp) -> Result<()> {
    let slug = slug()?;
    // Sealed on an earlier load: the ballots and the citation are history.
    if store.decision(&slug, YEAR).await?.is_some() {
        return Ok(());
    }
    // The voters, in the order of `ballots()`: everyone but Jonas Berg (index 5).
    let voters = [0, 1, 2, 3, 4, 6];
    for (ballot, j) in ballots().into_iter().zip(voters) {
        if target == Phase::Deliberation && j == 4 {
            continue;
        }
        store
            .cast_ballot(&slug, YEAR, jurors[j], &ballot, &stamp(now))
            .await?
            .map_err(|r| StoreError::Invalid(format!("demo ballot refused: {r:?}")))?;
    }
    let citation = store.citation(&slug, YEAR).await?;
    if citation.version == 0 {
        store.draft_citation(&slug, YEAR, CITATION, &stamp(now)).await?;
    }
    let version = store.citation(&slug, YEAR).await?.version;
    for j in voters {
        if target == Phase::Deliberation && j == 4 {
            continue;
        }
        store.approve_citation(&slug, YEAR, jurors[j], version, &stamp(now)).await?;
    }
    Ok(())
}

/// The decision sealed with a fresh nonce, as recorded at `at`.
pub(super) fn sealed(
    decision: Decision,
    ballots: Option<Vec<Vec<MunicipalityCode>>>,
    at: Timestamp,
) -> Result<NewDecision> {
    let mut nonce = [0u8; 32];
    getrandom::fill(&mut nonce).map_err(|e| StoreError::Invalid(format!("no random source: {e}")))?;
    Ok(NewDecision {
        method: decision.method,
        winner: decision.winner,
        citation: decision.citation.clone(),
        ballots,
        seal: decision.seal(nonce),
        sealed_at: at,
    })
}

/// Moves the edition (deliberating) to decided, sealing the decision counted from the cast
/// ballots; a decision sealed on an earlier load stays as it was.
pub async fn decide(store: &dyn Store, now: Timestamp) -> Result<()> {
    let slug = slug()?;
    if store.decision(&slug, YEAR).await?.is_some() {
        return super::advance(store, Phase::Deliberation, Phase::Decided, &stamp(now)).await;
    }
    let count = count().map_err(|e| StoreError::Invalid(format!("demo ballots: {e}")))?;
    let winner = sdk2019::nominees()[count.winner];
    let decision = Decision {
        award: slug.clone(),
        ballots_sha256: Some(ballots_sha256(&ballots())),
        citation: CITATION.to_owned(),
        method: Method::Schulze,
        winner,
        winner_name: None,
        year: YEAR,
    };
    let new = sealed(decision, Some(ballots()), now)?;
    store
        .record_decision(&slug, YEAR, &new, &stamp(now))
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
