//! A real `groupdesk sandbox` process on a free loopback port, and a signed HTTP helper.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::Duration;

use groupdesk::protocol::rongcloud::sign;
use secrecy::SecretString;
use serde_json::Value;

pub const KEY: &str = "testkey";
pub const SECRET: &str = "testsecret";

pub struct Server {
    pub child: Child,
    pub base: String,
    #[allow(dead_code)]
    pub dir: PathBuf,
    _tmp: Option<tempfile::TempDir>,
    http: reqwest::blocking::Client,
}

pub use crate::sandbox_process::bin;

impl Server {
    /// An empty sandbox with test credentials and the rate limit off.
    pub fn empty() -> Server {
        Self::with(&["--seed", "empty", "--rate-limit", "0"])
    }

    /// A demo-seeded sandbox with test credentials and the rate limit off.
    pub fn demo() -> Server {
        Self::with(&["--seed", "demo", "--rate-limit", "0"])
    }

    pub fn with(args: &[&str]) -> Server {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().to_path_buf();
        let mut s = Self::spawn_in(&dir, args);
        s._tmp = Some(tmp);
        s
    }

    /// Starts a sandbox on an existing data directory (which the caller keeps alive).
    pub fn spawn_in(dir: &Path, args: &[&str]) -> Server {
        let mut cmd = Command::new(bin());
        cmd.args(["sandbox", "--addr", "127.0.0.1:0", "--app-key", KEY])
            .arg("--data-dir")
            .arg(dir)
            .args(args)
            .env("GROUPDESK_SANDBOX_APP_SECRET", SECRET);
        let (child, base, _) = crate::sandbox_process::spawn(&mut cmd);
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(20))
            .build()
            .unwrap();
        Server { child, base, dir: dir.to_path_buf(), _tmp: None, http }
    }

    pub fn req(&self, path: &str) -> Req<'_> {
        Req {
            server: self,
            path: path.to_owned(),
            body: String::new(),
            key: KEY.to_owned(),
            secret: SECRET.to_owned(),
            rc_prefix: false,
            seconds: false,
            upper: false,
            method: reqwest::Method::POST,
            omit: None,
        }
    }

    /// Signed POST; returns (HTTP status, raw body text).
    pub fn post(&self, path: &str, body: &str) -> (u16, String) {
        self.req(path).body(body).send()
    }

    /// Signed POST that must answer HTTP 200 + code 200; returns the parsed body.
    pub fn ok(&self, path: &str, body: &str) -> Value {
        let (status, text) = self.post(path, body);
        assert_eq!(status, 200, "{path} {body} -> {status} {text}");
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["code"], 200, "{path} {body} -> {text}");
        v
    }

    /// Signed POST that must fail with `code`; returns the raw text.
    pub fn err(&self, path: &str, body: &str, code: u32) -> String {
        let (status, text) = self.post(path, body);
        let v: Value = serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"));
        assert_eq!(v["code"], code, "{path} {body} -> {status} {text}");
        assert!((400..500).contains(&status), "client errors are 4xx: {status} {text}");
        assert!(v["errorMessage"].as_str().is_some_and(|m| !m.is_empty()), "{text}");
        text
    }

    /// Sends SIGTERM and checks a clean exit within `limit`.
    pub fn terminate_within(mut self, limit: std::time::Duration) {
        let pid = self.child.id().to_string();
        assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
        let deadline = std::time::Instant::now() + limit;
        loop {
            if let Some(code) = self.child.try_wait().unwrap() {
                assert!(code.success(), "clean exit on SIGTERM, got {code}");
                return;
            }
            assert!(std::time::Instant::now() < deadline, "the sandbox did not stop within {limit:?} of SIGTERM");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    pub fn kill9(&mut self) {
        let _ = self.child.kill(); // SIGKILL on Unix
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Req<'a> {
    server: &'a Server,
    path: String,
    body: String,
    key: String,
    secret: String,
    rc_prefix: bool,
    seconds: bool,
    upper: bool,
    method: reqwest::Method,
    omit: Option<&'static str>,
}

impl Req<'_> {
    pub fn body(mut self, b: &str) -> Self {
        self.body = b.to_owned();
        self
    }
    pub fn secret(mut self, s: &str) -> Self {
        self.secret = s.to_owned();
        self
    }
    pub fn key(mut self, k: &str) -> Self {
        self.key = k.to_owned();
        self
    }
    pub fn rc_headers(mut self) -> Self {
        self.rc_prefix = true;
        self
    }
    pub fn seconds(mut self) -> Self {
        self.seconds = true;
        self
    }
    pub fn uppercase(mut self) -> Self {
        self.upper = true;
        self
    }
    pub fn method(mut self, m: reqwest::Method) -> Self {
        self.method = m;
        self
    }
    pub fn omit(mut self, header: &'static str) -> Self {
        self.omit = Some(header);
        self
    }

    pub fn send(self) -> (u16, String) {
        let nonce = sign::new_nonce();
        let ts = if self.seconds {
            (sign::timestamp_ms().parse::<u64>().unwrap() / 1000).to_string()
        } else {
            sign::timestamp_ms()
        };
        let mut sig = sign::signature(&SecretString::from(self.secret.clone()), &nonce, &ts);
        if self.upper {
            sig = sig.to_uppercase();
        }
        let p = if self.rc_prefix { "RC-" } else { "" };
        let mut rb = self
            .server
            .http
            .request(self.method.clone(), format!("{}{}", self.server.base, self.path))
            .header("Content-Type", "application/x-www-form-urlencoded");
        for (name, value) in [("App-Key", self.key.as_str()), ("Nonce", &nonce), ("Timestamp", &ts), ("Signature", &sig)] {
            if self.omit != Some(name) {
                rb = rb.header(format!("{p}{name}"), value);
            }
        }
        let resp = rb.body(self.body.clone()).send().expect("request");
        let status = resp.status().as_u16();
        (status, resp.text().unwrap())
    }
}

/// Parses a JSON text.
pub fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// A signing client for a server started elsewhere (threads that outlive a `Server` borrow).
pub struct Probe {
    base: String,
    http: reqwest::blocking::Client,
}

impl Server {
    pub fn client_for(base: &str) -> Probe {
        Probe {
            base: base.to_owned(),
            http: reqwest::blocking::Client::builder().timeout(Duration::from_secs(10)).build().unwrap(),
        }
    }
}

impl Probe {
    pub fn post(&self, path: &str, body: &str) -> Result<(u16, String), reqwest::Error> {
        let h = sign::SignedHeaders::new(KEY, &SecretString::from(SECRET));
        let r = self
            .http
            .post(format!("{}{}", self.base, path))
            .header("App-Key", h.app_key)
            .header("Nonce", h.nonce)
            .header("Timestamp", h.timestamp)
            .header("Signature", h.signature)
            .body(body.to_owned())
            .send()?;
        let status = r.status().as_u16();
        Ok((status, r.text()?))
    }
}
