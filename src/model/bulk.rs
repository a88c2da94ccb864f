//! Bulk work as every service reports it: one outcome per item (done, failed with the service's
//! code, message and request id, or skipped with the reason), progress counts, cancellation.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;

use super::error::ApiError;

/// What happened to one item of a bulk operation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Outcome {
    Done,
    Failed { code: Option<u32>, message: String, request_id: Option<String> },
    Skipped { reason: String },
    /// The answer was lost after every retry and the state could not be read back: the change
    /// may or may not have been applied.
    Unknown { message: String, request_id: Option<String> },
}

impl Outcome {
    pub fn label(&self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::Failed { .. } => "failed",
            Self::Skipped { .. } => "skipped",
            Self::Unknown { .. } => "unknown",
        }
    }

    /// Failed, or unknown when the error leaves it open whether the server applied the change.
    pub fn from_error(e: &ApiError) -> Self {
        if e.is_ambiguous() {
            Self::Unknown { message: format!("unknown — may have been applied: {}", e.message), request_id: e.request_id.clone() }
        } else {
            Self::failed(e)
        }
    }

    /// What a report shows: the reason, or the message with the service's meaning of its code.
    pub fn detail(&self, explain: impl Fn(u32) -> &'static str) -> String {
        match self {
            Self::Done => String::new(),
            Self::Failed { code: Some(c), message, .. } => format!("{message} ({})", explain(*c)),
            Self::Failed { message, .. } | Self::Unknown { message, .. } => message.clone(),
            Self::Skipped { reason } => reason.clone(),
        }
    }

    pub fn code(&self) -> Option<u32> {
        match self {
            Self::Failed { code, .. } => *code,
            _ => None,
        }
    }

    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Failed { request_id, .. } | Self::Unknown { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    pub fn failed(e: &ApiError) -> Self {
        Self::Failed { code: e.code, message: e.message.clone(), request_id: e.request_id.clone() }
    }

    pub fn skipped(reason: impl Into<String>) -> Self {
        Self::Skipped { reason: reason.into() }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemOutcome {
    #[serde(rename = "userId")]
    pub user_id: String,
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// Counts so far, reported after every chunk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub total: usize,
    pub finished: usize,
    pub done: usize,
    pub failed: usize,
    pub skipped: usize,
    /// Lost answers whose state is not read back yet (or could not be).
    pub unknown: usize,
}

pub type ProgressFn = Arc<dyn Fn(Progress) + Send + Sync>;

/// Progress reporting and cancellation for a bulk operation.
#[derive(Clone, Default)]
pub struct Control {
    pub progress: Option<ProgressFn>,
    pub cancel: CancellationToken,
}

/// One outcome per item, in the order the items were given.
#[derive(Clone, Debug, Default, Serialize)]
pub struct BulkReport {
    pub items: Vec<ItemOutcome>,
    /// Request ids of the calls that succeeded (failed items carry their own).
    pub request_ids: Vec<String>,
}

impl BulkReport {
    pub fn count(&self, label: &str) -> usize {
        self.items.iter().filter(|i| i.outcome.label() == label).count()
    }
    pub fn all_done(&self) -> bool {
        self.items.iter().all(|i| i.outcome == Outcome::Done)
    }
    pub fn any_failed(&self) -> bool {
        self.items.iter().any(|i| matches!(i.outcome, Outcome::Failed { .. }))
    }
    /// The counts of the finished report.
    pub fn progress(&self) -> Progress {
        let n = self.items.len();
        Progress { total: n, finished: n, done: self.count("done"), failed: self.count("failed"), skipped: self.count("skipped"), unknown: self.count("unknown") }
    }
    pub fn outcome_of(&self, user: &str) -> Option<&Outcome> {
        self.items.iter().find(|i| i.user_id == user).map(|i| &i.outcome)
    }
}

