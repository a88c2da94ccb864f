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
}

impl Outcome {
    pub fn label(&self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::Failed { .. } => "failed",
            Self::Skipped { .. } => "skipped",
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
    pub fn outcome_of(&self, user: &str) -> Option<&Outcome> {
        self.items.iter().find(|i| i.user_id == user).map(|i| &i.outcome)
    }
}

