//! The jury's rounds. An edition is cut down once (2019: every entry → 3–5 nominees) or several
//! times in order (2021: the entries → 5–10 "nominerade" in May, then → 3–5 "slutnominerade" in
//! June). Each round after the first chooses among the one before's selection; the last round's
//! selection is the edition's nominees. An edition without rounds configured has one round, made
//! of its shortlist bounds.

use jiff::Timestamp;

use crate::award::{MAX_SHORTLIST, check_shortlist_bounds};
use crate::{LocalizedText, MunicipalityCode};

/// A round as the organiser sets it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    /// "Nominering", "Slutnominering".
    pub name: LocalizedText,
    /// How many the round selects, at least and at most.
    pub least: u16,
    pub most: u16,
    /// How the public is told of the cut, `{n}` standing for the number selected in words:
    /// "Juryn har nominerat {n} kommuner".
    pub wording: LocalizedText,
}

/// A round's recorded selection (an earlier round's; the last round's is the edition's
/// nominees), with the time it is public from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    /// 1 for the first round.
    pub position: u16,
    pub round: Round,
    /// With the chair's rationale for each, in the order presented.
    pub selected: Vec<(MunicipalityCode, String)>,
    pub public_at: Option<Timestamp>,
}

impl Cut {
    pub fn is_public(&self, now: Timestamp) -> bool {
        self.public_at.is_some_and(|t| t <= now)
    }

    pub fn codes(&self) -> Vec<MunicipalityCode> {
        self.selected.iter().map(|(c, _)| *c).collect()
    }
}

/// The name of an edition's one round, where the organiser has set up none.
pub fn default_name() -> LocalizedText {
    LocalizedText::new("Nominering", "Nomination")
}

/// The cuts the public may see at `now`, in order: the earlier rounds' published cuts, then the
/// last round's (the nominees, when they are public) under its name.
pub fn public_cuts(edition: &crate::Edition, rounds: &[Round], cuts: &[Cut], now: Timestamp) -> Vec<Cut> {
    let mut shown: Vec<Cut> = cuts.iter().take_while(|c| c.is_public(now)).cloned().collect();
    let nominees = edition.public_nominees(now);
    if !nominees.is_empty() && shown.len() + 1 >= rounds.len() {
        let round = rounds.last().cloned().unwrap_or_else(|| Round {
            name: default_name(),
            least: edition.shortlist_min,
            most: edition.shortlist_max,
            wording: LocalizedText::default(),
        });
        let position = u16::try_from(rounds.len().max(1)).unwrap_or(u16::MAX);
        let selected = nominees.iter().map(|c| (*c, String::new())).collect();
        shown.push(Cut { position, round, selected, public_at: edition.nominees_public_at });
    }
    shown
}

/// Why a set of rounds is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RoundsProblem {
    #[error("round {0} has no Swedish name")]
    Unnamed(usize),
    #[error("round {0}'s bounds must satisfy 1 ≤ least ≤ most ≤ {MAX_SHORTLIST}")]
    Bounds(usize),
    /// A later round would select more than the one before it leaves (its most is above the
    /// earlier's least).
    #[error("round {0} may select more than round {prev} leaves", prev = .0 - 1)]
    Exceeds(usize),
    #[error("at most {MAX_ROUNDS} rounds")]
    TooMany,
}

/// The most rounds an edition may have.
pub const MAX_ROUNDS: usize = 5;

/// Checks rounds in order (numbered from 1 in the problems).
pub fn check_rounds(rounds: &[Round]) -> Result<(), RoundsProblem> {
    if rounds.len() > MAX_ROUNDS {
        return Err(RoundsProblem::TooMany);
    }
    for (i, r) in rounds.iter().enumerate() {
        let n = i + 1;
        if r.name.sv.trim().is_empty() {
            return Err(RoundsProblem::Unnamed(n));
        }
        check_shortlist_bounds(r.least, r.most).map_err(|_| RoundsProblem::Bounds(n))?;
        if i > 0 && r.most > rounds[i - 1].least {
            return Err(RoundsProblem::Exceeds(n));
        }
    }
    Ok(())
}

/// Why a round's selection is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CutProblem {
    #[error("round {0} is not the round being decided")]
    NotCurrent(u16),
    #[error("the round selects between {least} and {most}")]
    Size { least: u16, most: u16 },
    #[error("{0} is not among the round's candidates")]
    NotACandidate(MunicipalityCode),
    #[error("{0} is selected twice")]
    Twice(MunicipalityCode),
    /// Published before the round before it is.
    #[error("a round cannot be public before the one before it")]
    BeforeEarlier,
}

/// The round being decided: the first of `rounds` without a recorded cut (1-based), given the
/// earlier cuts recorded so far. `None` once every earlier round is cut (the last round is then
/// being decided if there is more than one: it is `rounds.len()`).
pub fn current_round(rounds: usize, cuts: &[Cut]) -> u16 {
    let done = cuts.len().min(rounds.saturating_sub(1));
    u16::try_from(done + 1).unwrap_or(u16::MAX)
}

/// Checks an earlier round's selection: it is the current round, its size is within the
/// round's bounds, each is a candidate (the previous cut's selection, or every participating
/// entry for the first round) and none twice; its publication is not before the previous cut's.
pub fn check_cut(
    round: &Round,
    position: u16,
    (cuts, candidates): (&[Cut], &[MunicipalityCode]),
    (selected, public_at): (&[MunicipalityCode], Option<Timestamp>),
) -> Result<(), CutProblem> {
    if usize::from(position) != cuts.len() + 1 {
        return Err(CutProblem::NotCurrent(position));
    }
    let size = u16::try_from(selected.len()).unwrap_or(u16::MAX);
    if !(round.least..=round.most).contains(&size) {
        return Err(CutProblem::Size { least: round.least, most: round.most });
    }
    for (i, c) in selected.iter().enumerate() {
        if !candidates.contains(c) {
            return Err(CutProblem::NotACandidate(*c));
        }
        if selected[..i].contains(c) {
            return Err(CutProblem::Twice(*c));
        }
    }
    if let (Some(previous), Some(at)) = (cuts.last().and_then(|c| c.public_at), public_at)
        && at < previous
    {
        return Err(CutProblem::BeforeEarlier);
    }
    Ok(())
}

/// The candidates of the round after `cuts`: the last cut's selection, or `entries` (the
/// participating entries) before any cut.
pub fn candidates(cuts: &[Cut], entries: &[MunicipalityCode]) -> Vec<MunicipalityCode> {
    cuts.last().map_or_else(|| entries.to_vec(), Cut::codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(least: u16, most: u16) -> Round {
        Round {
            name: LocalizedText::new("Nominering", "Nomination"),
            least,
            most,
            wording: LocalizedText::new("Juryn har nominerat {n} kommuner", "The jury nominated {n}"),
        }
    }

    fn code(c: &str) -> MunicipalityCode {
        MunicipalityCode::parse(c).unwrap()
    }

    #[test]
    fn a_later_round_selects_from_what_the_one_before_leaves() {
        assert_eq!(check_rounds(&[round(5, 10), round(3, 5)]), Ok(()));
        assert_eq!(check_rounds(&[round(5, 10), round(3, 6)]), Err(RoundsProblem::Exceeds(2)));
        assert_eq!(check_rounds(&[round(0, 10)]), Err(RoundsProblem::Bounds(1)));
        let mut unnamed = round(3, 5);
        unnamed.name.sv = " ".into();
        assert_eq!(check_rounds(&[round(5, 10), unnamed]), Err(RoundsProblem::Unnamed(2)));
        assert_eq!(check_rounds(&vec![round(1, 1); MAX_ROUNDS + 1]), Err(RoundsProblem::TooMany));
    }

    #[test]
    fn a_cut_is_the_current_rounds_within_its_bounds_from_its_candidates() {
        let entries: Vec<_> = ["2281", "0139", "0780", "0180", "1480", "0580", "2480"].map(code).into();
        let first = round(5, 10);
        let six = &entries[..6];
        let may = Some("2021-05-20T08:00:00Z".parse().unwrap());
        assert_eq!(check_cut(&first, 1, (&[], &entries), (six, may)), Ok(()));
        assert_eq!(check_cut(&first, 2, (&[], &entries), (six, may)), Err(CutProblem::NotCurrent(2)));
        assert_eq!(
            check_cut(&first, 1, (&[], &entries), (&entries[..4], may)),
            Err(CutProblem::Size { least: 5, most: 10 })
        );
        let twice = [six, &entries[..1]].concat();
        assert_eq!(
            check_cut(&first, 1, (&[], &entries), (&twice, may)),
            Err(CutProblem::Twice(code("2281")))
        );
        let cut = Cut {
            position: 1,
            round: first.clone(),
            selected: six.iter().map(|c| (*c, String::new())).collect(),
            public_at: may,
        };
        assert_eq!(current_round(3, std::slice::from_ref(&cut)), 2);
        // The next round's candidates are the cut's six; Umeå (2480) is not among them.
        let next = candidates(std::slice::from_ref(&cut), &entries);
        assert_eq!(next, six);
        let second = round(3, 5);
        let cuts = [cut];
        let april = Some("2021-04-01T08:00:00Z".parse().unwrap());
        let three = &six[..3];
        assert_eq!(check_cut(&second, 2, (&cuts, &next), (three, april)), Err(CutProblem::BeforeEarlier));
        assert_eq!(
            check_cut(&second, 2, (&cuts, &next), (&[code("2480"), code("2281"), code("0139")], may)),
            Err(CutProblem::NotACandidate(code("2480")))
        );
        assert_eq!(check_cut(&second, 2, (&cuts, &next), (three, may)), Ok(()));
    }
}
