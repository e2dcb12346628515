//! Where a person goes after signing in: the `nasta` parameter, read safely.

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
