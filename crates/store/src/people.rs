//! Accounts, roles, conflicts of interest, the audit log and personal data.

use async_trait::async_trait;
use juryn_domain::{Grant, Lang, MunicipalityCode, Slug};

use crate::Result;
use crate::model::Stamp;
use crate::model::{AuditEvent, AuditFilter, Granted, NewUser, Person, StoredGrant, User};

#[async_trait]
pub trait PeopleStore: Send + Sync + 'static {
    /// Creates a person, or updates the name (and the password, if one is given) of the person
    /// with this email. Returns the id.
    async fn put_user(&self, user: &NewUser, actor: &Stamp) -> Result<i64>;
    async fn user(&self, id: i64) -> Result<Option<User>>;
    async fn user_by_email(&self, email: &str) -> Result<Option<User>>;
    /// Everyone not erased, with their roles, by name.
    async fn people(&self) -> Result<Vec<Person>>;
    /// Sets the password hash and ends every session of the person.
    async fn set_password(&self, user_id: i64, hash: &str, actor: &Stamp) -> Result<()>;
    async fn set_profile(&self, user_id: i64, name: &str, lang: Lang, actor: &Stamp) -> Result<()>;

    async fn grants_of(&self, user_id: i64) -> Result<Vec<StoredGrant>>;
    /// Grants a role; granting one the person holds already changes nothing.
    async fn grant(&self, user_id: i64, grant: &Grant, actor: &Stamp) -> Result<Granted>;
    async fn grant_by_id(&self, grant_id: i64) -> Result<Option<StoredGrant>>;
    /// Revokes a grant; effective at the person's next request. `None` if there was none.
    async fn revoke(&self, grant_id: i64, actor: &Stamp) -> Result<Option<StoredGrant>>;

    /// The secret the person's calendar link is signed with; made now if they have none and
    /// `make` is set (else `None`).
    async fn calendar_secret(&self, user_id: i64, make: bool) -> Result<Option<String>>;
    /// Forgets the person's calendar secret, so links signed with it stop working.
    async fn renew_calendar_secret(&self, user_id: i64, actor: &Stamp) -> Result<()>;
    async fn conflicts_of(&self, user_id: i64) -> Result<Vec<(Slug, i16, MunicipalityCode)>>;

    /// The audit log, newest first, filtered.
    async fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEvent>>;

    /// Everything stored about a person, as JSON; `None` if there is no such person.
    async fn export_person(&self, user_id: i64) -> Result<Option<serde_json::Value>>;
    /// Removes the person's contact details, password, sessions, links and roles. The audit log
    /// keeps its events, with the person replaced by a pseudonym. `false` if there was no one.
    async fn erase_person(&self, user_id: i64, actor: &Stamp) -> Result<bool>;
}
