//! Request signing (reference §2): `Signature = hex(SHA1(AppSecret + Nonce + Timestamp))`.
//!
//! Shared by the client (which signs) and the sandbox (which verifies), so both sides agree by
//! construction. Nothing here logs or formats the secret.

use secrecy::{ExposeSecret, SecretString};
use sha1::{Digest, Sha1};

/// Lowercase hex SHA-1 of `secret + nonce + timestamp`.
pub fn signature(secret: &SecretString, nonce: &str, timestamp: &str) -> String {
    let mut hasher = Sha1::new();
    hasher.update(secret.expose_secret().as_bytes());
    hasher.update(nonce.as_bytes());
    hasher.update(timestamp.as_bytes());
    hex::encode(hasher.finalize())
}

/// Compares a received signature with the expected one, ignoring hex case (the official .NET SDK
/// sends uppercase). Runs in time independent of where the strings first differ.
pub fn signature_matches(expected_lower_hex: &str, received: &str) -> bool {
    let a = expected_lower_hex.as_bytes();
    let b = received.as_bytes();
    if a.len() != b.len() {
        return false;
    }
    a.iter()
        .zip(b)
        .fold(0u8, |acc, (x, y)| acc | (x ^ y.to_ascii_lowercase()))
        == 0
}

/// A fresh nonce: 16 random decimal digits (the docs ask for at most 18 characters).
pub fn new_nonce() -> String {
    use rand::Rng;
    let n: u64 = rand::rng().random_range(1_000_000_000_000_000..10_000_000_000_000_000);
    n.to_string()
}

/// Milliseconds since the Unix epoch, the documented timestamp unit.
pub fn timestamp_ms() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    now.as_millis().to_string()
}

/// Header set for one signed request: `(App-Key, Nonce, Timestamp, Signature)`.
pub struct SignedHeaders {
    pub app_key: String,
    pub nonce: String,
    pub timestamp: String,
    pub signature: String,
}

impl SignedHeaders {
    pub fn new(app_key: &str, secret: &SecretString) -> Self {
        let nonce = new_nonce();
        let timestamp = timestamp_ms();
        let signature = signature(secret, &nonce, &timestamp);
        Self { app_key: app_key.to_owned(), nonce, timestamp, signature }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_worked_example() {
        let secret = SecretString::from("Y1W2MeFwwwRxa0");
        assert_eq!(
            signature(&secret, "14314", "1408710653000"),
            "30be0bbca9c9b2e27578701e9fda2358a814c88f"
        );
    }

    #[test]
    fn comparison_ignores_case_but_not_content() {
        let good = "30be0bbca9c9b2e27578701e9fda2358a814c88f";
        assert!(signature_matches(good, "30BE0BBCA9C9B2E27578701E9FDA2358A814C88F"));
        assert!(!signature_matches(good, "30be0bbca9c9b2e27578701e9fda2358a814c88e"));
        assert!(!signature_matches(good, "30be"));
    }

    #[test]
    fn nonce_is_short_and_fresh() {
        let a = new_nonce();
        assert!(a.len() <= 18);
        assert_ne!(a, new_nonce());
    }
}
