//! Signed requests per second the sandbox sustains on this machine: one mixed read/write
//! workload (70% reads, 30% writes) from 32 concurrent keep-alive clients, rate limit off,
//! against a release `groupdesk sandbox --seed demo` process on loopback.
//!
//! Run: `cargo bench --bench sandbox_throughput` (optional env: BENCH_SECONDS, BENCH_CLIENTS).

mod common;

use std::sync::Arc;

use groupdesk::backend::rongcloud::sign::SignedHeaders;
use secrecy::SecretString;

const KEY: &str = "benchkey";
const SECRET: &str = "benchsecret";

fn main() {
    let (seconds, clients) = common::load_settings();
    let tmp = tempfile::tempdir().unwrap();
    let sandbox = common::Sandbox::start(
        tmp.path(),
        &["--seed", "demo", "--rate-limit", "0", "--app-key", KEY],
        &[("GROUPDESK_SANDBOX_APP_SECRET", SECRET)],
    );
    let base = sandbox.url.clone();
    let secret = Arc::new(SecretString::from(SECRET));
    let run = common::load(
        clients,
        seconds,
        move |http, c, i| {
            let (path, body) = workload(c, i);
            let h = SignedHeaders::new(KEY, &secret);
            http.post(format!("{base}{path}"))
                .header("App-Key", h.app_key)
                .header("Nonce", h.nonce)
                .header("Timestamp", h.timestamp)
                .header("Signature", h.signature)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(body)
        },
        |status, body| (200..300).contains(&status) && body.starts_with(r#"{"code":200"#),
    );
    sandbox.stop();
    println!("sandbox_throughput: {}", run.summary("req/s", seconds, clients));
}

/// The mixed workload: reads of profiles, member pages and specific members, mute lists;
/// writes of nicknames, mutes and joins/kicks in the demo data.
fn workload(client: usize, i: u64) -> (&'static str, String) {
    let u = 10000 + ((i * 37 + client as u64 * 101) % 3000);
    // BENCH_KINDS=1,7 narrows the mix to some request kinds (for finding a slow one).
    let kind = match std::env::var("BENCH_KINDS") {
        Ok(list) => {
            let kinds: Vec<u64> = list.split(',').filter_map(|k| k.parse().ok()).collect();
            kinds[(i as usize) % kinds.len()]
        }
        Err(_) => i % 10,
    };
    match kind {
        0 => ("/entrust/group/profile/query.json", "groupIds=community,announcements,bookclub".into()),
        1 => ("/entrust/group/member/query.json", "groupId=community&size=100".into()),
        2 => ("/entrust/group/member/specific/query.json", format!("groupId=community&userIds=u{u},u{}", u + 1)),
        3 => ("/group/user/gag/list.json", "groupId=community".into()),
        4 => ("/entrust/joined/group/query.json", format!("userId=u{u}")),
        5 => ("/group/ban/query.json", "groupId=announcements".into()),
        6 => ("/entrust/group/query.json", "size=50".into()),
        7 => ("/entrust/group/member/set.json", format!("groupId=community&userId=u{u}&nickname=Bench{i}")),
        8 => {
            // Mutes and unmutes alternate, so the mute list stays a realistic size.
            let muted = 10000 + (i / 20 + client as u64 * 101) % 3000;
            if (i / 10) % 2 == 0 {
                ("/group/user/gag/add.json", format!("userId=u{muted}&groupId=community&minute=10"))
            } else {
                ("/group/user/gag/rollback.json", format!("userId=u{muted}&groupId=community"))
            }
        }
        _ => {
            // Joins and kicks alternate, so the group never fills up.
            let body = format!("groupId=bookclub&userIds=bench{client}x{}", i / 20);
            if (i / 10) % 2 == 0 {
                ("/entrust/group/join.json", body)
            } else {
                ("/entrust/group/member/kick.json", body)
            }
        }
    }
}
