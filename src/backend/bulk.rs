//! The service-neutral bulk engine: a list of any length is split into chunks of the
//! endpoint's per-call maximum (from the group's capabilities), sent concurrently (the client's
//! rate limiter paces them), and every item gets exactly one outcome, in the order given.

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures::StreamExt;

use crate::model::bulk::{BulkReport, Control, ItemOutcome, Outcome, Progress};
use crate::model::error::ApiError;

tokio::task_local! {
    /// While a bulk operation runs, every answered request's id is recorded here by the client.
    pub static REQUEST_IDS: std::cell::RefCell<Vec<String>>;
}

/// Records an answered request's id for the bulk operation running on this task, if any.
pub fn record_request_id(rid: &str) {
    let _ = REQUEST_IDS.try_with(|ids| ids.borrow_mut().push(rid.to_owned()));
}

/// Runs `work` and returns, with its result, the id of the last request it had answered (for
/// per-item errors inside a successful answer); an enclosing bulk operation still records it.
pub async fn with_last_request_id<T>(work: impl std::future::Future<Output = T>) -> (T, Option<String>) {
    let (out, ids) = REQUEST_IDS
        .scope(Default::default(), async {
            let out = work.await;
            (out, REQUEST_IDS.with(|ids| std::mem::take(&mut *ids.borrow_mut())))
        })
        .await;
    for id in &ids {
        record_request_id(id);
    }
    (out, ids.last().cloned())
}

/// Trims, drops blanks and repeats, and sorts the list into items to send and items already
/// decided (invalid ids, skipped with the reason). Repeats get their outcome in the report.
pub fn prepare(ids: &[String], check: impl Fn(&str) -> Result<(), ApiError>) -> (Vec<String>, Vec<ItemOutcome>) {
    let mut seen = HashSet::new();
    let mut send = Vec::new();
    let mut decided = Vec::new();
    for raw in ids {
        let id = raw.trim();
        if id.is_empty() || !seen.insert(id.to_owned()) {
            continue;
        }
        match check(id) {
            Ok(()) => send.push(id.to_owned()),
            Err(e) => decided.push(ItemOutcome { user_id: id.to_owned(), outcome: Outcome::skipped(format!("invalid user id: {}", e.message)) }),
        }
    }
    (send, decided)
}

struct Tally {
    ctl: Control,
    total: usize,
    finished: AtomicUsize,
    done: AtomicUsize,
    failed: AtomicUsize,
    skipped: AtomicUsize,
    unknown: AtomicUsize,
}

impl Tally {
    fn new(ctl: &Control, total: usize) -> Self {
        Self { ctl: ctl.clone(), total, finished: 0.into(), done: 0.into(), failed: 0.into(), skipped: 0.into(), unknown: 0.into() }
    }
    fn record(&self, outcomes: &[ItemOutcome]) {
        for o in outcomes {
            match o.outcome {
                Outcome::Done => &self.done,
                Outcome::Failed { .. } => &self.failed,
                Outcome::Skipped { .. } => &self.skipped,
                Outcome::Unknown { .. } => &self.unknown,
            }
            .fetch_add(1, Ordering::Relaxed);
        }
        self.finished.fetch_add(outcomes.len(), Ordering::Relaxed);
        if let Some(p) = &self.ctl.progress {
            p(Progress {
                total: self.total,
                finished: self.finished.load(Ordering::Relaxed),
                done: self.done.load(Ordering::Relaxed),
                failed: self.failed.load(Ordering::Relaxed),
                skipped: self.skipped.load(Ordering::Relaxed),
                unknown: self.unknown.load(Ordering::Relaxed),
            });
        }
    }
}

/// Runs `call` on chunks of at most `per_call` items, `bulk_concurrency` at a time. `call`
/// answers the items the server left out, with a reason; the rest of a chunk is done. The
/// report follows `original` (the caller's list): a repeated id is skipped as a duplicate.
pub async fn run_chunks<F, Fut>(original: &[String], items: Vec<String>, per_call: usize, concurrency: usize, ctl: &Control, decided: Vec<ItemOutcome>, call: F) -> BulkReport
where
    F: Fn(Vec<String>) -> Fut,
    Fut: Future<Output = Result<Vec<(String, String)>, ApiError>>,
{
    let order: Vec<&str> = original.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    let tally = Tally::new(ctl, order.len());
    let repeats = order.len() - decided.len() - items.len();
    let repeat_outcomes: Vec<ItemOutcome> = (0..repeats)
        .map(|_| ItemOutcome { user_id: String::new(), outcome: Outcome::skipped("duplicate in the list") })
        .collect();
    tally.record(&decided);
    tally.record(&repeat_outcomes);
    let chunks: Vec<Vec<String>> = items.chunks(per_call.max(1)).map(<[String]>::to_vec).collect();
    let (results, request_ids): (Vec<ItemOutcome>, Vec<String>) = REQUEST_IDS.scope(Default::default(), async {
    let results: Vec<ItemOutcome> = futures::stream::iter(chunks)
        .map(|chunk| {
            let tally = &tally;
            let call = &call;
            async move {
                let outcomes: Vec<ItemOutcome> = if ctl.cancel.is_cancelled() {
                    chunk.into_iter().map(|u| ItemOutcome { user_id: u, outcome: Outcome::skipped("cancelled") }).collect()
                } else {
                    match call(chunk.clone()).await {
                        Ok(left_out) => {
                            let left: HashMap<String, String> = left_out.into_iter().collect();
                            chunk
                                .into_iter()
                                .map(|u| {
                                    let outcome = match left.get(&u) {
                                        Some(reason) => Outcome::skipped(reason.clone()),
                                        None => Outcome::Done,
                                    };
                                    ItemOutcome { user_id: u, outcome }
                                })
                                .collect()
                        }
                        Err(e) => chunk.into_iter().map(|u| ItemOutcome { user_id: u, outcome: Outcome::from_error(&e) }).collect(),
                    }
                };
                tally.record(&outcomes);
                futures::stream::iter(outcomes)
            }
        })
        .buffer_unordered(concurrency.max(1))
        .flatten()
        .collect()
        .await;
    let ids = REQUEST_IDS.with(|ids| std::mem::take(&mut *ids.borrow_mut()));
    (results, ids)
    })
    .await;
    let mut by_user: HashMap<String, Outcome> = decided.into_iter().chain(results).map(|o| (o.user_id, o.outcome)).collect();
    let items = order
        .into_iter()
        .map(|u| ItemOutcome {
            user_id: u.to_owned(),
            outcome: by_user.remove(u).unwrap_or_else(|| Outcome::skipped("duplicate in the list")),
        })
        .collect();
    BulkReport { items, request_ids }
}


/// A single change whose answer was lost (`e`, ambiguous) and whose state, read back, shows it
/// was not applied: a plain failure (not ambiguous, so it is recorded "failed", not "unknown").
pub fn not_applied(e: &ApiError) -> ApiError {
    let mut out = e.clone();
    out.kind = crate::model::error::ErrorKind::Server;
    out.http_status = None;
    out.message = format!("not applied: the answer was lost ({}) and the state read back shows no change", e.message);
    out
}

/// Settles the items whose answer was lost after every retry by reading the state back:
/// `goal_holds` answers which of the listed users are now in the state the action aimed at.
/// Those are done; the others were not applied (failed). If the read fails too, they stay
/// unknown — never a false "failed" or "done".
pub async fn settle<F, Fut>(report: &mut BulkReport, ctl: &Control, goal_holds: F)
where
    F: FnOnce(Vec<String>) -> Fut,
    Fut: Future<Output = Result<HashSet<String>, ApiError>>,
{
    let open: Vec<String> = report.items.iter().filter(|i| matches!(i.outcome, Outcome::Unknown { .. })).map(|i| i.user_id.clone()).collect();
    if open.is_empty() {
        return;
    }
    let holds = match goal_holds(open).await {
        Ok(h) => h,
        Err(e) => {
            tracing::warn!(error = %e, "the state could not be read back; lost answers stay unknown");
            return;
        }
    };
    for item in &mut report.items {
        if let Outcome::Unknown { request_id, .. } = &item.outcome {
            item.outcome = if holds.contains(&item.user_id) {
                Outcome::Done
            } else {
                let message = "not applied: the answer was lost and the state read back shows no change".to_owned();
                Outcome::Failed { code: None, message, request_id: request_id.clone() }
            };
        }
    }
    if let Some(p) = &ctl.progress {
        p(report.progress());
    }
}
