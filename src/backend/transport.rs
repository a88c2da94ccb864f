//! Transport helpers both services' clients share: the root cause of a transport error and the
//! backoff between repeats.

use std::time::Duration;

use rand::Rng;

/// The innermost error's text (reqwest wraps the useful one several layers deep).
pub(crate) fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

/// Exponential backoff with jitter: 50 ms doubling per attempt, at most 2 s.
pub(crate) async fn backoff(attempt: u32) {
    let base = 50u64 << attempt.min(6);
    let jitter = rand::rng().random_range(0..=base / 2);
    tokio::time::sleep(Duration::from_millis((base + jitter).min(2_000))).await;
}
