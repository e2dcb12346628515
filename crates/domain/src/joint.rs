//! Joint entries: two or more municipalities that answer together under one name (2023:
//! "Mora, Orsa och Älvdalens kommuner"). The entry is kept under its first member's code (so
//! what is keyed by a municipality — reviews, the shortlist, the decision — names the entry);
//! every member counts for conflicts, the maps and the municipalities' pages.

use crate::MunicipalityCode;

/// The longest display name taken, in characters.
pub const MAX_NAME_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JointEntry {
    /// "Mora, Orsa och Älvdalens kommuner".
    pub name: String,
    /// Every member, the first the one the entry is kept under.
    pub members: Vec<MunicipalityCode>,
}

impl JointEntry {
    /// The code the entry is kept under.
    pub fn lead(&self) -> MunicipalityCode {
        self.members[0]
    }

    pub fn has(&self, code: MunicipalityCode) -> bool {
        self.members.contains(&code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JointProblem {
    #[error("a joint entry has at least two municipalities")]
    TooFew,
    #[error("{0} is named twice")]
    Twice(MunicipalityCode),
    #[error("{0} is already in another entry")]
    Taken(MunicipalityCode),
    #[error("the name is empty or longer than {MAX_NAME_CHARS} characters")]
    Name,
}

/// Checks a joint entry against the municipalities already in the edition's other entries
/// (`taken`: their leads and members).
pub fn check(entry: &JointEntry, taken: &[MunicipalityCode]) -> Result<(), JointProblem> {
    if entry.members.len() < 2 {
        return Err(JointProblem::TooFew);
    }
    for (i, m) in entry.members.iter().enumerate() {
        if entry.members[..i].contains(m) {
            return Err(JointProblem::Twice(*m));
        }
        if taken.contains(m) {
            return Err(JointProblem::Taken(*m));
        }
    }
    let chars = entry.name.trim().chars().count();
    if chars == 0 || chars > MAX_NAME_CHARS {
        return Err(JointProblem::Name);
    }
    Ok(())
}

/// The entry a municipality takes part in: the joint entry it is a member of, if any.
pub fn entry_of(joint: &[JointEntry], code: MunicipalityCode) -> Option<&JointEntry> {
    joint.iter().find(|j| j.has(code))
}

/// A joint entry is kept under its first member, so a tie to any member conflicts the entry:
/// adds the lead of each joint entry with a tied member (with that member's reason) to the
/// conflicts `found` as (municipality, reason), unless the lead is there already.
pub fn extend_conflicts<R: Clone>(joint: &[JointEntry], found: &mut Vec<(MunicipalityCode, R)>) {
    for j in joint {
        let tied = j.members.iter().find_map(|m| found.iter().find(|(c, _)| c == m).map(|(_, r)| r.clone()));
        if let Some(reason) = tied.filter(|_| !found.iter().any(|(c, _)| *c == j.lead())) {
            found.push((j.lead(), reason));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> MunicipalityCode {
        MunicipalityCode::parse(c).unwrap()
    }

    fn mora_orsa_alvdalen() -> JointEntry {
        JointEntry {
            name: "Mora, Orsa och Älvdalens kommuner".into(),
            members: ["2062", "2034", "2039"].map(code).into(),
        }
    }

    #[test]
    fn a_joint_entry_has_two_or_more_free_municipalities_and_a_name() {
        let joint = mora_orsa_alvdalen();
        assert_eq!(check(&joint, &[code("0120")]), Ok(()));
        assert_eq!(joint.lead(), code("2062"));
        assert_eq!(check(&joint, &[code("2034")]), Err(JointProblem::Taken(code("2034"))));
        let one = JointEntry { name: "Mora".into(), members: vec![code("2062")] };
        assert_eq!(check(&one, &[]), Err(JointProblem::TooFew));
        let twice = JointEntry { name: "x".into(), members: ["2062", "2062"].map(code).into() };
        assert_eq!(check(&twice, &[]), Err(JointProblem::Twice(code("2062"))));
        let unnamed = JointEntry { name: " ".into(), ..mora_orsa_alvdalen() };
        assert_eq!(check(&unnamed, &[]), Err(JointProblem::Name));
        assert_eq!(entry_of(std::slice::from_ref(&joint), code("2039")), Some(&joint));
        assert_eq!(entry_of(&[joint], code("0120")), None);
    }

    #[test]
    fn a_tie_to_any_member_conflicts_the_joint_entry() {
        let joint = [mora_orsa_alvdalen()];
        let mut found = vec![(code("2039"), "bor i Älvdalen"), (code("0120"), "arbetar i Värmdö")];
        extend_conflicts(&joint, &mut found);
        assert_eq!(found.last(), Some(&(code("2062"), "bor i Älvdalen")), "the entry, kept under Mora");
        let before = found.clone();
        extend_conflicts(&joint, &mut found);
        assert_eq!(found, before, "once");
        let mut untied = vec![(code("0120"), "x")];
        extend_conflicts(&joint, &mut untied);
        assert_eq!(untied.len(), 1);
    }
}
