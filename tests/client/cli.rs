//! The headless CLI against a real `groupdesk sandbox` process.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};

pub(super) struct Sandbox {
    child: Child,
    pub(super) url: String,
    _dir: tempfile::TempDir,
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(super) fn sandbox(extra: &[&str]) -> Sandbox {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_groupdesk"))
        .args(["sandbox", "--addr", "127.0.0.1:0", "--seed", "demo"])
        .arg("--data-dir")
        .arg(dir.path())
        .args(extra)
        .env_remove("GROUPDESK_SANDBOX_APP_SECRET")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    std::thread::spawn(move || for _ in out.lines() {});
    Sandbox { child, url: line.trim().strip_prefix("listening on ").unwrap().to_owned(), _dir: dir }
}

pub(super) fn run(args: &[&str]) -> Output {
    // Keep the tests' audit entries out of the machine's real audit log.
    let audit = std::env::temp_dir().join(format!("groupdesk-cli-tests-{}.jsonl", std::process::id()));
    Command::new(env!("CARGO_BIN_EXE_groupdesk"))
        .args(args)
        .env_remove("GROUPDESK_APP_SECRET")
        .env("GROUPDESK_AUDIT_LOG", audit)
        .output()
        .unwrap()
}

pub(super) fn text(o: &Output) -> (String, String) {
    (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn groups_list_and_show() {
    let s = sandbox(&[]);
    let o = run(&["--base-url", &s.url, "groups", "list", "--json"]);
    assert!(o.status.success(), "{:?}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let community = v.as_array().unwrap().iter().find(|g| g["groupId"] == "community").unwrap();
    assert_eq!(community["memberCount"], 3000);
    // Global options after the subcommand work too.
    let o = run(&["groups", "show", "announcements", "--base-url", &s.url, "--json"]);
    assert!(o.status.success(), "{:?}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((v["mutedAll"].as_bool(), v["memberCount"].as_i64()), (Some(true), Some(400)));
    assert_eq!(v["permissions"]["joinPerm"], 1);
    let o = run(&["--base-url", &s.url, "groups", "show", "community"]);
    let (out, _) = text(&o);
    assert!(out.contains("Global Community Lounge") && out.contains("joining:        Anyone can join"), "{out}");
}

#[test]
fn members_list_and_export() {
    let s = sandbox(&[]);
    let o = run(&["--base-url", &s.url, "members", "list", "announcements", "--json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 400);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("community.csv");
    let o = run(&["--base-url", &s.url, "members", "export", "community", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{:?}", text(&o));
    let csv = std::fs::read_to_string(&out).unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("userId,nickname,role,joinTime,extra,mutedUntil,allowlisted"));
    assert_eq!(csv.lines().count(), 3001);
    assert!(csv.contains("u10000,") && csv.contains(",owner,"));
    // A legacy group lists its member ids.
    let o = run(&["--base-url", &s.url, "members", "list", "legacyopsalerts"]);
    assert!(o.status.success() && text(&o).0.contains(" members"));
}

#[test]
fn mute_unmute_kick_with_reports_and_exit_codes() {
    let s = sandbox(&[]);
    let dir = tempfile::tempdir().unwrap();
    let ids = dir.path().join("ids.txt");
    std::fs::write(&ids, "u10001\nu10002\nu10003\n").unwrap();
    let report = dir.path().join("report.csv");
    let (ids_s, rep_s) = (ids.to_str().unwrap(), report.to_str().unwrap());
    let o = run(&["--base-url", &s.url, "members", "mute", "community", "--minutes", "60", "--from", ids_s, "--report", rep_s]);
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    let rep = std::fs::read_to_string(&report).unwrap();
    assert_eq!(rep, "userId,outcome,code,message,requestId\nu10001,done,,,\nu10002,done,,,\nu10003,done,,,\n");
    let o = run(&["--base-url", &s.url, "members", "unmute", "community", "--from", ids_s]);
    assert_eq!(o.status.code(), Some(0));
    // A CSV with a userId column, containing the owner and a stranger: exit 1, both explained.
    let csv = dir.path().join("list.csv");
    std::fs::write(&csv, "name,userId\nOwner,u10000\nStranger,nobody\nReal,u10004\n").unwrap();
    let o = run(&["--base-url", &s.url, "members", "kick", "community", "--from", csv.to_str().unwrap(), "--yes", "--report", rep_s]);
    assert_eq!(o.status.code(), Some(1), "{:?}", text(&o));
    let rep = std::fs::read_to_string(&report).unwrap();
    assert!(rep.contains("u10000,skipped,,group owner: transfer ownership first,"), "{rep}");
    assert!(rep.contains("nobody,skipped,,not a member of the group,"), "{rep}");
    assert!(rep.contains("u10004,done,,,"), "{rep}");
    // Usage errors are exit 2.
    let o = run(&["--base-url", &s.url, "members", "kick", "community", "--from", ids_s]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("--yes"));
    let o = run(&["--base-url", &s.url, "members", "mute", "community", "--minutes", "50000", "--from", ids_s]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("at most 43200"));
    let o = run(&["--base-url", &s.url, "members", "mute", "community", "--from", ids_s]);
    assert_eq!(o.status.code(), Some(2), "--minutes is required");
    let o = run(&["--base-url", &s.url, "members", "mute", "community", "--minutes", "5", "--from", "/nonexistent/ids.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("cannot read /nonexistent/ids.txt"));
}

#[test]
fn bulk_mute_of_3000_under_faults_matches_the_server() {
    let s = sandbox(&["--fault-rate", "0.1"]);
    let dir = tempfile::tempdir().unwrap();
    let ids = dir.path().join("ids.txt");
    let list: String = (10000..13000).map(|n| format!("u{n}\n")).collect();
    std::fs::write(&ids, list).unwrap();
    let report = dir.path().join("report.csv");
    let o = run(&["--base-url", &s.url, "members", "mute", "community", "--minutes", "0", "--from", ids.to_str().unwrap(), "--report", report.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "the owner is skipped: {:?}", text(&o));
    let rep = std::fs::read_to_string(&report).unwrap();
    let rows: Vec<&str> = rep.lines().skip(1).collect();
    assert_eq!(rows.len(), 3000, "every user accounted for");
    let done: std::collections::HashSet<&str> = rows.iter().filter(|r| r.contains(",done,")).map(|r| r.split(',').next().unwrap()).collect();
    assert_eq!(done.len(), 2999);
    let o = run(&["--base-url", &s.url, "members", "list", "community", "--json"]);
    assert!(o.status.success(), "{:?}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for m in v.as_array().unwrap() {
        let id = m["userId"].as_str().unwrap();
        assert_eq!(!m["mutedUntil"].is_null(), done.contains(id), "server state for {id}");
    }
}

#[test]
fn allowlist_and_mute_all() {
    let s = sandbox(&[]);
    let dir = tempfile::tempdir().unwrap();
    let ids = dir.path().join("ids.txt");
    std::fs::write(&ids, "mod1\nmod2\n").unwrap();
    let o = run(&["--base-url", &s.url, "allowlist", "add", "community", "--from", ids.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    let o = run(&["--base-url", &s.url, "allowlist", "list", "community", "--json"]);
    assert_eq!(serde_json::from_slice::<Vec<String>>(&o.stdout).unwrap(), ["mod1", "mod2"]);
    let o = run(&["--base-url", &s.url, "allowlist", "remove", "community", "--from", ids.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let o = run(&["--base-url", &s.url, "mute-all", "on", "community"]);
    assert_eq!((o.status.code(), text(&o).0.trim()), (Some(0), "mute-all for community is now on"));
    let o = run(&["--base-url", &s.url, "mute-all", "off", "community"]);
    assert_eq!((o.status.code(), text(&o).0.trim()), (Some(0), "mute-all for community is now off"));
}

#[test]
fn connection_problems_are_usage_errors() {
    let o = run(&["groups", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("--base-url URL or --data-center"));
    let o = run(&["--data-center", "sg", "--app-key", "k", "groups", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("GROUPDESK_APP_SECRET"));
    let o = run(&["--base-url", "http://example.com", "--app-key", "k", "groups", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("only for loopback"));
    let o = run(&["--data-center", "mars", "groups", "list"]);
    assert_eq!(o.status.code(), Some(2));
    // A wrong secret is a server refusal (exit 1) with the explanation.
    let s = sandbox(&[]);
    let o = Command::new(env!("CARGO_BIN_EXE_groupdesk"))
        .args(["--base-url", &s.url, "--app-key", "sandboxdemokey", "groups", "list"])
        .env("GROUPDESK_APP_SECRET", "wrong")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o).1;
    assert!(err.contains("1004") && err.contains("signature"), "{err}");
    assert!(!err.contains("wrong"), "the secret is not echoed: {err}");
}

#[test]
fn changes_are_written_to_the_audit_log() {
    let s = sandbox(&[]);
    let dir = tempfile::tempdir().unwrap();
    let ids = dir.path().join("ids.txt");
    std::fs::write(&ids, "u10001\nu10000\n").unwrap();
    let log = dir.path().join("audit.jsonl");
    let log_s = log.to_str().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_groupdesk"))
        .args(["--base-url", &s.url, "--audit-log", log_s, "members", "mute", "community", "--minutes", "10", "--from", ids.to_str().unwrap(), "--reason", "spam wave"])
        .env("GROUPDESK_OPERATOR", "ann")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "the owner was skipped");
    let o = run(&["--base-url", &s.url, "--audit-log", log_s, "mute-all", "on", "community"]);
    assert!(o.status.success());
    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let m = &lines[0];
    assert_eq!((m["operator"].as_str(), m["action"].as_str(), m["group"].as_str()), (Some("ann"), Some("mute for 10 minutes"), Some("community")));
    assert_eq!(m["reason"], "spam wave");
    assert_eq!(m["connection"], s.url.as_str());
    assert_eq!(m["result"], "partial");
    assert_eq!(m["users"], serde_json::json!(["u10001", "u10000"]));
    assert_eq!(m["outcomes"][0], serde_json::json!({"userId": "u10001", "status": "done"}));
    assert_eq!(m["outcomes"][1]["status"], "skipped");
    assert!(m["time"].as_str().unwrap().ends_with('Z'));
    assert!(m["requestIds"].as_array().is_some_and(|ids| !ids.is_empty() && ids.iter().all(|i| i.as_str().unwrap().len() == 32)), "request ids of the calls: {m}");
    assert_eq!((lines[1]["action"].as_str(), lines[1]["result"].as_str()), (Some("mute-all on"), Some("done")));
}

#[test]
fn one_column_csv_files_send_the_ids_not_the_header_or_quotes() {
    let s = sandbox(&[]);
    let dir = tempfile::tempdir().unwrap();
    let cases = [("plain.csv", "userId\nu10003\n"), ("quoted.csv", "\"userId\"\n\"u10001\"\n"), ("cr.txt", "u10004\ru10005\r")];
    for (name, body) in cases {
        let f = dir.path().join(name);
        std::fs::write(&f, body).unwrap();
        let o = run(&["--base-url", &s.url, "allowlist", "add", "community", "--from", f.to_str().unwrap()]);
        assert!(o.status.success(), "{name}: {:?}", text(&o));
    }
    let o = run(&["--base-url", &s.url, "allowlist", "list", "community", "--json"]);
    let ids: Vec<String> = serde_json::from_slice(&o.stdout).unwrap();
    for id in ["u10003", "u10001", "u10004", "u10005"] {
        assert!(ids.contains(&id.to_owned()), "{id} on the allowlist: {ids:?}");
    }
    assert!(!ids.iter().any(|i| i.contains("userId") || i.contains('"')), "no header or quotes sent: {ids:?}");
    let header_only = dir.path().join("header.csv");
    std::fs::write(&header_only, "userId\n").unwrap();
    let o = run(&["--base-url", &s.url, "allowlist", "add", "community", "--from", header_only.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "a header-only file is bad usage: {:?}", text(&o));
    assert!(text(&o).1.contains("no user ids found"));
}

#[test]
fn every_command_refuses_a_group_that_does_not_exist() {
    let s = sandbox(&[]);
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("ids.txt");
    std::fs::write(&f, "u10001\nu10002\n").unwrap();
    let from = f.to_str().unwrap();
    for args in [
        vec!["members", "unmute", "typoGroup", "--from", from],
        vec!["members", "mute", "typoGroup", "--minutes", "5", "--from", from],
        vec!["allowlist", "add", "typoGroup", "--from", from],
        vec!["allowlist", "remove", "typoGroup", "--from", from],
        vec!["allowlist", "list", "typoGroup"],
        vec!["mute-all", "on", "typoGroup"],
    ] {
        let mut all = vec!["--base-url", s.url.as_str()];
        all.extend(args.iter().copied());
        let o = run(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {:?}", text(&o));
        assert!(text(&o).1.contains("typoGroup does not exist"), "{args:?}: {:?}", text(&o));
    }
}
