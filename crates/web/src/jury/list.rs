//! `/jury/{award}/{year}`: the entries a juror is to review, each with where they stand (not
//! started, draft, submitted) — "which have I done?" — and a way to declare a conflict before
//! reading; then the other entries the viewer may read.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Extension, Query, State};
use axum::response::Response;
use juryn_domain::review::{Progress, round_open};
use juryn_domain::{Action, Decision, Lang, Slug, decide};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{MaybeViewer, Viewer, require_on_edition};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use juryn_domain::municipality::{county_of, name_of};

pub struct Row {
    pub name: String,
    pub county: String,
    pub href: String,
    pub progress: &'static str,
    pub progress_text: String,
    pub conflict_href: String,
}

pub struct OwnConflict {
    pub name: String,
    pub why: String,
}

#[derive(Template)]
#[template(path = "jury_area.html")]
struct JuryArea {
    l: Layout,
    heading: String,
    on_jury: bool,
    round_open: bool,
    /// With several rounds: which one the reviews are for ("Omgång 1 av 2: Nominering …").
    round: Option<String>,
    /// Said once, after the chair recorded a round's selection.
    notice: Option<String>,
    summary: String,
    only_open: bool,
    base: String,
    assigned: Vec<Row>,
    others: Vec<Row>,
    conflicts: Vec<OwnConflict>,
    hidden: usize,
    ranking_href: Option<String>,
    shortlist_href: Option<String>,
    shortlist_label: String,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    /// `ej-klara`: only the entries not yet submitted.
    #[serde(default)]
    visa: String,
    /// `urval`: the chair has just recorded a round's selection.
    #[serde(default)]
    klart: String,
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
    key: EditionKey,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let here = key.page("/jury", "");
    let (slug, year) =
        require_on_edition(&viewer, key, &here, |award, year| Action::OpenJuryArea { award, year })?;
    let Some(v) = viewer.0.as_ref() else { return Err(WebError::Forbidden) };
    let only_open = query.visa == "ej-klara";
    let cut_recorded = query.klart == "urval";
    // The page depends on the reader's account, grants and conflicts: all in the key.
    let key = format!("list|{slug}|{year}|{lang:?}|{only_open}|{cut_recorded}|{}|{:?}", v.user.id, v.actor);
    super::cached(&app, key, || render(&app, lang, (&slug, year), v, (only_open, cut_recorded), here)).await
}

/// The entries as the juror's list shows them.
struct Listed {
    assigned: Vec<Row>,
    others: Vec<Row>,
    /// Submitted entries the reader may not read (conflicts).
    hidden: usize,
    done: usize,
    drafts: usize,
}

/// Sorts the entries the reader may read into their own assignments and the others, each with
/// the reader's progress; `only_open` leaves out assignments already submitted.
fn list_entries(
    lang: Lang,
    (v, slug, year, edition): (&Viewer, &Slug, i16, &juryn_domain::Edition),
    statuses: &[(juryn_domain::MunicipalityCode, juryn_domain::EntryStatus)],
    (assigned_to_me, progress): (
        &[juryn_domain::MunicipalityCode],
        &HashMap<juryn_domain::MunicipalityCode, Progress>,
    ),
    only_open: bool,
) -> Listed {
    let base = format!("/jury/{slug}/{year}");
    let (mut assigned, mut others) = (Vec::new(), Vec::new());
    let mut hidden = 0;
    let (mut done, mut drafts) = (0, 0);
    for &(municipality, status) in statuses {
        let submitted = status == juryn_domain::EntryStatus::Submitted;
        let action = Action::ReadEntry {
            award: slug,
            year,
            municipality,
            is_nominee: edition.nominees.contains(&municipality),
            submitted,
        };
        if decide(Some(&v.actor), &action) != Decision::Allow {
            // Drafts and withdrawn entries are not the jury's; only conflicts count as hidden.
            if submitted {
                hidden += 1;
            }
            continue;
        }
        let mine = v.actor.on_jury(slug, year) && assigned_to_me.contains(&municipality);
        let p = if mine {
            progress.get(&municipality).copied().unwrap_or(Progress::NotStarted)
        } else {
            Progress::NotStarted
        };
        match p {
            Progress::Submitted => done += 1,
            Progress::Draft => drafts += 1,
            Progress::NotStarted => {}
        }
        let row = Row {
            name: name_of(municipality),
            county: county_of(municipality),
            href: format!("{base}/bidrag/{}", municipality),
            progress: p.as_str(),
            progress_text: t(lang, &format!("review-progress-{}", p.as_str())),
            conflict_href: format!("{base}/jav?kommun={}", municipality),
        };
        if !mine {
            others.push(row);
        } else if !(only_open && p == Progress::Submitted) {
            assigned.push(row);
        }
    }
    for rows in [&mut assigned, &mut others] {
        rows.sort_by_key(|r| juryn_domain::juror::swedish_key(&r.name));
    }
    Listed { assigned, others, hidden, done, drafts }
}

/// The reader's own conflicts in this edition, with why each holds.
async fn own_conflicts(
    app: &AppState,
    lang: Lang,
    (slug, year): (&Slug, i16),
    v: &Viewer,
) -> Result<Vec<OwnConflict>, WebError> {
    Ok(app
        .store
        .conflict_register(slug, year)
        .await?
        .into_iter()
        .filter(|c| c.user_id == v.user.id)
        .map(|c| OwnConflict {
            name: name_of(c.municipality),
            why: crate::conflict_words::source_text(lang, &c.source),
        })
        .collect())
}

async fn render(
    app: &AppState,
    lang: Lang,
    (slug, year): (&Slug, i16),
    v: &Viewer,
    (only_open, cut_recorded): (bool, bool),
    here: String,
) -> Result<String, WebError> {
    let (slug, year) = (slug.clone(), year);
    let (award, edition) = award_and_edition(&*app.store, &slug, year).await?;
    let base = format!("/jury/{slug}/{year}");
    let on_jury = v.actor.on_jury(&slug, year);
    let assigned_to_me = app.store.assignments_of(&slug, year, v.user.id).await?;
    let progress: HashMap<_, _> = app
        .store
        .progress_of(&slug, year, v.user.id)
        .await?
        .into_iter()
        .map(|(c, submitted)| (c, if submitted { Progress::Submitted } else { Progress::Draft }))
        .collect();
    let statuses = app.store.entry_statuses(&slug, year).await?;
    let Listed { assigned, others, hidden, done, drafts } =
        list_entries(lang, (v, &slug, year, &edition), &statuses, (&assigned_to_me, &progress), only_open);
    let conflicts = if on_jury { own_conflicts(app, lang, (&slug, year), v).await? } else { Vec::new() };
    let summary = t_args(
        lang,
        "review-summary",
        &[
            ("done", done.to_string()),
            ("total", assigned_to_me.len().to_string()),
            ("drafts", drafts.to_string()),
        ],
    );
    let actor = Some(&v.actor);
    let progress = juryn_domain::ReviewProgress {
        submitted: done,
        left: assigned_to_me.iter().filter(|c| progress.get(*c) != Some(&Progress::Submitted)).count(),
    };
    let ranking_href = (decide(actor, &Action::ReadRanking { award: &slug, year, progress })
        == Decision::Allow)
        .then(|| format!("{base}/rangordning"));
    let shortlist_href = (decide(actor, &Action::DecideShortlist { award: &slug, year }) == Decision::Allow)
        .then(|| format!("{base}/slutnominering"));
    let heading = t_args(lang, "jury-area-title", &[("edition", format!("{} {year}", award.name.get(lang)))]);
    let named = if round_open(edition.phase) {
        super::stage::stage(app, (&slug, year), &edition).await?.named
    } else {
        None
    };
    // The chair's page is named for the round it decides.
    let shortlist_label =
        named.as_ref().map_or_else(|| t(lang, "shortlist-title"), |(_, _, r)| r.name.get(lang).to_owned());
    let round = if on_jury {
        named.map(|(position, of, r)| {
            let args = [
                ("position", position.to_string()),
                ("of", of.to_string()),
                ("name", r.name.get(lang).to_owned()),
                ("least", r.least.to_string()),
                ("most", r.most.to_string()),
            ];
            t_args(lang, "jury-area-round", &args)
        })
    } else {
        None
    };
    let page = JuryArea {
        l: Layout::new(lang, heading.clone(), here),
        heading,
        on_jury,
        round_open: round_open(edition.phase),
        round,
        notice: cut_recorded.then(|| t(lang, "shortlist-cut-recorded")),
        summary,
        only_open,
        base,
        assigned,
        others,
        conflicts,
        hidden,
        ranking_href,
        shortlist_href,
        shortlist_label,
    };
    Ok(page.render()?)
}
