//! Groups: create and import (ids, types, byte limits, editions, caps), info and its filters,
//! modify (InfoSeq), the app's group list, owner changes and destroy.

use serde_json::{Value, json};

use crate::common::{Server, json, now};

fn create(s: &Server, body: Value) -> Value {
    s.ok("create_group", &body.to_string())
}

#[test]
fn every_type_is_created_with_generated_or_custom_ids() {
    let s = Server::empty();
    s.accounts(&["o"]);
    for kind in ["Private", "Public", "ChatRoom", "AVChatRoom"] {
        let v = create(&s, json!({"Type": kind, "Name": "n", "Owner_Account": "o"}));
        let id = v["GroupId"].as_str().unwrap();
        assert!(id.starts_with("@TGS#") && !id.starts_with("@TGS#_") && id.len() > 8, "{id}");
        assert_eq!(v.as_object().unwrap().len(), 4, "only the id: {v}");
        assert_eq!(s.info(id)["Type"], kind);
    }
    // The new product names are accepted on input [I] and answered with the REST names.
    let v = create(&s, json!({"Type": "Work", "Name": "n"}));
    assert_eq!(s.info(v["GroupId"].as_str().unwrap())["Type"], "Private");
    let v = create(&s, json!({"Type": "Meeting", "Name": "n"}));
    assert_eq!(s.info(v["GroupId"].as_str().unwrap())["Type"], "ChatRoom");
    // Community: generated ids start @TGS#_@TGS#, and the answer carries Type and HugeGroupFlag.
    let (_, text) = s.raw("/v4/group_open_http_svc/create_group", &s.query(), r#"{"Type":"Community","Name":"c"}"#);
    let v = json(&text);
    let id = v["GroupId"].as_str().unwrap();
    assert!(id.starts_with("@TGS#_@TGS#"), "{id}");
    assert_eq!(text, format!(r#"{{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","GroupId":"{id}","Type":"Community","HugeGroupFlag":0}}"#));
    // Custom ids.
    assert_eq!(create(&s, json!({"Type": "Public", "Name": "n", "GroupId": "MyFirstGroup"}))["GroupId"], "MyFirstGroup");
    assert_eq!(create(&s, json!({"Type": "Community", "Name": "n", "GroupId": "@TGS#_mine"}))["GroupId"], "@TGS#_mine");
    let info = s.fail("create_group", r#"{"Type":"Community","Name":"n","GroupId":"mine"}"#, 10004);
    assert!(info.contains("@TGS#_"), "{info}");
    let info = s.fail("create_group", r#"{"Type":"Public","Name":"n","GroupId":"MyFirstGroup"}"#, 10021);
    assert!(info.contains("MyFirstGroup"), "{info}");
    s.fail("create_group", &json!({"Type": "Public", "Name": "n", "GroupId": "x".repeat(49)}).to_string(), 10004);
    create(&s, json!({"Type": "Public", "Name": "n", "GroupId": "x".repeat(48)}));
    // Type and Name are required and checked.
    assert!(s.fail("create_group", r#"{"Name":"n"}"#, 10004).contains("Type is required"));
    assert!(s.fail("create_group", r#"{"Type":"Club","Name":"n"}"#, 10004).contains("Club"));
    assert!(s.fail("create_group", r#"{"Type":"Public"}"#, 10004).contains("Name is required"));
    assert!(s.fail("create_group", r#"{"Type":"Public","Name":" "}"#, 10004).contains("Name must not be empty"));
    assert!(s.fail("create_group", r#"{"Type":"Public","Name":"n","SupportTopic":1}"#, 10004).contains("SupportTopic"));
}

#[test]
fn byte_limits_count_utf8_bytes() {
    let s = Server::empty();
    let gid = s.group("Public", "g", "o");
    for (field, max) in [("Name", 30usize), ("Introduction", 240), ("Notification", 300)] {
        let fits = "群".repeat(max / 3);
        let over = "群".repeat(max / 3 + 1);
        create(&s, json!({"Type": "Public", "Name": "n", field: fits}));
        let info = s.fail("create_group", &json!({"Type": "Public", "Name": "n", field: over}).to_string(), 10004);
        assert_eq!(info, format!("{field} is {} bytes; at most {max} bytes (UTF-8)", max + 3 - max % 3));
        s.ok("modify_group_base_info", &json!({"GroupId": gid, field: fits}).to_string());
        assert_eq!(s.info(&gid)[field], fits);
        s.fail("modify_group_base_info", &json!({"GroupId": gid, field: over}).to_string(), 10004);
    }
    assert_eq!(
        s.fail("create_group", &json!({"Type": "Public", "Name": "n".repeat(31)}).to_string(), 10004),
        "Name is 31 bytes; at most 30 bytes (UTF-8)"
    );
    let url = format!("https://x/{}", "a".repeat(90));
    create(&s, json!({"Type": "Public", "Name": "n", "FaceUrl": url}));
    let info = s.fail("create_group", &json!({"Type": "Public", "Name": "n", "FaceUrl": format!("{url}a")}).to_string(), 10004);
    assert_eq!(info, "FaceUrl is 101 bytes; at most 100 bytes (UTF-8)");
    s.fail("modify_group_base_info", &json!({"GroupId": gid, "Name": ""}).to_string(), 10004);
}

#[test]
fn member_caps_follow_the_edition_and_community_needs_premium() {
    // (edition, default cap, ceiling): premium may raise Work/Public/Meeting to 6,000 (quotas.rs).
    for (edition, cap, ceiling) in [("developer", 20, 20), ("standard", 200, 200), ("premium", 2000, 6000)] {
        let s = Server::with(&["--seed", "empty", "--rate-limit", "0", "--edition", edition]);
        let gid = s.group("Public", "g", "o");
        assert_eq!(s.info(&gid)["MaxMemberNum"], cap, "{edition}");
        let info = s.fail("create_group", &json!({"Type": "Public", "Name": "n", "MaxMemberCount": ceiling + 1}).to_string(), 10038);
        assert!(info.contains(&format!("at most {ceiling}")), "{info}");
        s.fail("modify_group_base_info", &json!({"GroupId": gid, "MaxMemberNum": ceiling + 1}).to_string(), 10038);
        create(&s, json!({"Type": "Public", "Name": "n", "MaxMemberCount": ceiling}));
        if edition == "premium" {
            let c = s.group("Community", "@TGS#_c", "o");
            assert_eq!(s.info(&c)["MaxMemberNum"], 100_000);
            let av = s.group("AVChatRoom", "av", "o");
            assert_eq!(s.info(&av)["MaxMemberNum"], 0, "unlimited");
        } else {
            let info = s.fail("create_group", r#"{"Type":"Community","Name":"c"}"#, 10059);
            assert!(info.contains("Ultimate"), "{info}");
            s.fail("import_group", r#"{"Type":"Community","Name":"c","GroupId":"@TGS#_x"}"#, 10059);
        }
    }
    // A group is created full at most: the owner and MemberList count.
    let s = Server::with(&["--seed", "empty", "--rate-limit", "0", "--edition", "developer"]);
    let users: Vec<String> = (0..20).map(|i| format!("u{i}")).collect();
    s.accounts(&users.iter().map(String::as_str).collect::<Vec<_>>());
    s.accounts(&["o"]);
    let list: Vec<Value> = users.iter().map(|u| json!({"Member_Account": u})).collect();
    let info = s.fail("create_group", &json!({"Type": "Public", "Name": "n", "GroupId": "full", "Owner_Account": "o", "MemberList": list}).to_string(), 10014);
    assert!(info.contains("21"), "{info}");
    let v = s.ok("get_group_info", r#"{"GroupIdList":["full"]}"#);
    assert_eq!(v["GroupInfo"][0]["ErrorCode"], 10015, "nothing was created: {v}");
}

#[test]
fn create_checks_members_roles_and_accounts() {
    let s = Server::empty();
    s.accounts(&["o", "a", "b"]);
    let info = s.fail("create_group", r#"{"Type":"Public","Name":"n","Owner_Account":"nobody"}"#, 10019);
    assert!(info.contains("nobody"), "{info}");
    let info = s.fail("create_group", r#"{"Type":"Public","Name":"n","MemberList":[{"Member_Account":"a"},{"Member_Account":"ghost"}]}"#, 10019);
    assert!(info.contains("ghost"), "{info}");
    s.fail("create_group", r#"{"Type":"Private","Name":"n","MemberList":[{"Member_Account":"a","Role":"Admin"}]}"#, 10007);
    s.fail("create_group", r#"{"Type":"AVChatRoom","Name":"n","MemberList":[{"Member_Account":"a"}]}"#, 10007);
    s.fail("create_group", r#"{"Type":"Public","Name":"n","MemberList":[{"Member_Account":"a","Role":"Owner"}]}"#, 10004);
    let list: Vec<Value> = (0..101).map(|i| json!({"Member_Account": format!("x{i}")})).collect();
    s.fail("create_group", &json!({"Type": "Public", "Name": "n", "MemberList": list}).to_string(), 10005);
    let v = create(&s, json!({"Type": "Public", "Name": "n", "GroupId": "g", "Owner_Account": "o",
        "MemberList": [{"Member_Account": "a", "Role": "Admin"}, {"Member_Account": "b"}, {"Member_Account": "o"}]}));
    assert_eq!(v["GroupId"], "g");
    let info = s.ok("get_group_info", r#"{"GroupIdList":["g"],"ResponseFilter":{"GroupBaseInfoFilter":["MemberNum","Owner_Account"],"MemberInfoFilter":["Role"]}}"#);
    assert_eq!(
        info["GroupInfo"][0],
        json!({"GroupId": "g", "ErrorCode": 0, "ErrorInfo": "", "Owner_Account": "o", "MemberNum": 3, "MemberList": [
            {"Member_Account": "o", "Role": "Owner"}, {"Member_Account": "a", "Role": "Admin"}, {"Member_Account": "b", "Role": "Member"}]})
    );
    // An ownerless group.
    create(&s, json!({"Type": "Public", "Name": "n", "GroupId": "none"}));
    assert_eq!((s.info("none")["Owner_Account"].clone(), s.info("none")["MemberNum"].clone()), (json!(""), json!(0)));
    // Options.
    create(&s, json!({"Type": "Public", "Name": "n", "GroupId": "opt", "ApplyJoinOption": "FreeAccess", "InviteJoinOption": "NeedPermission", "MuteAllMember": "On"}));
    let g = s.info("opt");
    assert_eq!((g["ApplyJoinOption"].as_str(), g["InviteJoinOption"].as_str(), g["MuteAllMember"].as_str()), (Some("FreeAccess"), Some("NeedPermission"), Some("On")));
    s.fail("create_group", r#"{"Type":"Public","Name":"n","ApplyJoinOption":"Whatever"}"#, 10004);
    s.fail("create_group", r#"{"Type":"AVChatRoom","Name":"n","InviteJoinOption":"FreeAccess"}"#, 10004);
    s.fail("create_group", r#"{"Type":"Private","Name":"n","MuteAllMember":"On"}"#, 10007);
}

#[test]
fn get_group_info_answers_per_group_with_filters() {
    let s = Server::demo();
    let v = s.ok("get_group_info", r#"{"GroupIdList":["@TGS#public","missing"]}"#);
    let g = &v["GroupInfo"][0];
    let keys: Vec<&str> = g.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["GroupId", "ErrorCode", "ErrorInfo", "Type", "Name", "Appid", "Introduction", "Notification", "FaceUrl",
        "Owner_Account", "CreateTime", "InfoSeq", "LastInfoTime", "LastMsgTime", "NextMsgSeq", "MemberNum", "MaxMemberNum",
        "ApplyJoinOption", "InviteJoinOption", "MuteAllMember"], "no custom fields or members unless asked");
    assert_eq!((g["Name"].as_str(), g["MemberNum"].as_i64(), g["Appid"].as_i64()), (Some("Rust 爱好者 Rustaceans"), Some(500), Some(1_400_000_000)));
    assert_eq!(v["GroupInfo"][1]["ErrorCode"], 10015);
    assert_eq!(v["GroupInfo"][1]["GroupId"], "missing");
    let v = s.ok("get_group_info", r#"{"GroupIdList":["@TGS#work"],"ResponseFilter":{"GroupBaseInfoFilter":["Name","Type"]}}"#);
    assert_eq!(v["GroupInfo"][0], json!({"GroupId": "@TGS#work", "ErrorCode": 0, "ErrorInfo": "", "Type": "Private", "Name": "项目组 Project Team"}));
    let info = s.fail("get_group_info", r#"{"GroupIdList":["@TGS#work"],"ResponseFilter":{"GroupBaseInfoFilter":["Nmae"]}}"#, 10004);
    assert!(info.contains("Nmae"), "{info}");
    s.fail("get_group_info", r#"{"GroupIdList":["@TGS#work"],"ResponseFilter":{"MemberInfoFilter":["Age"]}}"#, 10004);
    let ids: Vec<String> = (0..51).map(|i| format!("g{i}")).collect();
    assert!(s.fail("get_group_info", &json!({"GroupIdList": ids}).to_string(), 10004).contains("at most 50"));
    s.fail("get_group_info", r#"{"GroupIdList":[]}"#, 10004);
    s.fail("get_group_info", r#"{}"#, 10004);
    // Members only with MemberInfoFilter; AVChatRoom has none and counts none.
    let v = s.ok("get_group_info", r#"{"GroupIdList":["@TGS#work","@TGS#live"],"ResponseFilter":{"GroupBaseInfoFilter":["MemberNum"],"MemberInfoFilter":["Role","NameCard"]}}"#);
    assert_eq!(v["GroupInfo"][0]["MemberList"].as_array().unwrap().len(), 12);
    assert_eq!(v["GroupInfo"][0]["MemberList"][0], json!({"Member_Account": "user00001", "Role": "Owner", "NameCard": ""}));
    assert_eq!(v["GroupInfo"][1]["MemberList"], json!([]));
    assert_eq!(v["GroupInfo"][1]["MemberNum"], 0);
    // The 20,000-member Community's full member list would be over 1 MB.
    let info = s.fail("get_group_info", r#"{"GroupIdList":["@TGS#_community"],"ResponseFilter":{"MemberInfoFilter":["Role","JoinTime","NameCard","MuteUntil","MsgFlag"]}}"#, 10018);
    assert!(info.contains("1 MB"), "{info}");
}

#[test]
fn modify_grows_info_seq_and_keeps_rules() {
    let s = Server::empty();
    let gid = s.group("Public", "g", "o");
    let before = s.info(&gid);
    assert_eq!(before["InfoSeq"], 1);
    s.ok("modify_group_base_info", r#"{"GroupId":"g"}"#);
    assert_eq!(s.info(&gid)["InfoSeq"], 1, "nothing changed");
    s.ok("modify_group_base_info", r#"{"GroupId":"g","Name":"新名字","Introduction":"intro","Notification":"公告","FaceUrl":"http://f","ApplyJoinOption":"DisableApply","InviteJoinOption":"DisableInvite","MuteAllMember":"On","MaxMemberNum":500}"#);
    let g = s.info(&gid);
    assert_eq!(g["InfoSeq"], 2);
    assert!(g["LastInfoTime"].as_i64().unwrap() >= now() as i64 - 5);
    assert_eq!(
        (g["Name"].as_str(), g["Introduction"].as_str(), g["Notification"].as_str(), g["FaceUrl"].as_str()),
        (Some("新名字"), Some("intro"), Some("公告"), Some("http://f"))
    );
    assert_eq!((g["ApplyJoinOption"].as_str(), g["InviteJoinOption"].as_str(), g["MuteAllMember"].as_str(), g["MaxMemberNum"].as_i64()),
        (Some("DisableApply"), Some("DisableInvite"), Some("On"), Some(500)));
    s.ok("modify_group_base_info", r#"{"GroupId":"g","MuteAllMember":"Off"}"#);
    assert_eq!((s.info(&gid)["MuteAllMember"].as_str(), s.info(&gid)["InfoSeq"].as_i64()), (Some("Off"), Some(3)));
    s.add(&gid, &["a", "b"]);
    let info = s.fail("modify_group_base_info", r#"{"GroupId":"g","MaxMemberNum":2}"#, 10004);
    assert!(info.contains("MemberNum 3"), "{info}");
    s.fail("modify_group_base_info", r#"{"GroupId":"g","MaxMemberNum":0}"#, 10004);
    s.fail("modify_group_base_info", r#"{"GroupId":"g","MuteAllMember":"Maybe"}"#, 10004);
    s.fail("modify_group_base_info", r#"{"GroupId":"nope","Name":"x"}"#, 10015);
    s.fail("modify_group_base_info", r#"{"Name":"x"}"#, 10004);
    let work = s.group("Private", "w", "o");
    s.fail("modify_group_base_info", &json!({"GroupId": work, "MuteAllMember": "On"}).to_string(), 10007);
    let av = s.group("AVChatRoom", "av", "o");
    s.fail("modify_group_base_info", &json!({"GroupId": av, "InviteJoinOption": "FreeAccess"}).to_string(), 10004);
}

#[test]
fn the_app_group_list_pages_with_a_uint64_next() {
    let s = Server::empty();
    for i in 0..5 {
        s.group("Public", &format!("p{i}"), "o");
    }
    s.group("Private", "w0", "o");
    s.group("Private", "w1", "o");
    let mut seen = Vec::new();
    let mut next = 0u64;
    loop {
        let v = s.ok("get_appid_group_list", &json!({"Limit": 2, "Next": next}).to_string());
        assert_eq!(v["TotalCount"], 7);
        seen.extend(v["GroupIdList"].as_array().unwrap().iter().map(|g| g["GroupId"].as_str().unwrap().to_owned()));
        next = v["Next"].as_u64().expect("Next is a uint64");
        if next == 0 {
            break;
        }
    }
    assert_eq!(seen, ["p0", "p1", "p2", "p3", "p4", "w0", "w1"]);
    let v = s.ok("get_appid_group_list", r#"{"GroupType":"Private"}"#);
    assert_eq!((v["TotalCount"].as_i64(), v["GroupIdList"].clone(), v["Next"].as_u64()), (Some(2), json!([{"GroupId": "w0"}, {"GroupId": "w1"}]), Some(0)));
    let v = s.ok("get_appid_group_list", r#"{"GroupType":"Public","Limit":3}"#);
    assert_eq!((v["TotalCount"].as_i64(), v["GroupIdList"].as_array().unwrap().len()), (Some(5), 3));
    assert_ne!(v["Next"], 0);
    assert_eq!(s.ok("get_appid_group_list", r#"{"GroupType":"BChatRoom"}"#)["TotalCount"], 0);
    s.fail("get_appid_group_list", r#"{"GroupType":"Club"}"#, 10004);
    assert!(s.fail("get_appid_group_list", r#"{"Limit":10001}"#, 10004).contains("at most 10000"));
    s.ok("get_appid_group_list", r#"{"Limit":10000}"#);
}

#[test]
fn owners_change_among_members_and_destroyed_groups_are_gone() {
    let s = Server::empty();
    let gid = s.group("Public", "g", "o");
    s.add(&gid, &["a"]);
    s.accounts(&["stranger"]);
    assert!(s.fail("change_group_owner", r#"{"GroupId":"g","NewOwner_Account":"stranger"}"#, 10004).contains("not a member"));
    s.fail("change_group_owner", r#"{"GroupId":"g","NewOwner_Account":"ghost"}"#, 10019);
    s.fail("change_group_owner", r#"{"GroupId":"g"}"#, 10004);
    s.ok("change_group_owner", r#"{"GroupId":"g","NewOwner_Account":"a"}"#);
    let v = s.ok("get_role_in_group", r#"{"GroupId":"g","User_Account":["o","a"]}"#);
    assert_eq!(v["UserIdList"], json!([{"Member_Account": "o", "Role": "Member"}, {"Member_Account": "a", "Role": "Owner"}]));
    assert_eq!((s.info(&gid)["Owner_Account"].as_str(), s.info(&gid)["InfoSeq"].as_i64()), (Some("a"), Some(2)));
    s.ok("change_group_owner", r#"{"GroupId":"g","NewOwner_Account":"a"}"#);
    // AVChatRoom: no member list, any imported account may own it.
    let av = s.group("AVChatRoom", "av", "o");
    s.ok("change_group_owner", &json!({"GroupId": av, "NewOwner_Account": "stranger"}).to_string());
    assert_eq!(s.info(&av)["Owner_Account"], "stranger");
    // Destroy: 10010 afterwards (10015 for ids that never were), and the id is free again.
    s.ok("destroy_group", r#"{"GroupId":"g"}"#);
    s.fail("get_group_member_info", r#"{"GroupId":"g"}"#, 10010);
    s.fail("destroy_group", r#"{"GroupId":"never"}"#, 10015);
    let v = s.ok("get_group_info", r#"{"GroupIdList":["g","never"]}"#);
    assert_eq!((v["GroupInfo"][0]["ErrorCode"].as_i64(), v["GroupInfo"][1]["ErrorCode"].as_i64()), (Some(10010), Some(10015)));
    assert_eq!(s.ok("get_joined_group_list", r#"{"Member_Account":"a"}"#)["TotalCount"], 0);
    s.group("Public", "g", "o");
    assert_eq!(s.info("g")["MemberNum"], 1);
}

#[test]
fn import_group_keeps_create_time() {
    let s = Server::empty();
    s.accounts(&["o"]);
    let v = s.ok("import_group", r#"{"Type":"Public","GroupId":"old","Name":"旧群","Owner_Account":"o","CreateTime":1448357837,"MaxMemberCount":500,"ApplyJoinOption":"FreeAccess"}"#);
    assert_eq!(v, json!({"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "", "GroupId": "old"}));
    let g = s.info("old");
    assert_eq!((g["CreateTime"].as_i64(), g["MaxMemberNum"].as_i64(), g["MemberNum"].as_i64()), (Some(1448357837), Some(500), Some(1)));
    let v = s.ok("import_group", r#"{"Type":"Community","GroupId":"@TGS#_old","Name":"c","SupportTopic":1}"#);
    assert_eq!(v.as_object().unwrap().len(), 4, "no Type/HugeGroupFlag on import: {v}");
    s.fail("import_group", r#"{"Type":"AVChatRoom","Name":"n"}"#, 10007);
    s.fail("import_group", &json!({"Type": "Public", "Name": "n", "CreateTime": now() + 3600}).to_string(), 10004);
    s.fail("import_group", r#"{"Type":"Public","GroupId":"old","Name":"n"}"#, 10021);
}
