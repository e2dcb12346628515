//! The public side of the data: awards, editions, their content, and entries.

use async_trait::async_trait;
use jiff::Timestamp;
use juryn_domain::{
    Award, Criterion, Edition, EntryStatus, Juror, Milestone, MunicipalityCode, PastWinner, Phase, Slug,
};

use crate::Result;
use crate::model::OverviewRow;
use crate::model::Stamp;
use juryn_domain::questionnaire::Question;

use crate::model::{
    AuditEvent, EditionContent, EntryContent, EntryRecord, EntrySave, EntryVersion, NewNomination,
    Nomination, Participation, SaveOutcome, StoredEntry, TokenError, User,
};

#[async_trait]
pub trait ContentStore: Send + Sync + 'static {
    /// Which backend this is: `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;

    /// Housekeeping a server runs now and then, off the request path: on SQLite, a passive WAL
    /// checkpoint (so no save has to wait for one); on PostgreSQL, nothing.
    async fn maintain(&self) -> Result<()>;

    /// A number that grows with every write to what the public sees. Caches keyed by it are
    /// current while it stands.
    async fn generation(&self) -> Result<i64>;

    /// Whether the database answers and its migrations are this binary's, and the pool's use.
    async fn health(&self) -> Result<crate::StoreHealth>;

    /// Every table at one moment (one read transaction, while the server writes on): a backup.
    async fn snapshot(&self) -> Result<crate::backup::Snapshot>;

    /// Writes `snapshot` into this empty database in one transaction, or writes nothing.
    async fn restore(
        &self,
        snapshot: &crate::backup::Snapshot,
    ) -> Result<std::result::Result<(), crate::backup::RestoreRefusal>>;

    async fn awards(&self) -> Result<Vec<Award>>;
    async fn award(&self, slug: &Slug) -> Result<Option<Award>>;
    /// Creates the award or updates it in place, by slug.
    async fn put_award(&self, award: &Award, actor: &Stamp) -> Result<()>;
    /// Creates a new award; `false` (nothing written) when its slug is taken.
    async fn create_award(&self, award: &Award, actor: &Stamp) -> Result<bool>;
    /// Creates a new edition with its content in one transaction; `false` (nothing written) when
    /// the award already has an edition that year. `NoAward` when the award does not exist.
    async fn create_edition(&self, content: &EditionContent, actor: &Stamp) -> Result<bool>;
    /// Replaces the timeline after a reschedule (one milestone moved, its old date kept) and,
    /// with `announce_at`, moves the winner's announcement with the gala — unless the
    /// announcement set before has already passed at the actor's time. One transaction, audited
    /// as `timeline.move` with `what` (e.g. "gala 2021-11 → 2022-05-02").
    async fn reschedule(
        &self,
        (award, year): (&Slug, i16),
        timeline: &[Milestone],
        announce_at: Option<Timestamp>,
        (actor, what): (&Stamp, &str),
    ) -> Result<()>;

    /// The editions of an award, newest first.
    async fn editions(&self, award: &Slug) -> Result<Vec<Edition>>;
    async fn edition(&self, award: &Slug, year: i16) -> Result<Option<Edition>>;
    /// Creates or updates an edition with its timeline, jury, criteria and questionnaire, in one
    /// transaction. Rows are matched by position (timeline, criteria, questions) or name (jurors),
    /// so putting the same content twice changes nothing.
    async fn put_edition(&self, content: &EditionContent, actor: &Stamp) -> Result<()>;
    /// Moves an edition from `from` to `to` only if it is still at `from` (another process, or
    /// an organiser's button, may have moved it first): `false`, and nothing written, if not.
    async fn advance_phase(
        &self,
        award: &Slug,
        year: i16,
        from: Phase,
        to: Phase,
        actor: &Stamp,
    ) -> Result<bool>;
    /// Editions whose call is due to change by its configured times at `now`: drafts whose
    /// opening time has come, open calls whose deadline and grace have passed.
    async fn calls_due(&self, now: Timestamp) -> Result<Vec<(Slug, i16, Phase)>>;

    async fn timeline(&self, award: &Slug, year: i16) -> Result<Vec<Milestone>>;
    async fn jury(&self, award: &Slug, year: i16) -> Result<Vec<Juror>>;
    async fn criteria(&self, award: &Slug, year: i16) -> Result<Vec<Criterion>>;
    async fn questions(&self, award: &Slug, year: i16) -> Result<Vec<Question>>;

    /// The award's logo and its kind ("png" or "jpg"), if it has one.
    async fn award_logo(&self, award: &Slug) -> Result<Option<(Vec<u8>, String)>>;
    /// Sets (`Some`) or removes (`None`) the award's logo, already checked to be an image.
    async fn set_award_logo(&self, award: &Slug, logo: Option<(&[u8], &str)>, actor: &Stamp) -> Result<()>;

    /// The historical winners of an award (before juryn ran it), any order.
    async fn past_winners(&self, award: &Slug) -> Result<Vec<PastWinner>>;
    async fn put_past_winners(&self, award: &Slug, winners: &[PastWinner], actor: &Stamp) -> Result<()>;

    /// Creates or updates the entry of one municipality in one edition, with its answers in
    /// question order.
    async fn put_entry(&self, award: &Slug, year: i16, entry: &EntryContent, actor: &Stamp) -> Result<()>;
    /// The entries of an edition (every status), by municipality code.
    async fn entries(&self, award: &Slug, year: i16) -> Result<Vec<EntryContent>>;
    /// The status of every entry of an edition, by municipality code (no answers: for lists).
    async fn entry_statuses(&self, award: &Slug, year: i16) -> Result<Vec<(MunicipalityCode, EntryStatus)>>;
    /// What each entry of an edition is at, cheaply (no answers read): (code, status, version,
    /// consent, the answers' length in characters). A save moves the version; a demo's
    /// `put_entry` changes the length or the status. The search index reads an edition's
    /// entries again only when these moved.
    async fn entry_stamps(&self, award: &Slug, year: i16) -> Result<Vec<(String, String, i64, bool, i64)>>;
    /// One entry by its id, with the edition it belongs to.
    async fn entry_by_id(&self, id: i64) -> Result<Option<StoredEntry>>;
    /// A municipality's entry in an edition, with its answers.
    async fn entry(&self, award: &Slug, year: i16, code: MunicipalityCode) -> Result<Option<EntryContent>> {
        let Some(id) = self.entry_id(award, year, code).await? else { return Ok(None) };
        Ok(self.entry_by_id(id).await?.map(|e| e.entry))
    }
    /// The id of a municipality's entry in an edition.
    async fn entry_id(&self, award: &Slug, year: i16, code: MunicipalityCode) -> Result<Option<i64>>;
    /// Every edition a municipality has an entry in or was nominated in, newest first.
    async fn participations(&self, code: MunicipalityCode) -> Result<Vec<Participation>>;

    /// How many of the edition's nominations wait for confirmation with a live link.
    async fn unconfirmed_nominations(&self, award: &Slug, year: i16, now: Timestamp) -> Result<i64>;

    /// The most recent audit events, newest first.
    async fn audit_events(&self, limit: i64) -> Result<Vec<AuditEvent>>;
}

/// The call for entries as an organiser runs it: its times, its questionnaire, the overview of
/// its entries, and reminders (sql/call.rs).
#[async_trait]
pub trait CallStore: Send + Sync + 'static {
    /// Sets when the call opens and closes, and its grace period.
    async fn set_call_window(
        &self,
        award: &Slug,
        year: i16,
        call: &juryn_domain::CallWindow,
        actor: &Stamp,
    ) -> Result<()>;

    /// Replaces the questionnaire (the caller has checked that the call has not opened).
    async fn put_questions(
        &self,
        award: &Slug,
        year: i16,
        questions: &[Question],
        actor: &Stamp,
    ) -> Result<()>;

    /// Every entry of an edition with its nominations and contacts, by municipality code.
    async fn overview(&self, award: &Slug, year: i16) -> Result<Vec<OverviewRow>>;

    /// The contacts of municipalities whose entry is not submitted (nor withdrawn).
    async fn unsubmitted_contacts(&self, award: &Slug, year: i16) -> Result<Vec<(User, MunicipalityCode)>>;

    /// Records that `reminder` goes to the person, if it has not gone before. `false` means it
    /// has: do not send it again. Safe against two organisers pressing send at once.
    async fn claim_reminder(
        &self,
        award: &Slug,
        year: i16,
        reminder: &str,
        user_id: i64,
        actor: &Stamp,
    ) -> Result<bool>;
}

/// Entries saved with optimistic concurrency (the version and the deadline checked in the
/// write), and their history (sql/entries.rs).
#[async_trait]
pub trait EntryStore: Send + Sync + 'static {
    /// Marks a municipality's entry as only for the booklet (or competing again), while the
    /// jury has not begun (the phase is checked inside the write: `false`, nothing written, once
    /// shortlisting has started); its assignments go with it.
    async fn set_booklet_only(
        &self,
        award: &Slug,
        year: i16,
        code: MunicipalityCode,
        only: bool,
        actor: &Stamp,
    ) -> Result<bool>;
    /// Gives a nominated municipality's entry its own completion deadline (or takes it away),
    /// checked inside the write: the entry came from a confirmed nomination, and the deadline
    /// is not after the jury's first cut (the timeline's first shortlist milestone) nor set once
    /// the jury has begun.
    async fn set_completion(
        &self,
        (award, year, code): (&Slug, i16, MunicipalityCode),
        until: Option<Timestamp>,
        actor: &Stamp,
    ) -> Result<Result<(), crate::model::CompletionRefusal>>;
    /// The entries of an edition that are only for the booklet.
    async fn booklet_only(&self, award: &Slug, year: i16) -> Result<Vec<MunicipalityCode>>;
    /// A municipality's entry with its version, if it has one.
    async fn entry_record(
        &self,
        award: &Slug,
        year: i16,
        code: MunicipalityCode,
    ) -> Result<Option<EntryRecord>>;

    /// The municipality's entry, created (invited, empty) if it has none.
    async fn ensure_entry(
        &self,
        award: &Slug,
        year: i16,
        code: MunicipalityCode,
        actor: &Stamp,
    ) -> Result<EntryRecord>;

    /// Saves answers and status if the entry is still at `save.expected_version`; keeps the saved
    /// version in the history. Never overwrites a newer save. The actor's time is the save's:
    /// checked against the call's deadline inside the write, and stamped on the entry.
    async fn save_entry(
        &self,
        award: &Slug,
        year: i16,
        code: MunicipalityCode,
        save: &EntrySave,
        actor: &Stamp,
    ) -> Result<SaveOutcome>;

    /// Every saved version of an entry, newest first.
    async fn entry_history(&self, entry_id: i64) -> Result<Vec<EntryVersion>>;
}

/// The public's nominations, confirmed by mail, and whom to write to about an entry or an award
/// (sql/nominations.rs).
#[async_trait]
pub trait NominationStore: Send + Sync + 'static {
    /// Stores an unconfirmed nomination.
    async fn put_nomination(&self, award: &Slug, year: i16, n: &NewNomination) -> Result<i64> {
        self.put_nomination_and_tell(award, year, n, Vec::new()).await
    }

    /// Stores an unconfirmed nomination and queues `mail` (the confirmation link) with it.
    async fn put_nomination_and_tell(
        &self,
        award: &Slug,
        year: i16,
        n: &NewNomination,
        mail: Vec<crate::OutgoingMail>,
    ) -> Result<i64>;

    /// Confirms the nomination whose link has this hash: it counts from now, and the
    /// municipality's entry exists (invited) if it did not. Used links are refused.
    async fn confirm_nomination(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> Result<Result<Nomination, TokenError>> {
        self.confirm_nomination_and_tell(token_hash, now, Vec::new()).await
    }

    /// Confirms, and queues `mail` (who is told of the nomination) if it is confirmed now.
    async fn confirm_nomination_and_tell(
        &self,
        token_hash: &str,
        now: Timestamp,
        mail: Vec<crate::OutgoingMail>,
    ) -> Result<Result<Nomination, TokenError>>;

    /// The nomination behind a link, without confirming it.
    async fn nomination_by_token(&self, token_hash: &str) -> Result<Option<Nomination>>;

    /// Every nomination of an edition, confirmed or not, oldest first.
    async fn nominations(&self, award: &Slug, year: i16) -> Result<Vec<Nomination>>;

    /// The people who are contacts of a municipality in an edition.
    async fn contacts_of(&self, award: &Slug, year: i16, code: MunicipalityCode) -> Result<Vec<User>>;

    /// The organisers of an award (and of the whole installation).
    async fn organisers_of(&self, award: &Slug) -> Result<Vec<User>>;

    /// Whether nominators answer the questionnaire's questions as well as give a reason.
    async fn nominators_answer(&self, award: &Slug, year: i16) -> Result<bool>;
    async fn set_nominators_answer(&self, award: &Slug, year: i16, answer: bool, actor: &Stamp)
    -> Result<()>;
}

/// What an edition publishes besides its pages: open data and the programme's events
/// (sql/publication.rs).
#[async_trait]
pub trait PublicationStore: Send + Sync + 'static {
    /// The open data's licence and publication time.
    async fn open_data(
        &self,
        award: &Slug,
        year: i16,
    ) -> Result<(Option<juryn_domain::opendata::Licence>, Option<Timestamp>)>;

    async fn set_open_data(
        &self,
        award: &Slug,
        year: i16,
        licence: juryn_domain::opendata::Licence,
        public_at: Timestamp,
        actor: &Stamp,
    ) -> Result<()>;

    /// Each entry's municipality and whether it consented to publication, by code.
    async fn consents(&self, award: &Slug, year: i16) -> Result<Vec<(MunicipalityCode, bool)>>;

    /// The edition's programme, by start time.
    async fn events(&self, award: &Slug, year: i16) -> Result<Vec<juryn_domain::event::Event>>;

    /// Replaces the programme (the caller has validated each event).
    async fn put_events(
        &self,
        award: &Slug,
        year: i16,
        events: &[juryn_domain::event::Event],
        actor: &Stamp,
    ) -> Result<()>;
}

/// Writing an edition's timeline and phase (sql/editions.rs).
#[async_trait]
pub trait EditionStore: Send + Sync + 'static {
    /// Replaces an edition's timeline, in order.
    async fn set_timeline(
        &self,
        award: &Slug,
        year: i16,
        timeline: &[Milestone],
        actor: &Stamp,
    ) -> Result<()>;
}

/// Joint entries (sql/joint.rs): an entry of several municipalities under one name.
#[async_trait]
pub trait JointEntryStore: Send + Sync + 'static {
    /// Makes the entry kept under `joint.lead()` (made if missing) a joint entry of its members,
    /// checked inside the write against the edition's other entries (`domain::joint::check`);
    /// every juror's conflicts are recomputed, so a tie to any member conflicts the entry.
    async fn make_joint(
        &self,
        award: &Slug,
        year: i16,
        joint: &juryn_domain::joint::JointEntry,
        actor: &Stamp,
    ) -> Result<Result<(), juryn_domain::joint::JointProblem>>;
    /// The edition's joint entries, each with its members in order.
    async fn joint_entries(&self, award: &Slug, year: i16) -> Result<Vec<juryn_domain::joint::JointEntry>>;
    /// Every joint entry a municipality has been a member of, in any edition: (award, year, entry).
    async fn joint_entries_of(
        &self,
        code: MunicipalityCode,
    ) -> Result<Vec<(Slug, i16, juryn_domain::joint::JointEntry)>>;
}
