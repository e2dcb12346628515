//! The policy: may this person do this to that? Every handler and API route asks here, and
//! nowhere else decides.

use crate::municipality::MunicipalityCode;
use crate::role::{Grant, Role, Scope};
use crate::slug::Slug;

/// A signed-in person as the rules see them: their grants and their conflicts of interest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub grants: Vec<Grant>,
    /// Municipalities the person may not judge, per edition.
    pub conflicts: Vec<(Slug, i16, MunicipalityCode)>,
}

/// What someone wants to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action<'a> {
    /// See one's own account.
    OpenAccount,
    /// Open the organisers' area.
    OpenAdmin,
    /// List people and their roles.
    ManagePeople,
    /// Grant (invite to) or revoke this role.
    ChangeGrant(&'a Grant),
    /// Read the audit log.
    ReadAuditLog,
    /// Export or erase what is stored about a person.
    ManagePersonalData,
    /// Open the entrants' portal.
    OpenPortal,
    /// Read a municipality's entry (its draft included) in an edition.
    ReadEntry { award: &'a Slug, year: i16, municipality: MunicipalityCode, is_nominee: bool },
    /// Write, submit or withdraw a municipality's entry, or change its consent.
    EditEntry { award: &'a Slug, year: i16, municipality: MunicipalityCode },
    /// Follow and run an edition's call: its entries, nominations and reminders.
    OrganiseEdition { award: &'a Slug, year: i16 },
    /// Open the jury's area of an edition.
    OpenJuryArea { award: &'a Slug, year: i16 },
    /// Score and comment on an entry, see the jury's other reviews of it and discuss it.
    ReviewEntry { award: &'a Slug, year: i16, municipality: MunicipalityCode },
    /// Declare one's own conflict of interest as a juror of the edition.
    DeclareConflict { award: &'a Slug, year: i16 },
    /// See the jury's ranking (a conflicted reader's rows are left out by the page).
    ReadRanking { award: &'a Slug, year: i16 },
    /// Record the shortlist: the chair's decision.
    DecideShortlist { award: &'a Slug, year: i16 },
    /// Plan a site visit to a nominee (experts, the chair, organisers).
    PlanVisit { award: &'a Slug, year: i16 },
    /// Write the report of a visit: those who went, or an organiser.
    ReportVisit { award: &'a Slug, year: i16, participants: &'a [i64] },
    /// Cast a ballot at the jury meeting: a juror with no conflict with any nominee.
    Vote { award: &'a Slug, year: i16, nominees: &'a [MunicipalityCode] },
    /// Approve the chair's citation: anyone on the jury.
    ApproveCitation { award: &'a Slug, year: i16 },
    /// Draft the citation and record the decision: the chair.
    ChairMeeting { award: &'a Slug, year: i16 },
    /// See how lenient each juror scores: the chair and organisers, not the jurors themselves.
    SeeJurorLevels { award: &'a Slug, year: i16 },
}

/// The answer. The web layer turns `SignIn` into a redirect to the sign-in page and `Forbidden`
/// into 403.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    SignIn,
    Forbidden,
}

impl Actor {
    fn holds(&self, role: Role, scope: &Scope) -> bool {
        self.grants.iter().any(|g| g.role == role && g.scope.covers(scope))
    }

    /// Organises everything in `scope` (an organiser of an award organises its editions).
    pub fn organiser_of(&self, scope: &Scope) -> bool {
        self.holds(Role::Organiser, scope)
    }

    /// Sits on the edition's jury, as a juror or its chair.
    pub fn on_jury(&self, award: &Slug, year: i16) -> bool {
        let edition = Scope::Edition(award.clone(), year);
        self.holds(Role::Juror, &edition) || self.holds(Role::JuryChair, &edition)
    }

    fn is_organiser_anywhere(&self) -> bool {
        self.grants.iter().any(|g| g.role == Role::Organiser)
    }

    pub fn conflicted(&self, award: &Slug, year: i16, municipality: MunicipalityCode) -> bool {
        self.conflicts.iter().any(|(a, y, m)| a == award && *y == year && *m == municipality)
    }
}

/// The rule for every action. Anonymous visitors are sent to sign in for anything here (the
/// public pages never ask).
pub fn decide(actor: Option<&Actor>, action: &Action<'_>) -> Decision {
    let Some(actor) = actor else { return Decision::SignIn };
    let allowed = match action {
        Action::OpenAccount => true,
        Action::OpenAdmin | Action::ManagePeople | Action::ReadAuditLog => actor.is_organiser_anywhere(),
        Action::ManagePersonalData => actor.organiser_of(&Scope::Installation),
        // An award's organiser manages its editions' roles; only the installation's organisers
        // make other organisers of the installation.
        Action::ChangeGrant(grant) => actor.organiser_of(&grant.scope),
        Action::OpenPortal => actor.grants.iter().any(|g| g.role == Role::EntrantContact),
        Action::ReadEntry { award, year, municipality, is_nominee } => {
            let edition = Scope::Edition((*award).clone(), *year);
            let own = actor.grants.iter().any(|g| {
                g.role == Role::EntrantContact && g.scope == edition && g.municipality == Some(*municipality)
            });
            let jury = actor.on_jury(award, *year) && !actor.conflicted(award, *year, *municipality);
            let expert = actor.holds(Role::Expert, &edition) && *is_nominee;
            own || jury || expert || actor.organiser_of(&edition)
        }
        // The municipality's own contacts write the entry; the organisers may help them.
        Action::EditEntry { award, year, municipality } => {
            let edition = Scope::Edition((*award).clone(), *year);
            actor.grants.iter().any(|g| {
                g.role == Role::EntrantContact && g.scope == edition && g.municipality == Some(*municipality)
            }) || actor.organiser_of(&edition)
        }
        Action::OrganiseEdition { award, year } => {
            actor.organiser_of(&Scope::Edition((*award).clone(), *year))
        }
        Action::OpenJuryArea { award, year } => {
            let edition = Scope::Edition((*award).clone(), *year);
            [Role::Juror, Role::JuryChair, Role::Expert, Role::Organiser]
                .iter()
                .any(|r| actor.holds(*r, &edition))
        }
        Action::ReviewEntry { award, year, municipality } => {
            actor.on_jury(award, *year) && !actor.conflicted(award, *year, *municipality)
        }
        Action::DeclareConflict { award, year } => actor.on_jury(award, *year),
        Action::ReadRanking { award, year } => {
            actor.on_jury(award, *year) || actor.organiser_of(&Scope::Edition((*award).clone(), *year))
        }
        Action::DecideShortlist { award, year } => {
            actor.holds(Role::JuryChair, &Scope::Edition((*award).clone(), *year))
        }
        Action::ReportVisit { award, year, participants } => {
            participants.contains(&actor.user_id)
                || actor.organiser_of(&Scope::Edition((*award).clone(), *year))
        }
        Action::Vote { award, year, nominees } => {
            actor.on_jury(award, *year) && !nominees.iter().any(|n| actor.conflicted(award, *year, *n))
        }
        Action::ApproveCitation { award, year } => actor.on_jury(award, *year),
        Action::ChairMeeting { award, year } => {
            actor.holds(Role::JuryChair, &Scope::Edition((*award).clone(), *year))
        }
        Action::SeeJurorLevels { award, year } => {
            let edition = Scope::Edition((*award).clone(), *year);
            actor.organiser_of(&edition) || actor.holds(Role::JuryChair, &edition)
        }
        Action::PlanVisit { award, year } => {
            let edition = Scope::Edition((*award).clone(), *year);
            [Role::Expert, Role::JuryChair, Role::Organiser].iter().any(|r| actor.holds(*r, &edition))
        }
    };
    if allowed { Decision::Allow } else { Decision::Forbidden }
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
