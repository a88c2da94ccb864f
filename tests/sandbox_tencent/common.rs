//! A real `groupdesk sandbox --service tencent` process on a free loopback port, and a signing
//! client (UserSig from `groupdesk::protocol::tencent::usersig::generate`).

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::Duration;

use groupdesk::protocol::tencent::usersig;
use secrecy::SecretString;
use serde_json::Value;

/// The key the test servers get through `GROUPDESK_SANDBOX_SECRET_KEY`.
pub const KEY: &str = "test-secret-key-0123456789";
pub const SDKAPPID: u64 = 1_400_000_000;
pub const ADMIN: &str = "administrator";

pub struct Server {
    pub child: Child,
    pub base: String,
    /// The lines printed after the first one (drained in the background).
    pub stdout: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    _tmp: Option<tempfile::TempDir>,
    pub http: reqwest::blocking::Client,
    pub key: String,
}

pub use crate::sandbox_process::bin;

pub fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

/// A UserSig for `identifier` with `key`, valid for a day from now.
pub fn sig(key: &str, sdkappid: u64, identifier: &str) -> String {
    usersig::generate(&SecretString::from(key.to_owned()), sdkappid, identifier, now(), 86_400)
}

impl Server {
    /// An empty sandbox (only the admin account), rate limit off.
    pub fn empty() -> Server {
        Self::with(&["--seed", "empty", "--rate-limit", "0"])
    }

    /// The demo data, rate limit off.
    pub fn demo() -> Server {
        Self::with(&["--seed", "demo", "--rate-limit", "0"])
    }

    pub fn with(args: &[&str]) -> Server {
        let tmp = tempfile::tempdir().expect("temp dir");
        let mut s = Self::spawn_in(tmp.path(), args);
        s._tmp = Some(tmp);
        s
    }

    /// Starts a sandbox on an existing data directory (which the caller keeps alive).
    pub fn spawn_in(dir: &Path, args: &[&str]) -> Server {
        Self::spawn_env(dir, args, Some(KEY))
    }

    /// `key` `None`: no `GROUPDESK_SANDBOX_SECRET_KEY` (the demo key).
    pub fn spawn_env(dir: &Path, args: &[&str], key: Option<&str>) -> Server {
        let mut cmd = Command::new(bin());
        cmd.args(["sandbox", "--service", "tencent", "--addr", "127.0.0.1:0"])
            .arg("--data-dir")
            .arg(dir)
            .args(args)
            .env_remove("GROUPDESK_SANDBOX_SECRET_KEY");
        if let Some(k) = key {
            cmd.env("GROUPDESK_SANDBOX_SECRET_KEY", k);
        }
        let (child, base, lines) = crate::sandbox_process::spawn(&mut cmd);
        let http = reqwest::blocking::Client::builder().timeout(Duration::from_secs(30)).build().unwrap();
        let key = key.unwrap_or(groupdesk::sandbox::DEMO_TENCENT_SECRET_KEY).to_owned();
        Server { child, base, stdout: lines, _tmp: None, http, key }
    }

    /// The signed query string for the admin.
    pub fn query(&self) -> String {
        format!("sdkappid={SDKAPPID}&identifier={ADMIN}&usersig={}&random=12345&contenttype=json", sig(&self.key, SDKAPPID, ADMIN))
    }

    /// POST `path` + `?query` with `body`: (HTTP status, raw text).
    pub fn raw(&self, path: &str, query: &str, body: &str) -> (u16, String) {
        let url = if query.is_empty() { format!("{}{path}", self.base) } else { format!("{}{path}?{query}", self.base) };
        let r = self.http.post(url).header("Content-Type", "application/json").body(body.to_owned()).send().expect("request");
        (r.status().as_u16(), r.text().unwrap())
    }

    /// A signed call of `service/command` (e.g. `group_open_http_svc/create_group`); the HTTP
    /// status must be 200.
    pub fn call(&self, command: &str, body: &str) -> Value {
        let path = if command.contains('/') { format!("/v4/{command}") } else { format!("/v4/group_open_http_svc/{command}") };
        let (status, text) = self.raw(&path, &self.query(), body);
        assert_eq!(status, 200, "{command} {body} -> {status} {text}");
        json(&text)
    }

    /// A call that must succeed; the parsed answer.
    pub fn ok(&self, command: &str, body: &str) -> Value {
        let v = self.call(command, body);
        assert_eq!(v["ActionStatus"], "OK", "{command} {body} -> {v}");
        assert_eq!(v["ErrorCode"], 0, "{command} {body} -> {v}");
        assert_eq!(v["ErrorInfo"], "", "{command} {body} -> {v}");
        v
    }

    /// A call that must fail with `code` (HTTP 200, FAIL, a non-empty ErrorInfo); the ErrorInfo.
    pub fn fail(&self, command: &str, body: &str, code: i64) -> String {
        let v = self.call(command, body);
        assert_eq!(v["ActionStatus"], "FAIL", "{command} {body} -> {v}");
        assert_eq!(v["ErrorCode"], code, "{command} {body} -> {v}");
        let info = v["ErrorInfo"].as_str().unwrap_or_default().to_owned();
        assert!(!info.is_empty(), "{v}");
        info
    }

    /// Imports accounts.
    pub fn accounts(&self, users: &[&str]) {
        for chunk in users.chunks(100) {
            let v = self.ok("im_open_login_svc/multiaccount_import", &serde_json::json!({"Accounts": chunk}).to_string());
            assert_eq!(v["FailAccounts"], serde_json::json!([]));
        }
    }

    /// Creates a group of `kind` with owner `owner` (imported) and returns its id.
    pub fn group(&self, kind: &str, id: &str, owner: &str) -> String {
        self.accounts(&[owner]);
        let v = self.ok("create_group", &serde_json::json!({"Type": kind, "GroupId": id, "Name": "g", "Owner_Account": owner}).to_string());
        v["GroupId"].as_str().unwrap().to_owned()
    }

    /// Adds imported accounts to a group (all must answer Result 1).
    pub fn add(&self, group: &str, users: &[&str]) {
        self.accounts(users);
        let list: Vec<Value> = users.iter().map(|u| serde_json::json!({"Member_Account": u})).collect();
        for chunk in list.chunks(300) {
            let v = self.ok("add_group_member", &serde_json::json!({"GroupId": group, "MemberList": chunk}).to_string());
            for r in v["MemberList"].as_array().unwrap() {
                assert_eq!(r["Result"], 1, "{v}");
            }
        }
    }

    pub fn info(&self, group: &str) -> Value {
        self.ok("get_group_info", &serde_json::json!({"GroupIdList": [group]}).to_string())["GroupInfo"][0].clone()
    }

    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM and a clean exit within 15 s.
    pub fn terminate(mut self) {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(code) = self.child.try_wait().unwrap() {
                assert!(code.success(), "clean exit on SIGTERM, got {code}");
                return;
            }
            assert!(std::time::Instant::now() < deadline, "no exit within 15 s of SIGTERM");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// The crate root (for the venv under target/).
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
