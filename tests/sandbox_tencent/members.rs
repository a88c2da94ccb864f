//! Membership: add, delete, import, member profiles, roles, member pages (Offset and the
//! Community cursor) and the groups of an account.

use serde_json::{Value, json};

use crate::common::{Server, now};

fn members(n: std::ops::Range<u32>) -> Vec<String> {
    n.map(|i| format!("m{i:04}")).collect()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn add_answers_per_member_results() {
    let s = Server::empty();
    let gid = s.group("Public", "g", "o");
    s.accounts(&["a", "b"]);
    let (_, text) = s.raw(
        "/v4/group_open_http_svc/add_group_member",
        &s.query(),
        r#"{"GroupId":"g","Silence":1,"MemberList":[{"Member_Account":"a"},{"Member_Account":"o"},{"Member_Account":"ghost"},{"Member_Account":"a"}]}"#,
    );
    assert_eq!(
        text,
        r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MemberList":[{"Member_Account":"a","Result":1},{"Member_Account":"o","Result":2},{"Member_Account":"ghost","Result":0},{"Member_Account":"a","Result":2}]}"#
    );
    assert_eq!(s.info(&gid)["MemberNum"], 2);
    let info = s.fail("add_group_member", r#"{"GroupId":"g","MemberList":[{"Member_Account":"ghost"},{"Member_Account":"ghost2"}]}"#, 10019);
    assert!(info.contains("ghost2"), "{info}");
    let list: Vec<Value> = (0..301).map(|i| json!({"Member_Account": format!("x{i}")})).collect();
    s.fail("add_group_member", &json!({"GroupId": "g", "MemberList": list}).to_string(), 10005);
    s.fail("add_group_member", r#"{"GroupId":"g","MemberList":[]}"#, 10004);
    s.fail("add_group_member", r#"{"GroupId":"g","MemberList":[{"Member_Account":""}]}"#, 10004);
    s.fail("add_group_member", r#"{"GroupId":"nope","MemberList":[{"Member_Account":"a"}]}"#, 10015);
    let av = s.group("AVChatRoom", "av", "o");
    assert!(s.fail("add_group_member", &json!({"GroupId": av, "MemberList": [{"Member_Account": "a"}]}).to_string(), 10007).contains("AVChatRoom"));
    s.add(&gid, &strs(&members(0..300)));
    assert_eq!(s.info(&gid)["MemberNum"], 302);
}

#[test]
fn a_full_group_takes_nobody_from_the_call() {
    let s = Server::with(&["--seed", "empty", "--rate-limit", "0", "--edition", "developer"]);
    let gid = s.group("Public", "g", "o");
    let first = members(0..18);
    s.add(&gid, &strs(&first));
    let more = members(100..103);
    s.accounts(&strs(&more));
    let list: Vec<Value> = more.iter().map(|u| json!({"Member_Account": u})).collect();
    let info = s.fail("add_group_member", &json!({"GroupId": gid, "MemberList": list}).to_string(), 10014);
    assert!(info.contains("MaxMemberNum is 20"), "{info}");
    assert_eq!(s.info(&gid)["MemberNum"], 19, "all or nothing");
    // Already-members do not count against the cap.
    let list: Vec<Value> = ["o", "m0100"].iter().map(|u| json!({"Member_Account": u})).collect();
    s.ok("add_group_member", &json!({"GroupId": gid, "MemberList": list}).to_string());
    assert_eq!(s.info(&gid)["MemberNum"], 20);
    // A lower MaxMemberNum is the group's own cap.
    let g2 = s.group("Public", "g2", "o");
    s.ok("modify_group_base_info", r#"{"GroupId":"g2","MaxMemberNum":2}"#);
    s.add(&g2, &["m0000"]);
    s.fail("add_group_member", r#"{"GroupId":"g2","MemberList":[{"Member_Account":"m0001"}]}"#, 10014);
}

#[test]
fn delete_ignores_non_members_and_keeps_owners_by_type() {
    let s = Server::empty();
    let gid = s.group("Public", "g", "o");
    s.add(&gid, &["a", "b", "c"]);
    let (_, text) = s.raw("/v4/group_open_http_svc/delete_group_member", &s.query(), r#"{"GroupId":"g","Silence":1,"Reason":"spam","MemberToDel_Account":["a","b","nobody"]}"#);
    assert_eq!(text, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}"#);
    assert_eq!(s.info(&gid)["MemberNum"], 2);
    let info = s.fail("delete_group_member", r#"{"GroupId":"g","MemberToDel_Account":["c","o"]}"#, 10009);
    assert!(info.contains("owner"), "{info}");
    assert_eq!(s.info(&gid)["MemberNum"], 2, "nothing deleted");
    let many: Vec<String> = (0..101).map(|i| format!("x{i}")).collect();
    s.fail("delete_group_member", &json!({"GroupId": "g", "MemberToDel_Account": many}).to_string(), 10005);
    s.fail("delete_group_member", r#"{"GroupId":"g","MemberToDel_Account":[]}"#, 10004);
    // A Work group's owner may leave; the group then has no owner.
    let work = s.group("Private", "w", "o");
    s.add(&work, &["a"]);
    s.ok("delete_group_member", r#"{"GroupId":"w","MemberToDel_Account":["o"]}"#);
    let g = s.info(&work);
    assert_eq!((g["Owner_Account"].as_str(), g["MemberNum"].as_i64()), (Some(""), Some(1)));
    let av = s.group("AVChatRoom", "av", "o");
    s.fail("delete_group_member", &json!({"GroupId": av, "MemberToDel_Account": ["a"]}).to_string(), 10007);
}

#[test]
fn import_members_keeps_join_time() {
    let s = Server::empty();
    s.group("Public", "g", "o");
    s.accounts(&["a", "b"]);
    let v = s.ok("import_group_member", r#"{"GroupId":"g","MemberList":[{"Member_Account":"a","Role":"Admin","JoinTime":1448357837,"UnreadMsgNum":5},{"Member_Account":"b"},{"Member_Account":"o"},{"Member_Account":"ghost"}]}"#);
    assert_eq!(v["MemberList"], json!([{"Member_Account": "a", "Result": 1}, {"Member_Account": "b", "Result": 1}, {"Member_Account": "o", "Result": 2}, {"Member_Account": "ghost", "Result": 0}]));
    let m = s.ok("get_group_member_info", r#"{"GroupId":"g","MemberInfoFilter":["Role","JoinTime"]}"#);
    assert_eq!(m["MemberList"][1], json!({"Member_Account": "a", "Role": "Admin", "JoinTime": 1448357837}));
    assert!(m["MemberList"][2]["JoinTime"].as_i64().unwrap() >= now() as i64 - 5);
    s.fail("import_group_member", r#"{"GroupId":"g","MemberList":[{"Member_Account":"a","Role":"Member"}]}"#, 10004);
    s.fail("import_group_member", &json!({"GroupId": "g", "MemberList": [{"Member_Account": "a", "JoinTime": now() + 999}]}).to_string(), 10004);
    s.fail("import_group_member", r#"{"GroupId":"g","MemberList":[{"Member_Account":"ghost"}]}"#, 10019);
    let list: Vec<Value> = (0..301).map(|i| json!({"Member_Account": format!("x{i}")})).collect();
    s.fail("import_group_member", &json!({"GroupId": "g", "MemberList": list}).to_string(), 10005);
    let work = s.group("Private", "w", "o");
    s.fail("import_group_member", &json!({"GroupId": work, "MemberList": [{"Member_Account": "a", "Role": "Admin"}]}).to_string(), 10007);
    let av = s.group("AVChatRoom", "av", "o");
    s.fail("import_group_member", &json!({"GroupId": av, "MemberList": [{"Member_Account": "a"}]}).to_string(), 10007);
}

#[test]
fn member_profiles_follow_the_type_rules() {
    let s = Server::empty();
    let gid = s.group("Public", "g", "o");
    s.add(&gid, &["a"]);
    s.ok("modify_group_member_info", r#"{"GroupId":"g","Member_Account":"a","Role":"Admin","NameCard":"小明","MsgFlag":"AcceptNotNotify","MuteTime":600}"#);
    let m = s.ok("get_group_member_info", r#"{"GroupId":"g","MemberRoleFilter":["Admin"]}"#);
    let a = &m["MemberList"][0];
    assert_eq!((a["Member_Account"].as_str(), a["Role"].as_str(), a["NameCard"].as_str(), a["MsgFlag"].as_str()), (Some("a"), Some("Admin"), Some("小明"), Some("AcceptNotNotify")));
    let until = a["MuteUntil"].as_i64().unwrap();
    assert!((until - now() as i64 - 600).abs() <= 5, "{until}");
    s.ok("modify_group_member_info", r#"{"GroupId":"g","Member_Account":"a","Role":"Member","ShutUpTime":0}"#);
    let m = s.ok("get_group_member_info", r#"{"GroupId":"g","MemberInfoFilter":["Role","ShutUpUntil"],"Offset":1}"#);
    assert_eq!(m["MemberList"], json!([{"Member_Account": "a", "Role": "Member", "ShutUpUntil": 0}]));
    // Name cards: 50 bytes.
    let card = format!("{}ab", "群".repeat(16));
    s.ok("modify_group_member_info", &json!({"GroupId": "g", "Member_Account": "a", "NameCard": card}).to_string());
    let info = s.fail("modify_group_member_info", &json!({"GroupId": "g", "Member_Account": "a", "NameCard": "群".repeat(17)}).to_string(), 10004);
    assert_eq!(info, "NameCard is 51 bytes; at most 50 bytes (UTF-8)");
    s.fail("modify_group_member_info", r#"{"GroupId":"g","Member_Account":"a","MsgFlag":"Loud"}"#, 10004);
    s.fail("modify_group_member_info", r#"{"GroupId":"g","Member_Account":"a","Role":"Owner"}"#, 10004);
    assert!(s.fail("modify_group_member_info", r#"{"GroupId":"g","Member_Account":"o","Role":"Member"}"#, 10004).contains("change_group_owner"));
    s.accounts(&["stranger"]);
    assert!(s.fail("modify_group_member_info", r#"{"GroupId":"g","Member_Account":"stranger","NameCard":"x"}"#, 10004).contains("not a member"));
    s.fail("modify_group_member_info", r#"{"GroupId":"g","Member_Account":"a","MuteTime":4294967296}"#, 10004);
    // Work groups: no admins, no mutes; name cards fine.
    let work = s.group("Private", "w", "o");
    s.add(&work, &["a"]);
    s.fail("modify_group_member_info", r#"{"GroupId":"w","Member_Account":"a","Role":"Admin"}"#, 10007);
    s.fail("modify_group_member_info", r#"{"GroupId":"w","Member_Account":"a","MuteTime":60}"#, 10007);
    s.ok("modify_group_member_info", r#"{"GroupId":"w","Member_Account":"a","NameCard":"ok"}"#);
    let av = s.group("AVChatRoom", "av", "o");
    s.fail("modify_group_member_info", &json!({"GroupId": av, "Member_Account": "o", "NameCard": "x"}).to_string(), 10007);
    // Admins exist in the other types.
    for kind in ["ChatRoom", "Community"] {
        let id = if kind == "Community" { "@TGS#_c" } else { "m" };
        s.group(kind, id, "o");
        s.add(id, &["a"]);
        s.ok("modify_group_member_info", &json!({"GroupId": id, "Member_Account": "a", "Role": "Admin"}).to_string());
    }
}

#[test]
fn offset_pages_and_filters() {
    let s = Server::empty();
    let gid = s.group("Public", "g", "o");
    let all = members(0..249);
    s.add(&gid, &strs(&all));
    s.ok("modify_group_member_info", r#"{"GroupId":"g","Member_Account":"m0010","Role":"Admin"}"#);
    let mut seen = Vec::new();
    for offset in [0, 100, 200, 250] {
        let v = s.ok("get_group_member_info", &json!({"GroupId": gid, "Offset": offset}).to_string());
        assert_eq!(v["MemberNum"], 250);
        assert!(v.get("Next").is_none(), "only Community answers Next: {v}");
        let page = v["MemberList"].as_array().unwrap();
        assert_eq!(page.len(), [100, 100, 50, 0][offset as usize / 100 + usize::from(offset == 250)], "offset {offset}");
        seen.extend(page.iter().map(|m| m["Member_Account"].as_str().unwrap().to_owned()));
        if let Some(first) = page.first() {
            let keys: Vec<&str> = first.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(keys, ["Member_Account", "Role", "JoinTime", "MsgSeq", "MsgFlag", "LastSendMsgTime", "MuteUntil", "NameCard"]);
        }
    }
    let mut expected = vec!["o".to_owned()];
    expected.extend(all);
    assert_eq!(seen, expected);
    let v = s.ok("get_group_member_info", r#"{"GroupId":"g","Limit":200,"Offset":0,"MemberInfoFilter":["Role"]}"#);
    assert_eq!(v["MemberList"].as_array().unwrap().len(), 200);
    assert_eq!(v["MemberList"][0], json!({"Member_Account": "o", "Role": "Owner"}));
    assert!(s.fail("get_group_member_info", r#"{"GroupId":"g","Limit":201}"#, 10004).contains("at most 200"));
    let v = s.ok("get_group_member_info", r#"{"GroupId":"g","MemberRoleFilter":["Owner","Admin"],"MemberInfoFilter":["Role"]}"#);
    assert_eq!(v["MemberList"], json!([{"Member_Account": "o", "Role": "Owner"}, {"Member_Account": "m0010", "Role": "Admin"}]));
    s.fail("get_group_member_info", r#"{"GroupId":"g","MemberRoleFilter":["Boss"]}"#, 10004);
    // Non-Community groups ignore a Next.
    assert_eq!(s.ok("get_group_member_info", r#"{"GroupId":"g","Next":"","Limit":5}"#)["MemberList"].as_array().unwrap().len(), 5);
    let av = s.group("AVChatRoom", "av", "o");
    s.fail("get_group_member_info", &json!({"GroupId": av}).to_string(), 10007);
}

#[test]
fn community_pages_with_an_opaque_cursor_until_it_is_empty() {
    let s = Server::empty();
    let gid = s.group("Community", "@TGS#_c", "o");
    let all = members(0..250);
    s.add(&gid, &strs(&all));
    // Someone leaves mid-way: the cursor still walks everybody else exactly once.
    s.ok("delete_group_member", r#"{"GroupId":"@TGS#_c","MemberToDel_Account":["m0005"]}"#);
    let mut seen = Vec::new();
    let mut next = String::new();
    let mut pages = 0;
    loop {
        let v = s.ok("get_group_member_info", &json!({"GroupId": gid, "Limit": 100, "Next": next, "MemberInfoFilter": ["Role"]}).to_string());
        pages += 1;
        assert_eq!(v["MemberNum"], 250);
        seen.extend(v["MemberList"].as_array().unwrap().iter().map(|m| m["Member_Account"].as_str().unwrap().to_owned()));
        next = v["Next"].as_str().expect("Community answers Next").to_owned();
        if next.is_empty() {
            break;
        }
    }
    assert_eq!(pages, 3);
    let mut expected = vec!["o".to_owned()];
    expected.extend(all.into_iter().filter(|u| u != "m0005"));
    assert_eq!(seen, expected);
    // Exactly a full last page: the cursor still ends empty on it.
    let v = s.ok("get_group_member_info", &json!({"GroupId": gid, "Limit": 200, "Next": ""}).to_string());
    let n = v["Next"].as_str().unwrap().to_owned();
    let v = s.ok("get_group_member_info", &json!({"GroupId": gid, "Limit": 50, "Next": n}).to_string());
    assert_eq!((v["MemberList"].as_array().unwrap().len(), v["Next"].as_str()), (50, Some("")));
    assert!(s.fail("get_group_member_info", r#"{"GroupId":"@TGS#_c","Offset":100}"#, 10004).contains("Next"));
    s.fail("get_group_member_info", r#"{"GroupId":"@TGS#_c","Next":"abc"}"#, 10004);
}

#[test]
fn the_demo_community_walks_20000_members_in_100_pages() {
    let s = Server::demo();
    let started = std::time::Instant::now();
    let (mut next, mut count, mut pages, mut muted) = (String::new(), 0, 0, 0);
    loop {
        let v = s.ok("get_group_member_info", &json!({"GroupId": "@TGS#_community", "Limit": 200, "Next": next}).to_string());
        let page = v["MemberList"].as_array().unwrap();
        count += page.len();
        muted += page.iter().filter(|m| m["MuteUntil"].as_i64().unwrap() > 0).count();
        pages += 1;
        next = v["Next"].as_str().unwrap().to_owned();
        if next.is_empty() {
            break;
        }
    }
    assert_eq!((count, pages, muted), (20_000, 100, 25));
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "{:?}", started.elapsed());
}

#[test]
fn roles_in_group() {
    let s = Server::empty();
    let gid = s.group("Public", "g", "o");
    s.add(&gid, &["a", "b"]);
    s.ok("modify_group_member_info", r#"{"GroupId":"g","Member_Account":"a","Role":"Admin"}"#);
    let v = s.ok("get_role_in_group", r#"{"GroupId":"g","User_Account":["o","a","b","zed"]}"#);
    assert_eq!(v["UserIdList"], json!([
        {"Member_Account": "o", "Role": "Owner"}, {"Member_Account": "a", "Role": "Admin"},
        {"Member_Account": "b", "Role": "Member"}, {"Member_Account": "zed", "Role": "NotMember"}]));
    let many: Vec<String> = (0..501).map(|i| format!("x{i}")).collect();
    s.fail("get_role_in_group", &json!({"GroupId": "g", "User_Account": many}).to_string(), 10005);
    let av = s.group("AVChatRoom", "av", "o");
    let v = s.ok("get_role_in_group", &json!({"GroupId": av, "User_Account": ["o", "a"]}).to_string());
    assert_eq!(v["UserIdList"], json!([{"Member_Account": "o", "Role": "Owner"}, {"Member_Account": "a", "Role": "NotMember"}]));
}

#[test]
fn joined_groups_of_an_account() {
    let s = Server::empty();
    for (kind, id) in [("Public", "p1"), ("Public", "p2"), ("Private", "w"), ("ChatRoom", "m"), ("Community", "@TGS#_c")] {
        s.group(kind, id, "o");
        s.add(id, &["a"]);
    }
    s.group("AVChatRoom", "av", "o");
    let (_, text) = s.raw("/v4/group_open_http_svc/get_joined_group_list", &s.query(), r#"{"Member_Account":"a","Limit":2}"#);
    assert_eq!(text, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","TotalCount":5,"GroupIdList":[{"GroupId":"p1"},{"GroupId":"p2"}]}"#);
    let v = s.ok("get_joined_group_list", r#"{"Member_Account":"a","Limit":2,"Offset":4,"WithHugeGroups":1,"WithNoActiveGroups":1}"#);
    assert_eq!(v["GroupIdList"], json!([{"GroupId": "@TGS#_c"}]));
    let v = s.ok("get_joined_group_list", r#"{"Member_Account":"a","GroupType":"Public","ResponseFilter":{"GroupBaseInfoFilter":["Type","Name","MemberNum"],"SelfInfoFilter":["Role","MsgFlag"]}}"#);
    assert_eq!(v["TotalCount"], 2);
    assert_eq!(v["GroupIdList"][0], json!({"GroupId": "p1", "Type": "Public", "Name": "g", "MemberNum": 2, "SelfInfo": {"Role": "Member", "MsgFlag": "AcceptAndNotify"}}));
    let v = s.ok("get_joined_group_list", r#"{"Member_Account":"o","ResponseFilter":{"SelfInfoFilter":["Role","JoinTime"]}}"#);
    assert_eq!(v["TotalCount"], 5, "AVChatRooms store no members");
    assert_eq!(v["GroupIdList"][0]["SelfInfo"]["Role"], "Owner");
    assert!(v["GroupIdList"][0]["SelfInfo"]["JoinTime"].as_i64().unwrap() > 0);
    s.fail("get_joined_group_list", r#"{"Member_Account":"ghost"}"#, 10019);
    s.fail("get_joined_group_list", r#"{}"#, 10004);
    s.fail("get_joined_group_list", r#"{"Member_Account":"a","ResponseFilter":{"SelfInfoFilter":["Mood"]}}"#, 10004);
}
