//! Request authentication (reference §2): `App-Key`, `Nonce`, `Timestamp` and `Signature`
//! headers (or their `RC-` spellings), `Signature = hex(SHA1(AppSecret + Nonce + Timestamp))` in
//! any hex case, timestamp in seconds or milliseconds, no replay check.

use hyper::HeaderMap;
use secrecy::SecretString;

use super::error::WireError;
use crate::protocol::rongcloud::sign;
use crate::sandbox::core::header;

/// Checks the signed headers against the one App Key and secret the sandbox answers to.
pub fn authenticate(app_key: &str, secret: &SecretString, headers: &HeaderMap) -> Result<(), WireError> {
    let sent_key = header(headers, &["app-key", "rc-app-key"])
        .ok_or_else(|| WireError::new(401, 1002, "App-Key header is required"))?;
    if sent_key != app_key {
        return Err(WireError::new(401, 1002, "Invalidate App-Key."));
    }
    let missing = |name: &str| WireError::new(401, 1004, format!("Signature error: {name} header is required"));
    let nonce = header(headers, &["nonce", "rc-nonce"]).ok_or_else(|| missing("Nonce"))?;
    let timestamp = header(headers, &["timestamp", "rc-timestamp"]).ok_or_else(|| missing("Timestamp"))?;
    let signature = header(headers, &["signature", "rc-signature"]).ok_or_else(|| missing("Signature"))?;
    if !timestamp.bytes().all(|b| b.is_ascii_digit()) {
        return Err(WireError::new(401, 1004, "Signature error: Timestamp must be seconds or milliseconds since 1970"));
    }
    let expected = sign::signature(secret, nonce, timestamp);
    if !sign::signature_matches(&expected, signature) {
        return Err(WireError::new(401, 1004, "Signature error: Signature does not match App-Key, Nonce and Timestamp"));
    }
    Ok(())
}
