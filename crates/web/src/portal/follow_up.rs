//! `/portal/bidrag/{id}/uppfoljning`: the follow-up for a municipality the jury selected (2021:
//! the digital-maturity self-assessment), answered by its contacts until the follow-up's own
//! deadline with the same fields as the questionnaire. The store checks the cut, the deadline
//! and the answers inside the write; what was typed stays on the page when something is wrong.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::follow_up::FollowUp;
use juryn_domain::questionnaire::AnswerProblem;
use juryn_domain::{Lang, format_time};
use juryn_store::{EntryRecord, FollowUpRefusal, FollowUpSource};

use super::edit::admit;
use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::{LenientQuery, Segments};
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::question_form::{Field, answers_from, fields, levels};
use crate::respond::{form_page, redirect};

#[derive(Template)]
#[template(path = "portal_follow_up.html")]
struct FollowUpForm {
    l: Layout,
    csrf: String,
    action: String,
    intro: String,
    open: bool,
    fields: Vec<Field>,
    levels: Vec<(&'static str, String)>,
    errors: Vec<String>,
    notice: Option<String>,
}

/// The edition's follow-up, if the entry's municipality was selected for it; otherwise there is
/// no such page for it.
pub(super) async fn follow_up_for(
    app: &AppState,
    record: &EntryRecord,
) -> Result<Option<FollowUp>, WebError> {
    let Some(f) = app.store.follow_up(&record.award, record.year).await? else { return Ok(None) };
    let cuts = app.store.cuts(&record.award, record.year).await?;
    let through =
        cuts.iter().any(|c| c.position == f.after_round && c.codes().contains(&record.entry.municipality));
    Ok(through.then_some(f))
}

struct Shown {
    status: StatusCode,
    typed: Option<Vec<String>>,
    problems: Vec<(usize, AnswerProblem)>,
    errors: Vec<String>,
    notice: Option<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (record, f): (&EntryRecord, &FollowUp),
    shown: Shown,
) -> Result<Response, WebError> {
    let stored = app.store.follow_up_answers(&record.award, record.year).await?;
    let mine = stored.into_iter().find(|a| a.municipality == record.entry.municipality).map(|a| a.answers);
    let answers = shown.typed.or(mine).unwrap_or_default();
    let name = juryn_domain::municipality::name_of(record.entry.municipality);
    let open = f.open_at(app.now());
    let time = format_time(f.closes_at, lang);
    let intro = if open {
        t_args(lang, "follow-up-intro", &[("name", name.clone()), ("time", time)])
    } else {
        t_args(lang, "follow-up-closed", &[("time", time)])
    };
    let title =
        t_args(lang, "follow-up-heading", &[("title", t(lang, "follow-up-title")), ("name", name.clone())]);
    let action = format!("/portal/bidrag/{}/uppfoljning", record.id);
    let l = Layout::new(lang, title, action.clone())
        .crumb(t(lang, "portal-title"), "/portal")
        .crumb(name, format!("/portal/bidrag/{}", record.id))
        .crumb(t(lang, "follow-up-title"), "");
    let fields = fields(lang, &f.questions, &answers, &shown.problems);
    let (errors, notice) = (shown.errors, shown.notice);
    form_page(app, headers, shown.status, |csrf| FollowUpForm {
        l,
        csrf,
        action,
        intro,
        open,
        fields,
        levels: levels(lang),
        errors,
        notice,
    })
}

#[derive(serde::Deserialize, Default)]
pub struct Done {
    klart: Option<String>,
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(raw_id): Segments<String>,
    LenientQuery(done): LenientQuery<Done>,
) -> Result<Response, WebError> {
    let (record, _, _) = admit(&app, &viewer, &raw_id).await?;
    let f = follow_up_for(&app, &record).await?.ok_or(WebError::NotFound)?;
    let notice = done.klart.is_some().then(|| t(lang, "follow-up-saved"));
    let shown = Shown { status: StatusCode::OK, typed: None, problems: vec![], errors: vec![], notice };
    render(&app, &headers, lang, (&record, &f), shown).await
}

pub async fn save(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(raw_id): Segments<String>,
    CsrfForm(posted): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (record, _, actor) = admit(&app, &viewer, &raw_id).await?;
    let f = follow_up_for(&app, &record).await?.ok_or(WebError::NotFound)?;
    let (answers, mut problems) = answers_from(&f.questions, &posted);
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    let mut errors = Vec::new();
    if problems.is_empty() {
        let key = (&record.award, record.year);
        let saved = vec![(record.entry.municipality, answers.clone())];
        match app.store.save_follow_up(key, &saved, FollowUpSource::Portal, &actor).await? {
            Ok(()) => {
                return Ok(redirect(&format!("/portal/bidrag/{}/uppfoljning?klart=ja", record.id), vec![]));
            }
            Err(FollowUpRefusal::Answer(i, p)) => problems.push((i, p)),
            Err(FollowUpRefusal::Closed) => {
                status = StatusCode::CONFLICT;
                errors.push(t(lang, "follow-up-error-late"));
            }
            Err(_) => return Err(WebError::NotFound),
        }
    }
    for (i, p) in &problems {
        let prompt = f.questions.get(*i).map(|q| q.prompt.get(lang).to_owned()).unwrap_or_default();
        errors.push(format!("{prompt}: {}", crate::answer_view::problem_text(lang, p)));
    }
    let shown = Shown { status, typed: Some(answers), problems, errors, notice: None };
    render(&app, &headers, lang, (&record, &f), shown).await
}
