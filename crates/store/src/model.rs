//! What goes in and out of the store beyond the domain types.

use jiff::Timestamp;
use juryn_domain::{Criterion, Edition, EntryStatus, Grant, Juror, Lang, Milestone, MunicipalityCode, Slug};

/// Who makes a write and when, by the caller's clock: every write's audit event carries both,
/// and what the write stamps (a grant's, a person's, a session's, a save's time) is this time
/// too — so a server, a test or the demo that runs on its own clock writes one history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// How the audit log names them: `user/7`, `system`, `demo`, `public`; empty for nobody.
    pub by: String,
    pub at: Timestamp,
    /// The mail this write causes. It is queued with the write's audit event, in the write's
    /// transaction: a write that is refused or rolled back sends nothing, and one that commits
    /// cannot lose its mail (the worker in `web::mail` sends it afterwards).
    pub mail: Vec<OutgoingMail>,
}

impl Stamp {
    pub fn new(by: impl Into<String>, at: Timestamp) -> Self {
        Stamp { by: by.into(), at, mail: Vec::new() }
    }

    /// The same writer and time, with mail to queue if the write goes through.
    #[must_use]
    pub fn with_mail(mut self, mail: impl IntoIterator<Item = OutgoingMail>) -> Self {
        self.mail.extend(mail);
        self
    }
}

/// A message to queue: to whom, and the text as it will be sent. `key` is unique per message,
/// so a write that audits twice still queues it once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    pub key: String,
    pub to_name: String,
    pub to_email: String,
    pub subject: String,
    pub body: String,
    /// The sender's display name when not the site's (an award's name).
    pub sender: Option<String>,
}

impl OutgoingMail {
    pub fn new(to_name: &str, to_email: &str, subject: String, body: String, sender: Option<String>) -> Self {
        let mut bytes = [0u8; 16];
        // As for tokens: the OS random source does not fail where juryn runs.
        getrandom::fill(&mut bytes).expect("the operating system's random source");
        let key = bytes.iter().map(|b| format!("{b:02x}")).collect();
        OutgoingMail {
            key,
            to_name: to_name.to_owned(),
            to_email: to_email.to_owned(),
            subject,
            body,
            sender,
        }
    }
}

/// An edition with everything an organiser configures about it.
#[derive(Debug, Clone, PartialEq)]
pub struct EditionContent {
    pub edition: Edition,
    pub timeline: Vec<Milestone>,
    pub jury: Vec<Juror>,
    pub criteria: Vec<Criterion>,
    pub questions: Vec<juryn_domain::questionnaire::Question>,
    /// What a new edition takes over from an earlier one besides the above; written only when
    /// the edition is created, in the same transaction.
    pub carried: Carryover,
}

/// The rest of what a copied edition takes over from the one it is copied from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Carryover {
    /// Whether automatic conflicts cover the whole county.
    pub whole_county: Option<bool>,
    /// The booklet's title and foreword.
    pub booklet: Option<(String, String)>,
    /// The programme, already moved to the new year.
    pub events: Vec<juryn_domain::event::Event>,
}

/// A municipality's entry in one edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryContent {
    pub municipality: MunicipalityCode,
    pub status: EntryStatus,
    pub submitted_at: Option<Timestamp>,
    /// The answers in question order.
    pub answers: Vec<String>,
    pub is_example: bool,
}

impl EntryContent {
    /// The entry as a save finds it (`juryn_domain::entry::plan`).
    pub fn current(&self) -> juryn_domain::entry::Current<'_> {
        juryn_domain::entry::Current {
            status: self.status,
            answers: &self.answers,
            submitted_at: self.submitted_at,
        }
    }
}

/// One edition a municipality took part in or was nominated in.
#[derive(Debug, Clone, PartialEq)]
pub struct Participation {
    pub award: juryn_domain::Award,
    pub edition: Edition,
    /// `None` when the municipality was nominated without an entry of its own.
    pub status: Option<EntryStatus>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub at: Timestamp,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

/// An entry with its id and the edition it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEntry {
    pub id: i64,
    pub award: Slug,
    pub year: i16,
    pub entry: EntryContent,
}

/// A person's account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub lang: Lang,
    /// The argon2id PHC string; `None` for people who sign in by emailed link.
    pub password_hash: Option<String>,
    pub created_at: Timestamp,
    pub erased: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub lang: Lang,
    pub password_hash: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredGrant {
    pub id: i64,
    pub user_id: i64,
    pub grant: Grant,
}

/// A person with their roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub user: User,
    pub grants: Vec<StoredGrant>,
}

/// Whether a grant was made now or was held already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granted {
    New(i64),
    Existing(i64),
}

impl Granted {
    pub fn id(self) -> i64 {
        match self {
            Granted::New(id) | Granted::Existing(id) => id,
        }
    }
}

/// Which audit events to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Exactly this actor, e.g. `user/3`.
    pub actor: Option<String>,
    /// Actions starting with this, e.g. `grant.`.
    pub action: Option<String>,
    /// Subjects containing this.
    pub subject: Option<String>,
    /// Only events about these awards (`None`: every event, for the installation's organisers).
    pub awards: Option<Vec<String>>,
    pub limit: i64,
}

/// The person behind a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authenticated {
    pub user: User,
    pub grants: Vec<StoredGrant>,
    pub conflicts: Vec<(Slug, i16, MunicipalityCode)>,
}

/// An API key as its owner sees it listed (never the key itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub id: i64,
    pub name: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
    pub expires_at: Timestamp,
    pub revoked_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    SignIn,
    Reset,
    Invitation,
    /// A municipality's self-registration (`/{award}/{year}/anmal`): accepted like an
    /// invitation to be its contact, and it makes the municipality's entry.
    Registration,
}

impl TokenPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::SignIn => "sign-in",
            TokenPurpose::Reset => "reset",
            TokenPurpose::Invitation => "invitation",
            TokenPurpose::Registration => "registration",
        }
    }
}

/// A one-time link to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewToken {
    pub purpose: TokenPurpose,
    pub user_id: Option<i64>,
    pub email: String,
    pub name: Option<String>,
    pub grant: Option<Grant>,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

/// A stored one-time link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRecord {
    pub purpose: TokenPurpose,
    pub user_id: Option<i64>,
    pub email: String,
    pub name: Option<String>,
    pub grant: Option<Grant>,
    pub expires_at: Timestamp,
}

/// Why a link does not work. The pages say which, since none of them reveals anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    Unknown,
    Expired,
    Used,
}

/// An entry with what optimistic saving needs: its version, and the publication consent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRecord {
    pub id: i64,
    pub award: Slug,
    pub year: i16,
    pub entry: EntryContent,
    /// Grows by one with every save; a save must name the version it started from.
    pub version: i64,
    /// Consent to publication in the booklet: a separate, explicit choice.
    pub consent: bool,
    pub updated_at: Option<Timestamp>,
    /// The entry's own completion deadline, if the organiser gave one.
    pub complete_until: Option<Timestamp>,
}

impl EntryRecord {
    /// Whether the entry takes changes at `now` (the call, or its completion deadline).
    pub fn accepts_changes(&self, call: &juryn_domain::CallWindow, now: Timestamp) -> bool {
        juryn_domain::call::entry_accepts_changes(call, self.complete_until, now)
    }
}

/// Why a completion deadline is not set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionRefusal {
    /// No confirmed nomination of the municipality in the edition (or no entry).
    NotNominated,
    /// After the jury's first cut, or the jury has begun.
    AfterFirstCut,
}

/// A save of an entry: new answers and status, made from `expected_version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntrySave {
    pub expected_version: i64,
    pub status: EntryStatus,
    pub answers: Vec<String>,
    pub consent: bool,
    pub submitted_at: Option<Timestamp>,
}

/// The outcome of a save: stored as the next version, or refused because someone saved in
/// between (then nothing was written, and the entry as it now stands comes back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    Saved {
        version: i64,
    },
    Conflict(Box<EntryRecord>),
    /// The call took no changes at the save's time (its deadline had passed, or it had not
    /// opened): nothing was written.
    Closed,
}

/// One saved version of an entry, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryVersion {
    pub version: i64,
    pub saved_at: Timestamp,
    pub actor: String,
    pub status: EntryStatus,
    pub answers: Vec<String>,
}

/// A nomination: anyone may name a municipality, with a reason; it counts once confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nomination {
    pub id: i64,
    pub award: Slug,
    pub year: i16,
    pub municipality: MunicipalityCode,
    pub reason: String,
    pub nominator_name: String,
    pub nominator_email: String,
    /// A private person, or the organisation or company nominating.
    pub nominator: juryn_domain::nomination::Nominator,
    /// The nominator's answers to the questionnaire's questions, one per question, where the
    /// organiser asked for them; empty where they only gave a reason.
    pub answers: Vec<String>,
    pub created_at: Timestamp,
    pub confirmed_at: Option<Timestamp>,
}

/// A nomination to be stored, with the hash of its confirmation link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNomination {
    pub municipality: MunicipalityCode,
    pub reason: String,
    pub nominator_name: String,
    pub nominator_email: String,
    pub nominator: juryn_domain::nomination::Nominator,
    /// One per question where the organiser asks nominators to answer them; else empty.
    pub answers: Vec<String>,
    pub token_hash: String,
    /// When it was sent, by the caller's clock.
    pub at: Timestamp,
    pub expires_at: Timestamp,
}

/// One municipality's line in the organiser's overview of a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverviewRow {
    pub municipality: MunicipalityCode,
    pub status: EntryStatus,
    pub updated_at: Option<Timestamp>,
    pub submitted_at: Option<Timestamp>,
    /// Confirmed nominations.
    pub nominations: i64,
    pub contacts: i64,
}

/// What a readiness probe and the metrics read of the database: whether this binary's migrations
/// and the database's agree, and the connection pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreHealth {
    /// Migrations this binary carries that the database has not applied.
    pub migrations_pending: usize,
    /// Migrations the database has applied that this binary does not know (a newer binary ran).
    pub migrations_unknown: usize,
    /// Open connections in the pool, and how many of them are idle.
    pub connections: u32,
    pub idle: usize,
}

impl StoreHealth {
    /// Whether the database is the one this binary was built for.
    pub fn migrations_current(&self) -> bool {
        self.migrations_pending == 0 && self.migrations_unknown == 0
    }
}
