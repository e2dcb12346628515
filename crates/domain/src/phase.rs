//! The phases of an edition and the transitions between them.
//!
//! Draft → CallOpen → CallClosed → Shortlisting → Nominated → InDepthReview → Deliberation →
//! Decided → Announced → Archived. Each transition is one function that checks its
//! preconditions against a [`Readiness`] snapshot and returns the new phase or a [`Refusal`]
//! that says what is missing. Handlers never set a phase themselves.

use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    #[default]
    Draft,
    CallOpen,
    CallClosed,
    Shortlisting,
    Nominated,
    InDepthReview,
    Deliberation,
    Decided,
    Announced,
    Archived,
}

impl Phase {
    pub const ALL: [Phase; 10] = [
        Phase::Draft,
        Phase::CallOpen,
        Phase::CallClosed,
        Phase::Shortlisting,
        Phase::Nominated,
        Phase::InDepthReview,
        Phase::Deliberation,
        Phase::Decided,
        Phase::Announced,
        Phase::Archived,
    ];

    /// The kebab-case name used in storage and in the API, e.g. `in-depth-review`.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Draft => "draft",
            Phase::CallOpen => "call-open",
            Phase::CallClosed => "call-closed",
            Phase::Shortlisting => "shortlisting",
            Phase::Nominated => "nominated",
            Phase::InDepthReview => "in-depth-review",
            Phase::Deliberation => "deliberation",
            Phase::Decided => "decided",
            Phase::Announced => "announced",
            Phase::Archived => "archived",
        }
    }

    pub fn parse(s: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The phase that follows this one, if any.
    pub fn next(self) -> Option<Phase> {
        let i = Phase::ALL.iter().position(|p| *p == self)?;
        Phase::ALL.get(i + 1).copied()
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the transitions need to know about an edition, gathered by the caller from the store.
#[derive(Debug, Clone, Default)]
pub struct Readiness {
    pub phase: Phase,
    pub now: Timestamp,
    pub questions: usize,
    pub call_closes_at: Option<Timestamp>,
    /// Minutes after the deadline during which late submissions are still taken.
    pub grace_minutes: u32,
    pub submitted_entries: usize,
    pub criteria: usize,
    pub jurors: usize,
    pub shortlist_len: usize,
    pub shortlist_min: usize,
    pub shortlist_max: usize,
    pub nominees_without_visit_report: usize,
    pub decision_recorded: bool,
    pub winner_is_nominee: bool,
    pub announce_at: Option<Timestamp>,
}

/// Why a transition was refused. Each variant names what the organiser must fix; the web layer
/// translates it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the edition is in phase {actual}, the transition needs {expected}")]
    WrongPhase { expected: Phase, actual: Phase },
    #[error("the questionnaire has no questions")]
    NoQuestions,
    #[error("the call has no deadline")]
    NoDeadline,
    #[error("the deadline has already passed")]
    DeadlineInPast,
    #[error("the deadline (with any grace period) has not passed yet")]
    DeadlineNotPassed,
    #[error("no entry has been submitted")]
    NoSubmittedEntries,
    #[error("the edition has no review criteria")]
    NoCriteria,
    #[error("the edition has no jurors")]
    NoJurors,
    #[error("the shortlist has {len} entries, it must have {min}–{max}")]
    ShortlistSize { len: usize, min: usize, max: usize },
    #[error("{0} nominees have no visit report")]
    MissingVisitReports(usize),
    #[error("no decision has been recorded")]
    NoDecision,
    #[error("the winner is not one of the nominees")]
    WinnerNotNominee,
    #[error("no announcement time is set")]
    NoAnnouncementTime,
    #[error("the announcement time has not come")]
    BeforeAnnouncement,
}

type Transition = Result<Phase, Refusal>;

impl Readiness {
    fn expect(&self, expected: Phase) -> Result<(), Refusal> {
        if self.phase == expected {
            Ok(())
        } else {
            Err(Refusal::WrongPhase { expected, actual: self.phase })
        }
    }

    fn deadline_with_grace(&self) -> Option<Timestamp> {
        let grace = jiff::SignedDuration::from_mins(i64::from(self.grace_minutes));
        self.call_closes_at.and_then(|t| t.checked_add(grace).ok())
    }
}

/// Draft → CallOpen: the questionnaire has questions and a deadline in the future.
pub fn open_call(r: &Readiness) -> Transition {
    r.expect(Phase::Draft)?;
    if r.questions == 0 {
        return Err(Refusal::NoQuestions);
    }
    match r.call_closes_at {
        None => Err(Refusal::NoDeadline),
        Some(t) if t <= r.now => Err(Refusal::DeadlineInPast),
        Some(_) => Ok(Phase::CallOpen),
    }
}

/// CallOpen → CallClosed: the deadline and its grace period have passed.
pub fn close_call(r: &Readiness) -> Transition {
    r.expect(Phase::CallOpen)?;
    match r.deadline_with_grace() {
        None => Err(Refusal::NoDeadline),
        Some(t) if r.now < t => Err(Refusal::DeadlineNotPassed),
        Some(_) => Ok(Phase::CallClosed),
    }
}

/// CallClosed → Shortlisting: there is something to review, something to review it by, and
/// someone to review it.
pub fn start_shortlisting(r: &Readiness) -> Transition {
    r.expect(Phase::CallClosed)?;
    if r.submitted_entries == 0 {
        return Err(Refusal::NoSubmittedEntries);
    }
    if r.criteria == 0 {
        return Err(Refusal::NoCriteria);
    }
    if r.jurors == 0 {
        return Err(Refusal::NoJurors);
    }
    Ok(Phase::Shortlisting)
}

/// Shortlisting → Nominated: the shortlist has between the edition's bounds of entries (3–5).
pub fn publish_nominees(r: &Readiness) -> Transition {
    r.expect(Phase::Shortlisting)?;
    let (len, min, max) = (r.shortlist_len, r.shortlist_min, r.shortlist_max);
    if len < min || len > max || len == 0 {
        return Err(Refusal::ShortlistSize { len, min, max });
    }
    Ok(Phase::Nominated)
}

/// Nominated → InDepthReview: site visits may start.
pub fn start_in_depth_review(r: &Readiness) -> Transition {
    r.expect(Phase::Nominated)?;
    Ok(Phase::InDepthReview)
}

/// InDepthReview → Deliberation: every nominee has a visit report.
pub fn start_deliberation(r: &Readiness) -> Transition {
    r.expect(Phase::InDepthReview)?;
    match r.nominees_without_visit_report {
        0 => Ok(Phase::Deliberation),
        n => Err(Refusal::MissingVisitReports(n)),
    }
}

/// Deliberation → Decided: a decision naming one of the nominees is recorded, and it is known
/// when it will be announced.
pub fn record_decision(r: &Readiness) -> Transition {
    r.expect(Phase::Deliberation)?;
    if !r.decision_recorded {
        return Err(Refusal::NoDecision);
    }
    if !r.winner_is_nominee {
        return Err(Refusal::WinnerNotNominee);
    }
    if r.announce_at.is_none() {
        return Err(Refusal::NoAnnouncementTime);
    }
    Ok(Phase::Decided)
}

/// Decided → Announced: the announcement time has come.
pub fn announce(r: &Readiness) -> Transition {
    r.expect(Phase::Decided)?;
    match r.announce_at {
        None => Err(Refusal::NoAnnouncementTime),
        Some(t) if r.now < t => Err(Refusal::BeforeAnnouncement),
        Some(_) => Ok(Phase::Announced),
    }
}

/// Announced → Archived: the edition is history.
pub fn archive(r: &Readiness) -> Transition {
    r.expect(Phase::Announced)?;
    Ok(Phase::Archived)
}

/// The phase the public sees at `now`. A decided edition counts as announced from its
/// announcement time on, without anyone having to flip it: visibility follows the clock.
pub fn effective_phase(stored: Phase, announce_at: Option<Timestamp>, now: Timestamp) -> Phase {
    match (stored, announce_at) {
        (Phase::Decided, Some(t)) if now >= t => Phase::Announced,
        _ => stored,
    }
}

#[cfg(test)]
#[path = "phase_tests.rs"]
mod tests;
