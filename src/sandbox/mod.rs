//! `groupdesk sandbox`: a local, wire-compatible server of RongCloud's group Server API
//! (reference §5 legacy `/group/*`, §6 hosting `/entrust/*`) on SQLite. It is the console's
//! embedded default, the server of every test and the target of every benchmark. No UI here.

mod admin;
mod entrust;
pub mod error;
pub mod form;
mod http;
mod legacy;
mod seed;
pub mod store;
pub mod validate;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;
use tokio::sync::oneshot;

pub use error::{WireError, WireResult};
use form::Params;
use store::Ctx;

/// The credentials a fresh sandbox answers to. They are public demo values, not secrets.
pub const DEMO_APP_KEY: &str = "sandboxdemokey";
pub const DEMO_APP_SECRET: &str = "sandboxdemosecret";
pub const DEFAULT_ADDR: &str = "127.0.0.1:8600";
/// Documented: "Rate Limit: 100 requests per second", per App Key per endpoint.
pub const DEFAULT_RATE_LIMIT: u32 = 100;
/// Documented default group size limit.
pub const DEFAULT_MAX_MEMBERS: usize = 3000;
/// Bodies over this get 1508 ("HTTP body too large", documented as under 100 KB).
pub const MAX_BODY_BYTES: usize = 100 * 1024;

/// What a new, empty data directory is filled with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Seed {
    /// A few dozen hosted and legacy groups, one with 3,000 members, mutes and a muted-all group.
    Demo,
    /// Nothing.
    Empty,
}

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
        anyhow::ensure!(
            (0.0..=1.0).contains(&self.fault_rate),
            "--fault-rate must be between 0 and 1 (got {})",
            self.fault_rate
        );
        anyhow::ensure!(self.max_members >= 1, "--max-members must be at least 1");
        for k in &self.ext_keys {
            validate::ext_key_value(k).map_err(|e| anyhow::anyhow!("--ext-key: {}", e.message))?;
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

/// A running sandbox. Dropping it without [`Sandbox::shutdown`] stops accepting at once.
pub struct Sandbox {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    store_thread: Option<std::thread::JoinHandle<()>>,
    seeded: bool,
}

impl Sandbox {
    /// Opens the data directory (seeding it when new), binds the listener and starts serving on
    /// the current tokio runtime.
    pub async fn start(config: Config) -> anyhow::Result<Sandbox> {
        config.validate()?;
        let seed = config.seed;
        let app_key = config.app_key.clone();
        let ext_keys = config.ext_keys.clone();
        let opened = tokio::task::spawn_blocking({
            let dir = config.data_dir.clone();
            move || {
                store::Store::open(&dir, move |conn, fresh| {
                    let now = now_ms();
                    if fresh {
                        let tx = conn.transaction()?;
                        if seed == Seed::Demo {
                            seed::demo(&tx, &app_key, now)?;
                        }
                        store::mark_initialised(&tx, if seed == Seed::Demo { "demo" } else { "empty" })?;
                        tx.commit()?;
                    }
                    admin::add_keys(conn, &app_key, &ext_keys, now)?;
                    Ok(())
                })
            }
        })
        .await??;
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", config.addr))?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(http::Shared::new(config, opened.store));
        let (stop_tx, stop_rx) = oneshot::channel();
        let server = tokio::spawn(http::serve(listener, shared, stop_rx));
        Ok(Sandbox {
            addr,
            stop: Some(stop_tx),
            server: Some(server),
            store_thread: Some(opened.thread),
            seeded: opened.fresh && seed == Seed::Demo,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Whether this start filled a new data directory with demo data.
    pub fn seeded(&self) -> bool {
        self.seeded
    }

    /// Stops accepting, lets requests in flight finish, and closes the database cleanly.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
        if let Some(thread) = self.store_thread.take() {
            let _ = tokio::task::spawn_blocking(move || thread.join()).await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

type Handler = fn(&Ctx, &Params) -> WireResult<serde_json::Value>;

/// Every path the sandbox serves, with its handler. Anything else is 404.
static ROUTES: &[(&str, Handler)] = &[
    // §5 legacy groups
    ("/group/create.json", legacy::create),
    ("/group/join.json", legacy::join),
    ("/group/quit.json", legacy::quit),
    ("/group/dismiss.json", legacy::dismiss),
    ("/group/refresh.json", legacy::refresh),
    ("/group/user/query.json", legacy::members),
    ("/user/group/query.json", legacy::user_groups),
    ("/group/sync.json", legacy::sync),
    ("/group/user/gag/add.json", legacy::gag_add),
    ("/group/user/gag/rollback.json", legacy::gag_remove),
    ("/group/user/gag/list.json", legacy::gag_list),
    ("/group/ban/add.json", legacy::ban_add),
    ("/group/ban/rollback.json", legacy::ban_remove),
    ("/group/ban/query.json", legacy::ban_query),
    ("/group/user/ban/whitelist/add.json", legacy::whitelist_add),
    ("/group/user/ban/whitelist/rollback.json", legacy::whitelist_remove),
    ("/group/user/ban/whitelist/query.json", legacy::whitelist_query),
    ("/group/remarks/set.json", legacy::remark_set),
    ("/group/remarks/get.json", legacy::remark_get),
    ("/group/remarks/del.json", legacy::remark_del),
    // §6 group information hosting
    ("/entrust/group/create.json", entrust::create),
    ("/entrust/group/profile/update.json", entrust::profile_update),
    ("/entrust/group/profile/query.json", entrust::profile_query),
    ("/entrust/group/quit.json", entrust::quit),
    ("/entrust/group/member/kick.json", entrust::quit),
    ("/entrust/group/member/kick/all.json", entrust::kick_all),
    ("/entrust/group/dismiss.json", entrust::dismiss),
    ("/entrust/group/join.json", entrust::join),
    ("/entrust/group/transfer/owner.json", entrust::transfer_owner),
    ("/entrust/group/import.json", entrust::import),
    ("/entrust/group/manager/add.json", entrust::manager_add),
    ("/entrust/group/manager/remove.json", entrust::manager_remove),
    ("/entrust/group/member/query.json", entrust::member_query),
    ("/entrust/group/member/specific/query.json", entrust::member_specific),
    ("/entrust/group/member/set.json", entrust::member_set),
    ("/entrust/group/remarkname/set.json", entrust::remark_set),
    ("/entrust/group/remarkname/delete.json", entrust::remark_delete),
    ("/entrust/group/remarkname/query.json", entrust::remark_query),
    ("/entrust/group/member/follow.json", entrust::follow),
    ("/entrust/group/member/unfollow.json", entrust::unfollow),
    ("/entrust/group/member/followed/get.json", entrust::followed),
    ("/entrust/group/query.json", entrust::group_query),
    ("/entrust/joined/group/query.json", entrust::joined_query),
    // sandbox-only: the developer-console registry of extProfile keys
    ("/_sandbox/extkeys/list.json", admin::list),
    ("/_sandbox/extkeys/set.json", admin::set),
    ("/_sandbox/extkeys/delete.json", admin::delete),
];

/// The handler of `path`, with the path as a `'static` key for the rate limiter.
fn route(path: &str) -> Option<(&'static str, Handler)> {
    ROUTES.iter().find(|(p, _)| *p == path).copied()
}

/// All served paths (for documentation and tests).
pub fn paths() -> impl Iterator<Item = &'static str> {
    ROUTES.iter().map(|(p, _)| *p)
}
