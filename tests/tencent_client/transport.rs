//! The transport: failover to the backup URL, the group list's 1 call/s, the server's rate
//! limit waited out, the envelope decides.

use std::time::{Duration, Instant};

use groupdesk::backend::tencent::Client;

use super::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fails_over_to_the_backup_url_when_the_primary_is_down() {
    let env = empty().await;
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead_url = format!("http://{}", dead.local_addr().unwrap());
    drop(dead);
    let c = Client::new(config(&dead_url, Some(env.url.clone()), 0)).unwrap();
    c.all_group_ids(None).await.unwrap();
    assert_eq!(c.current_url(), env.url, "stays on the backup");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_group_list_is_paced_at_one_call_per_second() {
    let env = empty().await;
    let mut cfg = config(&env.url, None, 0);
    cfg.group_list_rate = 1;
    let c = Client::new(cfg).unwrap();
    let t = Instant::now();
    for _ in 0..3 {
        c.group_id_page(10, 0, None).await.unwrap();
    }
    assert!(t.elapsed() >= Duration::from_millis(1900), "{:?}", t.elapsed());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_servers_rate_limit_is_waited_out() {
    let env = start(Opts { server_rate: 20, ..Default::default() }).await;
    let c = &env.client;
    let admin = vec!["administrator".to_string()];
    let futures: Vec<_> = (0..60).map(|_| c.check_accounts(&admin)).collect();
    for r in futures::future::join_all(futures).await {
        r.unwrap();
    }
}
