//! CSRF protection for every state-changing request: a random cookie per browser, and in each
//! form a token that is the HMAC of that cookie under the installation's key. A form from another
//! site cannot carry the token (it cannot read the cookie); a token from another browser does
//! not match this browser's cookie. The Origin (or Sec-Fetch-Site) header is checked as well.

use axum::http::header::ORIGIN;
use axum::http::{HeaderMap, HeaderValue};
use hmac::{Hmac, Mac};
use juryn_store::Store;
use sha2::Sha256;

use super::tokens::random_token;
use crate::cookies;

pub const CSRF_COOKIE: &str = "juryn_csrf";

type HmacSha256 = Hmac<Sha256>;

/// The installation's CSRF key, made once and shared by every process through the database.
pub async fn csrf_key_from_store(store: &dyn Store) -> juryn_store::Result<Vec<u8>> {
    Ok(store.secret("csrf-key", &random_token()).await?.into_bytes())
}

fn mac(key: &[u8], cookie: &str) -> HmacSha256 {
    let mut m = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any length");
    m.update(b"juryn-csrf:");
    m.update(cookie.as_bytes());
    m
}

/// The token for this browser as a form carries it: a fresh random pad and the HMAC XORed with
/// it, in hex (128 characters). Every page gets a different string for the same secret, so a
/// compressed response that also reflects what a user typed gives nothing away about it
/// (BREACH); `verify` takes the pad off again.
fn token_for(key: &[u8], cookie: &str) -> String {
    let secret = mac(key, cookie).finalize().into_bytes();
    let mut pad = [0u8; 32];
    if getrandom::fill(&mut pad).is_err() {
        // No randomness: an unmasked token (pad of zeros) still verifies; only the BREACH
        // defence is lost, and the system is in deeper trouble than this.
        pad = [0u8; 32];
    }
    pad.iter()
        .chain(secret.iter().zip(pad.iter()).map(|(s, p)| s ^ p).collect::<Vec<u8>>().iter())
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The HMAC inside a masked token.
fn unmask(token: &str) -> Option<Vec<u8>> {
    let bytes = decode_hex(token)?;
    let (pad, masked) = bytes.split_at(32);
    Some(masked.iter().zip(pad).map(|(m, p)| m ^ p).collect())
}

/// The token a page puts in its forms, and the cookie to set if the browser has none yet.
#[derive(Debug, Clone)]
pub struct Csrf {
    pub token: String,
    pub set_cookie: Option<HeaderValue>,
}

impl Csrf {
    /// The token for this browser; a fresh cookie if it has none (or `rotate` asks for one, as
    /// at sign-in).
    pub fn for_request(headers: &HeaderMap, key: &[u8], secure: bool, rotate: bool) -> Csrf {
        let name = cookies::name(CSRF_COOKIE, secure);
        match cookies::get(headers, &name).filter(|c| c.len() >= 32 && !rotate) {
            Some(cookie) => Csrf { token: token_for(key, cookie), set_cookie: None },
            None => {
                let cookie = random_token();
                Csrf {
                    token: token_for(key, &cookie),
                    set_cookie: Some(cookies::set(&name, &cookie, 60 * 60 * 24 * 30, secure, true)),
                }
            }
        }
    }
}

/// Whether a submitted form may be acted on: its token matches this browser's cookie (checked in
/// constant time) and it came from this site.
pub fn verify(headers: &HeaderMap, key: &[u8], base_url: &str, token: Option<&str>) -> bool {
    let name = cookies::name(CSRF_COOKIE, base_url.starts_with("https://"));
    let Some(cookie) = cookies::get(headers, &name) else { return false };
    let Some(token) = token.and_then(unmask) else { return false };
    same_origin(headers, base_url) && mac(key, cookie).verify_slice(&token).is_ok()
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if s.len() != 128 {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

/// A request with an Origin must come from the site's own origin; without one (older clients,
/// curl), `Sec-Fetch-Site` must not say cross-site. The token is checked either way.
fn same_origin(headers: &HeaderMap, base_url: &str) -> bool {
    if let Some(origin) = headers.get(ORIGIN).and_then(|v| v.to_str().ok()) {
        return origin_of(base_url) == origin;
    }
    !matches!(headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()), Some("cross-site"))
}

/// `https://host[:port]` of a base URL.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(i) => &url[..after_scheme + i],
        None => url,
    }
}

#[cfg(test)]
mod tests {
    use axum::http::header::COOKIE;

    use super::*;

    fn headers(cookie: &str, origin: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(COOKIE, HeaderValue::from_str(&format!("__Host-{CSRF_COOKIE}={cookie}")).unwrap());
        if let Some(o) = origin {
            h.insert(ORIGIN, HeaderValue::from_str(o).unwrap());
        }
        h
    }

    const BASE: &str = "https://juryn.example.se";

    #[test]
    fn the_token_of_this_browser_passes_and_others_do_not() {
        let key = b"key";
        let mine = random_token();
        let theirs = random_token();
        let token = Csrf::for_request(&headers(&mine, None), key, true, false).token;
        assert!(verify(&headers(&mine, None), key, BASE, Some(&token)));
        assert!(verify(&headers(&mine, Some(BASE)), key, BASE, Some(&token)));
        assert!(!verify(&headers(&theirs, None), key, BASE, Some(&token)), "another browser's token");
        assert!(!verify(&headers(&mine, None), key, BASE, None), "no token");
        assert!(!verify(&headers(&mine, None), b"other key", BASE, Some(&token)));
        assert!(!verify(&headers(&mine, Some("https://evil.example")), key, BASE, Some(&token)));
        assert!(!verify(&headers(&mine, Some("null")), key, BASE, Some(&token)));
        assert!(!verify(&HeaderMap::new(), key, BASE, Some(&token)), "no cookie");
        assert!(!verify(&headers(&mine, None), key, BASE, Some("zz")));
    }

    #[test]
    fn a_browser_without_the_cookie_gets_one() {
        let csrf = Csrf::for_request(&HeaderMap::new(), b"k", true, false);
        let cookie = csrf.set_cookie.unwrap();
        let c = cookie.to_str().unwrap();
        assert!(c.starts_with("__Host-juryn_csrf=") && c.contains("HttpOnly") && c.contains("Secure"), "{c}");
    }

    #[test]
    fn each_page_gets_a_different_token_for_the_same_browser() {
        let mine = random_token();
        let a = Csrf::for_request(&headers(&mine, None), b"key", true, false).token;
        let b = Csrf::for_request(&headers(&mine, None), b"key", true, false).token;
        assert_ne!(a, b, "masked afresh each time");
        assert!(verify(&headers(&mine, None), b"key", BASE, Some(&a)));
        assert!(verify(&headers(&mine, None), b"key", BASE, Some(&b)));
        // The plain cookie name does not count on an https site.
        let mut plain = HeaderMap::new();
        plain.insert(COOKIE, HeaderValue::from_str(&format!("{CSRF_COOKIE}={mine}")).unwrap());
        assert!(!verify(&plain, b"key", BASE, Some(&a)));
    }

    #[test]
    fn origins_compare_scheme_host_and_port() {
        assert_eq!(origin_of("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
        assert_eq!(origin_of("https://a.se/sub/path"), "https://a.se");
        let mut h = HeaderMap::new();
        h.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!same_origin(&h, BASE));
        h.insert("sec-fetch-site", HeaderValue::from_static("same-origin"));
        assert!(same_origin(&h, BASE));
    }
}
