//! Mute then unmute the 3,000 members of the demo group against
//! `groupdesk sandbox --latency-ms 40` with the documented 100 requests/s limit, with
//! groupdesk's client, and with the official Python SDK doing the same calls one after another.
//! Also: the client's per-request overhead (sign + encode + parse).
//!
//! Run: `cargo bench --bench bulk_mute` (the Python part needs target/sdk-venv, which the
//! test suite or .ci/run creates).

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use groupdesk::backend::rongcloud::bulk::Control;
use groupdesk::backend::rongcloud::sign::SignedHeaders;
use groupdesk::backend::rongcloud::{Client, ClientConfig, Credentials, Endpoint, Form};
use secrecy::SecretString;

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let sandbox = common::Sandbox::start(tmp.path(), &["--seed", "demo", "--latency-ms", "40"], &[]);
    let base = sandbox.url.clone();
    let users: Vec<String> = (10000..13000).map(|n| format!("u{n}")).collect();

    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let (mute, unmute, report_ok) = runtime.block_on(async {
        let client = Client::new(ClientConfig::new(
            Credentials::new(groupdesk::sandbox::DEMO_APP_KEY, groupdesk::sandbox::DEMO_APP_SECRET),
            Endpoint::custom(&base),
        ))
        .unwrap();
        // Let the server's per-endpoint budget refill after start-up.
        tokio::time::sleep(Duration::from_millis(1100)).await;
        let t = Instant::now();
        let m = client.mute_members("community", &users, 60, &Control::default()).await;
        let mute = t.elapsed();
        let t = Instant::now();
        let u = client.unmute_members("community", &users, &Control::default()).await;
        let unmute = t.elapsed();
        (mute, unmute, m.count("done") == 2999 && u.all_done())
    });
    assert!(report_ok, "every user muted (but the owner) and unmuted");
    let calls = 150 + 150;
    let bound = calls as f64 / 100.0;
    let total = (mute + unmute).as_secs_f64();
    println!(
        "bulk_mute: groupdesk mute {:.2} s + unmute {:.2} s = {total:.2} s for {calls} calls (+31 membership/profile reads); \
         rate-limit bound {bound:.2} s ({:.0}% of it)",
        mute.as_secs_f64(),
        unmute.as_secs_f64(),
        100.0 * total / bound
    );

    let python = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/sdk-venv/bin/python");
    if python.exists() {
        std::thread::sleep(Duration::from_millis(1100));
        let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/python_sdk_mute.py");
        let out = Command::new(python)
            .arg(script)
            .args([&base, groupdesk::sandbox::DEMO_APP_KEY, "community", "10001", "2999"])
            .env("GROUPDESK_SDK_SECRET", groupdesk::sandbox::DEMO_APP_SECRET)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let v: serde_json::Value = serde_json::from_str(text.trim()).unwrap_or_else(|_| panic!("python: {text} {}", String::from_utf8_lossy(&out.stderr)));
        let py = v["mute"].as_f64().unwrap() + v["unmute"].as_f64().unwrap();
        println!(
            "bulk_mute: official Python SDK rc-server-sdk 3.2.0, one call after another: mute {:.2} s + unmute {:.2} s = {py:.2} s ({:.1}x groupdesk)",
            v["mute"].as_f64().unwrap(),
            v["unmute"].as_f64().unwrap(),
            py / total
        );
    } else {
        println!("bulk_mute: Python SDK comparison skipped (no target/sdk-venv)");
    }
    sandbox.stop();

    // Per-request client overhead: sign + encode a 20-user mute form + parse the answer.
    let secret = SecretString::from("bench-secret");
    let ids: Vec<String> = (0..20).map(|i| format!("u{}", 10000 + i)).collect();
    let small = r#"{"code":200,"totalCount":0,"pageToken":"","members":[]}"#;
    let page: String = {
        let members: Vec<String> = (0..100)
            .map(|i| format!(r#"{{"userId":"u{i}","nickname":"Nick {i}","role":1,"time":1790000000000}}"#))
            .collect();
        format!(r#"{{"code":200,"totalCount":3000,"pageToken":"abc","members":[{}]}}"#, members.join(","))
    };
    for (label, answer) in [("a short answer", small), ("a 100-member page", page.as_str())] {
        let n = 100_000 / if answer.len() > 100 { 20 } else { 1 };
        let t = Instant::now();
        for _ in 0..n {
            let h = SignedHeaders::new("key", &secret);
            let body = Form::new().repeated("userId", &ids).add("groupId", "community").add("minute", "60").encode();
            // What the client does with an answer: the transport reads the code, the method
            // parses its typed result.
            assert_eq!(groupdesk::backend::rongcloud::client::answer_code(answer), Some(200));
            let parsed: groupdesk::backend::rongcloud::types::MemberPage = groupdesk::backend::rongcloud::client::decode(answer).unwrap();
            std::hint::black_box((h, body, parsed));
        }
        let per = t.elapsed().as_secs_f64() * 1e6 / n as f64;
        println!("client_overhead: sign + encode + parse {label}: {per:.2} µs per request");
    }
    let _ = small;
}
