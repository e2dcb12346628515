//! Passwords: argon2id (password-auth's defaults), hashed and checked off the async threads.

use std::sync::LazyLock;

pub const MIN_PASSWORD_CHARS: usize = 12;
/// Longer passwords are refused before hashing, so nobody can make the server hash megabytes.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// A hash to check against when the email is unknown, so that an unknown address takes as long
/// as a wrong password and the timing tells nothing.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| password_auth::generate_hash("not a real password"));

pub async fn hash_password(password: String) -> String {
    tokio::task::spawn_blocking(move || password_auth::generate_hash(password)).await.unwrap_or_default()
}

/// Whether `password` matches `hash`; with no hash, checks against a dummy and says no.
pub async fn verify_password(password: String, hash: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || match hash {
        Some(h) => password_auth::verify_password(password, &h).is_ok(),
        None => {
            let _ = password_auth::verify_password(password, &DUMMY_HASH);
            false
        }
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hash = hash_password("rätt häftklammer".into()).await;
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("rätt häftklammer".into(), Some(hash.clone())).await);
        assert!(!verify_password("fel".into(), Some(hash)).await);
        assert!(!verify_password("not a real password".into(), None).await);
    }
}
