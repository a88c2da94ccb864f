#![allow(dead_code)]
//! An in-process Tencent sandbox on a free loopback port and a client for it.

use std::time::Duration;

use groupdesk::backend::tencent::{Client, ClientConfig, Credentials, Endpoint};
use groupdesk::protocol::tencent::limits::{DEFAULT_ADMIN, DEMO_SDKAPPID, DEMO_SECRET_KEY};
use groupdesk::sandbox::{Sandbox, Seed, TencentConfig};

pub struct Env {
    pub sandbox: Sandbox,
    pub client: Client,
    pub url: String,
    _dir: tempfile::TempDir,
}

pub struct Opts {
    pub seed: Seed,
    pub server_rate: u32,
    pub client_rate: u32,
    pub fault_rate: f64,
    /// The sandbox's edition (`None`: its default, premium).
    pub edition: Option<groupdesk::protocol::tencent::wire::Edition>,
}

impl Default for Opts {
    fn default() -> Self {
        Self { seed: Seed::Empty, server_rate: 0, client_rate: 0, fault_rate: 0.0, edition: None }
    }
}

pub fn config(url: &str, backup: Option<String>, rate: u32) -> ClientConfig {
    let mut c = ClientConfig::new(Credentials::new(DEMO_SDKAPPID, DEFAULT_ADMIN, DEMO_SECRET_KEY), Endpoint::Custom { primary: url.to_owned(), backup });
    c.rate_limit = rate;
    c.group_list_rate = 0;
    c.connect_timeout = Duration::from_secs(2);
    c.request_timeout = Duration::from_secs(20);
    c
}

pub async fn start(o: Opts) -> Env {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = TencentConfig::new(dir.path());
    cfg.addr = "127.0.0.1:0".parse().unwrap();
    cfg.seed = o.seed;
    cfg.rate_limit = o.server_rate;
    cfg.fault_rate = o.fault_rate;
    if let Some(e) = o.edition {
        cfg.edition = e;
    }
    let sandbox = Sandbox::start_tencent(cfg).await.unwrap();
    let url = sandbox.base_url();
    let mut client_cfg = config(&url, None, o.client_rate);
    if o.fault_rate > 0.0 {
        client_cfg.max_retries = 12;
    }
    let client = Client::new(client_cfg).unwrap();
    Env { sandbox, client, url, _dir: dir }
}

pub async fn empty() -> Env {
    start(Opts::default()).await
}

/// The demo data (`@TGS#_community` with its topics, permission groups and bans, …).
pub async fn demo() -> Env {
    start(Opts { seed: Seed::Demo, ..Default::default() }).await
}

pub fn ids(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i}")).collect()
}

/// Imports accounts (100 per call).
pub async fn accounts(c: &Client, ids: &[String]) {
    for chunk in ids.chunks(100) {
        let failed = c.import_accounts(chunk).await.unwrap();
        assert!(failed.is_empty(), "{failed:?}");
    }
}

/// A group of `group_type` owned by `owner` with `members` (all imported first).
pub async fn group(c: &Client, group_type: groupdesk::backend::tencent::wire::GroupType, id: &str, owner: &str, members: &[String]) -> String {
    use groupdesk::backend::tencent::types::NewGroup;
    let mut all = vec![owner.to_owned()];
    all.extend(members.iter().cloned());
    accounts(c, &all).await;
    let mut g = NewGroup::new(group_type, "测试群");
    g.group_id = Some(id.to_owned());
    g.owner = Some(owner.to_owned());
    let id = c.create_group(&g).await.unwrap();
    for chunk in members.chunks(300) {
        let r = c.add_members(&id, chunk, true).await.unwrap();
        assert!(r.iter().all(|m| m.result == 1 || m.result == 2), "{r:?}");
    }
    id
}
