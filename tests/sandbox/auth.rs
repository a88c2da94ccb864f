//! Reference §2: signing, header spellings, timestamp units, failures; §1: 404/405/1508.

use crate::common::{KEY, Server};
use groupdesk::protocol::rongcloud::sign;
use secrecy::SecretString;

#[test]
fn official_signing_example_is_reproduced() {
    // docs.rongcloud.cn/im/server/signature/ worked example.
    let s = sign::signature(&SecretString::from("Y1W2MeFwwwRxa0"), "14314", "1408710653000");
    assert_eq!(s, "30be0bbca9c9b2e27578701e9fda2358a814c88f");
}

#[test]
fn official_example_headers_are_accepted_by_a_sandbox_with_that_secret() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(crate::common::bin())
        .args(["sandbox", "--addr", "127.0.0.1:0", "--seed", "empty", "--app-key", "uwd1c0sxdlx2"])
        .arg("--data-dir")
        .arg(tmp.path())
        .env("GROUPDESK_SANDBOX_APP_SECRET", "Y1W2MeFwwwRxa0")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut line).unwrap();
    let base = line.trim().strip_prefix("listening on ").unwrap().to_owned();
    let send = |sig: &str| {
        reqwest::blocking::Client::new()
            .post(format!("{base}/group/user/query.json"))
            .header("App-Key", "uwd1c0sxdlx2")
            .header("Nonce", "14314")
            .header("Timestamp", "1408710653000")
            .header("Signature", sig)
            .body("groupId=g1")
            .send()
            .unwrap()
    };
    let r = send("30be0bbca9c9b2e27578701e9fda2358a814c88f");
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.text().unwrap(), r#"{"code":200,"users":[]}"#);
    // The example header set of the .io docs is signed with another secret: refused.
    let r = send("45beb7cc7307889a8e711219a47b7cf6a5b000e8");
    assert_eq!(r.status().as_u16(), 401);
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn bad_signature_is_401_with_1004() {
    let s = Server::empty();
    let (status, text) = s.req("/group/user/query.json").body("groupId=g1").secret("wrong").send();
    assert_eq!(status, 401);
    assert_eq!(
        text,
        r#"{"code":1004,"errorMessage":"Signature error: Signature does not match App-Key, Nonce and Timestamp"}"#
    );
}

#[test]
fn missing_signature_headers_are_named() {
    let s = Server::empty();
    for h in ["Nonce", "Timestamp", "Signature"] {
        let (status, text) = s.req("/group/user/query.json").body("groupId=g1").omit(h).send();
        assert_eq!(status, 401, "{h}");
        assert_eq!(text, format!(r#"{{"code":1004,"errorMessage":"Signature error: {h} header is required"}}"#));
    }
    let (status, text) = s.req("/group/user/query.json").body("groupId=g1").omit("App-Key").send();
    assert_eq!(status, 401);
    assert_eq!(text, r#"{"code":1002,"errorMessage":"App-Key header is required"}"#);
}

#[test]
fn unknown_app_key_is_refused() {
    let s = Server::empty();
    let (status, text) = s.req("/group/user/query.json").body("groupId=g1").key("otherkey").send();
    assert_eq!(status, 401);
    assert_eq!(text, r#"{"code":1002,"errorMessage":"Invalidate App-Key."}"#);
}

#[test]
fn both_header_spellings_and_timestamp_units_and_hex_cases_are_accepted() {
    let s = Server::empty();
    let ok = r#"{"code":200,"users":[]}"#;
    let body = "groupId=g1";
    assert_eq!(s.req("/group/user/query.json").body(body).send(), (200, ok.into()));
    assert_eq!(s.req("/group/user/query.json").body(body).rc_headers().send(), (200, ok.into()));
    assert_eq!(s.req("/group/user/query.json").body(body).seconds().send(), (200, ok.into()));
    assert_eq!(s.req("/group/user/query.json").body(body).uppercase().send(), (200, ok.into()));
    assert_eq!(
        s.req("/group/user/query.json").body(body).rc_headers().seconds().uppercase().send(),
        (200, ok.into())
    );
}

#[test]
fn a_reused_nonce_and_old_timestamp_are_accepted() {
    // The Node SDK signs once per process; no replay check by default (reference §2).
    let s = Server::empty();
    let ts = "1408710653";
    let sig = sign::signature(&SecretString::from(crate::common::SECRET), "7", ts);
    let client = reqwest::blocking::Client::new();
    for _ in 0..2 {
        let r = client
            .post(format!("{}/group/ban/query.json", s.base))
            .header("App-Key", KEY)
            .header("Nonce", "7")
            .header("Timestamp", ts)
            .header("Signature", &sig)
            .send()
            .unwrap();
        assert_eq!(r.status().as_u16(), 200);
        assert_eq!(r.text().unwrap(), r#"{"code":200,"groupinfo":[]}"#);
    }
}

#[test]
fn unknown_path_is_404_and_non_post_is_405() {
    let s = Server::empty();
    assert_eq!(
        s.post("/group/nothing.json", ""),
        (404, r#"{"code":404,"errorMessage":"endpoint not found: /group/nothing.json"}"#.into())
    );
    // `.xml` is not served (reference §1: `.json` only).
    assert_eq!(s.post("/group/create.xml", "").0, 404);
    let (status, text) = s.req("/group/create.json").method(reqwest::Method::GET).send();
    assert_eq!(status, 405);
    assert_eq!(text, r#"{"code":405,"errorMessage":"method GET not allowed: /group/create.json takes POST"}"#);
}

#[test]
fn oversized_body_is_1508() {
    let s = Server::empty();
    let body = format!("groupId=g1&groupName={}", "x".repeat(110 * 1024));
    let (status, text) = s.post("/group/refresh.json", &body);
    assert_eq!(status, 413);
    assert_eq!(text, r#"{"code":1508,"errorMessage":"HTTP body too large: at most 102400 bytes"}"#);
}

#[test]
fn answers_are_json_with_charset() {
    let s = Server::empty();
    let r = reqwest::blocking::Client::new()
        .post(format!("{}/nothing.json", s.base))
        .send()
        .unwrap();
    assert_eq!(r.headers()["content-type"], "application/json; charset=utf-8");
}
