//! Every typed method against the sandbox, with state read back.

use groupdesk::backend::rongcloud::ErrorKind;
use groupdesk::backend::rongcloud::types::*;

use crate::common::{Opts, empty, ids, start};

#[tokio::test]
async fn legacy_membership_methods() {
    let env = empty().await;
    let c = &env.client;
    c.group_create("g1", "Group One", &["u1", "u2"]).await.unwrap();
    c.group_join("g1", &["u3"], Some("Renamed")).await.unwrap();
    assert_eq!(c.group_members("g1").await.unwrap(), ["u1", "u2", "u3"]);
    c.group_quit("g1", &["u2"]).await.unwrap();
    assert_eq!(c.group_members("g1").await.unwrap(), ["u1", "u3"]);
    c.group_refresh("g1", "Fresh").await.unwrap();
    assert_eq!(c.user_groups("u1", None).await.unwrap(), [LegacyGroup { id: "g1".into(), name: "Fresh".into() }]);
    assert_eq!(c.user_groups("u1", Some((1, 10))).await.unwrap().len(), 1);
    c.group_sync("u9", &[("s1".into(), "S 1".into()), ("s2".into(), "S2".into())]).await.unwrap();
    let names: Vec<String> = c.user_groups("u9", None).await.unwrap().into_iter().map(|g| g.name).collect();
    assert_eq!(names, ["S 1", "S2"]);
    c.group_dismiss("anyone", "g1").await.unwrap();
    assert!(c.group_members("g1").await.unwrap().is_empty());
}

#[tokio::test]
async fn legacy_mute_ban_allowlist_and_remarks() {
    let env = empty().await;
    let c = &env.client;
    c.group_create("g1", "G", &["u1", "u2"]).await.unwrap();
    c.mute(Some("g1"), &["u1"], 30).await.unwrap();
    c.mute(None, &["u7"], 0).await.unwrap();
    assert_eq!(c.muted(Some("g1")).await.unwrap()[0].user_id, "u1");
    assert_eq!(c.muted(None).await.unwrap()[0].time, "9999-12-31 23:59:59");
    c.unmute(Some("g1"), &["u1"]).await.unwrap();
    c.unmute(None, &["u7"]).await.unwrap();
    assert!(c.muted(Some("g1")).await.unwrap().is_empty());
    c.mute_all_on(&["g1"]).await.unwrap();
    assert_eq!(c.mute_all_status(&["g1", "g2"]).await.unwrap(), [("g1".to_owned(), true), ("g2".to_owned(), false)]);
    assert_eq!(c.muted_all_groups(1, 50).await.unwrap(), ["g1"]);
    c.mute_all_off(&["g1"]).await.unwrap();
    assert!(c.muted_all_groups(1, 50).await.unwrap().is_empty());
    c.allowlist_add("g1", &["u2"]).await.unwrap();
    assert_eq!(c.allowlist("g1").await.unwrap(), ["u2"]);
    c.allowlist_remove("g1", &["u2"]).await.unwrap();
    assert!(c.allowlist("g1").await.unwrap().is_empty());
    c.push_remark_set("g1", "u1", "Mum").await.unwrap();
    assert_eq!(c.push_remark("g1", "u1").await.unwrap(), "Mum");
    c.push_remark_delete("g1", "u1").await.unwrap();
    assert_eq!(c.push_remark("g1", "u1").await.unwrap(), "");
}

#[tokio::test]
async fn hosted_group_lifecycle() {
    let env = start(Opts { ext_keys: vec!["ext_tier".into()], ..Default::default() }).await;
    let c = &env.client;
    let g = NewGroup {
        group_id: "h1".into(),
        name: "Hosted".into(),
        owner: "o".into(),
        members: vec!["a".into(), "b".into(), "o".into()],
        profile: GroupProfile { introduction: Some("hello".into()), ..Default::default() },
        permissions: Permissions { join: Some(JoinPermission::Free), ..Default::default() },
        ext: [("ext_tier".to_owned(), "gold".to_owned())].into(),
    };
    c.create_group(&g).await.unwrap();
    let info = c.group_info("h1").await.unwrap().unwrap();
    assert_eq!((info.name.as_str(), info.owner.as_str(), info.member_count), ("Hosted", "o", 3));
    assert_eq!(info.profile.introduction.as_deref(), Some("hello"));
    assert_eq!(info.permissions.join, Some(JoinPermission::Free));
    assert_eq!(info.permissions.remove, Some(RemovePermission::Owner));
    assert_eq!(info.ext.get("ext_tier").map(String::as_str), Some("gold"));
    let err = c.create_group(&g).await.unwrap_err();
    assert_eq!((err.kind.clone(), err.code), (ErrorKind::Server, Some(25409)));
    assert!(err.request_id.as_ref().is_some_and(|r| r.len() == 32));

    let update = ProfileUpdate {
        name: Some("Renamed".into()),
        profile: GroupProfile { announcement: Some("news".into()), ..Default::default() },
        permissions: Permissions { member_edit: Some(MemberEditPermission::SelfOnly), ..Default::default() },
        ext: [("ext_tier".to_owned(), String::new())].into(),
    };
    c.update_profile("h1", &update).await.unwrap();
    let info = c.group_info("h1").await.unwrap().unwrap();
    assert_eq!(info.name, "Renamed");
    assert_eq!(info.profile, GroupProfile { introduction: Some("hello".into()), announcement: Some("news".into()), portrait_url: None });
    assert_eq!(info.permissions.member_edit, Some(MemberEditPermission::SelfOnly));
    assert!(info.ext.is_empty());

    let joined = c.join_group("h1", &["d", "e"]).await.unwrap();
    assert_eq!(joined.member_count, 5);
    c.quit_group("h1", &["e"], LeaveOptions::default()).await.unwrap();
    c.kick("h1", &["d"], LeaveOptions { remove_mute: false, ..Default::default() }).await.unwrap();
    assert_eq!(c.group_info("h1").await.unwrap().unwrap().member_count, 3);

    assert!(c.add_admins("h1", &["a", "ghost"]).await.unwrap() == ["ghost"]);
    let admins = c.member_page("h1", RoleFilter::Admin, "", 10, Order::Ascending).await.unwrap();
    assert_eq!(admins.members[0].user_id, "a");
    assert_eq!(admins.members[0].role, MemberRole::Admin);
    c.remove_admins("h1", &["a"]).await.unwrap();
    assert_eq!(c.remove_admins("h1", &["a"]).await.unwrap_err().code, Some(25420));

    c.set_member("h1", "a", "Alice", Some("vip")).await.unwrap();
    let m = c.members_by_id("h1", &["a", "ghost"]).await.unwrap();
    assert_eq!((m.len(), m[0].nickname.as_str(), m[0].extra.as_str()), (1, "Alice", "vip"));

    c.set_remark_name("h1", "a", "My group").await.unwrap();
    assert_eq!(c.remark_name("h1", "a").await.unwrap(), "My group");
    c.delete_remark_name("h1", "a").await.unwrap();
    assert_eq!(c.remark_name("h1", "a").await.unwrap(), "");

    c.follow("h1", "a", &["b"]).await.unwrap();
    assert_eq!(c.followed("h1", "a").await.unwrap()[0].user_id, "b");
    c.unfollow("h1", "a", &["b"]).await.unwrap();
    assert!(c.followed("h1", "a").await.unwrap().is_empty());

    c.transfer_owner("h1", "a", None).await.unwrap();
    assert_eq!(c.group_info("h1").await.unwrap().unwrap().owner, "a");
    c.transfer_owner("h1", "b", Some(LeaveOptions::default())).await.unwrap();
    let info = c.group_info("h1").await.unwrap().unwrap();
    assert_eq!((info.owner.as_str(), info.member_count), ("b", 2));

    let page = c.group_page("", 10, Order::Descending).await.unwrap();
    assert_eq!(page.groups[0].group_id, "h1");
    let joined = c.joined_page("b", RoleFilter::Owner, "", 10, Order::Descending).await.unwrap();
    assert_eq!((joined.total_count, joined.groups[0].role), (1, MemberRole::Owner));

    c.kick_everywhere("o").await.unwrap();
    c.dismiss_group("h1").await.unwrap();
    assert!(c.group_info("h1").await.unwrap().is_none());
    assert_eq!(c.dismiss_group("h1").await.unwrap_err().code, Some(25410));
}

#[tokio::test]
async fn import_a_legacy_group() {
    let env = empty().await;
    let c = &env.client;
    c.group_create("old", "Old", &["u1", "u2"]).await.unwrap();
    let e = c.member_page("old", RoleFilter::All, "", 10, Order::Ascending).await.unwrap_err();
    assert_eq!(e.code, Some(25429));
    assert!(e.explanation().contains("import"));
    c.import_group(&NewGroup { group_id: "old".into(), name: "Imported".into(), owner: "u1".into(), ..Default::default() }).await.unwrap();
    assert_eq!(c.group_info("old").await.unwrap().unwrap().member_count, 2);
}

#[tokio::test]
async fn sandbox_ext_key_registry() {
    let env = empty().await;
    let c = &env.client;
    c.sandbox_add_ext_keys(&["ext_a", "ext_b"]).await.unwrap();
    c.sandbox_remove_ext_keys(&["ext_a"]).await.unwrap();
    assert_eq!(c.sandbox_ext_keys().await.unwrap(), ["ext_b"]);
}

#[tokio::test]
async fn paging_helpers_collect_everything() {
    let env = start(Opts { seed: groupdesk::sandbox::Seed::Demo, ..Default::default() }).await;
    let c = &env.client;
    let members = c.all_members("community", None).await.unwrap();
    assert_eq!(members.len(), 3000);
    let unique: std::collections::HashSet<&str> = members.iter().map(|m| m.user_id.as_str()).collect();
    assert_eq!(unique.len(), 3000);
    assert!(members.windows(2).all(|w| w[0].time <= w[1].time), "sorted by join time");
    assert_eq!(members.iter().filter(|m| m.role == MemberRole::Owner).count(), 1);
    use futures::TryStreamExt;
    let pages: Vec<MemberPage> = c.member_pages("announcements", RoleFilter::All, Order::Ascending, 100).try_collect().await.unwrap();
    assert_eq!(pages.iter().map(|p| p.members.len()).sum::<usize>(), 400);
    assert!(c.all_groups().await.unwrap().len() >= 32);
    assert!(!c.all_joined("u10000").await.unwrap().is_empty());
    let many: Vec<String> = c.all_groups().await.unwrap().into_iter().map(|g| g.group_id).collect();
    assert_eq!(c.group_profiles_all(&many).await.unwrap().len(), many.len());
    let _ = ids("x", 1);
}

#[tokio::test]
async fn limits_are_checked_before_sending() {
    let env = empty().await;
    let c = &env.client;
    let cases = [
        c.group_create("bad-id", "N", &["u"]).await.unwrap_err(),
        c.group_create("g", "N", &ids("u", 1001)).await.unwrap_err(),
        c.mute(Some("g"), &ids("u", 21), 5).await.unwrap_err(),
        c.mute(Some("g"), &["u"], 43_201).await.unwrap_err(),
        c.kick("g", &ids("u", 101), LeaveOptions::default()).await.unwrap_err(),
        c.set_member("g", "u", &"n".repeat(65), None).await.unwrap_err(),
        c.update_profile("g", &ProfileUpdate { profile: GroupProfile { introduction: Some("i".repeat(513)), ..Default::default() }, ..Default::default() }).await.unwrap_err(),
        c.update_profile("g", &ProfileUpdate { ext: [("tier".to_owned(), "x".to_owned())].into(), ..Default::default() }).await.unwrap_err(),
        c.group_profiles(&ids("g", 51)).await.unwrap_err(),
        c.member_page("g", RoleFilter::All, "", 101, Order::Ascending).await.unwrap_err(),
        c.group_join("g", &["a".repeat(65)], None).await.unwrap_err(),
        c.add_admins("g", &ids("u", 11)).await.unwrap_err(),
    ];
    let expected = [
        "groupId: only letters A-Z, a-z and digits 0-9 are allowed (found '-')",
        "userId: at most 1000 per request (got 1001)",
        "userId: at most 20 per request (got 21)",
        "minute: at most 43200 (30 days; 0 = permanent), got 43201",
        "userIds: at most 100 per request (got 101)",
        "nickname: at most 64 characters (got 65)",
        "introduction: at most 512 characters (got 513)",
        "extProfile key: \"tier\" must start with \"ext_\"",
        "groupIds: 1 to 50 groups per request (got 51)",
        "size: must be 1 to 100 (got 101)",
        "userId: at most 64 characters (got 65)",
        "userIds: at most 10 per request (got 11)",
    ];
    for (e, want) in cases.iter().zip(expected) {
        assert_eq!(e.kind, ErrorKind::Invalid, "{e}");
        assert_eq!(e.message, want);
        assert!(e.request_id.is_none(), "nothing was sent");
    }
    // And indeed nothing reached the server.
    assert!(c.group_members("g").await.unwrap().is_empty());
}

#[tokio::test]
async fn server_errors_carry_code_message_request_id_and_explanation() {
    let env = empty().await;
    let e = env.client.join_group("nothing", &["u"]).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Server);
    assert_eq!((e.http_status, e.code), (Some(400), Some(25410)));
    assert_eq!(e.message, "group nothing does not exist");
    assert_eq!(e.explanation(), "The group does not exist.");
    let shown = e.to_string();
    assert!(shown.contains("code 25410") && shown.contains("HTTP 400") && shown.contains(e.request_id.as_deref().unwrap()), "{shown}");
    for code in [1002, 1004, 1008, 25415, 25417, 25429] {
        assert!(!groupdesk::backend::rongcloud::codes::explain(code).contains("undocumented"), "{code}");
    }
}

/// Existing group ids are checked for length only (the server judges the characters); the
/// letters-and-digits rule applies to creation, where the documentation asks for it.
#[tokio::test]
async fn existing_group_ids_are_left_to_the_server_and_new_ones_follow_the_documented_rule() {
    let env = empty().await;
    let c = &env.client;
    let e = c.group_info("team-a_1").await.unwrap_err();
    assert_eq!(e.kind, groupdesk::model::ErrorKind::Server, "the request was sent: {e}");
    assert!(e.request_id.is_some());
    let g = groupdesk::backend::rongcloud::types::NewGroup { group_id: "team-a".into(), name: "A".into(), owner: "u1".into(), ..Default::default() };
    let e = c.create_group(&g).await.unwrap_err();
    assert_eq!(e.kind, groupdesk::model::ErrorKind::Invalid, "creation keeps the documented rule: {e}");
    assert!(e.message.contains("only letters"), "{e}");
    let e = c.group_info(&"g".repeat(65)).await.unwrap_err();
    assert_eq!(e.kind, groupdesk::model::ErrorKind::Invalid, "length is still checked: {e}");
}
