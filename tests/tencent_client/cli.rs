//! The CLI on a Tencent sandbox (the sandbox in this process, the CLI as a child process).

use std::process::{Command, Output};

use super::common::*;
use groupdesk::backend::tencent::types::GroupType;

fn run(url: &str, args: &[&str], dir: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_groupdesk"))
        .args(["--service", "tencent", "--base-url", url, "--audit-log", dir.join("audit.jsonl").to_str().unwrap()])
        .args(args)
        .env_remove("GROUPDESK_TENCENT_SECRET_KEY")
        .output()
        .unwrap()
}

fn text(o: &Output) -> (String, String) {
    (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

async fn cli(url: &str, args: &[&str], dir: &std::path::Path) -> Output {
    let (url, args, dir) = (url.to_owned(), args.iter().map(|s| s.to_string()).collect::<Vec<_>>(), dir.to_owned());
    tokio::task::spawn_blocking(move || run(&url, &args.iter().map(String::as_str).collect::<Vec<_>>(), &dir)).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_works_on_tencent_groups() {
    let env = empty().await;
    let c = &env.client;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    accounts(c, &ids("c", 20)).await;
    let o = cli(&env.url, &["groups", "create", "--type", "Community", "--id", "@TGS#_cli", "--name", "社区", "--owner", "c0", "--members", "c1,c2,c3"], d).await;
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    assert_eq!(text(&o).0.trim(), "@TGS#_cli");
    let o = cli(&env.url, &["groups", "create", "--type", "Work", "--name", "w", "--owner", "c0"], d).await;
    let work = text(&o).0.trim().to_owned();
    assert!(work.starts_with("@TGS#"), "{:?}", text(&o));

    let o = cli(&env.url, &["groups", "list"], d).await;
    assert!(text(&o).0.contains("@TGS#_cli"));
    let o = cli(&env.url, &["groups", "show", "@TGS#_cli"], d).await;
    assert!(text(&o).0.contains("Community"), "{:?}", text(&o));

    let ids_file = d.join("ids.txt");
    std::fs::write(&ids_file, "c1\nc2\nc0\n").unwrap();
    let from = ids_file.to_str().unwrap();
    let o = cli(&env.url, &["members", "mute", "@TGS#_cli", "--minutes", "5", "--from", from], d).await;
    assert_eq!(o.status.code(), Some(1), "the owner was skipped: {:?}", text(&o));
    let muted = c.muted("@TGS#_cli", None).await.unwrap();
    assert_eq!(muted.len(), 2);
    let now = groupdesk::backend::tencent::credentials::unix_now();
    assert!(muted.iter().all(|m| m.muted_until > now + 240 && m.muted_until <= now + 301), "--minutes maps to seconds: {muted:?}");
    let o = cli(&env.url, &["members", "mute", "@TGS#_cli", "--seconds", "30", "--from", from], d).await;
    assert_eq!(o.status.code(), Some(1));
    let o = cli(&env.url, &["members", "unmute", "@TGS#_cli", "--from", from], d).await;
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    // The group's range, checked before anything is sent: a Work group has no member mutes,
    // and a timed mute ends before the wire's "permanent".
    let o = cli(&env.url, &["members", "mute", &work, "--seconds", "30", "--from", from], d).await;
    assert_eq!(o.status.code(), Some(2), "{:?}", text(&o));
    assert!(text(&o).1.contains("cannot be muted"), "{:?}", text(&o));
    let o = cli(&env.url, &["members", "mute", "@TGS#_cli", "--seconds", "4294967296", "--from", from], d).await;
    assert_eq!(o.status.code(), Some(2), "{:?}", text(&o));
    assert!(text(&o).1.contains("--seconds: at most 4294967294 seconds"), "{:?}", text(&o));
    assert!(c.muted("@TGS#_cli", None).await.unwrap().is_empty(), "nothing was sent");

    let o = cli(&env.url, &["members", "role", "@TGS#_cli", "c3", "admin"], d).await;
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    let o = cli(&env.url, &["members", "list", "@TGS#_cli", "--json"], d).await;
    let rows: Vec<serde_json::Value> = serde_json::from_str(&text(&o).0).unwrap();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().any(|r| r["userId"] == "c3" && r["role"] == "admin"));

    let o = cli(&env.url, &["mute-all", "on", "@TGS#_cli"], d).await;
    assert_eq!(text(&o).0.trim(), "mute-all for @TGS#_cli is now on");
    let o = cli(&env.url, &["members", "kick", "@TGS#_cli", "--from", from, "--yes"], d).await;
    assert_eq!(o.status.code(), Some(1), "the owner was skipped");
    let o = cli(&env.url, &["custom-fields", "list"], d).await;
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    let o = cli(&env.url, &["groups", "show", "@TGS#nothing"], d).await;
    assert_ne!(o.status.code(), Some(0));
    // No allowlist on Tencent: said so, not an empty list.
    let o = cli(&env.url, &["allowlist", "list", "@TGS#_cli"], d).await;
    assert_eq!(o.status.code(), Some(2), "{:?}", text(&o));
    assert!(text(&o).1.contains("no mute-all allowlist"), "{:?}", text(&o));
    let audit = std::fs::read_to_string(d.join("audit.jsonl")).unwrap();
    assert!(audit.lines().count() >= 6, "{audit}");
    let _ = GroupType::Public;
}

#[test]
fn connection_problems_are_usage_errors_and_the_key_comes_from_the_environment() {
    let o = Command::new(env!("CARGO_BIN_EXE_groupdesk")).args(["--service", "tencent", "groups", "list"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("--region"));
    let o = Command::new(env!("CARGO_BIN_EXE_groupdesk")).args(["--region", "sg", "groups", "list"]).env_remove("GROUPDESK_TENCENT_SECRET_KEY").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("--sdkappid"));
    let o = Command::new(env!("CARGO_BIN_EXE_groupdesk"))
        .args(["--region", "sg", "--sdkappid", "1400000001", "groups", "list"])
        .env_remove("GROUPDESK_TENCENT_SECRET_KEY")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("GROUPDESK_TENCENT_SECRET_KEY"));
}

/// #13: the app-wide mute from the CLI, on the same operation (and audit words) as the console.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn app_mute_set_show_and_lift() {
    let env = empty().await;
    let c = &env.client;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    accounts(c, &ids("m", 2)).await;
    let o = cli(&env.url, &["app-mute", "set", "m0", "--seconds", "600", "--reason", "ticket 9"], d).await;
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    let left = c.nospeaking("m0").await.unwrap().group;
    assert!((590..=600).contains(&left), "{left}");
    let o = cli(&env.url, &["app-mute", "show", "m0"], d).await;
    assert!(text(&o).0.contains("muted in every group for"), "{:?}", text(&o));
    let o = cli(&env.url, &["app-mute", "set", "m0", "--seconds", "0"], d).await;
    assert_eq!(o.status.code(), Some(2), "0 is refused: {:?}", text(&o));
    let o = cli(&env.url, &["app-mute", "lift", "m0"], d).await;
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    assert_eq!(c.nospeaking("m0").await.unwrap().group, 0);
    let audit = groupdesk::ops::audit::AuditLog::new(d.join("audit.jsonl")).read().unwrap();
    let words: Vec<(&str, &str)> = audit.iter().map(|e| (e.action.as_str(), e.group.as_str())).collect();
    assert_eq!(words, [("app-wide mute m0 for 600 seconds", "*"), ("app-wide unmute m0", "*")]);
}
