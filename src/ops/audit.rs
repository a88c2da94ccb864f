//! The audit log: every change made by the console or the CLI is appended to a JSON Lines file
//! in the data directory and flushed to disk before the result is shown.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::bulk::{BulkReport, ItemOutcome};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    /// UTC, RFC 3339 with milliseconds.
    pub time: String,
    pub operator: String,
    /// Connection name or base URL.
    pub connection: String,
    pub action: String,
    pub group: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub users: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// One outcome per item for bulk actions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<ItemOutcome>,
    /// "done", "partial", "failed", "skipped" (nothing needed doing) or "unknown" (answers lost).
    pub result: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub request_ids: Vec<String>,
}

impl AuditEntry {
    pub fn new(operator: &str, connection: &str, action: &str, group: &str) -> Self {
        Self {
            time: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            operator: operator.to_owned(),
            connection: connection.to_owned(),
            action: action.to_owned(),
            group: group.to_owned(),
            users: Vec::new(),
            reason: None,
            outcomes: Vec::new(),
            result: "done".into(),
            error: None,
            request_ids: Vec::new(),
        }
    }

    /// Fills users, outcomes, request ids and the overall result from a bulk report.
    pub fn with_report(mut self, report: &BulkReport) -> Self {
        self.users = report.items.iter().map(|i| i.user_id.clone()).collect();
        self.request_ids = report
            .items
            .iter()
            .filter_map(|i| i.outcome.request_id().map(str::to_owned))
            .chain(report.request_ids.iter().cloned())
            .collect();
        self.request_ids.sort();
        self.request_ids.dedup();
        let p = report.progress();
        self.result = match (p.done, p.failed, p.unknown) {
            (d, _, _) if d == p.total => "done",
            (0, 0, 0) => "skipped",
            (0, _, 0) => "failed",
            (0, 0, _) => "unknown",
            _ => "partial",
        }
        .into();
        self.outcomes = report.items.clone();
        self
    }

    /// Marks the entry failed when `r` is an error.
    pub fn with_result<T>(self, r: &Result<T, crate::model::ApiError>) -> Self {
        match r {
            Ok(_) => self,
            Err(e) => self.with_error(e),
        }
    }

    /// Marks the change failed with the service's error (and its request id) — or "unknown"
    /// when the error is ambiguous (the answer was lost and the state could not be read back),
    /// since the change may have been applied.
    pub fn with_error(mut self, e: &crate::model::ApiError) -> Self {
        self.result = if e.is_ambiguous() { "unknown" } else { "failed" }.into();
        self.error = Some(e.to_string());
        self.request_ids.extend(e.request_id.clone());
        self
    }
}

/// An append-only JSON Lines file.
#[derive(Clone, Debug)]
pub struct AuditLog {
    path: PathBuf,
}

impl AuditLog {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }

    /// `audit.jsonl` in the platform data directory (beside the sandbox's data).
    pub fn default_path() -> PathBuf {
        directories::ProjectDirs::from("", "", "groupdesk")
            .map(|d| d.data_dir().join("audit.jsonl"))
            .unwrap_or_else(|| PathBuf::from("groupdesk-audit.jsonl"))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one entry and flushes it to disk.
    pub fn append(&self, entry: &AuditEntry) -> std::io::Result<()> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut line = serde_json::to_string(entry).map_err(std::io::Error::other)?;
        line.push('\n');
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(&self.path)?;
        f.write_all(line.as_bytes())?;
        f.sync_data()
    }

    /// Every entry, oldest first; unreadable lines are skipped.
    pub fn read(&self) -> std::io::Result<Vec<AuditEntry>> {
        match std::fs::read_to_string(&self.path) {
            Ok(text) => Ok(text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }
}

/// Writes entries as JSON Lines (an export of the audit screen's selection).
pub fn export(path: &Path, entries: &[AuditEntry]) -> std::io::Result<()> {
    let lines: Vec<String> = entries.iter().filter_map(|e| serde_json::to_string(e).ok()).collect();
    std::fs::write(path, lines.join("\n") + "\n")
}

/// The operator name for entries: `GROUPDESK_OPERATOR`, else the login name.
pub fn operator_from_env() -> String {
    std::env::var("GROUPDESK_OPERATOR")
        .or_else(|_| std::env::var("USER"))
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::new(dir.path().join("a/audit.jsonl"));
        let e = AuditEntry::new("ann", "sandbox", "mute", "g1");
        log.append(&e).unwrap();
        log.append(&AuditEntry { reason: Some("spam".into()), ..e.clone() }).unwrap();
        let back = log.read().unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0], e);
        assert_eq!(back[1].reason.as_deref(), Some("spam"));
    }
}
