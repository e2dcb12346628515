//! The route table: every route of the site as data (method, path, handler), so that the router
//! is built from it and the authorisation matrix test can iterate the very same list.

use axum::Router;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
pub use crate::route::Route;

/// Every route of the site, area by area.
pub fn route_table() -> Vec<Route> {
    [
        crate::public::routes(),
        crate::api::routes(),
        crate::account::routes(),
        crate::admin::routes(),
        crate::portal::routes(),
        crate::jury::routes(),
        crate::nominate::routes(),
        crate::static_files::routes(),
        vec![Route::get("/health", health), Route::get("/ready", ready)],
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The (method, path) pairs of the table, for tests and docs.
pub fn route_list() -> Vec<(Method, &'static str)> {
    route_table().into_iter().map(|r| (r.method, r.path)).collect()
}

/// A router with every route of the table. Routes that share a path share a method router.
pub fn build(table: Vec<Route>) -> Router<AppState> {
    table.into_iter().fold(Router::new(), |router, r| router.route(r.path, r.handler))
}

/// Whether this process should take traffic: its database answers and has exactly the
/// migrations this binary carries (an old binary beside a newer schema is not ready). Says which.
async fn ready(State(app): State<AppState>) -> Response {
    match app.store.health().await {
        // A worker started here that has stopped showing life means mail piles up unseen.
        Ok(h) if h.migrations_current() && app.mail_queue.healthy() == Some(false) => {
            tracing::error!("readiness check: the mail worker shows no life");
            (StatusCode::SERVICE_UNAVAILABLE, "not ready: the mail worker shows no life").into_response()
        }
        Ok(h) if h.migrations_current() => (StatusCode::OK, "ready").into_response(),
        Ok(h) => {
            let why = format!(
                "not ready: {} migrations not applied, {} applied that this binary does not know",
                h.migrations_pending, h.migrations_unknown
            );
            tracing::warn!("{why}");
            (StatusCode::SERVICE_UNAVAILABLE, why).into_response()
        }
        Err(e) => {
            tracing::error!("readiness check: {e}");
            (StatusCode::SERVICE_UNAVAILABLE, "not ready: database unavailable").into_response()
        }
    }
}

/// Whether this process can reach its database: for load balancers and scripts.
async fn health(State(app): State<AppState>) -> Response {
    match app.store.generation().await {
        Ok(_) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!("health check: {e}");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}
