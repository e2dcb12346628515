//! Site visits and their reports.

use async_trait::async_trait;
use jiff::Timestamp;
use juryn_domain::Slug;
use juryn_domain::visit::{Plan, Report};

use crate::Result;
use crate::model::Stamp;

/// A visit as stored, with the names of those going.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredVisit {
    pub id: i64,
    pub award: Slug,
    pub year: i16,
    pub plan: Plan,
    /// (account, name) of each participant, by name.
    pub people: Vec<(i64, String)>,
    pub report: Option<Report>,
    pub report_by: Option<String>,
    pub report_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitRefusal {
    /// A participant is at another visit at an overlapping time (checked inside the write, so
    /// two plans made at once cannot double-book anyone).
    Overlap { user: i64 },
}

#[async_trait]
pub trait VisitStore: Send + Sync + 'static {
    /// Plans a visit (the caller has checked it with `domain::visit::check_plan`).
    async fn plan_visit(
        &self,
        award: &Slug,
        year: i16,
        plan: &Plan,
        actor: &Stamp,
    ) -> Result<Result<i64, VisitRefusal>>;
    /// The edition's visits, by start time.
    async fn visits(&self, award: &Slug, year: i16) -> Result<Vec<StoredVisit>>;
    async fn visit(&self, id: i64) -> Result<Option<StoredVisit>>;
    /// Every visit the person goes on, in any edition, by start time.
    async fn visits_of(&self, user_id: i64) -> Result<Vec<StoredVisit>>;
    /// Writes (or rewrites) the visit's report.
    async fn save_report(&self, visit_id: i64, report: &Report, user_id: i64, actor: &Stamp) -> Result<()>;
}
