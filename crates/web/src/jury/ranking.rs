//! `/jury/{award}/{year}/rangordning`: the jury's ranking of the submitted entries — raw mean,
//! juror-adjusted score with its bootstrap interval, place interval, the chance of making the
//! shortlist and how much the jurors disagree — as a table and as a chart. A juror never sees
//! an entry they are conflicted with: for them the ranking is computed without it, so not even
//! a gap in the places gives it away.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::Response;
use juryn_domain::ranking::{self, Options, Ranked, Review};
use juryn_domain::{Action, Lang, MunicipalityCode, Slug, decide};

use crate::app::AppState;
use crate::auth::{MaybeViewer, require_on_edition};
use crate::chart::{self, ChartText};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
pub use crate::ranking_cache::RankingInput;
use juryn_domain::municipality::name_of;

/// The ranking of an edition's submitted entries from its submitted reviews, leaving out the
/// entries in `without` (the reader's conflicts), from the cache when the data have not moved.
/// The cut is the edition's largest shortlist.
pub async fn ranking_for(
    app: &AppState,
    (slug, year): (&Slug, i16),
    without: &[MunicipalityCode],
    top_k: usize,
) -> juryn_store::Result<Arc<RankingInput>> {
    // Only the reader's conflicts among the submitted entries change the ranking, so readers
    // whose conflicts lie elsewhere share one.
    let (_, submitted) = crate::find::entry_codes(&*app.store, (slug, year)).await?;
    let mut left_out: Vec<MunicipalityCode> =
        without.iter().copied().filter(|c| submitted.contains(c)).collect();
    left_out.sort_unstable();
    left_out.dedup();
    let key = (slug.to_string(), year, left_out, top_k);
    // The generation is read before the data, so a write in between makes the entry stale.
    let generation = app.cache.generation();
    if let Some(hit) = app.rankings.get(&key, generation) {
        return Ok(hit);
    }
    let _turn = app.rankings.turn().await;
    if let Some(hit) = app.rankings.get(&key, generation) {
        return Ok(hit);
    }
    let ranking = Arc::new(compute_ranking(app, (slug, year), (&submitted, &key.2), top_k).await?);
    app.rankings.put(key, generation, ranking.clone());
    Ok(ranking)
}

/// After a write (by this process or, seen at the poll, another), every ranking that was kept
/// is computed again in the background: the chair who opens the ranking after a juror's
/// submission finds it ready rather than waiting for the bootstrap. One pass at a time; a
/// write during a pass asks for one more. A pass whose reviews did not change finds its
/// ranking by fingerprint and does no bootstrap.
pub fn rewarm(app: &AppState) {
    if !app.rankings.begin_warming() {
        return;
    }
    let app = app.clone();
    tokio::spawn(async move {
        loop {
            for (slug, year, left_out, top_k) in app.rankings.keys() {
                let Ok(slug) = Slug::parse(&slug) else { continue };
                if let Err(e) = ranking_for(&app, (&slug, year), &left_out, top_k).await {
                    tracing::debug!("computing the ranking of {slug}/{year} again failed: {e}");
                }
            }
            if !app.rankings.end_warming() {
                break;
            }
        }
    });
}

async fn compute_ranking(
    app: &AppState,
    (slug, year): (&Slug, i16),
    (submitted, without): (&[MunicipalityCode], &[MunicipalityCode]),
    top_k: usize,
) -> juryn_store::Result<RankingInput> {
    let criteria: Vec<_> =
        app.store.criteria_with_ids(slug, year).await?.into_iter().map(|(_, c)| c).collect();
    let codes: Vec<MunicipalityCode> = submitted.iter().copied().filter(|c| !without.contains(c)).collect();
    let left_out = submitted.len() - codes.len();
    let mut jurors: Vec<(i64, String)> = Vec::new();
    let mut reviews = Vec::new();
    let position: std::collections::HashMap<MunicipalityCode, usize> =
        codes.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    for r in app.store.submitted_scores(slug, year).await? {
        let Some(&entry) = position.get(&r.municipality) else { continue };
        let scores: Option<Vec<u8>> = r.scores.iter().copied().collect();
        let Some(score) = scores.and_then(|s| ranking::combine(&criteria, &s)) else { continue };
        let juror = match jurors.iter().position(|(id, _)| *id == r.user_id) {
            Some(j) => j,
            None => {
                jurors.push((r.user_id, r.juror.clone()));
                jurors.len() - 1
            }
        };
        reviews.push(Review { entry, juror, score });
    }
    let options = Options { top_k, ..Options::default() };
    let print = fingerprint(&codes, &jurors, &reviews, top_k);
    if let Some(ranking) = app.rankings.computed(print) {
        return Ok(RankingInput { codes, jurors, ranking, left_out });
    }
    // The bootstrap is tens of milliseconds of arithmetic: off the async workers, so other
    // requests are not held up behind it.
    let (entries, juror_count) = (codes.len(), jurors.len());
    let ranking =
        tokio::task::spawn_blocking(move || ranking::rank(entries, juror_count, &reviews, &options))
            .await
            .map_err(|e| juryn_store::StoreError::Invalid(format!("the ranking failed: {e}")))?;
    let ranking = Arc::new(ranking);
    app.rankings.keep_computed(print, ranking.clone());
    Ok(RankingInput { codes, jurors, ranking, left_out })
}

/// What a ranking is computed from, as one number (the bootstrap is seeded, so equal inputs
/// give equal rankings).
fn fingerprint(
    codes: &[MunicipalityCode],
    jurors: &[(i64, String)],
    reviews: &[Review],
    top_k: usize,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    codes.iter().for_each(|c| c.as_str().hash(&mut h));
    jurors.hash(&mut h);
    for r in reviews {
        (r.entry, r.juror, r.score.to_bits()).hash(&mut h);
    }
    top_k.hash(&mut h);
    h.finish()
}

/// A score on 0–1 as the page writes it: 0–100 with one decimal. The model's estimate can
/// stray past the scale's ends; the page keeps to the scale.
pub(crate) fn points(x: f64, lang: Lang) -> String {
    crate::i18n::decimal(x.clamp(0.0, 1.0) * 100.0, lang)
}

pub struct RowView {
    pub place: usize,
    pub name: String,
    pub href: String,
    pub adjusted: String,
    pub interval: String,
    pub raw: String,
    pub raw_place: usize,
    pub places: String,
    pub p_top: String,
    pub disagreement: String,
    pub reviews: usize,
}

pub struct JurorView {
    pub name: String,
    pub reviews: usize,
    pub leniency: String,
}

#[derive(Template)]
#[template(path = "jury_ranking.html")]
struct RankingPage {
    l: Layout,
    rows: Vec<RowView>,
    chart: String,
    tie: Option<String>,
    unreviewed: Vec<String>,
    jurors: Vec<JurorView>,
    top_k: usize,
    p_heading: String,
    left_out: bool,
}

fn describe(lang: Lang, name: &str, r: &Ranked) -> String {
    t_args(
        lang,
        "ranking-row-desc",
        &[
            ("place", r.rank.to_string()),
            ("name", name.to_owned()),
            ("adjusted", points(r.adjusted, lang)),
            ("low", points(r.adjusted_interval.0, lang)),
            ("high", points(r.adjusted_interval.1, lang)),
            ("raw", points(r.raw_mean, lang)),
        ],
    )
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let here = key.page("/jury", "rangordning");
    let (slug, year) =
        require_on_edition(&viewer, key, &here, |award, year| Action::OpenJuryArea { award, year })?;
    let v = viewer.0.as_ref().ok_or(WebError::Forbidden)?;
    may_see_ranking(&app, lang, v, (&slug, year), &here).await?;
    let without: Vec<MunicipalityCode> =
        v.actor.conflicts.iter().filter(|(a, y, _)| *a == slug && *y == year).map(|(_, _, c)| *c).collect();
    // How lenient each juror is: for those who run the round, not for the jurors themselves.
    let sees_jurors = decide(Some(&v.actor), &Action::SeeJurorLevels { award: &slug, year })
        == juryn_domain::Decision::Allow;
    let key = format!("ranking|{slug}|{year}|{lang:?}|{without:?}|{sees_jurors}");
    super::cached(&app, key, || render(&app, lang, (&slug, year), (&without, sees_jurors), here)).await
}

#[derive(Template)]
#[template(path = "jury_not_yet.html")]
struct NotYet {
    l: Layout,
    text: String,
    back: String,
}

/// Asks the rules whether the reader may see the round's ranking (or anything drawn from it:
/// the shortlist form), and notes that they have: from then on they are never assigned a
/// review in the round. A juror not yet done gets a 403 page that says why and nothing else.
pub(crate) async fn may_see_ranking(
    app: &AppState,
    lang: Lang,
    v: &crate::auth::Viewer,
    (slug, year): (&Slug, i16),
    here: &str,
) -> Result<(), WebError> {
    let progress = super::round_progress(app, (slug, year), v.user.id).await?;
    let read = Action::ReadRanking { award: slug, year, progress };
    if decide(Some(&v.actor), &read) != juryn_domain::Decision::Allow {
        if !v.actor.on_jury(slug, year) {
            return Err(WebError::Forbidden);
        }
        return Err(not_yet(lang, (slug, year), progress, here.to_owned()));
    }
    if !app.store.ranking_viewers(slug, year).await?.contains(&v.user.id) {
        app.store.record_ranking_view(slug, year, v.user.id, app.now()).await?;
    }
    Ok(())
}

/// Instead of the ranking, for a juror not done with the round: a refusal (403) that says why.
fn not_yet(
    lang: Lang,
    (slug, year): (&Slug, i16),
    progress: juryn_domain::ReviewProgress,
    here: String,
) -> WebError {
    let back = format!("/jury/{slug}/{year}");
    let text = if progress.left > 0 {
        t_args(lang, "ranking-not-yet", &[("left", progress.left.to_string())])
    } else {
        t(lang, "ranking-not-yet-none")
    };
    let page = NotYet {
        l: Layout::new(lang, t(lang, "ranking-title"), here).crumb(t(lang, "jury-crumb"), back.clone()),
        text,
        back: format!("{back}?visa=ej-klara"),
    };
    match page.render() {
        Ok(html) => WebError::Refused(axum::http::StatusCode::FORBIDDEN, html),
        Err(e) => WebError::internal(e),
    }
}

/// The page for a reader who is conflicted with `without` and may or may not see the jurors'
/// levels.
/// One entry's row in the ranking table.
fn row_view(
    lang: Lang,
    (slug, year): (&Slug, i16),
    input: &RankingInput,
    names: &[String],
    r: &Ranked,
) -> RowView {
    RowView {
        place: r.rank,
        name: names[r.entry].clone(),
        href: format!("/jury/{slug}/{year}/bidrag/{}", input.codes[r.entry]),
        adjusted: points(r.adjusted, lang),
        interval: format!("{}–{}", points(r.adjusted_interval.0, lang), points(r.adjusted_interval.1, lang)),
        raw: points(r.raw_mean, lang),
        raw_place: r.raw_rank,
        places: if r.rank_interval.0 == r.rank_interval.1 {
            r.rank_interval.0.to_string()
        } else {
            format!("{}–{}", r.rank_interval.0, r.rank_interval.1)
        },
        p_top: format!("{:.0} %", r.p_top_k * 100.0),
        disagreement: r
            .disagreement
            .map_or_else(|| "–".to_owned(), |d| crate::i18n::decimal(d * 100.0, lang)),
        reviews: r.reviews,
    }
}

/// The jurors' leniencies, for those who may see them.
fn juror_views(lang: Lang, input: &RankingInput) -> Vec<JurorView> {
    input
        .ranking
        .jurors
        .iter()
        .map(|j| JurorView {
            name: input.jurors[j.juror].1.clone(),
            reviews: j.reviews,
            leniency: format!(
                "{}{}",
                if j.leniency >= 0.0 { "+" } else { "" },
                crate::i18n::decimal(j.leniency * 100.0, lang)
            ),
        })
        .collect()
}

async fn render(
    app: &AppState,
    lang: Lang,
    (slug, year): (&Slug, i16),
    (without, sees_jurors): (&[MunicipalityCode], bool),
    here: String,
) -> Result<String, WebError> {
    let (award, edition) = award_and_edition(&*app.store, slug, year).await?;
    // The round being decided: its candidates only, its size as the "top k".
    let stage = super::stage::stage(app, (slug, year), &edition).await?;
    let (_, submitted) = crate::find::entry_codes(&*app.store, (slug, year)).await?;
    let top_k = usize::from(stage.most);
    let input = ranking_for(app, (slug, year), &stage.left_out(&submitted, without), top_k).await?;
    let names: Vec<String> = input.codes.iter().map(|c| name_of(*c)).collect();
    let rows = input.ranking.rows.iter().map(|r| row_view(lang, (slug, year), &input, &names, r)).collect();
    let tie = input.ranking.cut_tie.as_ref().map(|tie| {
        let who: Vec<String> = tie.entries.iter().map(|e| names[*e].clone()).collect();
        t_args(
            lang,
            "ranking-tie",
            &[
                ("place", tie.place.to_string()),
                ("next", (tie.place + 1).to_string()),
                ("entries", who.join(", ")),
            ],
        )
    });
    let title = t(lang, "ranking-chart-title");
    let description = t_args(lang, "ranking-chart-desc", &[("k", top_k.to_string())]);
    let name = |e: usize| names[e].clone();
    let describe_row = |r: &Ranked| describe(lang, &names[r.entry], r);
    let chart = chart::ranking(
        &input.ranking,
        top_k,
        &ChartText { title: &title, description: &description, name: &name, describe: &describe_row },
    );
    let jurors = if sees_jurors { juror_views(lang, &input) } else { Vec::new() };
    let heading = t_args(lang, "ranking-heading", &[("edition", format!("{} {year}", award.name.get(lang)))]);
    let page = RankingPage {
        l: Layout::new(lang, heading, here)
            .crumb(t(lang, "jury-crumb"), format!("/jury/{slug}/{year}"))
            .crumb(t(lang, "ranking-title"), ""),
        rows,
        chart,
        tie,
        unreviewed: input.ranking.unreviewed.iter().map(|e| names[*e].clone()).collect(),
        jurors,
        top_k,
        p_heading: t_args(lang, "ranking-p-top", &[("k", top_k.to_string())]),
        left_out: input.left_out > 0,
    };
    Ok(page.render()?)
}
