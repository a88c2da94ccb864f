//! Chaos: 3,000-user mute, unmute and kick while half or more of all requests fail (503 or a
//! dropped connection, before or after the change is applied). Every report row is compared
//! with the server's state read afterwards: "done" must have happened, "failed" must not have
//! changed anything, "unknown" may be either — and nothing else is allowed.

use std::collections::{HashMap, HashSet};

use groupdesk::backend::rongcloud::Client;
use groupdesk::backend::rongcloud::bulk::{BulkReport, Control, Outcome};
use groupdesk::backend::rongcloud::types::LeaveOptions;
use groupdesk::sandbox::Seed;

use super::common::{Opts, config, start};

/// A reader that practically always gets through (many retries), for the state checks.
fn patient(url: &str) -> Client {
    let mut c = config(url, None, 0);
    c.max_retries = 80;
    Client::new(c).unwrap()
}

async fn muted(c: &Client) -> HashSet<String> {
    c.muted(Some("community")).await.unwrap().into_iter().map(|m| m.user_id).collect()
}

async fn members(c: &Client) -> HashSet<String> {
    c.all_members("community", None).await.unwrap().into_iter().map(|m| m.user_id).collect()
}

/// Checks every row: done ⇒ `goal` holds; failed or skipped ⇒ the state is what it was.
fn contradictions(report: &BulkReport, before: &HashSet<String>, after: &HashSet<String>, goal_in: bool) -> Vec<String> {
    let mut bad = Vec::new();
    for item in &report.items {
        let (was, now) = (before.contains(&item.user_id), after.contains(&item.user_id));
        let ok = match &item.outcome {
            Outcome::Done => now == goal_in,
            Outcome::Failed { .. } | Outcome::Skipped { .. } => now == was,
            Outcome::Unknown { .. } => true,
        };
        if !ok {
            bad.push(format!("{}: {:?} but before={was} after={now}", item.user_id, item.outcome));
        }
    }
    bad
}

fn tally(report: &BulkReport) -> HashMap<&'static str, usize> {
    let mut t = HashMap::new();
    for i in &report.items {
        *t.entry(i.outcome.label()).or_default() += 1;
    }
    t
}

async fn run(fault_rate: f64) {
    let env = start(Opts { seed: Seed::Demo, fault_rate, ..Default::default() }).await;
    // The client under test keeps its default retry budget, so retries do run out.
    let mut cfg = config(&env.sandbox.base_url(), None, 0);
    cfg.max_retries = 5;
    let client = Client::new(cfg).unwrap();
    let reader = patient(&env.sandbox.base_url());
    let users: Vec<String> = (10_000..13_000).map(|i| format!("u{i}")).collect();

    let before = muted(&reader).await;
    let report = client.mute_members("community", &users, 60, &Control::default()).await;
    let after = muted(&reader).await;
    let bad = contradictions(&report, &before, &after, true);
    assert!(bad.is_empty(), "mute at {fault_rate}: {} contradictions, e.g. {:?}; tally {:?}", bad.len(), &bad[..bad.len().min(5)], tally(&report));
    assert_eq!(report.items.len(), users.len());

    let before = after;
    let report = client.unmute_members("community", &users, &Control::default()).await;
    let after = muted(&reader).await;
    let bad = contradictions(&report, &before, &after, false);
    assert!(bad.is_empty(), "unmute at {fault_rate}: {} contradictions, e.g. {:?}; tally {:?}", bad.len(), &bad[..bad.len().min(5)], tally(&report));

    let before = members(&reader).await;
    let report = client.kick_members("community", &users, LeaveOptions::default(), &Control::default()).await;
    let after = members(&reader).await;
    let bad = contradictions(&report, &before, &after, false);
    assert!(bad.is_empty(), "kick at {fault_rate}: {} contradictions, e.g. {:?}; tally {:?}", bad.len(), &bad[..bad.len().min(5)], tally(&report));
    eprintln!("chaos {fault_rate}: kick tally {:?}", tally(&report));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_equal_the_server_state_at_half_the_requests_failing() {
    run(0.5).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_equal_the_server_state_at_seventy_percent_failing() {
    run(0.7).await;
}
