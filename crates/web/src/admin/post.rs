//! `/admin/post`: the outgoing mail of the whole installation — how many messages wait, went or
//! failed, each with whom it was for, what about, its attempts and the mail server's last reply;
//! a failed message (or every one) can be sent again now. The bodies are never shown: they hold
//! sign-in links. The installation's organisers only, since the queue spans every award.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::{Action, Lang};
use juryn_store::{MailState, QueuedMail};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, EmptyForm, MaybeViewer, require};
use crate::error::WebError;
use crate::extract::Segments;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{form_page, redirect};

/// The newest messages shown.
const SHOWN: i64 = 200;

const PATH: &str = "/admin/post";

pub struct Row {
    pub id: i64,
    pub created: String,
    pub to: String,
    pub subject: String,
    /// "Skickat 3 dec. 2026 10:15", "Väntar – nästa försök 10:20", "Misslyckades".
    pub state: String,
    pub attempts: i64,
    pub error: String,
    pub may_retry: bool,
}

#[derive(Template)]
#[template(path = "admin_post.html")]
struct PostPage {
    l: Layout,
    csrf: String,
    counts: String,
    filter: &'static str,
    filters: Vec<(&'static str, String)>,
    rows: Vec<Row>,
    any_failed: bool,
}

#[derive(Deserialize, Default)]
pub struct PostQuery {
    #[serde(default)]
    visa: String,
    #[serde(default)]
    klart: String,
}

fn state_word(lang: Lang, m: &QueuedMail) -> String {
    match m.state {
        MailState::Pending if m.attempts == 0 => t(lang, "post-state-pending"),
        MailState::Pending => t_args(
            lang,
            "post-state-retrying",
            &[("time", juryn_domain::format_time(m.next_attempt_at, lang))],
        ),
        MailState::Sending => t(lang, "post-state-sending"),
        MailState::Sent => t_args(
            lang,
            "post-state-sent",
            &[("time", m.sent_at.map(|at| juryn_domain::format_time(at, lang)).unwrap_or_default())],
        ),
        MailState::Failed => t(lang, "post-state-failed"),
    }
}

/// The filters: the `?visa=` word, the state shown, and the link's words.
const FILTERS: [(&str, Option<MailState>, &str); 4] = [
    ("", None, "post-filter-all"),
    ("vantar", Some(MailState::Pending), "post-filter-pending"),
    ("misslyckade", Some(MailState::Failed), "post-filter-failed"),
    ("skickade", Some(MailState::Sent), "post-filter-sent"),
];

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    crate::extract::LenientQuery(q): crate::extract::LenientQuery<PostQuery>,
) -> Result<Response, WebError> {
    require(&viewer, Action::ManageMailQueue, PATH)?;
    let (filter, state, _) = FILTERS.into_iter().find(|f| f.0 == q.visa).unwrap_or(FILTERS[0]);
    let counts = app.store.mail_counts().await?;
    let found = app.store.mail_queue(state, SHOWN).await?;
    let rows: Vec<Row> = found
        .iter()
        .map(|m| Row {
            id: m.id,
            created: juryn_domain::format_time(m.created_at, lang),
            to: if m.to_name.is_empty() {
                m.to_email.clone()
            } else {
                format!("{} <{}>", m.to_name, m.to_email)
            },
            subject: m.subject.clone(),
            state: state_word(lang, m),
            attempts: m.attempts,
            error: m.last_error.clone().unwrap_or_default(),
            may_retry: matches!(m.state, MailState::Failed | MailState::Pending),
        })
        .collect();
    let notice = match q.klart.as_str() {
        "igen" => Some(t(lang, "post-retried")),
        _ => None,
    };
    let counts_text = t_args(
        lang,
        "post-counts",
        &[
            ("pending", (counts.pending + counts.sending).to_string()),
            ("sent", counts.sent.to_string()),
            ("failed", counts.failed.to_string()),
        ],
    );
    let filters = FILTERS.iter().map(|(word, _, key)| (*word, t(lang, key))).collect();
    form_page(&app, &headers, StatusCode::OK, |csrf| PostPage {
        l: Layout::new(lang, t(lang, "post-title"), PATH)
            .crumb(t(lang, "admin-title"), "/admin")
            .crumb(t(lang, "post-title"), "")
            .with_notice(notice),
        csrf,
        counts: counts_text,
        filter,
        filters,
        rows,
        any_failed: counts.failed > 0,
    })
}

/// `POST /admin/post/{id}/igen`: this message, due now.
pub async fn retry_one(
    State(app): State<AppState>,
    viewer: MaybeViewer,
    Segments(id): Segments<String>,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, WebError> {
    require(&viewer, Action::ManageMailQueue, PATH)?;
    let id = crate::find::row_id(&id)?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    if app.store.retry_mail(Some(id), &actor).await? == 0 {
        // No such message, or one sent or being sent: nothing to send again.
        return Err(WebError::NotFound);
    }
    app.mail_queue.wake();
    Ok(redirect(&format!("{PATH}?klart=igen"), vec![]))
}

/// `POST /admin/post/igen`: every failed message, due now.
pub async fn retry_failed(
    State(app): State<AppState>,
    viewer: MaybeViewer,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, WebError> {
    require(&viewer, Action::ManageMailQueue, PATH)?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    app.store.retry_mail(None, &actor).await?;
    app.mail_queue.wake();
    Ok(redirect(&format!("{PATH}?klart=igen"), vec![]))
}
