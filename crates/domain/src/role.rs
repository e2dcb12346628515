//! Roles (*roller*) and where they hold: a person may be an organiser of the whole installation,
//! a juror in one edition, the contact of one municipality in one edition, and so on.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::municipality::MunicipalityCode;
use crate::slug::Slug;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Organiser,
    JuryChair,
    Juror,
    Expert,
    EntrantContact,
    Nominator,
}

impl Role {
    pub const ALL: [Role; 6] =
        [Role::Organiser, Role::JuryChair, Role::Juror, Role::Expert, Role::EntrantContact, Role::Nominator];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Organiser => "organiser",
            Role::JuryChair => "jury-chair",
            Role::Juror => "juror",
            Role::Expert => "expert",
            Role::EntrantContact => "entrant-contact",
            Role::Nominator => "nominator",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Staff, jurors and experts sign in with a password; entrant contacts and nominators by an
    /// emailed one-time link.
    pub fn signs_in_with_password(self) -> bool {
        matches!(self, Role::Organiser | Role::JuryChair | Role::Juror | Role::Expert)
    }

    /// Whether the role belongs to the jury of an edition (and so may score and vote).
    pub fn is_jury(self) -> bool {
        matches!(self, Role::JuryChair | Role::Juror)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a role holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Scope {
    Installation,
    Award(Slug),
    Edition(Slug, i16),
}

impl Scope {
    /// Whether a role held here also holds in `other`: the installation covers everything, an
    /// award covers its editions.
    pub fn covers(&self, other: &Scope) -> bool {
        match (self, other) {
            (Scope::Installation, _) => true,
            (Scope::Award(a), Scope::Award(b)) => a == b,
            (Scope::Award(a), Scope::Edition(b, _)) => a == b,
            (Scope::Edition(a, x), Scope::Edition(b, y)) => a == b && x == y,
            _ => false,
        }
    }

    /// The edition this scope names, if it names one.
    pub fn edition(&self) -> Option<(&Slug, i16)> {
        match self {
            Scope::Edition(a, y) => Some((a, *y)),
            _ => None,
        }
    }
}

/// A role held in a scope; an entrant contact's also names the municipality.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    pub scope: Scope,
    pub municipality: Option<MunicipalityCode>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InvalidGrant {
    #[error("an organiser holds the role for the installation or for one award")]
    OrganiserInEdition,
    #[error("this role is held in one edition")]
    NeedsEdition,
    #[error("an entrant contact is bound to one municipality")]
    NeedsMunicipality,
    #[error("only an entrant contact is bound to a municipality")]
    UnexpectedMunicipality,
}

impl Grant {
    pub fn organiser() -> Grant {
        Grant { role: Role::Organiser, scope: Scope::Installation, municipality: None }
    }

    /// Checks that the role, scope and municipality fit together.
    pub fn validate(&self) -> Result<(), InvalidGrant> {
        match (self.role, &self.scope, self.municipality) {
            (Role::Organiser, Scope::Edition(..), _) => Err(InvalidGrant::OrganiserInEdition),
            (Role::EntrantContact, Scope::Edition(..), Some(_)) => Ok(()),
            (Role::EntrantContact, Scope::Edition(..), None) => Err(InvalidGrant::NeedsMunicipality),
            (_, _, Some(_)) => Err(InvalidGrant::UnexpectedMunicipality),
            (Role::Organiser, _, None) => Ok(()),
            (_, Scope::Edition(..), None) => Ok(()),
            (_, _, None) => Err(InvalidGrant::NeedsEdition),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(s: &str) -> Slug {
        Slug::parse(s).unwrap()
    }

    #[test]
    fn names_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("admin"), None);
        assert_eq!(Role::parse("Juror"), None);
    }

    #[test]
    fn the_installation_covers_everything_and_an_award_its_editions() {
        let a = slug("digitaliseringskommun");
        let b = slug("annan-utmarkelse");
        assert!(Scope::Installation.covers(&Scope::Edition(a.clone(), 2019)));
        assert!(Scope::Award(a.clone()).covers(&Scope::Edition(a.clone(), 2019)));
        assert!(!Scope::Award(b.clone()).covers(&Scope::Edition(a.clone(), 2019)));
        assert!(!Scope::Edition(a.clone(), 2019).covers(&Scope::Edition(a.clone(), 2021)));
        assert!(!Scope::Edition(a.clone(), 2019).covers(&Scope::Award(a)));
    }

    #[test]
    fn grants_must_fit_together() {
        let e = Scope::Edition(slug("digitaliseringskommun"), 2019);
        let lidingo = Some(MunicipalityCode::parse("0186").unwrap());
        let g = |role, scope: &Scope, municipality| Grant { role, scope: scope.clone(), municipality };
        assert_eq!(g(Role::EntrantContact, &e, lidingo).validate(), Ok(()));
        assert_eq!(g(Role::EntrantContact, &e, None).validate(), Err(InvalidGrant::NeedsMunicipality));
        assert_eq!(g(Role::Juror, &e, lidingo).validate(), Err(InvalidGrant::UnexpectedMunicipality));
        assert_eq!(g(Role::Juror, &Scope::Installation, None).validate(), Err(InvalidGrant::NeedsEdition));
        assert_eq!(g(Role::Organiser, &e, None).validate(), Err(InvalidGrant::OrganiserInEdition));
        assert_eq!(Grant::organiser().validate(), Ok(()));
        assert_eq!(g(Role::Juror, &e, None).validate(), Ok(()));
    }
}
