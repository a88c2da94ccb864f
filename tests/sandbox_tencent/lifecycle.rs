//! Start-up lines, the demo seed, persistence, kill -9 durability, rate limits, faults and
//! command-line checks.

use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::common::{ADMIN, KEY, SDKAPPID, Server, bin, json, sig};

#[test]
fn first_lines_name_the_address_and_the_demo_key_only_when_it_is_the_demo_key() {
    let tmp = tempfile::tempdir().unwrap();
    let s = Server::spawn_env(tmp.path(), &["--seed", "empty"], None);
    assert!(s.base.starts_with("http://127.0.0.1:"), "{}", s.base);
    std::thread::sleep(Duration::from_millis(300));
    let lines = s.stdout.lock().unwrap().join("\n");
    assert!(lines.contains("SDKAppID: 1400000000"), "{lines}");
    assert!(lines.contains("App admins: administrator"), "{lines}");
    assert!(lines.contains("Edition: premium"), "{lines}");
    assert!(lines.contains(&format!("Secret key: {} (public demo key)", groupdesk::sandbox::DEMO_TENCENT_SECRET_KEY)), "{lines}");
    drop(s);
    // A given key is never printed (nor in the process's arguments).
    let tmp = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(bin());
    cmd.args(["sandbox", "--service", "tencent", "--addr", "127.0.0.1:0", "--seed", "empty", "--data-dir"])
        .arg(tmp.path())
        .env("GROUPDESK_SANDBOX_SECRET_KEY", KEY)
        .env("GROUPDESK_LOG", "groupdesk=debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = cmd.spawn().unwrap();
    let pid = child.id().to_string();
    std::thread::sleep(Duration::from_millis(800));
    let _ = Command::new("kill").args(["-TERM", &pid]).status();
    let out = child.wait_with_output().unwrap();
    let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(all.starts_with("listening on http://127.0.0.1:"), "{all}");
    assert!(all.contains("Secret key: from GROUPDESK_SANDBOX_SECRET_KEY (not shown)"), "{all}");
    assert!(!all.contains(KEY), "the key leaked: {all}");
}

#[test]
fn the_demo_seed_has_one_group_of_every_type_with_stable_ids() {
    let s = Server::demo();
    let v = s.ok("get_appid_group_list", "{}");
    assert_eq!(v["GroupIdList"], json!([{"GroupId": "@TGS#_community"}, {"GroupId": "@TGS#work"}, {"GroupId": "@TGS#public"}, {"GroupId": "@TGS#meeting"}, {"GroupId": "@TGS#live"}]));
    let v = s.ok("get_group_info", r#"{"GroupIdList":["@TGS#_community","@TGS#work","@TGS#public","@TGS#meeting","@TGS#live"],"ResponseFilter":{"GroupBaseInfoFilter":["Type","Name","MemberNum","Owner_Account"]}}"#);
    let rows: Vec<(String, i64, String)> = v["GroupInfo"].as_array().unwrap().iter()
        .map(|g| (g["Type"].as_str().unwrap().to_owned(), g["MemberNum"].as_i64().unwrap(), g["Name"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(rows.iter().map(|r| (r.0.as_str(), r.1)).collect::<Vec<_>>(),
        [("Community", 20_000), ("Private", 12), ("Public", 500), ("ChatRoom", 40), ("AVChatRoom", 0)]);
    for (_, _, name) in &rows {
        assert!(name.len() <= 30 && !name.is_ascii(), "{name}");
    }
    let admins = s.ok("get_group_member_info", r#"{"GroupId":"@TGS#_community","Next":"","MemberRoleFilter":["Admin"],"MemberInfoFilter":["Role"]}"#);
    assert_eq!(admins["MemberList"].as_array().unwrap().len(), 10);
    let v = s.ok("im_open_login_svc/account_check", r#"{"CheckItem":[{"UserID":"user00001"},{"UserID":"user20000"},{"UserID":"administrator"},{"UserID":"user20001"}]}"#);
    let status: Vec<&str> = v["ResultItem"].as_array().unwrap().iter().map(|r| r["AccountStatus"].as_str().unwrap()).collect();
    assert_eq!(status, ["Imported", "Imported", "Imported", "NotImported"]);
}

#[test]
fn state_survives_a_restart_and_is_never_reseeded() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let s = Server::spawn_in(tmp.path(), &["--seed", "demo", "--rate-limit", "0"]);
        s.ok("destroy_group", r#"{"GroupId":"@TGS#work"}"#);
        s.group("Public", "mine", "user00001");
        s.ok("forbid_send_msg", r#"{"GroupId":"@TGS#public","Members_Account":["user00007"],"MuteTime":3600}"#);
        s.terminate();
    }
    let s = Server::spawn_in(tmp.path(), &["--seed", "demo", "--rate-limit", "0"]);
    let v = s.ok("get_group_info", r#"{"GroupIdList":["@TGS#work","mine"]}"#);
    assert_eq!((v["GroupInfo"][0]["ErrorCode"].as_i64(), v["GroupInfo"][1]["ErrorCode"].as_i64()), (Some(10010), Some(0)), "not re-seeded");
    assert_eq!(s.ok("get_group_muted_account", r#"{"GroupId":"@TGS#public"}"#)["MutedAccountList"].as_array().unwrap().len(), 6);
    drop(s);
    let tmp = tempfile::tempdir().unwrap();
    Server::spawn_in(tmp.path(), &["--seed", "empty"]).terminate();
    let s = Server::spawn_in(tmp.path(), &["--seed", "demo"]);
    assert_eq!(s.ok("get_appid_group_list", "{}")["TotalCount"], 0, "an empty seed stays empty");
}

#[test]
fn kill_9_loses_no_answered_request() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = Server::spawn_in(tmp.path(), &["--seed", "empty", "--rate-limit", "0"]);
    s.group("Community", "@TGS#_k", "o");
    let users: Vec<String> = (0..4000).map(|i| format!("k{i}")).collect();
    s.accounts(&users.iter().map(String::as_str).collect::<Vec<_>>());
    let acked = Arc::new(Mutex::new(Vec::<String>::new()));
    let base = s.base.clone();
    let query = s.query();
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (acked, base, query) = (acked.clone(), base.clone(), query.clone());
            std::thread::spawn(move || {
                let http = reqwest::blocking::Client::builder().timeout(Duration::from_secs(5)).build().unwrap();
                for i in (w..4000).step_by(4) {
                    let user = format!("k{i}");
                    let body = json!({"GroupId": "@TGS#_k", "MemberList": [{"Member_Account": user}]}).to_string();
                    let Ok(r) = http.post(format!("{base}/v4/group_open_http_svc/add_group_member?{query}")).body(body).send() else { return };
                    let Ok(text) = r.text() else { return };
                    if serde_json::from_str::<serde_json::Value>(&text).is_ok_and(|v| v["MemberList"][0]["Result"] == 1) {
                        acked.lock().unwrap().push(user);
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(700));
    s.kill9();
    for w in writers {
        w.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() > 20, "writes were answered before the kill: {}", acked.len());
    let s = Server::spawn_in(tmp.path(), &["--seed", "demo", "--rate-limit", "0"]);
    let mut present = std::collections::HashSet::new();
    let mut next = String::new();
    loop {
        let v = s.ok("get_group_member_info", &json!({"GroupId": "@TGS#_k", "Limit": 200, "Next": next, "MemberInfoFilter": ["Role"]}).to_string());
        present.extend(v["MemberList"].as_array().unwrap().iter().map(|m| m["Member_Account"].as_str().unwrap().to_owned()));
        next = v["Next"].as_str().unwrap().to_owned();
        if next.is_empty() {
            break;
        }
    }
    let lost: Vec<_> = acked.iter().filter(|u| !present.contains(*u)).collect();
    assert!(lost.is_empty(), "{} answered adds lost after kill -9, e.g. {:?}", lost.len(), &lost[..lost.len().min(5)]);
    assert_eq!(s.info("@TGS#_k")["MemberNum"].as_u64().unwrap() as usize, present.len(), "the counter matches the rows");
}

#[test]
fn the_group_list_is_limited_to_one_call_per_second_with_60007_in_http_200() {
    let s = Server::with(&["--seed", "empty"]);
    s.ok("get_appid_group_list", "{}");
    let (status, text) = s.raw("/v4/group_open_http_svc/get_appid_group_list", &s.query(), "{}");
    assert_eq!(status, 200, "{text}");
    let v = json(&text);
    assert_eq!((v["ActionStatus"].as_str(), v["ErrorCode"].as_i64()), (Some("FAIL"), Some(60007)), "{text}");
    assert!(v["ErrorInfo"].as_str().unwrap().contains("1 calls per second"), "{text}");
    let r = s.http.post(format!("{}/v4/group_open_http_svc/get_appid_group_list?{}", s.base, s.query())).body("{}").send().unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["retry-after"], "1");
    // Other commands keep the configured 200/s.
    for _ in 0..20 {
        s.ok("get_group_info", r#"{"GroupIdList":["x"]}"#);
    }
    std::thread::sleep(Duration::from_millis(1100));
    s.ok("get_appid_group_list", "{}");
}

#[test]
fn the_configured_limit_counts_per_command() {
    let s = Server::with(&["--seed", "empty", "--rate-limit", "3"]);
    let started = Instant::now();
    let mut codes = Vec::new();
    for _ in 0..6 {
        codes.push(s.call("get_group_info", r#"{"GroupIdList":["x"]}"#)["ErrorCode"].as_i64().unwrap());
    }
    if started.elapsed() < Duration::from_millis(900) {
        assert!(codes.contains(&60007), "{codes:?}");
        assert_eq!(codes[..3], [0, 0, 0], "{codes:?}");
    }
    s.ok("im_open_login_svc/account_check", r#"{"CheckItem":[{"UserID":"a"}]}"#);
}

#[test]
fn faults_answer_503_or_drop_the_connection() {
    let s = Server::with(&["--seed", "empty", "--rate-limit", "0", "--fault-rate", "1"]);
    let (mut unavailable, mut dropped) = (0, 0);
    for _ in 0..40 {
        let url = format!("{}/v4/group_open_http_svc/get_appid_group_list?{}", s.base, s.query());
        match s.http.post(url).body("{}").send() {
            Ok(r) => {
                assert_eq!(r.status().as_u16(), 503);
                let v = json(&r.text().unwrap());
                assert_eq!((v["ActionStatus"].as_str(), v["ErrorCode"].as_i64()), (Some("FAIL"), Some(10002)));
                unavailable += 1;
            }
            Err(_) => dropped += 1,
        }
    }
    assert!(unavailable > 0 && dropped > 0, "{unavailable} 503s, {dropped} drops");
    // Authentication comes before faults.
    let (status, text) = s.raw("/v4/group_open_http_svc/get_appid_group_list", &format!("sdkappid=1&identifier={ADMIN}&usersig={}", sig(KEY, SDKAPPID, ADMIN)), "{}");
    assert_eq!((status, json(&text)["ErrorCode"].as_i64()), (200, Some(60006)));
}

#[test]
fn bad_command_line_values_are_named() {
    for (args, needle) in [
        (vec!["--edition", "gold"], "gold"),
        (vec!["--admin", ""], "--admin"),
        (vec!["--fault-rate", "2"], "--fault-rate"),
        (vec!["--sdkappid", "0"], "--sdkappid"),
        (vec!["--service", "wechat"], "wechat"),
    ] {
        let out = Command::new(bin())
            .args(["sandbox", "--addr", "127.0.0.1:0", "--seed", "empty", "--data-dir", "/nonexistent/never"])
            .args(if args[0] == "--service" { vec![] } else { vec!["--service", "tencent"] })
            .args(&args)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}
