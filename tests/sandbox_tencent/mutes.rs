//! Mutes: `forbid_send_msg` (MuteTime and the older ShutUpTime, 0, permanent), the muted lists
//! in both spellings, the type rules, and mutes that outlive leave and rejoin.

use serde_json::json;

use crate::common::{Server, now};

#[test]
fn mute_unmute_and_permanent() {
    let s = Server::empty();
    let gid = s.group("Public", "g", "o");
    s.add(&gid, &["a", "b", "c"]);
    let (_, text) = s.raw("/v4/group_open_http_svc/forbid_send_msg", &s.query(), r#"{"GroupId":"g","Members_Account":["a","b"],"MuteTime":60}"#);
    assert_eq!(text, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}"#);
    s.ok("forbid_send_msg", r#"{"GroupId":"g","Members_Account":["c"],"ShutUpTime":4294967295}"#);
    let v = s.ok("get_group_muted_account", r#"{"GroupId":"g"}"#);
    assert_eq!(v["GroupId"], "g");
    let list = v["MutedAccountList"].as_array().unwrap();
    assert_eq!(list.len(), 3, "{v}");
    let until = list[0]["MutedUntil"].as_i64().unwrap();
    assert_eq!(list[0]["Member_Account"], "a");
    assert!((until - now() as i64 - 60).abs() <= 5, "{until}");
    assert_eq!(list[2], json!({"Member_Account": "c", "MutedUntil": 4294967295u64}));
    // The older command and its older names.
    let v = s.ok("get_group_shutted_uin", r#"{"GroupId":"g"}"#);
    assert_eq!(v["ShuttedUinList"][2], json!({"Member_Account": "c", "ShuttedUntil": 4294967295u64}));
    assert!(v.get("MutedAccountList").is_none());
    // Member info shows it.
    let m = s.ok("get_group_member_info", r#"{"GroupId":"g","MemberInfoFilter":["MuteUntil"],"Offset":3}"#);
    assert_eq!(m["MemberList"], json!([{"Member_Account": "c", "MuteUntil": 4294967295u64}]));
    // 0 unmutes.
    s.ok("forbid_send_msg", r#"{"GroupId":"g","Members_Account":["a","c"],"MuteTime":0}"#);
    let v = s.ok("get_group_muted_account", r#"{"GroupId":"g"}"#);
    assert_eq!(v["MutedAccountList"].as_array().unwrap().len(), 1);
    assert_eq!(v["MutedAccountList"][0]["Member_Account"], "b");
}

#[test]
fn mute_limits_and_type_rules() {
    let s = Server::empty();
    let gid = s.group("Public", "g", "o");
    s.add(&gid, &["a"]);
    let many: Vec<String> = (0..501).map(|i| format!("x{i}")).collect();
    s.fail("forbid_send_msg", &json!({"GroupId": gid, "Members_Account": many, "MuteTime": 60}).to_string(), 10005);
    assert!(s.fail("forbid_send_msg", r#"{"GroupId":"g","Members_Account":["a"]}"#, 10004).contains("MuteTime"));
    s.fail("forbid_send_msg", r#"{"GroupId":"g","Members_Account":["a"],"MuteTime":4294967296}"#, 10004);
    s.fail("forbid_send_msg", r#"{"GroupId":"g","Members_Account":["a"],"MuteTime":-1}"#, 10004);
    s.fail("forbid_send_msg", r#"{"GroupId":"g","Members_Account":[],"MuteTime":60}"#, 10004);
    assert!(s.fail("forbid_send_msg", r#"{"GroupId":"g","Members_Account":["a","ghost"],"MuteTime":60}"#, 10019).contains("ghost"));
    s.fail("forbid_send_msg", r#"{"GroupId":"nope","Members_Account":["a"],"MuteTime":60}"#, 10015);
    s.fail("get_group_muted_account", r#"{"GroupId":"nope"}"#, 10015);
    // Non-members are skipped.
    s.accounts(&["outsider"]);
    s.ok("forbid_send_msg", r#"{"GroupId":"g","Members_Account":["outsider"],"MuteTime":60}"#);
    assert_eq!(s.ok("get_group_muted_account", r#"{"GroupId":"g"}"#)["MutedAccountList"], json!([]));
    // Work groups cannot mute.
    let work = s.group("Private", "w", "o");
    s.add(&work, &["a"]);
    assert!(s.fail("forbid_send_msg", r#"{"GroupId":"w","Members_Account":["a"],"MuteTime":60}"#, 10007).contains("Work"));
    // AVChatRoom: any imported account may be muted.
    let av = s.group("AVChatRoom", "av", "o");
    s.ok("forbid_send_msg", &json!({"GroupId": av, "Members_Account": ["outsider"], "MuteTime": 60}).to_string());
    assert_eq!(s.ok("get_group_muted_account", r#"{"GroupId":"av"}"#)["MutedAccountList"][0]["Member_Account"], "outsider");
    // Meeting and Community mute.
    for (kind, id) in [("ChatRoom", "m"), ("Community", "@TGS#_c")] {
        s.group(kind, id, "o");
        s.add(id, &["a"]);
        s.ok("forbid_send_msg", &json!({"GroupId": id, "Members_Account": ["a"], "MuteTime": 60}).to_string());
        assert_eq!(s.ok("get_group_muted_account", &json!({"GroupId": id}).to_string())["MutedAccountList"].as_array().unwrap().len(), 1);
    }
}

#[test]
fn a_mute_survives_leave_and_rejoin() {
    let s = Server::empty();
    let gid = s.group("Public", "g", "o");
    s.add(&gid, &["a"]);
    s.ok("forbid_send_msg", r#"{"GroupId":"g","Members_Account":["a"],"MuteTime":3600}"#);
    s.ok("delete_group_member", r#"{"GroupId":"g","MemberToDel_Account":["a"]}"#);
    assert_eq!(s.ok("get_group_muted_account", r#"{"GroupId":"g"}"#)["MutedAccountList"], json!([]), "lists members only");
    s.add(&gid, &["a"]);
    let v = s.ok("get_group_muted_account", r#"{"GroupId":"g"}"#);
    assert_eq!(v["MutedAccountList"][0]["Member_Account"], "a", "muted again after rejoining: {v}");
    // Destroying the group drops its mutes with it.
    s.ok("destroy_group", r#"{"GroupId":"g"}"#);
    s.group("Public", "g", "o");
    s.add("g", &["a"]);
    assert_eq!(s.ok("get_group_muted_account", r#"{"GroupId":"g"}"#)["MutedAccountList"], json!([]));
}

#[test]
fn the_demo_data_has_muted_members() {
    let s = Server::demo();
    assert_eq!(s.ok("get_group_muted_account", r#"{"GroupId":"@TGS#_community"}"#)["MutedAccountList"].as_array().unwrap().len(), 25);
    assert_eq!(s.ok("get_group_muted_account", r#"{"GroupId":"@TGS#public"}"#)["MutedAccountList"].as_array().unwrap().len(), 5);
    assert_eq!(s.ok("get_group_muted_account", r#"{"GroupId":"@TGS#live"}"#)["MutedAccountList"].as_array().unwrap().len(), 2);
}
