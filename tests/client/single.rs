//! Single changes whose answer is lost: mute-all and making an admin read the state back and
//! record what is true — "done" if it happened, "failed" if not, "unknown" only when the state
//! cannot be read. Against a sandbox where half of all requests fail (503 or a dropped
//! connection, before or after applying) and a client that never repeats a change, so the
//! ambiguous path is taken often; each step is compared with the state read afterwards.

use groupdesk::backend::Backend;
use groupdesk::backend::rongcloud::Client;
use groupdesk::backend::rongcloud::types::MemberRole;
use groupdesk::ops::audit::AuditLog;
use groupdesk::ops::{Session, members};
use groupdesk::sandbox::Seed;

use super::common::{Opts, config, start};

const STEPS: usize = 24;

fn clients(url: &str) -> (Client, Client) {
    let mut c = config(url, None, 0);
    c.max_retries = 0; // a lost answer is never repeated: the read-back must settle it
    c.read_retries = 40;
    let mut patient = config(url, None, 0);
    patient.max_retries = 80;
    patient.read_retries = 80;
    (Client::new(c).unwrap(), Client::new(patient).unwrap())
}

/// Checks one recorded step: "done" ⇒ the goal holds, "failed" ⇒ nothing changed.
fn judge(step: &str, result: &str, before: bool, after: bool, goal: bool, bad: &mut Vec<String>) {
    let ok = match result {
        "done" => after == goal,
        "failed" => after == before,
        "unknown" => true,
        other => panic!("{step}: unexpected audit result {other}"),
    };
    if !ok {
        bad.push(format!("{step}: recorded {result} but before={before} after={after} goal={goal}"));
    }
}

fn tally(results: &[String]) -> String {
    ["done", "failed", "unknown"].map(|r| format!("{r} {}", results.iter().filter(|x| *x == r).count())).join(", ")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mute_all_and_admin_add_record_the_state_read_back_after_a_lost_answer() {
    let env = start(Opts { seed: Seed::Demo, fault_rate: 0.5, ..Default::default() }).await;
    let (client, reader) = clients(&env.sandbox.base_url());
    let dir = tempfile::tempdir().unwrap();
    let log = AuditLog::new(dir.path().join("audit.jsonl"));
    let session = Session::new(Backend::RongCloud(client), "test", "tester", log.clone());
    let mut bad = Vec::new();
    let started = std::time::Instant::now();

    let muted_all = || async { reader.mute_all_status(&["community"]).await.unwrap()[0].1 };
    for i in 0..STEPS {
        let goal = i % 2 == 0;
        let before = muted_all().await;
        let r = members::set_mute_all(&session, "community", goal, None).await;
        let after = muted_all().await;
        if let Ok(now) = r.result {
            assert_eq!(now, after, "step {i}: the result is the state read back");
        }
        let entry = log.read().unwrap().pop().unwrap();
        judge(&format!("mute-all {goal} #{i}"), &entry.result, before, after, goal, &mut bad);
    }
    eprintln!("mute-all steps: {:?}", started.elapsed());
    let mute_results: Vec<String> = log.read().unwrap().into_iter().map(|e| e.result).collect();

    let is_admin = |u: String| {
        let reader = &reader;
        async move { reader.members_by_id("community", &[u]).await.unwrap().first().is_some_and(|m| m.role == MemberRole::Admin) }
    };
    for i in 0..STEPS / 2 {
        let user = format!("u{}", 10_100 + i);
        let before = is_admin(user.clone()).await;
        let _ = members::set_admins(&session, "community", std::slice::from_ref(&user), true, None).await;
        let after = is_admin(user.clone()).await;
        let entry = log.read().unwrap().pop().unwrap();
        assert_eq!(entry.action, "make admin");
        judge(&format!("make admin {user}"), &entry.result, before, after, true, &mut bad);
        // Back to a plain member (any outcome), so the group's admin limit is never reached.
        let _ = members::set_admins(&session, "community", std::slice::from_ref(&user), false, None).await;
    }
    let admin_results: Vec<String> = log.read().unwrap().into_iter().skip(STEPS).step_by(2).map(|e| e.result).collect();
    eprintln!("single changes at 0.5 faults: mute-all {}; make admin {}", tally(&mute_results), tally(&admin_results));
    assert!(bad.is_empty(), "{} contradictions: {bad:#?}", bad.len());
    assert!(mute_results.iter().filter(|r| *r == "done").count() >= STEPS / 2, "lost answers that were applied count as done: {}", tally(&mute_results));
    assert!(admin_results.iter().filter(|r| *r == "done").count() >= STEPS / 6, "{}", tally(&admin_results));
}
