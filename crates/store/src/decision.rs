//! The jury's decision and its seal.

use async_trait::async_trait;
use jiff::Timestamp;
use juryn_domain::seal::{Method, Seal};
use juryn_domain::{MunicipalityCode, Slug};

use crate::Result;

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

#[async_trait]
pub trait DecisionStore: Send + Sync + 'static {
    /// Records the sealed decision and moves the edition from deliberation to decided, with the
    /// winner, in one transaction — refused if a decision exists or the edition is not
    /// deliberating (compare-and-set, so of two racing decisions one is kept).
    async fn record_decision(
        &self,
        award: &Slug,
        year: i16,
        decision: &NewDecision,
        actor: &str,
    ) -> Result<Result<(), DecisionRefusal>>;
    async fn decision(&self, award: &Slug, year: i16) -> Result<Option<StoredDecision>>;
}
