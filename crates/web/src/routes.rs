//! The route table: every route of the site as data (method, path, handler), so that the router
//! is built from it and the authorisation matrix test can iterate the very same list.

use axum::Router;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{MethodRouter, get, post};

use crate::app::AppState;

pub struct Route {
    pub method: Method,
    pub path: &'static str,
    pub handler: MethodRouter<AppState>,
}

impl Route {
    pub fn get<H, T>(path: &'static str, handler: H) -> Route
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        Route { method: Method::GET, path, handler: get(handler) }
    }

    pub fn put<H, T>(path: &'static str, handler: H) -> Route
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        Route { method: Method::PUT, path, handler: axum::routing::put(handler) }
    }

    pub fn post<H, T>(path: &'static str, handler: H) -> Route
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        Route { method: Method::POST, path, handler: post(handler) }
    }
}

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
