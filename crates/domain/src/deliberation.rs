//! The meeting's last step, as one rule: whether the jury's decision may be sealed now, and what
//! is sealed. The web asks it with what it read and writes what it returns; the store then
//! writes the seal only if the edition is still deliberating and unsealed (compare and set).

use jiff::Timestamp;

use crate::municipality::MunicipalityCode;
use crate::phase::{self, Phase, Readiness};
use crate::schulze::{self, Ballot};
use crate::seal::Method;

/// What stands in the way of sealing, each to be said to the chair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealProblem {
    /// Not deliberating, or sealed already: nothing to seal.
    Closed,
    NoCitation,
    /// Jurors without a conflict with any nominee who have not approved the citation.
    Unapproved(usize),
    NoAnnouncement,
    /// A Schulze count with no ballot that counts.
    NoBallots,
    /// A consensus without a nominee named as the winner.
    NoWinner,
}

/// What the meeting stands at, as read for the chair's "seal" press.
pub struct Meeting<'a> {
    pub phase: Phase,
    pub sealed: bool,
    pub method: Method,
    /// The nominees in their published order (also the tie-break order).
    pub nominees: &'a [MunicipalityCode],
    pub citation: &'a str,
    pub approved_by: &'a [i64],
    /// The jurors who must approve: those with no conflict with any nominee.
    pub approvers: &'a [i64],
    pub announce_at: Option<Timestamp>,
    /// The ballots that count, each a ranking of nominees.
    pub ballots: &'a [Vec<MunicipalityCode>],
    /// For a consensus: the winner the chair named.
    pub named_winner: Option<MunicipalityCode>,
}

/// The winner to seal, and the counted ballots for a Schulze count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToSeal {
    pub winner: MunicipalityCode,
    pub ballots: Option<Vec<Vec<MunicipalityCode>>>,
}

/// The count of ranked ballots over the nominees in their published order.
pub fn count(
    nominees: &[MunicipalityCode],
    ballots: &[Vec<MunicipalityCode>],
) -> Result<schulze::Count, schulze::CountError> {
    let index = |c: &MunicipalityCode| nominees.iter().position(|n| n == c).unwrap_or(usize::MAX);
    let ballots: Vec<Ballot> = ballots.iter().map(|r| Ballot(r.iter().map(index).collect())).collect();
    schulze::count(nominees.len(), &ballots, &(0..nominees.len()).collect::<Vec<_>>())
}

/// Whether the decision may be sealed, and what: every problem at once, so the chair can fix
/// them together; `Closed` alone when there is nothing to seal.
pub fn to_seal(m: &Meeting<'_>) -> Result<ToSeal, Vec<SealProblem>> {
    if m.phase != Phase::Deliberation || m.sealed {
        return Err(vec![SealProblem::Closed]);
    }
    let mut problems = Vec::new();
    if m.citation.trim().is_empty() {
        problems.push(SealProblem::NoCitation);
    }
    let missing = m.approvers.iter().filter(|u| !m.approved_by.contains(u)).count();
    if missing > 0 {
        problems.push(SealProblem::Unapproved(missing));
    }
    if m.announce_at.is_none() {
        problems.push(SealProblem::NoAnnouncement);
    }
    let (winner, ballots) = match m.method {
        Method::Schulze => match count(m.nominees, m.ballots) {
            Ok(c) => (m.nominees.get(c.winner).copied(), Some(m.ballots.to_vec())),
            Err(_) => {
                problems.push(SealProblem::NoBallots);
                (None, None)
            }
        },
        Method::Consensus => {
            let named = m.named_winner.filter(|w| m.nominees.contains(w));
            if named.is_none() {
                problems.push(SealProblem::NoWinner);
            }
            (named, None)
        }
    };
    let Some(winner) = winner.filter(|_| problems.is_empty()) else { return Err(problems) };
    // The phase change the seal makes, by the same rule as every other: a decision naming a
    // nominee, with its announcement time.
    let r = Readiness {
        phase: m.phase,
        decision_recorded: true,
        winner_is_nominee: m.nominees.contains(&winner),
        announce_at: m.announce_at,
        ..Readiness::default()
    };
    match phase::record_decision(&r) {
        Ok(_) => Ok(ToSeal { winner, ballots }),
        Err(_) => Err(vec![SealProblem::Closed]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> MunicipalityCode {
        MunicipalityCode::parse(s).unwrap()
    }

    #[test]
    fn a_ready_meeting_seals_the_counted_winner() {
        let nominees = [code("0186"), code("2514"), code("1280")];
        let ballots = vec![vec![code("2514"), code("0186")], vec![code("2514")], vec![code("1280")]];
        let m = Meeting {
            phase: Phase::Deliberation,
            sealed: false,
            method: Method::Schulze,
            nominees: &nominees,
            citation: "För modet.",
            approved_by: &[1, 2],
            approvers: &[1, 2],
            announce_at: Some("2019-11-12T19:00:00Z".parse().unwrap()),
            ballots: &ballots,
            named_winner: None,
        };
        assert_eq!(to_seal(&m), Ok(ToSeal { winner: code("2514"), ballots: Some(ballots.clone()) }));
        assert_eq!(to_seal(&Meeting { sealed: true, ..m }), Err(vec![SealProblem::Closed]));
    }

    #[test]
    fn every_problem_is_told_at_once() {
        let nominees = [code("0186"), code("2514")];
        let m = Meeting {
            phase: Phase::Deliberation,
            sealed: false,
            method: Method::Consensus,
            nominees: &nominees,
            citation: " ",
            approved_by: &[1],
            approvers: &[1, 2, 3],
            announce_at: None,
            ballots: &[],
            named_winner: Some(code("1280")),
        };
        assert_eq!(
            to_seal(&m),
            Err(vec![
                SealProblem::NoCitation,
                SealProblem::Unapproved(2),
                SealProblem::NoAnnouncement,
                SealProblem::NoWinner
            ])
        );
        let schulze = Meeting { method: Method::Schulze, ..m };
        assert!(to_seal(&schulze).unwrap_err().contains(&SealProblem::NoBallots));
        let drafting = Meeting { phase: Phase::InDepthReview, ..schulze };
        assert_eq!(to_seal(&drafting), Err(vec![SealProblem::Closed]));
    }
}
