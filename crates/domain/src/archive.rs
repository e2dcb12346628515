//! The past-winners archive: winners from before juryn, and the announced winners of the
//! editions juryn ran.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::award::Edition;
use crate::municipality::MunicipalityCode;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastWinner {
    pub year: i16,
    /// The winner, or the first of several that won together.
    pub municipality: MunicipalityCode,
    /// The others that won together with it (a joint entry), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<MunicipalityCode>,
    /// The jury's citation, if the organiser has it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub citation: String,
}

impl PastWinner {
    /// One municipality's win, without a citation.
    pub fn single(year: i16, municipality: MunicipalityCode) -> PastWinner {
        PastWinner { year, municipality, with: vec![], citation: String::new() }
    }

    /// Every municipality of the win, the first first.
    pub fn municipalities(&self) -> impl Iterator<Item = MunicipalityCode> + '_ {
        std::iter::once(self.municipality).chain(self.with.iter().copied())
    }
}

/// All winners the public may see at `now`, newest first: the historical list, plus each
/// edition's winner once announced. An edition's own winner takes the place of a historical
/// row for the same year.
pub fn past_winners(historical: &[PastWinner], editions: &[Edition], now: Timestamp) -> Vec<PastWinner> {
    let mut all: Vec<PastWinner> =
        editions.iter().filter_map(|e| e.public_winner(now).map(|m| PastWinner::single(e.year, m))).collect();
    for h in historical {
        if !editions.iter().any(|e| e.year == h.year) {
            all.push(h.clone());
        }
    }
    all.sort_by_key(|w| std::cmp::Reverse(w.year));
    all
}

/// Who may use the award's logo at `now`: the latest announced winner, until the next edition's
/// winner is announced (`until` is that announcement time when it is set; `None` while the next
/// edition has none yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogoRight {
    pub year: i16,
    pub municipality: MunicipalityCode,
    pub until: Option<Timestamp>,
}

pub fn logo_right(editions: &[Edition], now: Timestamp) -> Option<LogoRight> {
    let latest = editions.iter().filter(|e| e.public_winner(now).is_some()).max_by_key(|e| e.year)?;
    let until = editions.iter().filter(|e| e.year > latest.year).filter_map(|e| e.announce_at).min();
    Some(LogoRight { year: latest.year, municipality: latest.public_winner(now)?, until })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::LocalizedText;
    use crate::phase::Phase;
    use crate::slug::Slug;

    fn code(c: &str) -> MunicipalityCode {
        MunicipalityCode::parse(c).unwrap()
    }

    #[test]
    fn the_current_winner_joins_the_archive_at_the_announcement() {
        let historical = [PastWinner::single(2001, code("2514")), PastWinner::single(2017, code("0180"))];
        let edition = Edition {
            award: Slug::parse("digitaliseringskommun").unwrap(),
            year: 2019,
            ordinal: None,
            phase: Phase::Decided,
            selection: LocalizedText::default(),
            nominees_public_at: None,
            announce_at: Some("2019-11-12T18:00:00Z".parse().unwrap()),
            nominees: vec![code("0186")],
            winner: Some(code("0186")),
            shortlist_min: 3,
            shortlist_max: 5,
            call: Default::default(),
        };
        let before = past_winners(
            &historical,
            std::slice::from_ref(&edition),
            "2019-11-01T00:00:00Z".parse().unwrap(),
        );
        assert_eq!(before.iter().map(|w| w.year).collect::<Vec<_>>(), [2017, 2001]);
        let after = past_winners(&historical, &[edition], "2019-11-13T00:00:00Z".parse().unwrap());
        assert_eq!(after.iter().map(|w| w.year).collect::<Vec<_>>(), [2019, 2017, 2001]);
        assert_eq!(after[0].municipality, code("0186"));
    }

    #[test]
    fn the_logo_belongs_to_the_latest_winner_until_the_next_announcement() {
        let edition = |year: i16, announce: &str, winner: Option<&str>| Edition {
            award: Slug::parse("digitaliseringskommun").unwrap(),
            year,
            ordinal: None,
            phase: if winner.is_some() { Phase::Decided } else { Phase::CallOpen },
            selection: LocalizedText::default(),
            nominees_public_at: None,
            announce_at: Some(announce.parse().unwrap()),
            nominees: winner.map(code).into_iter().collect(),
            winner: winner.map(code),
            shortlist_min: 3,
            shortlist_max: 5,
            call: Default::default(),
        };
        let editions = [
            edition(2019, "2019-11-12T18:00:00Z", Some("0186")),
            edition(2020, "2020-11-10T18:00:00Z", Some("2480")),
        ];
        assert_eq!(logo_right(&editions, "2019-11-01T00:00:00Z".parse().unwrap()), None);
        let held = logo_right(&editions, "2020-01-01T00:00:00Z".parse().unwrap()).unwrap();
        assert_eq!((held.year, held.municipality), (2019, code("0186")));
        assert_eq!(held.until, Some("2020-11-10T18:00:00Z".parse().unwrap()));
        let next = logo_right(&editions, "2020-11-10T18:00:00Z".parse().unwrap()).unwrap();
        assert_eq!((next.year, next.until), (2020, None));
    }
}
