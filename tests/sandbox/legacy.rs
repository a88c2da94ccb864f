//! Reference §5: every legacy endpoint, with raw answers and state read back.

use crate::common::{Server, json};

const OK: &str = r#"{"code":200}"#;

#[test]
fn create_join_quit_dismiss_and_member_query() {
    let s = Server::empty();
    assert_eq!(s.post("/group/create.json", "userId=u1&userId=u2&groupId=g1&groupName=TestGroup"), (200, OK.into()));
    assert_eq!(s.post("/group/user/query.json", "groupId=g1").1, r#"{"code":200,"users":[{"id":"u1"},{"id":"u2"}]}"#);
    assert_eq!(s.post("/group/join.json", "userId=u3&groupId=g1").1, OK);
    // Creating an existing group adds members, like join.
    assert_eq!(s.post("/group/create.json", "userId=u4&groupId=g1&groupName=Renamed").1, OK);
    assert_eq!(
        s.post("/group/user/query.json", "groupId=g1").1,
        r#"{"code":200,"users":[{"id":"u1"},{"id":"u2"},{"id":"u3"},{"id":"u4"}]}"#
    );
    assert_eq!(s.post("/group/quit.json", "userId=u1&userId=u4&groupId=g1").1, OK);
    assert_eq!(s.post("/group/user/query.json", "groupId=g1").1, r#"{"code":200,"users":[{"id":"u2"},{"id":"u3"}]}"#);
    assert_eq!(s.post("/group/dismiss.json", "userId=u3&groupId=g1").1, OK);
    assert_eq!(s.post("/group/user/query.json", "groupId=g1").1, r#"{"code":200,"users":[]}"#);
}

#[test]
fn join_creates_a_missing_group() {
    let s = Server::empty();
    assert_eq!(s.post("/group/join.json", "userId=a&groupId=fresh&groupName=Fresh").1, OK);
    assert_eq!(s.post("/user/group/query.json", "userId=a").1, r#"{"code":200,"groups":[{"name":"Fresh","id":"fresh"}]}"#);
}

#[test]
fn refresh_changes_the_push_name() {
    let s = Server::empty();
    s.ok("/group/create.json", "userId=u1&groupId=g1&groupName=Old");
    assert_eq!(s.post("/group/refresh.json", "groupId=g1&groupName=New%20Name").1, OK);
    assert_eq!(s.post("/user/group/query.json", "userId=u1").1, r#"{"code":200,"groups":[{"name":"New Name","id":"g1"}]}"#);
}

#[test]
fn user_group_query_pages() {
    let s = Server::empty();
    for i in 0..5 {
        s.ok("/group/join.json", &format!("userId=u1&groupId=g{i}&groupName=G{i}"));
    }
    let all = json(&s.post("/user/group/query.json", "userId=u1").1);
    assert_eq!(all["groups"].as_array().unwrap().len(), 5);
    let page2 = s.post("/user/group/query.json", "userId=u1&page=2&size=2").1;
    assert_eq!(page2, r#"{"code":200,"groups":[{"name":"G2","id":"g2"},{"name":"G3","id":"g3"}]}"#);
    s.err("/user/group/query.json", "userId=u1&page=1&size=1001", 1002);
}

#[test]
fn sync_replaces_memberships_with_raw_and_encoded_keys() {
    let s = Server::empty();
    s.ok("/group/join.json", "userId=u1&groupId=old&groupName=Old");
    // Raw brackets and an unencoded space (Python SDK) plus encoded brackets (PHP SDK).
    assert_eq!(s.post("/group/sync.json", "userId=u1&group[g1]=N1&group%5Bg2%5D=N 2").1, OK);
    assert_eq!(
        s.post("/user/group/query.json", "userId=u1").1,
        r#"{"code":200,"groups":[{"name":"N1","id":"g1"},{"name":"N 2","id":"g2"}]}"#
    );
    // No groups at all removes every legacy membership.
    assert_eq!(s.post("/group/sync.json", "userId=u1").1, OK);
    assert_eq!(s.post("/user/group/query.json", "userId=u1").1, r#"{"code":200,"groups":[]}"#);
}

#[test]
fn gag_add_list_rollback_in_a_group_and_globally() {
    let s = Server::empty();
    s.ok("/group/create.json", "userId=u1&userId=u2&groupId=g1&groupName=G");
    assert_eq!(s.post("/group/user/gag/add.json", "userId=u1&userId=u2&groupId=g1&minute=30").1, OK);
    let list = json(&s.post("/group/user/gag/list.json", "groupId=g1").1);
    let users = list["users"].as_array().unwrap();
    assert_eq!(users.len(), 2);
    let re = regex_like_time;
    for u in users {
        assert!(re(u["startTime"].as_str().unwrap()), "{u}");
        assert!(re(u["time"].as_str().unwrap()), "{u}");
        assert_eq!(u.as_object().unwrap().keys().collect::<Vec<_>>(), ["startTime", "time", "userId"]);
    }
    assert_eq!(s.post("/group/user/gag/rollback.json", "userId=u1&groupId=g1").1, OK);
    let list = json(&s.post("/group/user/gag/list.json", "groupId=g1").1);
    assert_eq!(list["users"][0]["userId"], "u2");
    assert_eq!(list["users"].as_array().unwrap().len(), 1);
    // Permanent mute (minute=0) and a mute in all groups (no groupId).
    s.ok("/group/user/gag/add.json", "userId=u9&minute=0");
    let list = json(&s.post("/group/user/gag/list.json", "").1);
    assert_eq!(list["users"][0]["userId"], "u9");
    assert_eq!(list["users"][0]["time"], "9999-12-31 23:59:59");
    s.ok("/group/user/gag/rollback.json", "userId=u9");
    assert_eq!(s.post("/group/user/gag/list.json", "").1, r#"{"code":200,"users":[]}"#);
}

fn regex_like_time(t: &str) -> bool {
    // YYYY-MM-DD HH:MM:SS
    t.len() == 19
        && t.chars().enumerate().all(|(i, c)| match i {
            4 | 7 => c == '-',
            10 => c == ' ',
            13 | 16 => c == ':',
            _ => c.is_ascii_digit(),
        })
}

#[test]
fn gag_survives_leave_and_rejoin() {
    let s = Server::empty();
    s.ok("/group/create.json", "userId=u1&groupId=g1&groupName=G");
    s.ok("/group/user/gag/add.json", "userId=u1&groupId=g1&minute=60");
    s.ok("/group/quit.json", "userId=u1&groupId=g1");
    s.ok("/group/join.json", "userId=u1&groupId=g1");
    assert_eq!(json(&s.post("/group/user/gag/list.json", "groupId=g1").1)["users"][0]["userId"], "u1");
}

#[test]
fn ban_add_query_rollback_and_survives_dismiss() {
    let s = Server::empty();
    s.ok("/group/create.json", "userId=u1&groupId=g1&groupName=G");
    assert_eq!(s.post("/group/ban/add.json", "groupId=g1&groupId=g2").1, OK);
    assert_eq!(
        s.post("/group/ban/query.json", "groupId=g1&groupId=g3").1,
        r#"{"code":200,"groupinfo":[{"groupId":"g1","stat":1},{"groupId":"g3","stat":0}]}"#
    );
    s.ok("/group/dismiss.json", "userId=u1&groupId=g1");
    // Without groupId: all muted groups, paged.
    assert_eq!(
        s.post("/group/ban/query.json", "").1,
        r#"{"code":200,"groupinfo":[{"groupId":"g1","stat":1},{"groupId":"g2","stat":1}]}"#
    );
    assert_eq!(s.post("/group/ban/query.json", "page=2&size=1").1, r#"{"code":200,"groupinfo":[{"groupId":"g2","stat":1}]}"#);
    assert_eq!(s.post("/group/ban/rollback.json", "groupId=g1").1, OK);
    assert_eq!(s.post("/group/ban/query.json", "groupId=g1").1, r#"{"code":200,"groupinfo":[{"groupId":"g1","stat":0}]}"#);
    s.err("/group/ban/query.json", "size=201", 1002);
}

#[test]
fn whitelist_add_query_rollback() {
    let s = Server::empty();
    s.ok("/group/create.json", "userId=u1&userId=u2&groupId=g1&groupName=G");
    assert_eq!(s.post("/group/user/ban/whitelist/add.json", "userId=u2&userId=u1&groupId=g1").1, OK);
    let q = json(&s.post("/group/user/ban/whitelist/query.json", "groupId=g1").1);
    let mut ids: Vec<&str> = q["userIds"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    ids.sort();
    assert_eq!(ids, ["u1", "u2"]);
    assert_eq!(s.post("/group/user/ban/whitelist/rollback.json", "userId=u1&groupId=g1").1, OK);
    assert_eq!(s.post("/group/user/ban/whitelist/query.json", "groupId=g1").1, r#"{"code":200,"userIds":["u2"]}"#);
}

#[test]
fn push_remarks_set_get_del() {
    let s = Server::empty();
    assert_eq!(s.post("/group/remarks/set.json", "userId=u1&groupId=g1&remark=name1").1, OK);
    assert_eq!(s.post("/group/remarks/get.json", "userId=u1&groupId=g1").1, r#"{"code":200,"remark":"name1"}"#);
    assert_eq!(s.post("/group/remarks/del.json", "userId=u1&groupId=g1").1, OK);
    assert_eq!(s.post("/group/remarks/get.json", "userId=u1&groupId=g1").1, r#"{"code":200,"remark":""}"#);
}

#[test]
fn bind_notify_msg_returns_a_message_uid() {
    let s = Server::empty();
    let v = s.ok(
        "/group/create.json",
        "userId=u1&groupId=g1&groupName=G&bindNotifyMsg=true&fromUserId=u1&objectName=RC:TxtMsg&content={\"content\":\"hi\"}",
    );
    assert!(v["messageUID"].as_str().is_some_and(|u| !u.is_empty()));
}

#[test]
fn legacy_limits_name_the_parameter() {
    let s = Server::empty();
    let text = s.err("/group/create.json", "groupId=g1&groupName=G", 1002);
    assert!(text.contains("userId is required"), "{text}");
    let text = s.err("/group/create.json", "userId=u1&groupName=G", 1002);
    assert!(text.contains("groupId is required"), "{text}");
    let text = s.err("/group/create.json", "userId=u1&groupId=g-1&groupName=G", 1002);
    assert!(text.contains("groupId may contain only letters"), "{text}");
    let long = "g".repeat(65);
    let text = s.err("/group/create.json", &format!("userId=u1&groupId={long}&groupName=G"), 1005);
    assert!(text.contains("groupId is too long: at most 64 characters (got 65)"), "{text}");
    let text = s.err("/group/create.json", &format!("userId=u1&groupId=g1&groupName={}", "n".repeat(129)), 1005);
    assert!(text.contains("groupName is too long: at most 128"), "{text}");
    let many: String = (0..1001).map(|i| format!("userId=u{i}&")).collect();
    let text = s.err("/group/join.json", &format!("{many}groupId=g1"), 1002);
    assert!(text.contains("userId: at most 1000 users per request (got 1001)"), "{text}");
    let many: String = (0..21).map(|i| format!("userId=u{i}&")).collect();
    let text = s.err("/group/user/gag/add.json", &format!("{many}groupId=g1&minute=1"), 1002);
    assert!(text.contains("at most 20 users"), "{text}");
    let text = s.err("/group/user/gag/add.json", "userId=u1&groupId=g1&minute=43201", 1002);
    assert!(text.contains("minute must be between 0 and 43200 (got 43201)"), "{text}");
    let text = s.err("/group/user/gag/add.json", "userId=u1&groupId=g1", 1002);
    assert!(text.contains("minute is required"), "{text}");
    let text = s.err("/group/user/gag/add.json", "userId=u1&groupId=g1&minute=ten", 1501);
    assert!(text.contains("minute must be an integer"), "{text}");
    let many: String = (0..21).map(|i| format!("groupId=g{i}&")).collect();
    s.err("/group/ban/add.json", &many, 1002);
    s.err("/group/dismiss.json", "groupId=g1", 1002);
    s.err("/group/remarks/set.json", &format!("userId=u1&groupId=g1&remark={}", "r".repeat(65)), 1005);
    // Nothing above was applied.
    assert_eq!(s.post("/group/user/query.json", "groupId=g1").1, r#"{"code":200,"users":[]}"#);
}

#[test]
fn member_limit_applies_to_legacy_joins() {
    let s = Server::with(&["--seed", "empty", "--rate-limit", "0", "--max-members", "3"]);
    s.ok("/group/create.json", "userId=a&userId=b&groupId=g1&groupName=G");
    let text = s.err("/group/join.json", "userId=c&userId=d&groupId=g1", 1002);
    assert!(text.contains("would have 4 members; the limit is 3"), "{text}");
    assert_eq!(s.post("/group/user/query.json", "groupId=g1").1, r#"{"code":200,"users":[{"id":"a"},{"id":"b"}]}"#);
}

#[test]
fn global_mute_is_capped_at_100_users() {
    let s = Server::empty();
    for chunk in 0..5 {
        let ids: String = (0..20).map(|i| format!("userId=g{chunk}x{i}&")).collect();
        s.ok("/group/user/gag/add.json", &format!("{ids}minute=10"));
    }
    let text = s.err("/group/user/gag/add.json", "userId=extra&minute=10", 1002);
    assert!(text.contains("at most 100 users can be muted in all groups"), "{text}");
    assert_eq!(json(&s.post("/group/user/gag/list.json", "").1)["users"].as_array().unwrap().len(), 100);
}
