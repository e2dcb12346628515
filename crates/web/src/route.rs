//! A route as data: its method, its path and its handler. Each area lists its own; the table
//! in `routes` joins them, the router is built from it and the authorisation matrix test
//! iterates the very same list.

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
