//! Request authentication (reference §1, §3): the query string carries `sdkappid`,
//! `identifier`, `usersig`, `random` and `contenttype`; the UserSig is verified with the app's
//! secret key and the identifier must be an App admin. Each failure has its own code, checked
//! in this order:
//!
//! | problem | code |
//! |---|---|
//! | `sdkappid` missing or empty | 60012 |
//! | `sdkappid` not a number, or not this app's | 60006 |
//! | `identifier` or `usersig` missing or empty | 60004 [I] (not 60015) |
//! | UserSig not base64url/zlib/JSON of a TLS document | 70003 [I] |
//! | UserSig signature not made with the app's key | 70009 [I] |
//! | UserSig expired (`TLS.time + TLS.expire` < now) | 70001 [I] |
//! | UserSig made for another SDKAppID | 70014 [I] |
//! | UserSig made for another identifier | 70013 [I] |
//! | identifier is not an App admin | 60010 |
//!
//! `random` and `contenttype` are accepted but not checked [I] (clients always send them; the
//! documented values are a u32 and `json`). The caller key the rate limit counts is the
//! SDKAppID, so the documented limits hold per app and command.

use hyper::http::request::Parts;
use secrecy::SecretString;

use super::error::WireError;
use crate::protocol::tencent::codes;
use crate::protocol::tencent::usersig::{self, Invalid};

/// The query parameters, first value of each name.
fn query(head: &Parts) -> Vec<(String, String)> {
    let q = head.uri.query().unwrap_or("");
    form_urlencoded::parse(q.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

fn get<'a>(q: &'a [(String, String)], name: &str) -> Option<&'a str> {
    q.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
}

/// Checks the signed query; returns the caller key (the SDKAppID).
pub fn authenticate(
    sdkappid: u64,
    key: &SecretString,
    admins: &[String],
    head: &Parts,
    now: u64,
) -> Result<String, WireError> {
    let q = query(head);
    let given = get(&q, "sdkappid").ok_or_else(|| WireError::new(codes::SDKAPPID_MISSING, "sdkappid is missing from the URL"))?;
    let given: u64 = given
        .parse()
        .map_err(|_| WireError::new(codes::SDKAPPID_INVALID, format!("sdkappid {given:?} is not a valid SDKAppID")))?;
    if given != sdkappid {
        return Err(WireError::new(codes::SDKAPPID_INVALID, format!("sdkappid {given} is not a valid SDKAppID")));
    }
    let identifier = get(&q, "identifier")
        .ok_or_else(|| WireError::new(codes::ACCOUNT_OR_SIG, "identifier is missing from the URL"))?;
    let sig = get(&q, "usersig").ok_or_else(|| WireError::new(codes::ACCOUNT_OR_SIG, "usersig is missing from the URL"))?;
    usersig::verify(key, sig, sdkappid, identifier, now).map_err(|e| {
        let code = match e {
            Invalid::Encoding | Invalid::Document => codes::USERSIG_MALFORMED,
            Invalid::Signature => codes::USERSIG_SIGNATURE,
            Invalid::Expired { .. } => codes::USERSIG_EXPIRED,
            Invalid::SdkAppId { .. } => codes::USERSIG_SDKAPPID,
            Invalid::Identifier { .. } => codes::USERSIG_IDENTIFIER,
        };
        WireError::new(code, format!("usersig check failed: {e}"))
    })?;
    if !admins.iter().any(|a| a == identifier) {
        return Err(WireError::new(codes::NOT_ADMIN, format!("identifier {identifier} is not an App admin; the REST API needs App admin permission")));
    }
    Ok(sdkappid.to_string())
}
