//! The error answer of the RongCloud wire: an HTTP status plus `{"code":N,"errorMessage":"..."}`
//! (reference §1), and how the core's refusals and storage failures map onto it. Domain errors of
//! the repository are mapped here when their meaning is the same everywhere (a missing or
//! legacy group, a bad page token, a storage failure); the handlers map the others, whose code
//! and message depend on the endpoint and the parameter.

use serde_json::{Map, Value};

use super::repo::RepoError;
use crate::sandbox::core::{Answer, Rejection};

/// A rejected request, as the sandbox answers it.
#[derive(Debug, Clone)]
pub struct WireError {
    pub http: u16,
    pub code: u32,
    pub message: String,
    /// Extra top-level fields some errors carry (e.g. `managerCount`, `userIds`).
    pub extra: Map<String, Value>,
}

pub type WireResult<T> = Result<T, WireError>;

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

    /// A storage failure is the server's fault: 500 with the documented "internal error" code.
    pub fn storage(err: &rusqlite::Error) -> Self {
        tracing::error!(%err, "sandbox storage error");
        Self::new(500, 1000, "internal storage error, retry later")
    }

    fn body(&self) -> String {
        let mut map = Map::new();
        map.insert("code".into(), Value::from(self.code));
        map.insert("errorMessage".into(), Value::from(self.message.clone()));
        for (k, v) in &self.extra {
            map.insert(k.clone(), v.clone());
        }
        Value::Object(map).to_string()
    }

    pub fn answer(&self) -> Answer {
        Answer::new(self.http, self.body())
    }
}

impl From<Rejection> for WireError {
    fn from(rejection: Rejection) -> Self {
        match rejection {
            Rejection::NotFound { path } => Self::new(404, 404, format!("endpoint not found: {path}")),
            Rejection::MethodNotAllowed { method, path } => {
                Self::new(405, 405, format!("method {method} not allowed: {path} takes POST"))
            }
            Rejection::BodyTooLarge { limit } => {
                Self::new(413, 1508, format!("HTTP body too large: at most {limit} bytes"))
            }
            Rejection::BodyUnreadable => Self::new(400, 1002, "the request body could not be read"),
            Rejection::Malformed { status } => Self::new(status, 1002, match status {
                408 => "the request headers did not arrive in time (header read timeout)",
                414 => "the request path is too long",
                431 => "the request has too many or too long headers",
                _ => "the request is not valid HTTP/1.1 (request line or headers)",
            }),
            Rejection::BodyTimeout { seconds } => {
                Self::new(408, 1002, format!("the request body did not arrive within {seconds} s"))
            }
            Rejection::RateLimited { per_second } => Self::new(
                429,
                1008,
                format!(
                    "The API rate limit has been exceeded ({per_second} requests per second per App Key per endpoint). Retry after a short delay"
                ),
            ),
            Rejection::Unavailable => {
                Self::new(503, 1000, "service unavailable (sandbox fault injection), retry later")
            }
            Rejection::Storage(e) => Self::storage(&e),
        }
    }
}

impl From<RepoError> for WireError {
    fn from(err: RepoError) -> Self {
        match err {
            RepoError::NotFound { group } => Self::bad(25410, format!("group {group} does not exist")),
            RepoError::NotHosted { group } => Self::bad(
                25429,
                format!("group {group} is a legacy group; import it into hosting first (/entrust/group/import.json)"),
            ),
            RepoError::BadPageToken { token } => Self::bad(25432, format!("pageToken {token:?} cannot be parsed")),
            RepoError::Storage(e) => Self::storage(&e),
            other => {
                // A handler should have mapped it: a bug, answered as the server's fault.
                tracing::error!(error = ?other, "unmapped sandbox domain error");
                Self::new(500, 1000, "internal error, retry later")
            }
        }
    }
}
