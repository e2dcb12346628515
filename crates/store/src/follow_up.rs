//! The follow-up for those through a cut (domain::follow_up): its set-up, and each selected
//! municipality's answers, from the portal or imported (sql/follow_up.rs).

use async_trait::async_trait;
use jiff::Timestamp;
use juryn_domain::follow_up::{FollowUp, SetupProblem};
use juryn_domain::questionnaire::{AnswerProblem, StoredAnswer};
use juryn_domain::{MunicipalityCode, Slug};

use crate::{Result, Stamp};

/// Where a municipality's follow-up answers came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpSource {
    /// Its contacts, in the portal (checked against the deadline).
    Portal,
    /// The organiser's import of an external tool's result.
    Import,
}

impl FollowUpSource {
    pub fn as_str(self) -> &'static str {
        match self {
            FollowUpSource::Portal => "portal",
            FollowUpSource::Import => "import",
        }
    }
}

/// One municipality's answers as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpAnswers {
    pub municipality: MunicipalityCode,
    /// One per question of the follow-up.
    pub answers: Vec<StoredAnswer>,
    pub source: FollowUpSource,
    pub saved_at: Timestamp,
}

/// Why follow-up answers are not saved; checked inside the write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowUpRefusal {
    /// The edition has no follow-up.
    NoFollowUp,
    /// The municipality was not selected in the cut the follow-up is for (or it is not cut yet).
    NotThrough(MunicipalityCode),
    /// The portal's deadline has passed.
    Closed,
    /// An answer does not fit its question (question index, problem).
    Answer(usize, AnswerProblem),
    /// The set-up is refused.
    Setup(SetupProblem),
    /// Answers are in: the questions can no longer change.
    Answered,
}

#[async_trait]
pub trait FollowUpStore: Send + Sync + 'static {
    async fn follow_up(&self, award: &Slug, year: i16) -> Result<Option<FollowUp>>;
    /// Sets the follow-up up (checked with `follow_up::check_setup` against the rounds); its
    /// questions cannot change once a municipality has answered, its deadline can.
    async fn put_follow_up(
        &self,
        award: &Slug,
        year: i16,
        follow_up: &FollowUp,
        actor: &Stamp,
    ) -> Result<std::result::Result<(), FollowUpRefusal>>;
    /// Every municipality's answers, by code.
    async fn follow_up_answers(&self, award: &Slug, year: i16) -> Result<Vec<FollowUpAnswers>>;
    /// Saves the answers of each municipality named, all or none: each must be through the cut,
    /// each answer fit its question (a portal save of a complete set: every required question
    /// answered), and a portal save come before the deadline (by `actor.at`).
    async fn save_follow_up(
        &self,
        (award, year): (&Slug, i16),
        answers: &[(MunicipalityCode, Vec<StoredAnswer>)],
        source: FollowUpSource,
        actor: &Stamp,
    ) -> Result<std::result::Result<(), FollowUpRefusal>>;
}
