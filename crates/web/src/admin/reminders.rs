//! `/admin/{award}/{year}/paminnelser`: reminders by email to the contacts of entries that are
//! not submitted — previewed first, and never sent twice to one person under one name.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::{Lang, Registry, Slug, format_time};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::{EditionKey, LenientQuery};
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::mail::Letter;
use crate::respond::form_page;

pub const MAX_REMINDER_NAME: usize = 60;

#[derive(Template)]
#[template(path = "admin_reminders.html")]
struct RemindersPage {
    l: Layout,
    csrf: String,
    action: String,
    name: String,
    recipients: Vec<String>,
    subject: String,
    body: String,
    notice: Option<String>,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct Query {
    #[serde(default)]
    namn: String,
}

/// The reminder letter for one contact.
fn letter(
    lang: Lang,
    award: &juryn_domain::Award,
    (name, municipality, year): (&str, &str, i16),
    deadline: &str,
    link: &str,
) -> Letter {
    let edition = format!("{} {year}", award.name.get(lang));
    Letter::reminder(lang, (name, municipality, &edition), deadline, link).from_award(award, lang)
}

struct Shown {
    status: StatusCode,
    name: String,
    notice: Option<String>,
    error: Option<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    shown: Shown,
) -> Result<Response, WebError> {
    let (award_row, edition) = award_and_edition(&*app.store, slug, year).await?;
    let waiting = app.store.unsubmitted_contacts(slug, year).await?;
    let deadline = edition.call.closes_at.map(|c| format_time(c, lang)).unwrap_or_default();
    let link = format!("{}/portal", app.base_url);
    let sample = letter(
        lang,
        &award_row,
        (&t(lang, "reminders-sample-name"), &t(lang, "reminders-sample-municipality"), year),
        &deadline,
        &link,
    );
    let recipients = waiting
        .iter()
        .map(|(u, c)| {
            format!(
                "{} <{}>, {}",
                u.name,
                u.email,
                Registry::sweden().get(*c).map_or("", |m| m.name.as_str())
            )
        })
        .collect();
    let here = format!("/admin/{slug}/{year}/paminnelser");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award_row,
        ("reminders-heading", "reminders-title"),
        here.clone(),
    );
    let Shown { status, name, notice, error } = shown;
    form_page(app, headers, status, |csrf| RemindersPage {
        l,
        csrf,
        action: here,
        name,
        recipients,
        subject: sample.subject,
        body: sample.body,
        notice,
        error,
    })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    LenientQuery(q): LenientQuery<Query>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "paminnelser")?;
    let name = if q.namn.trim().is_empty() {
        format!("{}-{}", t(lang, "reminders-default-name"), juryn_domain::call::stockholm_date(app.now()))
    } else {
        q.namn.chars().take(MAX_REMINDER_NAME).collect()
    };
    render(
        &app,
        &headers,
        lang,
        (&slug, year),
        Shown { status: StatusCode::OK, name, notice: None, error: None },
    )
    .await
}

#[derive(Deserialize)]
pub struct SendForm {
    #[serde(default)]
    name: String,
}

pub async fn send(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(form): CsrfForm<SendForm>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "paminnelser")?;
    let name = form.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > MAX_REMINDER_NAME {
        let error = Some(t_args(lang, "reminders-error-name", &[("max", MAX_REMINDER_NAME.to_string())]));
        let shown = Shown {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            name: form.name.chars().take(80).collect(),
            notice: None,
            error,
        };
        return render(&app, &headers, lang, (&slug, year), shown).await;
    }
    let (award_row, edition) = award_and_edition(&*app.store, &slug, year).await?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    let link = format!("{}/portal", app.base_url);
    let (mut sent, mut before) = (0, 0);
    for (user, code) in app.store.unsubmitted_contacts(&slug, year).await? {
        let deadline = edition.call.closes_at.map(|c| format_time(c, user.lang)).unwrap_or_default();
        let municipality = Registry::sweden().get(code).map_or_else(String::new, |m| m.name.clone());
        let letter = letter(user.lang, &award_row, (&user.name, &municipality, year), &deadline, &link);
        // The claim queues the letter: two organisers pressing send at once still send once.
        let claim = actor.clone().with_mail([letter.to(&user.name, &user.email)]);
        if app.store.claim_reminder(&slug, year, &name, user.id, &claim).await? {
            sent += 1;
        } else {
            before += 1;
        }
    }
    let notice =
        Some(t_args(lang, "reminders-sent", &[("sent", sent.to_string()), ("before", before.to_string())]));
    render(&app, &headers, lang, (&slug, year), Shown { status: StatusCode::OK, name, notice, error: None })
        .await
}
