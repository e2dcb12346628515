//! Persistence for juryn.
//!
//! One [`Store`] interface, two implementations: [`SqliteStore`] (the embedded default) and
//! [`PgStore`] (the scale-out backend). Both run the same SQL, generated from one body by
//! `sql::impl_store!`, and pass the same behavioural suite (`tests/store/`, each test run on
//! both backends by `store_suite!` in `tests/store/backends.rs`). The interface is a trait per
//! area, each implemented in its own file under `sql/`: [`ContentStore`] (awards, editions,
//! timelines, the public's reads), [`EntryStore`], [`CallStore`], [`NominationStore`],
//! [`PublicationStore`] and [`EditionStore`] (the call and its entries, the programme, open
//! data, the timeline and phase); [`PeopleStore`] (accounts, roles, the audit log, personal
//! data); [`AuthStore`] (sessions, one-time tokens, throttling, secrets); [`ReviewStore`] (the
//! review round) with [`ConflictStore`], [`JuryProfileStore`], [`AssignmentStore`],
//! [`FinalityStore`] and [`ShortlistStore`]; [`DecisionStore`] (the meeting and the sealed
//! decision); [`VisitStore`] (site visits) and [`BookletStore`] (the booklet's settings and
//! versions). An archived edition is refused every write here ([`StoreError::Archived`]).
//!
//! Architecture invariant: SQL lives in this crate and nowhere else. Every write runs in one
//! transaction that also writes its audit event; writes to what the public sees also bump the
//! data generation (sessions and sign-ins do not, so they cannot flush the page caches). A write
//! takes a [`Stamp`] (who writes, and when by the caller's clock); the store never reads the
//! wall clock, so the audit event and every time the write stamps are the caller's.

mod auth;
pub mod backup;
mod backup_postgres;
mod backup_sqlite;
mod booklet;
mod content;
mod decision;
mod error;
mod follow_up;
mod mail;
mod model;
mod open;
mod people;
mod postgres;
mod review;
mod rows;
mod sql;
mod sqlite;
mod visit;

pub mod demo;
pub mod setup;

pub use auth::{AttemptKind, AuthStore};
pub use booklet::{BookletSettings, BookletStore, BookletVersion, NewBookletVersion};
pub use content::{
    CallStore, ContentStore, EditionStore, EntryStore, JointEntryStore, NominationStore, PublicationStore,
};
pub use decision::*;
pub use error::StoreError;
pub use follow_up::*;
pub use mail::*;
pub use model::*;
pub use open::{DatabaseUrl, open, redacted};
pub use people::PeopleStore;
pub use postgres::PgStore;
pub use review::*;
pub use sqlite::SqliteStore;
pub use visit::*;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Declares [`Store`] as every area's trait together, and implements it for whatever implements
/// them all: the list is written once.
macro_rules! store_of {
    ($(#[$doc:meta])* $($area:ident),+ $(,)?) => {
        $(#[$doc])*
        pub trait Store: $($area +)+ {}
        impl<T: $($area +)+> Store for T {}
    };
}

store_of!(
    /// Everything the rest of juryn asks of a database: every area together. Bring
    /// `juryn_store::prelude::*` into scope to call them on a `dyn Store`.
    ContentStore,
    PeopleStore,
    AuthStore,
    ReviewStore,
    DecisionStore,
    VisitStore,
    BookletStore,
    CallStore,
    EntryStore,
    NominationStore,
    PublicationStore,
    EditionStore,
    ConflictStore,
    JuryProfileStore,
    AssignmentStore,
    FinalityStore,
    ShortlistStore,
    RoundStore,
    JointEntryStore,
    FollowUpStore,
    MailStore,
);

/// The store's traits, for calling their methods on a `dyn Store`.
pub mod prelude {
    pub use crate::{
        AssignmentStore, AuthStore, BookletStore, CallStore, ConflictStore, ContentStore, DecisionStore,
        EditionStore, EntryStore, FinalityStore, FollowUpStore, JointEntryStore, JuryProfileStore, MailStore,
        NominationStore, PeopleStore, PublicationStore, ReviewStore, RoundStore, ShortlistStore, Store,
        VisitStore,
    };
}
