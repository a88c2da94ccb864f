//! Signing, failover, retries, the rate limit and logging of the transport.

use groupdesk::backend::rongcloud::bulk::Control;
use groupdesk::backend::rongcloud::{Client, ClientConfig, Credentials, Endpoint, ErrorKind};

use crate::common::{KEY, Opts, config, ids, start};

#[test]
fn signing_matches_the_official_example() {
    let s = groupdesk::backend::rongcloud::sign::signature(&"Y1W2MeFwwwRxa0".to_owned().into(), "14314", "1408710653000");
    assert_eq!(s, "30be0bbca9c9b2e27578701e9fda2358a814c88f");
}

#[tokio::test]
async fn a_wrong_secret_is_reported_as_1004() {
    let env = start(Opts::default()).await;
    let mut cfg = config(&env.sandbox.base_url(), None, 0);
    cfg.credentials = Credentials::new(KEY, "not-the-secret");
    let e = Client::new(cfg).unwrap().group_members("g1").await.unwrap_err();
    assert_eq!((e.http_status, e.code), (Some(401), Some(1004)));
    assert!(e.explanation().contains("signature"));
}

#[tokio::test]
async fn fails_over_to_the_backup_when_the_primary_is_down() {
    let env = start(Opts::default()).await;
    // A port that was just free: nothing listens there.
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let primary = format!("http://{dead}");
    let client = Client::new(config(&primary, Some(env.sandbox.base_url()), 0)).unwrap();
    // A create is not retried after an ambiguous failure, but a refused connection was never
    // sent, so it moves to the backup and succeeds.
    client.group_create("g1", "G", &["u1"]).await.unwrap();
    assert_eq!(client.current_url(), env.sandbox.base_url());
    assert_eq!(client.group_members("g1").await.unwrap(), ["u1"]);
}

#[tokio::test]
async fn a_dead_endpoint_ends_in_a_transport_error() {
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let mut cfg = config(&format!("http://{dead}"), None, 0);
    cfg.max_retries = 1;
    let e = Client::new(cfg).unwrap().group_members("g1").await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Transport);
    assert!(e.message.contains("cannot connect"), "{}", e.message);
    assert!(e.is_ambiguous());
}

#[test]
fn plain_http_is_only_for_loopback() {
    for bad in ["http://api.example.com", "ftp://127.0.0.1", "not a url"] {
        let e = Client::new(ClientConfig::new(Credentials::new("k", "s"), Endpoint::custom(bad))).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Invalid, "{bad}");
    }
    for good in ["http://127.0.0.1:8600", "http://localhost:1", "http://[::1]:9", "https://api.example.com/"] {
        Client::new(ClientConfig::new(Credentials::new("k", "s"), Endpoint::custom(good))).unwrap();
    }
    let dc = Client::new(ClientConfig::new(Credentials::new("k", "s"), Endpoint::DataCenter(groupdesk::backend::rongcloud::DataCenter::Sg))).unwrap();
    assert_eq!(dc.current_url(), "https://api.sg-light-api.com");
}

#[test]
fn credentials_never_print_the_secret() {
    let c = Credentials::new("key", "super-secret-value");
    assert!(!format!("{c:?}").contains("super-secret-value"));
    let client = Client::new(ClientConfig::new(c, Endpoint::custom("http://127.0.0.1:1"))).unwrap();
    assert!(!format!("{client:?}").contains("super-secret-value"));
}

#[tokio::test]
async fn retries_through_injected_faults() {
    let env = start(Opts { fault_rate: 0.3, ..Default::default() }).await;
    let c = &env.client;
    c.group_create("g1", "G", &["u1"]).await.unwrap(); // legacy create is idempotent: retried
    for i in 0..40 {
        c.mute(Some("g1"), &[format!("m{i}")], 10).await.unwrap();
    }
    let muted = c.muted(Some("g1")).await.unwrap();
    assert_eq!(muted.len(), 40);
}

#[tokio::test]
async fn no_429_reaches_the_caller_at_the_servers_limit() {
    // Server at the documented 100/s; one client with its limiter at the same rate, one with
    // none at all (it must recover from every 429 itself).
    let env = start(Opts { server_rate: 100, client_rate: 100, ..Default::default() }).await;
    env.client.group_create("g1", "G", &ids("u", 500)).await.unwrap();
    let r = env.client.mute_members("g1", &ids("u", 500), 5, &Control::default()).await;
    assert!(r.all_done(), "{:?}", r.items.iter().find(|i| i.outcome.label() != "done"));
    let unlimited = Client::new(config(&env.sandbox.base_url(), None, 0)).unwrap();
    let r = unlimited.unmute_members("g1", &ids("u", 500), &Control::default()).await;
    assert!(r.all_done(), "{:?}", r.items.iter().find(|i| i.outcome.label() != "done"));
    assert!(env.client.muted(Some("g1")).await.unwrap().is_empty());
}
