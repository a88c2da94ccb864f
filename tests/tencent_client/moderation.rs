//! Bans, the app-wide mute and `get_specified_group_member_info` on the demo data: every
//! command, `NextOffset` 0 on the last page, remaining seconds, the client's checks (naming
//! field and limit) and the server's refusals.

use groupdesk::backend::tencent::types::*;
use groupdesk::model::ErrorKind;
use groupdesk::protocol::tencent::limits::MUTE_PERMANENT;

use super::common::*;

const C: &str = "@TGS#_community";

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

fn users(range: std::ops::RangeInclusive<u32>) -> Vec<String> {
    range.map(|n| format!("user{n:05}")).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bans_page_to_next_offset_zero() {
    let env = demo().await;
    let c = &env.client;
    let all = c.all_banned(C).await.unwrap();
    assert_eq!(all.iter().map(|b| b.account.as_str()).collect::<Vec<_>>(), ["banned01", "banned02"]);
    let week = now() + 7 * 86_400;
    assert!(all[0].banned_until.abs_diff(week) < 120, "banned01 for 7 days: {}", all[0].banned_until);
    assert_eq!(all[1].banned_until, MUTE_PERMANENT, "banned02 permanently");
    let p = c.banned_page(C, 1, 0).await.unwrap();
    assert_eq!((p.banned[0].account.as_str(), p.next_offset), ("banned01", 1));
    let p = c.banned_page(C, 1, 1).await.unwrap();
    assert_eq!((p.banned[0].account.as_str(), p.next_offset), ("banned02", 0), "NextOffset 0 on the last page");

    // 20 members more (the most per call): they leave the Community and cannot be added back.
    let more = users(300..=319);
    c.ban(C, &more, 3600, "刷屏").await.unwrap();
    assert!(c.specified_members(C, &more, None, &[]).await.unwrap().is_empty(), "banned members are removed");
    let back = c.add_members(C, &more[..1], true).await.unwrap();
    assert_eq!((back[0].account.as_str(), back[0].result), ("user00300", 0));
    let mut offsets = vec![];
    let mut offset = 0;
    loop {
        let p = c.banned_page(C, 10, offset).await.unwrap();
        offsets.push((offset, p.banned.len(), p.next_offset));
        if p.next_offset == 0 {
            break;
        }
        offset = p.next_offset;
    }
    assert_eq!(offsets, [(0, 10, 10), (10, 10, 20), (20, 2, 0)]);
    let all = c.all_banned(C).await.unwrap();
    assert_eq!(all.len(), 22);
    assert!(all[2].banned_until.abs_diff(now() + 3600) < 120);

    c.unban(C, &["user00300".to_owned(), "never-banned".to_owned()]).await.unwrap();
    let left: Vec<String> = c.all_banned(C).await.unwrap().into_iter().map(|b| b.account).collect();
    assert_eq!(left.len(), 21);
    assert!(!left.contains(&"user00300".to_owned()));
    assert_eq!(c.add_members(C, &more[..1], true).await.unwrap()[0].result, 1, "unbanned: may join again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ban_checks_and_refusals() {
    let env = demo().await;
    let c = &env.client;
    let one = vec!["user00400".to_owned()];
    let e = c.ban(C, &one, 0, "").await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert!(e.message.starts_with("Duration: must be 1 to 4294967295 seconds (got 0)"), "{}", e.message);
    let e = c.ban(C, &one, MUTE_PERMANENT + 1, "").await.unwrap_err();
    assert!(e.message.starts_with("Duration: at most 4294967295 seconds"), "{}", e.message);
    let e = c.ban(C, &one, 60, &"x".repeat(1001)).await.unwrap_err();
    assert!(e.message.starts_with("Description: 1001 bytes, at most 1000 bytes"), "{}", e.message);
    let e = c.ban(C, &users(1000..=1020), 60, "").await.unwrap_err();
    assert_eq!(e.message, "Members_Account: at most 20 per call (got 21)");
    let e = c.banned_page(C, 101, 0).await.unwrap_err();
    assert_eq!(e.message, "Limit: must be 1 to 100 (got 101)");
    assert_eq!(c.all_banned(C).await.unwrap().len(), 2, "nothing was sent");
    // The server's refusals: the owner, a Work group, an unknown account.
    let e = c.ban(C, &["user00001".to_owned()], 60, "").await.unwrap_err();
    assert_eq!((e.kind.clone(), e.code), (ErrorKind::Server, Some(10009)));
    assert_eq!(c.ban("@TGS#work", &one, 60, "").await.unwrap_err().code, Some(10007));
    assert_eq!(c.ban(C, &["ghost-account".to_owned()], 60, "").await.unwrap_err().code, Some(10019));
    c.ban(C, &one, MUTE_PERMANENT, "永久").await.unwrap();
    let banned = c.all_banned(C).await.unwrap();
    assert_eq!(banned.iter().find(|b| b.account == "user00400").map(|b| b.banned_until), Some(MUTE_PERMANENT));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn app_wide_mute_answers_remaining_seconds() {
    let env = demo().await;
    let c = &env.client;
    let n = c.nospeaking("user00666").await.unwrap();
    assert_eq!(n.group, MUTE_PERMANENT);
    assert!((86_000..=86_400).contains(&n.c2c), "one day, remaining: {}", n.c2c);
    assert_eq!(c.nospeaking("user00667").await.unwrap(), NoSpeaking { c2c: 0, group: 0 });

    c.set_group_nospeaking("user00007", 600).await.unwrap();
    let n = c.nospeaking("user00007").await.unwrap();
    assert!((590..=600).contains(&n.group) && n.c2c == 0, "{n:?}");
    c.set_nospeaking("user00007", Some(60), None).await.unwrap();
    let n = c.nospeaking("user00007").await.unwrap();
    assert!((50..=60).contains(&n.c2c) && (590..=600).contains(&n.group), "setting one leaves the other: {n:?}");
    c.set_nospeaking("user00007", None, Some(0)).await.unwrap();
    let n = c.nospeaking("user00007").await.unwrap();
    assert_eq!(n.group, 0, "0 lifts it");
    assert!(n.c2c > 0);

    let e = c.set_nospeaking("user00007", None, None).await.unwrap_err();
    assert_eq!((e.kind.clone(), e.message.as_str()), (ErrorKind::Invalid, "GroupmsgNospeakingTime: C2CmsgNospeakingTime or GroupmsgNospeakingTime is required"));
    let e = c.set_nospeaking("user00007", Some(MUTE_PERMANENT + 1), None).await.unwrap_err();
    assert!(e.message.starts_with("C2CmsgNospeakingTime: at most 4294967295 seconds"), "{}", e.message);
    assert_eq!(c.nospeaking("ghost-account").await.unwrap_err().code, Some(10019));
    assert_eq!(c.set_group_nospeaking("ghost-account", 60).await.unwrap_err().code, Some(10019));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn specified_members_in_the_order_asked() {
    let env = demo().await;
    let c = &env.client;
    let asked = ["user00010".to_owned(), "user99999".to_owned(), "user00001".to_owned()];
    let got = c.specified_members(C, &asked, Some(&["Role".to_owned()]), &[]).await.unwrap();
    assert_eq!(got.iter().map(|m| m.account.as_str()).collect::<Vec<_>>(), ["user00010", "user00001"], "non-members left out");
    assert_eq!(got[1].role, Some(Role::Owner));
    assert_eq!(got[0].join_time, 0, "only the fields asked for");
    let got = c.specified_members(C, &asked[..1], None, &["points".to_owned()]).await.unwrap();
    assert_eq!(got[0].custom, [KeyValue::new("points", "10")]);
    assert!(got[0].join_time > 0, "every field without a filter");

    let e = c.specified_members(C, &users(1..=101), None, &[]).await.unwrap_err();
    assert_eq!((e.kind.clone(), e.message.as_str()), (ErrorKind::Invalid, "Member_List_Account: at most 100 per call (got 101)"));
    let e = c.specified_members(C, &asked, None, &["bad-key".to_owned()]).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert_eq!(c.specified_members("@TGS#live", &asked, None, &[]).await.unwrap_err().code, Some(10007));
    assert_eq!(c.specified_members("@TGS#nowhere", &asked, None, &[]).await.unwrap_err().code, Some(10015));
}
