//! `/jury/{award}/{year}/mote`: the jury meeting. The inputs side by side per nominee — the
//! review scores, the maturity self-assessment, the visit reports, a link to the answers — then
//! the decision: ranked ballots counted by the Schulze method (the pairwise matrix and the
//! strongest paths shown) or a recorded consensus, the citation the chair drafts and the jurors
//! approve, and the chair's recording of the decision, which seals it.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::ballots::SetAside;
use juryn_domain::deliberation::{self};
use juryn_domain::questionnaire::QuestionKind;
use juryn_domain::schulze::{self};
use juryn_domain::seal::Method;
use juryn_domain::{Action, Decision as Allowed, Lang, MunicipalityCode, Phase, Slug, decide};

use crate::app::AppState;
use crate::auth::{MaybeViewer, Viewer, require_on_edition};
use crate::cache::PageKey;
use crate::cached_page::signed_in_form;
use crate::edition_words::phase_text;
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{CSRF_SLOT, with_csrf};
use juryn_domain::municipality::name_of;

/// How much of each answer the meeting shows beside the others.
const EXCERPT_CHARS: usize = 280;

/// The longest citation taken, in characters.
pub const MAX_CITATION_CHARS: usize = 3_000;

pub struct NomineeCard {
    pub name: String,
    pub href: String,
    pub reviews: String,
    /// The start of each answer, under its question: the full text is a click away.
    pub answers: Vec<(String, String)>,
    /// Each self-assessment: its question and (indicator, the scale's word) rows.
    pub maturity: Vec<(String, Vec<(String, String)>)>,
    /// (observations, [(question, answer)]) per reported visit.
    pub visits: Vec<(String, Vec<(String, String)>)>,
}

pub struct CountView {
    pub names: Vec<String>,
    /// Rows of the pairwise matrix and of the strongest paths: (name, cells).
    pub pairwise: Vec<(String, Vec<String>)>,
    pub strongest: Vec<(String, Vec<String>)>,
    pub winner: String,
    pub tie_note: Option<String>,
}

/// One place on the ballot form: its number, and each nominee (code, name, chosen there).
pub type Place = (usize, Vec<(String, String, bool)>);

#[derive(Template)]
#[template(path = "jury_meeting.html")]
struct MeetingPage {
    l: Layout,
    csrf: String,
    action: String,
    phase: String,
    deliberating: bool,
    schulze: bool,
    cards: Vec<NomineeCard>,
    /// Places 1..n, each with the nominees and which one this juror put there.
    ballot: Vec<Place>,
    may_vote: bool,
    voted: bool,
    ballots_cast: String,
    /// Ballots that do not count, with why.
    set_aside: Vec<String>,
    count: Option<CountView>,
    /// Whether the citation may be shown (a juror conflicted with a nominee reads it only once
    /// it is public).
    sees_decision: bool,
    citation: String,
    citation_version: i64,
    approvals: String,
    may_approve: bool,
    approved: bool,
    is_chair: bool,
    nominees: Vec<(String, String)>,
    errors: Vec<String>,
}

pub(super) fn edition_of(viewer: &MaybeViewer, key: EditionKey) -> Result<(Slug, i16), WebError> {
    let here = key.page("/jury", "mote");
    require_on_edition(viewer, key, &here, |award, year| Action::OpenMeeting { award, year })
}

/// The ballots that count, and those set aside with the reason as the page says it: a ballot
/// counts only while its voter is on the jury and has no conflict with any nominee.
pub(crate) struct SortedBallots {
    pub counted: Vec<(i64, String, Vec<MunicipalityCode>)>,
    pub set_aside: Vec<String>,
}

pub(super) async fn sorted_ballots(
    app: &AppState,
    lang: Lang,
    (slug, year): (&Slug, i16),
    nominees: &[MunicipalityCode],
) -> Result<SortedBallots, WebError> {
    let ballots = app.store.ballots(slug, year).await?;
    let jury: Vec<i64> = app.store.jury_members(slug, year).await?.iter().map(|m| m.user_id).collect();
    let conflicts: Vec<(i64, MunicipalityCode)> =
        app.store.conflict_register(slug, year).await?.iter().map(|c| (c.user_id, c.municipality)).collect();
    let voters: Vec<i64> = ballots.iter().map(|(u, _, _)| *u).collect();
    let verdicts = juryn_domain::ballots::verdicts(&voters, &jury, &conflicts, nominees);
    let mut sorted = SortedBallots { counted: Vec::new(), set_aside: Vec::new() };
    for (ballot, verdict) in ballots.into_iter().zip(verdicts) {
        match verdict {
            None => sorted.counted.push(ballot),
            Some(SetAside::NotOnJury) => {
                sorted.set_aside.push(t_args(lang, "meeting-set-aside-revoked", &[("name", ballot.1)]));
            }
            Some(SetAside::Conflicted(m)) => sorted.set_aside.push(t_args(
                lang,
                "meeting-set-aside-conflicted",
                &[("name", ballot.1), ("municipality", name_of(m))],
            )),
        }
    }
    Ok(sorted)
}

/// Whether the rules allow the viewer `action`.
pub(super) fn allowed(v: &Viewer, action: &Action<'_>) -> bool {
    decide(Some(&v.actor), action) == Allowed::Allow
}

pub(super) fn is_chair(v: &Viewer, slug: &Slug, year: i16) -> bool {
    allowed(v, &Action::ChairMeeting { award: slug, year })
}

pub(super) fn votes(v: &Viewer, slug: &Slug, year: i16, nominees: &[MunicipalityCode]) -> bool {
    allowed(v, &Action::Vote { award: slug, year, nominees })
}

fn count_view(lang: Lang, nominees: &[MunicipalityCode], c: &schulze::Count) -> CountView {
    let names: Vec<String> = nominees.iter().map(|n| name_of(*n)).collect();
    let rows = |m: &[Vec<u32>]| {
        m.iter()
            .enumerate()
            .map(|(i, row)| {
                (
                    names[i].clone(),
                    row.iter()
                        .enumerate()
                        .map(|(j, x)| if i == j { "–".into() } else { x.to_string() })
                        .collect(),
                )
            })
            .collect()
    };
    CountView {
        pairwise: rows(&c.pairwise),
        strongest: rows(&c.strongest),
        winner: names[c.winner].clone(),
        tie_note: c.tie_broken.then(|| t(lang, "meeting-tie-broken")),
        names,
    }
}

/// The nominees the reader has no conflict with, each as a card: the reviews' mean, excerpts of
/// the long answers, the self-assessments, and the visits' reports.
async fn nominee_cards(
    app: &AppState,
    lang: Lang,
    (v, slug, year): (&Viewer, &Slug, i16),
    nominees: &[MunicipalityCode],
) -> Result<Vec<NomineeCard>, WebError> {
    let questions = app.store.questions(slug, year).await?;
    // The nominees' entries and reviews only: the edition's every answer is megabytes.
    let (mut entries, mut reviews) = (Vec::new(), Vec::new());
    for n in nominees {
        entries.extend(app.store.entry(slug, year, *n).await?);
        reviews.extend(app.store.reviews_of(slug, year, *n).await?);
    }
    let visits = app.store.visits(slug, year).await?;
    let criteria: Vec<_> = app.store.criteria(slug, year).await?;
    let follow_up = app.store.follow_up(slug, year).await?;
    let followed = app.store.follow_up_answers(slug, year).await?;
    Ok(nominees
        .iter()
        .filter(|n| !v.actor.conflicted(slug, year, **n))
        .map(|n| {
            let scores: Vec<f64> = reviews
                .iter()
                .filter(|r| r.municipality == *n && r.submitted_at.is_some())
                .filter_map(|r| {
                    let s: Option<Vec<u8>> = r.scores.iter().map(|s| s.score).collect();
                    juryn_domain::ranking::combine(&criteria, &s?)
                })
                .collect();
            let mean = if scores.is_empty() { 0.0 } else { scores.iter().sum::<f64>() / scores.len() as f64 };
            let entry = entries.iter().find(|e| e.municipality == *n);
            NomineeCard {
                name: name_of(*n),
                href: format!("/jury/{slug}/{year}/bidrag/{n}"),
                reviews: t_args(
                    lang,
                    "meeting-reviews",
                    &[("count", scores.len().to_string()), ("mean", super::ranking::points(mean, lang))],
                ),
                answers: questions
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| matches!(q.kind, QuestionKind::LongText { .. }))
                    .map(|(i, q)| {
                        let a = entry.and_then(|e| e.answers.get(i)).map_or("", String::as_str);
                        let mut excerpt: String = a.chars().take(EXCERPT_CHARS).collect();
                        if a.chars().count() > EXCERPT_CHARS {
                            excerpt.push('…');
                        }
                        (q.prompt.get(lang).to_owned(), excerpt)
                    })
                    .collect(),
                maturity: questions
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| matches!(q.kind, QuestionKind::Maturity { .. }))
                    .map(|(i, q)| {
                        let a = entry.and_then(|e| e.answers.get(i)).map_or("", String::as_str);
                        (q.prompt.get(lang).to_owned(), crate::answer_view::assessment(lang, q, a))
                    })
                    .chain(follow_up_tables(
                        lang,
                        follow_up.as_ref(),
                        followed.iter().find(|f| f.municipality == *n),
                    ))
                    .collect(),
                visits: visits
                    .iter()
                    .filter(|x| x.plan.nominee == *n)
                    .filter_map(|x| x.report.as_ref())
                    .map(|r| (r.observations.clone(), r.answers.clone()))
                    .collect(),
            }
        })
        .collect())
}

/// The follow-up's self-assessments of one nominee as (caption, rows), captioned as the
/// follow-up's ("Uppföljning: Digital mognad").
fn follow_up_tables(
    lang: Lang,
    follow_up: Option<&juryn_domain::follow_up::FollowUp>,
    answers: Option<&juryn_store::FollowUpAnswers>,
) -> Vec<(String, Vec<(String, String)>)> {
    let (Some(f), Some(a)) = (follow_up, answers) else { return Vec::new() };
    f.questions
        .iter()
        .zip(&a.answers)
        .filter(|(q, _)| matches!(q.kind, QuestionKind::Maturity { .. }))
        .map(|(q, stored)| {
            let caption = format!("{}: {}", t(lang, "follow-up-section"), q.prompt.get(lang));
            (caption, crate::answer_view::assessment(lang, q, stored))
        })
        .collect()
}

/// Who has approved the citation, in words.
fn approvals_text(lang: Lang, citation: &juryn_store::Citation) -> String {
    let names = if citation.approved_by.is_empty() {
        t(lang, "meeting-no-one")
    } else {
        citation.approved_by.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", ")
    };
    t_args(lang, "meeting-approvals", &[("names", names)])
}

pub(super) async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (v, slug, year): (&Viewer, &Slug, i16),
    (status, errors, notice): (StatusCode, Vec<String>, Option<String>),
) -> Result<Response, WebError> {
    // The page as it stands, for this reader (their ballot, what the rules let them see: their
    // account, grants and conflicts), kept until the next write or the announcement. A page
    // with a refusal or a notice is the answer to one request, never kept.
    if status == StatusCode::OK && errors.is_empty() && notice.is_none() {
        let key = format!("meeting|{slug}|{year}|{lang:?}|{}|{:?}", v.user.id, v.actor);
        let render = || html(app, lang, (v, slug, year), (errors, notice));
        return signed_in_form(app, headers, PageKey::JuryArea(key), render).await;
    }
    let (page, _) = html(app, lang, (v, slug, year), (errors, notice)).await?;
    Ok(with_csrf(app, headers, status, &page))
}

/// The page with `CSRF_SLOT` for its token, and until when it may be kept.
async fn html(
    app: &AppState,
    lang: Lang,
    (v, slug, year): (&Viewer, &Slug, i16),
    (errors, notice): (Vec<String>, Option<String>),
) -> Result<(String, Option<jiff::Timestamp>), WebError> {
    let (award, edition) = award_and_edition(&*app.store, slug, year).await?;
    let valid_until = edition.next_visibility_change(app.now());
    let nominees = edition.nominees.clone();
    let cards = nominee_cards(app, lang, (v, slug, year), &nominees).await?;
    let SortedBallots { counted: ballots, set_aside } =
        sorted_ballots(app, lang, (slug, year), &nominees).await?;
    let mine = ballots.iter().find(|(u, _, _)| *u == v.user.id).map(|(_, _, r)| r.clone());
    let ballot = (1..=nominees.len())
        .map(|place| {
            let chosen = mine.as_ref().and_then(|r| r.get(place - 1));
            (place, nominees.iter().map(|n| (n.to_string(), name_of(*n), chosen == Some(n))).collect())
        })
        .collect();
    let method = app.store.decision_method(slug, year).await?;
    let decided = app.store.decision(slug, year).await?.is_some();
    let chair = is_chair(v, slug, year);
    let public = edition.visibility(app.now()).winner;
    // The rules say who sees the count: the chair and organisers while the jury votes, the
    // jurors with no conflict with a nominee once decided, the whole jury once it is public.
    let sees_count =
        allowed(v, &Action::SeeCount { award: slug, year, nominees: &nominees, decided, public });
    let sees_decision = public || allowed(v, &Action::SeeDecision { award: slug, year, nominees: &nominees });
    let rankings: Vec<Vec<MunicipalityCode>> = ballots.iter().map(|(_, _, r)| r.clone()).collect();
    let count = (sees_count && !ballots.is_empty())
        .then(|| deliberation::count(&nominees, &rankings).ok())
        .flatten()
        .map(|c| count_view(lang, &nominees, &c));
    let mut citation = app.store.citation(slug, year).await?;
    if !sees_decision {
        citation = juryn_store::Citation::default();
    }
    let deliberating = edition.phase == Phase::Deliberation && !decided;
    let action = format!("/jury/{slug}/{year}/mote");
    let heading = t_args(lang, "meeting-title", &[("edition", format!("{} {year}", award.name.get(lang)))]);
    let l = Layout::new(lang, heading, action.clone())
        .crumb(t(lang, "jury-crumb"), format!("/jury/{slug}/{year}"))
        .crumb(t(lang, "meeting-crumb"), "")
        .with_notice(notice);
    let page = MeetingPage {
        l,
        csrf: CSRF_SLOT.to_owned(),
        action,
        phase: phase_text(lang, edition.phase),
        deliberating,
        schulze: method == Method::Schulze,
        cards,
        ballot,
        may_vote: deliberating && votes(v, slug, year, &nominees),
        voted: mine.is_some(),
        ballots_cast: t_args(lang, "meeting-ballots-cast", &[("count", ballots.len().to_string())]),
        set_aside: if sees_count { set_aside } else { Vec::new() },
        count,
        sees_decision,
        approvals: approvals_text(lang, &citation),
        citation: citation.text,
        citation_version: citation.version,
        may_approve: deliberating
            && allowed(v, &Action::ApproveCitation { award: slug, year, nominees: &nominees })
            && citation.version > 0,
        approved: citation.approved_by.iter().any(|(u, _)| *u == v.user.id),
        is_chair: chair && deliberating,
        nominees: nominees.iter().map(|n| (n.to_string(), name_of(*n))).collect(),
        errors,
    };
    Ok((page.render()?, valid_until))
}

/// `?klart=…` after an action.
#[derive(serde::Deserialize, Default)]
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
    let (slug, year) = edition_of(&viewer, key)?;
    let v = viewer.0.as_ref().ok_or(WebError::Forbidden)?;
    // Just sealed: the page says so, with the seal.
    let notice = match q.klart.as_deref() {
        Some("forseglat") => app
            .store
            .decision(&slug, year)
            .await?
            .map(|d| t_args(lang, "meeting-sealed-now", &[("commitment", d.seal.commitment)])),
        // After a ballot or an approval the page says it was kept, not only that the count moved.
        Some("rost") => Some(t(lang, "meeting-ballot-saved")),
        Some("godkant") => Some(t(lang, "meeting-approval-saved")),
        _ => None,
    };
    render(&app, &headers, lang, (v, &slug, year), (StatusCode::OK, vec![], notice)).await
}
