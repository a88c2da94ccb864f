//! UserSig (TLSSigAPIv2), reference §3: HMAC-SHA256 over the content lines with the secret key
//! taken as raw UTF-8 bytes (never hex-decoded), a JSON document, zlib (RFC 1950), and base64
//! with `+`→`*`, `/`→`-`, `=`→`_`. [`verify`] is the reverse: decode, inflate, parse, recompute
//! the HMAC over the document's own time and expiry, and check sdkappid, identifier and expiry.
//!
//! The key is a [`SecretString`]: never printed or logged.

use std::io::{Read, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// The signed document inside a UserSig.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    #[serde(rename = "TLS.ver")]
    pub ver: String,
    #[serde(rename = "TLS.identifier")]
    pub identifier: String,
    #[serde(rename = "TLS.sdkappid")]
    pub sdkappid: u64,
    #[serde(rename = "TLS.expire")]
    pub expire: u64,
    #[serde(rename = "TLS.time")]
    pub time: u64,
    #[serde(rename = "TLS.sig")]
    pub sig: String,
}

/// Why a UserSig was refused; each is its own error code on the wire (the sandbox maps them).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("the UserSig is not base64url-encoded zlib data")]
    Encoding,
    #[error("the UserSig does not hold a valid TLS document")]
    Document,
    #[error("the UserSig's signature does not match the secret key")]
    Signature,
    #[error("the UserSig expired at {expired_at} (now {now})")]
    Expired { expired_at: u64, now: u64 },
    #[error("the UserSig was made for SDKAppID {signed}, not {given}")]
    SdkAppId { signed: u64, given: u64 },
    #[error("the UserSig was made for identifier {signed:?}, not {given:?}")]
    Identifier { signed: String, given: String },
}

/// The exact content lines that are signed.
pub fn content(identifier: &str, sdkappid: u64, time: u64, expire: u64) -> String {
    format!("TLS.identifier:{identifier}\nTLS.sdkappid:{sdkappid}\nTLS.time:{time}\nTLS.expire:{expire}\n")
}

/// `TLS.sig`: standard base64 (with padding) of HMAC-SHA256(key bytes, content).
pub fn signature(key: &SecretString, identifier: &str, sdkappid: u64, time: u64, expire: u64) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.expose_secret().as_bytes()).expect("HMAC takes any key length");
    mac.update(content(identifier, sdkappid, time, expire).as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

fn to_url(b64: &str) -> String {
    b64.chars().map(|c| match c {
        '+' => '*',
        '/' => '-',
        '=' => '_',
        c => c,
    }).collect()
}

fn from_url(s: &str) -> String {
    s.chars().map(|c| match c {
        '*' => '+',
        '-' => '/',
        '_' => '=',
        c => c,
    }).collect()
}

/// A UserSig for `identifier`, valid `expire` seconds from `time` (unix seconds).
pub fn generate(key: &SecretString, sdkappid: u64, identifier: &str, time: u64, expire: u64) -> String {
    let doc = Document {
        ver: "2.0".into(),
        identifier: identifier.into(),
        sdkappid,
        expire,
        time,
        sig: signature(key, identifier, sdkappid, time, expire),
    };
    let json = serde_json::to_vec(&doc).expect("a document serialises");
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&json).expect("writing to memory");
    to_url(&STANDARD.encode(z.finish().expect("writing to memory")))
}

/// Decodes a UserSig without checking it (for tests and diagnostics).
pub fn decode(usersig: &str) -> Result<Document, Invalid> {
    let compressed = STANDARD.decode(from_url(usersig.trim())).map_err(|_| Invalid::Encoding)?;
    let mut json = Vec::new();
    flate2::read::ZlibDecoder::new(&compressed[..]).take(64 * 1024).read_to_end(&mut json).map_err(|_| Invalid::Encoding)?;
    serde_json::from_slice(&json).map_err(|_| Invalid::Document)
}

/// Checks a UserSig as the service does: signature, expiry, SDKAppID and identifier.
pub fn verify(key: &SecretString, usersig: &str, sdkappid: u64, identifier: &str, now: u64) -> Result<Document, Invalid> {
    let doc = decode(usersig)?;
    let expected = signature(key, &doc.identifier, doc.sdkappid, doc.time, doc.expire);
    if !constant_time_eq(expected.as_bytes(), doc.sig.as_bytes()) {
        return Err(Invalid::Signature);
    }
    let expired_at = doc.time.saturating_add(doc.expire);
    if now > expired_at {
        return Err(Invalid::Expired { expired_at, now });
    }
    if doc.sdkappid != sdkappid {
        return Err(Invalid::SdkAppId { signed: doc.sdkappid, given: sdkappid });
    }
    if doc.identifier != identifier {
        return Err(Invalid::Identifier { signed: doc.identifier, given: identifier.into() });
    }
    Ok(doc)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    fn key() -> SecretString {
        SecretString::from(KEY)
    }

    #[test]
    fn the_reference_hmac_vectors() {
        assert_eq!(signature(&key(), "xiaojun", 1400000000, 1700000000, 15552000), "LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=");
        assert_eq!(signature(&key(), "administrator", 1400000000, 1700000000, 86400), "yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=");
    }

    #[test]
    fn usersigs_of_the_official_python_and_node_packages_verify() {
        let python = "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkKjIT87NK82CSxSnZiQUFmSlAKUMTAyiAyqVWFGQWpYJkTE1NjRDiJZm5YFFzNPXFmekgG3zKHM1T9D3LzdODi-OKs8vCqpxcAvydnV2SSv2cy03cPcpDnA2SMgu0nUxslWoBHdYzUg__";
        let node = "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqOKplYUZBaBxE1NTY3gosWZ6UpWSj5ljuYp*p7l5unBxXnF2WVhVU4uAf7Ozi5JpX7O5SbuHuUhzgZJmQXaTia2SrUAohcx8g__";
        for sig in [python, node] {
            let doc = verify(&key(), sig, 1400000000, "xiaojun", 1700000100).unwrap();
            assert_eq!((doc.time, doc.expire, doc.sig.as_str()), (1700000000, 15552000, "LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4="));
        }
    }

    #[test]
    fn ours_decode_and_verify_and_every_failure_is_told_apart() {
        let sig = generate(&key(), 1400000000, "administrator", 1700000000, 86400);
        let doc = decode(&sig).unwrap();
        assert_eq!((doc.ver.as_str(), doc.identifier.as_str(), doc.sdkappid), ("2.0", "administrator", 1400000000));
        assert_eq!(doc.sig, "yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=");
        assert!(verify(&key(), &sig, 1400000000, "administrator", 1700000001).is_ok());
        assert_eq!(verify(&SecretString::from("other"), &sig, 1400000000, "administrator", 1700000001), Err(Invalid::Signature));
        assert!(matches!(verify(&key(), &sig, 1400000000, "administrator", 1700086401), Err(Invalid::Expired { .. })));
        assert!(matches!(verify(&key(), &sig, 1400000001, "administrator", 1700000001), Err(Invalid::SdkAppId { .. })));
        assert!(matches!(verify(&key(), &sig, 1400000000, "bob", 1700000001), Err(Invalid::Identifier { .. })));
        assert_eq!(verify(&key(), "not-a-sig", 1400000000, "administrator", 0), Err(Invalid::Encoding));
        assert!(!sig.contains(['+', '/', '=']), "the URL-safe variant: {sig}");
    }
}
