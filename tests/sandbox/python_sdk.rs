//! The official Python server SDK `rc-server-sdk==3.2.0` (with jinja2) against a demo sandbox.
//! `.ci/run` creates the venv; a developer machine gets it created here on first use.

use std::path::PathBuf;
use std::process::Command;

use crate::common::{KEY, SECRET, Server};

fn sdk_python() -> PathBuf {
    if let Ok(p) = std::env::var("GROUPDESK_SDK_PYTHON") {
        return PathBuf::from(p);
    }
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/sdk-venv");
    let python = venv.join("bin/python");
    let ready = Command::new(&python)
        .args(["-c", "import rongcloud.rongcloud, jinja2"])
        .status()
        .is_ok_and(|s| s.success());
    if !ready {
        let status = Command::new("python3").arg("-m").arg("venv").arg(&venv).status().expect("python3 -m venv");
        assert!(status.success(), "creating {} failed", venv.display());
        let status = Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "rc-server-sdk==3.2.0", "jinja2"])
            .status()
            .expect("pip install");
        assert!(status.success(), "pip install rc-server-sdk==3.2.0 jinja2 failed");
    }
    python
}

#[test]
fn official_python_sdk_round_trips_every_legacy_call() {
    let python = sdk_python();
    let s = Server::demo();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/sdk/python_sdk_check.py");
    let out = Command::new(python)
        .arg(script)
        .arg(&s.base)
        .arg(KEY)
        .env("GROUPDESK_SDK_SECRET", SECRET)
        .output()
        .expect("run the SDK check");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "SDK check failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("checks passed"), "{stdout}");
}
