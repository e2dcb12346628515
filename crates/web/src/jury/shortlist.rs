//! `/jury/{award}/{year}/slutnominering`: the chair records the round being decided
//! (`stage.rs`) — between its bounds (3–5 nominees), each with a rationale — in ranking order.
//! An earlier round's cut (2021's five to ten "nominerade") is checked and kept by the store's
//! `record_cut`; the last round's is the shortlist: the domain's transition checks the bounds,
//! the store's compare-and-set makes sure that of two racing decisions exactly one is kept.
//! Publishing is the organiser's step after this.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::phase::{self, Readiness, Refusal};
use juryn_domain::{Action, Lang, MunicipalityCode, Phase, Slug};
use juryn_store::ShortlistRefusal;

use super::ranking::ranking_for;
use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer, Viewer, require_on_edition};
use crate::cache::PageKey;
use crate::cached_page::signed_in_form;
use crate::edition_words::phase_text;
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{CSRF_SLOT, redirect, with_csrf};
use juryn_domain::municipality::name_of;

/// The longest rationale taken, in characters.
pub const MAX_RATIONALE_CHARS: usize = 2_000;

pub struct Candidate {
    pub code: String,
    pub name: String,
    pub place: String,
    /// "justerat 90,8 · chans till topp 5: 100 %", for ranked entries.
    pub detail: String,
    pub checked: bool,
    pub rationale: String,
}

#[derive(Template)]
#[template(path = "jury_shortlist.html")]
struct ShortlistPage {
    l: Layout,
    csrf: String,
    action: String,
    open: bool,
    bounds: String,
    candidates: Vec<Candidate>,
    recorded: Vec<(String, String)>,
    /// The earlier rounds' cuts: (the round's name, the selected with their rationales).
    earlier: Vec<(String, Vec<(String, String)>)>,
    phase: String,
    /// "Registrera slutnomineringen", or for an earlier round "Registrera urvalet".
    button: String,
    errors: Vec<String>,
}

fn edition_of(viewer: &MaybeViewer, key: EditionKey) -> Result<(Slug, i16), WebError> {
    let here = key.page("/jury", "slutnominering");
    require_on_edition(viewer, key, &here, |award, year| Action::DecideShortlist { award, year })
}

/// The chair's conflicts in this edition: those entries are not theirs to place.
fn conflicts_of(v: &Viewer, slug: &Slug, year: i16) -> Vec<MunicipalityCode> {
    v.actor.conflicts.iter().filter(|(a, y, _)| a == slug && *y == year).map(|(_, _, c)| *c).collect()
}

/// The round's candidates: ranked entries first, in their order; then those nobody has
/// reviewed; with what the chair typed kept.
fn candidates(
    lang: Lang,
    input: &crate::ranking_cache::RankingInput,
    most: u16,
    typed: Option<&[(String, String)]>,
) -> Vec<Candidate> {
    let k = most.to_string();
    let mut order: Vec<(usize, String, String)> = input
        .ranking
        .rows
        .iter()
        .map(|r| {
            let detail = t_args(
                lang,
                "shortlist-detail",
                &[
                    ("adjusted", super::ranking::points(r.adjusted, lang)),
                    ("k", k.clone()),
                    ("p", format!("{:.0}", r.p_top_k * 100.0)),
                ],
            );
            (r.entry, r.rank.to_string(), detail)
        })
        .collect();
    order
        .extend(input.ranking.unreviewed.iter().map(|e| (*e, "–".to_owned(), t(lang, "ranking-unreviewed"))));
    let value = |key: &str| typed.and_then(|p| p.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()));
    order
        .into_iter()
        .map(|(e, place, detail)| {
            let code = input.codes[e].to_string();
            let checked = typed.is_some_and(|p| p.iter().any(|(k, v)| k == "nominee" && *v == code));
            Candidate {
                rationale: value(&format!("rationale-{code}")).unwrap_or_default(),
                name: name_of(input.codes[e]),
                place,
                detail,
                checked,
                code,
            }
        })
        .collect()
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (v, slug, year): (&Viewer, &Slug, i16),
    status: StatusCode,
    (typed, errors): (Option<Vec<(String, String)>>, Vec<String>),
) -> Result<Response, WebError> {
    // The form as it stands for this reader (the ranking without their conflicts), kept until
    // the next write; a refused choice shows what was typed and is never kept.
    if typed.is_none() && errors.is_empty() {
        let key = format!("shortlist|{slug}|{year}|{lang:?}|{}|{:?}", v.user.id, v.actor);
        let render = || async { Ok((html(app, lang, (v, slug, year), (None, vec![])).await?, None)) };
        return signed_in_form(app, headers, PageKey::JuryArea(key), render).await;
    }
    Ok(with_csrf(app, headers, status, &html(app, lang, (v, slug, year), (typed, errors)).await?))
}

/// The form with `CSRF_SLOT` for its token.
async fn html(
    app: &AppState,
    lang: Lang,
    (v, slug, year): (&Viewer, &Slug, i16),
    (typed, errors): (Option<Vec<(String, String)>>, Vec<String>),
) -> Result<String, WebError> {
    let (_, edition) = award_and_edition(&*app.store, slug, year).await?;
    let without = conflicts_of(v, slug, year);
    let stage = super::stage::stage(app, (slug, year), &edition).await?;
    let (_, submitted) = crate::find::entry_codes(&*app.store, (slug, year)).await?;
    let left_out = stage.left_out(&submitted, &without);
    let input = ranking_for(app, (slug, year), &left_out, usize::from(stage.most)).await?;
    let candidates = candidates(lang, &input, stage.most, typed.as_deref());
    let recorded = if edition.phase >= Phase::Nominated {
        app.store.shortlist(slug, year).await?.into_iter().map(|(c, why)| (name_of(c), why)).collect()
    } else {
        Vec::new()
    };
    let action = format!("/jury/{slug}/{year}/slutnominering");
    let title = match &stage.cut {
        Some((_, round)) => round.name.get(lang).to_owned(),
        None => t(lang, "shortlist-title"),
    };
    let l = Layout::new(lang, title.clone(), action.clone())
        .crumb(t(lang, "jury-crumb"), format!("/jury/{slug}/{year}"))
        .crumb(title, "");
    let bounds = t_args(
        lang,
        "shortlist-bounds",
        &[("min", stage.least.to_string()), ("max", stage.most.to_string())],
    );
    let earlier = stage
        .cuts
        .iter()
        .map(|c| {
            (
                c.round.name.get(lang).to_owned(),
                c.selected.iter().map(|(m, why)| (name_of(*m), why.clone())).collect(),
            )
        })
        .collect();
    let page = ShortlistPage {
        l,
        csrf: CSRF_SLOT.to_owned(),
        action,
        open: edition.phase == Phase::Shortlisting,
        bounds,
        candidates,
        recorded,
        earlier,
        phase: phase_text(lang, edition.phase),
        button: t(lang, if stage.cut.is_some() { "cut-button" } else { "shortlist-button" }),
        errors,
    };
    Ok(page.render()?)
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = edition_of(&viewer, key)?;
    let v = viewer.0.as_ref().ok_or(WebError::Forbidden)?;
    let here = format!("/jury/{slug}/{year}/slutnominering");
    super::ranking::may_see_ranking(&app, lang, v, (&slug, year), &here).await?;
    render(&app, &headers, lang, (v, &slug, year), StatusCode::OK, (None, vec![])).await
}

/// The nominees chosen, each with its rationale, and what is wrong with the choice: a missing
/// or too long rationale, a conflicted or unknown entry. A nominee chosen twice counts once.
fn read_choice(
    lang: Lang,
    pairs: &[(String, String)],
    eligible: &[MunicipalityCode],
    without: &[MunicipalityCode],
) -> (Vec<(MunicipalityCode, String)>, Vec<String>) {
    let mut errors = Vec::new();
    let mut chosen: Vec<(MunicipalityCode, String)> = Vec::new();
    for (_, value) in pairs.iter().filter(|(k, _)| k == "nominee") {
        match MunicipalityCode::parse(value.trim()).ok().filter(|c| eligible.contains(c)) {
            Some(c) if chosen.iter().any(|(d, _)| *d == c) => {}
            Some(c) => {
                let key = format!("rationale-{c}");
                let why = pairs.iter().find(|(k, _)| *k == key).map_or("", |(_, v)| v.as_str()).trim();
                if why.is_empty() {
                    errors.push(t_args(lang, "shortlist-error-rationale", &[("name", name_of(c))]));
                } else if why.chars().count() > MAX_RATIONALE_CHARS {
                    let max = MAX_RATIONALE_CHARS.to_string();
                    errors.push(t_args(lang, "shortlist-error-long", &[("name", name_of(c)), ("max", max)]));
                }
                chosen.push((c, why.to_owned()));
            }
            None => match MunicipalityCode::parse(value.trim()).ok().filter(|c| without.contains(c)) {
                Some(c) => errors.push(t_args(lang, "shortlist-error-conflicted", &[("name", name_of(c))])),
                None => errors.push(t(lang, "shortlist-error-unknown")),
            },
        }
    }
    (chosen, errors)
}

pub async fn decide(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (slug, year) = edition_of(&viewer, key)?;
    let v = viewer.0.as_ref().ok_or(WebError::Forbidden)?;
    // The refusal for a chair not done with the round is the GET's: the page that says why,
    // never the ranking with an error above it.
    let here = format!("/jury/{slug}/{year}/slutnominering");
    super::ranking::may_see_ranking(&app, lang, v, (&slug, year), &here).await?;
    let (_, edition) = award_and_edition(&*app.store, &slug, year).await?;
    let without = conflicts_of(v, &slug, year);
    let stage = super::stage::stage(&app, (&slug, year), &edition).await?;
    let eligible: Vec<MunicipalityCode> =
        stage.candidates.into_iter().filter(|c| !without.contains(c)).collect();
    let (mut chosen, mut errors) = read_choice(lang, &pairs, &eligible, &without);
    // Recorded (and so published) in alphabetical order, as announcements list nominees: the
    // order must not tell the public how the jury ranked them.
    chosen.sort_by_cached_key(|(c, _)| juryn_domain::juror::swedish_key(&name_of(*c)));
    if let Some((position, _)) = stage.cut {
        return record_cut(&app, &headers, lang, (v, &slug, year, position), (chosen, errors), pairs).await;
    }
    let readiness = Readiness {
        phase: edition.phase,
        now: app.now(),
        shortlist_len: chosen.len(),
        shortlist_min: usize::from(edition.shortlist_min),
        shortlist_max: usize::from(edition.shortlist_max),
        ..Readiness::default()
    };
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    match phase::publish_nominees(&readiness) {
        Ok(_) => {}
        Err(Refusal::ShortlistSize { len, min, max }) => errors.insert(
            0,
            t_args(
                lang,
                "shortlist-error-size",
                &[("len", len.to_string()), ("min", min.to_string()), ("max", max.to_string())],
            ),
        ),
        Err(_) => {
            status = StatusCode::CONFLICT;
            errors =
                vec![t_args(lang, "shortlist-error-phase", &[("phase", phase_text(lang, edition.phase))])];
        }
    }
    if !errors.is_empty() {
        return render(&app, &headers, lang, (v, &slug, year), status, (Some(pairs), errors)).await;
    }
    if !crate::confirm::confirmed(&pairs) {
        return ask_first(&app, &headers, lang, (&slug, year, None), &chosen, &pairs);
    }
    match app.store.record_shortlist(&slug, year, &chosen, &v.stamp(app.now())).await? {
        Ok(()) => Ok(redirect(&format!("/jury/{slug}/{year}/slutnominering"), vec![])),
        Err(ShortlistRefusal::AlreadyDecided | ShortlistRefusal::EarlierRoundOpen) => {
            let errors = vec![t(lang, "shortlist-error-raced")];
            render(&app, &headers, lang, (v, &slug, year), StatusCode::CONFLICT, (Some(pairs), errors)).await
        }
        Err(ShortlistRefusal::NotACandidate(_)) => {
            let errors = vec![t(lang, "shortlist-error-unknown")];
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(&app, &headers, lang, (v, &slug, year), status, (Some(pairs), errors)).await
        }
    }
}

/// Asks before a selection is recorded (it cannot be undone), naming the selected, in the words
/// of the shortlist or, for an earlier round (`round`: its name), of a cut.
fn ask_first(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year, round): (&Slug, i16, Option<&str>),
    chosen: &[(MunicipalityCode, String)],
    pairs: &[(String, String)],
) -> Result<Response, WebError> {
    let names: Vec<String> = chosen.iter().map(|(c, _)| name_of(*c)).collect();
    let args = [("names", names.join(", ")), ("round", round.unwrap_or_default().to_owned())];
    let (heading, what, button) = if round.is_some() {
        ("confirm-cut-title", "confirm-cut-text", "confirm-cut-button")
    } else {
        ("confirm-shortlist-title", "confirm-shortlist-text", "confirm-shortlist-button")
    };
    let question = crate::confirm::Question {
        heading: t_args(lang, heading, &args),
        what: t_args(lang, what, &args),
        button: t(lang, button),
    };
    let here = format!("/jury/{slug}/{year}/slutnominering");
    crate::confirm::ask(app, headers, lang, question, (&here, &here), pairs)
}

/// Records an earlier round's cut, once confirmed; the store checks its size and candidates.
async fn record_cut(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (v, slug, year, position): (&Viewer, &Slug, i16, u16),
    (chosen, errors): (Vec<(MunicipalityCode, String)>, Vec<String>),
    pairs: Vec<(String, String)>,
) -> Result<Response, WebError> {
    use juryn_domain::round::CutProblem;
    use juryn_store::CutRefusal;
    if !errors.is_empty() {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render(app, headers, lang, (v, slug, year), status, (Some(pairs), errors)).await;
    }
    if !crate::confirm::confirmed(&pairs) {
        let rounds = app.store.rounds(slug, year).await?;
        let name = rounds.get(usize::from(position).saturating_sub(1)).map(|r| r.name.get(lang).to_owned());
        return ask_first(
            app,
            headers,
            lang,
            (slug, year, Some(name.as_deref().unwrap_or_default())),
            &chosen,
            &pairs,
        );
    }
    let (status, error) = match app
        .store
        .record_cut((slug, year, position), &chosen, None, &v.stamp(app.now()))
        .await?
    {
        // The next round is reviewed before it is ranked: the chair goes back to the list.
        Ok(()) => return Ok(redirect(&format!("/jury/{slug}/{year}?klart=urval"), vec![])),
        Err(CutRefusal::Invalid(CutProblem::Size { least, most })) => {
            let args =
                [("len", chosen.len().to_string()), ("min", least.to_string()), ("max", most.to_string())];
            (StatusCode::UNPROCESSABLE_ENTITY, t_args(lang, "cut-error-size", &args))
        }
        Err(CutRefusal::Invalid(CutProblem::NotCurrent(_)) | CutRefusal::NotNow) => {
            (StatusCode::CONFLICT, t(lang, "shortlist-error-raced"))
        }
        Err(CutRefusal::Invalid(_)) => (StatusCode::UNPROCESSABLE_ENTITY, t(lang, "shortlist-error-unknown")),
    };
    render(app, headers, lang, (v, slug, year), status, (Some(pairs), vec![error])).await
}
