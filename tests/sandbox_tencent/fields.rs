//! Custom fields: the registry endpoints (shapes, defaults, immutability, limits) and values on
//! groups and members (configured keys only, byte limits, filters, empty Value deletes).

use serde_json::{Value, json};

use crate::common::Server;

fn registry(s: &Server, body: Value) {
    s.ok("_sandbox/add_custom_fields", &body.to_string());
}

#[test]
fn the_registry_takes_new_keys_and_never_changes_configured_ones() {
    let s = Server::empty();
    let (_, text) = s.raw("/v4/_sandbox/get_custom_fields", &s.query(), "{}");
    assert_eq!(text, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","GroupFields":[],"MemberFields":[]}"#);
    registry(&s, json!({
        "GroupFields": [{"Key": "level", "Label": "等级", "ValueType": "Integer", "ReadLevel": "Anyone", "WriteLevel": "Admin"}, {"Key": "note"}],
        "MemberFields": [{"Key": "title", "Label": "头衔", "GroupTypes": ["Public", "Community"]}, {"Key": "points"}]
    }));
    let (_, text) = s.raw("/v4/_sandbox/get_custom_fields", &s.query(), "{}");
    assert_eq!(text, concat!(
        r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","GroupFields":["#,
        r#"{"Key":"level","Label":"等级","ValueType":"Integer","ReadLevel":"Anyone","WriteLevel":"Admin"},"#,
        r#"{"Key":"note","Label":"note","ValueType":"String","ReadLevel":"Anyone","WriteLevel":"Admin"}],"MemberFields":["#,
        r#"{"Key":"title","Label":"头衔","ValueType":"String","ReadLevel":"Anyone","WriteLevel":"Admin","GroupTypes":["Public","Community"]},"#,
        r#"{"Key":"points","Label":"points","ValueType":"String","ReadLevel":"Anyone","WriteLevel":"Admin","GroupTypes":["Private","Public","ChatRoom","Community"]}]}"#
    ));
    // The identical definition again is a no-op (also with defaults spelled out).
    registry(&s, json!({"GroupFields": [{"Key": "note", "Label": "note", "ValueType": "String", "ReadLevel": "Anyone", "WriteLevel": "Admin"}]}));
    registry(&s, json!({"MemberFields": [{"Key": "title", "Label": "头衔", "GroupTypes": ["Community", "Public"]}]}));
    // Any other definition of a configured key is refused.
    for body in [
        json!({"GroupFields": [{"Key": "level", "Label": "级别", "ValueType": "Integer", "ReadLevel": "Anyone", "WriteLevel": "Admin"}]}),
        json!({"GroupFields": [{"Key": "note", "WriteLevel": "Owner"}]}),
        json!({"MemberFields": [{"Key": "title", "Label": "头衔", "GroupTypes": ["Public"]}]}),
    ] {
        let info = s.fail("_sandbox/add_custom_fields", &body.to_string(), 10004);
        assert!(info.contains("configured custom field keys cannot be changed or deleted"), "{info}");
    }
    // Bad definitions.
    for (body, needle) in [
        (json!({"GroupFields": [{"Key": "bad-key"}]}), "letters, digits and _"),
        (json!({"GroupFields": [{"Key": "abcdefghijklmnop"}]}), "1 to 15 bytes"),
        (json!({"GroupFields": [{"Key": "x", "ValueType": "Float"}]}), "ValueType"),
        (json!({"GroupFields": [{"Key": "x", "ReadLevel": "God"}]}), "ReadLevel"),
        (json!({"GroupFields": [{"Key": "x", "GroupTypes": ["Public"]}]}), "GroupTypes"),
        (json!({"MemberFields": [{"Key": "x", "GroupTypes": ["AVChatRoom"]}]}), "AVChatRoom"),
        (json!({"MemberFields": [{"Key": "x", "GroupTypes": ["Club"]}]}), "Club"),
        (json!({"GroupFields": [{"Label": "x"}]}), "Key is required"),
    ] {
        let info = s.fail("_sandbox/add_custom_fields", &body.to_string(), 10004);
        assert!(info.contains(needle), "{body}: {info}");
    }
    // At most 10 group keys and 5 member keys; a refused call adds nothing.
    let eight: Vec<Value> = (0..8).map(|i| json!({"Key": format!("g{i}")})).collect();
    registry(&s, json!({"GroupFields": eight}));
    let info = s.fail("_sandbox/add_custom_fields", r#"{"MemberFields":[{"Key":"m1"}],"GroupFields":[{"Key":"g8"}]}"#, 10004);
    assert!(info.contains("at most 10 group custom field keys"), "{info}");
    let three: Vec<Value> = (0..3).map(|i| json!({"Key": format!("m{i}")})).collect();
    registry(&s, json!({"MemberFields": three}));
    let info = s.fail("_sandbox/add_custom_fields", r#"{"MemberFields":[{"Key":"m3"}]}"#, 10004);
    assert!(info.contains("at most 5 member custom field keys"), "{info}");
    let v = s.ok("_sandbox/get_custom_fields", "{}");
    assert_eq!((v["GroupFields"].as_array().unwrap().len(), v["MemberFields"].as_array().unwrap().len()), (10, 5));
}

#[test]
fn values_use_configured_keys_within_byte_limits() {
    let s = Server::empty();
    registry(&s, json!({"GroupFields": [{"Key": "level"}, {"Key": "region"}], "MemberFields": [{"Key": "title", "GroupTypes": ["Public"]}, {"Key": "points"}]}));
    s.accounts(&["o", "a"]);
    s.ok("create_group", r#"{"Type":"Public","GroupId":"g","Name":"n","Owner_Account":"o","AppDefinedData":[{"Key":"level","Value":"5"}],"MemberList":[{"Member_Account":"a","AppMemberDefinedData":[{"Key":"title","Value":"版主"}]}]}"#);
    let info = s.fail("create_group", r#"{"Type":"Public","Name":"n","AppDefinedData":[{"Key":"color","Value":"red"}]}"#, 10004);
    assert!(info.contains("\"color\"") && info.contains("AppDefinedData[0].Key"), "{info}");
    // Custom values only when their keys are asked for.
    assert!(s.info("g").get("AppDefinedData").is_none());
    let v = s.ok("get_group_info", r#"{"GroupIdList":["g"],"ResponseFilter":{"GroupBaseInfoFilter":["Name"],"AppDefinedDataFilter_Group":["region","level"]}}"#);
    assert_eq!(v["GroupInfo"][0]["AppDefinedData"], json!([{"Key": "level", "Value": "5"}]));
    assert!(s.fail("get_group_info", r#"{"GroupIdList":["g"],"ResponseFilter":{"AppDefinedDataFilter_Group":["color"]}}"#, 10004).contains("color"));
    // Group values: 512 bytes; an empty Value deletes; a change grows InfoSeq.
    let seq = s.info("g")["InfoSeq"].as_i64().unwrap();
    s.ok("modify_group_base_info", &json!({"GroupId": "g", "AppDefinedData": [{"Key": "region", "Value": "群".repeat(170)}, {"Key": "level", "Value": ""}]}).to_string());
    assert_eq!(s.info("g")["InfoSeq"].as_i64().unwrap(), seq + 1);
    let v = s.ok("get_group_info", r#"{"GroupIdList":["g"],"ResponseFilter":{"AppDefinedDataFilter_Group":["level","region"]}}"#);
    assert_eq!(v["GroupInfo"][0]["AppDefinedData"], json!([{"Key": "region", "Value": "群".repeat(170)}]));
    let info = s.fail("modify_group_base_info", &json!({"GroupId": "g", "AppDefinedData": [{"Key": "region", "Value": "群".repeat(171)}]}).to_string(), 10004);
    assert_eq!(info, "AppDefinedData[0].Value is 513 bytes; at most 512 bytes (UTF-8)");
    // Member values: 64 bytes; type-limited keys; filters.
    s.ok("modify_group_member_info", &json!({"GroupId": "g", "Member_Account": "a", "AppMemberDefinedData": [{"Key": "points", "Value": "x".repeat(64)}]}).to_string());
    let info = s.fail("modify_group_member_info", &json!({"GroupId": "g", "Member_Account": "a", "AppMemberDefinedData": [{"Key": "points", "Value": "x".repeat(65)}]}).to_string(), 10004);
    assert_eq!(info, "AppMemberDefinedData[0].Value is 65 bytes; at most 64 bytes (UTF-8)");
    s.fail("modify_group_member_info", r#"{"GroupId":"g","Member_Account":"a","AppMemberDefinedData":[{"Key":"nick","Value":"x"}]}"#, 10004);
    let m = s.ok("get_group_member_info", r#"{"GroupId":"g","MemberInfoFilter":["Role"],"AppDefinedDataFilter_GroupMember":["title","points"]}"#);
    assert_eq!(m["MemberList"][0], json!({"Member_Account": "o", "Role": "Owner", "AppMemberDefinedData": []}));
    assert_eq!(m["MemberList"][1]["AppMemberDefinedData"], json!([{"Key": "title", "Value": "版主"}, {"Key": "points", "Value": "x".repeat(64)}]));
    let m = s.ok("get_group_member_info", r#"{"GroupId":"g","MemberInfoFilter":["Role"]}"#);
    assert!(m["MemberList"][1].get("AppMemberDefinedData").is_none(), "only when asked");
    s.ok("modify_group_member_info", r#"{"GroupId":"g","Member_Account":"a","AppMemberDefinedData":[{"Key":"title","Value":""}]}"#);
    let v = s.ok("get_group_info", r#"{"GroupIdList":["g"],"ResponseFilter":{"MemberInfoFilter":["Role"],"AppDefinedDataFilter_GroupMember":["title"]}}"#);
    assert_eq!(v["GroupInfo"][0]["MemberList"][1]["AppMemberDefinedData"], json!([]));
    s.fail("get_group_member_info", r#"{"GroupId":"g","AppDefinedDataFilter_GroupMember":["nick"]}"#, 10004);
    // `title` is not enabled for Meeting groups.
    s.group("ChatRoom", "m", "o");
    s.add("m", &["a"]);
    let info = s.fail("modify_group_member_info", r#"{"GroupId":"m","Member_Account":"a","AppMemberDefinedData":[{"Key":"title","Value":"x"}]}"#, 10004);
    assert!(info.contains("not enabled for ChatRoom"), "{info}");
    s.ok("modify_group_member_info", r#"{"GroupId":"m","Member_Account":"a","AppMemberDefinedData":[{"Key":"points","Value":"1"}]}"#);
    // Leaving drops a member's values.
    s.ok("delete_group_member", r#"{"GroupId":"g","MemberToDel_Account":["a"]}"#);
    s.add("g", &["a"]);
    let m = s.ok("get_group_member_info", r#"{"GroupId":"g","Offset":1,"MemberInfoFilter":["Role"],"AppDefinedDataFilter_GroupMember":["points"]}"#);
    assert_eq!(m["MemberList"][0]["AppMemberDefinedData"], json!([]));
}

#[test]
fn the_demo_registry_and_values() {
    let s = Server::demo();
    let v = s.ok("_sandbox/get_custom_fields", "{}");
    assert_eq!(v["GroupFields"][0], json!({"Key": "level", "Label": "等级", "ValueType": "Integer", "ReadLevel": "Anyone", "WriteLevel": "Admin"}));
    assert_eq!(v["MemberFields"][0]["GroupTypes"], json!(["Public", "Community"]));
    let v = s.ok("get_group_info", r#"{"GroupIdList":["@TGS#_community"],"ResponseFilter":{"GroupBaseInfoFilter":["Name"],"AppDefinedDataFilter_Group":["level","region","verified"]}}"#);
    assert_eq!(v["GroupInfo"][0]["AppDefinedData"], json!([{"Key": "level", "Value": "5"}, {"Key": "region", "Value": "华南"}, {"Key": "verified", "Value": "true"}]));
}
