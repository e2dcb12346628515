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
    let now = app.now();
    if let Some(page) = app.cache.get(&key, now) {
        return Ok(html(&page, lang));
    }
    let generation = app.cache.generation();
    let page = render(now).await?;
    let res = html(&page, lang);
    app.cache.put(key, page, generation);
    Ok(res)
}

fn html(page: &Rendered, lang: Lang) -> Response {
    let mut res = (
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CONTENT_LANGUAGE, lang.tag()),
            // Pages change when the jury publishes; browsers revalidate rather than guess.
            (CACHE_CONTROL, "no-cache"),
        ],
        page.body.clone(),
    )
        .into_response();
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
