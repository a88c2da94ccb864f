//! A Community's topics, permission groups and topic permissions on the demo data
//! (`@TGS#_community`): every command, per-item outcomes, the member cursor's last page, the
//! client's checks (naming field and limit, nothing sent) and the server's refusals.

use groupdesk::backend::tencent::types::*;
use groupdesk::model::ErrorKind;
use groupdesk::protocol::tencent::wire::Edition;

use super::common::*;

const C: &str = "@TGS#_community";

fn topic(part: &str) -> String {
    format!("{C}@TOPIC#_{part}")
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| (*x).to_owned()).collect()
}

/// `(id, code)` of each outcome.
fn codes(o: &[Outcome]) -> Vec<(&str, u32)> {
    o.iter().map(|o| (o.id.as_str(), o.code())).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topics_listed_created_and_destroyed_with_per_topic_results() {
    let env = demo().await;
    let c = &env.client;
    let all = c.topics(C, &[]).await.unwrap();
    let listed: Vec<(&str, &str)> = all.iter().map(|t| (t.topic_id.as_str(), t.topic_name.as_str())).collect();
    assert_eq!(listed, [(topic("announce").as_str(), "公告板"), (topic("rust").as_str(), "技术讨论"), (topic("chat").as_str(), "闲聊灌水")]);
    assert_eq!(all[1].introduction, "Rust 与云开发技术问答");
    assert_eq!(all[1].face_url, "https://cdn.example.com/t/rust.png");
    assert!(all[1].create_time > 0);
    let one = c.topics(C, &[topic("chat")]).await.unwrap();
    assert_eq!((one.len(), one[0].topic_name.as_str()), (1, "闲聊灌水"));
    let e = c.topics(C, &[topic("rust"), topic("ghost")]).await.unwrap_err();
    assert_eq!((e.kind.clone(), e.code), (ErrorKind::Server, Some(10010)));
    assert!(e.message.contains(&topic("ghost")), "{}", e.message);

    let news = c.create_topic(C, &NewTopic { topic_id: Some("news".into()), introduction: Some("简介".into()), ..NewTopic::new("新闻") }).await.unwrap();
    assert_eq!(news, topic("news"), "the custom part gets the GroupId@TOPIC#_ prefix");
    let full = c.create_topic(C, &NewTopic { topic_id: Some(topic("full")), ..NewTopic::new("全称") }).await.unwrap();
    assert_eq!(full, topic("full"));
    let generated = c.create_topic(C, &NewTopic::new("自动")).await.unwrap();
    assert!(generated.starts_with(&topic("@TOPIC#")) && generated.len() == topic("@TOPIC#").len() + 12, "{generated}");
    let e = c.create_topic(C, &NewTopic { topic_id: Some("news".into()), ..NewTopic::new("again") }).await.unwrap_err();
    assert_eq!(e.code, Some(10021), "{e:?}");
    let got = c.topics(C, std::slice::from_ref(&news)).await.unwrap();
    assert_eq!((got[0].topic_name.as_str(), got[0].introduction.as_str()), ("新闻", "简介"));
    // The longest custom part that fits 96 bytes with the prefix is accepted by both sides.
    let longest = "a".repeat(96 - topic("").len());
    c.create_topic(C, &NewTopic { topic_id: Some(longest), ..NewTopic::new("长") }).await.unwrap();

    let out = c.destroy_topics(C, &[news.clone(), topic("ghost"), full.clone()]).await.unwrap();
    assert_eq!(codes(&out), [(news.as_str(), 0), (topic("ghost").as_str(), 10010), (full.as_str(), 0)]);
    let ghost = out[1].error.as_ref().unwrap();
    assert_eq!(ghost.kind, ErrorKind::Server);
    assert!(ghost.message.contains(&topic("ghost")), "{}", ghost.message);
    let left: Vec<String> = c.topics(C, &[]).await.unwrap().into_iter().map(|t| t.topic_id).collect();
    assert!(!left.contains(&news) && !left.contains(&full) && left.contains(&generated), "{left:?}");
    assert_eq!(left.len(), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topic_checks_name_field_and_limit_and_the_server_refuses_other_groups() {
    let env = demo().await;
    let c = &env.client;
    let e = c.create_topic(C, &NewTopic::new("话".repeat(51))).await.unwrap_err();
    assert_eq!((e.kind.clone(), e.message.as_str()), (ErrorKind::Invalid, "TopicName: 153 bytes, at most 150 bytes (UTF-8; a Chinese character is 3 bytes)"));
    c.create_topic(C, &NewTopic::new("话".repeat(50))).await.unwrap();
    let part = "b".repeat(96 - topic("").len() + 1);
    let e = c.create_topic(C, &NewTopic { topic_id: Some(part), ..NewTopic::new("t") }).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert!(e.message.starts_with("TopicId: 97 bytes, at most 96 bytes") && e.message.contains("prefix"), "{}", e.message);
    let e = c.create_topic(C, &NewTopic { introduction: Some("x".repeat(241)), ..NewTopic::new("t") }).await.unwrap_err();
    assert!(e.message.starts_with("Introduction: 241 bytes, at most 240"), "{}", e.message);
    let e = c.destroy_topics(C, &ids("t", 101)).await.unwrap_err();
    assert_eq!(e.message, "TopicIdList: at most 100 per call (got 101)");
    let e = c.destroy_topics(C, &[]).await.unwrap_err();
    assert_eq!(e.message, "TopicIdList: at least one id is required");
    let e = c.topics(C, &ids("t", 101)).await.unwrap_err();
    assert_eq!(e.message, "TopicIdList: at most 100 per call (got 101)");
    // Refusals of the server: topics only in a Community with SupportTopic.
    let e = c.topics("@TGS#public", &[]).await.unwrap_err();
    assert_eq!((e.kind.clone(), e.code), (ErrorKind::Server, Some(10007)));
    let e = c.create_topic("@TGS#_nowhere", &NewTopic::new("t")).await.unwrap_err();
    assert_eq!(e.code, Some(10015));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn permission_groups_created_read_modified_and_destroyed() {
    let env = demo().await;
    let c = &env.client;
    let all = c.permission_groups(C, &[]).await.unwrap();
    let seen: Vec<(&str, &str, u64, u64, &str)> =
        all.iter().map(|p| (p.permission_group_id.as_str(), p.permission_group_name.as_str(), p.permission, p.member_num, p.custom_string.as_str())).collect();
    assert_eq!(seen, [
        ("@PMG#_admins", "管理组", 2043, 10, "社区管理员"),
        ("@PMG#_speakers", "发言组", 320, 100, "可以发言的成员"),
        ("@PMG#_readonly", "只读组", 256, 50, "只能浏览历史消息"),
    ]);
    let e = c.permission_groups(C, &s(&["@PMG#_speakers", "@PMG#_ghost"])).await.unwrap_err();
    assert_eq!(e.code, Some(10010));
    assert!(e.message.contains("@PMG#_ghost"), "{}", e.message);

    let mods = PermissionGroup { permission_group_id: "@PMG#_mods".into(), permission_group_name: "版主".into(), permission: 0b11, custom_string: "c".repeat(3000), ..Default::default() };
    assert_eq!(c.create_permission_group(C, &mods).await.unwrap(), "@PMG#_mods");
    let generated = c.create_permission_group(C, &PermissionGroup { permission_group_name: "临时".into(), permission: 1, ..Default::default() }).await.unwrap();
    assert!(generated.starts_with("@PMG#_@PMG#") && generated.len() == 23, "{generated}");
    assert_eq!(c.create_permission_group(C, &mods).await.unwrap_err().code, Some(10021));
    c.modify_permission_group(C, "@PMG#_mods", Some("版主组"), Some(1 << 10), None).await.unwrap();
    let got = c.permission_groups(C, &s(&["@PMG#_mods"])).await.unwrap();
    assert_eq!((got[0].permission_group_name.as_str(), got[0].permission, got[0].custom_string.len()), ("版主组", 1 << 10, 3000));

    let out = c.destroy_permission_groups(C, &s(&["@PMG#_mods", "@PMG#_ghost", generated.as_str()])).await.unwrap();
    assert_eq!(codes(&out), [("@PMG#_mods", 0), ("@PMG#_ghost", 10010), (generated.as_str(), 0)]);
    assert!(out[0].ok() && !out[1].ok());
    assert!(out[1].error.as_ref().unwrap().message.contains("@PMG#_ghost"));
    assert_eq!(c.permission_groups(C, &[]).await.unwrap().len(), 3);
    let e = c.modify_permission_group(C, "@PMG#_mods", Some("x"), None, None).await.unwrap_err();
    assert_eq!(e.code, Some(10010), "destroyed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn permission_group_checks_name_field_and_limit() {
    let env = demo().await;
    let c = &env.client;
    let pg = |name: &str, permission: u64, custom: &str| PermissionGroup { permission_group_name: name.into(), permission, custom_string: custom.into(), ..Default::default() };
    let e = c.create_permission_group(C, &pg(&"组".repeat(51), 1, "")).await.unwrap_err();
    assert_eq!((e.kind.clone(), e.message.as_str()), (ErrorKind::Invalid, "PermissionGroupName: 153 bytes, at most 150 bytes (UTF-8; a Chinese character is 3 bytes)"));
    let e = c.create_permission_group(C, &pg("n", 1, &"x".repeat(3001))).await.unwrap_err();
    assert!(e.message.starts_with("CustomString: 3001 bytes, at most 3000 bytes"), "{}", e.message);
    let e = c.create_permission_group(C, &pg("n", 1 << 11, "")).await.unwrap_err();
    assert!(e.message.starts_with("Permission: bit 1<<11 (2048) is not a group permission bit"), "{}", e.message);
    let e = c.create_permission_group(C, &pg(" ", 1, "")).await.unwrap_err();
    assert_eq!(e.message, "PermissionGroupName: is required");
    let e = c.create_permission_group(C, &PermissionGroup { permission_group_id: "mods".into(), ..pg("n", 1, "") }).await.unwrap_err();
    assert!(e.message.starts_with("PermissionGroupId: \"mods\" must start with @PMG#_"), "{}", e.message);
    let e = c.modify_permission_group(C, "@PMG#_admins", None, Some(1 << 40), None).await.unwrap_err();
    assert!(e.message.contains("1<<40"), "{}", e.message);
    let e = c.destroy_permission_groups(C, &ids("@PMG#_g", 21)).await.unwrap_err();
    assert_eq!(e.message, "PermissionGroupIdList: at most 20 per call (got 21)");
    let e = c.permission_groups(C, &ids("@PMG#_g", 21)).await.unwrap_err();
    assert_eq!(e.message, "PermissionGroupIdList: at most 20 per call (got 21)");
    let e = c.add_permission_group_members(C, "@PMG#_readonly", &ids("user1", 101)).await.unwrap_err();
    assert_eq!(e.message, "Member_Account: at most 100 per call (got 101)");
    let e = c.permission_group_member_page(C, "@PMG#_readonly", "", 51).await.unwrap_err();
    assert_eq!(e.message, "Limit: must be 1 to 50 (got 51)");
    // Nothing above reached the server.
    assert_eq!(c.permission_groups(C, &[]).await.unwrap().len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn permission_group_members_per_account_results_and_the_cursor_end() {
    let env = demo().await;
    let c = &env.client;
    let pg = "@PMG#_readonly";
    // user00500: a Community member; user00112: already in it; banned01: imported, not a member;
    // user99999: never imported.
    let r = c.add_permission_group_members(C, pg, &s(&["user00500", "user00112", "banned01", "user99999"])).await.unwrap();
    let results: Vec<(&str, u8)> = r.iter().map(|m| (m.account.as_str(), m.result)).collect();
    assert_eq!(results, [("user00500", 1), ("user00112", 2), ("banned01", 0), ("user99999", 0)]);

    // 51 members: a full page of 50 with a cursor, then one with "" (the end).
    let first = c.permission_group_member_page(C, pg, "", 50).await.unwrap();
    assert_eq!((first.members.len(), first.members[0].account.as_str()), (50, "user00112"));
    assert!(!first.next.is_empty());
    let last = c.permission_group_member_page(C, pg, &first.next, 50).await.unwrap();
    assert_eq!(last.members.iter().map(|m| m.account.as_str()).collect::<Vec<_>>(), ["user00500"]);
    assert_eq!(last.next, "");
    let mut expected: Vec<String> = (112..=161).map(|n| format!("user{n:05}")).collect();
    expected.push("user00500".into());
    assert_eq!(c.permission_group_members(C, pg).await.unwrap(), expected);
    // 100 members in pages of 50: the second page is the last and says so.
    let speakers = c.permission_group_members(C, "@PMG#_speakers").await.unwrap();
    assert_eq!(speakers, (12..=111).map(|n| format!("user{n:05}")).collect::<Vec<_>>());
    let p1 = c.permission_group_member_page(C, "@PMG#_speakers", "", 50).await.unwrap();
    let p2 = c.permission_group_member_page(C, "@PMG#_speakers", &p1.next, 50).await.unwrap();
    assert_eq!((p2.members.len(), p2.next.as_str()), (50, ""));

    let r = c.delete_permission_group_members(C, pg, &s(&["user00500", "user00600"])).await.unwrap();
    let results: Vec<(&str, u8)> = r.iter().map(|m| (m.account.as_str(), m.result)).collect();
    assert_eq!(results, [("user00500", 1), ("user00600", 0)]);
    assert_eq!(c.permission_group_members(C, pg).await.unwrap().len(), 50);
    assert_eq!(c.permission_groups(C, &s(&[pg])).await.unwrap()[0].member_num, 50);
    // Refusals: no such permission group; none of the accounts exists.
    let e = c.add_permission_group_members(C, "@PMG#_ghost", &s(&["user00500"])).await.unwrap_err();
    assert_eq!(e.code, Some(10010));
    let e = c.add_permission_group_members(C, pg, &s(&["nobody1", "nobody2"])).await.unwrap_err();
    assert_eq!(e.code, Some(10019));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topic_permissions_per_topic_results() {
    let env = demo().await;
    let c = &env.client;
    let bits = |v: &[TopicPermissionEntry]| v.iter().map(|t| (t.topic_id.clone(), t.error_code, t.permission)).collect::<Vec<_>>();
    let got = c.topic_permission_group(C, "@PMG#_speakers", &[]).await.unwrap();
    assert_eq!(bits(&got), [(topic("announce"), 0, Some(16)), (topic("rust"), 0, Some(24)), (topic("chat"), 0, Some(24))]);
    let got = c.topic_permission_group(C, "@PMG#_speakers", &[topic("rust"), topic("ghost")]).await.unwrap();
    assert_eq!(bits(&got), [(topic("rust"), 0, Some(24)), (topic("ghost"), 10010, None)]);

    let mods = c.create_permission_group(C, &PermissionGroup { permission_group_id: "@PMG#_mods".into(), permission_group_name: "版主".into(), permission: 1, ..Default::default() }).await.unwrap();
    let (a, r, ch, g) = (topic("announce"), topic("rust"), topic("chat"), topic("ghost"));
    let out = c.add_topic_permission_group(C, &mods, &[TopicPermission::new(&a, 1), TopicPermission::new(&g, 1)]).await.unwrap();
    assert_eq!(codes(&out), [(a.as_str(), 0), (g.as_str(), 10010)]);
    let out = c.add_topic_permission_group(C, &mods, &[TopicPermission::new(&a, 2), TopicPermission::new(&r, 4)]).await.unwrap();
    assert_eq!(codes(&out), [(a.as_str(), 10021), (r.as_str(), 0)], "add on a topic that has one");
    let out = c.set_topic_permission_group(C, &mods, &[TopicPermission::new(&a, 127), TopicPermission::new(&ch, 1)]).await.unwrap();
    assert_eq!(codes(&out), [(a.as_str(), 0), (ch.as_str(), 10010)], "set on a topic without one");
    let got = c.topic_permission_group(C, &mods, &[]).await.unwrap();
    assert_eq!(bits(&got), [(a.clone(), 0, Some(127)), (r.clone(), 0, Some(4))]);
    let out = c.delete_topic_permission_group(C, &mods, &[a.clone(), ch.clone(), g.clone()]).await.unwrap();
    assert_eq!(codes(&out), [(a.as_str(), 0), (ch.as_str(), 0), (g.as_str(), 10010)]);
    assert_eq!(bits(&c.topic_permission_group(C, &mods, &[]).await.unwrap()), [(r.clone(), 0, Some(4))]);

    // Checks (nothing sent) and refusals.
    let e = c.add_topic_permission_group(C, &mods, &[TopicPermission::new(&a, 1 << 7)]).await.unwrap_err();
    assert!(e.message.starts_with("TopicPermissionList.Permission: bit 1<<7 (128) is not a topic permission bit"), "{}", e.message);
    let many: Vec<TopicPermission> = ids("t", 51).into_iter().map(|t| TopicPermission::new(t, 1)).collect();
    let e = c.set_topic_permission_group(C, &mods, &many).await.unwrap_err();
    assert_eq!(e.message, "TopicPermissionList: at most 50 per call (got 51)");
    let e = c.add_topic_permission_group(C, &mods, &[TopicPermission::new(&a, 1), TopicPermission::new(&a, 2)]).await.unwrap_err();
    assert!(e.message.contains("listed twice"), "{}", e.message);
    let e = c.delete_topic_permission_group(C, &mods, &[]).await.unwrap_err();
    assert_eq!(e.message, "TopicIdList: at least one id is required");
    let e = c.add_topic_permission_group(C, "@PMG#_ghost", &[TopicPermission::new(&a, 1)]).await.unwrap_err();
    assert_eq!((e.kind.clone(), e.code), (ErrorKind::Server, Some(10010)));
    // Destroying a topic drops its permissions.
    c.destroy_topics(C, std::slice::from_ref(&r)).await.unwrap();
    assert!(c.topic_permission_group(C, &mods, &[]).await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn permission_groups_need_the_premium_edition() {
    let env = start(Opts { edition: Some(Edition::Standard), ..Default::default() }).await;
    let e = env.client.permission_groups(C, &[]).await.unwrap_err();
    assert_eq!((e.kind.clone(), e.code), (ErrorKind::Server, Some(10059)));
}
