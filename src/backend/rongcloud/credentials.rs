//! Credentials and where to send requests (reference §3).

use std::fmt;

use secrecy::SecretString;

/// App Key plus App Secret. The secret never prints (Debug shows `[redacted]`) and is not
/// serialisable.
#[derive(Clone)]
pub struct Credentials {
    pub app_key: String,
    pub app_secret: SecretString,
}

impl Credentials {
    pub fn new(app_key: impl Into<String>, app_secret: impl Into<String>) -> Self {
        Self { app_key: app_key.into(), app_secret: SecretString::from(app_secret.into()) }
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials").field("app_key", &self.app_key).field("app_secret", &"[redacted]").finish()
    }
}

/// The clock a data centre writes mute end times in (`/group/user/gag/list.json` `time`, a
/// zone-less `YYYY-MM-DD HH:MM:SS`): the documentation says Beijing time for the China data
/// centre; for the global ones we take UTC ([?], written down in README). A profile can say
/// otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ServerClock {
    /// UTC+08:00.
    Beijing,
    Utc,
}

impl ServerClock {
    pub fn offset_seconds(self) -> i32 {
        match self {
            Self::Beijing => 8 * 3600,
            Self::Utc => 0,
        }
    }

    /// A server time in this clock as UTC (`… UTC`); `permanent` for the year-9999 marker;
    /// anything unparseable as given.
    pub fn to_utc(self, server_time: &str) -> String {
        let Ok(t) = chrono::NaiveDateTime::parse_from_str(server_time.trim(), "%Y-%m-%d %H:%M:%S") else {
            return server_time.to_owned();
        };
        if chrono::Datelike::year(&t) >= 9999 {
            return "permanent".to_owned();
        }
        let utc = t - chrono::Duration::seconds(i64::from(self.offset_seconds()));
        format!("{} UTC", utc.format("%Y-%m-%d %H:%M:%S"))
    }
}

/// RongCloud data centres with their primary and backup domains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[derive(clap::ValueEnum)]
pub enum DataCenter {
    /// China (Beijing)
    Bj,
    /// Singapore
    Sg,
    /// Singapore B
    SgB,
    /// North America
    Na,
    /// Saudi Arabia
    Sau,
}

impl DataCenter {
    pub const ALL: [DataCenter; 5] = [Self::Bj, Self::Sg, Self::SgB, Self::Na, Self::Sau];

    /// The clock the data centre writes mute end times in.
    pub fn clock(self) -> ServerClock {
        if self == Self::Bj { ServerClock::Beijing } else { ServerClock::Utc }
    }

    pub fn urls(self) -> (&'static str, &'static str) {
        match self {
            Self::Bj => ("https://api.rong-api.com", "https://api-b.rong-api.com"),
            Self::Sg => ("https://api.sg-light-api.com", "https://api-b.sg-light-api.com"),
            Self::SgB => ("https://api.sg-b-light-api.com", "https://api-b.sg-b-light-api.com"),
            Self::Na => ("https://api.us-light-api.com", "https://api-b.us-light-api.com"),
            Self::Sau => ("https://api.sau-light-api.com", "https://api-b.sau-light-api.com"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Bj => "China (Beijing)",
            Self::Sg => "Singapore",
            Self::SgB => "Singapore B",
            Self::Na => "North America",
            Self::Sau => "Saudi Arabia",
        }
    }

    /// The CLI spelling: bj, sg, sg-b, na, sau.
    pub fn code(self) -> &'static str {
        match self {
            Self::Bj => "bj",
            Self::Sg => "sg",
            Self::SgB => "sg-b",
            Self::Na => "na",
            Self::Sau => "sau",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code().eq_ignore_ascii_case(s))
    }
}

/// Where requests go: a data centre (primary, failing over to backup) or custom URLs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Endpoint {
    DataCenter(DataCenter),
    Custom { primary: String, backup: Option<String> },
}

impl Endpoint {
    /// The clock of mute end times: the data centre's; UTC for a custom URL (a sandbox).
    pub fn clock(&self) -> ServerClock {
        match self {
            Endpoint::DataCenter(dc) => dc.clock(),
            _ => ServerClock::Utc,
        }
    }

    pub fn custom(url: impl Into<String>) -> Self {
        Self::Custom { primary: url.into(), backup: None }
    }

    /// The base URLs in failover order, checked: `https://` anywhere, plain `http://` only to a
    /// loopback host (the sandbox).
    pub fn urls(&self) -> Result<Vec<String>, String> {
        let raw: Vec<String> = match self {
            Self::DataCenter(dc) => {
                let (p, b) = dc.urls();
                vec![p.to_owned(), b.to_owned()]
            }
            Self::Custom { primary, backup } => std::iter::once(primary.clone()).chain(backup.clone()).collect(),
        };
        raw.into_iter().map(|u| check_base_url(&u)).collect()
    }
}

/// Validates a base URL; returns it without a trailing `/`.
pub fn check_base_url(url: &str) -> Result<String, String> {
    let url = url.trim().trim_end_matches('/');
    let parsed = reqwest::Url::parse(url).map_err(|e| format!("base URL {url:?} is not a URL: {e}"))?;
    match parsed.scheme() {
        "https" => {}
        "http" => {
            let loopback = match parsed.host() {
                Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
                Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                None => false,
            };
            if !loopback {
                return Err(format!(
                    "base URL {url:?}: plain http:// is allowed only for loopback (127.0.0.1, ::1, localhost); use https://"
                ));
            }
        }
        other => return Err(format!("base URL {url:?}: scheme {other}:// is not supported; use https://")),
    }
    if parsed.host().is_none() {
        return Err(format!("base URL {url:?} has no host"));
    }
    Ok(url.to_owned())
}

#[cfg(test)]
mod clock_tests {
    use super::*;

    #[test]
    fn mute_end_times_per_data_centre() {
        assert_eq!(DataCenter::Bj.clock().to_utc("2026-11-24 18:00:00"), "2026-11-24 10:00:00 UTC");
        assert_eq!(DataCenter::Sg.clock().to_utc("2026-11-24 18:00:00"), "2026-11-24 18:00:00 UTC");
        assert_eq!(ServerClock::Beijing.to_utc("9999-12-31 23:59:59"), "permanent");
        assert_eq!(ServerClock::Utc.to_utc("soon"), "soon");
    }
}
