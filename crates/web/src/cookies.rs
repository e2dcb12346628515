//! Reading and writing cookies, the few this site sets.

use axum::http::header::COOKIE;
use axum::http::{HeaderMap, HeaderValue};

/// The value of cookie `name` in the request, if any.
pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A cookie's name on this site: with the `__Host-` prefix on https sites, so the browser keeps
/// it only if it was set Secure, for this host alone and the whole path (no subdomain or
/// plain-http page can plant or overwrite it).
pub fn name(base: &str, secure: bool) -> String {
    if secure { format!("__Host-{base}") } else { base.to_owned() }
}

/// A `Set-Cookie` value: `HttpOnly` unless the page must read it (none does), `SameSite=Lax`,
/// `Secure` on https sites. `max_age` 0 deletes the cookie.
pub fn set(name: &str, value: &str, max_age_secs: i64, secure: bool, http_only: bool) -> HeaderValue {
    let mut c = format!("{name}={value}; Path=/; Max-Age={max_age_secs}; SameSite=Lax");
    if http_only {
        c.push_str("; HttpOnly");
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static("invalid=; Max-Age=0"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_cookie_among_others_and_writes_flags() {
        let mut h = HeaderMap::new();
        h.insert(COOKIE, HeaderValue::from_static("a=1; juryn_session=abc; b=2"));
        assert_eq!(get(&h, "juryn_session"), Some("abc"));
        assert_eq!(get(&h, "missing"), None);
        let v = set("juryn_session", "x", 60, true, true);
        assert_eq!(v, "juryn_session=x; Path=/; Max-Age=60; SameSite=Lax; HttpOnly; Secure");
        assert_eq!(name("juryn_session", true), "__Host-juryn_session");
        assert_eq!(name("juryn_session", false), "juryn_session");
    }
}
