//! Which of the meeting's ballots count. A ballot counts only while its voter is on the jury and
//! has no conflict with any nominee: a juror revoked or found conflicted after voting has their
//! ballot set aside, and the meeting says whose and why.

use crate::municipality::MunicipalityCode;

/// Why a ballot does not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetAside {
    /// The voter no longer sits on the jury.
    NotOnJury,
    /// The voter is conflicted with this nominee.
    Conflicted(MunicipalityCode),
}

/// For each voter in `voters` (in order): `None` if their ballot counts, else why not. `jury`
/// holds the members now on the jury, `conflicts` the effective conflicts (member,
/// municipality).
pub fn verdicts(
    voters: &[i64],
    jury: &[i64],
    conflicts: &[(i64, MunicipalityCode)],
    nominees: &[MunicipalityCode],
) -> Vec<Option<SetAside>> {
    voters
        .iter()
        .map(|voter| {
            if !jury.contains(voter) {
                return Some(SetAside::NotOnJury);
            }
            conflicts
                .iter()
                .find(|(u, m)| u == voter && nominees.contains(m))
                .map(|(_, m)| SetAside::Conflicted(*m))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> MunicipalityCode {
        MunicipalityCode::parse(c).unwrap()
    }

    #[test]
    fn ballots_of_revoked_or_conflicted_voters_are_set_aside_with_the_reason() {
        let nominees = [code("0186"), code("1780")];
        let conflicts = [(2, code("1780")), (3, code("0180"))];
        let got = verdicts(&[1, 2, 3, 4], &[1, 2, 3], &conflicts, &nominees);
        assert_eq!(
            got,
            vec![None, Some(SetAside::Conflicted(code("1780"))), None, Some(SetAside::NotOnJury)]
        );
    }
}
