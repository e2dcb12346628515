//! Which language a request is answered in: `?lang=` if it names one we have (and then it is
//! remembered in a cookie), else the cookie, else Swedish.

use axum::extract::Request;
use axum::http::header::{SET_COOKIE, VARY};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use juryn_domain::Lang;

const COOKIE_NAME: &str = "lang";

/// The value of `lang` in a query string, percent-decoded leniently. Never fails: a malformed
/// query is a query without a language.
fn from_query(query: &str) -> Option<Lang> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(k, _)| *k == "lang")
        .find_map(|(_, v)| Lang::from_tag(v))
}

fn from_cookie(headers: &HeaderMap) -> Option<Lang> {
    crate::cookies::get(headers, COOKIE_NAME).and_then(Lang::from_tag)
}

/// Middleware: puts the request's `Lang` in its extensions and remembers an explicit choice.
pub async fn negotiate(mut req: Request, next: Next) -> Response {
    let chosen = req.uri().query().and_then(from_query);
    let lang = chosen.or_else(|| from_cookie(req.headers())).unwrap_or_default();
    req.extensions_mut().insert(lang);
    let mut res = next.run(req).await;
    if let Some(lang) = chosen {
        let cookie = format!("{COOKIE_NAME}={}; Path=/; Max-Age=31536000; SameSite=Lax", lang.tag());
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(SET_COOKIE, v);
        }
    }
    res.headers_mut().append(VARY, HeaderValue::from_static("Cookie"));
    res
}

#[cfg(test)]
mod tests {
    use axum::http::header::COOKIE;

    use super::*;

    #[test]
    fn the_query_wins_and_rubbish_is_ignored() {
        assert_eq!(from_query("lang=en"), Some(Lang::En));
        assert_eq!(from_query("x=1&lang=sv"), Some(Lang::Sv));
        assert_eq!(from_query("lang=xx"), None);
        assert_eq!(from_query("lang"), None);
        assert_eq!(from_query("%FF%FE=%FF"), None);
        assert_eq!(from_query(&"q".repeat(10_000)), None);
    }

    #[test]
    fn the_cookie_is_read_among_others() {
        let mut h = HeaderMap::new();
        h.insert(COOKIE, HeaderValue::from_static("a=b; lang=en; c=d"));
        assert_eq!(from_cookie(&h), Some(Lang::En));
        h.insert(COOKIE, HeaderValue::from_static("lang=fi"));
        assert_eq!(from_cookie(&h), None);
    }
}
