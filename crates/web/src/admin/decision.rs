//! `/admin/{award}/{year}/beslut`: the second half of the award as the organiser runs it —
//! starting the site visits, opening the jury's deliberation once every nominee has a visit
//! report, how the jury decides (ranked ballots or consensus), when the winner is announced,
//! and announcing at the gala by hand. Each phase change is a domain transition.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::phase::{self, Readiness};
use juryn_domain::seal::Method;
use juryn_domain::{Lang, Phase, Slug, format_time};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::t;
use crate::layout::Layout;
use crate::respond::{form_page, redirect};
use crate::timefield::{local_value, parse_local};

#[derive(Template)]
#[template(path = "admin_decision.html")]
struct DecisionPage {
    l: Layout,
    csrf: String,
    action: String,
    phase: String,
    can_start_visits: bool,
    can_deliberate: bool,
    schulze: bool,
    sealed: Option<String>,
    announce_at: String,
    announce_text: String,
    announced: bool,
    can_announce_now: bool,
    can_archive: bool,
    errors: Vec<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    (status, typed_at, errors): (StatusCode, Option<String>, Vec<String>),
    notice: Option<String>,
) -> Result<Response, WebError> {
    let (award, edition) = award_and_edition(&*app.store, slug, year).await?;
    let decision = app.store.decision(slug, year).await?;
    let method = app.store.decision_method(slug, year).await?;
    let action = format!("/admin/{slug}/{year}/beslut");
    let l: Layout = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("admin-decision-heading", "admin-decision-title"),
        action.clone(),
    )
    .with_notice(notice);
    let now = app.now();
    form_page(app, headers, status, |csrf| DecisionPage {
        l,
        csrf,
        action,
        phase: crate::edition_words::edition_state_text(lang, &edition, now),
        can_start_visits: edition.phase == Phase::Nominated,
        can_deliberate: edition.phase == Phase::InDepthReview,
        schulze: method == Method::Schulze,
        sealed: decision.map(|d| format!("{} ({})", d.seal.commitment, format_time(d.sealed_at, lang))),
        announce_at: typed_at.unwrap_or_else(|| local_value(edition.announce_at)),
        announce_text: edition.announce_at.map(|a| format_time(a, lang)).unwrap_or_default(),
        announced: edition.announce_at.is_some_and(|a| a <= now),
        can_announce_now: edition.phase == Phase::Decided && edition.announce_at.is_none_or(|a| a > now),
        can_archive: edition.visibility(now).phase == Phase::Announced,
        errors,
    })
}

/// `?klart=…` after an action.
#[derive(Deserialize, Default)]
pub struct Done {
    klart: Option<String>,
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    crate::extract::LenientQuery(q): crate::extract::LenientQuery<Done>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "beslut")?;
    let notice = match q.klart.as_deref() {
        Some("arkiverad") => Some(t(lang, "admin-decision-archived-now")),
        Some("tillkannagiven") => Some(t(lang, "admin-decision-announced-now")),
        _ => None,
    };
    render(&app, &headers, lang, (&slug, year), (StatusCode::OK, None, vec![]), notice).await
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    op: String,
    #[serde(default)]
    method: String,
    #[serde(default)]
    at: String,
    #[serde(default)]
    bekraftat: String,
}

/// Why a press was refused: the status, what was typed, and what to say.
type Refused = Option<(StatusCode, Option<String>, Vec<String>)>;

/// The nominees whose visit has no report yet.
async fn unreported(
    app: &AppState,
    (slug, year, edition): (&Slug, i16, &juryn_domain::Edition),
) -> Result<usize, WebError> {
    let visits = app.store.visits(slug, year).await?;
    Ok(edition
        .nominees
        .iter()
        .filter(|n| !visits.iter().any(|v| v.plan.nominee == **n && v.report.is_some()))
        .count())
}

/// Moves the edition on, or says why not (see `admin::advance`).
async fn move_phase(
    app: &AppState,
    lang: Lang,
    (slug, year, edition): (&Slug, i16, &juryn_domain::Edition),
    next: Result<Phase, juryn_domain::Refusal>,
    actor: &juryn_store::Stamp,
) -> Result<Refused, WebError> {
    let refused = super::advance(app, lang, (slug, year, edition.phase), next, actor).await?;
    Ok(refused.map(|text| (StatusCode::CONFLICT, None, vec![text])))
}

/// Sets when the winner is announced: at the typed time, or now (once decided). Refused once the
/// announcement has passed.
async fn announce(
    app: &AppState,
    lang: Lang,
    (slug, year, edition): (&Slug, i16, &juryn_domain::Edition),
    form: &DecisionForm,
    actor: &juryn_store::Stamp,
) -> Result<Refused, WebError> {
    let now = app.now();
    let at = if form.op == "announce-now" {
        if edition.phase != Phase::Decided {
            return Ok(Some((StatusCode::CONFLICT, None, vec![t(lang, "admin-decision-error-not-decided")])));
        }
        Some(now)
    } else {
        parse_local(&form.at).flatten()
    };
    let typed = Some(form.at.chars().take(20).collect::<String>());
    let Some(at) = at else {
        return Ok(Some((StatusCode::UNPROCESSABLE_ENTITY, typed, vec![t(lang, "call-error-time")])));
    };
    if !app.store.set_announce_at(slug, year, at, now, actor).await? {
        return Ok(Some((StatusCode::CONFLICT, typed, vec![t(lang, "admin-decision-error-announced")])));
    }
    Ok(None)
}

pub async fn change(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "beslut")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    let (award_row, edition) = award_and_edition(&*app.store, &slug, year).await?;
    let now = app.now();
    let here = format!("/admin/{slug}/{year}/beslut");
    if matches!(form.op.as_str(), "archive" | "announce-now") && form.bekraftat != "ja" {
        let name = format!("{} {year}", award_row.name.get(lang));
        let key = if form.op == "archive" { "archive" } else { "announce" };
        let question = crate::confirm::Question {
            heading: t(lang, &format!("confirm-{key}-title")),
            what: crate::i18n::t_args(lang, &format!("confirm-{key}-text"), &[("edition", name)]),
            button: t(lang, &format!("confirm-{key}-button")),
        };
        let fields = vec![("op".to_owned(), form.op.clone())];
        return crate::confirm::ask(&app, &headers, lang, question, (&here, &here), &fields);
    }
    let edition_key = (&slug, year, &edition);
    let refused = match form.op.as_str() {
        "visits" | "deliberate" => {
            let r = Readiness {
                phase: edition.phase,
                now,
                nominees_without_visit_report: unreported(&app, edition_key).await?,
                ..Readiness::default()
            };
            let next = if form.op == "visits" {
                phase::start_in_depth_review(&r)
            } else {
                phase::start_deliberation(&r)
            };
            move_phase(&app, lang, edition_key, next, &actor).await?
        }
        "archive" => {
            // Announced by the clock counts: the stored phase may still say decided.
            let r = Readiness { phase: edition.visibility(now).phase, now, ..Readiness::default() };
            move_phase(&app, lang, edition_key, phase::archive(&r), &actor).await?
        }
        "method" => {
            let Some(method) = Method::parse(&form.method) else { return Err(WebError::BadRequest) };
            if app.store.decision(&slug, year).await?.is_some() {
                Some((StatusCode::CONFLICT, None, vec![t(lang, "meeting-error-closed")]))
            } else {
                app.store.set_decision_method(&slug, year, method, &actor).await?;
                None
            }
        }
        "announce-at" | "announce-now" => announce(&app, lang, edition_key, &form, &actor).await?,
        _ => return Err(WebError::BadRequest),
    };
    if let Some((status, typed, errors)) = refused {
        return render(&app, &headers, lang, (&slug, year), (status, typed, errors), None).await;
    }
    let done = match form.op.as_str() {
        "archive" => "?klart=arkiverad",
        "announce-now" => "?klart=tillkannagiven",
        _ => "",
    };
    Ok(redirect(&format!("{here}{done}"), vec![]))
}
