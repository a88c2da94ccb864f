//! A connected service with the acting operator and the audit log its changes go to.

use crate::backend::Backend;
use crate::model::ApiError;

use super::audit::{AuditEntry, AuditLog};

/// A connection as both front ends use it. Cheap to clone (into background tasks).
#[derive(Clone)]
pub struct Session {
    /// The service client, for the operations layer only: the front ends ask through `ops`
    /// and the accessors below, never the client itself.
    pub(in crate::ops) backend: Backend,
    /// Recorded as the `connection` of audit entries: the base URL or data-centre code, so the
    /// console and the CLI name the same server the same way.
    pub connection: String,
    pub operator: String,
    pub audit: AuditLog,
}

/// What a change returned, and whether its audit entry could be written.
#[derive(Debug)]
pub struct Recorded<T> {
    pub result: T,
    /// Set when the change was made (or attempted) but the audit log could not be written.
    pub audit_error: Option<String>,
}

impl<T> Recorded<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Recorded<U> {
        Recorded { result: f(self.result), audit_error: self.audit_error }
    }
}

impl Session {
    pub fn new(backend: Backend, connection: impl Into<String>, operator: impl Into<String>, audit: AuditLog) -> Self {
        Self { backend, connection: connection.into(), operator: operator.into(), audit }
    }

    /// The same session acting as `operator` (empty: the login name).
    pub fn with_operator(mut self, operator: &str) -> Self {
        if !operator.trim().is_empty() {
            self.operator = operator.trim().to_owned();
        }
        self
    }

    /// The service this session talks to.
    pub fn service(&self) -> crate::model::Service {
        self.backend.service()
    }

    /// The base URL requests go to now (after any fail-over).
    pub fn current_url(&self) -> String {
        self.backend.current_url()
    }

    /// Checks a group id the service could address (length and characters, not existence).
    pub fn check_group_id(&self, field: &str, group_id: &str) -> Result<(), ApiError> {
        self.backend.check_group_id(field, group_id)
    }

    /// Whether the server answered that the group does not exist.
    pub fn is_group_missing(&self, e: &ApiError) -> bool {
        self.backend.is_group_missing(e)
    }

    /// The plain-language meaning of a service error code.
    pub fn explain(&self, code: u32) -> &'static str {
        self.backend.explain(code)
    }

    /// A new entry for a change by this session's operator on this connection.
    pub fn entry(&self, action: &str, group: &str, reason: Option<&str>) -> AuditEntry {
        let mut e = AuditEntry::new(&self.operator, &self.connection, action, group);
        e.reason = reason.map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned);
        e
    }

    /// Appends `entry` (off the UI thread: callers run in a background task) and pairs it with
    /// the result.
    pub async fn record<T>(&self, entry: AuditEntry, result: T) -> Recorded<T> {
        let log = self.audit.clone();
        let written = tokio::task::spawn_blocking(move || log.append(&entry)).await.map_err(std::io::Error::other).and_then(|r| r);
        let audit_error = written.err().map(|e| format!("the audit log {} could not be written: {e}", self.audit.path().display()));
        Recorded { result, audit_error }
    }

    /// Records a single change with its result.
    pub async fn record_change<T>(&self, action: &str, group: &str, reason: Option<&str>, result: Result<T, ApiError>) -> Recorded<Result<T, ApiError>> {
        let entry = match &result {
            Ok(_) => self.entry(action, group, reason),
            Err(e) => self.entry(action, group, reason).with_error(e),
        };
        self.record(entry, result).await
    }
}
