//! The JSON API, under `/api/v1`. It obeys the same publication rules as the pages: what a page
//! would not show, the API does not return.

mod edition;

use axum::Router;
use axum::routing::get;

use crate::app::AppState;
use crate::error::WebError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/awards/{award}/editions/{year}", get(edition::get))
        .route("/api/{*rest}", get(not_found))
}

async fn not_found() -> WebError {
    WebError::ApiNotFound
}
