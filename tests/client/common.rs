#![allow(dead_code)]
//! An in-process sandbox on a free loopback port and a client for it.

use std::time::Duration;

use groupdesk::backend::rongcloud::{Client, ClientConfig, Credentials, Endpoint};
use groupdesk::sandbox::{Config, Sandbox, Seed};

pub const KEY: &str = "clientkey";
pub const SECRET: &str = "client-secret-7c1f";

pub struct Env {
    pub sandbox: Sandbox,
    pub client: Client,
    _dir: tempfile::TempDir,
}

pub struct Opts {
    pub seed: Seed,
    pub server_rate: u32,
    pub client_rate: u32,
    pub fault_rate: f64,
    pub ext_keys: Vec<String>,
}

impl Default for Opts {
    fn default() -> Self {
        Self { seed: Seed::Empty, server_rate: 0, client_rate: 0, fault_rate: 0.0, ext_keys: vec![] }
    }
}

pub fn config(url: &str, backup: Option<String>, rate: u32) -> ClientConfig {
    let mut c = ClientConfig::new(
        Credentials::new(KEY, SECRET),
        Endpoint::Custom { primary: url.to_owned(), backup },
    );
    c.rate_limit = rate;
    c.connect_timeout = Duration::from_secs(2);
    c.request_timeout = Duration::from_secs(10);
    c
}

pub async fn start(o: Opts) -> Env {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = Config::new(dir.path());
    cfg.addr = "127.0.0.1:0".parse().unwrap();
    cfg.app_key = KEY.into();
    cfg.app_secret = SECRET.to_owned().into();
    cfg.seed = o.seed;
    cfg.rate_limit = o.server_rate;
    cfg.fault_rate = o.fault_rate;
    cfg.ext_keys = o.ext_keys;
    let sandbox = Sandbox::start(cfg).await.unwrap();
    let mut client_cfg = config(&sandbox.base_url(), None, o.client_rate);
    if o.fault_rate > 0.0 {
        // At a 30% fault rate, 6 attempts all fail once in ~1,400 calls; 13 attempts make a
        // flaky test practically impossible while still exercising every retry path.
        client_cfg.max_retries = 12;
    }
    let client = Client::new(client_cfg).unwrap();
    Env { sandbox, client, _dir: dir }
}

pub async fn empty() -> Env {
    start(Opts::default()).await
}

pub fn ids(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i}")).collect()
}
