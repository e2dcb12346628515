//! The JSON API, under `/api/v1`. It obeys the same publication rules as the pages: what a page
//! would not show, the API does not return.

mod edition;
mod entries;
mod openapi;
mod search;

use crate::error::WebError;
use crate::route::Route;

pub fn routes() -> Vec<Route> {
    vec![
        Route::get("/api/openapi.json", openapi::spec),
        Route::get("/api/v1/search", search::get),
        Route::get("/api/v1/awards/{award}/editions/{year}", edition::get),
        Route::get("/api/v1/awards/{award}/editions/{year}/questionnaire", entries::questionnaire),
        Route::get("/api/v1/awards/{award}/editions/{year}/entries/{code}", entries::get),
        Route::put("/api/v1/awards/{award}/editions/{year}/entries/{code}", entries::put),
        Route::post("/api/v1/awards/{award}/editions/{year}/entries/{code}/submit", entries::submit),
        Route::get("/api/{*rest}", not_found),
    ]
}

async fn not_found() -> WebError {
    WebError::NotFound
}
