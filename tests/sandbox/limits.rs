//! Rate limit, injected latency and faults, and the sandbox-only extProfile key registry.

use std::time::{Duration, Instant};

use crate::common::{Server, json};

#[test]
fn rate_limit_is_per_path_and_answers_429_1008() {
    let s = Server::with(&["--seed", "empty", "--rate-limit", "5"]);
    let probe = Server::client_for(&s.base);
    let mut refused = Vec::new();
    let mut accepted = 0;
    for _ in 0..20 {
        let (status, text) = probe.post("/group/user/query.json", "groupId=g1").unwrap();
        match status {
            200 => accepted += 1,
            429 => refused.push(text),
            other => panic!("unexpected {other} {text}"),
        }
    }
    assert!(accepted >= 5, "the first 5 pass: {accepted}");
    assert!(!refused.is_empty(), "20 requests at once must pass a limit of 5/s");
    assert_eq!(
        refused[0],
        r#"{"code":1008,"errorMessage":"The API rate limit has been exceeded (5 requests per second per App Key per endpoint). Retry after a short delay"}"#
    );
    // Another endpoint has its own budget.
    assert_eq!(probe.post("/group/ban/query.json", "").unwrap().0, 200);
    // And the budget refills.
    std::thread::sleep(Duration::from_millis(1100));
    assert_eq!(probe.post("/group/user/query.json", "groupId=g1").unwrap().0, 200);
}

#[test]
fn the_default_limit_is_100_per_second() {
    let s = Server::with(&["--seed", "empty"]);
    // 400 requests from 8 threads: even on a slow machine they arrive well above 100/s.
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let base = s.base.clone();
                scope.spawn(move || {
                    let probe = Server::client_for(&base);
                    (0..50).map(|_| probe.post("/group/ban/query.json", "").unwrap().0).collect::<Vec<u16>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let ok = statuses.iter().filter(|s| **s == 200).count();
    let limited = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(ok + limited, 400, "only 200 or 429");
    assert!(ok >= 100, "the first 100 pass: {ok}");
    assert!(limited > 0, "400 requests in a burst pass 100/s");
}

#[test]
fn latency_is_added_before_each_answer() {
    let s = Server::with(&["--seed", "empty", "--latency-ms", "300"]);
    let t = Instant::now();
    assert_eq!(s.post("/group/ban/query.json", "").0, 200);
    assert!(t.elapsed() >= Duration::from_millis(300), "{:?}", t.elapsed());
}

#[test]
fn faults_answer_503_or_drop_the_connection_before_or_after_applying() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let s = Server::spawn_in(tmp.path(), &["--seed", "empty", "--rate-limit", "0"]);
        s.ok("/entrust/group/create.json", "groupId=g1&name=G&owner=o");
    }
    let (mut unavailable, mut dropped) = (0, 0);
    {
        let s = Server::spawn_in(tmp.path(), &["--seed", "empty", "--rate-limit", "0", "--fault-rate", "1"]);
        let probe = Server::client_for(&s.base);
        for i in 0..60 {
            match probe.post("/entrust/group/join.json", &format!("groupId=g1&userIds=u{i}")) {
                Ok((503, text)) => {
                    assert_eq!(text, r#"{"code":1000,"errorMessage":"service unavailable (sandbox fault injection), retry later"}"#);
                    unavailable += 1;
                }
                Ok(other) => panic!("every request faults at rate 1: {other:?}"),
                Err(_) => dropped += 1,
            }
        }
    }
    assert!(unavailable > 0 && dropped > 0, "both kinds: {unavailable} 503, {dropped} dropped");
    let s = Server::spawn_in(tmp.path(), &["--seed", "empty", "--rate-limit", "0"]);
    let count = s.ok("/entrust/group/profile/query.json", "groupIds=g1")["profiles"][0]["memberCount"].as_i64().unwrap();
    // Some faults struck after the join was applied, some before.
    assert!(count > 1 && count < 61, "applied joins: {}", count - 1);
}

#[test]
fn a_fault_rate_of_zero_never_faults() {
    let s = Server::with(&["--seed", "empty", "--rate-limit", "0", "--fault-rate", "0"]);
    let probe = Server::client_for(&s.base);
    for _ in 0..50 {
        assert_eq!(probe.post("/group/ban/query.json", "").unwrap().0, 200);
    }
}

#[test]
fn ext_key_registry_endpoints() {
    let s = Server::with(&["--seed", "empty", "--rate-limit", "0", "--ext-key", "ext_tier"]);
    assert_eq!(s.post("/_sandbox/extkeys/list.json", "").1, r#"{"code":200,"keys":["ext_tier"]}"#);
    assert_eq!(s.post("/_sandbox/extkeys/set.json", "keys=ext_region,ext_a&keys=ext_b").1, r#"{"code":200}"#);
    assert_eq!(
        s.post("/_sandbox/extkeys/list.json", "").1,
        r#"{"code":200,"keys":["ext_a","ext_b","ext_region","ext_tier"]}"#
    );
    s.ok("/entrust/group/create.json", r#"groupId=g1&name=G&owner=o&groupExtProfile={"ext_region":"EMEA"}"#);
    assert_eq!(s.post("/_sandbox/extkeys/delete.json", "keys=ext_region").1, r#"{"code":200}"#);
    let t = s.err("/entrust/group/profile/update.json", r#"groupId=g1&groupExtProfile={"ext_region":"NA"}"#, 25415);
    assert!(t.contains("ext_region"), "{t}");
    // Values already stored stay.
    let p = s.ok("/entrust/group/profile/query.json", "groupIds=g1");
    assert_eq!(p["profiles"][0]["groupExtProfile"], r#"{"ext_region":"EMEA"}"#);
    let t = s.err("/_sandbox/extkeys/set.json", "keys=region", 1002);
    assert!(t.contains("must start with"), "{t}");
    let t = s.err("/_sandbox/extkeys/set.json", &format!("keys=ext_{}", "k".repeat(29)), 25406);
    assert!(t.contains("at most 32"), "{t}");
    s.err("/_sandbox/extkeys/set.json", "", 1002);
    // Signed like everything else.
    let (status, _) = s.req("/_sandbox/extkeys/list.json").secret("nope").send();
    assert_eq!(status, 401);
    assert_eq!(json(&s.post("/_sandbox/extkeys/list.json", "").1)["keys"].as_array().unwrap().len(), 3);
}
