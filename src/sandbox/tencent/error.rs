//! The error answer of the Tencent wire: `{"ActionStatus":"FAIL","ErrorCode":N,"ErrorInfo":"…"}`,
//! always with HTTP 200 except for transport problems, and how the core's refusals and the
//! repository's domain errors map onto it.
//!
//! HTTP statuses other than 200 (choices, reference §1 "always 200 unless a network error"):
//! * a request hyper cannot parse as HTTP/1.1 keeps hyper's status (400, 414, 431) with 60002;
//! * a body that does not arrive in time: 408 with 60008;
//! * fault injection's refusal: 503 with 10002 (it stands for a network or gateway error).
//!
//! Everything else — unknown paths, a GET, a body over 1 MB, rate limiting, storage failures —
//! is HTTP 200 with the envelope.

use serde_json::{Map, Value};

use super::repo::RepoError;
use crate::protocol::tencent::codes;
use crate::sandbox::core::{Answer, Rejection};

/// A refused request, as the sandbox answers it.
#[derive(Debug, Clone)]
pub struct WireError {
    pub http: u16,
    pub code: i64,
    pub info: String,
}

pub type WireResult<T> = Result<T, WireError>;

/// The services this sandbox knows: an unknown command in one of them is 10003, any other path
/// is 60009. Besides the served ones, the real API's other service prefixes (reference §1).
pub const KNOWN_SERVICES: &[&str] = &[
    "group_open_http_svc",
    "million_group_open_http_svc",
    "im_open_login_svc",
    "openconfigsvr",
    "group_open_attr_http_svc",
    "group_open_avchatroom_http_svc",
    "openim",
    "_sandbox",
];

impl WireError {
    pub fn new(code: i64, info: impl Into<String>) -> Self {
        Self { http: 200, code, info: info.into() }
    }

    /// 10004 invalid parameter; `info` names the field and the rule.
    pub fn param(info: impl Into<String>) -> Self {
        Self::new(codes::INVALID_PARAM, info)
    }

    /// 10007 insufficient permission (mostly: the group type does not allow it).
    pub fn forbidden(info: impl Into<String>) -> Self {
        Self::new(codes::NO_PERMISSION, info)
    }

    /// 10005 too many accounts in one call.
    pub fn too_many(field: &str, given: usize, max: usize) -> Self {
        Self::new(codes::TOO_MANY_ACCOUNTS, format!("{field} has {given} accounts; at most {max} per call"))
    }

    pub fn storage(err: &rusqlite::Error) -> Self {
        tracing::error!(%err, "sandbox storage error");
        Self::new(codes::INTERNAL, "internal storage error, retry later")
    }

    fn with_http(mut self, http: u16) -> Self {
        self.http = http;
        self
    }

    pub fn body(&self) -> String {
        envelope_fail(self.code, &self.info)
    }

    pub fn answer(&self) -> Answer {
        Answer::new(self.http, self.body())
    }
}

/// The failed envelope.
pub fn envelope_fail(code: i64, info: &str) -> String {
    let mut map = Map::new();
    map.insert("ActionStatus".into(), "FAIL".into());
    map.insert("ErrorCode".into(), code.into());
    map.insert("ErrorInfo".into(), info.into());
    Value::Object(map).to_string()
}

/// The successful envelope followed by the command's own fields.
pub fn envelope_ok(fields: Map<String, Value>) -> String {
    let mut map = Map::new();
    map.insert("ActionStatus".into(), "OK".into());
    map.insert("ErrorCode".into(), 0.into());
    map.insert("ErrorInfo".into(), "".into());
    for (k, v) in fields {
        map.insert(k, v);
    }
    Value::Object(map).to_string()
}

/// 10003 for an unknown command of a known service, else 60009.
fn not_found(path: &str) -> WireError {
    let mut parts = path.trim_start_matches('/').split('/');
    let known = parts.next() == Some("v4") && parts.next().is_some_and(|s| KNOWN_SERVICES.contains(&s));
    if known {
        WireError::new(codes::BAD_COMMAND, format!("invalid command: {path} is not a command of this service"))
    } else {
        WireError::new(codes::BAD_URL, format!("bad request resource: {path} (use POST /v4/{{service}}/{{command}})"))
    }
}

impl From<Rejection> for WireError {
    fn from(rejection: Rejection) -> Self {
        match rejection {
            Rejection::NotFound { path } => not_found(&path),
            Rejection::MethodNotAllowed { method, path } => {
                Self::new(codes::BAD_URL, format!("bad request resource: {method} {path}; the REST API takes POST"))
            }
            Rejection::BodyTooLarge { limit } => {
                Self::new(codes::PARSE, format!("HTTP body too large: at most {limit} bytes"))
            }
            Rejection::BodyUnreadable => Self::new(codes::PARSE, "HTTP parse error: the body could not be read"),
            Rejection::Malformed { status } => Self::new(codes::PARSE, match status {
                408 => "timeout: the request headers did not arrive in time",
                414 => "HTTP parse error: the request path is too long",
                431 => "HTTP parse error: too many or too long headers",
                _ => "HTTP parse error: not valid HTTP/1.1 (request line or headers)",
            })
            .with_http(status),
            Rejection::BodyTimeout { seconds } => {
                Self::new(codes::TIMEOUT, format!("timeout: the body did not arrive within {seconds} s")).with_http(408)
            }
            Rejection::RateLimited { per_second } => Self::new(
                codes::RATE_LIMITED,
                format!("REST API rate limit exceeded: {per_second} calls per second per SDKAppID for this command"),
            ),
            Rejection::Unavailable => {
                Self::new(codes::INTERNAL, "service unavailable (sandbox fault injection), retry later").with_http(503)
            }
            Rejection::Storage(e) => Self::storage(&e),
        }
    }
}

impl From<RepoError> for WireError {
    fn from(err: RepoError) -> Self {
        match err {
            RepoError::GroupNotFound { group, destroyed: true } => {
                Self::new(codes::GROUP_GONE, format!("group {group} was destroyed"))
            }
            RepoError::GroupNotFound { group, destroyed: false } => {
                Self::new(codes::GROUP_ID_INVALID, format!("invalid GroupId: no group {group}"))
            }
            RepoError::GroupExists { group } => {
                Self::new(codes::GROUP_ID_USED, format!("GroupId {group} is already used"))
            }
            RepoError::NoSuchAccounts { users } => Self::new(
                codes::NO_SUCH_ACCOUNT,
                format!("accounts not imported: {}", users.join(", ")),
            ),
            RepoError::NotMember { group, user } => {
                Self::param(format!("{user} is not a member of group {group}"))
            }
            RepoError::GroupFull { group, would_have, limit } => Self::new(
                codes::GROUP_FULL,
                format!("group {group} is full: would have {would_have} members, MaxMemberNum is {limit}"),
            ),
            RepoError::TopicNotFound { group, topic } => {
                Self::new(codes::GROUP_GONE, format!("topic {topic} does not exist in group {group}"))
            }
            RepoError::TopicExists { topic } => Self::new(codes::GROUP_ID_USED, format!("TopicId {topic} is already used")),
            RepoError::PermissionGroupNotFound { group, id } => {
                Self::new(codes::GROUP_GONE, format!("permission group {id} does not exist in group {group}"))
            }
            RepoError::PermissionGroupExists { group, id } => {
                Self::new(codes::GROUP_ID_USED, format!("PermissionGroupId {id} is already used in group {group}"))
            }
            RepoError::Storage(e) => Self::storage(&e),
        }
    }
}
