//! Chaos: 3,000-user mute, unmute and kick while half or more of all requests fail (503 or a
//! dropped connection, before or after the change is applied). Every report row is compared
//! with the server's state read afterwards: "done" must have happened, "failed" must not have
//! changed anything, "unknown" may be either — and nothing else is allowed. And the work must
//! actually get done: at least 90 % of the rows of every action "done", and some lost answers
//! settled by reading the state back (a run where every row failed would prove nothing).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use groupdesk::backend::rongcloud::Client;
use groupdesk::backend::rongcloud::bulk::{BulkReport, Control, Outcome, Progress};
use groupdesk::backend::rongcloud::types::LeaveOptions;
use groupdesk::sandbox::Seed;

use super::common::{Opts, config, start};

/// A reader that practically always gets through (many retries), for the state checks.
fn patient(url: &str) -> Client {
    let mut c = config(url, None, 0);
    c.max_retries = 80;
    c.read_retries = 80;
    Client::new(c).unwrap()
}

async fn muted(c: &Client) -> HashSet<String> {
    c.muted(Some("community")).await.unwrap().into_iter().map(|m| m.user_id).collect()
}

/// Which of `users` are members (specific queries, 100 a call, concurrently: quicker under
/// faults than paging through the whole group).
async fn members(c: &Client, users: &[String]) -> HashSet<String> {
    c.membership("community", users).await.unwrap().into_keys().collect()
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

/// A control that records every progress report: the most "unknown" rows seen while the chunks
/// ran, minus the unknown rows left at the end, is how many lost answers the read-back settled.
fn watched() -> (Control, Arc<Mutex<Vec<Progress>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    let ctl = Control { progress: Some(Arc::new(move |p: Progress| s.lock().unwrap().push(p))), ..Default::default() };
    (ctl, seen)
}

fn settled(seen: &Mutex<Vec<Progress>>, report: &BulkReport) -> usize {
    let peak = seen.lock().unwrap().iter().map(|p| p.unknown).max().unwrap_or(0);
    peak - report.count("unknown")
}

/// Checks one action's report: ≥ 90 % done, 0 contradictions; prints the tally; returns how
/// many lost answers were settled by reading the state back.
fn judge(what: &str, fault_rate: f64, report: &BulkReport, before: &HashSet<String>, after: &HashSet<String>, goal_in: bool, seen: &Mutex<Vec<Progress>>) -> usize {
    let t = tally(report);
    let settled = settled(seen, report);
    eprintln!("chaos {fault_rate}: {what}: {t:?}, {settled} lost answers settled by read-back");
    let mut reasons: Vec<String> = report.items.iter().filter(|i| !matches!(i.outcome, Outcome::Done)).map(|i| format!("{:?}", i.outcome)).collect();
    reasons.dedup();
    for r in reasons.iter().take(3) {
        eprintln!("  e.g. {r}");
    }
    assert_eq!(report.items.len(), USERS);
    let bad = contradictions(report, before, after, goal_in);
    assert!(bad.is_empty(), "{what} at {fault_rate}: {} contradictions, e.g. {:?}; tally {t:?}", bad.len(), &bad[..bad.len().min(5)]);
    let done = report.count("done");
    assert!(done * 10 >= USERS * 9, "{what} at {fault_rate}: only {done} of {USERS} rows done; tally {t:?}");
    settled
}

const USERS: usize = 3_000;

async fn run(fault_rate: f64) {
    let env = start(Opts { seed: Seed::Demo, fault_rate, ..Default::default() }).await;
    // The client under test keeps its default retry budgets (5 repeats of a change, 16 of a
    // read), so retries of changes do run out and lost answers must be settled by read-back.
    let client = Client::new(config(&env.sandbox.base_url(), None, 0)).unwrap();
    assert_eq!((client.config().max_retries, client.config().read_retries), (5, 16));
    let reader = patient(&env.sandbox.base_url());
    let users: Vec<String> = (10_000..10_000 + USERS).map(|i| format!("u{i}")).collect();
    let mut settled_total = 0;

    let before = muted(&reader).await;
    let (ctl, seen) = watched();
    let report = client.mute_members("community", &users, 60, &ctl).await;
    let after = muted(&reader).await;
    settled_total += judge("mute", fault_rate, &report, &before, &after, true, &seen);

    let before = after;
    let (ctl, seen) = watched();
    let report = client.unmute_members("community", &users, &ctl).await;
    let after = muted(&reader).await;
    settled_total += judge("unmute", fault_rate, &report, &before, &after, false, &seen);

    let before = members(&reader, &users).await;
    let (ctl, seen) = watched();
    let report = client.kick_members("community", &users, LeaveOptions::default(), &ctl).await;
    let after = members(&reader, &users).await;
    settled_total += judge("kick", fault_rate, &report, &before, &after, false, &seen);
    assert!(settled_total > 0, "at {fault_rate} some lost answer must have been settled by reading the state back");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_equal_the_server_state_at_half_the_requests_failing() {
    run(0.5).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_equal_the_server_state_at_seventy_percent_failing() {
    run(0.7).await;
}
