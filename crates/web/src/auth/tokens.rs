//! Random tokens (session ids, one-time links, CSRF cookies) and how they are stored: only their
//! SHA-256, so a copy of the database opens no session and follows no link.

use base64::Engine;
use sha2::{Digest, Sha256};

/// 256 random bits from the operating system, URL-safe.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    // The OS random source does not fail on any platform juryn runs on; if it ever did, a
    // predictable token would be worse than stopping.
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The stored form of a token.
pub fn hash_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_url_safe() {
        let a = random_token();
        let b = random_token();
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(hash_token("x").len(), 64);
        assert_eq!(hash_token("x"), hash_token("x"));
    }
}
