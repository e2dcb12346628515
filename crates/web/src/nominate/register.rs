//! A municipality registers itself, without a nomination or an invitation (2021: any
//! municipality could take part, or contribute a text to the booklet only):
//! `/{award}/{year}/anmal` takes the municipality, the person's name and address; an e-mailed
//! link confirms it, and accepting that link (the invitation page) makes them the
//! municipality's contact with an entry to write, and tells the organisers and any other
//! contacts. Open while the call takes entries.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use jiff::{SignedDuration, Timestamp};
use juryn_domain::{Email, Grant, Lang, Registry, Role, Scope, Slug, format_time};
use juryn_store::{AttemptKind, NewToken, TokenPurpose};

use super::find_municipality;
use crate::app::AppState;
use crate::auth::{CsrfForm, hash_token, random_token};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::mail::Letter;
use crate::respond::form_page;

/// How long the confirmation link lives.
pub const REGISTRATION_DAYS: i64 = 7;

#[derive(Default, Clone)]
pub struct Typed {
    pub municipality: String,
    pub name: String,
    pub email: String,
}

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterPage {
    l: Layout,
    csrf: String,
    action: String,
    heading: String,
    open: bool,
    deadline: String,
    typed: Typed,
    errors: Vec<String>,
    thanks: Option<String>,
    municipalities: Vec<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    (status, typed, errors, thanks): (StatusCode, Typed, Vec<String>, Option<String>),
) -> Result<Response, WebError> {
    let (award, edition) = award_and_edition(&*app.store, slug, year).await?;
    let name = format!("{} {year}", award.name.get(lang));
    let action = format!("/{slug}/{year}/anmal");
    let l = Layout::new(lang, t(lang, "register-title"), action.clone())
        .for_award(&award)
        .crumb(t(lang, "nav-awards"), "/")
        .crumb(name.clone(), format!("/{slug}/{year}"))
        .crumb(t(lang, "register-title"), "");
    form_page(app, headers, status, |csrf| RegisterPage {
        l,
        csrf,
        action,
        heading: t_args(lang, "register-heading", &[("edition", name)]),
        open: edition.call.accepts_changes(app.now()),
        deadline: edition.call.closes_at.map(|c| format_time(c, lang)).unwrap_or_default(),
        typed,
        errors,
        thanks,
        municipalities: Registry::sweden().all().map(|m| format!("{} ({})", m.name, m.code)).collect(),
    })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    render(&app, &headers, lang, (&slug, year), (StatusCode::OK, Typed::default(), vec![], None)).await
}

/// The registration as typed: the municipality, the person's name and address — or every
/// problem at once.
fn read(
    lang: Lang,
    typed: &Typed,
    open: bool,
) -> Result<(&'static juryn_domain::Municipality, String, Email), Vec<String>> {
    let mut errors = Vec::new();
    if !open {
        errors.push(t(lang, "register-closed"));
    }
    let municipality = find_municipality(&typed.municipality);
    if municipality.is_none() {
        errors.push(t(lang, "nominate-error-municipality"));
    }
    let name = crate::names::person_name(lang, &typed.name).map_err(|e| errors.push(e)).ok();
    let email = Email::parse(&typed.email).ok();
    if email.is_none() {
        errors.push(t(lang, "signin-error-email"));
    }
    match (municipality, name, email, errors.is_empty()) {
        (Some(m), Some(name), Some(email), true) => Ok((m, name.into_string(), email)),
        _ => Err(errors),
    }
}

pub async fn submit(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    crate::extract::ClientIp(ip): crate::extract::ClientIp,
    key: EditionKey,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    let (award, edition) = award_and_edition(&*app.store, &slug, year).await?;
    let get = |name: &str, max: usize| {
        pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.chars().take(max).collect()).unwrap_or_default()
    };
    let typed =
        Typed { municipality: get("municipality", 80), name: get("name", 220), email: get("email", 254) };
    let now = app.now();
    let (m, name, email) = match read(lang, &typed, edition.call.accepts_changes(now)) {
        Ok(read) => read,
        Err(errors) => {
            let shown = (StatusCode::UNPROCESSABLE_ENTITY, typed, errors, None);
            return render(&app, &headers, lang, (&slug, year), shown).await;
        }
    };
    // Public forms that mail a link share one throttle per address and per client.
    if crate::auth::begin_attempt(&app, AttemptKind::Nomination, (email.as_str(), &ip)).await?.is_none() {
        let shown = (StatusCode::TOO_MANY_REQUESTS, typed, vec![t(lang, "nominate-error-throttled")], None);
        return render(&app, &headers, lang, (&slug, year), shown).await;
    }
    let grant = Grant {
        role: Role::EntrantContact,
        scope: Scope::Edition(slug.clone(), year),
        municipality: Some(m.code),
    };
    let token = random_token();
    let record = NewToken {
        purpose: TokenPurpose::Registration,
        user_id: None,
        email: email.to_string(),
        name: Some(name.clone()),
        grant: Some(grant),
        created_at: now,
        expires_at: now
            .checked_add(SignedDuration::from_hours(24 * REGISTRATION_DAYS))
            .unwrap_or(Timestamp::MAX),
    };
    let link = format!("{}/inbjudan/{token}", app.base_url);
    let edition_name = format!("{} {year}", award.name.get(lang));
    // Like a nomination's, the mail quotes nothing typed but the municipality's name.
    let letter = Letter::registration_confirm(lang, &m.name, &edition_name, &link).from_award(&award, lang);
    let stamp = juryn_store::Stamp::new("public", now).with_mail([letter.to("", email.as_str())]);
    app.store.put_token(&hash_token(&token), &record, &stamp).await?;
    let thanks =
        t_args(lang, "register-thanks", &[("municipality", m.name.clone()), ("email", email.to_string())]);
    let shown = (StatusCode::OK, Typed::default(), vec![], Some(thanks));
    render(&app, &headers, lang, (&slug, year), shown).await
}
