//! Chunked bulk operations: one outcome per item, owner and non-members skipped, faults.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use groupdesk::backend::rongcloud::bulk::{Control, Outcome};
use groupdesk::backend::rongcloud::types::{LeaveOptions, NewGroup};
use groupdesk::sandbox::Seed;

use crate::common::{Opts, empty, ids, start};

#[tokio::test]
async fn kick_3000_with_owner_and_non_members_in_the_list() {
    let env = start(Opts { seed: Seed::Demo, ..Default::default() }).await;
    let c = &env.client;
    // The demo group has u10000 (owner) .. u12999. Ask to kick all of them plus 50 strangers,
    // one duplicate and one invalid id.
    let mut list: Vec<String> = (10000..13000).map(|n| format!("u{n}")).collect();
    list.extend((0..50).map(|n| format!("stranger{n}")));
    list.push("u10001".into());
    list.push("x".repeat(65));
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let ctl = Control { progress: Some(Arc::new(move |_| { seen.fetch_add(1, Ordering::Relaxed); })), ..Default::default() };
    let r = c.kick_members("community", &list, LeaveOptions::default(), &ctl).await;
    assert_eq!(r.items.len(), list.len(), "one outcome per item");
    assert_eq!(r.outcome_of("u10000"), Some(&Outcome::Skipped { reason: "group owner: transfer ownership first".into() }));
    assert_eq!(r.outcome_of("stranger7"), Some(&Outcome::Skipped { reason: "not a member of the group".into() }));
    assert_eq!(r.outcome_of("u12999"), Some(&Outcome::Done));
    assert_eq!(r.count("done"), 2999);
    assert_eq!(r.count("skipped"), 1 + 50 + 1 + 1);
    assert_eq!(r.count("failed"), 0);
    assert_eq!(r.items[3001].user_id, "stranger1", "outcomes keep the input order");
    let dup = r.items.iter().filter(|i| i.user_id == "u10001").collect::<Vec<_>>();
    assert_eq!(dup[0].outcome, Outcome::Done);
    assert_eq!(dup[1].outcome, Outcome::Skipped { reason: "duplicate in the list".into() });
    assert!(calls.load(Ordering::Relaxed) >= 30, "progress after every chunk");
    // Server state matches the report: only the owner is left.
    let info = c.group_info("community").await.unwrap().unwrap();
    assert_eq!(info.member_count, 1);
}

#[tokio::test]
async fn bulk_mute_of_3000_under_10_percent_faults_accounts_for_everyone() {
    let env = start(Opts { seed: Seed::Demo, fault_rate: 0.1, ..Default::default() }).await;
    let users: Vec<String> = (10000..13000).map(|n| format!("u{n}")).collect();
    let r = env.client.mute_members("community", &users, 60, &Control::default()).await;
    assert_eq!(r.items.len(), 3000);
    assert_eq!(r.count("skipped"), 1, "the owner");
    assert_eq!(r.count("done"), 2999, "{:?}", r.items.iter().find(|i| matches!(i.outcome, Outcome::Failed { .. })));
    // Read the state back without faults.
    let clean = groupdesk::backend::rongcloud::Client::new(crate::common::config(&env.sandbox.base_url(), None, 0)).unwrap();
    let _ = clean; // the same server; faults only hit some requests, retries make reads reliable
    let muted: std::collections::HashSet<String> = env.client.muted(Some("community")).await.unwrap().into_iter().map(|m| m.user_id).collect();
    for item in &r.items {
        assert_eq!(muted.contains(&item.user_id), item.outcome == Outcome::Done, "{}", item.user_id);
    }
}

#[tokio::test]
async fn add_members_reconciles_lost_answers() {
    let env = start(Opts { fault_rate: 0.3, ..Default::default() }).await;
    let c = &env.client;
    // Create without faults getting in the way: retry until it exists.
    let g = NewGroup { group_id: "h1".into(), name: "H".into(), owner: "o".into(), ..Default::default() };
    while c.create_group(&g).await.is_err() && c.group_info("h1").await.ok().flatten().is_none() {}
    let users = ids("n", 450);
    let r = c.add_members("h1", &users, &Control::default()).await;
    let failed: Vec<_> = r.items.iter().filter(|i| i.outcome != Outcome::Done).collect();
    assert!(failed.is_empty(), "{failed:?}");
    assert_eq!(c.group_info("h1").await.unwrap().unwrap().member_count, 451);
    // Again: everyone is already a member now.
    let again = c.add_members("h1", &users[..5], &Control::default()).await;
    assert_eq!(again.count("skipped"), 5);
}

#[tokio::test]
async fn allowlist_and_unmute_bulk_on_a_legacy_group() {
    let env = empty().await;
    let c = &env.client;
    let users = ids("v", 45);
    c.group_create("lg", "Legacy", &users).await.unwrap();
    let r = c.allowlist_add_users("lg", &users, &Control::default()).await;
    assert!(r.all_done());
    assert_eq!(c.allowlist("lg").await.unwrap().len(), 45);
    let r = c.allowlist_remove_users("lg", &users[..20], &Control::default()).await;
    assert!(r.all_done());
    assert_eq!(c.allowlist("lg").await.unwrap().len(), 25);
    let r = c.mute_members("lg", &[users[0].clone(), "outsider".into()], 5, &Control::default()).await;
    assert_eq!(r.outcome_of("outsider"), Some(&Outcome::Skipped { reason: "not a member of the group".into() }));
    let r = c.unmute_members("lg", &users[..1], &Control::default()).await;
    assert!(r.all_done());
    let r = c.kick_members("lg", &users[..10], LeaveOptions::default(), &Control::default()).await;
    assert!(r.all_done());
    assert_eq!(c.group_members("lg").await.unwrap().len(), 35);
}

#[tokio::test]
async fn cancelled_work_is_reported_as_skipped() {
    let env = empty().await;
    let c = &env.client;
    let users = ids("w", 100);
    c.group_create("g", "G", &users).await.unwrap();
    let ctl = Control::default();
    ctl.cancel.cancel();
    let r = c.mute_members("g", &users, 5, &ctl).await;
    assert_eq!(r.count("skipped"), 100);
    assert!(c.muted(Some("g")).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_failing_chunk_fails_only_its_items_with_code_and_request_id() {
    let env = empty().await;
    let c = &env.client;
    // Mute in a group whose id is fine but with minutes over the limit: refused client-side for all.
    let r = c.mute_members("g", &ids("z", 3), 50_000, &Control::default()).await;
    assert_eq!(r.count("failed"), 3);
    // A hosted join that the server refuses (group missing) fails each item with the code.
    let r = c.add_members("missing", &ids("z", 3), &Control::default()).await;
    match &r.items[0].outcome {
        Outcome::Failed { message, .. } => assert!(!message.is_empty()),
        other => panic!("{other:?}"),
    }
}
