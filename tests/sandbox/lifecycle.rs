//! Start-up, seeding, persistence, clean shutdown and crash safety.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::common::{Server, json};

#[test]
fn demo_seed_has_the_documented_groups() {
    let s = Server::demo();
    let v = s.ok("/entrust/group/profile/query.json", "groupIds=community,announcements");
    assert_eq!(v["profiles"][0]["memberCount"], 3000);
    assert_eq!(v["profiles"][0]["groupName"], "Global Community Lounge");
    assert_eq!(s.post("/group/ban/query.json", "groupId=announcements").1, r#"{"code":200,"groupinfo":[{"groupId":"announcements","stat":1}]}"#);
    let allow = s.ok("/group/user/ban/whitelist/query.json", "groupId=announcements");
    assert!(allow["userIds"].as_array().unwrap().len() >= 3);
    let gagged = s.ok("/group/user/gag/list.json", "groupId=community");
    assert!(gagged["users"].as_array().unwrap().len() >= 5);
    let all = s.ok("/entrust/group/query.json", "size=1000");
    assert!(all["groups"].as_array().unwrap().len() >= 24, "a few dozen hosted groups");
    // Legacy groups too, visible through the legacy API.
    let legacy = s.ok("/group/user/query.json", "groupId=legacyopsalerts");
    assert!(!legacy["users"].as_array().unwrap().is_empty());
    let keys = s.ok("/_sandbox/extkeys/list.json", "");
    assert!(keys["keys"].as_array().unwrap().iter().any(|k| k == "ext_region"));
}

#[test]
fn state_survives_a_restart_and_is_never_reseeded() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let s = Server::spawn_in(tmp.path(), &["--seed", "demo", "--rate-limit", "0"]);
        s.ok("/entrust/group/dismiss.json", "groupId=community");
        s.ok("/entrust/group/create.json", "groupId=mine&name=Mine&owner=o&userIds=a");
        s.ok("/group/user/gag/add.json", "userId=a&groupId=mine&minute=0");
        terminate(s);
    }
    let s = Server::spawn_in(tmp.path(), &["--seed", "demo", "--rate-limit", "0"]);
    assert_eq!(s.post("/entrust/group/profile/query.json", "groupIds=community").1, r#"{"code":200,"profiles":[]}"#, "not re-seeded");
    assert_eq!(s.ok("/entrust/group/profile/query.json", "groupIds=mine")["profiles"][0]["memberCount"], 2);
    assert_eq!(json(&s.post("/group/user/gag/list.json", "groupId=mine").1)["users"][0]["userId"], "a");
}

#[test]
fn an_empty_seed_stays_empty_after_restart() {
    let tmp = tempfile::tempdir().unwrap();
    terminate(Server::spawn_in(tmp.path(), &["--seed", "empty"]));
    let s = Server::spawn_in(tmp.path(), &["--seed", "demo"]);
    assert_eq!(s.post("/entrust/group/query.json", "").1, r#"{"code":200,"pageToken":"","groups":[]}"#);
}

/// Sends SIGTERM and checks a clean exit.
fn terminate(s: Server) {
    s.terminate_within(Duration::from_secs(15));
}

#[test]
fn sigterm_shuts_down_cleanly() {
    terminate(Server::empty());
}

#[test]
fn kill_9_during_writes_loses_no_answered_request() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = Server::spawn_in(tmp.path(), &["--seed", "empty", "--rate-limit", "0"]);
    s.ok("/entrust/group/create.json", "groupId=g1&name=G&owner=o");
    let base = s.base.clone();
    let acked = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let count = Arc::new(AtomicUsize::new(0));
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let acked = acked.clone();
            let count = count.clone();
            let base = base.clone();
            std::thread::spawn(move || {
                let probe = Server::client_for(&base);
                for i in 0..2000 {
                    let user = format!("w{w}u{i}");
                    match probe.post("/entrust/group/join.json", &format!("groupId=g1&userIds={user}")) {
                        Ok((200, _)) => {
                            acked.lock().unwrap().push(user);
                            count.fetch_add(1, Ordering::SeqCst);
                        }
                        _ => return, // the server is gone
                    }
                }
            })
        })
        .collect();
    while count.load(Ordering::SeqCst) < 300 {
        std::thread::sleep(Duration::from_millis(2));
    }
    s.kill9();
    for w in writers {
        w.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() >= 300);
    let s = Server::spawn_in(tmp.path(), &["--seed", "empty", "--rate-limit", "0"]);
    let mut present = std::collections::HashSet::new();
    let mut token = String::new();
    loop {
        let v = s.ok("/entrust/group/member/query.json", &format!("groupId=g1&size=100&pageToken={token}"));
        for m in v["members"].as_array().unwrap() {
            present.insert(m["userId"].as_str().unwrap().to_owned());
        }
        token = v["pageToken"].as_str().unwrap().to_owned();
        if token.is_empty() {
            break;
        }
    }
    let lost: Vec<&String> = acked.iter().filter(|u| !present.contains(*u)).collect();
    assert!(lost.is_empty(), "{} answered joins lost after kill -9, e.g. {:?}", lost.len(), &lost[..lost.len().min(5)]);
}

#[test]
fn first_line_names_the_address_and_credentials_follow() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(crate::common::bin())
        .args(["sandbox", "--addr", "127.0.0.1:0", "--seed", "empty"])
        .arg("--data-dir")
        .arg(tmp.path())
        .env_remove("GROUPDESK_SANDBOX_APP_SECRET")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut lines = Vec::new();
    for _ in 0..4 {
        let mut l = String::new();
        std::io::BufRead::read_line(&mut out, &mut l).unwrap();
        lines.push(l.trim().to_owned());
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(lines[0].starts_with("listening on http://127.0.0.1:"), "{lines:?}");
    assert!(!lines[0].ends_with(":0"));
    assert_eq!(lines[2], "App Key: sandboxdemokey");
    assert_eq!(lines[3], "App Secret: sandboxdemosecret (public demo secret)");
}

#[test]
fn a_given_secret_is_never_printed() {
    let tmp = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("timeout")
        .args(["-s", "TERM", "2", crate::common::bin(), "sandbox", "--addr", "127.0.0.1:0", "--seed", "empty"])
        .arg("--data-dir")
        .arg(tmp.path())
        .env("GROUPDESK_SANDBOX_APP_SECRET", "s3cr3t-value-xyz")
        .env("GROUPDESK_LOG", "trace")
        .output()
        .unwrap();
    let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(all.contains("listening on"), "{all}");
    assert!(!all.contains("s3cr3t-value-xyz"), "{all}");
    assert!(all.contains("App Secret: as given (not shown)"));
}

#[test]
fn bad_command_line_values_are_named() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(crate::common::bin()).args(args).output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (code, err) = run(&["sandbox", "--fault-rate", "1.5", "--data-dir", "/nonexistent/never"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("--fault-rate must be between 0 and 1 (got 1.5)"), "{err}");
    let (code, err) = run(&["sandbox", "--ext-key", "tier"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("--ext-key") && err.contains("must start with"), "{err}");
    let (code, err) = run(&["sandbox", "--rate-limit", "many"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--rate-limit"), "{err}");
}
