//! `/admin/{award}/{year}/enkat`: the questionnaire builder. Questions of four kinds, in order;
//! they can be changed until the call opens and never afterwards, since a changed question would
//! change what others have already answered.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::questionnaire::{Question, QuestionKind};
use juryn_domain::{Lang, LocalizedText};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{form_page, redirect};

pub const MAX_PROMPT_CHARS: usize = 500;
pub const MAX_INDICATORS: usize = 30;

/// A question as the builder's form holds it (also what was typed, when refused).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct QuestionFields {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub prompt_sv: String,
    #[serde(default)]
    pub prompt_en: String,
    #[serde(default)]
    pub help_sv: String,
    #[serde(default)]
    pub word_limit: String,
    #[serde(default)]
    pub min: String,
    #[serde(default)]
    pub max: String,
    #[serde(default)]
    pub indicators: String,
    #[serde(default)]
    pub required: String,
}

impl QuestionFields {
    fn from_question(q: &Question) -> QuestionFields {
        let (kind, word_limit, min, max, indicators) = match &q.kind {
            QuestionKind::LongText { word_limit } => {
                ("long-text", word_limit.map(|w| w.to_string()), None, None, String::new())
            }
            QuestionKind::Number { min, max } => {
                ("number", None, min.map(|m| m.to_string()), max.map(|m| m.to_string()), String::new())
            }
            QuestionKind::YesNo => ("yes-no", None, None, None, String::new()),
            QuestionKind::Maturity { indicators } => (
                "maturity",
                None,
                None,
                None,
                indicators.iter().map(|i| i.sv.clone()).collect::<Vec<_>>().join("\n"),
            ),
        };
        QuestionFields {
            kind: kind.into(),
            prompt_sv: q.prompt.sv.clone(),
            prompt_en: q.prompt.en.clone().unwrap_or_default(),
            help_sv: q.help.sv.clone(),
            word_limit: word_limit.unwrap_or_default(),
            min: min.unwrap_or_default(),
            max: max.unwrap_or_default(),
            indicators,
            required: if q.required { "ja".into() } else { String::new() },
        }
    }

    /// The question these fields describe, or what to fix.
    fn to_question(&self, lang: Lang) -> Result<Question, Vec<String>> {
        let mut errors = Vec::new();
        let prompt = self.prompt_sv.trim();
        if prompt.is_empty() || prompt.chars().count() > MAX_PROMPT_CHARS {
            errors.push(t_args(lang, "builder-error-prompt", &[("max", MAX_PROMPT_CHARS.to_string())]));
        }
        let number = |s: &str, key: &str, errors: &mut Vec<String>| -> Option<i64> {
            let s = s.trim();
            if s.is_empty() {
                return None;
            }
            s.parse().map_err(|_| errors.push(t(lang, key))).ok()
        };
        let kind = match self.kind.as_str() {
            "long-text" => {
                let limit = number(&self.word_limit, "builder-error-word-limit", &mut errors);
                if limit.is_some_and(|l| !(1..=20_000).contains(&l)) {
                    errors.push(t(lang, "builder-error-word-limit"));
                }
                QuestionKind::LongText { word_limit: limit.and_then(|l| u32::try_from(l).ok()) }
            }
            "number" => {
                let (min, max) = (
                    number(&self.min, "builder-error-bounds", &mut errors),
                    number(&self.max, "builder-error-bounds", &mut errors),
                );
                if let (Some(a), Some(b)) = (min, max)
                    && a > b
                {
                    errors.push(t(lang, "builder-error-bounds"));
                }
                QuestionKind::Number { min, max }
            }
            "yes-no" => QuestionKind::YesNo,
            "maturity" => {
                let indicators: Vec<LocalizedText> = self
                    .indicators
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|l| LocalizedText::sv_only(l.chars().take(200).collect::<String>()))
                    .collect();
                if indicators.is_empty() || indicators.len() > MAX_INDICATORS {
                    errors.push(t_args(
                        lang,
                        "builder-error-indicators",
                        &[("max", MAX_INDICATORS.to_string())],
                    ));
                }
                QuestionKind::Maturity { indicators }
            }
            _ => {
                errors.push(t(lang, "builder-error-kind"));
                QuestionKind::YesNo
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let en = self.prompt_en.trim();
        Ok(Question {
            prompt: LocalizedText { sv: prompt.to_owned(), en: (!en.is_empty()).then(|| en.to_owned()) },
            help: LocalizedText::sv_only(self.help_sv.trim()),
            kind,
            required: self.required == "ja",
        })
    }
}

/// A question's form on the page: its field ids' prefix and its index.
pub struct Row {
    pub id: String,
    pub index: usize,
    pub f: QuestionFields,
}

#[derive(Template)]
#[template(path = "admin_questionnaire.html")]
struct BuilderPage {
    l: Layout,
    csrf: String,
    action: String,
    editable: bool,
    questions: Vec<Row>,
    new: QuestionFields,
    kinds: Vec<(&'static str, String)>,
    errors: Vec<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&juryn_domain::Slug, i16),
    (status, new, errors): (StatusCode, QuestionFields, Vec<String>),
) -> Result<Response, WebError> {
    let (award, edition) = award_and_edition(&*app.store, slug, year).await?;
    let questions = app.store.questions(slug, year).await?;
    let action = format!("/admin/{slug}/{year}/enkat");
    let l =
        super::edition_layout(lang, (slug, year), &award, ("builder-title", "builder-crumb"), action.clone());
    form_page(app, headers, status, |csrf| BuilderPage {
        l,
        csrf,
        action,
        editable: edition.questions_editable(app.now()),
        questions: questions
            .iter()
            .enumerate()
            .map(|(index, q)| Row { id: format!("q{index}"), index, f: QuestionFields::from_question(q) })
            .collect(),
        new,
        kinds: ["long-text", "maturity", "number", "yes-no"]
            .into_iter()
            .map(|k| (k, t(lang, &format!("kind-{k}"))))
            .collect(),
        errors,
    })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let edition = crate::auth::organised_edition(&viewer, key, "enkat")?;
    let new = QuestionFields { kind: "long-text".into(), required: "ja".into(), ..Default::default() };
    render(&app, &headers, lang, (&edition.0, edition.1), (StatusCode::OK, new, vec![])).await
}

#[derive(Deserialize)]
pub struct BuilderForm {
    #[serde(default)]
    op: String,
    #[serde(default)]
    index: String,
    #[serde(flatten)]
    fields: QuestionFields,
}

pub async fn change(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(form): CsrfForm<BuilderForm>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "enkat")?;
    let (_, edition) = award_and_edition(&*app.store, &slug, year).await?;
    let typed = form.fields.clone();
    if !edition.questions_editable(app.now()) {
        return render(
            &app,
            &headers,
            lang,
            (&slug, year),
            (StatusCode::CONFLICT, typed, vec![t(lang, "builder-locked")]),
        )
        .await;
    }
    let mut questions = app.store.questions(&slug, year).await?;
    let index = form.index.parse::<usize>().ok().filter(|i| *i < questions.len());
    match (form.op.as_str(), index) {
        ("add", _) => match form.fields.to_question(lang) {
            Ok(q) => questions.push(q),
            Err(errors) => {
                return render(
                    &app,
                    &headers,
                    lang,
                    (&slug, year),
                    (StatusCode::UNPROCESSABLE_ENTITY, typed, errors),
                )
                .await;
            }
        },
        ("update", Some(i)) => match form.fields.to_question(lang) {
            Ok(q) => questions[i] = q,
            Err(errors) => {
                let new =
                    QuestionFields { kind: "long-text".into(), required: "ja".into(), ..Default::default() };
                return render(
                    &app,
                    &headers,
                    lang,
                    (&slug, year),
                    (StatusCode::UNPROCESSABLE_ENTITY, new, errors),
                )
                .await;
            }
        },
        ("delete", Some(i)) => {
            questions.remove(i);
        }
        ("up", Some(i)) if i > 0 => questions.swap(i, i - 1),
        ("down", Some(i)) if i + 1 < questions.len() => questions.swap(i, i + 1),
        ("up" | "down", Some(_)) => {}
        _ => return Err(WebError::BadRequest),
    }
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    app.store.put_questions(&slug, year, &questions, &actor).await?;
    Ok(redirect(&format!("/admin/{slug}/{year}/enkat"), vec![]))
}
