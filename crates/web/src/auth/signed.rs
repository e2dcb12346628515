//! Links that carry their own permission: a value signed with the installation's key, for what
//! is fetched without a session (a calendar program subscribing to a feed). Each purpose has its
//! own prefix, so a signature for one purpose is worth nothing for another.

use hmac::{Hmac, Mac};
use sha2::Sha256;

fn mac(key: &[u8], purpose: &str, value: &str) -> Hmac<Sha256> {
    let mut m = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    m.update(b"juryn-");
    m.update(purpose.as_bytes());
    m.update(b":");
    m.update(value.as_bytes());
    m
}

/// The signature of `value` for `purpose`, as 64 hex characters.
pub fn sign(key: &[u8], purpose: &str, value: &str) -> String {
    mac(key, purpose, value).finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `signature` is `value`'s for `purpose` (compared in constant time).
pub fn verify(key: &[u8], purpose: &str, value: &str, signature: &str) -> bool {
    let bytes: Option<Vec<u8>> = (signature.len() == 64)
        .then(|| (0..64).step_by(2).map(|i| u8::from_str_radix(signature.get(i..i + 2)?, 16).ok()).collect())
        .flatten();
    bytes.is_some_and(|b| mac(key, purpose, value).verify_slice(&b).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_for_its_value_and_purpose_only() {
        let s = sign(b"key", "visits", "7");
        assert!(verify(b"key", "visits", "7", &s));
        assert!(!verify(b"key", "visits", "8", &s));
        assert!(!verify(b"key", "programme", "7", &s));
        assert!(!verify(b"other", "visits", "7", &s));
        assert!(!verify(b"key", "visits", "7", "zz"));
        assert!(!verify(b"key", "visits", "7", &s.to_uppercase().replace('A', "G")));
    }
}
