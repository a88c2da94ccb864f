//! Signed requests per second the sandbox sustains on this machine: one mixed read/write
//! workload (70% reads, 30% writes) from 32 concurrent keep-alive clients, rate limit off,
//! against a release `groupdesk sandbox --seed demo` process on loopback.
//!
//! Run: `cargo bench --bench sandbox_throughput` (optional env: BENCH_SECONDS, BENCH_CLIENTS).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use groupdesk::backend::rongcloud::sign::SignedHeaders;
use secrecy::SecretString;

const KEY: &str = "benchkey";
const SECRET: &str = "benchsecret";

fn main() {
    let seconds: u64 = std::env::var("BENCH_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let clients: usize = std::env::var("BENCH_CLIENTS").ok().and_then(|s| s.parse().ok()).unwrap_or(32);
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_groupdesk"))
        .args(["sandbox", "--addr", "127.0.0.1:0", "--seed", "demo", "--rate-limit", "0", "--app-key", KEY])
        .arg("--data-dir")
        .arg(tmp.path())
        .env("GROUPDESK_SANDBOX_APP_SECRET", SECRET)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn sandbox");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let base = line.trim().strip_prefix("listening on ").unwrap().to_owned();

    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let (count, errors, latencies) = runtime.block_on(async {
        let http = reqwest::Client::builder().pool_max_idle_per_host(clients).build().unwrap();
        let secret = Arc::new(SecretString::from(SECRET));
        let stop = Arc::new(AtomicBool::new(false));
        let count = Arc::new(AtomicU64::new(0));
        let errors = Arc::new(AtomicU64::new(0));
        let mut tasks = Vec::new();
        for c in 0..clients {
            let (http, secret, stop, count, errors, base) =
                (http.clone(), secret.clone(), stop.clone(), count.clone(), errors.clone(), base.clone());
            tasks.push(tokio::spawn(async move {
                let mut lat = Vec::with_capacity(100_000);
                let mut i: u64 = 0;
                while !stop.load(Ordering::Relaxed) {
                    let (path, body) = workload(c, i);
                    i += 1;
                    let h = SignedHeaders::new(KEY, &secret);
                    let t = Instant::now();
                    let r = http
                        .post(format!("{base}{path}"))
                        .header("App-Key", h.app_key)
                        .header("Nonce", h.nonce)
                        .header("Timestamp", h.timestamp)
                        .header("Signature", h.signature)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(body)
                        .send()
                        .await;
                    let ok = match r {
                        Ok(resp) => resp.status().is_success() && resp.text().await.is_ok_and(|t| t.starts_with(r#"{"code":200"#)),
                        Err(_) => false,
                    };
                    lat.push(t.elapsed().as_micros() as u64);
                    if ok {
                        count.fetch_add(1, Ordering::Relaxed);
                    } else {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
                lat
            }));
        }
        // Warm up for one second, then measure.
        tokio::time::sleep(Duration::from_secs(1)).await;
        let start_count = count.load(Ordering::Relaxed);
        let started = Instant::now();
        tokio::time::sleep(Duration::from_secs(seconds)).await;
        let done = count.load(Ordering::Relaxed) - start_count;
        let elapsed = started.elapsed();
        stop.store(true, Ordering::Relaxed);
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.unwrap());
        }
        all.sort_unstable();
        (done as f64 / elapsed.as_secs_f64(), errors.load(Ordering::Relaxed), all)
    });
    let _ = child.kill();
    let _ = child.wait();
    let pct = |p: f64| latencies[((latencies.len() as f64 - 1.0) * p) as usize] as f64 / 1000.0;
    println!(
        "sandbox_throughput: {count:.0} req/s over {seconds} s, {clients} clients, 70/30 read/write; \
         latency p50 {:.2} ms, p99 {:.2} ms; failed requests: {errors}",
        pct(0.5),
        pct(0.99)
    );
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
