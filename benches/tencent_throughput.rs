//! Signed requests per second the **Tencent** sandbox sustains on this machine: a mixed workload
//! (70% reads, 30% writes) of `/v4/group_open_http_svc/*` commands, each signed with an App
//! admin UserSig in the query string (generated once and reused, as a client does), from 32
//! concurrent keep-alive clients, rate limit off, against a release
//! `groupdesk sandbox --service tencent --seed demo` process on loopback.
//!
//! Run: `cargo bench --bench tencent_throughput` (optional env: BENCH_SECONDS, BENCH_CLIENTS).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use groupdesk::protocol::tencent::{limits, usersig};
use secrecy::SecretString;

const KEY: &str = "bench-secret-key-for-the-sandbox";

fn main() {
    let seconds: u64 = std::env::var("BENCH_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let clients: usize = std::env::var("BENCH_CLIENTS").ok().and_then(|s| s.parse().ok()).unwrap_or(32);
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_groupdesk"))
        .args(["sandbox", "--service", "tencent", "--addr", "127.0.0.1:0", "--seed", "demo", "--rate-limit", "0"])
        .arg("--data-dir")
        .arg(tmp.path())
        .env("GROUPDESK_SANDBOX_SECRET_KEY", KEY)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn sandbox");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let base = line.trim().strip_prefix("listening on ").unwrap().to_owned();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let sig = usersig::generate(&SecretString::from(KEY), limits::DEMO_SDKAPPID, limits::DEFAULT_ADMIN, now, 86_400);
    let query = format!("sdkappid={}&identifier={}&usersig={sig}&contenttype=json", limits::DEMO_SDKAPPID, limits::DEFAULT_ADMIN);

    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let (count, errors, latencies) = runtime.block_on(async {
        let http = reqwest::Client::builder().pool_max_idle_per_host(clients).build().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let count = Arc::new(AtomicU64::new(0));
        let errors = Arc::new(AtomicU64::new(0));
        let mut tasks = Vec::new();
        for c in 0..clients {
            let (http, stop, count, errors, base, query) =
                (http.clone(), stop.clone(), count.clone(), errors.clone(), base.clone(), query.clone());
            tasks.push(tokio::spawn(async move {
                let mut lat = Vec::with_capacity(100_000);
                let mut i: u64 = 0;
                while !stop.load(Ordering::Relaxed) {
                    let (command, body) = workload(c, i);
                    i += 1;
                    let t = Instant::now();
                    let r = http
                        .post(format!("{base}/v4/{command}?{query}&random={}", rand::random::<u32>()))
                        .header("Content-Type", "application/json")
                        .body(body)
                        .send()
                        .await;
                    let ok = match r {
                        Ok(resp) => resp.text().await.is_ok_and(|t| t.contains(r#""ErrorCode":0"#)),
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
        "tencent_throughput: {count:.0} signed req/s over {seconds} s, {clients} clients, 70/30 read/write; \
         latency p50 {:.2} ms, p99 {:.2} ms; failed requests: {errors}",
        pct(0.5),
        pct(0.99)
    );
}

/// The mixed workload on the demo data: group profiles, 100-member pages of the Public group and
/// cursor pages of the Community, roles, mute lists, a user's groups; writes of name cards,
/// mutes/unmutes and adds/kicks in the Meeting group.
fn workload(client: usize, i: u64) -> (&'static str, String) {
    let n = 2 + ((i * 37 + client as u64 * 101) % 498);
    let user = format!("user{n:05}");
    match i % 10 {
        0 => ("group_open_http_svc/get_group_info", r#"{"GroupIdList":["@TGS#_community","@TGS#public","@TGS#meeting"]}"#.into()),
        1 => ("group_open_http_svc/get_group_member_info", format!(r#"{{"GroupId":"@TGS#public","Limit":100,"Offset":{}}}"#, (n % 5) * 100)),
        2 => ("group_open_http_svc/get_group_member_info", format!(r#"{{"GroupId":"@TGS#_community","Limit":100,"Next":"{}"}}"#, n * 40)),
        3 => ("group_open_http_svc/get_role_in_group", format!(r#"{{"GroupId":"@TGS#public","User_Account":["{user}","user00001"]}}"#)),
        4 => ("group_open_http_svc/get_group_muted_account", r#"{"GroupId":"@TGS#public"}"#.into()),
        5 => ("group_open_http_svc/get_joined_group_list", format!(r#"{{"Member_Account":"{user}"}}"#)),
        6 => ("group_open_http_svc/get_group_info", r#"{"GroupIdList":["@TGS#work"],"ResponseFilter":{"AppDefinedDataFilter_Group":["level"]}}"#.into()),
        7 => ("group_open_http_svc/modify_group_member_info", format!(r#"{{"GroupId":"@TGS#public","Member_Account":"{user}","NameCard":"卡{i}"}}"#)),
        8 => ("group_open_http_svc/forbid_send_msg", format!(r#"{{"GroupId":"@TGS#public","Members_Account":["{user}"],"MuteTime":{}}}"#, (i / 10 % 2) * 60)),
        _ => {
            // The same user is added, then removed ten requests later.
            let u = format!("user{:05}", 600 + (i / 20 % 400) + client as u64 * 400);
            if i / 10 % 2 == 0 {
                ("group_open_http_svc/add_group_member", format!(r#"{{"GroupId":"@TGS#meeting","Silence":1,"MemberList":[{{"Member_Account":"{u}"}}]}}"#))
            } else {
                ("group_open_http_svc/delete_group_member", format!(r#"{{"GroupId":"@TGS#meeting","Silence":1,"MemberToDel_Account":["{u}"]}}"#))
            }
        }
    }
}
