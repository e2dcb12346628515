//! An entry as a page: the questions and the municipality's answers. Shared by the entrants'
//! portal and the jury's area; each checks the rules before it renders.

use askama::Template;
use axum::response::{Html, IntoResponse, Response};
use juryn_domain::{Lang, Slug};
use juryn_store::EntryContent;

use crate::app::AppState;
use crate::error::WebError;
use crate::i18n::t;
use crate::layout::Layout;

pub struct AnswerView {
    pub question: String,
    /// The answer as sanitised HTML (see `markdown`).
    pub html: String,
}

#[derive(Template)]
#[template(path = "entry.html")]
struct EntryPage {
    l: Layout,
    heading: String,
    edition: String,
    status: String,
    example: bool,
    answers: Vec<AnswerView>,
}

/// The entry's heading (the municipality), its edition's name, and its answers under their
/// questions.
pub async fn answers(
    app: &AppState,
    lang: Lang,
    (award, year): (&Slug, i16),
    entry: &EntryContent,
) -> Result<(String, String, Vec<AnswerView>), WebError> {
    let questions = app.store.questions(award, year).await?;
    let name = juryn_domain::municipality::name_of(entry.municipality);
    let award_name =
        app.store.award(award).await?.map_or_else(|| award.to_string(), |a| a.name.get(lang).to_owned());
    let answers = questions
        .iter()
        .enumerate()
        .map(|(i, q)| AnswerView {
            question: q.prompt.get(lang).to_owned(),
            html: crate::answer_view::html(lang, q, entry.answers.get(i).map_or("", String::as_str)),
        })
        .collect();
    Ok((name, format!("{award_name} {year}"), answers))
}

/// A follow-up's answers as the jury reads them: where they came from, and each question with
/// its answer (a self-assessment as a table of indicators and the scale's words).
pub struct FollowUpView {
    pub title: String,
    pub note: String,
    pub answers: Vec<AnswerView>,
}

/// The municipality's follow-up, if the edition has one and the municipality was selected for
/// it (answered or not).
pub async fn follow_up(
    app: &AppState,
    lang: Lang,
    (award, year): (&Slug, i16),
    code: juryn_domain::MunicipalityCode,
) -> Result<Option<FollowUpView>, WebError> {
    let Some(f) = app.store.follow_up(award, year).await? else { return Ok(None) };
    let cuts = app.store.cuts(award, year).await?;
    if !cuts.iter().any(|c| c.position == f.after_round && c.codes().contains(&code)) {
        return Ok(None);
    }
    let stored = app.store.follow_up_answers(award, year).await?.into_iter().find(|a| a.municipality == code);
    let note = match &stored {
        Some(a) => {
            let key = match a.source {
                juryn_store::FollowUpSource::Import => "follow-up-source-import",
                juryn_store::FollowUpSource::Portal => "follow-up-source-portal",
            };
            crate::i18n::t_args(lang, key, &[("time", juryn_domain::format_time(a.saved_at, lang))])
        }
        None => t(lang, "follow-up-none"),
    };
    let answers = match &stored {
        Some(a) => f
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| AnswerView {
                question: q.prompt.get(lang).to_owned(),
                html: crate::answer_view::html(lang, q, a.answers.get(i).map_or("", String::as_str)),
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(Some(FollowUpView { title: t(lang, "follow-up-section"), note, answers }))
}

/// A confirmed nomination as the jury reads it: who (never their address), why, and their
/// answers to the questionnaire's questions where they gave some.
pub struct NominationView {
    pub who: String,
    pub when: String,
    pub reason: String,
    pub answers: Vec<AnswerView>,
}

/// What the jury reads beside an entry's answers: who nominated it and why, and the follow-up.
pub struct Beside {
    pub nominations: Vec<NominationView>,
    pub follow_up: Option<FollowUpView>,
}

pub async fn beside(
    app: &AppState,
    lang: Lang,
    edition: (&Slug, i16),
    code: juryn_domain::MunicipalityCode,
) -> Result<Beside, WebError> {
    Ok(Beside {
        nominations: nominations(app, lang, edition, code).await?,
        follow_up: follow_up(app, lang, edition, code).await?,
    })
}

/// The municipality's confirmed nominations, oldest first.
pub async fn nominations(
    app: &AppState,
    lang: Lang,
    (award, year): (&Slug, i16),
    code: juryn_domain::MunicipalityCode,
) -> Result<Vec<NominationView>, WebError> {
    let all = app.store.nominations(award, year).await?;
    let mine: Vec<_> =
        all.into_iter().filter(|n| n.municipality == code && n.confirmed_at.is_some()).collect();
    let questions = if mine.iter().any(|n| !n.answers.is_empty()) {
        app.store.questions(award, year).await?
    } else {
        Vec::new()
    };
    Ok(mine
        .into_iter()
        .map(|n| NominationView {
            who: crate::names::nominator_text(lang, &n.nominator_name, &n.nominator),
            when: juryn_domain::format_time(n.created_at, lang),
            answers: questions
                .iter()
                .zip(&n.answers)
                .filter(|(_, a)| !a.is_empty())
                .map(|(q, a)| AnswerView {
                    question: q.prompt.get(lang).to_owned(),
                    html: crate::answer_view::html(lang, q, a),
                })
                .collect(),
            reason: n.reason,
        })
        .collect())
}

pub async fn render(
    app: &AppState,
    lang: Lang,
    edition: (&Slug, i16),
    entry: &EntryContent,
    path: String,
    crumb: (String, String),
) -> Result<Response, WebError> {
    let (name, edition, answers) = answers(app, lang, edition, entry).await?;
    let page = EntryPage {
        l: Layout::new(lang, name.clone(), path).crumb(crumb.0, crumb.1).crumb(name.clone(), ""),
        heading: name,
        edition,
        status: t(lang, &format!("status-{}", entry.status.as_str())),
        example: entry.is_example,
        answers,
    };
    let html = page.render()?;
    Ok(Html(html).into_response())
}
