//! The edition's quotas (developer: 100 groups, 10 AVChatRooms; standard: 50 AVChatRooms),
//! the premium ceiling of 6,000 members (and a full 6,000-member Public group), and
//! `get_specified_group_member_info`.

use serde_json::{Value, json};

use crate::common::Server;

#[test]
fn the_developer_edition_allows_100_groups_and_10_avchatrooms() {
    let s = Server::with(&["--seed", "empty", "--rate-limit", "0", "--edition", "developer"]);
    for i in 0..10 {
        s.ok("create_group", &json!({"Type": "AVChatRoom", "Name": "a", "GroupId": format!("av{i}")}).to_string());
    }
    let info = s.fail("create_group", r#"{"Type":"AVChatRoom","Name":"a"}"#, 10036);
    assert!(info.contains("at most 10"), "{info}");
    for i in 0..90 {
        s.ok("create_group", &json!({"Type": "Public", "Name": "p", "GroupId": format!("p{i}")}).to_string());
    }
    let info = s.fail("create_group", r#"{"Type":"Public","Name":"p"}"#, 10037);
    assert!(info.contains("at most 100"), "{info}");
    s.fail("import_group", r#"{"Type":"Private","Name":"p"}"#, 10037);
    // A used id is still 10021, not the quota.
    s.fail("create_group", r#"{"Type":"Public","Name":"p","GroupId":"p0"}"#, 10021);
    // Destroyed groups free their place.
    s.ok("destroy_group", r#"{"GroupId":"av0"}"#);
    s.ok("create_group", r#"{"Type":"AVChatRoom","Name":"a"}"#);
    s.fail("create_group", r#"{"Type":"Public","Name":"p"}"#, 10037);
}

#[test]
fn standard_allows_50_avchatrooms_and_premium_more() {
    let s = Server::with(&["--seed", "empty", "--rate-limit", "0", "--edition", "standard"]);
    for i in 0..50 {
        s.ok("create_group", &json!({"Type": "AVChatRoom", "Name": "a", "GroupId": format!("av{i}")}).to_string());
    }
    s.fail("create_group", r#"{"Type":"AVChatRoom","Name":"a"}"#, 10036);
    for i in 0..60 {
        s.ok("create_group", &json!({"Type": "Public", "Name": "p", "GroupId": format!("p{i}")}).to_string());
    }
    let p = Server::empty();
    for i in 0..51 {
        p.ok("create_group", &json!({"Type": "AVChatRoom", "Name": "a", "GroupId": format!("av{i}")}).to_string());
    }
}

#[test]
fn premium_groups_may_grow_to_6000_members() {
    let s = Server::empty();
    for (kind, id) in [("Private", "w"), ("Public", "p"), ("ChatRoom", "m")] {
        s.ok("create_group", &json!({"Type": kind, "Name": "n", "GroupId": id}).to_string());
        assert_eq!(s.info(id)["MaxMemberNum"], 2000, "the default stays 2,000");
        let info = s.fail("create_group", &json!({"Type": kind, "Name": "n", "MaxMemberCount": 6001}).to_string(), 10038);
        assert!(info.contains("at most 6000"), "{info}");
        s.ok("modify_group_base_info", &json!({"GroupId": id, "MaxMemberNum": 6000}).to_string());
        assert_eq!(s.info(id)["MaxMemberNum"], 6000);
        s.fail("modify_group_base_info", &json!({"GroupId": id, "MaxMemberNum": 6001}).to_string(), 10038);
    }
    // Other editions keep their cap as the ceiling.
    let std = Server::with(&["--seed", "empty", "--rate-limit", "0", "--edition", "standard"]);
    std.fail("create_group", r#"{"Type":"Public","Name":"n","MaxMemberCount":201}"#, 10038);
    // A 6,000-member Public group (for the benchmark), and no more.
    s.accounts(&["o"]);
    s.ok("create_group", r#"{"Type":"Public","Name":"big","GroupId":"big","Owner_Account":"o","MaxMemberCount":6000}"#);
    let users: Vec<String> = (1..6000).map(|i| format!("b{i:04}")).collect();
    let refs: Vec<&str> = users.iter().map(String::as_str).collect();
    s.add("big", &refs);
    assert_eq!(s.info("big")["MemberNum"], 6000);
    s.accounts(&["extra"]);
    s.fail("add_group_member", r#"{"GroupId":"big","MemberList":[{"Member_Account":"extra"}]}"#, 10014);
}

#[test]
fn specified_member_info() {
    let s = Server::demo();
    let (_, text) = s.raw("/v4/group_open_http_svc/get_specified_group_member_info", &s.query(),
        r#"{"GroupId":"@TGS#public","Member_List_Account":["user00002","user99999","user00001"],"MemberInfoFilter":["Role"]}"#);
    assert_eq!(text, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MemberList":[{"Member_Account":"user00002","Role":"Admin"},{"Member_Account":"user00001","Role":"Owner"}]}"#);
    let v = s.ok("get_specified_group_member_info", r#"{"GroupId":"@TGS#_community","Member_List_Account":["user00010"],"AppDefinedDataFilter_GroupMember":["points"]}"#);
    let m = &v["MemberList"][0];
    assert_eq!(m["AppMemberDefinedData"], json!([{"Key": "points", "Value": "10"}]));
    assert!(m.get("JoinTime").is_some() && m.get("MuteUntil").is_some(), "all fields without a filter: {m}");
    s.fail("get_specified_group_member_info", r#"{"GroupId":"@TGS#live","Member_List_Account":["user00001"]}"#, 10007);
    s.fail("get_specified_group_member_info", r#"{"GroupId":"@TGS#public"}"#, 10004);
    s.fail("get_specified_group_member_info", r#"{"GroupId":"@TGS#public","Member_List_Account":["a"],"MemberInfoFilter":["Age"]}"#, 10004);
    s.fail("get_specified_group_member_info", r#"{"GroupId":"nope","Member_List_Account":["a"]}"#, 10015);
    let many: Vec<Value> = (0..101).map(|i| json!(format!("u{i}"))).collect();
    s.fail("get_specified_group_member_info", &json!({"GroupId": "@TGS#public", "Member_List_Account": many}).to_string(), 10005);
}
