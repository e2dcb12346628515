//! The stylesheet, compiled into the binary so that a release build is one file.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;

pub const CSS: &str = include_str!("../static/juryn.css");
pub const JS: &str = include_str!("../static/juryn.js");
pub const FAVICON: &str = include_str!("../static/favicon.svg");

/// The stylesheet's URL carries a hash of its content, so it can be cached for a year.
pub fn css_href() -> &'static str {
    static HREF: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let hash =
            CSS.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3));
        format!("/static/juryn.css?v={:08x}", hash as u32)
    });
    &HREF
}

pub fn routes() -> Vec<crate::route::Route> {
    vec![
        crate::route::Route::get("/static/juryn.css", css),
        crate::route::Route::get("/static/juryn.js", js),
        crate::route::Route::get("/favicon.svg", favicon),
        // Browsers ask for this name of their own accord; the icon is the SVG.
        crate::route::Route::get("/favicon.ico", favicon),
    ]
}

pub async fn js() -> impl IntoResponse {
    ([(CONTENT_TYPE, "text/javascript; charset=utf-8"), (CACHE_CONTROL, "public, max-age=3600")], JS)
}

pub async fn favicon() -> impl IntoResponse {
    ([(CONTENT_TYPE, "image/svg+xml"), (CACHE_CONTROL, "public, max-age=86400")], FAVICON)
}

pub async fn css() -> impl IntoResponse {
    ([(CONTENT_TYPE, "text/css; charset=utf-8"), (CACHE_CONTROL, "public, max-age=31536000, immutable")], CSS)
}
