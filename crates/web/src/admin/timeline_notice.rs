//! `/admin/{award}/{year}/halltider/meddela/{index}`: after a milestone has moved, the organiser
//! sees the letter that would go out — to the contacts of the entries, the jury and the experts
//! — and sends it, or does not. Each person gets it once, however often the button is pressed.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::{Lang, Milestone, Role, Scope, Slug};
use juryn_store::User;
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::{EditionKey, Segments};
use crate::find::award_and_edition;
use crate::i18n::t_args;
use crate::layout::Layout;
use crate::mail::Letter;
use crate::respond::{form_page, redirect};

/// The people a moved date concerns, each once: (user, role group key).
async fn involved(app: &AppState, (slug, year): (&Slug, i16)) -> Result<Vec<(User, Role)>, WebError> {
    let edition = Scope::Edition(slug.clone(), year);
    let mut out: Vec<(User, Role)> = Vec::new();
    for p in app.store.people().await? {
        if p.user.erased {
            continue;
        }
        let role = p
            .grants
            .iter()
            .filter(|g| g.grant.scope == edition)
            .map(|g| g.grant.role)
            .filter(|r| matches!(r, Role::EntrantContact | Role::Juror | Role::JuryChair | Role::Expert))
            .min();
        if let Some(role) = role {
            out.push((p.user, role));
        }
    }
    Ok(out)
}

fn letter(
    app: &AppState,
    award: &juryn_domain::Award,
    (slug, year): (&Slug, i16),
    m: &Milestone,
    to: &User,
) -> Letter {
    let lang = to.lang;
    let from = m.moved.map(|v| v.from.render_inline(lang, 0)).unwrap_or_default();
    let args = [
        ("name", to.name.clone()),
        ("edition", format!("{} {year}", award.name.get(lang))),
        ("what", m.label.get(lang).to_owned()),
        ("from", from),
        ("to", m.span.render_inline(lang, 0)),
        ("link", format!("{}/{slug}/{year}#halltider", app.base_url)),
    ];
    Letter::rescheduled(lang, &args).from_award(award, lang)
}

#[derive(Template)]
#[template(path = "admin_timeline_notice.html")]
struct NoticePage {
    l: Layout,
    csrf: String,
    action: String,
    back: String,
    counts: Vec<String>,
    recipients: usize,
    send_label: String,
    preview_to: String,
    subject: String,
    body: String,
}

/// The moved milestone at `index`, or 404 (none there, or never moved).
async fn moved_milestone(
    app: &AppState,
    (slug, year): (&Slug, i16),
    index: &str,
) -> Result<Milestone, WebError> {
    let i: usize = index.parse().map_err(|_| WebError::NotFound)?;
    let timeline = app.store.timeline(slug, year).await?;
    timeline.into_iter().nth(i).filter(|m| m.moved.is_some()).ok_or(WebError::NotFound)
}

/// `GET /admin/{award}/{year}/halltider/meddela/{index}`: the letter, as it will read.
pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    Segments((_, _, index)): Segments<(String, String, String)>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "halltider")?;
    let (award, _) = award_and_edition(&*app.store, &slug, year).await?;
    let m = moved_milestone(&app, (&slug, year), &index).await?;
    let people = involved(&app, (&slug, year)).await?;
    let count = |roles: &[Role]| people.iter().filter(|(_, r)| roles.contains(r)).count();
    let counts = [
        ("timeline-notice-contacts", count(&[Role::EntrantContact])),
        ("timeline-notice-jury", count(&[Role::Juror, Role::JuryChair])),
        ("timeline-notice-experts", count(&[Role::Expert])),
    ]
    .into_iter()
    .map(|(key, n)| t_args(lang, key, &[("count", n.to_string())]))
    .collect();
    // The preview is the letter as the first recipient gets it; with no one to tell, none.
    let (preview_to, subject, body) = match people.first() {
        Some((first, _)) => {
            let letter = letter(&app, &award, (&slug, year), &m, first);
            (
                t_args(lang, "timeline-notice-preview", &[("name", first.name.clone())]),
                letter.subject,
                letter.body,
            )
        }
        None => Default::default(),
    };
    let back = format!("/admin/{slug}/{year}/halltider");
    let l = super::edition_layout(
        lang,
        (&slug, year),
        &award,
        ("timeline-notice-title", "timeline-crumb"),
        back.clone(),
    );
    form_page(&app, &headers, StatusCode::OK, |csrf| NoticePage {
        l,
        csrf,
        action: format!("{back}/meddela/{index}"),
        back,
        counts,
        recipients: people.len(),
        send_label: t_args(lang, "timeline-notice-send", &[("count", people.len().to_string())]),
        preview_to,
        subject,
        body,
    })
}

#[derive(Debug, Deserialize)]
pub struct Send {}

/// `POST …/meddela/{index}`: sends the letter to each person involved who has not had it.
pub async fn send(
    State(app): State<AppState>,
    Extension(_lang): Extension<Lang>,
    viewer: MaybeViewer,
    key: EditionKey,
    Segments((_, _, index)): Segments<(String, String, String)>,
    CsrfForm(_): CsrfForm<Send>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "halltider")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let (award, _) = award_and_edition(&*app.store, &slug, year).await?;
    let m = moved_milestone(&app, (&slug, year), &index).await?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    // One claim per person and move: the same move is never announced twice to anyone.
    let claim = format!("timeline-move-{index}-{}", m.moved.map(|v| v.at.as_second()).unwrap_or_default());
    let mut sent = 0;
    for (user, _) in involved(&app, (&slug, year)).await? {
        let mail = letter(&app, &award, (&slug, year), &m, &user).to(&user.name, &user.email);
        if app.store.claim_reminder(&slug, year, &claim, user.id, &actor.clone().with_mail([mail])).await? {
            sent += 1;
        }
    }
    Ok(redirect(&format!("/admin/{slug}/{year}/halltider?meddelat={sent}"), vec![]))
}

pub fn sent_notice(lang: Lang, sent: usize) -> String {
    t_args(lang, "timeline-notice-sent", &[("count", sent.to_string())])
}
