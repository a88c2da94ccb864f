//! `groupdesk sandbox`: a local, wire-compatible server of RongCloud's group Server API
//! (reference §5 legacy `/group/*`, §6 hosting `/entrust/*`) on SQLite. It is the console's
//! embedded default, the server of every test and the target of every benchmark. No UI here.
//!
//! Two layers:
//! * `core` — the service-neutral server: HTTP, body limit, latency, fault
//!   injection, rate limiting, the SQLite storage thread, shutdown and the running [`Sandbox`].
//!   A service plugs in by implementing its `Protocol` trait.
//! * `rongcloud` — the RongCloud protocol: §2 auth, form parsing, validation,
//!   the wire error, routes and handlers, over a repository (`rongcloud::repo`) that owns all SQL.
//!
//! * `tencent` — Tencent Cloud Chat's group REST API: UserSig auth, the JSON envelope, the
//!   five group types and custom fields, over its own repository (`tencent::repo`) and SQLite
//!   file (`tencent.db`).
//!
//! This module is the public face: [`Config`] (the command line's options) and
//! [`Sandbox::start`], which serves the RongCloud protocol; [`TencentConfig`] and
//! [`Sandbox::start_tencent`] for Tencent.

mod core;
mod rongcloud;
mod tencent;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use secrecy::SecretString;

pub use self::core::{Sandbox, now_ms};
use self::core::Options;
pub use self::rongcloud::paths;
pub use self::tencent::paths as tencent_paths;
use self::rongcloud::RongCloud;
use crate::protocol::rongcloud::limits;
use crate::protocol::tencent::limits as tc_limits;
use crate::protocol::tencent::wire::Edition;

/// The credentials a fresh sandbox answers to. They are public demo values, not secrets.
pub const DEMO_APP_KEY: &str = "sandboxdemokey";
pub const DEMO_APP_SECRET: &str = "sandboxdemosecret";
pub const DEFAULT_ADDR: &str = "127.0.0.1:8600";
/// Documented: "Rate Limit: 100 requests per second", per App Key per endpoint.
pub const DEFAULT_RATE_LIMIT: u32 = limits::RATE_PER_SECOND;
/// Documented default group size limit.
pub const DEFAULT_MAX_MEMBERS: usize = limits::MEMBERS_PER_GROUP;
/// Bodies over this get 1508 ("HTTP body too large", documented as under 100 KB).
pub const MAX_BODY_BYTES: usize = limits::BODY_BYTES_MAX;

/// What a new, empty data directory is filled with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Seed {
    /// A few dozen hosted and legacy groups, one with 3,000 members, mutes and a muted-all group.
    Demo,
    /// Nothing.
    Empty,
}

/// How `groupdesk sandbox` runs (one App Key, one data directory).
#[derive(Clone, Debug)]
pub struct Config {
    pub addr: SocketAddr,
    pub data_dir: PathBuf,
    pub app_key: String,
    pub app_secret: SecretString,
    pub seed: Seed,
    /// Requests per second per App Key per path; 0 = off.
    pub rate_limit: u32,
    /// Added before every answer, to model a real round trip.
    pub latency: Duration,
    /// Fraction of requests that get HTTP 503 or a dropped connection, before or after applying.
    pub fault_rate: f64,
    /// Allowed extProfile keys added to the App Key's registry at start.
    pub ext_keys: Vec<String>,
    pub max_members: usize,
}

impl Config {
    /// Defaults for a sandbox on `data_dir` (demo credentials, demo seed, documented limits).
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            addr: DEFAULT_ADDR.parse().expect("valid default address"),
            data_dir: data_dir.into(),
            app_key: DEMO_APP_KEY.to_owned(),
            app_secret: SecretString::from(DEMO_APP_SECRET),
            seed: Seed::Demo,
            rate_limit: DEFAULT_RATE_LIMIT,
            latency: Duration::ZERO,
            fault_rate: 0.0,
            ext_keys: Vec::new(),
            max_members: DEFAULT_MAX_MEMBERS,
        }
    }

    /// Checks values a command line or a settings file may have got wrong.
    pub fn validate(&self) -> anyhow::Result<()> {
        anyhow::ensure!(!self.app_key.trim().is_empty(), "--app-key must not be empty");
        check_fault_rate(self.fault_rate)?;
        anyhow::ensure!(self.max_members >= 1, "--max-members must be at least 1");
        for k in &self.ext_keys {
            rongcloud::check_ext_key(k).map_err(|message| anyhow::anyhow!("--ext-key: {message}"))?;
        }
        Ok(())
    }
}

/// The platform data directory of the sandbox (e.g. `~/.local/share/groupdesk/sandbox`).
pub fn default_data_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "groupdesk")
        .map(|d| d.data_dir().join("sandbox"))
        .unwrap_or_else(|| PathBuf::from("groupdesk-sandbox"))
}

impl Sandbox {
    /// Opens the data directory (seeding it when new), binds the listener and starts serving
    /// the RongCloud API on the current tokio runtime.
    pub async fn start(config: Config) -> anyhow::Result<Sandbox> {
        config.validate()?;
        let options = core_options(config.addr, config.data_dir, config.seed, config.rate_limit, config.latency, config.fault_rate);
        let protocol = RongCloud::new(config.app_key, config.app_secret, config.max_members, config.ext_keys);
        Sandbox::serve(options, protocol).await
    }
}

/// The official examples' secret key (tls-sig-api-v2), a public demo value: the Tencent
/// sandbox's default, printed at start. A real key comes from `GROUPDESK_SANDBOX_SECRET_KEY`.
pub const DEMO_TENCENT_SECRET_KEY: &str = crate::protocol::tencent::limits::DEMO_SECRET_KEY;
/// Documented: "200 calls per second" per command (`get_appid_group_list`: 1/s, per route).
pub const DEFAULT_TENCENT_RATE_LIMIT: u32 = tc_limits::RATE_PER_SECOND;

/// How `groupdesk sandbox --service tencent` runs (one SDKAppID, one data directory).
#[derive(Clone, Debug)]
pub struct TencentConfig {
    pub addr: SocketAddr,
    pub data_dir: PathBuf,
    pub sdkappid: u64,
    /// Never printed or logged (unless it is the public demo key).
    pub secret_key: SecretString,
    /// App admin identifiers: the only accounts REST calls may be signed for.
    pub admins: Vec<String>,
    /// Sets member caps (20 / 200 / 2,000) and whether Community groups exist (premium).
    pub edition: Edition,
    pub seed: Seed,
    /// Calls per second per SDKAppID per command; 0 = off.
    pub rate_limit: u32,
    pub latency: Duration,
    pub fault_rate: f64,
}

impl TencentConfig {
    /// Defaults for a sandbox on `data_dir` (demo SDKAppID and key, `administrator`, premium,
    /// demo seed, documented limits).
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            addr: DEFAULT_ADDR.parse().expect("valid default address"),
            data_dir: data_dir.into(),
            sdkappid: tc_limits::DEMO_SDKAPPID,
            secret_key: SecretString::from(DEMO_TENCENT_SECRET_KEY),
            admins: vec![tc_limits::DEFAULT_ADMIN.to_owned()],
            edition: Edition::Premium,
            seed: Seed::Demo,
            rate_limit: DEFAULT_TENCENT_RATE_LIMIT,
            latency: Duration::ZERO,
            fault_rate: 0.0,
        }
    }

    /// Checks values a command line or a settings file may have got wrong.
    pub fn validate(&self) -> anyhow::Result<()> {
        use secrecy::ExposeSecret;
        anyhow::ensure!(self.sdkappid > 0, "--sdkappid must be a positive number");
        anyhow::ensure!(!self.secret_key.expose_secret().is_empty(), "the secret key must not be empty");
        anyhow::ensure!(!self.admins.is_empty(), "at least one --admin is needed");
        for a in &self.admins {
            anyhow::ensure!(
                !a.is_empty() && a.len() <= tc_limits::ACCOUNT_BYTES && !a.chars().any(char::is_control),
                "--admin {a:?} must be 1 to {} bytes without control characters",
                tc_limits::ACCOUNT_BYTES
            );
        }
        check_fault_rate(self.fault_rate)?;
        Ok(())
    }
}

/// The one check of `--fault-rate`, for either service.
fn check_fault_rate(fault_rate: f64) -> anyhow::Result<()> {
    anyhow::ensure!((0.0..=1.0).contains(&fault_rate), "--fault-rate must be between 0 and 1 (got {fault_rate})");
    Ok(())
}

/// The server core's options from the fields every service's config has.
fn core_options(addr: SocketAddr, data_dir: PathBuf, seed: Seed, rate_limit: u32, latency: Duration, fault_rate: f64) -> Options {
    Options { addr, data_dir, demo_data: seed == Seed::Demo, rate_limit, latency, fault_rate }
}

impl Sandbox {
    /// Opens the data directory (`tencent.db`, seeding it when new), binds the listener and
    /// starts serving Tencent Cloud Chat's REST API on the current tokio runtime.
    pub async fn start_tencent(config: TencentConfig) -> anyhow::Result<Sandbox> {
        config.validate()?;
        let options = core_options(config.addr, config.data_dir, config.seed, config.rate_limit, config.latency, config.fault_rate);
        let protocol = tencent::Tencent::new(config.sdkappid, config.secret_key, config.admins, config.edition);
        Sandbox::serve(options, protocol).await
    }
}
