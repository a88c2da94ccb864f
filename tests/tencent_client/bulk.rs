//! Bulk work: one outcome per user, the owner and non-members skipped, outcomes built by
//! reading the state back, never a false "failed" or "done" under faults.

use std::collections::HashSet;

use groupdesk::backend::Backend;
use groupdesk::backend::tencent::types::{GroupType, Role};
use groupdesk::model::bulk::{Control, Outcome};
use groupdesk::model::{MemberAction, MuteDuration};

use super::common::*;

fn muted_set(list: Vec<groupdesk::backend::tencent::types::Muted>) -> HashSet<String> {
    list.into_iter().map(|m| m.account).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mute_and_unmute_1200_members_in_chunks_of_500() {
    let env = empty().await;
    let c = &env.client;
    let members = ids("m", 1200);
    let id = group(c, GroupType::Public, "big1", "owner", &members).await;
    accounts(c, &["outsider".into()]).await;
    let mut list = members.clone();
    list.extend(["owner".to_string(), "outsider".into(), "m5".into(), "bad id ".repeat(10)]);
    let report = c.mute_members(&id, &list, 3600, &Control::default()).await;
    assert_eq!(report.items.len(), 1204, "one outcome per entry");
    assert_eq!(report.count("skipped"), 4, "owner, outsider, the repeated m5, the invalid id");
    assert_eq!(report.count("done"), 1200);
    assert_eq!(report.outcome_of("owner"), Some(&Outcome::skipped("group owner: transfer ownership first")));
    assert_eq!(report.outcome_of("outsider"), Some(&Outcome::skipped("not a member of the group")));
    assert_eq!(muted_set(c.muted(&id, None).await.unwrap()).len(), 1200);
    assert!(report.request_ids.len() >= 3, "three chunks of at most 500");

    let report = c.unmute_members(&id, &members, &Control::default()).await;
    assert!(report.all_done(), "{:?}", report.items.iter().find(|i| i.outcome != Outcome::Done));
    assert!(c.muted(&id, None).await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kick_and_add_with_per_member_results() {
    let env = empty().await;
    let c = &env.client;
    let members = ids("k", 250);
    let id = group(c, GroupType::Public, "kick1", "owner", &members).await;
    let mut list: Vec<String> = members[..150].to_vec();
    list.push("owner".into());
    list.push("nobody".into());
    let report = c.kick_members(&id, &list, &Control::default()).await;
    assert_eq!(report.count("done"), 150);
    assert_eq!(report.count("skipped"), 2);
    let roles = c.roles(&id, &members[..150]).await.unwrap();
    assert!(roles.iter().all(|r| r.role == Some(Role::NotMember)));

    // Add back: 150 removed, 100 still members, one never imported.
    let mut list = members.clone();
    list.push("ghost".into());
    let report = c.add_members_bulk(&id, &list, &Control::default()).await;
    assert_eq!(report.count("done"), 150);
    assert_eq!(report.count("skipped"), 100, "already members");
    assert!(matches!(report.outcome_of("ghost"), Some(Outcome::Failed { .. })), "{:?}", report.outcome_of("ghost"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn group_types_refuse_what_they_cannot_do() {
    let env = empty().await;
    let c = &env.client;
    let work = group(c, GroupType::Private, "w1", "owner", &ids("w", 3)).await;
    let r = c.mute_members(&work, &ids("w", 3), 60, &Control::default()).await;
    assert_eq!(r.count("failed"), 3);
    assert!(r.items[0].outcome.detail(|_| "").contains("cannot mute"));
    let live = group(c, GroupType::AVChatRoom, "live1", "owner", &[]).await;
    accounts(c, &ids("v", 3)).await;
    let r = c.add_members_bulk(&live, &ids("v", 3), &Control::default()).await;
    assert_eq!(r.count("failed"), 3);
    let r = c.mute_members(&live, &ids("v", 3), 60, &Control::default()).await;
    assert_eq!(r.count("done"), 3, "any imported account may be muted in an AVChatRoom: {:?}", r.items);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_neutral_seam_runs_member_actions() {
    let env = empty().await;
    let c = &env.client;
    let id = group(c, GroupType::Community, "@TGS#_n1", "owner", &ids("n", 30)).await;
    let b = Backend::Tencent(c.clone());
    let r = b.run_members(&id, &MemberAction::Mute(MuteDuration::Permanent), &ids("n", 10), &Control::default()).await;
    assert!(r.all_done());
    let d = b.open_group(&id).await.unwrap();
    assert!(d.caps.mute.unwrap().permanent);
    let rows = b.members(&d).await.unwrap();
    assert_eq!(rows.len(), 31);
    assert_eq!(rows.iter().filter(|m| m.muted_until.as_deref() == Some("permanent")).count(), 10);
    b.set_admins(&id, &["n20".into()], true).await.unwrap();
    b.set_mute_all(&id, true).await.unwrap();
    assert!(b.mute_all(&id).await.unwrap());
    let joined = b.user_groups("n20").await.unwrap();
    assert_eq!((joined[0].group_id.as_str(), joined[0].role), (id.as_str(), groupdesk::model::Role::Admin));
    b.transfer_owner(&id, "n21", true).await.unwrap();
    let roles = c.roles(&id, &["owner".into(), "n21".into()]).await.unwrap();
    assert_eq!(roles.iter().find(|r| r.account == "n21").unwrap().role, Some(Role::Owner));
    assert_eq!(roles.iter().find(|r| r.account == "owner").unwrap().role, Some(Role::NotMember), "the old owner left");
    let r = b.run_members(&id, &MemberAction::AllowlistAdd, &["n1".into()], &Control::default()).await;
    assert_eq!(r.count("failed"), 1, "Tencent has no allowlist");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn under_faults_no_outcome_is_false() {
    let env = start(Opts { fault_rate: 0.3, ..Default::default() }).await;
    let c = &env.client;
    let members = ids("f", 600);
    // Setup through a fault-free path is not available: the fault rate applies to every call,
    // so setup uses the same retrying client.
    let id = group(c, GroupType::Public, "faulty1", "owner", &members).await;
    let target = &members[..400];
    let report = c.mute_members(&id, target, 3600, &Control::default()).await;
    let muted = muted_set(c.muted(&id, None).await.unwrap());
    for item in &report.items {
        match &item.outcome {
            Outcome::Done => assert!(muted.contains(&item.user_id), "{} reported done but not muted", item.user_id),
            Outcome::Failed { .. } => assert!(!muted.contains(&item.user_id), "{} reported failed but muted", item.user_id),
            _ => {}
        }
    }
    let report = c.kick_members(&id, &members[400..], &Control::default()).await;
    let roles = c.roles_all(&id, &members[400..]).await.unwrap();
    for item in &report.items {
        let still = roles.iter().any(|r| r.account == item.user_id && r.role != Some(Role::NotMember));
        match &item.outcome {
            Outcome::Done => assert!(!still, "{} reported kicked but still a member", item.user_id),
            Outcome::Failed { .. } => assert!(still, "{} reported failed but gone", item.user_id),
            _ => {}
        }
    }
}
