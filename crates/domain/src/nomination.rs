//! Who nominates: a private person, an organisation or a company (the award's form asks, and the
//! jury reads it beside the reason), with the organisation's name unless a private person.

use serde::{Deserialize, Serialize};

/// The kinds of nominator the award's form offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum NominatorKind {
    /// "Privatperson".
    #[default]
    Person,
    Organisation,
    /// "Företag".
    Company,
}

impl NominatorKind {
    pub const ALL: [NominatorKind; 3] =
        [NominatorKind::Person, NominatorKind::Organisation, NominatorKind::Company];

    /// As stored and posted.
    pub fn as_str(self) -> &'static str {
        match self {
            NominatorKind::Person => "privatperson",
            NominatorKind::Organisation => "organisation",
            NominatorKind::Company => "foretag",
        }
    }

    pub fn parse(s: &str) -> Option<NominatorKind> {
        NominatorKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The nominator as the jury reads them (their name and address are kept apart).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Nominator {
    pub kind: NominatorKind,
    /// The organisation or company nominated for; empty for a private person.
    pub organisation: String,
}

/// The longest organisation name taken.
pub const MAX_ORGANISATION_CHARS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NominatorProblem {
    #[error("an organisation or company nominates under its name")]
    OrganisationMissing,
    #[error("the organisation's name is too long")]
    OrganisationTooLong,
}

/// Reads a nominator from the form's two fields: an organisation or company needs its name; a
/// private person's organisation field is ignored.
pub fn read_nominator(kind: NominatorKind, organisation: &str) -> Result<Nominator, NominatorProblem> {
    let organisation = organisation.split_whitespace().collect::<Vec<_>>().join(" ");
    match kind {
        NominatorKind::Person => Ok(Nominator { kind, organisation: String::new() }),
        _ if organisation.is_empty() => Err(NominatorProblem::OrganisationMissing),
        _ if organisation.chars().count() > MAX_ORGANISATION_CHARS => {
            Err(NominatorProblem::OrganisationTooLong)
        }
        _ => Ok(Nominator { kind, organisation }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organisation_nominates_under_its_name_a_person_under_none() {
        assert_eq!(
            read_nominator(NominatorKind::Company, "  Sveriges   IT-företag "),
            Ok(Nominator { kind: NominatorKind::Company, organisation: "Sveriges IT-företag".into() })
        );
        assert_eq!(
            read_nominator(NominatorKind::Organisation, " "),
            Err(NominatorProblem::OrganisationMissing)
        );
        assert_eq!(read_nominator(NominatorKind::Person, "Ignoreras").unwrap().organisation, "");
        let long = "x".repeat(MAX_ORGANISATION_CHARS + 1);
        assert_eq!(read_nominator(NominatorKind::Company, &long), Err(NominatorProblem::OrganisationTooLong));
        for k in NominatorKind::ALL {
            assert_eq!(NominatorKind::parse(k.as_str()), Some(k));
        }
    }
}
