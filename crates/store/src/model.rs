//! What goes in and out of the store beyond the domain types.

use juryn_domain::{Criterion, Edition, EntryStatus, Juror, LocalizedText, Milestone, MunicipalityCode};

/// An edition with everything an organiser configures about it.
#[derive(Debug, Clone, PartialEq)]
pub struct EditionContent {
    pub edition: Edition,
    pub timeline: Vec<Milestone>,
    pub jury: Vec<Juror>,
    pub criteria: Vec<Criterion>,
    pub questions: Vec<Question>,
}

/// A question of the questionnaire (long text with an optional word limit, for now).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub prompt: LocalizedText,
    pub word_limit: Option<u32>,
}

/// A municipality's entry in one edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryContent {
    pub municipality: MunicipalityCode,
    pub status: EntryStatus,
    pub submitted_at: Option<jiff::Timestamp>,
    /// The answers in question order.
    pub answers: Vec<String>,
    pub is_example: bool,
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
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub password_hash: Option<String>,
    pub role: Role,
}

/// A role and where it holds. Only the installation-wide organiser (`admin`) exists so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Admin,
}

impl Role {
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub at: jiff::Timestamp,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}
