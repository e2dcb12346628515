//! `Email`: an address that is plausible enough to send to. Whether it exists only a sent
//! message can tell.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an email address: {0:?}")]
pub struct InvalidEmail(pub String);

impl Email {
    /// Trims, lowercases, and checks for one `@` between a local part and a dotted domain,
    /// with no spaces or control characters, at most 254 characters.
    pub fn parse(s: &str) -> Result<Email, InvalidEmail> {
        let s = s.trim().to_lowercase();
        let err = || InvalidEmail(s.chars().take(80).collect());
        if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(err());
        }
        let (local, domain) = s.split_once('@').ok_or_else(err)?;
        let domain_ok = domain.contains('.')
            && !domain.contains('@')
            && domain
                .split('.')
                .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'));
        if local.is_empty() || local.len() > 64 || !domain_ok {
            return Err(err());
        }
        Ok(Email(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Email {
    type Error = InvalidEmail;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Email::parse(&s)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_normalises_ordinary_addresses() {
        assert_eq!(Email::parse(" Karin.Ekholm@Lidingo.se ").unwrap().as_str(), "karin.ekholm@lidingo.se");
        assert!(Email::parse("a+tag@sub.example.org").is_ok());
        assert!(Email::parse("åsa@kommun.se").is_ok());
    }

    #[test]
    fn refuses_what_cannot_be_an_address() {
        for bad in [
            "",
            "karin",
            "@lidingo.se",
            "karin@",
            "karin@lidingo",
            "a@b@c.se",
            "a b@c.se",
            "a@.se",
            "a@c..se",
            "a@-c.se",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
        assert!(Email::parse(&format!("{}@x.se", "a".repeat(65))).is_err());
    }
}
