//! The Schulze method: how the jury's ranked ballots choose the winner among the nominees.
//!
//! Each ballot ranks the candidates, best first; candidates a ballot leaves out count as ranked
//! below every candidate it names (and equal with each other). From the ballots: the pairwise
//! matrix `d[i][j]` = how many ballots prefer i to j; the strongest paths `p[i][j]` = the
//! strength of the strongest path from i to j, where a path's strength is its weakest link
//! (computed à la Floyd–Warshall, as in Schulze's own description). Candidate i beats j when
//! `p[i][j] > p[j][i]`; the winners are those beaten by no one. The set of winners is never
//! empty; when it holds more than one, the tie is broken by an order of the candidates fixed
//! before the vote (the edition states it, e.g. the order of the published shortlist).

use serde::{Deserialize, Serialize};

/// One juror's ballot: candidate indices, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot(pub Vec<usize>);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidBallot {
    #[error("the ballot names candidate {0} twice")]
    Duplicate(usize),
    #[error("the ballot names candidate {0}, who is not standing")]
    Unknown(usize),
    #[error("the ballot ranks no one")]
    Empty,
}

impl Ballot {
    /// A ballot is a list of distinct candidates among `candidates`.
    pub fn validate(&self, candidates: usize) -> Result<(), InvalidBallot> {
        if self.0.is_empty() {
            return Err(InvalidBallot::Empty);
        }
        for (i, &c) in self.0.iter().enumerate() {
            if c >= candidates {
                return Err(InvalidBallot::Unknown(c));
            }
            if self.0[..i].contains(&c) {
                return Err(InvalidBallot::Duplicate(c));
            }
        }
        Ok(())
    }

    /// The candidate's place on this ballot (0 = first); unranked candidates share the last.
    fn place(&self, candidate: usize) -> usize {
        self.0.iter().position(|&c| c == candidate).unwrap_or(self.0.len())
    }
}

/// The count, with every intermediate step a reader may check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// `pairwise[i][j]`: ballots preferring i to j.
    pub pairwise: Vec<Vec<u32>>,
    /// `strongest[i][j]`: the strength of the strongest path from i to j (0: none).
    pub strongest: Vec<Vec<u32>>,
    /// Candidates beaten by no one, in index order: the Schulze winners.
    pub winners: Vec<usize>,
    /// The one chosen: the only winner, or the first winner in the tie-break order.
    pub winner: usize,
    /// Whether the tie-break order was needed.
    pub tie_broken: bool,
    /// Every candidate in the Schulze order (by how many others each beats; ties by the
    /// tie-break order).
    pub order: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CountError {
    #[error("there are no candidates")]
    NoCandidates,
    #[error("there are no ballots")]
    NoBallots,
    #[error("ballot {index}: {problem}")]
    Ballot { index: usize, problem: InvalidBallot },
    #[error("the tie-break order must list every candidate once")]
    TieBreak,
}

/// Counts `ballots` over `candidates` candidates. `tie_break` lists every candidate once, the
/// one to prefer first.
pub fn count(candidates: usize, ballots: &[Ballot], tie_break: &[usize]) -> Result<Count, CountError> {
    if candidates == 0 {
        return Err(CountError::NoCandidates);
    }
    if ballots.is_empty() {
        return Err(CountError::NoBallots);
    }
    for (index, b) in ballots.iter().enumerate() {
        b.validate(candidates).map_err(|problem| CountError::Ballot { index, problem })?;
    }
    let mut sorted = tie_break.to_vec();
    sorted.sort_unstable();
    if sorted != (0..candidates).collect::<Vec<_>>() {
        return Err(CountError::TieBreak);
    }

    let mut d = vec![vec![0u32; candidates]; candidates];
    for b in ballots {
        for (i, row) in d.iter_mut().enumerate() {
            for (j, cell) in row.iter_mut().enumerate() {
                if i != j && b.place(i) < b.place(j) {
                    *cell += 1;
                }
            }
        }
    }
    let mut p = vec![vec![0u32; candidates]; candidates];
    for i in 0..candidates {
        for j in 0..candidates {
            if i != j && d[i][j] > d[j][i] {
                p[i][j] = d[i][j];
            }
        }
    }
    for k in 0..candidates {
        for i in 0..candidates {
            if i == k {
                continue;
            }
            for j in 0..candidates {
                if j != i && j != k {
                    p[i][j] = p[i][j].max(p[i][k].min(p[k][j]));
                }
            }
        }
    }
    let beats = |i: usize, j: usize| p[i][j] > p[j][i];
    let winners: Vec<usize> = (0..candidates).filter(|&i| (0..candidates).all(|j| !beats(j, i))).collect();
    let rank_of = |c: usize| tie_break.iter().position(|&t| t == c).unwrap_or(usize::MAX);
    let winner = *winners.iter().min_by_key(|&&c| rank_of(c)).unwrap_or(&tie_break[0]);
    let mut order: Vec<usize> = (0..candidates).collect();
    let wins = |i: usize| (0..candidates).filter(|&j| beats(i, j)).count();
    order.sort_by(|&a, &b| wins(b).cmp(&wins(a)).then_with(|| rank_of(a).cmp(&rank_of(b))));
    // The chosen winner leads the order even when tied on wins with another winner.
    order.retain(|&c| c != winner);
    order.insert(0, winner);
    Ok(Count { pairwise: d, strongest: p, tie_broken: winners.len() > 1, winners, winner, order })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn ballots(groups: &[(usize, &[usize])]) -> Vec<Ballot> {
        groups.iter().flat_map(|(n, order)| std::iter::repeat_n(Ballot(order.to_vec()), *n)).collect()
    }

    /// The example of Schulze's paper and Wikipedia: 45 voters, candidates A–E; E wins, and the
    /// strongest paths are the published ones.
    #[test]
    fn the_worked_example_of_45_voters() {
        let (a, b, c, d, e) = (0, 1, 2, 3, 4);
        let votes = ballots(&[
            (5, &[a, c, b, e, d]),
            (5, &[a, d, e, c, b]),
            (8, &[b, e, d, a, c]),
            (3, &[c, a, b, e, d]),
            (7, &[c, a, e, b, d]),
            (2, &[c, b, a, d, e]),
            (7, &[d, c, e, b, a]),
            (8, &[e, b, a, d, c]),
        ]);
        let count = count(5, &votes, &[0, 1, 2, 3, 4]).unwrap();
        assert_eq!(count.pairwise[a], [0, 20, 26, 30, 22]);
        assert_eq!(count.pairwise[b], [25, 0, 16, 33, 18]);
        assert_eq!(count.pairwise[e], [23, 27, 21, 31, 0]);
        assert_eq!(count.strongest[a], [0, 28, 28, 30, 24]);
        assert_eq!(count.strongest[b], [25, 0, 28, 33, 24]);
        assert_eq!(count.strongest[c], [25, 29, 0, 29, 24]);
        assert_eq!(count.strongest[d], [25, 28, 28, 0, 24]);
        assert_eq!(count.strongest[e], [25, 28, 28, 31, 0]);
        assert_eq!(count.winners, [e]);
        assert_eq!((count.winner, count.tie_broken), (e, false));
        assert_eq!(count.order, [e, a, c, b, d]);
    }

    /// A Condorcet cycle of three: A>B>C>A, each 2:1 — a tie, broken by the stated order.
    #[test]
    fn a_perfect_cycle_is_a_tie_broken_by_the_order_stated_in_advance() {
        let votes = ballots(&[(1, &[0, 1, 2]), (1, &[1, 2, 0]), (1, &[2, 0, 1])]);
        let c = count(3, &votes, &[2, 0, 1]).unwrap();
        assert_eq!(c.winners, [0, 1, 2]);
        assert_eq!((c.winner, c.tie_broken), (2, true));
    }

    #[test]
    fn bad_ballots_and_orders_are_refused() {
        assert_eq!(
            count(3, &[Ballot(vec![0, 0])], &[0, 1, 2]),
            Err(CountError::Ballot { index: 0, problem: InvalidBallot::Duplicate(0) })
        );
        assert_eq!(
            count(3, &[Ballot(vec![0, 1]), Ballot(vec![3])], &[0, 1, 2]),
            Err(CountError::Ballot { index: 1, problem: InvalidBallot::Unknown(3) })
        );
        assert_eq!(
            count(3, &[Ballot(vec![])], &[0, 1, 2]).unwrap_err().to_string(),
            "ballot 0: the ballot ranks no one"
        );
        assert_eq!(count(3, &[], &[0, 1, 2]), Err(CountError::NoBallots));
        assert_eq!(count(3, &[Ballot(vec![0])], &[0, 1]), Err(CountError::TieBreak));
        assert_eq!(count(3, &[Ballot(vec![0])], &[0, 1, 1]), Err(CountError::TieBreak));
    }

    #[test]
    fn unranked_candidates_come_last() {
        // Two ballots name only B: B is preferred to A and C on both.
        let c = count(3, &[Ballot(vec![1]), Ballot(vec![1])], &[0, 1, 2]).unwrap();
        assert_eq!(c.pairwise[1], [2, 0, 2]);
        assert_eq!((c.pairwise[0][2], c.pairwise[2][0]), (0, 0), "A and C are equal, both unranked");
        assert_eq!(c.winner, 1);
    }

    fn arb_ballots() -> impl Strategy<Value = (usize, Vec<Ballot>)> {
        (2usize..6).prop_flat_map(|n| {
            let ballot = Just((0..n).collect::<Vec<_>>())
                .prop_shuffle()
                .prop_flat_map(move |order| (1..=n).prop_map(move |len| Ballot(order[..len].to_vec())));
            (Just(n), prop::collection::vec(ballot, 1..12))
        })
    }

    proptest! {
        /// A candidate who beats every other head to head (a Condorcet winner) wins.
        #[test]
        fn a_condorcet_winner_always_wins((n, votes) in arb_ballots()) {
            let c = count(n, &votes, &(0..n).collect::<Vec<_>>()).unwrap();
            let condorcet = (0..n).find(|&i| (0..n).all(|j| i == j || c.pairwise[i][j] > c.pairwise[j][i]));
            if let Some(w) = condorcet {
                prop_assert_eq!(&c.winners, &vec![w]);
                prop_assert_eq!(c.winner, w);
            }
        }

        /// The result does not depend on the order in which the ballots are counted.
        #[test]
        fn the_order_of_the_ballots_does_not_matter((n, votes) in arb_ballots(), seed in any::<u64>()) {
            let order: Vec<usize> = (0..n).collect();
            let first = count(n, &votes, &order).unwrap();
            let mut shuffled = votes.clone();
            let mut s = seed;
            for i in (1..shuffled.len()).rev() {
                s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                shuffled.swap(i, (s >> 33) as usize % (i + 1));
            }
            prop_assert_eq!(first, count(n, &shuffled, &order).unwrap());
        }

        /// There is always at least one winner, and the chosen one is among them.
        #[test]
        fn someone_always_wins((n, votes) in arb_ballots()) {
            let c = count(n, &votes, &(0..n).rev().collect::<Vec<_>>()).unwrap();
            prop_assert!(!c.winners.is_empty());
            prop_assert!(c.winners.contains(&c.winner));
            prop_assert_eq!(c.order.len(), n);
        }
    }
}
