//! Bans: kick + no rejoin until the end, unban, the paged list with `NextOffset`, the type
//! rules, limits and errors, and the demo bans.

use serde_json::{Value, json};

use crate::common::{Server, now};

#[test]
fn a_ban_kicks_and_blocks_rejoining_until_lifted() {
    let s = Server::empty();
    s.group("Community", "@TGS#_c", "o");
    s.add("@TGS#_c", &["a", "b", "c"]);
    s.ok("create_permission_group", r#"{"GroupId":"@TGS#_c","PermissionGroupId":"@PMG#_p","PermissionGroupName":"p","Permission":64}"#);
    s.ok("add_permission_group_member", r#"{"GroupId":"@TGS#_c","PermissionGroupId":"@PMG#_p","Member_Account":["a","b"]}"#);
    s.ok("forbid_send_msg", r#"{"GroupId":"@TGS#_c","Members_Account":["a"],"MuteTime":600}"#);
    let (_, text) = s.raw("/v4/group_open_http_svc/ban_group_member", &s.query(), r#"{"GroupId":"@TGS#_c","Members_Account":["a","c"],"Duration":3600,"Description":"广告"}"#);
    assert_eq!(text, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}"#);
    assert_eq!(s.info("@TGS#_c")["MemberNum"], 2, "o and b remain");
    let roles = s.ok("get_role_in_group", r#"{"GroupId":"@TGS#_c","User_Account":["a","b","c"]}"#);
    assert_eq!(roles["UserIdList"][0]["Role"], "NotMember");
    assert_eq!(roles["UserIdList"][2]["Role"], "NotMember");
    // Left the permission group with the Community.
    let pg = s.ok("get_permission_group_info", r#"{"GroupId":"@TGS#_c"}"#);
    assert_eq!(pg["PermissionGroupList"][0]["MemberNum"], 1);
    // Rejoining is refused per member while banned.
    let v = s.ok("add_group_member", r#"{"GroupId":"@TGS#_c","MemberList":[{"Member_Account":"a"},{"Member_Account":"b"}]}"#);
    assert_eq!(v["MemberList"], json!([{"Member_Account": "a", "Result": 0}, {"Member_Account": "b", "Result": 2}]));
    let v = s.ok("import_group_member", r#"{"GroupId":"@TGS#_c","MemberList":[{"Member_Account":"c"}]}"#);
    assert_eq!(v["MemberList"][0]["Result"], 0);
    assert_eq!(s.info("@TGS#_c")["MemberNum"], 2);
    // The list.
    let v = s.ok("get_group_ban_member", r#"{"GroupId":"@TGS#_c"}"#);
    let list = v["BannedAccountList"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["Member_Account"], "a");
    let until = list[0]["BannedUntil"].as_i64().unwrap();
    assert!((until - now() as i64 - 3600).abs() <= 5, "{until}");
    assert_eq!(v["NextOffset"], 0);
    // Unban: rejoin works, and the mute is still there.
    s.ok("unban_group_member", r#"{"GroupId":"@TGS#_c","Members_Account":["a","nobody-banned"]}"#);
    s.add("@TGS#_c", &["a"]);
    assert_eq!(s.ok("get_group_muted_account", r#"{"GroupId":"@TGS#_c"}"#)["MutedAccountList"][0]["Member_Account"], "a");
    assert_eq!(s.ok("get_group_ban_member", r#"{"GroupId":"@TGS#_c"}"#)["BannedAccountList"].as_array().unwrap().len(), 1);
    // Permanent bans; non-members may be banned ahead.
    s.accounts(&["stranger"]);
    s.ok("ban_group_member", r#"{"GroupId":"@TGS#_c","Members_Account":["stranger"],"Duration":4294967295}"#);
    let v = s.ok("get_group_ban_member", r#"{"GroupId":"@TGS#_c"}"#);
    assert_eq!(v["BannedAccountList"][1], json!({"Member_Account": "stranger", "BannedUntil": 4294967295u64}));
    // Destroying the group drops its bans.
    s.ok("destroy_group", r#"{"GroupId":"@TGS#_c"}"#);
    s.group("Community", "@TGS#_c", "o");
    assert_eq!(s.ok("get_group_ban_member", r#"{"GroupId":"@TGS#_c"}"#)["BannedAccountList"], json!([]));
    s.add("@TGS#_c", &["stranger"]);
}

#[test]
fn the_ban_list_pages_by_offset() {
    let s = Server::empty();
    s.group("AVChatRoom", "av", "o");
    let users: Vec<String> = (0..45).map(|i| format!("u{i:02}")).collect();
    let refs: Vec<&str> = users.iter().map(String::as_str).collect();
    s.accounts(&refs);
    for chunk in refs.chunks(20) {
        s.ok("ban_group_member", &json!({"GroupId": "av", "Members_Account": chunk, "Duration": 60}).to_string());
    }
    let mut seen = Vec::new();
    let mut offset = 0;
    let mut pages = 0;
    loop {
        let v = s.ok("get_group_ban_member", &json!({"GroupId": "av", "Limit": 20, "Offset": offset}).to_string());
        pages += 1;
        seen.extend(v["BannedAccountList"].as_array().unwrap().iter().map(|b| b["Member_Account"].as_str().unwrap().to_owned()));
        offset = v["NextOffset"].as_i64().unwrap();
        if offset == 0 {
            break;
        }
        assert_eq!(offset, seen.len() as i64);
    }
    assert_eq!((pages, seen), (3, users));
    let v = s.ok("get_group_ban_member", r#"{"GroupId":"av","Offset":45}"#);
    assert_eq!((v["BannedAccountList"].clone(), v["NextOffset"].clone()), (json!([]), json!(0)));
    assert!(s.fail("get_group_ban_member", r#"{"GroupId":"av","Limit":101}"#, 10004).contains("at most 100"));
    s.ok("get_group_ban_member", r#"{"GroupId":"av","Limit":100}"#);
}

#[test]
fn ban_rules_limits_and_errors() {
    let s = Server::empty();
    s.group("Public", "p", "o");
    s.group("ChatRoom", "m", "o");
    s.group("Private", "w", "o");
    s.add("p", &["a"]);
    s.add("m", &["a"]);
    for g in ["p", "m"] {
        s.ok("ban_group_member", &json!({"GroupId": g, "Members_Account": ["a"], "Duration": 60}).to_string());
        assert_eq!(s.info(g)["MemberNum"], 1);
    }
    assert!(s.fail("ban_group_member", r#"{"GroupId":"w","Members_Account":["a"],"Duration":60}"#, 10007).contains("Work"));
    s.fail("unban_group_member", r#"{"GroupId":"w","Members_Account":["a"]}"#, 10007);
    s.fail("get_group_ban_member", r#"{"GroupId":"w"}"#, 10007);
    let many: Vec<String> = (0..21).map(|i| format!("x{i}")).collect();
    s.fail("ban_group_member", &json!({"GroupId": "p", "Members_Account": many, "Duration": 60}).to_string(), 10005);
    s.fail("unban_group_member", &json!({"GroupId": "p", "Members_Account": many}).to_string(), 10005);
    assert!(s.fail("ban_group_member", r#"{"GroupId":"p","Members_Account":["a"]}"#, 10004).contains("Duration"));
    assert!(s.fail("ban_group_member", r#"{"GroupId":"p","Members_Account":["a"],"Duration":0}"#, 10004).contains("unban"));
    s.fail("ban_group_member", r#"{"GroupId":"p","Members_Account":["a"],"Duration":4294967296}"#, 10004);
    s.fail("ban_group_member", &json!({"GroupId": "p", "Members_Account": ["a"], "Duration": 60, "Description": "x".repeat(1001)}).to_string(), 10004);
    s.fail("ban_group_member", r#"{"GroupId":"p","Members_Account":[],"Duration":60}"#, 10004);
    assert!(s.fail("ban_group_member", r#"{"GroupId":"p","Members_Account":["a","ghost"],"Duration":60}"#, 10019).contains("ghost"));
    let info = s.fail("ban_group_member", r#"{"GroupId":"p","Members_Account":["o"],"Duration":60}"#, 10009);
    assert!(info.contains("owner"), "{info}");
    s.fail("ban_group_member", r#"{"GroupId":"nope","Members_Account":["a"],"Duration":60}"#, 10015);
    s.fail("get_group_ban_member", r#"{"GroupId":"nope"}"#, 10015);
}

#[test]
fn the_demo_bans() {
    let s = Server::demo();
    let v = s.ok("get_group_ban_member", r#"{"GroupId":"@TGS#_community"}"#);
    let list: Vec<&Value> = v["BannedAccountList"].as_array().unwrap().iter().collect();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["Member_Account"], "banned01");
    assert_eq!(*list[1], json!({"Member_Account": "banned02", "BannedUntil": 4294967295u64}));
    assert_eq!(s.ok("get_group_ban_member", r#"{"GroupId":"@TGS#live"}"#)["BannedAccountList"][0]["Member_Account"], "user00005");
    let v = s.ok("add_group_member", r#"{"GroupId":"@TGS#_community","MemberList":[{"Member_Account":"banned01"}]}"#);
    assert_eq!(v["MemberList"][0]["Result"], 0);
}
