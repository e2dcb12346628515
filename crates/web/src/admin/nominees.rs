//! `/admin/{award}/{year}/nominerade`: the jury's shortlist with the chair's rationale, and the
//! organiser's publication of it at a chosen time (Stockholm wall-clock). The public pages,
//! the API and everything else show the nominees from that second on, because they ask
//! `Edition::visibility` at request time — nothing is switched on. The nominated
//! municipalities' contacts are told at once, with the time the news becomes public.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use jiff::Timestamp;
use juryn_domain::{Lang, Phase, Slug, format_time};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::mail::Letter;
use crate::respond::{form_page, redirect};
use crate::timefield::{local_value, parse_local};
use juryn_domain::municipality::name_of;

/// The claim under which each contact is told of the nomination once (see `claim_reminder`).
const NOTICE: &str = "nominated";

#[derive(Template)]
#[template(path = "admin_nominees.html")]
struct NomineesPage {
    l: Layout,
    csrf: String,
    action: String,
    phase: String,
    recorded: bool,
    nominees: Vec<(String, String)>,
    public_at: String,
    already_public: bool,
    at: String,
    errors: Vec<String>,
    notice: Option<String>,
}

struct Shown {
    status: StatusCode,
    at: Option<String>,
    errors: Vec<String>,
    notice: Option<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    shown: Shown,
) -> Result<Response, WebError> {
    let (award, edition) = award_and_edition(&*app.store, slug, year).await?;
    let nominees =
        app.store.shortlist(slug, year).await?.into_iter().map(|(c, why)| (name_of(c), why)).collect();
    let action = format!("/admin/{slug}/{year}/nominerade");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("admin-nominees-heading", "admin-nominees-title"),
        action.clone(),
    );
    let now = app.now();
    form_page(app, headers, shown.status, |csrf| NomineesPage {
        l,
        csrf,
        action,
        phase: crate::edition_words::edition_state_text(lang, &edition, app.now()),
        recorded: edition.phase >= Phase::Nominated,
        nominees,
        public_at: edition.nominees_public_at.map(|t| format_time(t, lang)).unwrap_or_default(),
        already_public: edition.nominees_public_at.is_some_and(|t| t <= now),
        at: shown.at.unwrap_or_else(|| local_value(edition.nominees_public_at)),
        errors: shown.errors,
        notice: shown.notice,
    })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "nominerade")?;
    let shown = Shown { status: StatusCode::OK, at: None, errors: vec![], notice: None };
    render(&app, &headers, lang, (&slug, year), shown).await
}

#[derive(Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    at: String,
    #[serde(default)]
    bekraftat: String,
}

pub async fn publish(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(form): CsrfForm<PublishForm>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "nominerade")?;
    let (award_row, edition) = award_and_edition(&*app.store, &slug, year).await?;
    let now = app.now();
    let typed = Some(form.at.chars().take(20).collect::<String>());
    let refuse =
        |status, error: String| Shown { status, at: typed.clone(), errors: vec![error], notice: None };
    if edition.phase < Phase::Nominated {
        let shown = refuse(StatusCode::CONFLICT, t(lang, "admin-nominees-error-not-recorded"));
        return render(&app, &headers, lang, (&slug, year), shown).await;
    }
    if edition.nominees_public_at.is_some_and(|t| t <= now) {
        let shown = refuse(StatusCode::CONFLICT, t(lang, "admin-nominees-error-public"));
        return render(&app, &headers, lang, (&slug, year), shown).await;
    }
    let Some(Some(at)) = parse_local(&form.at) else {
        let shown = refuse(StatusCode::UNPROCESSABLE_ENTITY, t(lang, "call-error-time"));
        return render(&app, &headers, lang, (&slug, year), shown).await;
    };
    // A time already past means "now": the nominees appear at once.
    let at = at.max(Timestamp::from_second(now.as_second()).unwrap_or(now));
    if form.bekraftat != "ja" {
        let names: Vec<String> = edition.nominees.iter().map(|c| name_of(*c)).collect();
        let question = crate::confirm::Question {
            heading: t(lang, "confirm-nominees-title"),
            what: t_args(
                lang,
                "confirm-nominees-text",
                &[("names", names.join(", ")), ("time", format_time(at, lang))],
            ),
            button: t(lang, "confirm-nominees-button"),
        };
        let here = format!("/admin/{slug}/{year}/nominerade");
        let fields = vec![("at".to_owned(), form.at.clone())];
        return crate::confirm::ask(&app, &headers, lang, question, (&here, &here), &fields);
    }
    let v = viewer.0.as_ref().ok_or(WebError::Forbidden)?;
    app.store.schedule_nominees(&slug, year, at, &v.stamp(app.now())).await?;
    let edition_name = |l: Lang| format!("{} {year}", award_row.name.get(l));
    for (code, _) in app.store.shortlist(&slug, year).await? {
        for user in app.store.contacts_of(&slug, year, code).await? {
            let letter = Letter::nominated(
                user.lang,
                &user.name,
                &name_of(code),
                &edition_name(user.lang),
                &format_time(at, user.lang),
            )
            .from_award(&award_row, user.lang);
            // Each contact is told once, however often the time is set: the claim queues it.
            let claim = v.stamp(app.now()).with_mail([letter.to(&user.name, &user.email)]);
            app.store.claim_reminder(&slug, year, NOTICE, user.id, &claim).await?;
        }
    }
    Ok(redirect(&format!("/admin/{slug}/{year}/nominerade"), vec![]))
}
