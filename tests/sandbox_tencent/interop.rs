//! UserSig interop with Tencent's official Python package `tls-sig-api-v2==1.1` (method
//! `gen_sig`), from the venv at `target/tls-venv`: `.ci/run` creates it; a developer machine
//! gets it created here on first use (as the RongCloud SDK test does with `target/sdk-venv`).

use std::path::PathBuf;
use std::process::Command;

use groupdesk::protocol::tencent::usersig;
use secrecy::SecretString;

use crate::common::{ADMIN, SDKAPPID, Server, json, manifest_dir, now};

fn python() -> PathBuf {
    let venv = manifest_dir().join("target/tls-venv");
    let python = venv.join("bin/python");
    let ready = || Command::new(&python).args(["-c", "import TLSSigAPIv2"]).status().is_ok_and(|s| s.success());
    if !ready() {
        let status = Command::new("python3").arg("-m").arg("venv").arg(&venv).status().expect("python3 -m venv");
        assert!(status.success(), "creating {} failed", venv.display());
        let status = Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", "tls-sig-api-v2==1.1"])
            .status()
            .expect("pip install");
        assert!(status.success(), "pip install tls-sig-api-v2==1.1 failed");
    }
    assert!(ready(), "the venv {} has no tls-sig-api-v2", venv.display());
    python
}

/// A usersig from the official package for `identifier`.
fn official(key: &str, identifier: &str, expire: u64) -> String {
    let script = format!(
        "import sys, TLSSigAPIv2\napi = TLSSigAPIv2.TLSSigAPIv2({SDKAPPID}, sys.stdin.readline().strip())\nprint(api.gen_sig({identifier:?}, {expire}))"
    );
    let mut child = Command::new(python())
        .args(["-c", &script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The key goes through stdin, never the command line.
    use std::io::Write;
    writeln!(child.stdin.take().unwrap(), "{key}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "gen_sig failed");
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn usersigs_of_the_official_python_package_are_accepted() {
    let tmp = tempfile::tempdir().unwrap();
    let s = Server::spawn_env(tmp.path(), &["--seed", "demo", "--rate-limit", "0"], None);
    let key = groupdesk::sandbox::DEMO_TENCENT_SECRET_KEY;
    let sig = official(key, ADMIN, 86_400);
    // Ours decode and verify it independently.
    let doc = usersig::verify(&SecretString::from(key), &sig, SDKAPPID, ADMIN, now()).expect("verifies");
    assert_eq!((doc.ver.as_str(), doc.identifier.as_str(), doc.sdkappid, doc.expire), ("2.0", ADMIN, SDKAPPID, 86_400));
    assert!(doc.time.abs_diff(now()) < 60);
    assert_eq!(doc.sig, usersig::signature(&SecretString::from(key), ADMIN, SDKAPPID, doc.time, doc.expire));
    // The sandbox accepts it.
    let query = format!("sdkappid={SDKAPPID}&identifier={ADMIN}&usersig={sig}&random=7&contenttype=json");
    let (status, text) = s.raw("/v4/group_open_http_svc/get_group_info", &query, r#"{"GroupIdList":["@TGS#_community"]}"#);
    let v = json(&text);
    assert_eq!((status, v["ActionStatus"].as_str()), (200, Some("OK")), "{text}");
    assert_eq!(v["GroupInfo"][0]["MemberNum"], 20_000);
    // One made with another key or for another account is refused with its code.
    let other = official("not-the-key", ADMIN, 86_400);
    let (_, text) = s.raw("/v4/group_open_http_svc/get_group_info", &query.replace(&sig, &other), "{}");
    assert_eq!(json(&text)["ErrorCode"], 70009, "{text}");
    let bob = official(key, "bob", 86_400);
    let (_, text) = s.raw("/v4/group_open_http_svc/get_group_info", &query.replace(&sig, &bob), "{}");
    assert_eq!(json(&text)["ErrorCode"], 70013, "{text}");
}

#[test]
fn the_reference_hmac_vector() {
    let key = SecretString::from(groupdesk::sandbox::DEMO_TENCENT_SECRET_KEY);
    assert_eq!(usersig::signature(&key, "administrator", 1_400_000_000, 1_700_000_000, 86_400), "yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=");
}
