//! The jury's area of an edition: the juror's list of entries with their progress, the review
//! of one entry (answers beside the scoring form, the jury's other reviews once one's own is
//! submitted, the discussion), conflicts declared by the juror, the ranking, the chair's
//! shortlist decision, the site visits, and the jury meeting that seals the decision.

mod conflicts;
mod home;
mod list;
mod meeting;
mod meeting_press;
pub(crate) mod ranking;
mod review;
mod review_view;
mod shortlist;
mod stage;
mod visit;
mod visits;

use juryn_domain::MunicipalityCode;

use crate::route::Route;

pub fn routes() -> Vec<Route> {
    vec![
        Route::get("/jury", home::page),
        Route::get("/jury/{award}/{year}", list::page),
        Route::get("/jury/{award}/{year}/bidrag/{code}", review::page),
        Route::post("/jury/{award}/{year}/bidrag/{code}/bedomning", review::save),
        Route::post("/jury/{award}/{year}/bidrag/{code}/diskussion", review::post),
        Route::get("/jury/{award}/{year}/jav", conflicts::page),
        Route::post("/jury/{award}/{year}/jav", conflicts::declare),
        Route::get("/jury/{award}/{year}/rangordning", ranking::page),
        Route::get("/jury/{award}/{year}/slutnominering", shortlist::page),
        Route::post("/jury/{award}/{year}/slutnominering", shortlist::decide),
        Route::get("/jury/{award}/{year}/mote", meeting::page),
        Route::post("/jury/{award}/{year}/mote", meeting_press::act),
        Route::get("/jury/{award}/{year}/besok", visits::page),
        Route::post("/jury/{award}/{year}/besok", visits::plan),
        Route::get("/jury/{award}/{year}/besok/{id}", visit::visit),
        Route::post("/jury/{award}/{year}/besok/{id}", visit::report),
        Route::post("/jury/{award}/{year}/besok/kalender", visit::renew_feed),
        Route::get("/kalender/besok/{user}/{signature}", visit::feed),
    ]
}

/// A page of the jury's area from the page cache, or rendered by `render` and kept until the
/// data generation moves (any write: a saved review, a conflict, an assignment). The caller has
/// asked the rules already, and `key` names everything the page depends on.
pub(crate) async fn cached<F, Fut>(
    app: &crate::app::AppState,
    key: String,
    render: F,
) -> Result<axum::response::Response, crate::error::WebError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<String, crate::error::WebError>>,
{
    crate::cached_page::signed_in(app, crate::cache::PageKey::JuryArea(key), render).await
}

/// The same for a page with a form (see `cached_page::signed_in_form`).
pub(crate) async fn cached_form<F, Fut>(
    app: &crate::app::AppState,
    headers: &axum::http::HeaderMap,
    key: String,
    render: F,
) -> Result<axum::response::Response, crate::error::WebError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<String, crate::error::WebError>>,
{
    let key = crate::cache::PageKey::JuryArea(key);
    crate::cached_page::signed_in_form(app, headers, key, || async { Ok((render().await?, None)) }).await
}

/// How far the reader has come with their assigned reviews: the rules show a juror the jury's
/// aggregate scores (the ranking, the shortlist form) only when it is done, since the ranking
/// carries the others' scores of every entry.
pub(crate) async fn round_progress(
    app: &crate::app::AppState,
    (slug, year): (&juryn_domain::Slug, i16),
    user_id: i64,
) -> juryn_store::Result<juryn_domain::ReviewProgress> {
    let assigned = app.store.assignments_of(slug, year, user_id).await?;
    let submitted: Vec<MunicipalityCode> = app
        .store
        .progress_of(slug, year, user_id)
        .await?
        .into_iter()
        .filter(|(_, done)| *done)
        .map(|(c, _)| c)
        .collect();
    Ok(juryn_domain::ReviewProgress {
        submitted: submitted.len(),
        left: assigned.iter().filter(|c| !submitted.contains(c)).count(),
    })
}
