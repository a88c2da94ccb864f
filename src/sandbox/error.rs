//! The error answer of the wire: an HTTP status plus `{"code":N,"errorMessage":"..."}`.

use serde_json::{Map, Value};

/// A rejected request, as the sandbox answers it.
#[derive(Debug, Clone)]
pub struct WireError {
    pub http: u16,
    pub code: u32,
    pub message: String,
    /// Extra top-level fields some errors carry (e.g. `managerCount`, `userIds`).
    pub extra: Map<String, Value>,
}

impl WireError {
    pub fn new(http: u16, code: u32, message: impl Into<String>) -> Self {
        Self { http, code, message: message.into(), extra: Map::new() }
    }

    /// A business or parameter error: HTTP 400 with the given body code (reference §1, our choice
    /// for the undocumented status; clients act on the body code).
    pub fn bad(code: u32, message: impl Into<String>) -> Self {
        Self::new(400, code, message)
    }

    /// 1002: a required parameter is missing or ill-formed.
    pub fn param(message: impl Into<String>) -> Self {
        Self::bad(1002, message)
    }

    pub fn with(mut self, key: &str, value: Value) -> Self {
        self.extra.insert(key.to_owned(), value);
        self
    }

    pub fn body(&self) -> String {
        let mut map = Map::new();
        map.insert("code".into(), Value::from(self.code));
        map.insert("errorMessage".into(), Value::from(self.message.clone()));
        for (k, v) in &self.extra {
            map.insert(k.clone(), v.clone());
        }
        Value::Object(map).to_string()
    }
}

impl From<rusqlite::Error> for WireError {
    fn from(err: rusqlite::Error) -> Self {
        tracing::error!(%err, "sandbox storage error");
        // A storage failure is the server's fault: 500 with the documented "internal error" code.
        Self::new(500, 1000, "internal storage error, retry later")
    }
}

pub type WireResult<T> = Result<T, WireError>;
