//! `ApiError`: what went wrong with a call, with the server's code and message, the request id,
//! and a human explanation of every code in reference §4.

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
            ErrorKind::Server => self.code.map(explain).unwrap_or("The server refused the request."),
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

/// Plain-language meaning of every code in reference §4.
pub fn explain(code: u32) -> &'static str {
    match code {
        200 => "Success.",
        400 => "The user ID does not exist.",
        404 => "The endpoint does not exist on this server.",
        405 => "The endpoint only accepts POST.",
        1000 => "The service had an internal error; retry later.",
        1001 => "The App Secret does not match the App Key.",
        1002 => "A parameter is missing or wrong (the message says which), or the App Key is unknown.",
        1003 => "The request had no data, or the mute duration is invalid.",
        1004 => "The signature was refused: check the App Secret and the machine's clock.",
        1005 => "A parameter is longer than allowed.",
        1006 => "The app is locked, deleted or offline.",
        1007 => "This method is restricted for the app, or the calling IP is not allowed.",
        1008 => "Too many calls: the rate limit (100 per second per endpoint) was exceeded; retry shortly.",
        1009 => "The service is not enabled for this app (e.g. group information hosting).",
        1015 => "The data to delete does not exist.",
        1050 => "An internal service timed out; retry later.",
        1501 => "A parameter has the wrong type.",
        1502 => "Too many items in one request.",
        1508 => "The request body is too large (the limit is under 100 KB).",
        25402 => "The group hosting service had an error.",
        25403 => "The group hosting service rejected a parameter.",
        25404 => "That change is not allowed (e.g. only the owner may change permissions).",
        25405 => "No permission for this operation.",
        25406 => "A value is longer than allowed.",
        25407 => "A value contains characters that are not allowed.",
        25408 => "A value must be a number.",
        25409 => "A group with this ID already exists.",
        25410 => "The group does not exist.",
        25411 => "The group would have more members than allowed.",
        25412 => "The user is already a member of the group.",
        25413 => "This operation is not allowed through the client SDK.",
        25414 => "Nobody may join this group (join permission is 'nobody').",
        25415 => "An extProfile key is not configured for this app; enable it in the developer console first.",
        25416 => "Queries are too frequent; slow down.",
        25417 => "The group owner cannot leave or be removed; transfer ownership first.",
        25418 => "The user is not a member of the group.",
        25419 => "Too many admins (at most 10) or followed members.",
        25420 => "The user is not an admin of the group.",
        25421 => "There is no matching invitation or application.",
        25422 => "Too many groups in one query (at most 50).",
        25423 => "The group name is empty.",
        25424 => "Joining needs an admin's approval.",
        25425 => "The owner cannot be made an admin.",
        25426 => "No permission to invite.",
        25427 => "The invitee must accept the invitation.",
        25428 => "Another admin already handled this.",
        25429 => "This is a legacy group: import it into group hosting first.",
        25430 => "The group ID contains characters that are not allowed (letters and digits only).",
        25432 => "The page token could not be parsed; start again from the first page.",
        25480 => "The group information failed content review.",
        _ => "The server refused the request with an undocumented code.",
    }
}
