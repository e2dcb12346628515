//! The questionnaire and a municipality's entry as JSON, for the municipality's own systems. The
//! same rules as the portal: the same policy, the same deadline, the same optimistic versions.

use axum::Json;
use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use juryn_domain::questionnaire::AnswerProblem;
use juryn_domain::{Action, EntryStatus, Lang, MunicipalityCode, Registry};
use juryn_store::{EntryRecord, EntrySave, SaveOutcome};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::app::AppState;
use crate::app::MAX_BODY_BYTES;
use crate::auth::{ApiViewer, require_api};
use crate::error::WebError;
use crate::extract::{EditionKey, Segments};
use juryn_domain::entry::{Intent, plan};

/// A JSON body, read within the body limit; what cannot be read is a JSON 400 or 413.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = WebError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let bytes = axum::body::to_bytes(req.into_body(), MAX_BODY_BYTES).await.map_err(|_| {
            WebError::ApiRefused(StatusCode::PAYLOAD_TOO_LARGE, json!({"error": "too_large", "message": format!("the body may be at most {MAX_BODY_BYTES} bytes")}))
        })?;
        serde_json::from_slice(&bytes).map(ApiJson).map_err(|e| {
            WebError::ApiRefused(
                StatusCode::BAD_REQUEST,
                json!({"error": "bad_json", "message": e.to_string()}),
            )
        })
    }
}

pub async fn questionnaire(State(app): State<AppState>, key: EditionKey) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    let edition = app.store.edition(&slug, year).await?.ok_or(WebError::NotFound)?;
    let questions = app.store.questions(&slug, year).await?;
    let body = json!({
        "award": slug.as_str(),
        "year": year,
        "call": {
            "opens_at": edition.call.opens_at.map(|t| t.to_string()),
            "closes_at": edition.call.closes_at.map(|t| t.to_string()),
            "grace_minutes": edition.call.grace_minutes,
            "open": edition.call.accepts_changes(app.now()),
        },
        "questions": questions.iter().enumerate().map(|(i, q)| json!({
            "index": i,
            "prompt": q.prompt.get(Lang::Sv),
            "prompt_en": q.prompt.get(Lang::En),
            "help": q.help.get(Lang::Sv),
            "required": q.required,
            "type": q.kind,
        })).collect::<Vec<_>>(),
    });
    Ok(Json(body).into_response())
}

/// The entry as the API gives it: each answer typed by its question (see
/// `answer_view::json`: a self-assessment is an object from indicator to level).
fn entry_json(record: &EntryRecord, questions: &[juryn_domain::questionnaire::Question]) -> Value {
    let code = record.entry.municipality;
    let answers: Vec<Value> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| crate::answer_view::json(q, record.entry.answers.get(i).map_or("", String::as_str)))
        .collect();
    json!({
        "municipality": {"code": code.as_str(), "name": Registry::sweden().get(code).map(|m| m.name.clone())},
        "status": record.entry.status.as_str(),
        "version": record.version,
        "consent": record.consent,
        "submitted_at": record.entry.submitted_at.map(|t| t.to_string()),
        "answers": answers,
    })
}

/// The entry a request names, if the key's holder may read it (or, with `edit`, change it).
async fn entry_for(
    app: &AppState,
    viewer: &ApiViewer,
    (key, code): (EditionKey, &str),
    edit: bool,
) -> Result<(EntryRecord, juryn_domain::Edition), WebError> {
    let (slug, year) = key.parts();
    let code = MunicipalityCode::parse(code)
        .ok()
        .filter(|c| Registry::sweden().get(*c).is_some())
        .ok_or(WebError::NotFound)?;
    if viewer.0.is_none() {
        return Err(WebError::ApiUnauthorized);
    }
    let edition = app.store.edition(&slug, year).await?.ok_or(WebError::NotFound)?;
    // Reading first: making the entry is a write, needed only the first time.
    let found = app.store.entry_record(&slug, year, code).await?;
    let read = Action::ReadEntry {
        award: &slug,
        year,
        municipality: code,
        is_nominee: edition.nominees.contains(&code),
        submitted: found.as_ref().is_some_and(|r| r.entry.status == EntryStatus::Submitted),
    };
    require_api(viewer, read)?;
    if edit {
        require_api(viewer, Action::EditEntry { award: &slug, year, municipality: code })?;
    }
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    let record = match found {
        Some(r) => r,
        None if edit => app.store.ensure_entry(&slug, year, code, &actor).await?,
        None => return Err(WebError::NotFound),
    };
    Ok((record, edition))
}

pub async fn get(
    State(app): State<AppState>,
    viewer: ApiViewer,
    key: EditionKey,
    Segments((_, _, code)): Segments<(String, String, String)>,
) -> Result<Response, WebError> {
    let (record, _) = entry_for(&app, &viewer, (key, &code), false).await?;
    let questions = app.store.questions(&record.award, record.year).await?;
    Ok(Json(entry_json(&record, &questions)).into_response())
}

#[derive(Deserialize)]
pub struct PutEntry {
    version: i64,
    /// Each answer as a string (its stored form) or typed (see `answer_view::from_json`).
    #[serde(default)]
    answers: Vec<Value>,
    consent: Option<bool>,
}

#[derive(Deserialize)]
pub struct Submit {
    version: i64,
}

fn problems_json(problems: &[(usize, AnswerProblem)]) -> Value {
    json!({
        "error": "invalid",
        "problems": problems.iter().map(|(i, p)| json!({
            "question": i,
            "message": crate::answer_view::problem_text(Lang::En, p),
            "message_sv": crate::answer_view::problem_text(Lang::Sv, p),
        })).collect::<Vec<_>>(),
    })
}

async fn apply(
    app: &AppState,
    viewer: &ApiViewer,
    (record, edition): (EntryRecord, juryn_domain::Edition),
    (intent, version, typed, consent): (Intent, i64, Vec<Value>, Option<bool>),
) -> Result<Response, WebError> {
    if !record.accepts_changes(&edition.call, app.now()) {
        return Err(closed());
    }
    let questions = app.store.questions(&record.award, record.year).await?;
    if typed.len() > questions.len() {
        let msg = format!("{} answers for {} questions", typed.len(), questions.len());
        return Err(WebError::ApiRefused(
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"error": "invalid", "message": msg}),
        ));
    }
    let mut cleaned = Vec::with_capacity(typed.len());
    let mut problems = Vec::new();
    for (i, (a, q)) in typed.iter().zip(&questions).enumerate() {
        match crate::answer_view::from_json(q, a).and_then(|a| juryn_domain::questionnaire::clean_text(&a)) {
            Ok(c) => cleaned.push(c),
            Err(p) => {
                problems.push((i, p));
                cleaned.push(String::new());
            }
        }
    }
    if !problems.is_empty() {
        return Err(WebError::ApiRefused(StatusCode::UNPROCESSABLE_ENTITY, problems_json(&problems)));
    }
    let planned = plan(record.entry.current(), intent, cleaned, &questions, app.now())
        .map_err(|p| WebError::ApiRefused(StatusCode::UNPROCESSABLE_ENTITY, problems_json(&p)))?;
    let save = EntrySave {
        expected_version: version,
        status: planned.status,
        answers: planned.answers,
        consent: consent.unwrap_or(record.consent),
        submitted_at: planned.submitted_at,
    };
    let was = record.entry.status;
    // The entry as it will be saved; no need to read it back.
    let mut saved = EntryRecord {
        consent: save.consent,
        entry: juryn_store::EntryContent {
            status: save.status,
            submitted_at: save.submitted_at,
            answers: save.answers.clone(),
            ..record.entry.clone()
        },
        ..record
    };
    let receipt = crate::receipt::letters(app, (was, &saved), &questions).await?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now()).with_mail(receipt);
    let outcome =
        app.store.save_entry(&saved.award, saved.year, saved.entry.municipality, &save, &actor).await?;
    match outcome {
        SaveOutcome::Saved { version } => {
            saved.version = version;
            Ok(Json(entry_json(&saved, &questions)).into_response())
        }
        SaveOutcome::Conflict(current) => Err(WebError::ApiRefused(
            StatusCode::CONFLICT,
            json!({"error": "conflict", "message": "the entry was saved by someone else since this version", "current": entry_json(&current, &questions)}),
        )),
        // The deadline passed between the check above and the write.
        SaveOutcome::Closed => Err(closed()),
    }
}

fn closed() -> WebError {
    WebError::ApiRefused(
        StatusCode::CONFLICT,
        json!({"error": "closed", "message": "the call for entries is closed"}),
    )
}

/// Reads the body as `T` once the caller is known to be allowed: who may not write learns nothing
/// about the body's shape.
fn body_as<T: DeserializeOwned>(body: Value) -> Result<T, WebError> {
    serde_json::from_value(body).map_err(|e| {
        WebError::ApiRefused(
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"error": "invalid", "message": e.to_string()}),
        )
    })
}

pub async fn put(
    State(app): State<AppState>,
    viewer: ApiViewer,
    key: EditionKey,
    Segments((_, _, code)): Segments<(String, String, String)>,
    ApiJson(body): ApiJson<Value>,
) -> Result<Response, WebError> {
    let found = entry_for(&app, &viewer, (key, &code), true).await?;
    let body: PutEntry = body_as(body)?;
    apply(&app, &viewer, found, (Intent::Save, body.version, body.answers, body.consent)).await
}

pub async fn submit(
    State(app): State<AppState>,
    viewer: ApiViewer,
    key: EditionKey,
    Segments((_, _, code)): Segments<(String, String, String)>,
    ApiJson(body): ApiJson<Value>,
) -> Result<Response, WebError> {
    let found = entry_for(&app, &viewer, (key, &code), true).await?;
    let body: Submit = body_as(body)?;
    let answers = found.0.entry.answers.iter().cloned().map(Value::from).collect();
    apply(&app, &viewer, found, (Intent::Submit, body.version, answers, None)).await
}
