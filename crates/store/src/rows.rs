//! Rows as the database returns them, and their conversion to domain types. A row that does not
//! convert (a bad slug, phase or code) is `StoreError::Corrupt`, never a panic.

use jiff::Timestamp;
use juryn_domain::{
    Award, Criterion, DateSpan, Edition, EntryStatus, Juror, LocalizedText, Milestone, MilestoneKind,
    MunicipalityCode, PastWinner, Phase, Slug,
};

use juryn_domain::questionnaire::Question;

use crate::model::AuditEvent;
use crate::{Result, StoreError};

fn corrupt(what: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(what.to_string())
}

pub(crate) fn text(sv: String, en: Option<String>) -> LocalizedText {
    LocalizedText { sv, en }
}

pub(crate) fn code(s: &str) -> Result<MunicipalityCode> {
    MunicipalityCode::parse(s).map_err(corrupt)
}

pub(crate) fn time(secs: i64) -> Result<Timestamp> {
    Timestamp::from_second(secs).map_err(corrupt)
}

pub(crate) fn secs(t: Timestamp) -> i64 {
    t.as_second()
}

pub(crate) fn year(y: i64) -> Result<i16> {
    i16::try_from(y).map_err(corrupt)
}

#[derive(sqlx::FromRow)]
pub(crate) struct AwardRow {
    pub slug: String,
    pub name_sv: String,
    pub name_en: Option<String>,
    pub organiser: String,
    pub description_sv: String,
    pub description_en: Option<String>,
    pub criterion_sv: String,
    pub criterion_en: Option<String>,
    pub how_chosen_sv: String,
    pub how_chosen_en: Option<String>,
    pub prize_sv: String,
    pub prize_en: Option<String>,
    pub logo_kind: Option<String>,
}

impl AwardRow {
    pub fn into_award(self) -> Result<Award> {
        Ok(Award {
            slug: Slug::parse(&self.slug).map_err(corrupt)?,
            name: text(self.name_sv, self.name_en),
            organiser: self.organiser,
            description: text(self.description_sv, self.description_en),
            criterion: text(self.criterion_sv, self.criterion_en),
            how_chosen: text(self.how_chosen_sv, self.how_chosen_en),
            prize: text(self.prize_sv, self.prize_en),
            logo: self.logo_kind,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct EditionRow {
    pub id: i64,
    pub slug: String,
    pub year: i64,
    pub ordinal: Option<i64>,
    pub phase: String,
    pub selection_sv: String,
    pub selection_en: Option<String>,
    pub nominees_public_at: Option<i64>,
    pub announce_at: Option<i64>,
    pub winner_code: Option<String>,
    pub shortlist_min: i64,
    pub shortlist_max: i64,
    pub call_opens_at: Option<i64>,
    pub call_closes_at: Option<i64>,
    pub grace_minutes: i64,
}

impl EditionRow {
    /// Converts with the nominees, which come from their own table.
    pub fn into_edition(self, nominees: Vec<MunicipalityCode>) -> Result<Edition> {
        Ok(Edition {
            award: Slug::parse(&self.slug).map_err(corrupt)?,
            year: year(self.year)?,
            ordinal: self.ordinal.map(u16::try_from).transpose().map_err(corrupt)?,
            phase: Phase::parse(&self.phase).ok_or_else(|| corrupt(format!("phase {:?}", self.phase)))?,
            selection: text(self.selection_sv, self.selection_en),
            nominees_public_at: self.nominees_public_at.map(time).transpose()?,
            announce_at: self.announce_at.map(time).transpose()?,
            nominees,
            winner: self.winner_code.as_deref().map(code).transpose()?,
            shortlist_min: u16::try_from(self.shortlist_min).map_err(corrupt)?,
            shortlist_max: u16::try_from(self.shortlist_max).map_err(corrupt)?,
            call: juryn_domain::CallWindow {
                opens_at: self.call_opens_at.map(time).transpose()?,
                closes_at: self.call_closes_at.map(time).transpose()?,
                grace_minutes: u32::try_from(self.grace_minutes).map_err(corrupt)?,
            },
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct MilestoneRow {
    pub kind: String,
    pub label_sv: String,
    pub label_en: Option<String>,
    pub span: String,
    pub moved_from: Option<String>,
    pub moved_at: Option<i64>,
}

impl MilestoneRow {
    pub fn into_milestone(self) -> Result<Milestone> {
        let moved = match (self.moved_from, self.moved_at) {
            (Some(from), Some(at)) => {
                Some(juryn_domain::Moved { from: DateSpan::parse(&from).map_err(corrupt)?, at: time(at)? })
            }
            _ => None,
        };
        Ok(Milestone {
            kind: MilestoneKind::parse(&self.kind),
            label: text(self.label_sv, self.label_en),
            span: DateSpan::parse(&self.span).map_err(corrupt)?,
            moved,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct JurorRow {
    pub name: String,
    pub title_sv: String,
    pub title_en: Option<String>,
    pub organisation: String,
    pub home_code: Option<String>,
    pub is_chair: bool,
    pub is_example: bool,
}

impl JurorRow {
    pub fn into_juror(self) -> Result<Juror> {
        Ok(Juror {
            name: self.name,
            title: text(self.title_sv, self.title_en),
            organisation: self.organisation,
            home_municipality: self.home_code.as_deref().map(code).transpose()?,
            is_chair: self.is_chair,
            is_example: self.is_example,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ProfileRow {
    pub id: i64,
    #[sqlx(flatten)]
    pub juror: JurorRow,
    pub employer_code: Option<String>,
    pub user_id: Option<i64>,
}

impl ProfileRow {
    pub fn into_profile(self) -> Result<crate::review::JurorProfile> {
        Ok(crate::review::JurorProfile {
            id: self.id,
            juror: self.juror.into_juror()?,
            employer: self.employer_code.as_deref().map(code).transpose()?,
            user_id: self.user_id,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct CriterionRow {
    pub name_sv: String,
    pub name_en: Option<String>,
    pub description_sv: String,
    pub description_en: Option<String>,
    pub scale_min: i64,
    pub scale_max: i64,
    pub weight: i64,
    pub scale_labels: String,
}

impl CriterionRow {
    pub fn into_criterion(self) -> Result<Criterion> {
        Ok(Criterion {
            name: text(self.name_sv, self.name_en),
            description: text(self.description_sv, self.description_en),
            scale_min: u8::try_from(self.scale_min).map_err(corrupt)?,
            scale_max: u8::try_from(self.scale_max).map_err(corrupt)?,
            weight: u16::try_from(self.weight).map_err(corrupt)?,
            labels: serde_json::from_str(&self.scale_labels).map_err(corrupt)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct QuestionRow {
    pub prompt_sv: String,
    pub prompt_en: Option<String>,
    pub help_sv: String,
    pub help_en: Option<String>,
    pub kind: String,
    pub required: bool,
}

impl QuestionRow {
    pub fn into_question(self) -> Result<Question> {
        Ok(Question {
            prompt: text(self.prompt_sv, self.prompt_en),
            help: text(self.help_sv, self.help_en),
            kind: serde_json::from_str(&self.kind).map_err(corrupt)?,
            required: self.required,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct PastWinnerRow {
    pub year: i64,
    pub municipality_code: String,
    pub with_codes: String,
    pub citation: String,
}

impl PastWinnerRow {
    pub fn into_past_winner(self) -> Result<PastWinner> {
        Ok(PastWinner {
            year: year(self.year)?,
            municipality: code(&self.municipality_code)?,
            with: self.with_codes.split_whitespace().map(code).collect::<Result<_>>()?,
            citation: self.citation,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct EntryRow {
    pub id: i64,
    pub municipality_code: String,
    pub status: String,
    pub submitted_at: Option<i64>,
    pub is_example: bool,
}

impl EntryRow {
    pub fn status(&self) -> Result<EntryStatus> {
        EntryStatus::parse(&self.status).ok_or_else(|| corrupt(format!("entry status {:?}", self.status)))
    }

    /// The entry with its answers (in question order).
    pub fn content(self, answers: Vec<String>) -> Result<crate::model::EntryContent> {
        Ok(crate::model::EntryContent {
            municipality: code(&self.municipality_code)?,
            status: self.status()?,
            submitted_at: self.submitted_at.map(time).transpose()?,
            answers,
            is_example: self.is_example,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct AuditRow {
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

impl AuditRow {
    pub fn into_event(self) -> Result<AuditEvent> {
        Ok(AuditEvent {
            at: time(self.at)?,
            actor: self.actor,
            action: self.action,
            subject: self.subject,
            detail: self.detail,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct UserRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub lang: String,
    pub password_hash: Option<String>,
    pub created_at: i64,
    pub erased_at: Option<i64>,
}

impl UserRow {
    pub fn into_user(self) -> Result<crate::model::User> {
        Ok(crate::model::User {
            id: self.id,
            email: self.email,
            name: self.name,
            lang: juryn_domain::Lang::from_tag(&self.lang).unwrap_or_default(),
            password_hash: self.password_hash,
            created_at: time(self.created_at)?,
            erased: self.erased_at.is_some(),
        })
    }
}

/// Builds a grant from a role name, the scope's award slug and year, and a municipality.
pub(crate) fn grant(
    role: &str,
    award_slug: Option<String>,
    edition_year: Option<i64>,
    municipality: Option<String>,
) -> Result<juryn_domain::Grant> {
    use juryn_domain::{Grant, Role, Scope};
    let role = Role::parse(role).ok_or_else(|| corrupt(format!("role {role:?}")))?;
    let scope = match (award_slug, edition_year) {
        (None, _) => Scope::Installation,
        (Some(a), None) => Scope::Award(Slug::parse(&a).map_err(corrupt)?),
        (Some(a), Some(y)) => Scope::Edition(Slug::parse(&a).map_err(corrupt)?, year(y)?),
    };
    Ok(Grant { role, scope, municipality: municipality.as_deref().map(code).transpose()? })
}

#[derive(sqlx::FromRow)]
pub(crate) struct GrantRow {
    pub id: i64,
    pub user_id: i64,
    pub role: String,
    pub award_slug: Option<String>,
    pub edition_year: Option<i64>,
    pub municipality_code: Option<String>,
}

impl GrantRow {
    pub fn into_grant(self) -> Result<crate::model::StoredGrant> {
        Ok(crate::model::StoredGrant {
            id: self.id,
            user_id: self.user_id,
            grant: grant(&self.role, self.award_slug, self.edition_year, self.municipality_code)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct TokenRow {
    pub purpose: String,
    pub user_id: Option<i64>,
    pub email: String,
    pub name: Option<String>,
    pub role: Option<String>,
    pub award_slug: Option<String>,
    pub edition_year: Option<i64>,
    pub municipality_code: Option<String>,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

impl TokenRow {
    pub fn into_record(self) -> Result<crate::model::TokenRecord> {
        use crate::model::TokenPurpose;
        let purpose = match self.purpose.as_str() {
            "sign-in" => TokenPurpose::SignIn,
            "reset" => TokenPurpose::Reset,
            "invitation" => TokenPurpose::Invitation,
            "registration" => TokenPurpose::Registration,
            other => return Err(corrupt(format!("token purpose {other:?}"))),
        };
        Ok(crate::model::TokenRecord {
            purpose,
            user_id: self.user_id,
            email: self.email,
            name: self.name,
            grant: self
                .role
                .map(|r| grant(&r, self.award_slug, self.edition_year, self.municipality_code))
                .transpose()?,
            expires_at: time(self.expires_at)?,
        })
    }
}
