//! Community permission groups: create/modify/destroy/info, members (per-member `Result`,
//! cursor list), topic permissions (add/set/delete/get), the bit checks, the edition and type
//! rules, limits, and the demo permission groups.

use serde_json::{Value, json};

use crate::common::Server;

const C: &str = "@TGS#_c";

fn setup(s: &Server) {
    s.accounts(&["o"]);
    s.ok("create_group", &json!({"Type": "Community", "GroupId": C, "Name": "c", "Owner_Account": "o", "SupportTopic": 1}).to_string());
}

fn call(s: &Server, cmd: &str, body: Value) -> Value {
    let mut body = body;
    body["GroupId"] = C.into();
    s.ok(cmd, &body.to_string())
}

fn fail(s: &Server, cmd: &str, body: Value, code: i64) -> String {
    let mut body = body;
    if body.get("GroupId").is_none() {
        body["GroupId"] = C.into();
    }
    s.fail(cmd, &body.to_string(), code)
}

#[test]
fn create_modify_info_and_destroy() {
    let s = Server::empty();
    setup(&s);
    let (_, text) = s.raw("/v4/group_open_http_svc/create_permission_group", &s.query(),
        r#"{"GroupId":"@TGS#_c","PermissionGroupId":"@PMG#_mods","PermissionGroupName":"版主","Permission":2047,"CustomString":"x"}"#);
    assert_eq!(text, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","PermissionGroupId":"@PMG#_mods"}"#);
    let generated = call(&s, "create_permission_group", json!({"PermissionGroupName": "g", "Permission": 0}))["PermissionGroupId"].as_str().unwrap().to_owned();
    assert!(generated.starts_with("@PMG#_@PMG#") && generated.len() == 23, "{generated}");
    assert!(fail(&s, "create_permission_group", json!({"PermissionGroupId": "@PMG#_mods", "PermissionGroupName": "n", "Permission": 1}), 10021).contains("@PMG#_mods"));
    // Info: all, in creation order, with every field.
    let v = call(&s, "get_permission_group_info", json!({}));
    let list = v["PermissionGroupList"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    let keys: Vec<&str> = list[0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["PermissionGroupId", "ErrorCode", "ErrorInfo", "PermissionGroupName", "Permission", "CustomString", "MemberNum", "CreateTime"]);
    assert_eq!((list[0]["PermissionGroupName"].as_str(), list[0]["Permission"].as_u64(), list[0]["CustomString"].as_str(), list[0]["MemberNum"].as_i64()),
        (Some("版主"), Some(2047), Some("x"), Some(0)));
    assert_eq!(list[1]["PermissionGroupId"], generated);
    // Modify: each field optional.
    let (_, text) = s.raw("/v4/group_open_http_svc/modify_permission_group", &s.query(), r#"{"GroupId":"@TGS#_c","PermissionGroupId":"@PMG#_mods","Permission":96}"#);
    assert_eq!(text, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}"#);
    call(&s, "modify_permission_group", json!({"PermissionGroupId": "@PMG#_mods", "PermissionGroupName": "新名", "CustomString": ""}));
    let v = call(&s, "get_permission_group_info", json!({"PermissionGroupIdList": ["@PMG#_mods", "@PMG#_nope"]}));
    assert_eq!((v["PermissionGroupList"][0]["PermissionGroupName"].as_str(), v["PermissionGroupList"][0]["Permission"].as_u64(), v["PermissionGroupList"][0]["CustomString"].as_str()),
        (Some("新名"), Some(96), Some("")));
    assert_eq!(v["PermissionGroupList"][1], json!({"PermissionGroupId": "@PMG#_nope", "ErrorCode": 10010,
        "ErrorInfo": "permission group @PMG#_nope does not exist in group @TGS#_c"}));
    fail(&s, "modify_permission_group", json!({"PermissionGroupId": "@PMG#_nope", "Permission": 1}), 10010);
    fail(&s, "modify_permission_group", json!({"Permission": 1}), 10004);
    // Destroy: per-item results.
    let v = call(&s, "destroy_permission_group", json!({"PermissionGroupIdList": ["@PMG#_mods", "@PMG#_mods2"]}));
    assert_eq!(v["DestroyResultItem"][0], json!({"PermissionGroupId": "@PMG#_mods", "ErrorCode": 0, "ErrorInfo": ""}));
    assert_eq!(v["DestroyResultItem"][1]["ErrorCode"], 10010);
    assert_eq!(call(&s, "get_permission_group_info", json!({}))["PermissionGroupList"].as_array().unwrap().len(), 1);
    fail(&s, "destroy_permission_group", json!({}), 10004);
    fail(&s, "destroy_permission_group", json!({"PermissionGroupIdList": []}), 10004);
}

#[test]
fn ids_names_bits_and_limits() {
    let s = Server::empty();
    setup(&s);
    let body = |extra: Value| {
        let mut b = json!({"PermissionGroupName": "n", "Permission": 1});
        b.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        b
    };
    assert!(fail(&s, "create_permission_group", body(json!({"PermissionGroupId": "mods"})), 10004).contains("@PMG#_"));
    fail(&s, "create_permission_group", body(json!({"PermissionGroupId": "@PMG#_"})), 10004);
    fail(&s, "create_permission_group", body(json!({"PermissionGroupId": format!("@PMG#_{}", "x".repeat(59))})), 10004);
    call(&s, "create_permission_group", body(json!({"PermissionGroupId": format!("@PMG#_{}", "x".repeat(58))})));
    let info = fail(&s, "create_permission_group", body(json!({"Permission": 2048})), 10004);
    assert!(info.starts_with("Permission has bit 1<<11 (2048), which is not a group permission bit"), "{info}");
    assert!(info.contains("BanMemberGroupMessage (1024)"), "{info}");
    assert!(fail(&s, "create_permission_group", body(json!({"Permission": 1u64 << 63 | 3})), 10004).contains("1<<63"));
    assert!(fail(&s, "create_permission_group", json!({"PermissionGroupName": "n"}), 10004).contains("Permission is required"));
    assert!(fail(&s, "create_permission_group", json!({"Permission": 1}), 10004).contains("PermissionGroupName is required"));
    assert_eq!(fail(&s, "create_permission_group", body(json!({"PermissionGroupName": "权".repeat(51)})), 10004),
        "PermissionGroupName is 153 bytes; at most 150 bytes (UTF-8)");
    fail(&s, "create_permission_group", body(json!({"CustomString": "x".repeat(3001)})), 10004);
    call(&s, "create_permission_group", body(json!({"CustomString": "x".repeat(3000)})));
    call(&s, "create_permission_group", body(json!({"PermissionGroupId": "@PMG#_m"})));
    assert!(fail(&s, "modify_permission_group", json!({"PermissionGroupId": "@PMG#_m", "Permission": 4096}), 10004).contains("1<<12"));
    fail(&s, "modify_permission_group", json!({"PermissionGroupId": "@PMG#_m", "PermissionGroupName": ""}), 10004);
    // 20 per Community.
    for i in 3..20 {
        call(&s, "create_permission_group", body(json!({"PermissionGroupId": format!("@PMG#_{i}")})));
    }
    assert!(fail(&s, "create_permission_group", body(json!({})), 10004).contains("at most 20"));
    let ids: Vec<String> = (0..21).map(|i| format!("@PMG#_{i}")).collect();
    assert!(fail(&s, "get_permission_group_info", json!({"PermissionGroupIdList": ids}), 10004).contains("at most 20"));
}

#[test]
fn community_and_premium_only() {
    let s = Server::empty();
    setup(&s);
    s.group("Public", "p", "o");
    s.ok("create_group", r#"{"Type":"Community","GroupId":"@TGS#_plain","Name":"p"}"#);
    let body = json!({"GroupId": "p", "PermissionGroupName": "n", "Permission": 1});
    assert!(s.fail("create_permission_group", &body.to_string(), 10007).contains("Community"));
    s.fail("get_permission_group_info", r#"{"GroupId":"p"}"#, 10007);
    s.fail("get_permission_group_info", r#"{"GroupId":"@TGS#_none"}"#, 10015);
    // A Community without topics has permission groups, but no topic permissions.
    s.ok("create_permission_group", r#"{"GroupId":"@TGS#_plain","PermissionGroupId":"@PMG#_a","PermissionGroupName":"n","Permission":1}"#);
    assert!(s.fail("get_topic_permission_group", r#"{"GroupId":"@TGS#_plain","PermissionGroupId":"@PMG#_a"}"#, 10007).contains("SupportTopic"));
    // Other editions: 10059 for every permission-group command.
    let std = Server::with(&["--seed", "empty", "--rate-limit", "0", "--edition", "standard"]);
    std.group("Public", "p", "o");
    for cmd in ["create_permission_group", "get_permission_group_info", "get_permission_group_member_list", "add_topic_permission_group"] {
        assert!(std.fail(cmd, r#"{"GroupId":"p"}"#, 10059).contains("Ultimate"), "{cmd}");
    }
}

#[test]
fn members_of_a_permission_group() {
    let s = Server::empty();
    setup(&s);
    let users: Vec<String> = (0..120).map(|i| format!("m{i:03}")).collect();
    let refs: Vec<&str> = users.iter().map(String::as_str).collect();
    s.add(C, &refs);
    s.accounts(&["outsider"]);
    call(&s, "create_permission_group", json!({"PermissionGroupId": "@PMG#_p", "PermissionGroupName": "p", "Permission": 64}));
    let (_, text) = s.raw("/v4/group_open_http_svc/add_permission_group_member", &s.query(),
        r#"{"GroupId":"@TGS#_c","PermissionGroupId":"@PMG#_p","Member_Account":["m000","outsider","ghost"]}"#);
    assert_eq!(text, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MemberList":[{"Member_Account":"m000","Result":1},{"Member_Account":"outsider","Result":0},{"Member_Account":"ghost","Result":0}]}"#);
    let v = call(&s, "add_permission_group_member", json!({"PermissionGroupId": "@PMG#_p", "Member_Account": &refs[..100]}));
    assert_eq!(v["MemberList"][0]["Result"], 2);
    assert_eq!(v["MemberList"][99]["Result"], 1);
    call(&s, "add_permission_group_member", json!({"PermissionGroupId": "@PMG#_p", "Member_Account": &refs[100..]}));
    assert!(fail(&s, "add_permission_group_member", json!({"PermissionGroupId": "@PMG#_p", "Member_Account": users.iter().chain(["x".to_owned()].iter()).take(101).collect::<Vec<_>>()}), 10005).contains("at most 100"));
    fail(&s, "add_permission_group_member", json!({"PermissionGroupId": "@PMG#_p", "Member_Account": ["ghost"]}), 10019);
    fail(&s, "add_permission_group_member", json!({"PermissionGroupId": "@PMG#_nope", "Member_Account": ["m000"]}), 10010);
    fail(&s, "add_permission_group_member", json!({"PermissionGroupId": "@PMG#_p", "Member_Account": []}), 10004);
    assert_eq!(call(&s, "get_permission_group_info", json!({}))["PermissionGroupList"][0]["MemberNum"], 120);
    // The cursor walk: 50 at most per page, "" first and at the end.
    let mut seen = Vec::new();
    let mut next = String::new();
    let mut pages = 0;
    loop {
        let v = call(&s, "get_permission_group_member_list", json!({"PermissionGroupId": "@PMG#_p", "Limit": 50, "Next": next}));
        pages += 1;
        seen.extend(v["MemberList"].as_array().unwrap().iter().map(|m| {
            assert_eq!(m.as_object().unwrap().len(), 1);
            m["Member_Account"].as_str().unwrap().to_owned()
        }));
        next = v["Next"].as_str().expect("Next is a string").to_owned();
        if next.is_empty() {
            break;
        }
    }
    assert_eq!((pages, seen), (3, users.clone()));
    assert!(fail(&s, "get_permission_group_member_list", json!({"PermissionGroupId": "@PMG#_p", "Limit": 51}), 10004).contains("at most 50"));
    fail(&s, "get_permission_group_member_list", json!({"PermissionGroupId": "@PMG#_p", "Next": "abc"}), 10004);
    fail(&s, "get_permission_group_member_list", json!({"PermissionGroupId": "@PMG#_x"}), 10010);
    // Delete: 1 removed, 0 not in it; leaving the Community leaves the permission group.
    let v = call(&s, "delete_permission_group_member", json!({"PermissionGroupId": "@PMG#_p", "Member_Account": ["m000", "outsider"]}));
    assert_eq!(v["MemberList"], json!([{"Member_Account": "m000", "Result": 1}, {"Member_Account": "outsider", "Result": 0}]));
    s.ok("delete_group_member", r#"{"GroupId":"@TGS#_c","MemberToDel_Account":["m001"]}"#);
    let v = call(&s, "get_permission_group_member_list", json!({"PermissionGroupId": "@PMG#_p", "Limit": 2}));
    assert_eq!(v["MemberList"], json!([{"Member_Account": "m002"}, {"Member_Account": "m003"}]));
    assert_eq!(call(&s, "get_permission_group_info", json!({}))["PermissionGroupList"][0]["MemberNum"], 118);
    // Destroying the permission group drops its members.
    call(&s, "destroy_permission_group", json!({"PermissionGroupIdList": ["@PMG#_p"]}));
    call(&s, "create_permission_group", json!({"PermissionGroupId": "@PMG#_p", "PermissionGroupName": "p", "Permission": 64}));
    let v = call(&s, "get_permission_group_member_list", json!({"PermissionGroupId": "@PMG#_p"}));
    assert_eq!((v["MemberList"].clone(), v["Next"].clone()), (json!([]), json!("")));
}

#[test]
fn topic_permissions() {
    let s = Server::empty();
    setup(&s);
    for t in ["a", "b"] {
        call(&s, "create_topic", json!({"TopicId": t, "TopicName": t}));
    }
    let (ta, tb, tx) = ("@TGS#_c@TOPIC#_a", "@TGS#_c@TOPIC#_b", "@TGS#_c@TOPIC#_x");
    call(&s, "create_permission_group", json!({"PermissionGroupId": "@PMG#_p", "PermissionGroupName": "p", "Permission": 0}));
    let (_, text) = s.raw("/v4/group_open_http_svc/add_topic_permission_group", &s.query(), &json!({"GroupId": C, "PermissionGroupId": "@PMG#_p",
        "TopicPermissionList": [{"TopicId": ta, "Permission": 24}, {"TopicId": tx, "Permission": 1}]}).to_string());
    let v = crate::common::json(&text);
    assert_eq!(v["TopicResultItem"][0], json!({"TopicId": ta, "ErrorCode": 0, "ErrorInfo": ""}));
    assert_eq!(v["TopicResultItem"][1]["ErrorCode"], 10010);
    // add on a set topic ⇒ 10021; set on an unset one ⇒ 10010.
    let v = call(&s, "add_topic_permission_group", json!({"PermissionGroupId": "@PMG#_p", "TopicPermissionList": [{"TopicId": ta, "Permission": 1}]}));
    assert_eq!(v["TopicResultItem"][0]["ErrorCode"], 10021);
    let v = call(&s, "set_topic_permission_group", json!({"PermissionGroupId": "@PMG#_p", "TopicPermissionList": [{"TopicId": ta, "Permission": 127}, {"TopicId": tb, "Permission": 1}]}));
    assert_eq!((v["TopicResultItem"][0]["ErrorCode"].as_i64(), v["TopicResultItem"][1]["ErrorCode"].as_i64()), (Some(0), Some(10010)));
    call(&s, "add_topic_permission_group", json!({"PermissionGroupId": "@PMG#_p", "TopicPermissionList": [{"TopicId": tb, "Permission": 16}]}));
    let (_, text) = s.raw("/v4/group_open_http_svc/get_topic_permission_group", &s.query(), &json!({"GroupId": C, "PermissionGroupId": "@PMG#_p"}).to_string());
    assert_eq!(text, format!(r#"{{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","PermissionGroupId":"@PMG#_p","TopicPermissionList":[{{"TopicId":"{ta}","ErrorCode":0,"ErrorInfo":"","Permission":127}},{{"TopicId":"{tb}","ErrorCode":0,"ErrorInfo":"","Permission":16}}]}}"#));
    let v = call(&s, "get_topic_permission_group", json!({"PermissionGroupId": "@PMG#_p", "TopicIdList": [tb, tx]}));
    assert_eq!(v["TopicPermissionList"][0]["Permission"], 16);
    assert_eq!(v["TopicPermissionList"][1]["ErrorCode"], 10010);
    assert!(v["TopicPermissionList"][1].get("Permission").is_none());
    // Delete; destroying a topic drops its permissions.
    let v = call(&s, "delete_topic_permission_group", json!({"PermissionGroupId": "@PMG#_p", "TopicIdList": [tb, tx]}));
    assert_eq!((v["TopicResultItem"][0]["ErrorCode"].as_i64(), v["TopicResultItem"][1]["ErrorCode"].as_i64()), (Some(0), Some(10010)));
    call(&s, "destroy_topic", json!({"TopicIdList": [ta]}));
    assert_eq!(call(&s, "get_topic_permission_group", json!({"PermissionGroupId": "@PMG#_p"}))["TopicPermissionList"], json!([]));
    // Topic bits only, 1–50 entries, no duplicates.
    let info = fail(&s, "add_topic_permission_group", json!({"PermissionGroupId": "@PMG#_p", "TopicPermissionList": [{"TopicId": tb, "Permission": 128}]}), 10004);
    assert!(info.starts_with("TopicPermissionList[0].Permission has bit 1<<7 (128), which is not a topic permission bit"), "{info}");
    let many: Vec<Value> = (0..51).map(|i| json!({"TopicId": format!("t{i}"), "Permission": 1})).collect();
    assert!(fail(&s, "set_topic_permission_group", json!({"PermissionGroupId": "@PMG#_p", "TopicPermissionList": many}), 10004).contains("at most 50"));
    fail(&s, "add_topic_permission_group", json!({"PermissionGroupId": "@PMG#_p", "TopicPermissionList": []}), 10004);
    fail(&s, "add_topic_permission_group", json!({"PermissionGroupId": "@PMG#_p", "TopicPermissionList": [{"TopicId": tb}]}), 10004);
    assert!(fail(&s, "add_topic_permission_group", json!({"PermissionGroupId": "@PMG#_p", "TopicPermissionList": [{"TopicId": tb, "Permission": 1}, {"TopicId": tb, "Permission": 2}]}), 10004).contains("twice"));
    fail(&s, "add_topic_permission_group", json!({"PermissionGroupId": "@PMG#_q", "TopicPermissionList": [{"TopicId": tb, "Permission": 1}]}), 10010);
    fail(&s, "delete_topic_permission_group", json!({"PermissionGroupId": "@PMG#_p"}), 10004);
}

#[test]
fn the_demo_permission_groups() {
    let s = Server::demo();
    let v = s.ok("get_permission_group_info", r#"{"GroupId":"@TGS#_community"}"#);
    let list: Vec<(&str, &str, u64, i64)> = v["PermissionGroupList"].as_array().unwrap().iter()
        .map(|p| (p["PermissionGroupId"].as_str().unwrap(), p["PermissionGroupName"].as_str().unwrap(), p["Permission"].as_u64().unwrap(), p["MemberNum"].as_i64().unwrap()))
        .collect();
    assert_eq!(list, [("@PMG#_admins", "管理组", 2043, 10), ("@PMG#_speakers", "发言组", 320, 100), ("@PMG#_readonly", "只读组", 256, 50)]);
    let v = s.ok("get_topic_permission_group", r#"{"GroupId":"@TGS#_community","PermissionGroupId":"@PMG#_speakers"}"#);
    let bits: Vec<u64> = v["TopicPermissionList"].as_array().unwrap().iter().map(|t| t["Permission"].as_u64().unwrap()).collect();
    assert_eq!(bits, [16, 24, 24]);
    let v = s.ok("get_permission_group_member_list", r#"{"GroupId":"@TGS#_community","PermissionGroupId":"@PMG#_admins","Next":""}"#);
    assert_eq!(v["MemberList"][0]["Member_Account"], "user00002");
    assert_eq!(v["Next"], "");
}
