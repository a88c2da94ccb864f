//! Connection profiles and where their App Secrets live. Profiles (name, endpoint, App Key,
//! environment) are plain settings; the App Secret goes to the OS keyring, or — where no keyring
//! service exists — stays in memory for this run only. It is never written to disk in plain text.
//!
//! Also the sessions both front ends open: a profile's, the CLI's, and the **embedded
//! connection** — the built-in sandbox started in-process, so the console never touches the
//! sandbox itself.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::backend::Backend;
use crate::backend::rongcloud::{Client, ClientConfig, Credentials, Endpoint};
pub use crate::backend::rongcloud::DataCenter;
pub use crate::backend::rongcloud::credentials::ServerClock;
/// A Tencent Cloud Chat region (a profile names one; the connections screen lists them).
pub use crate::backend::tencent::Region;
use crate::model::ApiError;

use super::Session;
use super::audit::AuditLog;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Environment {
    Production,
    Staging,
    Sandbox,
}

impl Environment {
    pub const ALL: [Environment; 3] = [Self::Production, Self::Staging, Self::Sandbox];
    pub fn label(self) -> &'static str {
        match self {
            Self::Production => "production",
            Self::Staging => "staging",
            Self::Sandbox => "sandbox",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    DataCenter(DataCenter),
    Url(String),
}

/// A profile is RongCloud's (`target`, `app_key`, `mute_clock`) unless it has `tencent`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub target: Target,
    pub app_key: String,
    pub environment: Environment,
    /// The clock mute end times come in; `None`: the data centre's (Beijing for `bj`, else UTC).
    #[serde(default)]
    pub mute_clock: Option<crate::backend::rongcloud::credentials::ServerClock>,
    /// A Tencent Cloud Chat app (then `target` and `app_key` are unused). Its secret key is in
    /// the keyring like an App Secret, never here.
    #[serde(default)]
    pub tencent: Option<TencentApp>,
}

/// Where a Tencent Cloud Chat profile connects: a region or a custom base URL, the SDKAppID
/// and the App admin identifier REST calls are signed for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TencentApp {
    /// `None`: the custom `url`.
    pub region: Option<crate::backend::tencent::Region>,
    pub url: String,
    pub sdkappid: u64,
    pub identifier: String,
}

impl TencentApp {
    pub fn endpoint(&self) -> crate::backend::tencent::Endpoint {
        match self.region {
            Some(r) => crate::backend::tencent::Endpoint::Region(r),
            None => crate::backend::tencent::Endpoint::custom(self.url.trim().to_owned()),
        }
    }

    /// Where it goes, as audit entries name it: the region code or the URL.
    pub fn endpoint_name(&self) -> String {
        self.region.map_or_else(|| self.url.trim().to_owned(), |r| r.code().to_owned())
    }
}

impl Profile {
    pub fn service(&self) -> crate::model::Service {
        if self.tencent.is_some() { crate::model::Service::Tencent } else { crate::model::Service::RongCloud }
    }

    /// Where requests go, for the connection list (a data centre, region or URL).
    pub fn endpoint_label(&self) -> String {
        match (&self.tencent, &self.target) {
            (Some(t), _) => t.region.map_or_else(|| t.url.trim().to_owned(), |r| r.label().to_owned()),
            (None, Target::DataCenter(dc)) => dc.label().to_owned(),
            (None, Target::Url(u)) => u.clone(),
        }
    }

    pub fn endpoint(&self) -> Endpoint {
        match &self.target {
            Target::DataCenter(dc) => Endpoint::DataCenter(*dc),
            Target::Url(u) => Endpoint::custom(u.clone()),
        }
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("Name is required".into());
        }
        if demo_service(&self.name).is_some() {
            return Err(format!("Name: {} is the name of a built-in demo connection", self.name.trim()));
        }
        if let Some(t) = &self.tencent {
            if t.region.is_none() && t.url.trim().is_empty() {
                return Err("Base URL is required (or choose a region)".into());
            }
            t.endpoint().urls().map_err(|e| format!("Base URL: {e}"))?;
            if t.sdkappid == 0 {
                return Err("SDKAppID is required (a positive number)".into());
            }
            return crate::backend::tencent::check::account("", "App admin identifier", t.identifier.trim()).map_err(|e| e.message);
        }
        if self.app_key.trim().is_empty() {
            return Err("App Key is required".into());
        }
        self.endpoint().urls().map(|_| ())
    }
}

const SERVICE: &str = "groupdesk";

/// Secrets by profile name: the OS keyring when it works, else memory for this run.
#[derive(Default)]
pub struct SecretStore {
    memory: Mutex<HashMap<String, String>>,
    /// Set once the keyring failed; from then on only memory is used.
    keyring_unavailable: Mutex<bool>,
    /// Tests and the embedded sandbox use memory only.
    memory_only: bool,
}

impl SecretStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn memory_only() -> Self {
        Self { memory_only: true, ..Self::default() }
    }

    fn entry(profile: &str) -> Option<keyring::Entry> {
        keyring::Entry::new(SERVICE, profile).ok()
    }

    /// Stores a secret; returns whether it went to the OS keyring (else memory only).
    pub fn set(&self, profile: &str, secret: &str) -> bool {
        self.memory.lock().unwrap().insert(profile.to_owned(), secret.to_owned());
        if self.memory_only || *self.keyring_unavailable.lock().unwrap() {
            return false;
        }
        let stored = Self::entry(profile).is_some_and(|e| e.set_password(secret).is_ok());
        if !stored {
            tracing::warn!("no OS keyring available: the App Secret is kept in memory for this run only");
            *self.keyring_unavailable.lock().unwrap() = true;
        }
        stored
    }

    pub fn get(&self, profile: &str) -> Option<String> {
        if let Some(s) = self.memory.lock().unwrap().get(profile) {
            return Some(s.clone());
        }
        if self.memory_only || *self.keyring_unavailable.lock().unwrap() {
            return None;
        }
        let found = Self::entry(profile).and_then(|e| e.get_password().ok());
        if let Some(s) = &found {
            self.memory.lock().unwrap().insert(profile.to_owned(), s.clone());
        }
        found
    }

    pub fn forget(&self, profile: &str) {
        self.memory.lock().unwrap().remove(profile);
        if !self.memory_only {
            if let Some(e) = Self::entry(profile) {
                let _ = e.delete_credential();
            }
        }
    }

    pub fn keyring_available(&self) -> bool {
        !self.memory_only && !*self.keyring_unavailable.lock().unwrap()
    }
}

/// The built-in sandbox running in this process, as a connection.
pub struct Embedded(crate::sandbox::Sandbox);

impl Embedded {
    pub fn base_url(&self) -> String {
        self.0.base_url()
    }

    /// Stops it cleanly (requests in flight finish).
    pub async fn shutdown(self) {
        self.0.shutdown().await
    }
}

/// Where the embedded sandbox keeps its data by default.
pub fn default_sandbox_dir() -> std::path::PathBuf {
    crate::sandbox::default_data_dir()
}

fn rongcloud_session(config: ClientConfig, connection: String, operator: &str, audit: AuditLog) -> Result<Session, ApiError> {
    let client = Client::new(config)?;
    Ok(Session::new(Backend::RongCloud(client), connection, operator, audit))
}

/// Starts the built-in sandbox on a free loopback port (demo data in `data_dir` when new) and
/// connects to it with the demo credentials.
pub async fn start_embedded(data_dir: std::path::PathBuf, operator: &str, audit: AuditLog) -> Result<(Session, Embedded), String> {
    let mut config = crate::sandbox::Config::new(data_dir);
    config.addr = ([127, 0, 0, 1], 0).into();
    let sandbox = crate::sandbox::Sandbox::start(config).await.map_err(|e| format!("{e:#}"))?;
    let url = sandbox.base_url();
    let creds = Credentials::new(crate::sandbox::DEMO_APP_KEY, crate::sandbox::DEMO_APP_SECRET);
    let session = rongcloud_session(ClientConfig::new(creds, Endpoint::custom(url.clone())), url, operator, audit).map_err(|e| e.to_string())?;
    Ok((session, Embedded(sandbox)))
}

/// Names of the built-in sandbox's two demo connections (no profile needed).
pub const RONGCLOUD_DEMO: &str = "rongcloud-demo";
pub const TENCENT_DEMO: &str = "tencent-demo";

/// The demo connection a name means (`rongcloud-demo`, `tencent-demo`; the older names
/// "Built-in sandbox" and "sandbox" mean the RongCloud one), ignoring case.
pub fn demo_service(name: &str) -> Option<crate::model::Service> {
    let n = name.trim();
    if [RONGCLOUD_DEMO, "Built-in sandbox", "sandbox"].iter().any(|d| d.eq_ignore_ascii_case(n)) {
        Some(crate::model::Service::RongCloud)
    } else if n.eq_ignore_ascii_case(TENCENT_DEMO) {
        Some(crate::model::Service::Tencent)
    } else {
        None
    }
}

/// Where the embedded Tencent sandbox keeps its data: its own directory inside the RongCloud
/// one's (`tencent/`, with `tencent.db`).
pub fn tencent_sandbox_dir(data_dir: &std::path::Path) -> std::path::PathBuf {
    data_dir.join("tencent")
}

/// Starts the built-in Tencent Cloud Chat sandbox on a free loopback port (demo data when new,
/// in [`tencent_sandbox_dir`]) and connects to it with the demo SDKAppID, the `administrator`
/// App admin and the public demo key of the official examples (never a real secret).
pub async fn start_embedded_tencent(data_dir: std::path::PathBuf, operator: &str, audit: AuditLog) -> Result<(Session, Embedded), String> {
    use crate::backend::tencent::{self, limits};
    let dir = tencent_sandbox_dir(&data_dir);
    tokio::fs::create_dir_all(&dir).await.map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut config = crate::sandbox::TencentConfig::new(dir);
    config.addr = ([127, 0, 0, 1], 0).into();
    let sandbox = crate::sandbox::Sandbox::start_tencent(config).await.map_err(|e| format!("{e:#}"))?;
    let url = sandbox.base_url();
    let credentials = tencent::Credentials::new(limits::DEMO_SDKAPPID, limits::DEFAULT_ADMIN, limits::DEMO_SECRET_KEY);
    let client = tencent::Client::new(tencent::ClientConfig::new(credentials, tencent::Endpoint::custom(url.clone()))).map_err(|e| e.message)?;
    Ok((Session::new(Backend::Tencent(client), url, operator, audit), Embedded(sandbox)))
}

/// A saved profile's session, with its secret from the store (the App Secret, or a Tencent
/// app's secret key).
pub fn connect_profile(p: &Profile, secret: &str, operator: &str, audit: AuditLog) -> Result<Session, ApiError> {
    if let Some(t) = &p.tencent {
        use crate::backend::tencent;
        let credentials = tencent::Credentials::new(t.sdkappid, t.identifier.trim(), secret);
        let client = tencent::Client::new(tencent::ClientConfig::new(credentials, t.endpoint()))?;
        return Ok(Session::new(Backend::Tencent(client), t.endpoint_name(), operator, audit));
    }
    let endpoint = p.endpoint();
    let mut config = ClientConfig::new(Credentials::new(&p.app_key, secret), endpoint);
    config.clock = p.mute_clock;
    rongcloud_session(config, endpoint_name(&p.target), operator, audit)
}

fn endpoint_name(t: &Target) -> String {
    match t {
        Target::DataCenter(dc) => dc.code().to_owned(),
        Target::Url(u) => u.trim().to_owned(),
    }
}

/// What the CLI's options say about where to connect.
pub struct CliConnection {
    pub target: Target,
    pub backup_url: Option<String>,
    pub app_key: Option<String>,
    /// From the environment only (never a flag).
    pub secret: Option<String>,
    pub rate_limit: u32,
}

/// The CLI's session. On a loopback URL the sandbox's public demo key and secret are used when
/// none is given. Errors are usage errors (name the option).
pub fn connect_cli(c: CliConnection, operator: &str, audit: AuditLog) -> Result<Session, String> {
    let endpoint = match &c.target {
        Target::Url(url) => Endpoint::Custom { primary: url.clone(), backup: c.backup_url.clone() },
        Target::DataCenter(dc) => Endpoint::DataCenter(*dc),
    };
    endpoint.urls()?;
    let loopback = matches!(&c.target, Target::Url(u) if u.trim().starts_with("http://"));
    let app_key = match (c.app_key, loopback) {
        (Some(k), _) => k,
        (None, true) => crate::sandbox::DEMO_APP_KEY.to_owned(),
        (None, false) => return Err("--app-key is required".into()),
    };
    let secret = match c.secret.filter(|s| !s.is_empty()) {
        Some(s) => s,
        None if loopback && app_key == crate::sandbox::DEMO_APP_KEY => crate::sandbox::DEMO_APP_SECRET.to_owned(),
        None => return Err("the App Secret is read from the environment variable GROUPDESK_APP_SECRET, which is not set".into()),
    };
    let mut config = ClientConfig::new(Credentials::new(app_key, secret), endpoint);
    config.rate_limit = c.rate_limit;
    rongcloud_session(config, endpoint_name(&c.target), operator, audit).map_err(|e| e.message)
}

/// What the CLI's options say about a Tencent Cloud Chat connection.
pub struct TencentCliConnection {
    /// A region, or a base URL (with an optional backup).
    pub region: Option<crate::backend::tencent::Region>,
    pub base_url: Option<String>,
    pub backup_url: Option<String>,
    pub sdkappid: Option<u64>,
    pub identifier: String,
    /// From the environment only (`GROUPDESK_TENCENT_SECRET_KEY`), never a flag.
    pub secret_key: Option<secrecy::SecretString>,
    /// Calls per second per command; `None`: the documented 200.
    pub rate_limit: Option<u32>,
}

/// The CLI's Tencent session. On a loopback URL the sandbox's demo SDKAppID and public demo
/// key are used when none is given. Errors are usage errors (name the option).
pub fn connect_tencent_cli(c: TencentCliConnection, operator: &str, audit: AuditLog) -> Result<Session, String> {
    use crate::backend::tencent::{self, limits};
    use secrecy::ExposeSecret;
    let (endpoint, name) = match (c.region, &c.base_url) {
        (Some(r), None) => (tencent::Endpoint::Region(r), r.code().to_owned()),
        (None, Some(url)) => (tencent::Endpoint::Custom { primary: url.clone(), backup: c.backup_url.clone() }, url.trim().to_owned()),
        _ => return Err("connection: with --service tencent give --region china|sg|kr|jp|ger|ind|usa|idn|ksa or --base-url URL".into()),
    };
    endpoint.urls()?;
    let loopback = matches!(&c.base_url, Some(u) if u.trim().starts_with("http://"));
    let sdkappid = match (c.sdkappid, loopback) {
        (Some(n), _) => n,
        (None, true) => limits::DEMO_SDKAPPID,
        (None, false) => return Err("--sdkappid is required".into()),
    };
    let key = match c.secret_key.filter(|s| !s.expose_secret().is_empty()) {
        Some(k) => k,
        None if loopback && sdkappid == limits::DEMO_SDKAPPID => secrecy::SecretString::from(limits::DEMO_SECRET_KEY),
        None => return Err("the secret key is read from the environment variable GROUPDESK_TENCENT_SECRET_KEY, which is not set".into()),
    };
    let credentials = tencent::Credentials { sdkappid, identifier: c.identifier.trim().to_owned(), secret_key: key };
    let mut config = tencent::ClientConfig::new(credentials, endpoint);
    if let Some(r) = c.rate_limit {
        config.rate_limit = r;
    }
    let client = tencent::Client::new(config).map_err(|e| e.message)?;
    Ok(Session::new(Backend::Tencent(client), name, operator, audit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::tencent::Region;

    fn tencent(region: Option<Region>, url: &str, sdkappid: u64, identifier: &str) -> Profile {
        Profile {
            name: "tc".into(),
            target: Target::Url(String::new()),
            app_key: String::new(),
            environment: Environment::Staging,
            mute_clock: None,
            tencent: Some(TencentApp { region, url: url.into(), sdkappid, identifier: identifier.into() }),
        }
    }

    #[test]
    fn demo_names_and_tencent_profiles_are_checked_naming_the_field() {
        use crate::model::Service;
        assert_eq!(demo_service("tencent-demo"), Some(Service::Tencent));
        assert_eq!(demo_service("RongCloud-Demo"), Some(Service::RongCloud));
        assert_eq!(demo_service("Built-in sandbox"), Some(Service::RongCloud));
        assert_eq!(demo_service("prod"), None);
        assert!(tencent(Some(Region::Sg), "", 1_400_000_000, "administrator").validate().is_ok());
        assert!(tencent(None, "", 1, "administrator").validate().unwrap_err().starts_with("Base URL"));
        assert!(tencent(None, "http://example.com", 1, "administrator").validate().unwrap_err().starts_with("Base URL"));
        assert!(tencent(Some(Region::Sg), "", 0, "administrator").validate().unwrap_err().starts_with("SDKAppID"));
        assert!(tencent(Some(Region::Sg), "", 1, "").validate().unwrap_err().starts_with("App admin identifier"));
        let mut demo = tencent(Some(Region::Sg), "", 1, "administrator");
        demo.name = "tencent-demo".into();
        assert!(demo.validate().unwrap_err().contains("built-in demo connection"));
        let p = tencent(Some(Region::Ger), "", 1, "administrator");
        assert_eq!((p.service(), p.endpoint_label().as_str()), (Service::Tencent, "Frankfurt"));
        // Settings written before Tencent profiles existed still load.
        let old = r#"{"name":"p","target":{"Url":"http://127.0.0.1:1"},"app_key":"k","environment":"Staging"}"#;
        assert_eq!(serde_json::from_str::<Profile>(old).unwrap().service(), Service::RongCloud);
    }
}
