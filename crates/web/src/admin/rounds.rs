//! `/admin/{award}/{year}/omgangar`: the jury's rounds (2021: "Nominering" five to ten, then
//! "Slutnominering" three to five), set up before the jury's first cut, and the publication of
//! each earlier round's cut at a chosen second (the last round's is the nominees' page). The
//! domain checks the rounds and the store the cut's time; nothing is half-written.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::round::{MAX_ROUNDS, Round, RoundsProblem};
use juryn_domain::{Lang, LocalizedText, Slug, format_time};
use juryn_store::RoundsRefusal;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::respond::{form_page, redirect};
use crate::timefield::parse_local;

/// One row of the form, as typed.
#[derive(Clone, Default)]
pub struct RoundRow {
    pub name_sv: String,
    pub name_en: String,
    pub least: String,
    pub most: String,
    pub wording_sv: String,
    pub wording_en: String,
}

/// An earlier round's cut: (position, name, who, public from — empty if not yet).
pub struct CutView {
    pub position: u16,
    pub name: String,
    pub names: String,
    pub public: String,
}

#[derive(Template)]
#[template(path = "admin_rounds.html")]
struct RoundsPage {
    l: crate::layout::Layout,
    csrf: String,
    action: String,
    rows: Vec<RoundRow>,
    editable: bool,
    cuts: Vec<CutView>,
    errors: Vec<String>,
}

fn row_of(r: &Round) -> RoundRow {
    RoundRow {
        name_sv: r.name.sv.clone(),
        name_en: r.name.en.clone().unwrap_or_default(),
        least: r.least.to_string(),
        most: r.most.to_string(),
        wording_sv: r.wording.sv.clone(),
        wording_en: r.wording.en.clone().unwrap_or_default(),
    }
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    (status, typed, errors): (StatusCode, Option<Vec<RoundRow>>, Vec<String>),
) -> Result<Response, WebError> {
    let (award, edition) = award_and_edition(&*app.store, slug, year).await?;
    let cuts = app.store.cuts(slug, year).await?;
    let mut rows = typed.unwrap_or(app.store.rounds(slug, year).await?.iter().map(row_of).collect());
    rows.resize(MAX_ROUNDS, RoundRow::default());
    let action = format!("/admin/{slug}/{year}/omgangar");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("admin-rounds-heading", "admin-rounds-title"),
        action.clone(),
    );
    let now = app.now();
    // Once a cut is recorded or the jury has moved on, the rounds are history.
    let editable = cuts.is_empty() && edition.phase <= juryn_domain::Phase::Shortlisting;
    let cuts = cuts
        .iter()
        .map(|c| CutView {
            position: c.position,
            name: c.round.name.get(lang).to_owned(),
            names: c
                .codes()
                .iter()
                .map(|m| juryn_domain::municipality::name_of(*m))
                .collect::<Vec<_>>()
                .join(", "),
            public: c
                .public_at
                .map(|at| {
                    let key =
                        if at <= now { "admin-rounds-public-since" } else { "admin-rounds-public-from" };
                    t_args(lang, key, &[("time", format_time(at, lang))])
                })
                .unwrap_or_default(),
        })
        .collect();
    form_page(app, headers, status, |csrf| RoundsPage { l, csrf, action, rows, editable, cuts, errors })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "omgangar")?;
    render(&app, &headers, lang, (&slug, year), (StatusCode::OK, None, vec![])).await
}

/// The rows typed, in order.
fn read_rows(pairs: &[(String, String)]) -> Vec<RoundRow> {
    let value = |key: String| {
        pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.trim().to_owned()).unwrap_or_default()
    };
    (0..MAX_ROUNDS)
        .map(|i| RoundRow {
            name_sv: value(format!("name_sv-{i}")),
            name_en: value(format!("name_en-{i}")),
            least: value(format!("least-{i}")),
            most: value(format!("most-{i}")),
            wording_sv: value(format!("wording_sv-{i}")),
            wording_en: value(format!("wording_en-{i}")),
        })
        .collect()
}

/// The rounds the rows say, or what is wrong with them (in the reader's language). Empty rows
/// are left out; one round alone is no rounds (the shortlist's bounds do).
fn rounds_of(lang: Lang, rows: &[RoundRow]) -> Result<Vec<Round>, String> {
    let filled: Vec<&RoundRow> =
        rows.iter().filter(|r| !(r.name_sv.is_empty() && r.least.is_empty() && r.most.is_empty())).collect();
    let mut rounds = Vec::new();
    for (i, r) in filled.iter().enumerate() {
        let n = (i + 1).to_string();
        let (Ok(least), Ok(most)) = (r.least.parse::<u16>(), r.most.parse::<u16>()) else {
            return Err(t_args(lang, "admin-rounds-error-number", &[("n", n)]));
        };
        let text = |sv: &str, en: &str| LocalizedText {
            sv: sv.to_owned(),
            en: Some(en.to_owned()).filter(|e| !e.is_empty()),
        };
        rounds.push(Round {
            name: text(&r.name_sv, &r.name_en),
            least,
            most,
            wording: text(&r.wording_sv, &r.wording_en),
        });
    }
    juryn_domain::round::check_rounds(&rounds).map_err(|p| problem_text(lang, p))?;
    Ok(if rounds.len() == 1 { Vec::new() } else { rounds })
}

fn problem_text(lang: Lang, p: RoundsProblem) -> String {
    let (key, n) = match p {
        RoundsProblem::Unnamed(n) => ("admin-rounds-error-name", n),
        RoundsProblem::Bounds(n) => ("admin-rounds-error-bounds", n),
        RoundsProblem::Exceeds(n) => ("admin-rounds-error-exceeds", n),
        RoundsProblem::TooMany => ("admin-rounds-error-many", MAX_ROUNDS),
    };
    t_args(lang, key, &[("n", n.to_string()), ("prev", n.saturating_sub(1).to_string())])
}

/// When a cut is published: each selected municipality's contacts are told, once per round,
/// that it went on, when that is public, and — if the follow-up is for this cut — what to
/// answer by when.
async fn tell_the_selected(
    app: &AppState,
    (slug, year, round): (&Slug, i16, u16),
    at: jiff::Timestamp,
    actor: &juryn_store::Stamp,
) -> Result<(), WebError> {
    let (award, _) = award_and_edition(&*app.store, slug, year).await?;
    let cuts = app.store.cuts(slug, year).await?;
    let Some(cut) = cuts.iter().find(|c| c.position == round) else { return Ok(()) };
    let follow_up = app.store.follow_up(slug, year).await?.filter(|f| f.after_round == round);
    let notice = format!("cut-{round}");
    for code in cut.codes() {
        for user in app.store.contacts_of(slug, year, code).await? {
            let lang = user.lang;
            let entry = app.store.entry_record(slug, year, code).await?;
            let follow = match (&follow_up, entry) {
                (Some(f), Some(e)) => t_args(
                    lang,
                    "mail-selected-follow-up",
                    &[
                        ("time", format_time(f.closes_at, lang)),
                        ("link", format!("{}/portal/bidrag/{}/uppfoljning", app.base_url, e.id)),
                    ],
                ),
                _ => String::new(),
            };
            let args = [
                ("name", user.name.clone()),
                ("municipality", juryn_domain::municipality::name_of(code)),
                ("edition", format!("{} {year}", award.name.get(lang))),
                ("round", cut.round.name.get(lang).to_owned()),
                ("time", format_time(at, lang)),
                ("follow_up", follow),
            ];
            let letter = crate::mail::Letter::selected(lang, &args).from_award(&award, lang);
            // The claim queues the letter: each contact is told once per round.
            let claim = actor.clone().with_mail([letter.to(&user.name, &user.email)]);
            app.store.claim_reminder(slug, year, &notice, user.id, &claim).await?;
        }
    }
    Ok(())
}

pub async fn save(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "omgangar")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    let here = format!("/admin/{slug}/{year}/omgangar");
    let op = pairs.iter().find(|(k, _)| k == "op").map_or("", |(_, v)| v.as_str());
    if op == "publish" {
        let round = pairs.iter().find(|(k, _)| k == "round").and_then(|(_, v)| v.parse::<u16>().ok());
        let at = pairs.iter().find(|(k, _)| k == "at").and_then(|(_, v)| parse_local(v).flatten());
        let published = match (round, at) {
            (Some(round), Some(at)) => app.store.schedule_cut((&slug, year, round), at, &actor).await?,
            _ => false,
        };
        if let (true, Some(round), Some(at)) = (published, round, at) {
            tell_the_selected(&app, (&slug, year, round), at, &actor).await?;
            return Ok(redirect(&here, vec![]));
        }
        let errors = vec![t(lang, "admin-rounds-error-publish")];
        return render(&app, &headers, lang, (&slug, year), (StatusCode::UNPROCESSABLE_ENTITY, None, errors))
            .await;
    }
    let rows = read_rows(&pairs);
    let refuse = |status, error: String| {
        render(&app, &headers, lang, (&slug, year), (status, Some(rows.clone()), vec![error]))
    };
    let rounds = match rounds_of(lang, &rows) {
        Ok(r) => r,
        Err(error) => return refuse(StatusCode::UNPROCESSABLE_ENTITY, error).await,
    };
    match app.store.put_rounds(&slug, year, &rounds, &actor).await? {
        Ok(()) => Ok(redirect(&here, vec![])),
        Err(RoundsRefusal::Started) => {
            refuse(StatusCode::CONFLICT, t(lang, "admin-rounds-error-started")).await
        }
        Err(RoundsRefusal::Invalid(p)) => {
            refuse(StatusCode::UNPROCESSABLE_ENTITY, problem_text(lang, p)).await
        }
    }
}
