//! `GET /api/v1/search?q=…`: the search as JSON, with the page's parameters and rules. Without
//! a key the public's text; with one, what its holder may read. An unknown filter value or a
//! value that is not UTF-8 is 400 with what to fix.

use axum::Json;
use axum::extract::State;
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use juryn_domain::Lang;
use serde_json::json;

use crate::app::AppState;
use crate::auth::ApiViewer;
use crate::error::WebError;
use crate::search_query;

pub async fn get(State(app): State<AppState>, viewer: ApiViewer, uri: Uri) -> Result<Response, WebError> {
    let editions = search_query::editions(&app).await?;
    let asked = search_query::read(uri.query().unwrap_or(""), &editions);
    if !asked.problems.is_empty() {
        let problems: Vec<String> = asked.problems.iter().map(|p| p.text(Lang::En)).collect();
        return Err(WebError::ApiRefused(
            StatusCode::BAD_REQUEST,
            json!({"error": "bad_query", "message": problems.join(" "), "problems": problems}),
        ));
    }
    let actor = viewer.0.as_ref().map(|v| &v.actor);
    let found = search_query::run(&app, actor, &asked, Lang::Sv).await?;
    let mut response = Json(json!({
        "query": asked.q,
        "count": found.entries,
        "limit": search_query::LIMIT,
        "page": asked.page,
        "pages": search_query::pages(found.entries),
        "results": found.shown,
    }))
    .into_response();
    response.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    Ok(response)
}
