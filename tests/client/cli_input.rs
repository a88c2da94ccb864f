//! The CLI's `--from` lists sent whole or not at all, and honest output when the audit log
//! cannot be written — with the real binary against a real sandbox process.

use super::cli::{run, sandbox, text};

fn allowlist(url: &str) -> Vec<String> {
    let o = run(&["--base-url", url, "allowlist", "list", "community", "--json"]);
    assert!(o.status.success(), "{:?}", text(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// A line with two ids in a one-column file, a padded second field, and text after a closing
/// quote: each refused (exit 2, the line named) and nothing sent — no id dropped or invented.
#[test]
fn from_files_that_would_drop_or_invent_an_id_are_refused() {
    let s = sandbox(&[]);
    let dir = tempfile::tempdir().unwrap();
    let before = allowlist(&s.url);
    let cases = [
        ("two.csv", "u10040\nu10041,u10042\n", "line 2: 2 fields"),
        ("padded.csv", "userId\nu10045, u10046\n", "line 2: 2 fields"),
        ("after-quote.csv", "u10049\n\"u10050\"x\n", "line 2: text after a closing quote"),
        ("unclosed.csv", "u10051\r\nu10052\r\n\"u10053\r\n", "line 3: a quote is opened and never closed"),
        ("spaces.txt", "u10054\n u10055\n", "line 2: the id \" u10055\" has spaces"),
    ];
    for (name, body, why) in cases {
        let f = dir.path().join(name);
        std::fs::write(&f, body).unwrap();
        let o = run(&["--base-url", &s.url, "allowlist", "add", "community", "--from", f.to_str().unwrap()]);
        let (out, err) = text(&o);
        assert_eq!(o.status.code(), Some(2), "{name}: {out} {err}");
        assert!(err.contains(name) && err.contains(why), "{name}: the error names the file and line: {err}");
        assert!(!out.contains("done"), "{name}: no summary: {out}");
    }
    assert_eq!(allowlist(&s.url), before, "nothing was sent");
    // The same ids written properly are all sent.
    let f = dir.path().join("good.csv");
    std::fs::write(&f, "u10040\n\"u10041\"\nu10042\n").unwrap();
    let o = run(&["--base-url", &s.url, "allowlist", "add", "community", "--from", f.to_str().unwrap()]);
    assert!(o.status.success(), "{:?}", text(&o));
    let after = allowlist(&s.url);
    for id in ["u10040", "u10041", "u10042"] {
        assert!(after.contains(&id.to_owned()), "{id}: {after:?}");
    }
}

/// Ids the server refuses are echoed on stderr escaped: an escape sequence in an id reaches the
/// terminal as `\u{1b}`, never as the raw control character.
#[test]
fn refused_ids_are_echoed_escaped_on_stderr() {
    let s = sandbox(&[]);
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("ids.csv");
    std::fs::write(&f, "u10001\nevil\u{1b}[31mred\n\"tab\there\"\n").unwrap();
    let o = run(&["--base-url", &s.url, "members", "mute", "community", "--minutes", "5", "--from", f.to_str().unwrap()]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "some rows not done: {out} {err}");
    assert!(out.contains("1 done"), "{out}");
    assert!(err.contains("evil\\u{1b}[31mred") && err.contains("tab\\there"), "escaped: {err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\t'), "no raw control characters on stderr: {err:?}");
}

/// Runs the CLI with the audit log on `/dev/full` (every write fails with ENOSPC).
fn run_full_audit(url: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_groupdesk"))
        .args(["--base-url", url, "--audit-log", "/dev/full"])
        .args(args)
        .env_remove("GROUPDESK_APP_SECRET")
        .output()
        .unwrap()
}

/// An audit log that cannot be written: the report and the summary still say what happened
/// (and the change is made), then the audit failure is reported and the exit code is 1.
#[test]
fn an_unwritable_audit_log_is_reported_after_the_outcome() {
    if !std::path::Path::new("/dev/full").exists() {
        eprintln!("no /dev/full on this system: skipped");
        return;
    }
    let s = sandbox(&[]);
    let dir = tempfile::tempdir().unwrap();
    let ids = dir.path().join("ids.txt");
    std::fs::write(&ids, "u10201\nu10202\n").unwrap();
    let report = dir.path().join("report.csv");
    let o = run_full_audit(&s.url, &["members", "mute", "community", "--minutes", "5", "--from", ids.to_str().unwrap(), "--report", report.to_str().unwrap()]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out} {err}");
    assert!(out.contains("2 of 2 users in community: 2 done"), "the summary is printed: {out}");
    let rows = std::fs::read_to_string(&report).unwrap();
    assert!(rows.contains("u10201,done") && rows.contains("u10202,done"), "the report is written: {rows}");
    assert!(err.contains("/dev/full could not be written"), "the audit failure is reported: {err}");
    let o = run(&["--base-url", &s.url, "members", "list", "community", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.as_array().unwrap().iter().any(|m| m["userId"] == "u10201" && m["mutedUntil"].is_string()), "the change was made");

    let o = run_full_audit(&s.url, &["mute-all", "on", "community"]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out} {err}");
    assert!(out.contains("mute-all for community is now on"), "the state comes first: {out}");
    assert!(err.contains("read back from the server") && err.contains("/dev/full could not be written"), "{err}");
    assert!(!err.contains("may have been made"), "the state was read back, so it is known: {err}");

    let o = run_full_audit(&s.url, &["members", "role", "community", "u10203", "admin"]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out} {err}");
    assert!(out.contains("u10203 is now an admin of community"), "{out}");
    assert!(err.contains("/dev/full could not be written") && !err.contains("may have been made"), "{err}");
}
