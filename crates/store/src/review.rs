//! The review round: who is on the jury, conflicts of interest, assignments, reviews, the
//! jury's discussion and the shortlist.

use async_trait::async_trait;
use jiff::Timestamp;
use juryn_domain::conflict::{ConflictPolicy, ConflictSource, Ruling, Ties};
use juryn_domain::review::Score;
use juryn_domain::{Criterion, MunicipalityCode, Slug};

use crate::Result;
use crate::model::Stamp;

/// A person who holds a juror's or the chair's role in an edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JuryMember {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub is_chair: bool,
    /// From the public jury profile linked to the account, if any.
    pub ties: Ties,
    /// The linked public profile's name.
    pub profile: Option<String>,
}

/// A public jury profile as the organiser edits it: the profile, where the juror works (for
/// automatic conflicts, never shown), and the account it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JurorProfile {
    pub id: i64,
    pub juror: juryn_domain::Juror,
    pub employer: Option<MunicipalityCode>,
    pub user_id: Option<i64>,
}

/// What saving a profile did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileSaved {
    /// Saved, with the profile's id.
    Saved(i64),
    /// Another profile of the edition has the name; nothing written.
    NameTaken,
    /// No profile with that id in the edition.
    NoSuchProfile,
}

/// One line of the conflict register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    pub user_id: i64,
    pub name: String,
    pub municipality: MunicipalityCode,
    pub source: ConflictSource,
}

/// A ruling as recorded: what, by whom, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRuling {
    pub user_id: i64,
    pub ruling: Ruling,
    pub made_by: Option<String>,
    pub made_at: Timestamp,
}

/// A juror's review of one entry as stored. Reviews of pairs that are conflicted now are never
/// returned by the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReview {
    pub user_id: i64,
    pub juror: String,
    pub municipality: MunicipalityCode,
    /// One per criterion, in the criteria's order.
    pub scores: Vec<Score>,
    pub overall: String,
    pub updated_at: Timestamp,
    pub submitted_at: Option<Timestamp>,
    /// When it last changed after its submission (only where the organiser allows changes).
    pub changed_at: Option<Timestamp>,
}

/// A submitted review as the ranking reads it: who, which entry, and the scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmittedScores {
    pub user_id: i64,
    pub juror: String,
    pub municipality: MunicipalityCode,
    /// One per criterion, in the criteria's order; `None` where there is no score.
    pub scores: Vec<Option<u8>>,
}

/// A review as it stood before a change after submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewVersion {
    pub scores: Vec<Score>,
    pub overall: String,
    /// When this version was written (submitted, or changed to it).
    pub written_at: Timestamp,
    /// When the next version replaced it.
    pub replaced_at: Timestamp,
}

/// What a juror saves: a draft, or the submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewSave {
    pub scores: Vec<Score>,
    pub overall: String,
    pub submit: bool,
}

/// Why the store refused a review or an assignment; each is checked inside the write's
/// transaction, so a round closing or a conflict set at the same moment is respected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewRefusal {
    RoundClosed,
    NotAssigned,
    Conflicted,
    UnknownCriterion,
    NotOnJury,
    /// The review is submitted, and the organiser does not allow changes after submission.
    AlreadySubmitted,
    /// The juror has seen the round's ranking, so they cannot be given a review in it.
    SawRanking,
    /// The entry is only for the booklet: it does not compete.
    BookletOnly,
    /// A later round reviews only the earlier round's selection, and the entry is not in it.
    NotInRound,
}

/// Why recording the shortlist was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortlistRefusal {
    /// The edition is no longer shortlisting: another decision got there first.
    AlreadyDecided,
    /// An earlier round is not cut yet.
    EarlierRoundOpen,
    /// A nominee is not in the earlier round's cut.
    NotACandidate(MunicipalityCode),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub author: Option<String>,
    pub body: String,
    pub posted_at: Timestamp,
}

#[async_trait]
pub trait ReviewStore: Send + Sync + 'static {
    /// The edition's criteria with their stored ids, in order.
    async fn criteria_with_ids(&self, award: &Slug, year: i16) -> Result<Vec<(i64, Criterion)>>;
    /// Replaces the criteria, unless a review has been written: then `false` and nothing changes.
    async fn put_criteria(
        &self,
        award: &Slug,
        year: i16,
        criteria: &[Criterion],
        actor: &Stamp,
    ) -> Result<bool>;

    /// The people holding a juror's or the chair's role in the edition (or its award), by name.
    async fn jury_members(&self, award: &Slug, year: i16) -> Result<Vec<JuryMember>>;

    /// Saves a juror's review (draft or submission) if the round is open, the juror is assigned
    /// the entry and not conflicted, and every score names one of the edition's criteria.
    async fn save_review(
        &self,
        award: &Slug,
        year: i16,
        user_id: i64,
        code: MunicipalityCode,
        save: &ReviewSave,
        actor: &Stamp,
    ) -> Result<Result<(), ReviewRefusal>>;
    /// Where one juror's reviews stand: the entries they have a review of, and whether it is
    /// submitted (conflicted pairs left out).
    async fn progress_of(
        &self,
        award: &Slug,
        year: i16,
        user_id: i64,
    ) -> Result<Vec<(MunicipalityCode, bool)>>;
    /// Every review of the edition, drafts included, except those of conflicted pairs.
    async fn reviews(&self, award: &Slug, year: i16) -> Result<Vec<StoredReview>>;
    /// The same for one entry.
    async fn reviews_of(&self, award: &Slug, year: i16, code: MunicipalityCode) -> Result<Vec<StoredReview>>;
    /// The submitted reviews of the current round (conflicted pairs left out), only their
    /// scores, one row each: what the ranking is computed from. `reviews` with its comments
    /// is several rows a review, and on SQLite each row costs a thread hand-over.
    async fn submitted_scores(&self, award: &Slug, year: i16) -> Result<Vec<SubmittedScores>>;

    /// Adds a post to the jury's discussion of an entry.
    async fn post_discussion(
        &self,
        award: &Slug,
        year: i16,
        code: MunicipalityCode,
        user_id: i64,
        body: &str,
        actor: &Stamp,
    ) -> Result<()>;
    /// The discussion of an entry, oldest first.
    async fn discussion(&self, award: &Slug, year: i16, code: MunicipalityCode) -> Result<Vec<Post>>;
}

/// Conflicts of interest: the policy, the rulings, and the register recomputed in the same write
/// (sql/conflicts.rs).
#[async_trait]
pub trait ConflictStore: Send + Sync + 'static {
    /// Whether automatic conflicts cover the home and employer counties.
    async fn conflict_policy(&self, award: &Slug, year: i16) -> Result<ConflictPolicy>;

    /// Sets the conflict policy and the shortlist's bounds (the caller has checked them), and
    /// recomputes every juror's conflicts under the policy.
    async fn set_review_settings(
        &self,
        award: &Slug,
        year: i16,
        policy: ConflictPolicy,
        shortlist: (u16, u16),
        actor: &Stamp,
    ) -> Result<()>;

    /// Links the public jury profile `profile` to the account, with where the juror works, and
    /// recomputes the juror's conflicts. `false` if there is no such profile.
    async fn link_juror(
        &self,
        award: &Slug,
        year: i16,
        profile: &str,
        user_id: i64,
        employer: Option<MunicipalityCode>,
        actor: &Stamp,
    ) -> Result<bool>;

    /// Records a ruling (the caller has validated it) and recomputes the juror's conflicts; a
    /// new conflict also removes the pair's assignment.
    async fn add_ruling(
        &self,
        award: &Slug,
        year: i16,
        user_id: i64,
        ruling: &Ruling,
        made_by: Option<i64>,
        actor: &Stamp,
    ) -> Result<()>;

    /// Every effective conflict of the edition: who, which municipality, why.
    async fn conflict_register(&self, award: &Slug, year: i16) -> Result<Vec<ConflictRow>>;

    /// Every ruling of the edition, oldest first.
    async fn rulings(&self, award: &Slug, year: i16) -> Result<Vec<StoredRuling>>;
}

/// The public jury, edited by id; a linked account's conflicts follow in the same write
/// (sql/jury_profiles.rs).
#[async_trait]
pub trait JuryProfileStore: Send + Sync + 'static {
    /// The jury's public profiles in the organiser's order, with their ids, employers and links.
    async fn jury_profiles(&self, award: &Slug, year: i16) -> Result<Vec<JurorProfile>>;

    /// Adds a profile at the end (`id` None) or changes profile `id` (its `id` field is ignored);
    /// a linked account's conflicts are recomputed in the same write.
    async fn save_juror_profile(
        &self,
        edition: (&Slug, i16),
        id: Option<i64>,
        profile: &JurorProfile,
        actor: &Stamp,
    ) -> Result<ProfileSaved>;

    /// Removes a profile (its account's automatic conflicts go with it); `false` if none.
    async fn remove_juror_profile(&self, edition: (&Slug, i16), id: i64, actor: &Stamp) -> Result<bool>;

    /// Moves a profile one place up or down the public list; `false` if there is no such profile.
    async fn move_juror_profile(
        &self,
        edition: (&Slug, i16),
        id: i64,
        up: bool,
        actor: &Stamp,
    ) -> Result<bool>;
}

/// Who reviews what (sql/assignments.rs). Like the criteria, the reviews and the ranking views,
/// assignments belong to the round being decided (`domain::round::current_round`): each round's
/// are its own, and a later round's are of the round before's selection only.
#[async_trait]
pub trait AssignmentStore: Send + Sync + 'static {
    /// Who reviews which entry.
    async fn assignments(&self, award: &Slug, year: i16) -> Result<Vec<(i64, MunicipalityCode)>>;

    /// The entries assigned to one juror.
    async fn assignments_of(&self, award: &Slug, year: i16, user_id: i64) -> Result<Vec<MunicipalityCode>>;

    /// Replaces every assignment of the round (conflicted pairs, booklet-only entries and, after
    /// the first round, entries not in the earlier cut are left out). A pair not
    /// assigned before, for someone who has seen the ranking, refuses the whole replacement:
    /// those pairs come back and nothing changes.
    async fn replace_assignments(
        &self,
        award: &Slug,
        year: i16,
        pairs: &[(i64, MunicipalityCode)],
        actor: &Stamp,
    ) -> Result<std::result::Result<(), Vec<(i64, MunicipalityCode)>>>;

    /// Adds or removes one assignment by hand. Adding a conflicted pair, or an entry the round
    /// does not review, is refused.
    async fn set_assigned(
        &self,
        award: &Slug,
        year: i16,
        user_id: i64,
        code: MunicipalityCode,
        assigned: bool,
        actor: &Stamp,
    ) -> Result<Result<(), ReviewRefusal>>;
}

/// Whether a submitted review is final, its earlier versions, and who has seen the ranking
/// (sql/finality.rs).
#[async_trait]
pub trait FinalityStore: Send + Sync + 'static {
    /// Whether jurors may change a review after submitting it (each change kept as a version).
    async fn review_changes_allowed(&self, award: &Slug, year: i16) -> Result<bool>;

    async fn set_review_changes_allowed(
        &self,
        award: &Slug,
        year: i16,
        allowed: bool,
        actor: &Stamp,
    ) -> Result<()>;

    /// The earlier versions of a juror's submitted review, oldest first.
    async fn review_versions(
        &self,
        award: &Slug,
        year: i16,
        user_id: i64,
        code: MunicipalityCode,
    ) -> Result<Vec<ReviewVersion>>;

    /// Notes that the person has seen the edition's ranking (once; later calls change nothing).
    async fn record_ranking_view(&self, award: &Slug, year: i16, user_id: i64, now: Timestamp) -> Result<()>;

    /// Everyone who has seen the edition's ranking.
    async fn ranking_viewers(&self, award: &Slug, year: i16) -> Result<Vec<i64>>;
}

/// The chair's shortlist, recorded once by compare-and-set, and the nominees' publication
/// (sql/shortlist.rs).
#[async_trait]
pub trait ShortlistStore: Send + Sync + 'static {
    /// Records the nominees with a rationale each and moves the edition from shortlisting to
    /// nominated, if it is still shortlisting (compare-and-set: of two racing decisions, one
    /// wins and the other is refused). The caller has checked the transition with the domain.
    async fn record_shortlist(
        &self,
        award: &Slug,
        year: i16,
        nominees: &[(MunicipalityCode, String)],
        actor: &Stamp,
    ) -> Result<Result<(), ShortlistRefusal>>;

    /// The nominees with the chair's rationale, in order.
    async fn shortlist(&self, award: &Slug, year: i16) -> Result<Vec<(MunicipalityCode, String)>>;

    /// Sets when the nominees become public.
    async fn schedule_nominees(&self, award: &Slug, year: i16, at: Timestamp, actor: &Stamp) -> Result<()>;
}

/// The jury's rounds and the cuts of the rounds before the last (sql/rounds.rs). The last
/// round's selection is the shortlist ([`ShortlistStore`]).
#[async_trait]
pub trait RoundStore: Send + Sync + 'static {
    /// The edition's rounds in order; empty for an edition of one round (its shortlist bounds).
    async fn rounds(&self, award: &Slug, year: i16) -> Result<Vec<juryn_domain::round::Round>>;
    /// Replaces the rounds (checked with `round::check_rounds`) and sets the edition's shortlist
    /// bounds to the last round's; refused once a cut is recorded or the jury has moved on.
    async fn put_rounds(
        &self,
        award: &Slug,
        year: i16,
        rounds: &[juryn_domain::round::Round],
        actor: &Stamp,
    ) -> Result<Result<(), RoundsRefusal>>;
    /// The recorded cuts of the rounds before the last, in order.
    async fn cuts(&self, award: &Slug, year: i16) -> Result<Vec<juryn_domain::round::Cut>>;
    /// Records the selection of round `position` (one before the last), checked inside the write
    /// against the edition's phase (shortlisting), the round's bounds and its candidates (the
    /// previous cut, or the submitted entries), and publishes it from `public_at`.
    async fn record_cut(
        &self,
        (award, year, position): (&Slug, i16, u16),
        selected: &[(MunicipalityCode, String)],
        public_at: Option<Timestamp>,
        actor: &Stamp,
    ) -> Result<Result<(), CutRefusal>>;
    /// Sets when a recorded cut becomes public (the organiser's step, like the nominees');
    /// `false` if the round has no cut, or the time is before the cut before it.
    async fn schedule_cut(
        &self,
        (award, year, position): (&Slug, i16, u16),
        at: Timestamp,
        actor: &Stamp,
    ) -> Result<bool>;
}

/// Why rounds are not replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundsRefusal {
    Invalid(juryn_domain::round::RoundsProblem),
    /// A cut is recorded, or the edition is past shortlisting: the rounds are history.
    Started,
}

/// Why a cut is not recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CutRefusal {
    Invalid(juryn_domain::round::CutProblem),
    /// The edition is not shortlisting, or the round is the last (recorded as the shortlist).
    NotNow,
}
