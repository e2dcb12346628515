//! `/inbjudan/{token}`: accepting an invitation creates the account (or joins the one with the
//! same email), grants the role and signs the person in. People invited to a role that signs in
//! with a password choose one here, unless they have one already.

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::Lang;
use juryn_store::{AttemptKind, TokenError, TokenPurpose, TokenRecord};

use super::reset::{NewPasswordForm, NewPasswordPage, check_new_password};
use super::signin::start_session;
use crate::app::AppState;
use crate::auth::{CsrfForm, MIN_PASSWORD_CHARS, MaybeViewer, hash_password, hash_token, verify_password};
use crate::error::WebError;
use crate::extract::Segments;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::link_page::broken_link;
use crate::respond::redirect;

pub const MAX_NAME_CHARS: usize = 200;

/// The role an invitation is for, as a reader would say it.
async fn describe_role(app: &AppState, lang: Lang, record: &TokenRecord) -> Result<String, WebError> {
    let names = crate::grants::award_names(&*app.store).await?;
    Ok(record.grant.as_ref().map(|g| crate::grants::grant_phrase(lang, g, Some(&names))).unwrap_or_default())
}

/// What accepting asks for: a new password (a role that signs in with one, for an account that
/// has none), and the current one (an account that has one: the link alone must not sign anyone
/// into an existing account with a password). Returns (new, current hash).
async fn asks(app: &AppState, record: &TokenRecord) -> Result<(bool, Option<String>), WebError> {
    let wants = record.grant.as_ref().is_some_and(|g| g.role.signs_in_with_password());
    let existing = app.store.user_by_email(&record.email).await?;
    let current = existing.and_then(|u| u.password_hash);
    Ok((wants && current.is_none(), current))
}

fn form(
    lang: Lang,
    token: &str,
    (record, role): (&TokenRecord, String),
    name: String,
    (ask_password, ask_current): (bool, bool),
    error: Option<String>,
) -> NewPasswordPage {
    NewPasswordPage {
        l: Layout::new(lang, t(lang, "invitation-title"), "/"),
        csrf: String::new(),
        action: format!("/inbjudan/{token}"),
        heading: t(lang, "invitation-title"),
        intro: t_args(lang, "invitation-intro", &[("email", record.email.clone()), ("role", role)]),
        name: Some(name),
        ask_password,
        ask_current,
        error,
        min_chars: MIN_PASSWORD_CHARS,
    }
}

/// An invitation, or a municipality's self-registration, which is accepted the same way.
async fn find_token(app: &AppState, hash: &str) -> Result<Result<TokenRecord, TokenError>, WebError> {
    match app.store.token(hash, TokenPurpose::Invitation, app.now()).await? {
        Err(TokenError::Unknown) => Ok(app.store.token(hash, TokenPurpose::Registration, app.now()).await?),
        found => Ok(found),
    }
}

/// When a self-registration is accepted, the award's organisers and the municipality's other
/// contacts are told who registered: the letters, for the acceptance to queue with its write.
async fn registration_letters(
    app: &AppState,
    record: &TokenRecord,
    name: &str,
) -> Result<Vec<juryn_store::OutgoingMail>, WebError> {
    let Some(grant) = &record.grant else { return Ok(vec![]) };
    let (juryn_domain::Scope::Edition(award, year), Some(code)) = (&grant.scope, grant.municipality) else {
        return Ok(vec![]);
    };
    if record.purpose != TokenPurpose::Registration {
        return Ok(vec![]);
    }
    let award_row = app.store.award(award).await?;
    let mut told = app.store.organisers_of(award).await?;
    told.extend(
        app.store.contacts_of(award, *year, code).await?.into_iter().filter(|u| u.email != record.email),
    );
    let mut letters = Vec::with_capacity(told.len());
    for person in told {
        let lang = person.lang;
        let edition = format!("{} {year}", award_row.as_ref().map_or(award.as_str(), |a| a.name.get(lang)));
        let link = format!("{}/admin/{award}/{year}/bidrag/{code}", app.base_url);
        let mut letter = crate::mail::Letter::registration_notice(
            lang,
            (&person.name, name, &record.email),
            (&juryn_domain::municipality::name_of(code), &edition),
            &link,
        );
        if let Some(a) = &award_row {
            letter = letter.from_award(a, lang);
        }
        letters.push(letter.to(&person.name, &person.email));
    }
    Ok(letters)
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    Segments(token): Segments<String>,
) -> Result<Response, WebError> {
    match find_token(&app, &hash_token(&token)).await? {
        Err(e) => broken_link(&app, &headers, lang, e),
        Ok(record) => {
            let (ask, current) = asks(&app, &record).await?;
            let name = record.name.clone().unwrap_or_default();
            let role = describe_role(&app, lang, &record).await?;
            let fields = (ask, current.is_some());
            form(lang, &token, (&record, role), name, fields, None).respond(&app, &headers, StatusCode::OK)
        }
    }
}

pub async fn accept(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    crate::extract::ClientIp(ip): crate::extract::ClientIp,
    Segments(token): Segments<String>,
    CsrfForm(input): CsrfForm<NewPasswordForm>,
) -> Result<Response, WebError> {
    let hash = hash_token(&token);
    let record = match find_token(&app, &hash).await? {
        Ok(r) => r,
        Err(e) => return broken_link(&app, &headers, lang, e),
    };
    let (ask, current) = asks(&app, &record).await?;
    let checked = crate::names::person_name(lang, &input.name);
    let name = checked.as_ref().map(|n| n.as_str().to_owned()).unwrap_or_default();
    let problem = if let Err(e) = checked {
        Some(e)
    } else if ask {
        check_new_password(lang, &input.password, &input.password_again).err()
    } else if let Some(hash) = current.clone() {
        // Counted like a sign-in, so the invitation is no way round the throttle.
        match crate::auth::begin_attempt(&app, AttemptKind::Password, (&record.email, &ip)).await? {
            None => Some(t(lang, "signin-error-throttled")),
            Some(attempt) if verify_password(input.current_password.clone(), Some(hash)).await => {
                app.store.clear_attempt(attempt).await?;
                None
            }
            Some(_) => Some(t(lang, "invitation-error-current")),
        }
    } else {
        None
    };
    if let Some(msg) = problem {
        let typed: String = input.name.chars().take(MAX_NAME_CHARS + 20).collect();
        let role = describe_role(&app, lang, &record).await?;
        return form(lang, &token, (&record, role), typed, (ask, current.is_some()), Some(msg)).respond(
            &app,
            &headers,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let password_hash = if ask { Some(hash_password(input.password).await) } else { None };
    let told = registration_letters(&app, &record, &name).await?;
    let accepted =
        app.store.accept_invitation_and_tell(&hash, &name, password_hash.as_deref(), app.now(), told).await;
    match accepted? {
        Err(e) => broken_link(&app, &headers, lang, e),
        Ok(user_id) => {
            let cookies = start_session(&app, &viewer, user_id, "invitation").await?;
            Ok(redirect("/konto", cookies))
        }
    }
}
