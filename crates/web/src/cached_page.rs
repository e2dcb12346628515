//! A page served from the page cache (`cache`), or rendered, kept and served.

use std::future::Future;

use axum::http::header::{CACHE_CONTROL, CONTENT_LANGUAGE, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use jiff::Timestamp;
use juryn_domain::Lang;

use crate::app::AppState;
use crate::cache::{PageKey, Rendered};
use crate::error::WebError;

/// Serves the page for `key` from the cache, or renders, caches and serves it.
pub(crate) async fn cached<F, Fut>(
    app: &AppState,
    key: PageKey,
    lang: Lang,
    render: F,
) -> Result<Response, WebError>
where
    F: FnOnce(Timestamp) -> Fut,
    Fut: Future<Output = Result<Rendered, WebError>>,
{
    let page = kept_or_render(app, key, render).await?;
    Ok(html(&page, lang))
}

/// The page kept for `key`, or `render`'s at this moment, kept. Many requests that miss at once
/// (the announcement second) wait for one render and are answered from it.
pub(crate) async fn kept_or_render<F, Fut>(
    app: &AppState,
    key: PageKey,
    render: F,
) -> Result<Rendered, WebError>
where
    F: FnOnce(Timestamp) -> Fut,
    Fut: Future<Output = Result<Rendered, WebError>>,
{
    if let Some(page) = app.cache.get(&key, app.now()) {
        return Ok(page);
    }
    let _turn = app.cache.render_turn(&key).await;
    let now = app.now();
    if let Some(page) = app.cache.get(&key, now) {
        return Ok(page);
    }
    // Read before the data, so a write during the render leaves the page stale, not wrong.
    let generation = app.cache.generation();
    let page = render(now).await?;
    app.cache.put(key, page.clone(), generation);
    Ok(page)
}

fn html(page: &Rendered, lang: Lang) -> Response {
    let mut res = kept_as(page, "text/html; charset=utf-8");
    res.headers_mut().insert(CONTENT_LANGUAGE, axum::http::HeaderValue::from_static(lang.tag()));
    res
}

/// A kept public body (a page, the JSON, a feed) served as `content_type`, marked so that its
/// compressed forms are made once and reused (`encoding`).
pub(crate) fn kept_as(page: &Rendered, content_type: &'static str) -> Response {
    // It changes when the jury publishes; browsers revalidate rather than guess.
    let mut res =
        ([(CONTENT_TYPE, content_type), (CACHE_CONTROL, "no-cache")], page.body.clone()).into_response();
    res.extensions_mut().insert(page.kept());
    res
}

/// Renders an askama template into a cacheable page.
pub(crate) fn rendered(
    template: &impl askama::Template,
    valid_until: Option<Timestamp>,
) -> Result<Rendered, WebError> {
    let html = template.render()?;
    Ok(Rendered::new(Bytes::from(html), valid_until))
}

/// A signed-in page from the page cache, or rendered by `render` and kept until the data
/// generation moves. The caller has asked the rules already, and `key` names everything the
/// page depends on (the reader, or the part of them the page uses). Never public: the caller's
/// rules decide who gets it, and it is not marked for the shared compressed forms' reuse by
/// anyone else.
pub(crate) async fn signed_in<F, Fut>(app: &AppState, key: PageKey, render: F) -> Result<Response, WebError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<String, WebError>>,
{
    let body = kept(app, key, || async { Ok((render().await?, None)) }).await?;
    Ok(axum::response::Html(body).into_response())
}

/// The same for a page with a form: kept with `respond::CSRF_SLOT` in place of the CSRF token,
/// served with the request's own. `render` also says until when the page may be kept, if it
/// shows something that changes with the clock (the winner once announced, say).
pub(crate) async fn signed_in_form<F, Fut>(
    app: &AppState,
    headers: &axum::http::HeaderMap,
    key: PageKey,
    render: F,
) -> Result<Response, WebError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<(String, Option<Timestamp>), WebError>>,
{
    let body = kept(app, key, render).await?;
    let html = std::str::from_utf8(&body).unwrap_or_default();
    Ok(crate::respond::with_csrf(app, headers, axum::http::StatusCode::OK, html))
}

async fn kept<F, Fut>(app: &AppState, key: PageKey, render: F) -> Result<Bytes, WebError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<(String, Option<Timestamp>), WebError>>,
{
    let page = kept_or_render(app, key, |_| async {
        let (body, valid_until) = render().await?;
        Ok(Rendered::new(Bytes::from(body), valid_until))
    })
    .await?;
    Ok(page.body)
}
