//! The jury's area of an edition: the juror's list of entries with their progress, the review
//! of one entry (answers beside the scoring form, the jury's other reviews once one's own is
//! submitted, the discussion), conflicts declared by the juror, the ranking, and the chair's
//! shortlist decision.

mod conflicts;
mod list;
mod ranking;
mod review;
mod shortlist;

use juryn_domain::{MunicipalityCode, Registry};

use crate::routes::Route;

pub use conflicts::{MAX_REASON_CHARS, source_text};

pub fn routes() -> Vec<Route> {
    vec![
        Route::get("/jury/{award}/{year}", list::page),
        Route::get("/jury/{award}/{year}/bidrag/{code}", review::page),
        Route::post("/jury/{award}/{year}/bidrag/{code}/bedomning", review::save),
        Route::post("/jury/{award}/{year}/bidrag/{code}/diskussion", review::post),
        Route::get("/jury/{award}/{year}/jav", conflicts::page),
        Route::post("/jury/{award}/{year}/jav", conflicts::declare),
        Route::get("/jury/{award}/{year}/rangordning", ranking::page),
        Route::get("/jury/{award}/{year}/slutnominering", shortlist::page),
        Route::post("/jury/{award}/{year}/slutnominering", shortlist::decide),
    ]
}

/// A municipality's name from the registry (its code if unknown).
pub(crate) fn name_of(code: MunicipalityCode) -> String {
    Registry::sweden().get(code).map_or_else(|| code.to_string(), |m| m.name.clone())
}

/// The county a municipality lies in.
pub(crate) fn county_of(code: MunicipalityCode) -> String {
    Registry::sweden().get(code).map(|m| m.county_name.clone()).unwrap_or_default()
}
