//! Nominations by anyone: a public form names a municipality and why; an emailed link confirms
//! it; then the municipality's contacts (or the organisers, if it has none) are told, and the
//! municipality has an entry to complete. Organisers see every nomination with its reason.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use jiff::{SignedDuration, Timestamp};
use juryn_domain::{Lang, Municipality, Registry, Slug, format_time};
use juryn_store::{AttemptKind, NewNomination, TokenError};

use crate::app::AppState;
use crate::auth::{CsrfForm, hash_token, random_token};
use crate::error::WebError;
use crate::extract::{EditionKey, Segments};
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::link_page::broken_link;
use crate::mail::Letter;
use crate::respond::form_page;
use crate::route::Route;

mod read;
mod register;

pub const CONFIRM_DAYS: i64 = 7;
pub const MAX_REASON_CHARS: usize = 4000;
pub const MAX_NAME_CHARS: usize = 200;
/// Unconfirmed nominations an edition holds at once; past this the form asks people to come
/// back later, rather than letting a flood fill the organisers' list.
pub const MAX_UNCONFIRMED: i64 = 500;

pub fn routes() -> Vec<Route> {
    vec![
        Route::get("/{award}/{year}/nominera", page),
        Route::get("/{award}/{year}/anmal", register::page),
        Route::post("/{award}/{year}/anmal", register::submit),
        Route::post("/{award}/{year}/nominera", submit),
        Route::get("/nominering/{token}", confirm_page),
        Route::post("/nominering/{token}", confirm),
    ]
}

#[derive(Default, Clone)]
pub struct Fields {
    pub municipality: String,
    pub reason: String,
    pub name: String,
    pub email: String,
    /// `privatperson`, `organisation` or `foretag`.
    pub kind: String,
    pub organisation: String,
    /// One per question, where the organiser asks nominators to answer them.
    pub answers: Vec<String>,
}

#[derive(Template)]
#[template(path = "nominate.html")]
struct NominatePage {
    l: Layout,
    csrf: String,
    action: String,
    heading: String,
    open: bool,
    deadline: String,
    fields: Fields,
    errors: Vec<String>,
    thanks: Option<String>,
    municipalities: Vec<String>,
    /// (value, words) of each kind of nominator.
    kinds: Vec<(&'static str, String)>,
    /// The questionnaire's questions, where nominators answer them.
    questions: Vec<crate::question_form::Field>,
    levels: Vec<(&'static str, String)>,
}

/// Finds a municipality from what was typed: its name, its code, or "Name (code)" as the list
/// offers it.
pub fn find_municipality(typed: &str) -> Option<&'static Municipality> {
    let typed = typed.trim();
    let r = Registry::sweden();
    if let Some(code) = typed.strip_suffix(')').and_then(|s| s.rsplit_once('(')).map(|(_, c)| c.trim()) {
        return r.lookup(code);
    }
    r.lookup(typed).or_else(|| r.by_name(typed))
}

struct Shown {
    status: StatusCode,
    fields: Fields,
    errors: Vec<String>,
    thanks: Option<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    shown: Shown,
) -> Result<Response, WebError> {
    let (award, edition) = award_and_edition(&*app.store, slug, year).await?;
    let name = format!("{} {year}", award.name.get(lang));
    let l = Layout::new(lang, t(lang, "nominate-title"), format!("/{slug}/{year}/nominera"))
        .for_award(&award)
        .crumb(t(lang, "nav-awards"), "/")
        .crumb(name.clone(), format!("/{slug}/{year}"))
        .crumb(t(lang, "nominate-title"), "");
    let Shown { status, fields, errors, thanks } = shown;
    // The edition's joint entries are nominated by their names, offered first.
    let joint = app.store.joint_entries(slug, year).await?;
    let questions = match app.store.nominators_answer(slug, year).await? {
        true => {
            crate::question_form::fields(lang, &app.store.questions(slug, year).await?, &fields.answers, &[])
        }
        false => Vec::new(),
    };
    let kinds = juryn_domain::nomination::NominatorKind::ALL
        .iter()
        .map(|k| (k.as_str(), t(lang, &format!("nominator-kind-{}", k.as_str()))))
        .collect();
    form_page(app, headers, status, |csrf| NominatePage {
        l,
        csrf,
        action: format!("/{slug}/{year}/nominera"),
        heading: t_args(lang, "nominate-heading", &[("edition", name)]),
        open: edition.call.accepts_changes(app.now()),
        deadline: edition.call.closes_at.map(|c| format_time(c, lang)).unwrap_or_default(),
        fields,
        errors,
        thanks,
        municipalities: joint
            .iter()
            .map(|j| j.name.clone())
            .chain(Registry::sweden().all().map(|m| format!("{} ({})", m.name, m.code)))
            .collect(),
        kinds,
        questions,
        levels: crate::question_form::levels(lang),
    })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    let shown = Shown { status: StatusCode::OK, fields: Fields::default(), errors: vec![], thanks: None };
    render(&app, &headers, lang, (&slug, year), shown).await
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
    let (award_row, edition) = award_and_edition(&*app.store, &slug, year).await?;
    let edition_name = format!("{} {year}", award_row.name.get(lang));
    let questions = match app.store.nominators_answer(&slug, year).await? {
        true => app.store.questions(&slug, year).await?,
        false => Vec::new(),
    };
    let fields = read::fields_of(&pairs, &questions);
    let open = edition.call.accepts_changes(app.now());
    let joint = app.store.joint_entries(&slug, year).await?;
    let read::Read { municipality: (code, entry_name), reason, name, email, nominator, answers } =
        match read::read_nomination(lang, &fields, (&questions, &joint), open) {
            Ok(read) => read,
            Err(errors) => {
                let shown = Shown { status: StatusCode::UNPROCESSABLE_ENTITY, fields, errors, thanks: None };
                return render(&app, &headers, lang, (&slug, year), shown).await;
            }
        };
    let name = name.as_str();
    let now = app.now();
    let refuse = |key: &str| {
        let shown = Shown {
            status: StatusCode::TOO_MANY_REQUESTS,
            fields: fields.clone(),
            errors: vec![t(lang, key)],
            thanks: None,
        };
        render(&app, &headers, lang, (&slug, year), shown)
    };
    if app.store.unconfirmed_nominations(&slug, year, now).await? >= MAX_UNCONFIRMED {
        return refuse("nominate-error-busy").await;
    }
    let counted = crate::auth::begin_attempt(&app, AttemptKind::Nomination, (email.as_str(), &ip)).await?;
    if counted.is_none() {
        return refuse("nominate-error-throttled").await;
    }
    let token = random_token();
    let n = NewNomination {
        municipality: code,
        reason,
        nominator_name: name.to_owned(),
        nominator_email: email.to_string(),
        nominator,
        answers,
        token_hash: hash_token(&token),
        at: now,
        expires_at: now.checked_add(SignedDuration::from_hours(24 * CONFIRM_DAYS)).unwrap_or(Timestamp::MAX),
    };
    let link = format!("{}/nominering/{token}", app.base_url);
    // The mail names no one and quotes nothing typed: whoever filled in the form chose the
    // address, so it says only what was asked for here and what to click.
    let letter =
        Letter::nomination_confirm(lang, &entry_name, &edition_name, &link).from_award(&award_row, lang);
    app.store.put_nomination_and_tell(&slug, year, &n, vec![letter.to("", email.as_str())]).await?;
    let thanks = Some(t_args(
        lang,
        "nominate-thanks",
        &[("municipality", entry_name.clone()), ("email", email.to_string())],
    ));
    let shown = Shown { status: StatusCode::OK, fields: Fields::default(), errors: vec![], thanks };
    render(&app, &headers, lang, (&slug, year), shown).await
}

pub async fn confirm_page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    Segments(token): Segments<String>,
) -> Result<Response, WebError> {
    let found = app.store.nomination_by_token(&hash_token(&token)).await?;
    match found {
        None => broken_link(&app, &headers, lang, TokenError::Unknown),
        Some(n) if n.confirmed_at.is_some() => already_confirmed(&app, &headers, lang, n.municipality),
        Some(n) => {
            let m = entry_name(&app, (&n.award, n.year), n.municipality).await?;
            crate::link_page::link_page_with(
                &app,
                &headers,
                lang,
                (
                    t(lang, "nominate-confirm-title"),
                    t_args(lang, "nominate-confirm-text", &[("municipality", m)]),
                ),
                format!("/nominering/{token}"),
                &t(lang, "nominate-confirm-button"),
            )
        }
    }
}

/// What a nominated entry is called: a joint entry's name, or its municipality's.
async fn entry_name(
    app: &AppState,
    (award, year): (&Slug, i16),
    code: juryn_domain::MunicipalityCode,
) -> Result<String, WebError> {
    let joint = app.store.joint_entries(award, year).await?;
    Ok(juryn_domain::joint::entry_of(&joint, code)
        .filter(|j| j.lead() == code)
        .map_or_else(|| juryn_domain::municipality::name_of(code), |j| j.name.clone()))
}

/// The page for a confirmation link used before: the nomination stands, confirmed.
fn already_confirmed(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    code: juryn_domain::MunicipalityCode,
) -> Result<Response, WebError> {
    let m = juryn_domain::municipality::name_of(code);
    crate::link_page::link_page_with(
        app,
        headers,
        lang,
        (t(lang, "nominate-already-title"), t_args(lang, "nominate-already-text", &[("municipality", m)])),
        String::new(),
        "",
    )
}

pub async fn confirm(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    Segments(token): Segments<String>,
    CsrfForm(_): CsrfForm<crate::auth::EmptyForm>,
) -> Result<Response, WebError> {
    let hash = hash_token(&token);
    // Who is told is read first, so the letters are queued with the confirmation itself.
    let notice = match app.store.nomination_by_token(&hash).await? {
        Some(n) => Some(nomination_notice(&app, lang, &n).await?),
        None => None,
    };
    let (told, letters) = notice.map_or_else(|| (String::new(), vec![]), |(t, l)| (t, l));
    let confirmed = app.store.confirm_nomination_and_tell(&hash, app.now(), letters).await?;
    let n = match confirmed {
        Ok(n) => n,
        Err(TokenError::Used) => {
            // A second press (or a reused link): say what is true, that it is confirmed.
            let found = app.store.nomination_by_token(&hash).await?;
            return match found {
                Some(n) => already_confirmed(&app, &headers, lang, n.municipality),
                None => broken_link(&app, &headers, lang, TokenError::Used),
            };
        }
        Err(e) => return broken_link(&app, &headers, lang, e),
    };
    let m = entry_name(&app, (&n.award, n.year), n.municipality).await?;
    crate::link_page::link_page_with(
        &app,
        &headers,
        lang,
        (
            t(lang, "nominate-confirmed-title"),
            t_args(lang, "nominate-confirmed-text", &[("municipality", m), ("told", told)]),
        ),
        String::new(),
        "",
    )
}

/// Who is told of a confirmed nomination, in words for the page, and their letters: the
/// municipality's contacts, who write the entry, else the organisers, who must find them.
async fn nomination_notice(
    app: &AppState,
    lang: Lang,
    n: &juryn_store::Nomination,
) -> Result<(String, Vec<juryn_store::OutgoingMail>), WebError> {
    let m = entry_name(app, (&n.award, n.year), n.municipality).await?;
    let award = app.store.award(&n.award).await?;
    let edition = format!(
        "{} {}",
        award.as_ref().map_or_else(|| n.award.to_string(), |a| a.name.get(Lang::Sv).to_owned()),
        n.year
    );
    let mut to = app.store.contacts_of(&n.award, n.year, n.municipality).await?;
    let told_contacts = !to.is_empty();
    let link = if to.is_empty() {
        to = app.store.organisers_of(&n.award).await?;
        format!("{}/admin/{}/{}/nomineringar", app.base_url, n.award, n.year)
    } else {
        format!("{}/portal", app.base_url)
    };
    let told = match (told_contacts, to.is_empty()) {
        (true, _) => t_args(lang, "nominate-told-contacts", &[("municipality", m.clone())]),
        (false, false) => t(lang, "nominate-told-organisers"),
        (false, true) => t(lang, "nominate-told-nobody"),
    };
    let letters = to
        .iter()
        .map(|user| {
            let mut letter = Letter::nomination_notice(user.lang, &user.name, &m, &edition, &n.reason, &link);
            if let Some(a) = &award {
                letter = letter.from_award(a, user.lang);
            }
            letter.to(&user.name, &user.email)
        })
        .collect();
    Ok((told, letters))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipalities_are_found_by_name_code_or_list_text() {
        for typed in ["Lidingö", "lidingö", "0186", "Lidingö (0186)", " 0186 "] {
            assert_eq!(find_municipality(typed).map(|m| m.code.as_str()), Some("0186"), "{typed}");
        }
        assert!(find_municipality("Atlantis").is_none());
        assert!(find_municipality("9999").is_none());
    }
}
