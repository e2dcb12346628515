//! `/admin/{award}/{year}/utlysning`: when the call opens and closes (wall-clock times in
//! Stockholm, summer time included), its grace period, and opening and closing it — phase
//! transitions the domain checks, each with its audit event.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::phase::{self, Readiness};
use juryn_domain::{CallWindow, Lang, Phase, format_time};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::edition_words::phase_text;
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{form_page, redirect};
use crate::timefield::{local_value, parse_local};

pub const MAX_GRACE_MINUTES: u32 = 24 * 60;

#[derive(Template)]
#[template(path = "admin_call_settings.html")]
struct SettingsPage {
    l: Layout,
    csrf: String,
    action: String,
    phase: String,
    opens: String,
    closes: String,
    grace: String,
    opens_text: String,
    closes_text: String,
    can_open: bool,
    can_close: bool,
    errors: Vec<String>,
}

/// The call's times as typed: opens, closes, grace minutes.
type TypedTimes = (String, String, String);

struct Shown {
    status: StatusCode,
    typed: Option<TypedTimes>,
    errors: Vec<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&juryn_domain::Slug, i16),
    shown: Shown,
) -> Result<Response, WebError> {
    let (award, edition) = award_and_edition(&*app.store, slug, year).await?;
    let action = format!("/admin/{slug}/{year}/utlysning");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("call-settings-title", "call-settings-crumb"),
        action.clone(),
    );
    let (opens, closes, grace) = shown.typed.unwrap_or_else(|| {
        (
            local_value(edition.call.opens_at),
            local_value(edition.call.closes_at),
            edition.call.grace_minutes.to_string(),
        )
    });
    form_page(app, headers, shown.status, |csrf| SettingsPage {
        l,
        csrf,
        action,
        phase: crate::edition_words::edition_state_text(lang, &edition, app.now()),
        opens,
        closes,
        grace,
        opens_text: edition.call.opens_at.map(|t| format_time(t, lang)).unwrap_or_default(),
        closes_text: edition.call.closes_at.map(|t| format_time(t, lang)).unwrap_or_default(),
        can_open: edition.phase == Phase::Draft,
        can_close: edition.phase == Phase::CallOpen,
        errors: shown.errors,
    })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let edition = crate::auth::organised_edition(&viewer, key, "utlysning")?;
    render(
        &app,
        &headers,
        lang,
        (&edition.0, edition.1),
        Shown { status: StatusCode::OK, typed: None, errors: vec![] },
    )
    .await
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    op: String,
    #[serde(default)]
    opens: String,
    #[serde(default)]
    closes: String,
    #[serde(default)]
    grace: String,
}

/// The call's times as typed: the window, or what to fix and the fields as typed.
fn read_times(
    lang: Lang,
    form: &SettingsForm,
    phase: Phase,
) -> Result<CallWindow, (Vec<String>, TypedTimes)> {
    let typed = (
        form.opens.chars().take(20).collect(),
        form.closes.chars().take(20).collect(),
        form.grace.chars().take(6).collect(),
    );
    let mut errors = Vec::new();
    let mut time = |text: &str| {
        parse_local(text).unwrap_or_else(|| {
            errors.push(t(lang, "call-error-time"));
            None
        })
    };
    let (opens, closes) = (time(&form.opens), time(&form.closes));
    let grace = form.grace.trim().parse::<u32>().ok().filter(|g| *g <= MAX_GRACE_MINUTES);
    if grace.is_none() && !form.grace.trim().is_empty() {
        errors.push(t_args(lang, "call-error-grace", &[("max", MAX_GRACE_MINUTES.to_string())]));
    }
    if let (Some(o), Some(c)) = (opens, closes)
        && o >= c
    {
        errors.push(t(lang, "call-error-order"));
    }
    // Once the call is closed its times are history.
    if phase > Phase::CallOpen {
        errors.push(t_args(lang, "call-error-phase", &[("phase", phase_text(lang, phase))]));
    }
    if errors.is_empty() {
        Ok(CallWindow { opens_at: opens, closes_at: closes, grace_minutes: grace.unwrap_or(0) })
    } else {
        Err((errors, typed))
    }
}

pub async fn change(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "utlysning")?;
    let (_, edition) = award_and_edition(&*app.store, &slug, year).await?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    let here = format!("/admin/{slug}/{year}/utlysning");
    match form.op.as_str() {
        "times" => match read_times(lang, &form, edition.phase) {
            Ok(call) => app.store.set_call_window(&slug, year, &call, &actor).await?,
            Err((errors, typed)) => {
                let shown = Shown { status: StatusCode::UNPROCESSABLE_ENTITY, typed: Some(typed), errors };
                return render(&app, &headers, lang, (&slug, year), shown).await;
            }
        },
        "open" | "close" => {
            let questions = app.store.questions(&slug, year).await?;
            let r = Readiness {
                phase: edition.phase,
                now: app.now(),
                questions: questions.len(),
                call_closes_at: edition.call.closes_at,
                grace_minutes: edition.call.grace_minutes,
                ..Default::default()
            };
            let next = if form.op == "open" { phase::open_call(&r) } else { phase::close_call(&r) };
            if let Some(text) = super::advance(&app, lang, (&slug, year, edition.phase), next, &actor).await?
            {
                let shown = Shown { status: StatusCode::CONFLICT, typed: None, errors: vec![text] };
                return render(&app, &headers, lang, (&slug, year), shown).await;
            }
        }
        _ => return Err(WebError::BadRequest),
    }
    Ok(redirect(&here, vec![]))
}
