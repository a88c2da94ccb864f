//! Credentials, the UserSig they sign, and where requests go (reference §1, §3).
//!
//! * [`Credentials`]: SDKAppID, the App admin identifier and the secret key. The key is a
//!   [`SecretString`]: `Debug` shows `[redacted]`, nothing serialises or logs it, and it never
//!   goes on a command line (the CLI reads it from `GROUPDESK_TENCENT_SECRET_KEY`).
//! * [`UserSigCache`]: one UserSig per client, generated with
//!   [`crate::protocol::tencent::usersig::generate`] and renewed [`RENEW_BEFORE`] seconds before
//!   it expires (the official Java SDK's rule), thread-safe. The usersig is a credential too: it
//!   is put in the query string only, never in logs or errors.
//! * [`Region`] and [`Endpoint`]: the official domain of each region with its standby
//!   `adminapi*.my-imcloud.com` domain where one is listed (failover on transport errors), or a
//!   custom base URL (plain `http://` only on loopback, as for RongCloud) with an optional backup.

use std::fmt;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use secrecy::SecretString;

use crate::protocol::tencent::usersig;

/// Seconds before expiry at which the cached UserSig is renewed.
pub const RENEW_BEFORE: u64 = 100;
/// The UserSig lifetime the client asks for by default: one day.
pub const DEFAULT_USERSIG_SECONDS: u64 = 86_400;

/// SDKAppID, App admin identifier and secret key.
#[derive(Clone)]
pub struct Credentials {
    pub sdkappid: u64,
    /// The App admin account the calls are signed for (`administrator` by default).
    pub identifier: String,
    pub secret_key: SecretString,
}

impl Credentials {
    pub fn new(sdkappid: u64, identifier: impl Into<String>, secret_key: impl Into<String>) -> Self {
        Self { sdkappid, identifier: identifier.into(), secret_key: SecretString::from(secret_key.into()) }
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("sdkappid", &self.sdkappid)
            .field("identifier", &self.identifier)
            .field("secret_key", &"[redacted]")
            .finish()
    }
}

pub fn unix_now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// The current UserSig, generated on first use and renewed [`RENEW_BEFORE`] seconds before
/// expiry (or halfway through a lifetime shorter than twice that).
pub struct UserSigCache {
    credentials: Credentials,
    lifetime: u64,
    current: Mutex<Option<(String, u64)>>,
}

impl fmt::Debug for UserSigCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UserSigCache").field("credentials", &self.credentials).field("lifetime", &self.lifetime).finish_non_exhaustive()
    }
}

impl UserSigCache {
    pub fn new(credentials: Credentials, lifetime_seconds: u64) -> Self {
        Self { credentials, lifetime: lifetime_seconds.max(2), current: Mutex::new(None) }
    }

    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// The UserSig to send now.
    pub fn get(&self) -> String {
        self.get_at(unix_now())
    }

    /// The UserSig to send at `now` (unix seconds): the cached one unless it is due for renewal.
    pub fn get_at(&self, now: u64) -> String {
        let margin = RENEW_BEFORE.min(self.lifetime / 2);
        let mut cur = self.current.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((sig, expires)) = cur.as_ref()
            && now.saturating_add(margin) < *expires
        {
            return sig.clone();
        }
        let c = &self.credentials;
        let sig = usersig::generate(&c.secret_key, c.sdkappid, &c.identifier, now, self.lifetime);
        tracing::debug!(sdkappid = c.sdkappid, identifier = %c.identifier, expires = now + self.lifetime, "new UserSig");
        *cur = Some((sig.clone(), now + self.lifetime));
        sig
    }

    /// Drops the cached UserSig (after the server refused it), so the next call signs anew.
    pub fn invalidate(&self) {
        *self.current.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}

/// The regions of reference §1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, clap::ValueEnum)]
pub enum Region {
    /// China (console.tim.qq.com)
    China,
    /// Singapore
    Sg,
    /// Seoul
    Kr,
    /// Tokyo
    Jp,
    /// Frankfurt
    Ger,
    /// Mumbai
    Ind,
    /// Silicon Valley
    Usa,
    /// Jakarta
    Idn,
    /// Riyadh
    Ksa,
}

impl Region {
    pub const ALL: [Region; 9] = [Self::China, Self::Sg, Self::Kr, Self::Jp, Self::Ger, Self::Ind, Self::Usa, Self::Idn, Self::Ksa];

    /// The official domain and the standby domain (DOOCS `Domain.java`), where one is listed.
    pub fn domains(self) -> (&'static str, Option<&'static str>) {
        match self {
            Self::China => ("console.tim.qq.com", Some("adminapi.my-imcloud.com")),
            Self::Sg => ("adminapisgp.im.qcloud.com", Some("adminapisgp.my-imcloud.com")),
            Self::Kr => ("adminapikr.im.qcloud.com", Some("adminapikr.my-imcloud.com")),
            Self::Jp => ("adminapijpn.im.qcloud.com", None),
            Self::Ger => ("adminapiger.im.qcloud.com", Some("adminapiger.my-imcloud.com")),
            Self::Ind => ("adminapiind.im.qcloud.com", Some("adminapiind.my-imcloud.com")),
            Self::Usa => ("adminapiusa.im.qcloud.com", Some("adminapiusa.my-imcloud.com")),
            Self::Idn => ("adminapiidn.im.qcloud.com", None),
            Self::Ksa => ("adminapiksa.im.qcloud.com", None),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::China => "China",
            Self::Sg => "Singapore",
            Self::Kr => "Seoul",
            Self::Jp => "Tokyo",
            Self::Ger => "Frankfurt",
            Self::Ind => "Mumbai",
            Self::Usa => "Silicon Valley",
            Self::Idn => "Jakarta",
            Self::Ksa => "Riyadh",
        }
    }

    /// The CLI spelling.
    pub fn code(self) -> &'static str {
        match self {
            Self::China => "china",
            Self::Sg => "sg",
            Self::Kr => "kr",
            Self::Jp => "jp",
            Self::Ger => "ger",
            Self::Ind => "ind",
            Self::Usa => "usa",
            Self::Idn => "idn",
            Self::Ksa => "ksa",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code().eq_ignore_ascii_case(s))
    }
}

/// Where requests go: a region (official domain, failing over to its standby) or custom URLs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Endpoint {
    Region(Region),
    Custom { primary: String, backup: Option<String> },
}

impl Endpoint {
    pub fn custom(url: impl Into<String>) -> Self {
        Self::Custom { primary: url.into(), backup: None }
    }

    /// The base URLs in failover order, checked: `https://` anywhere, `http://` only on loopback.
    pub fn urls(&self) -> Result<Vec<String>, String> {
        let raw: Vec<String> = match self {
            Self::Region(r) => {
                let (main, standby) = r.domains();
                std::iter::once(main).chain(standby).map(|d| format!("https://{d}")).collect()
            }
            Self::Custom { primary, backup } => std::iter::once(primary.clone()).chain(backup.clone()).collect(),
        };
        raw.into_iter().map(|u| crate::backend::rongcloud::credentials::check_base_url(&u)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    #[test]
    fn the_key_never_prints() {
        let c = Credentials::new(1400000000, "administrator", KEY);
        let shown = format!("{c:?} {:?}", UserSigCache::new(c.clone(), 100));
        assert!(!shown.contains(KEY) && shown.contains("[redacted]"), "{shown}");
    }

    #[test]
    fn usersig_is_cached_then_renewed_100_seconds_before_expiry() {
        let c = Credentials::new(1400000000, "administrator", KEY);
        let cache = UserSigCache::new(c.clone(), 300);
        let first = cache.get_at(1_000);
        assert_eq!(cache.get_at(1_199), first, "still 101 s to go");
        let renewed = cache.get_at(1_200);
        assert_ne!(renewed, first, "renewed 100 s before expiry");
        let doc = usersig::verify(&c.secret_key, &renewed, 1400000000, "administrator", 1_200).unwrap();
        assert_eq!((doc.time, doc.expire), (1_200, 300));
        // A short lifetime renews halfway through.
        let short = UserSigCache::new(c, 10);
        let a = short.get_at(50);
        assert_eq!(short.get_at(54), a);
        assert_ne!(short.get_at(55), a);
    }

    #[test]
    fn regions_and_custom_urls() {
        assert_eq!(Endpoint::Region(Region::Sg).urls().unwrap(), ["https://adminapisgp.im.qcloud.com", "https://adminapisgp.my-imcloud.com"]);
        assert_eq!(Endpoint::Region(Region::China).urls().unwrap(), ["https://console.tim.qq.com", "https://adminapi.my-imcloud.com"]);
        assert_eq!(Endpoint::Region(Region::Jp).urls().unwrap().len(), 1);
        assert_eq!(Region::parse("KSA"), Some(Region::Ksa));
        assert!(Endpoint::custom("http://127.0.0.1:9/").urls().is_ok());
        assert!(Endpoint::custom("http://example.com").urls().is_err());
        let both = Endpoint::Custom { primary: "http://127.0.0.1:1".into(), backup: Some("https://b.example".into()) };
        assert_eq!(both.urls().unwrap(), ["http://127.0.0.1:1", "https://b.example"]);
    }
}
