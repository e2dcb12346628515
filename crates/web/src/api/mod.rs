//! The JSON API, under `/api/v1`. It obeys the same publication rules as the pages: what a page
//! would not show, the API does not return.

mod edition;

use crate::error::WebError;
use crate::routes::Route;

pub fn routes() -> Vec<Route> {
    vec![
        Route::get("/api/v1/awards/{award}/editions/{year}", edition::get),
        Route::get("/api/{*rest}", not_found),
    ]
}

async fn not_found() -> WebError {
    WebError::ApiNotFound
}
