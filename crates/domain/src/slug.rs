//! `Slug`: the name of an award in a URL, such as `digitaliseringskommun`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Lowercase ASCII letters, digits and single hyphens; 2–60 characters; starts with a letter;
/// not one of the site's own top-level paths. Parsing is the only way to get one, so every slug
/// in the system is a valid URL segment that cannot shadow another page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

/// First path segments the site uses itself; an award may not take them.
pub const RESERVED: [&str; 19] = [
    "api",
    "sok",
    "static",
    "kommuner",
    "logga-in",
    "logga-ut",
    "admin",
    "jury",
    "portal",
    "health",
    "om",
    "konto",
    "nominering",
    "inbjudan",
    "aterstall",
    "glomt-losenord",
    "kalender",
    "sok",
    "ready",
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid slug: {0:?} (lowercase letters, digits and hyphens, 2–60 characters)")]
pub struct InvalidSlug(pub String);

impl Slug {
    pub fn parse(s: &str) -> Result<Slug, InvalidSlug> {
        let ok = (2..=60).contains(&s.len())
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && !s.ends_with('-')
            && !s.contains("--")
            && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !RESERVED.contains(&s);
        if ok { Ok(Slug(s.to_owned())) } else { Err(InvalidSlug(s.to_owned())) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Slug {
    type Error = InvalidSlug;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Slug::parse(&s)
    }
}

impl From<Slug> for String {
    fn from(s: Slug) -> String {
        s.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_url_friendly_names() {
        assert!(Slug::parse("digitaliseringskommun").is_ok());
        assert!(Slug::parse("arets-kommun-2").is_ok());
    }

    #[test]
    fn refuses_everything_else() {
        for bad in [
            "",
            "a",
            "Digital",
            "-x",
            "x-",
            "a--b",
            "1abc",
            "å-kommun",
            "a b",
            "a/b",
            "kommuner",
            "api",
            &"a".repeat(61),
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
