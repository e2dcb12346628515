//! The jury's decision and its seal.

use async_trait::async_trait;
use jiff::Timestamp;
use juryn_domain::seal::{Method, Seal};
use juryn_domain::{MunicipalityCode, Slug};

use crate::Result;
use crate::model::Stamp;

/// A decision as the chair records it, sealed by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDecision {
    pub method: Method,
    pub winner: MunicipalityCode,
    pub citation: String,
    /// For a Schulze count: each ballot's municipality codes, best first.
    pub ballots: Option<Vec<Vec<MunicipalityCode>>>,
    pub seal: Seal,
    pub sealed_at: Timestamp,
}

/// A decision as stored. Who may see which part of it is the caller's question
/// (`Edition::visibility`): the commitment and time at once, the rest at the announcement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDecision {
    pub method: Method,
    pub winner: MunicipalityCode,
    pub citation: String,
    pub ballots: Option<Vec<Vec<MunicipalityCode>>>,
    pub seal: Seal,
    pub sealed_at: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionRefusal {
    /// The edition has a decision already; a sealed decision never changes.
    AlreadySealed,
    /// The edition is not deliberating.
    NotDeliberating,
}

/// Why a ballot was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BallotRefusal {
    /// The jury is not deliberating, or the decision is sealed.
    Closed,
    /// The juror has a conflict with one of the nominees and does not vote.
    Conflicted,
}

/// The citation as drafted, and who has approved this version.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Citation {
    pub text: String,
    pub version: i64,
    /// (account, name) of those who approved the current version.
    pub approved_by: Vec<(i64, String)>,
}

#[async_trait]
pub trait DecisionStore: Send + Sync + 'static {
    /// Sets when the winner is announced (the gala); refused (`false`) once the time set before
    /// has passed at `now`.
    async fn set_announce_at(
        &self,
        award: &Slug,
        year: i16,
        at: Timestamp,
        now: Timestamp,
        actor: &Stamp,
    ) -> Result<bool>;
    async fn decision_method(&self, award: &Slug, year: i16) -> Result<Method>;
    async fn set_decision_method(&self, award: &Slug, year: i16, method: Method, actor: &Stamp)
    -> Result<()>;
    /// Casts or replaces the juror's ballot while the jury deliberates (checked inside the
    /// write, with the juror's conflicts against the nominees).
    async fn cast_ballot(
        &self,
        award: &Slug,
        year: i16,
        user_id: i64,
        ranking: &[MunicipalityCode],
        actor: &Stamp,
    ) -> Result<Result<(), BallotRefusal>>;
    /// (account, name, ranking) of every ballot, in the order cast.
    async fn ballots(&self, award: &Slug, year: i16) -> Result<Vec<(i64, String, Vec<MunicipalityCode>)>>;
    /// Replaces the draft citation; earlier approvals lapse.
    async fn draft_citation(&self, award: &Slug, year: i16, text: &str, actor: &Stamp) -> Result<()>;
    /// Approves the citation if it is still at `version`; `false` if it has changed since.
    async fn approve_citation(
        &self,
        award: &Slug,
        year: i16,
        user_id: i64,
        version: i64,
        actor: &Stamp,
    ) -> Result<bool>;
    async fn citation(&self, award: &Slug, year: i16) -> Result<Citation>;
    /// Records the sealed decision and moves the edition from deliberation to decided, with the
    /// winner, in one transaction — refused if a decision exists or the edition is not
    /// deliberating (compare-and-set, so of two racing decisions one is kept).
    async fn record_decision(
        &self,
        award: &Slug,
        year: i16,
        decision: &NewDecision,
        actor: &Stamp,
    ) -> Result<Result<(), DecisionRefusal>>;
    async fn decision(&self, award: &Slug, year: i16) -> Result<Option<StoredDecision>>;
}
