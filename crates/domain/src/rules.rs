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
    /// Have the jury's area offered: a juror, chair or expert of some edition.
    OpenJuryHome,
    /// Create an award: the installation's organisers.
    CreateAward,
    /// Edit an award's texts and start its editions: its organisers.
    EditAward { award: &'a Slug },
    /// List people and their roles.
    ManagePeople,
    /// Grant (invite to) or revoke this role.
    ChangeGrant(&'a Grant),
    /// Read the audit log (of the awards one organises: see `Actor::organised_awards`).
    ReadAuditLog,
    /// See a person and the roles they hold: the installation's organisers anyone, an award's
    /// organisers those who hold a role in it.
    SeePerson { grants: &'a [Grant] },
    /// Export or erase what is stored about a person.
    ManagePersonalData,
    /// See the outgoing mail of every award (who was written to, about what, whether it went)
    /// and send failed messages again: the installation's organisers.
    ManageMailQueue,
    /// Open the entrants' portal.
    OpenPortal,
    /// Read a municipality's entry in an edition. Its contacts and the organisers read it in
    /// any state; the jury reads submitted entries only, experts submitted nominees only.
    ReadEntry {
        award: &'a Slug,
        year: i16,
        municipality: MunicipalityCode,
        is_nominee: bool,
        submitted: bool,
    },
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
    /// See the jury's other reviews of an entry and its discussion, and post to it: a juror
    /// once their own review of it is submitted (never a conflicted one), organisers always,
    /// experts never.
    SeeReviews { award: &'a Slug, year: i16, municipality: MunicipalityCode, own_submitted: bool },
    /// See that a review changed after its submission, and its earlier versions: the chair and
    /// organisers.
    SeeReviewChanges { award: &'a Slug, year: i16 },
    /// See the jury's ranking (a conflicted reader's rows are left out by the page). It carries
    /// every juror's scores of every entry, so a juror sees it only with at least one review
    /// submitted and none of theirs left; organisers always.
    ReadRanking { award: &'a Slug, year: i16, progress: ReviewProgress },
    /// Open the jury meeting's page (the jury and organisers).
    OpenMeeting { award: &'a Slug, year: i16 },
    /// See the count of the ballots (the pairwise matrix, the strongest paths). While the jury
    /// votes: the chair and organisers; once decided: the jurors with no conflict with any
    /// nominee; once public: the whole jury.
    SeeCount { award: &'a Slug, year: i16, nominees: &'a [MunicipalityCode], decided: bool, public: bool },
    /// See the decision (winner, citation, seal's contents) before the public may: organisers
    /// and the jurors with no conflict with any nominee.
    SeeDecision { award: &'a Slug, year: i16, nominees: &'a [MunicipalityCode] },
    /// Record the shortlist: the chair's decision.
    DecideShortlist { award: &'a Slug, year: i16 },
    /// Plan a site visit to a nominee (experts, the chair, organisers).
    PlanVisit { award: &'a Slug, year: i16 },
    /// Write the report of a visit: those who went, or an organiser.
    ReportVisit { award: &'a Slug, year: i16, participants: &'a [i64] },
    /// Cast a ballot at the jury meeting: a juror with no conflict with any nominee.
    Vote { award: &'a Slug, year: i16, nominees: &'a [MunicipalityCode] },
    /// Read and approve the chair's citation: anyone on the jury with no conflict with any
    /// nominee (the citation names the winner).
    ApproveCitation { award: &'a Slug, year: i16, nominees: &'a [MunicipalityCode] },
    /// Draft the citation and record the decision: the chair.
    ChairMeeting { award: &'a Slug, year: i16 },
    /// See how lenient each juror scores: the chair and organisers, not the jurors themselves.
    SeeJurorLevels { award: &'a Slug, year: i16 },
}

impl Action<'_> {
    /// Whether an API key may do this: reading and writing entries through the API, nothing
    /// else (a key is not a session: it opens no page, no jury and no administration).
    pub fn open_to_api_keys(&self) -> bool {
        matches!(self, Action::ReadEntry { .. } | Action::EditEntry { .. })
    }
}

/// How far a juror has come with their assigned reviews in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReviewProgress {
    pub submitted: usize,
    /// Assigned and not yet submitted.
    pub left: usize,
}

impl ReviewProgress {
    /// Done with the round: at least one review submitted and none left.
    pub fn done(self) -> bool {
        self.submitted > 0 && self.left == 0
    }
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

    /// The awards whose people and audit events this organiser sees: `None` for the
    /// installation's organisers (everything), else the awards they organise (or an edition of).
    pub fn organised_awards(&self) -> Option<Vec<Slug>> {
        if self.organiser_of(&Scope::Installation) {
            return None;
        }
        let mut awards: Vec<Slug> = self
            .grants
            .iter()
            .filter(|g| g.role == Role::Organiser)
            .filter_map(|g| match &g.scope {
                Scope::Installation => None,
                Scope::Award(a) | Scope::Edition(a, _) => Some(a.clone()),
            })
            .collect();
        awards.sort();
        awards.dedup();
        Some(awards)
    }

    /// Conflicted with any of `nominees`.
    pub fn conflicted_with_any(&self, award: &Slug, year: i16, nominees: &[MunicipalityCode]) -> bool {
        nominees.iter().any(|n| self.conflicted(award, year, *n))
    }
}

/// The rule for every action. Anonymous visitors are sent to sign in for anything here (the
/// public pages never ask).
pub fn decide(actor: Option<&Actor>, action: &Action<'_>) -> Decision {
    let Some(actor) = actor else { return Decision::SignIn };
    let allowed = match action {
        Action::OpenAccount => true,
        Action::OpenAdmin | Action::ManagePeople | Action::ReadAuditLog => actor.is_organiser_anywhere(),
        Action::ManagePersonalData | Action::CreateAward | Action::ManageMailQueue => {
            actor.organiser_of(&Scope::Installation)
        }
        Action::EditAward { award } => actor.organiser_of(&Scope::Award((*award).clone())),
        Action::SeePerson { grants } => {
            actor.organiser_of(&Scope::Installation) || grants.iter().any(|g| actor.organiser_of(&g.scope))
        }
        // An award's organiser manages its editions' roles; only the installation's organisers
        // make other organisers of the installation.
        Action::ChangeGrant(grant) => actor.organiser_of(&grant.scope),
        Action::OpenPortal => actor.grants.iter().any(|g| g.role == Role::EntrantContact),
        Action::OpenJuryHome => {
            actor.grants.iter().any(|g| matches!(g.role, Role::Juror | Role::JuryChair | Role::Expert))
        }
        Action::ReadEntry { award, year, municipality, is_nominee, submitted } => {
            let edition = Scope::Edition((*award).clone(), *year);
            let own = actor.grants.iter().any(|g| {
                g.role == Role::EntrantContact && g.scope == edition && g.municipality == Some(*municipality)
            });
            let jury =
                actor.on_jury(award, *year) && !actor.conflicted(award, *year, *municipality) && *submitted;
            let expert = actor.holds(Role::Expert, &edition) && *is_nominee && *submitted;
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
        Action::SeeReviews { award, year, municipality, own_submitted } => {
            actor.organiser_of(&Scope::Edition((*award).clone(), *year))
                || (actor.on_jury(award, *year)
                    && !actor.conflicted(award, *year, *municipality)
                    && *own_submitted)
        }
        Action::SeeReviewChanges { award, year } => {
            let edition = Scope::Edition((*award).clone(), *year);
            actor.organiser_of(&edition) || actor.holds(Role::JuryChair, &edition)
        }
        Action::ReadRanking { award, year, progress } => {
            actor.organiser_of(&Scope::Edition((*award).clone(), *year))
                || (actor.on_jury(award, *year) && progress.done())
        }
        Action::OpenMeeting { award, year } => {
            actor.on_jury(award, *year) || actor.organiser_of(&Scope::Edition((*award).clone(), *year))
        }
        Action::SeeCount { award, year, nominees, decided, public } => {
            let edition = Scope::Edition((*award).clone(), *year);
            let clear = !actor.conflicted_with_any(award, *year, nominees);
            actor.organiser_of(&edition)
                || (actor.holds(Role::JuryChair, &edition) && clear)
                || (actor.on_jury(award, *year) && ((*decided && clear) || *public))
        }
        Action::SeeDecision { award, year, nominees } => {
            actor.organiser_of(&Scope::Edition((*award).clone(), *year))
                || (actor.on_jury(award, *year) && !actor.conflicted_with_any(award, *year, nominees))
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
        Action::ApproveCitation { award, year, nominees } => {
            actor.on_jury(award, *year) && !actor.conflicted_with_any(award, *year, nominees)
        }
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
