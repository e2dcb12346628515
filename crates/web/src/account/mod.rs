//! Signing in and out, one-time links, password reset, invitations, and one's own account.

mod emailed;
mod invitation;
mod link;
mod profile;
mod reset;
mod signin;

use crate::routes::Route;

pub fn routes() -> Vec<Route> {
    vec![
        Route::get("/logga-in", signin::page),
        Route::post("/logga-in", signin::submit),
        Route::post("/logga-ut", signin::sign_out),
        Route::post("/logga-in/lank", link::request),
        Route::get("/logga-in/lank/{token}", link::confirm_page),
        Route::post("/logga-in/lank/{token}", link::use_link),
        Route::get("/glomt-losenord", reset::request_page),
        Route::post("/glomt-losenord", reset::request),
        Route::get("/aterstall/{token}", reset::page),
        Route::post("/aterstall/{token}", reset::submit),
        Route::get("/inbjudan/{token}", invitation::page),
        Route::post("/inbjudan/{token}", invitation::accept),
        Route::get("/konto", profile::page),
        Route::post("/konto", profile::submit),
        Route::post("/konto/api-nyckel", profile::api_key),
        Route::post("/konto/api-nyckel/{id}/aterkalla", profile::revoke_key),
    ]
}

pub(crate) use link::broken_link as broken_link_page;
pub(crate) use signin::Empty as EmptyForm;
pub(crate) use signin::begin_attempt;

/// A page with one button that uses a link (or, with no action, a message and a way back home).
pub(crate) fn link_page_for(
    app: &crate::app::AppState,
    headers: &axum::http::HeaderMap,
    lang: juryn_domain::Lang,
    text: (String, String),
    action: String,
    button: &str,
) -> Result<axum::response::Response, crate::error::WebError> {
    link::link_page(
        app,
        headers,
        lang,
        axum::http::StatusCode::OK,
        text,
        Some(action).filter(|a| !a.is_empty()),
        button,
    )
}

/// Where to go after signing in: a path on this site, or the account page. Only a path that
/// starts with one `/` and holds no control character, no backslash and no `//` anywhere:
/// browsers drop tabs and line breaks from a Location and read `\` as `/`, so `/%09/evil` or
/// `/\evil` would otherwise leave the site.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.contains("//")
                && !n.contains('\\')
                && !n.chars().any(char::is_control)
                && n.len() < 500 =>
        {
            n.to_owned()
        }
        _ => "/konto".to_owned(),
    }
}

/// Percent-encodes a path for the `nasta` query parameter.
pub fn encode_next(next: &str) -> String {
    next.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(safe_next(Some("/admin/personer")), "/admin/personer");
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "evil",
            "/\t/evil.example/x",
            "/\n/evil.example",
            "/\r//evil.example",
            "/a//evil.example",
            "/\u{7f}/evil",
        ] {
            assert_eq!(safe_next(Some(bad)), "/konto", "{bad}");
        }
        assert_eq!(safe_next(None), "/konto");
        assert_eq!(encode_next("/a b?c=å"), "/a%20b%3Fc%3D%C3%A5");
    }
}
