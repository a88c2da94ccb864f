//! The one error type of every service call: what went wrong, with the service's code and
//! message, the request id, a plain-language explanation and whether a repeat is safe.
//!
//! The explanation of a service's codes is that service's knowledge: its client fills
//! [`ApiError::server_explanation`] when it builds a server error.

use std::fmt;

/// Why a call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// Refused before sending: a documented limit or format was broken.
    Invalid,
    /// The server answered with a non-200 body code.
    Server,
    /// No usable answer: connection refused or dropped, timeout, or an answer that is not JSON.
    /// Whether the server applied the request is unknown.
    Transport,
    /// The caller cancelled.
    Cancelled,
}

#[derive(Debug, Clone)]
pub struct ApiError {
    pub kind: ErrorKind,
    /// The endpoint path, e.g. `/entrust/group/member/kick.json`.
    pub path: String,
    /// HTTP status, when an answer arrived.
    pub http_status: Option<u16>,
    /// The body's `code`, when an answer arrived.
    pub code: Option<u32>,
    /// The server's `errorMessage`, or our own for invalid input and transport failures.
    pub message: String,
    /// The `X-Request-ID` we sent, for the server's support team.
    pub request_id: Option<String>,
    /// For [`ErrorKind::Invalid`]: the field at fault.
    pub field: Option<String>,
    /// For [`ErrorKind::Server`]: the whole answer, for extra fields such as `userIds`.
    pub details: Option<serde_json::Value>,
    /// For [`ErrorKind::Server`]: the service's plain-language meaning of `code`.
    pub server_explanation: Option<&'static str>,
}

/// What a caller may do after a failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryClass {
    /// Nothing was applied (refused before sending, cancelled, rate-limited): repeat freely.
    NotApplied,
    /// The server refused it; repeating the same request fails the same way.
    Refused,
    /// The answer was lost: it may or may not have been applied. Read the state back.
    Unknown,
}

impl ApiError {
    pub fn invalid(path: &str, field: impl Into<String>, message: impl Into<String>) -> Self {
        let field = field.into();
        Self {
            kind: ErrorKind::Invalid,
            path: path.to_owned(),
            http_status: None,
            code: None,
            message: format!("{field}: {}", message.into()),
            request_id: None,
            field: Some(field),
            details: None,
            server_explanation: None,
        }
    }

    pub fn transport(path: &str, request_id: &str, message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Transport,
            path: path.to_owned(),
            http_status: None,
            code: None,
            message: message.into(),
            request_id: (!request_id.is_empty()).then(|| request_id.to_owned()),
            field: None,
            details: None,
            server_explanation: None,
        }
    }

    pub fn cancelled(path: &str) -> Self {
        Self {
            kind: ErrorKind::Cancelled,
            path: path.to_owned(),
            http_status: None,
            code: None,
            message: "cancelled".into(),
            request_id: None,
            field: None,
            details: None,
            server_explanation: None,
        }
    }

    /// A human explanation of the code, for notifications and reports.
    pub fn explanation(&self) -> &'static str {
        match self.kind {
            ErrorKind::Invalid => "The request was not sent: a value breaks a documented limit.",
            ErrorKind::Transport => {
                "No answer from the server (network or server trouble); if this was a change, it may or may not have been applied."
            }
            ErrorKind::Cancelled => "The operation was cancelled before this request was sent.",
            ErrorKind::Server => self.server_explanation.unwrap_or("The server refused the request."),
        }
    }

    /// Whether a repeat is safe, and whether the effect is known.
    pub fn retry_class(&self) -> RetryClass {
        match self.kind {
            ErrorKind::Invalid | ErrorKind::Cancelled => RetryClass::NotApplied,
            _ if self.is_ambiguous() => RetryClass::Unknown,
            _ if self.http_status == Some(429) => RetryClass::NotApplied,
            _ => RetryClass::Refused,
        }
    }

    /// Whether this failure leaves it unknown if the server applied the request.
    pub fn is_ambiguous(&self) -> bool {
        self.kind == ErrorKind::Transport || (self.kind == ErrorKind::Server && self.http_status.is_some_and(|s| s >= 500))
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.code, self.http_status) {
            (Some(code), Some(status)) => write!(f, "{} (code {code}, HTTP {status})", self.message)?,
            (None, Some(status)) => write!(f, "{} (HTTP {status})", self.message)?,
            _ => write!(f, "{}", self.message)?,
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request {id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}
