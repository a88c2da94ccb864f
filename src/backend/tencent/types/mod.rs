//! Bodies and answers of every command the client sends, in one place (reference §4). Answers
//! tolerate unknown fields and unknown enum values (read as `None`), `ShutUpUntil` is read as
//! `MuteUntil`, the group list's `Next` is a `u64` and the member cursor a `String`.
//!
//! The shapes the reference leaves [I] (bans' answers, accounts, app-wide mute, the sandbox's
//! custom-field registry) are in [`admin`]; Community permission groups and topics in
//! [`community`]; both as the sandbox serves them.

use serde::de::{DeserializeOwned, Deserializer};
use serde::{Deserialize, Serialize};

pub use crate::protocol::tencent::wire::{ApplyJoinOption, GroupType, InviteJoinOption, Level, MsgFlag, OnOff, Role};

/// An enum value the client does not know becomes `None` instead of failing the whole answer.
fn lenient<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(v).ok())
}

/// A cursor sent as a string, tolerated as a number.
fn cursor<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => s,
        serde_json::Value::Number(n) => n.to_string(),
        _ => String::new(),
    })
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn one(b: &bool) -> Option<u8> {
    b.then_some(1)
}

/// A custom field (`AppDefinedData`, `AppMemberDefinedData`); an empty value deletes it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyValue {
    #[serde(rename = "Key")]
    pub key: String,
    #[serde(rename = "Value", default)]
    pub value: String,
}

impl KeyValue {
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Self { key: key.into(), value: value.into() }
    }
}

/// A member given at creation (only `Admin` may be given as role).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct InitialMember {
    #[serde(rename = "Member_Account")]
    pub account: String,
    #[serde(rename = "Role", skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[serde(rename = "AppMemberDefinedData", skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<KeyValue>,
}

/// `create_group` (and, with `create_time`, `import_group`). Note `MaxMemberCount` here but
/// `MaxMemberNum` in info and modify.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct NewGroup {
    #[serde(rename = "Owner_Account", skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(rename = "Type")]
    pub group_type: GroupType,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub introduction: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notification: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub face_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_member_count: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_join_option: Option<ApplyJoinOption>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invite_join_option: Option<InviteJoinOption>,
    #[serde(rename = "AppDefinedData", skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<KeyValue>,
    #[serde(rename = "MemberList", skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<InitialMember>,
    /// Community: topics on.
    #[serde(serialize_with = "ser_flag", skip_serializing_if = "is_false")]
    pub support_topic: bool,
    /// Community: permission groups on, with the default permission bits.
    #[serde(serialize_with = "ser_flag", skip_serializing_if = "is_false")]
    pub enable_permission: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_permission: Option<u64>,
    /// `import_group` only: the original creation time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create_time: Option<i64>,
}

fn ser_flag<S: serde::Serializer>(b: &bool, s: S) -> Result<S::Ok, S::Error> {
    one(b).unwrap_or(0).serialize(s)
}

impl NewGroup {
    pub fn new(group_type: GroupType, name: impl Into<String>) -> Self {
        Self {
            owner: None,
            group_type,
            group_id: None,
            name: name.into(),
            introduction: None,
            notification: None,
            face_url: None,
            max_member_count: None,
            apply_join_option: None,
            invite_join_option: None,
            custom: Vec::new(),
            members: Vec::new(),
            support_topic: false,
            enable_permission: false,
            default_permission: None,
            create_time: None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Created {
    #[serde(default)]
    pub group_id: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct GroupIdItem {
    #[serde(rename = "GroupId")]
    pub group_id: String,
}

/// A page of `get_appid_group_list`: `next == 0` means done.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupIdPage {
    #[serde(default)]
    pub total_count: u64,
    #[serde(default, rename = "GroupIdList")]
    pub groups: Vec<GroupIdItem>,
    #[serde(default)]
    pub next: u64,
}

/// `ResponseFilter` of `get_group_info`; custom fields come back only when their keys are asked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ResponseFilter {
    #[serde(rename = "GroupBaseInfoFilter", skip_serializing_if = "Option::is_none")]
    pub base: Option<Vec<String>>,
    #[serde(rename = "MemberInfoFilter", skip_serializing_if = "Option::is_none")]
    pub member: Option<Vec<String>>,
    #[serde(rename = "AppDefinedDataFilter_Group", skip_serializing_if = "Vec::is_empty")]
    pub group_keys: Vec<String>,
    #[serde(rename = "AppDefinedDataFilter_GroupMember", skip_serializing_if = "Vec::is_empty")]
    pub member_keys: Vec<String>,
}

/// One member in `get_group_info` and `get_group_member_info`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct MemberInfo {
    #[serde(rename = "Member_Account")]
    pub account: String,
    #[serde(rename = "Role", default, deserialize_with = "lenient")]
    pub role: Option<Role>,
    #[serde(rename = "JoinTime", default)]
    pub join_time: i64,
    #[serde(rename = "MsgSeq", default)]
    pub msg_seq: u64,
    #[serde(rename = "MsgFlag", default, deserialize_with = "lenient")]
    pub msg_flag: Option<MsgFlag>,
    #[serde(rename = "LastSendMsgTime", default)]
    pub last_send_msg_time: i64,
    /// 0: not muted; else the unix time the mute ends.
    #[serde(rename = "MuteUntil", alias = "ShutUpUntil", default)]
    pub mute_until: u64,
    #[serde(rename = "NameCard", default)]
    pub name_card: String,
    #[serde(rename = "AppMemberDefinedData", default)]
    pub custom: Vec<KeyValue>,
}

/// One group of `get_group_info`, with its own `ErrorCode`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupInfo {
    pub group_id: String,
    #[serde(default)]
    pub error_code: i64,
    #[serde(default)]
    pub error_info: String,
    #[serde(rename = "Type", default, deserialize_with = "lenient")]
    pub group_type: Option<GroupType>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub introduction: String,
    #[serde(default)]
    pub notification: String,
    #[serde(default)]
    pub face_url: String,
    #[serde(rename = "Owner_Account", default)]
    pub owner: String,
    #[serde(default)]
    pub create_time: i64,
    #[serde(default)]
    pub info_seq: u64,
    #[serde(default)]
    pub last_info_time: i64,
    #[serde(default)]
    pub last_msg_time: i64,
    #[serde(default)]
    pub next_msg_seq: u64,
    #[serde(default)]
    pub member_num: u64,
    #[serde(default)]
    pub max_member_num: u64,
    #[serde(default, deserialize_with = "lenient")]
    pub apply_join_option: Option<ApplyJoinOption>,
    #[serde(default, deserialize_with = "lenient")]
    pub invite_join_option: Option<InviteJoinOption>,
    #[serde(default, deserialize_with = "lenient")]
    pub mute_all_member: Option<OnOff>,
    #[serde(rename = "AppDefinedData", default)]
    pub custom: Vec<KeyValue>,
    #[serde(rename = "MemberList", default)]
    pub members: Vec<MemberInfo>,
    #[serde(default)]
    pub enable_permission: Option<u8>,
    #[serde(default)]
    pub default_permission: Option<u64>,
}

/// `modify_group_base_info`: only what is `Some` (or listed) is sent; an empty custom value
/// deletes the field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupChange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub introduction: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notification: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub face_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_member_num: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_join_option: Option<ApplyJoinOption>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invite_join_option: Option<InviteJoinOption>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mute_all_member: Option<OnOff>,
    #[serde(rename = "AppDefinedData", skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<KeyValue>,
}

/// A page of `get_group_member_info`; `next` only for Community (empty: the last page [I]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MemberPage {
    #[serde(default)]
    pub member_num: u64,
    #[serde(rename = "MemberList", default)]
    pub members: Vec<MemberInfo>,
    #[serde(default, deserialize_with = "cursor")]
    pub next: String,
}

/// `add_group_member` / `import_group_member` per-member `Result`: 0 failed, 1 ok, 2 already a
/// member, 3 awaiting the invitee's approval.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct MemberResult {
    #[serde(rename = "Member_Account")]
    pub account: String,
    #[serde(rename = "Result", default)]
    pub result: u8,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct MemberResults {
    #[serde(rename = "MemberList", default)]
    pub members: Vec<MemberResult>,
}

/// `modify_group_member_info` (one member per call).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct MemberChange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub msg_flag: Option<MsgFlag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_card: Option<String>,
    #[serde(rename = "AppMemberDefinedData", skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<KeyValue>,
    /// Seconds; 0 unmutes, [`crate::protocol::tencent::limits::MUTE_PERMANENT`] is permanent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mute_time: Option<u64>,
}

/// One muted member: note `MutedUntil` (member profiles say `MuteUntil`); the old command's
/// `ShuttedUntil` is read too.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Muted {
    #[serde(rename = "Member_Account")]
    pub account: String,
    #[serde(rename = "MutedUntil", alias = "ShuttedUntil", alias = "ShutUpUntil", default)]
    pub muted_until: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct MutedList {
    #[serde(rename = "MutedAccountList", alias = "ShuttedUinList", default)]
    pub muted: Vec<Muted>,
}

/// A group of `get_joined_group_list` with the user's own part.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct JoinedGroup {
    pub group_id: String,
    #[serde(rename = "Type", default, deserialize_with = "lenient")]
    pub group_type: Option<GroupType>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub create_time: i64,
    #[serde(rename = "Owner_Account", default)]
    pub owner: String,
    #[serde(default)]
    pub self_info: SelfInfo,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SelfInfo {
    #[serde(default)]
    pub join_time: i64,
    #[serde(default, deserialize_with = "lenient")]
    pub role: Option<Role>,
    #[serde(default, deserialize_with = "lenient")]
    pub msg_flag: Option<MsgFlag>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct JoinedPage {
    #[serde(default)]
    pub total_count: u64,
    #[serde(rename = "GroupIdList", default)]
    pub groups: Vec<JoinedGroup>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct RoleOf {
    #[serde(rename = "Member_Account")]
    pub account: String,
    #[serde(rename = "Role", default, deserialize_with = "lenient")]
    pub role: Option<Role>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Roles {
    #[serde(rename = "UserIdList", default)]
    pub users: Vec<RoleOf>,
}

/// A member of `import_group_member`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportedMember {
    #[serde(rename = "Member_Account")]
    pub account: String,
    #[serde(rename = "Role", skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[serde(rename = "JoinTime", skip_serializing_if = "Option::is_none")]
    pub join_time: Option<i64>,
    #[serde(rename = "UnreadMsgNum", skip_serializing_if = "Option::is_none")]
    pub unread: Option<u32>,
}

pub mod admin;
pub mod community;
pub use admin::*;
pub use crate::model::tencent::{CustomFieldDef, CustomFields, TopicPermission, ValueType};
pub use community::*;

#[cfg(test)]
mod tests;
