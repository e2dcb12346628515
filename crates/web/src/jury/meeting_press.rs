//! `POST /jury/{award}/{year}/mote`: what the jury does in the meeting — a ballot, the citation's
//! draft and approvals, and the seal, each its own function; the page itself is `meeting`.

use super::meeting::{MAX_CITATION_CHARS, allowed, edition_of, is_chair, render, sorted_ballots, votes};
use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer, Viewer};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::respond::redirect;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::deliberation::{self, SealProblem};
use juryn_domain::municipality::name_of;
use juryn_domain::schulze::{self, Ballot};
use juryn_domain::seal::{Decision, Method, ballots_sha256};
use juryn_domain::{Action, Lang, MunicipalityCode, Slug};
use juryn_store::{BallotRefusal, DecisionRefusal, NewDecision};

/// What a press on the meeting page needs: the app, the reader, the request and the edition.
struct Press<'a> {
    app: &'a AppState,
    headers: &'a HeaderMap,
    lang: Lang,
    v: &'a Viewer,
    edition: (&'a Slug, i16, &'a juryn_domain::Edition),
    pairs: &'a [(String, String)],
}

impl Press<'_> {
    fn field(&self, k: &str) -> String {
        self.pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    fn nominees(&self) -> &[MunicipalityCode] {
        &self.edition.2.nominees
    }

    /// The page again, with what went wrong.
    async fn again(&self, status: StatusCode, errors: Vec<String>) -> Result<Response, WebError> {
        let (slug, year, _) = self.edition;
        render(self.app, self.headers, self.lang, (self.v, slug, year), (status, errors, None)).await
    }
}

/// `POST /jury/{award}/{year}/mote`: a ballot, the citation's draft or approval, or the seal.
pub async fn act(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (slug, year) = edition_of(&viewer, key)?;
    let v = viewer.0.as_ref().ok_or(WebError::Forbidden)?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let (_, edition) = award_and_edition(&*app.store, &slug, year).await?;
    let press =
        Press { app: &app, headers: &headers, lang, v, edition: (&slug, year, &edition), pairs: &pairs };
    let op = press.field("op");
    let refused = match op.as_str() {
        "vote" => vote(&press).await?,
        "draft" => draft(&press).await?,
        "approve" => approve(&press).await?,
        "decide" => decide_winner(&press).await?,
        _ => return Err(WebError::BadRequest),
    };
    if let Some(response) = refused {
        return Ok(response);
    }
    let done = match op.as_str() {
        "decide" => "?klart=forseglat",
        "vote" => "?klart=rost",
        "approve" => "?klart=godkant",
        _ => "",
    };
    Ok(redirect(&format!("/jury/{slug}/{year}/mote{done}"), vec![]))
}

/// A juror's ranked ballot. `Some(page)` when it is refused.
async fn vote(p: &Press<'_>) -> Result<Option<Response>, WebError> {
    let (slug, year, _) = p.edition;
    let (lang, nominees) = (p.lang, p.nominees());
    if !votes(p.v, slug, year, nominees) {
        return p.again(StatusCode::FORBIDDEN, vec![t(lang, "meeting-error-no-vote")]).await.map(Some);
    }
    let ranking: Vec<Option<MunicipalityCode>> = (1..=nominees.len())
        .map(|place| p.field(&format!("place-{place}")))
        .filter(|c| !c.trim().is_empty())
        .map(|c| MunicipalityCode::parse(c.trim()).ok().filter(|c| nominees.contains(c)))
        .collect();
    let index = |c: &MunicipalityCode| nominees.iter().position(|n| n == c).unwrap_or(usize::MAX);
    let ballot = Ballot(ranking.iter().map(|c| c.as_ref().map_or(usize::MAX, index)).collect());
    if let Err(problem) = ballot.validate(nominees.len()) {
        let text = match problem {
            schulze::InvalidBallot::Duplicate(i) => {
                t_args(lang, "meeting-error-duplicate", &[("name", name_of(nominees[i]))])
            }
            schulze::InvalidBallot::Unknown(_) => t(lang, "meeting-error-unknown"),
            schulze::InvalidBallot::Empty => t(lang, "meeting-error-empty"),
        };
        return p.again(StatusCode::UNPROCESSABLE_ENTITY, vec![text]).await.map(Some);
    }
    let ranking: Vec<MunicipalityCode> = ranking.into_iter().flatten().collect();
    let (status, key) =
        match p.app.store.cast_ballot(slug, year, p.v.user.id, &ranking, &p.v.stamp(p.app.now())).await? {
            Ok(()) => return Ok(None),
            Err(BallotRefusal::Closed) => (StatusCode::CONFLICT, "meeting-error-closed"),
            Err(BallotRefusal::Conflicted) => (StatusCode::FORBIDDEN, "meeting-error-no-vote"),
        };
    p.again(status, vec![t(lang, key)]).await.map(Some)
}

/// The chair's draft of the citation.
async fn draft(p: &Press<'_>) -> Result<Option<Response>, WebError> {
    let (slug, year, _) = p.edition;
    if !is_chair(p.v, slug, year) {
        return Err(WebError::Forbidden);
    }
    let text = p.field("citation");
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_CITATION_CHARS {
        let e = t_args(p.lang, "meeting-error-citation", &[("max", MAX_CITATION_CHARS.to_string())]);
        return p.again(StatusCode::UNPROCESSABLE_ENTITY, vec![e]).await.map(Some);
    }
    p.app.store.draft_citation(slug, year, text, &p.v.stamp(p.app.now())).await?;
    Ok(None)
}

/// A juror's approval of the citation's version they read.
async fn approve(p: &Press<'_>) -> Result<Option<Response>, WebError> {
    let (slug, year, _) = p.edition;
    if !allowed(p.v, &Action::ApproveCitation { award: slug, year, nominees: p.nominees() }) {
        return Err(WebError::Forbidden);
    }
    let version = p.field("version").parse::<i64>().unwrap_or(-1);
    if !p.app.store.approve_citation(slug, year, p.v.user.id, version, &p.v.stamp(p.app.now())).await? {
        return p.again(StatusCode::CONFLICT, vec![t(p.lang, "meeting-error-stale")]).await.map(Some);
    }
    Ok(None)
}

/// What stands in the way of the seal, in the chair's words.
fn seal_problem_text(lang: Lang, problem: &SealProblem) -> String {
    match problem {
        SealProblem::Closed => t(lang, "meeting-error-closed"),
        SealProblem::NoCitation => t(lang, "meeting-error-no-citation"),
        SealProblem::Unapproved(n) => t_args(lang, "meeting-error-unapproved", &[("count", n.to_string())]),
        SealProblem::NoAnnouncement => t(lang, "meeting-error-no-announcement"),
        SealProblem::NoBallots => t(lang, "meeting-error-no-ballots"),
        SealProblem::NoWinner => t(lang, "meeting-error-winner"),
    }
}

/// The meeting as the seal's rule needs it, read from the store.
async fn read_meeting(
    p: &Press<'_>,
) -> Result<(juryn_store::Citation, Method, Vec<i64>, Vec<Vec<MunicipalityCode>>, bool), WebError> {
    let (slug, year, _) = p.edition;
    let store = &p.app.store;
    let nominees = p.nominees();
    let members = store.jury_members(slug, year).await?;
    let register = store.conflict_register(slug, year).await?;
    let approvers = members
        .iter()
        .filter(|m| !register.iter().any(|c| c.user_id == m.user_id && nominees.contains(&c.municipality)))
        .map(|m| m.user_id)
        .collect();
    // Only the ballots that count are counted and sealed.
    let ballots = sorted_ballots(p.app, p.lang, (slug, year), nominees).await?.counted;
    let ballots = ballots.into_iter().map(|(_, _, r)| r).collect();
    let sealed = store.decision(slug, year).await?.is_some();
    Ok((
        store.citation(slug, year).await?,
        store.decision_method(slug, year).await?,
        approvers,
        ballots,
        sealed,
    ))
}

/// The chair seals the decision, after a confirmation page: `deliberation::to_seal` says
/// whether and what; the store writes it only if the edition is still deliberating and unsealed.
async fn decide_winner(p: &Press<'_>) -> Result<Option<Response>, WebError> {
    let (slug, year, edition) = p.edition;
    if !is_chair(p.v, slug, year) {
        return Err(WebError::Forbidden);
    }
    let (citation, method, approvers, ballots, sealed) = read_meeting(p).await?;
    let approved_by: Vec<i64> = citation.approved_by.iter().map(|(u, _)| *u).collect();
    let meeting = deliberation::Meeting {
        phase: edition.phase,
        sealed,
        method,
        nominees: p.nominees(),
        citation: &citation.text,
        approved_by: &approved_by,
        approvers: &approvers,
        announce_at: edition.announce_at,
        ballots: &ballots,
        named_winner: MunicipalityCode::parse(p.field("winner").trim()).ok(),
    };
    let to_seal = match deliberation::to_seal(&meeting) {
        Ok(s) => s,
        Err(problems) => {
            let status = if problems == [SealProblem::Closed] {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let errors = problems.iter().map(|e| seal_problem_text(p.lang, e)).collect();
            return p.again(status, errors).await.map(Some);
        }
    };
    if !crate::confirm::confirmed(p.pairs) {
        let question = crate::confirm::Question {
            heading: t(p.lang, "confirm-seal-title"),
            what: t_args(p.lang, "confirm-seal-text", &[("winner", name_of(to_seal.winner))]),
            button: t(p.lang, "confirm-seal-button"),
        };
        let here = format!("/jury/{slug}/{year}/mote");
        return crate::confirm::ask(p.app, p.headers, p.lang, question, (&here, &here), p.pairs).map(Some);
    }
    // A joint entry's name goes into the seal with its code: the sealed decision names the entry.
    let joint_name =
        juryn_domain::joint::entry_of(&p.app.store.joint_entries(slug, year).await?, to_seal.winner)
            .filter(|j| j.lead() == to_seal.winner)
            .map(|j| j.name.clone());
    let decision = Decision {
        award: slug.clone(),
        ballots_sha256: to_seal.ballots.as_ref().map(|b| ballots_sha256(b)),
        citation: citation.text.clone(),
        method,
        winner: to_seal.winner,
        winner_name: joint_name,
        year,
    };
    let mut nonce = [0u8; 32];
    getrandom::fill(&mut nonce)?;
    let new = NewDecision {
        method,
        winner: to_seal.winner,
        citation: citation.text,
        ballots: to_seal.ballots,
        seal: decision.seal(nonce),
        sealed_at: p.app.now(),
    };
    match p.app.store.record_decision(slug, year, &new, &p.v.stamp(p.app.now())).await? {
        Ok(()) => Ok(None),
        Err(DecisionRefusal::AlreadySealed | DecisionRefusal::NotDeliberating) => {
            p.again(StatusCode::CONFLICT, vec![t(p.lang, "meeting-error-closed")]).await.map(Some)
        }
    }
}
