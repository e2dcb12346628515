//! `/admin/{award}/{year}/uppfoljning`: the follow-up for those through a cut (2021: the
//! nominated municipalities' digital-maturity self-assessment) — set up as a maturity
//! self-assessment (its indicators one per line) and an optional comment, with its own
//! deadline; who of the cut has answered; and the external tool's result imported as CSV
//! (`follow_up_import.rs`). The store checks each save inside its write.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::follow_up::{FollowUp, SetupProblem};
use juryn_domain::questionnaire::{Question, QuestionKind};
use juryn_domain::{Lang, LocalizedText, Slug, format_time};
use juryn_store::{FollowUpRefusal, FollowUpSource};

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::respond::{form_page, redirect};
use crate::timefield::{local_value, parse_local};

/// The set-up as typed.
#[derive(Clone, Default)]
pub struct Typed {
    pub after_round: String,
    pub closes: String,
    pub prompt_sv: String,
    pub prompt_en: String,
    /// One per line, "Svenska | English".
    pub indicators: String,
    pub comment_sv: String,
    pub comment_en: String,
}

/// One municipality of the cut and where its answers stand.
pub struct StatusRow {
    pub name: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "admin_follow_up.html")]
struct FollowUpPage {
    l: crate::layout::Layout,
    csrf: String,
    action: String,
    /// The rounds a follow-up may follow: (position, name).
    cuts: Vec<(String, String)>,
    typed: Typed,
    statuses: Vec<StatusRow>,
    errors: Vec<String>,
    import_errors: Vec<String>,
}

fn typed_of(f: &FollowUp) -> Typed {
    let mut typed = Typed {
        after_round: f.after_round.to_string(),
        closes: local_value(Some(f.closes_at)),
        ..Typed::default()
    };
    for q in &f.questions {
        match &q.kind {
            QuestionKind::Maturity { indicators } => {
                typed.prompt_sv = q.prompt.sv.clone();
                typed.prompt_en = q.prompt.en.clone().unwrap_or_default();
                typed.indicators = indicators
                    .iter()
                    .map(|i| match &i.en {
                        Some(en) => format!("{} | {en}", i.sv),
                        None => i.sv.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
            }
            _ => {
                typed.comment_sv = q.prompt.sv.clone();
                typed.comment_en = q.prompt.en.clone().unwrap_or_default();
            }
        }
    }
    typed
}

/// What `render` shows besides the stored state: the status, what was typed, the problems.
pub struct Shown {
    pub status: StatusCode,
    pub typed: Option<Typed>,
    pub errors: Vec<String>,
    pub import_errors: Vec<String>,
}

impl Shown {
    pub fn ok() -> Shown {
        Shown { status: StatusCode::OK, typed: None, errors: vec![], import_errors: vec![] }
    }
}

pub async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    shown: Shown,
) -> Result<Response, WebError> {
    let (award, _) = award_and_edition(&*app.store, slug, year).await?;
    let rounds = app.store.rounds(slug, year).await?;
    let follow_up = app.store.follow_up(slug, year).await?;
    let cuts = rounds
        .iter()
        .enumerate()
        .take(rounds.len().saturating_sub(1))
        .map(|(i, r)| ((i + 1).to_string(), r.name.get(lang).to_owned()))
        .collect();
    let typed = shown.typed.unwrap_or_else(|| follow_up.as_ref().map(typed_of).unwrap_or_default());
    let statuses = match &follow_up {
        Some(f) => statuses(app, lang, (slug, year), f).await?,
        None => Vec::new(),
    };
    let action = format!("/admin/{slug}/{year}/uppfoljning");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("admin-follow-up-heading", "admin-follow-up-title"),
        action.clone(),
    );
    let (errors, import_errors) = (shown.errors, shown.import_errors);
    form_page(app, headers, shown.status, |csrf| FollowUpPage {
        l,
        csrf,
        action,
        cuts,
        typed,
        statuses,
        errors,
        import_errors,
    })
}

/// Each municipality of the cut the follow-up is for, and whether (and how) it has answered.
async fn statuses(
    app: &AppState,
    lang: Lang,
    (slug, year): (&Slug, i16),
    f: &FollowUp,
) -> Result<Vec<StatusRow>, WebError> {
    let cuts = app.store.cuts(slug, year).await?;
    let answers = app.store.follow_up_answers(slug, year).await?;
    let Some(cut) = cuts.iter().find(|c| c.position == f.after_round) else { return Ok(Vec::new()) };
    Ok(cut
        .codes()
        .into_iter()
        .map(|c| {
            let status = match answers.iter().find(|a| a.municipality == c) {
                Some(a) => {
                    let key = match a.source {
                        FollowUpSource::Portal => "admin-follow-up-answered",
                        FollowUpSource::Import => "admin-follow-up-imported",
                    };
                    t_args(lang, key, &[("time", format_time(a.saved_at, lang))])
                }
                None => t(lang, "admin-follow-up-waiting"),
            };
            StatusRow { name: juryn_domain::municipality::name_of(c), status }
        })
        .collect())
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "uppfoljning")?;
    render(&app, &headers, lang, (&slug, year), Shown::ok()).await
}

fn text(sv: &str, en: &str) -> LocalizedText {
    LocalizedText { sv: sv.trim().to_owned(), en: Some(en.trim().to_owned()).filter(|e| !e.is_empty()) }
}

/// The follow-up the form says, or what to fix.
fn read(lang: Lang, typed: &Typed) -> Result<FollowUp, Vec<String>> {
    let mut errors = Vec::new();
    let after_round = typed.after_round.parse::<u16>().unwrap_or(0);
    let closes_at = parse_local(&typed.closes).flatten();
    if closes_at.is_none() {
        errors.push(t(lang, "admin-follow-up-error-closes"));
    }
    let indicators: Vec<LocalizedText> = typed
        .indicators
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| match l.split_once('|') {
            Some((sv, en)) => text(sv, en),
            None => text(l, ""),
        })
        .collect();
    let mut questions = Vec::new();
    if !indicators.is_empty() {
        if typed.prompt_sv.trim().is_empty() {
            errors.push(t(lang, "admin-follow-up-error-prompt"));
        }
        questions.push(Question {
            prompt: text(&typed.prompt_sv, &typed.prompt_en),
            help: LocalizedText::default(),
            kind: QuestionKind::Maturity { indicators },
            required: true,
        });
    }
    if !typed.comment_sv.trim().is_empty() {
        let comment = Question::long_text(text(&typed.comment_sv, &typed.comment_en), Some(500));
        questions.push(Question { required: false, ..comment });
    }
    match closes_at {
        Some(closes_at) if errors.is_empty() => Ok(FollowUp { after_round, closes_at, questions }),
        _ => Err(errors),
    }
}

pub async fn save(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "uppfoljning")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let value = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default();
    let typed = Typed {
        after_round: value("after_round"),
        closes: value("closes"),
        prompt_sv: value("prompt_sv"),
        prompt_en: value("prompt_en"),
        indicators: value("indicators"),
        comment_sv: value("comment_sv"),
        comment_en: value("comment_en"),
    };
    let refused = |errors: Vec<String>, typed: Typed| Shown {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        typed: Some(typed),
        errors,
        import_errors: vec![],
    };
    let follow_up = match read(lang, &typed) {
        Ok(f) => f,
        Err(errors) => return render(&app, &headers, lang, (&slug, year), refused(errors, typed)).await,
    };
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    let key = match app.store.put_follow_up(&slug, year, &follow_up, &actor).await? {
        Ok(()) => return Ok(redirect(&format!("/admin/{slug}/{year}/uppfoljning"), vec![])),
        Err(FollowUpRefusal::Setup(SetupProblem::NoQuestion)) => "admin-follow-up-error-empty",
        Err(FollowUpRefusal::Setup(SetupProblem::NoSuchCut)) => "admin-follow-up-error-round",
        Err(_) => "admin-follow-up-error-answered",
    };
    render(&app, &headers, lang, (&slug, year), refused(vec![t(lang, key)], typed)).await
}
