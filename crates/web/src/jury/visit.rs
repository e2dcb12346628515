//! `/jury/{award}/{year}/besok/{id}`: one visit, its report, and each person's calendar feed of the
//! visits they take part in.

use super::visits::{FEED, edition_of, may_see, when};
use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer, Viewer, require, signed};
use crate::error::WebError;
use crate::extract::{EditionKey, Segments};
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{form_page, redirect};
use askama::Template;
use axum::extract::{Extension, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use juryn_domain::municipality::name_of;
use juryn_domain::visit::Report;
use juryn_domain::{Action, Decision, Lang, Slug, decide, format_time};
use juryn_store::StoredVisit;

#[derive(Template)]
#[template(path = "jury_visit.html")]
struct VisitPage {
    l: Layout,
    csrf: String,
    action: String,
    when: String,
    place: String,
    /// A digital meeting: its link for a participant, `None` inside for anyone else.
    meeting: Option<Option<String>>,
    people: String,
    /// (index, question, summary) for the report form or the report.
    answers: Vec<(usize, String, String)>,
    observations: String,
    reported: Option<String>,
    may_report: bool,
    errors: Vec<String>,
}

async fn visit_of(
    app: &AppState,
    viewer: &MaybeViewer,
    key: EditionKey,
    id: &str,
) -> Result<(Slug, i16, StoredVisit), WebError> {
    let here = key.page("/jury", &format!("besok/{id}"));
    require(viewer, Action::OpenAccount, &here)?;
    let (slug, year) = key.parts();
    require(viewer, Action::OpenJuryArea { award: &slug, year }, &here)?;
    let id: i64 = id.parse().map_err(|_| WebError::NotFound)?;
    let visit = app.store.visit(id).await?.ok_or(WebError::NotFound)?;
    if visit.award != slug || visit.year != year {
        return Err(WebError::NotFound);
    }
    let v = viewer.0.as_ref().ok_or(WebError::Forbidden)?;
    if !may_see(v, &slug, year, visit.plan.nominee) {
        return Err(WebError::Forbidden);
    }
    Ok((slug, year, visit))
}

fn may_report(v: &Viewer, visit: &StoredVisit) -> bool {
    let action =
        Action::ReportVisit { award: &visit.award, year: visit.year, participants: &visit.plan.participants };
    decide(Some(&v.actor), &action) == Decision::Allow
}

async fn render_visit(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (v, visit): (&Viewer, &StoredVisit),
    (status, typed, errors): (StatusCode, Option<Report>, Vec<String>),
) -> Result<Response, WebError> {
    let shown = typed.or_else(|| visit.report.clone()).unwrap_or_default();
    let answers = visit
        .plan
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let a = shown.answers.iter().find(|(qq, _)| qq == q).map(|(_, a)| a.clone()).unwrap_or_default();
            (i, q.clone(), a)
        })
        .collect();
    let base = format!("/jury/{}/{}", visit.award, visit.year);
    let name = name_of(visit.plan.nominee);
    let l = Layout::new(lang, heading(lang, &visit.plan), format!("{base}/besok/{}", visit.id))
        .crumb(t(lang, "jury-crumb"), base.clone())
        .crumb(t(lang, "visit-crumb"), format!("{base}/besok"))
        .crumb(name, "");
    form_page(app, headers, status, |csrf| VisitPage {
        l,
        csrf,
        action: format!("{base}/besok/{}", visit.id),
        when: when(visit, lang),
        place: visit.plan.place.clone(),
        meeting: visit.plan.video.as_ref().map(|link| {
            // The link lets anyone in: it is for those who meet, no one else.
            visit.plan.participants.contains(&v.user.id).then(|| link.clone())
        }),
        people: visit.people.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", "),
        answers,
        observations: shown.observations,
        reported: visit.report_at.map(|at| {
            t_args(
                lang,
                "visit-reported",
                &[("name", visit.report_by.clone().unwrap_or_default()), ("time", format_time(at, lang))],
            )
        }),
        may_report: may_report(v, visit),
        errors,
    })
}

/// "Besök i Sundsvall", or for a video meeting "Digitalt möte med Sundsvall".
fn heading(lang: Lang, plan: &juryn_domain::visit::Plan) -> String {
    let key = if plan.video.is_some() { "visit-heading-video" } else { "visit-heading" };
    t_args(lang, key, &[("name", name_of(plan.nominee))])
}

pub async fn visit(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    Segments((_, _, id)): Segments<(String, String, String)>,
) -> Result<Response, WebError> {
    let (_, _, visit) = visit_of(&app, &viewer, key, &id).await?;
    let v = viewer.0.as_ref().ok_or(WebError::Forbidden)?;
    render_visit(&app, &headers, lang, (v, &visit), (StatusCode::OK, None, vec![])).await
}

pub async fn report(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    Segments((_, _, id)): Segments<(String, String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (slug, year, visit) = visit_of(&app, &viewer, key, &id).await?;
    let v = viewer.0.as_ref().ok_or(WebError::Forbidden)?;
    if !may_report(v, &visit) {
        return Err(WebError::Forbidden);
    }
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let field = |k: &str| {
        pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.trim().to_owned()).unwrap_or_default()
    };
    let report = Report {
        answers: visit
            .plan
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.clone(), field(&format!("answer-{i}"))))
            .collect(),
        observations: field("observations"),
    };
    let error = if report.is_empty() {
        Some(t(lang, "visit-error-empty-report"))
    } else if report.too_long() {
        Some(t_args(lang, "visit-error-long", &[("max", juryn_domain::visit::MAX_TEXT.to_string())]))
    } else {
        None
    };
    if let Some(e) = error {
        return render_visit(
            &app,
            &headers,
            lang,
            (v, &visit),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(report), vec![e]),
        )
        .await;
    }
    app.store.save_report(visit.id, &report, v.user.id, &v.stamp(app.now())).await?;
    Ok(redirect(&format!("/jury/{slug}/{year}/besok/{}", visit.id), vec![]))
}

/// A participant's visits as iCal. The link is signed for the person (no session: calendar
/// programs fetch it on their own), and lists only the visits they go on.
/// `POST /jury/{award}/{year}/besok/kalender`: a new calendar link; the old one stops working.
pub async fn renew_feed(
    State(app): State<AppState>,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(_): CsrfForm<crate::auth::EmptyForm>,
) -> Result<Response, WebError> {
    let (slug, year) = edition_of(&viewer, key)?;
    let v = viewer.0.as_ref().ok_or(WebError::Forbidden)?;
    app.store.renew_calendar_secret(v.user.id, &v.stamp(app.now())).await?;
    Ok(redirect(&format!("/jury/{slug}/{year}/besok#kalender"), vec![]))
}

pub async fn feed(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    Segments((user, signature)): Segments<(String, String)>,
) -> Result<Response, WebError> {
    let signature = signature.trim_end_matches(".ics");
    let user_id: i64 = user.parse().map_err(|_| WebError::NotFound)?;
    let secret = app.store.calendar_secret(user_id, false).await?.ok_or(WebError::NotFound)?;
    if !signed::verify(&app.csrf_key, FEED, &format!("{user_id}:{secret}"), signature) {
        return Err(WebError::NotFound);
    }
    let events: Vec<juryn_publish::ical::CalEvent> = app
        .store
        .visits_of(user_id)
        .await?
        .into_iter()
        .map(|x| juryn_publish::ical::CalEvent {
            uid: format!("visit-{}@juryn", x.id),
            summary: heading(lang, &x.plan),
            description: x.plan.questions.iter().map(|q| format!("– {q}")).collect::<Vec<_>>().join("\n"),
            location: x.plan.place.clone(),
            url: x.plan.video.clone(),
            starts: x.plan.starts_at.as_second(),
            ends: x.plan.ends_at.as_second(),
        })
        .collect();
    let body = juryn_publish::ical::calendar(&t(lang, "visit-feed-name"), &events, app.now().as_second());
    Ok(([(CONTENT_TYPE, "text/calendar; charset=utf-8"), (CACHE_CONTROL, "private, no-cache")], body)
        .into_response())
}
