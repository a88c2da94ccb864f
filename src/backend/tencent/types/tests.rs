//! The reference's samples and the sandbox's answers parse into these types.

use super::*;

#[test]
fn the_references_samples_parse() {
    let info: serde_json::Value = serde_json::from_str(r#"{"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "",
 "GroupInfo": [{
   "GroupId": "@TGS#2J4SZEAEL", "ErrorCode": 0, "ErrorInfo": "",
   "Type": "Public", "Name": "MyFirstGroup", "Appid": 1400001001,
   "Introduction": "...", "Notification": "...", "FaceUrl": "...",
   "Owner_Account": "leckie", "CreateTime": 1426976500,
   "LastInfoTime": 1426976500, "LastMsgTime": 1426976600, "NextMsgSeq": 1234,
   "MemberNum": 2, "MaxMemberNum": 50, "ApplyJoinOption": "FreeAccess",
   "MuteAllMember": "On",
   "AppDefinedData": [{"Key": "GroupTestData1", "Value": "xxxx"}],
   "MemberList": [{"Member_Account": "leckie", "Role": "Owner", "JoinTime": 1425976500,
 "MsgSeq": 1233, "MsgFlag": "AcceptAndNotify", "LastSendMsgTime": 1425976500,
 "MuteUntil": 1431069882,
 "AppMemberDefinedData": [{"Key": "MemberDefined1", "Value": "ModifyDefined1"}]}]
 }, {"GroupId": "@TGS#gone", "ErrorCode": 10010, "ErrorInfo": "group gone", "Type": "BChatRoom"}]}"#).unwrap();
    let groups: Vec<GroupInfo> = serde_json::from_value(info["GroupInfo"].clone()).unwrap();
    let g = &groups[0];
    assert_eq!((g.group_type, g.owner.as_str(), g.member_num, g.mute_all_member), (Some(GroupType::Public), "leckie", 2, Some(OnOff::On)));
    assert_eq!(g.custom, [KeyValue::new("GroupTestData1", "xxxx")]);
    assert_eq!((g.members[0].role, g.members[0].mute_until), (Some(Role::Owner), 1431069882));
    assert_eq!((groups[1].error_code, groups[1].group_type), (10010, None), "per-group code; unknown type tolerated");

    let old: MemberPage = serde_json::from_str(r#"{"ActionStatus": "OK", "ErrorCode": 0, "MemberNum": 2,
        "MemberList": [{"Member_Account": "bob", "Role": "Owner", "ShutUpUntil": 1431069882, "NameCard": "", "OnlineStatus": "Online"}]}"#).unwrap();
    assert_eq!((old.members[0].mute_until, old.next.as_str()), (1431069882, ""));
    let community: MemberPage = serde_json::from_str(r#"{"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "", "Next": "144115265295492787", "MemberNum": 2, "MemberList": []}"#).unwrap();
    assert_eq!(community.next, "144115265295492787");

    let list: GroupIdPage = serde_json::from_str(r#"{"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "", "TotalCount": 2,
 "GroupIdList": [{"GroupId": "@TGS#2J4SZEAEL"}, {"GroupId": "@TGS#2C5SZEAEF"}], "Next": 4454685361}"#).unwrap();
    assert_eq!((list.total_count, list.groups.len(), list.next), (2, 2, 4454685361));

    let added: MemberResults = serde_json::from_str(r#"{"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "",
 "MemberList": [{"Member_Account": "tommy", "Result": 1}, {"Member_Account": "jared", "Result": 2}]}"#).unwrap();
    assert_eq!(added.members[1], MemberResult { account: "jared".into(), result: 2 });

    let muted: MutedList = serde_json::from_str(r#"{"ActionStatus": "OK", "ErrorCode": 0, "GroupId": "@TGS#2FZNNRAEU",
 "MutedAccountList": [{"Member_Account": "tommy", "MutedUntil": 1458115189}]}"#).unwrap();
    assert_eq!(muted.muted[0].muted_until, 1458115189);
    let shutted: MutedList = serde_json::from_str(r#"{"ShuttedUinList": [{"Member_Account": "p", "ShuttedUntil": 5}]}"#).unwrap();
    assert_eq!(shutted.muted[0].muted_until, 5);

    let joined: JoinedPage = serde_json::from_str(r#"{"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "", "TotalCount": 2,
 "GroupIdList": [{"GroupId": "@TGS#16UMONKGG", "Type": "Private", "Name": "d",
   "SelfInfo": {"JoinTime": 1588148506, "Role": "Member", "MsgFlag": "AcceptAndNotify", "MsgSeq": 1}}]}"#).unwrap();
    assert_eq!((joined.groups[0].group_type, joined.groups[0].self_info.role), (Some(GroupType::Private), Some(Role::Member)));

    let fields: CustomFields = serde_json::from_str(r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","GroupFields":[{"Key":"level","Label":"等级","ValueType":"Integer","ReadLevel":"Anyone","WriteLevel":"Admin"}],"MemberFields":[{"Key":"rank","Label":"","ValueType":"String","ReadLevel":"Member","WriteLevel":"Owner","GroupTypes":["Public","Community"]}]}"#).unwrap();
    assert_eq!((fields.group_fields[0].value_type, fields.member_fields[0].group_types.len()), (ValueType::Integer, 2));
}

#[test]
fn bodies_are_spelled_as_documented() {
    let mut g = NewGroup::new(GroupType::Community, "c");
    g.group_id = Some("@TGS#_x".into());
    g.support_topic = true;
    g.max_member_count = Some(500);
    let v = serde_json::to_value(&g).unwrap();
    assert_eq!(v, serde_json::json!({"Type": "Community", "GroupId": "@TGS#_x", "Name": "c", "MaxMemberCount": 500, "SupportTopic": 1}));
    let c = GroupChange { max_member_num: Some(9), mute_all_member: Some(OnOff::Off), custom: vec![KeyValue::new("k", "")], ..Default::default() };
    assert_eq!(serde_json::to_value(&c).unwrap(), serde_json::json!({"MaxMemberNum": 9, "MuteAllMember": "Off", "AppDefinedData": [{"Key": "k", "Value": ""}]}));
    let m = MemberChange { role: Some(Role::Admin), mute_time: Some(60), ..Default::default() };
    assert_eq!(serde_json::to_value(&m).unwrap(), serde_json::json!({"Role": "Admin", "MuteTime": 60}));
}

#[test]
fn the_sandboxs_per_item_answers_parse() {
    let r: ItemResults = serde_json::from_str(r#"{"ActionStatus":"OK","DestroyResultItem":[{"PermissionGroupId":"@PMG#_a","ErrorCode":0,"ErrorInfo":""},{"PermissionGroupId":"@PMG#_b","ErrorCode":10010,"ErrorInfo":"gone"}]}"#).unwrap();
    assert_eq!((r.items[1].id.as_str(), r.items[1].error_code, r.items[1].error_info.as_str()), ("@PMG#_b", 10010, "gone"));
    let r: ItemResults = serde_json::from_str(r#"{"TopicResultItem":[{"TopicId":"g@TOPIC#_t","ErrorCode":10021,"ErrorInfo":""}]}"#).unwrap();
    assert_eq!((r.items[0].id.as_str(), r.items[0].error_code), ("g@TOPIC#_t", 10021));
    let p: TopicPermissions = serde_json::from_str(r#"{"TopicPermissionList":[{"TopicId":"a","ErrorCode":0,"ErrorInfo":"","Permission":16},{"TopicId":"b","ErrorCode":10010,"ErrorInfo":"none"}]}"#).unwrap();
    assert_eq!((p.topics[0].permission, p.topics[1].permission, p.topics[1].error_code), (Some(16), None, 10010));
    let m: PermissionMemberPage = serde_json::from_str(r#"{"MemberList":[{"Member_Account":"u1"}],"Next":""}"#).unwrap();
    assert_eq!((m.members[0].account.as_str(), m.next.as_str()), ("u1", ""));
    let b: BanPage = serde_json::from_str(r#"{"BannedAccountList":[{"Member_Account":"x","BannedUntil":4294967295}],"NextOffset":0}"#).unwrap();
    assert_eq!((b.banned[0].banned_until, b.next_offset), (4_294_967_295, 0));
}
