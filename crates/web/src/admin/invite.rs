//! Inviting a person to a role: one link by email that creates or joins the account. Used by the
//! people page and by `juryn invite`.

use jiff::{SignedDuration, Timestamp};
use juryn_domain::{Email, Grant, Lang};
use juryn_store::{NewToken, TokenPurpose};

use crate::app::AppState;
use crate::auth::{hash_token, random_token};
use crate::mail::Letter;

pub const INVITATION_DAYS: i64 = 14;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InviteOutcome {
    /// The person holds the role already: nothing is sent or stored.
    AlreadyHolds,
    /// The invitation was stored and its letter queued with it; the link is returned for the
    /// CLI to print.
    Sent { link: String },
}

#[derive(Debug, thiserror::Error)]
pub enum InviteError {
    #[error("{0}")]
    Store(#[from] juryn_store::StoreError),
}

/// Stores an invitation to `grant` for `email` and queues its letter in `lang` in the same write. Inviting someone to a
/// role they hold changes nothing; inviting twice before they accept sends a second link, and
/// accepting both grants the role once.
pub async fn send_invitation(
    app: &AppState,
    actor: &juryn_store::Stamp,
    inviter: &str,
    (email, name): (&Email, &str),
    grant: &Grant,
    lang: Lang,
) -> Result<InviteOutcome, InviteError> {
    if let Some(user) = app.store.user_by_email(email.as_str()).await? {
        let held = app.store.grants_of(user.id).await?;
        if held.iter().any(|g| &g.grant == grant) {
            return Ok(InviteOutcome::AlreadyHolds);
        }
    }
    let token = random_token();
    let now = app.now();
    let record = NewToken {
        purpose: TokenPurpose::Invitation,
        user_id: None,
        email: email.to_string(),
        name: Some(name.to_owned()),
        grant: Some(grant.clone()),
        created_at: now,
        expires_at: now
            .checked_add(SignedDuration::from_hours(24 * INVITATION_DAYS))
            .unwrap_or(Timestamp::MAX),
    };
    let link = format!("{}/inbjudan/{token}", app.base_url);
    let names = crate::grants::award_names(&*app.store).await?;
    let mut letter = Letter::invitation(
        lang,
        name,
        &crate::grants::grant_phrase(lang, grant, Some(&names)),
        inviter,
        &link,
    );
    // An invitation to a role in an award comes from the award.
    let award = match &grant.scope {
        juryn_domain::Scope::Award(a) | juryn_domain::Scope::Edition(a, _) => app.store.award(a).await?,
        juryn_domain::Scope::Installation => None,
    };
    if let Some(award) = award {
        letter = letter.from_award(&award, lang);
    }
    let actor = actor.clone().with_mail([letter.to(name, email.as_str())]);
    app.store.put_token(&hash_token(&token), &record, &actor).await?;
    Ok(InviteOutcome::Sent { link })
}
