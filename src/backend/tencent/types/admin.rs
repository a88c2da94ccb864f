//! Bodies and answers the reference gives only in part or not at all ([I]): bans, accounts,
//! app-wide mute, Community permission groups and topics, and the sandbox's custom-field
//! registry. Chosen as the obvious shapes in the style of the documented commands; adjust here.

use serde::{Deserialize, Serialize};

use super::{Level, cursor};

/// `ban_group_member`: `Members_Account` (≤ 20), `Duration` seconds, `Description`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Ban {
    pub group_id: String,
    #[serde(rename = "Members_Account")]
    pub accounts: Vec<String>,
    pub duration: u64,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Banned {
    #[serde(rename = "Member_Account")]
    pub account: String,
    #[serde(rename = "BannedUntil", default)]
    pub banned_until: u64,
}

/// A page of `get_group_ban_member`; `next_offset == 0` means done [I].
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct BanPage {
    #[serde(rename = "BannedAccountList", default)]
    pub banned: Vec<Banned>,
    #[serde(rename = "NextOffset", default)]
    pub next_offset: u64,
}

/// `account_import` (documented shape of the login service).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AccountImport {
    #[serde(rename = "UserID")]
    pub user_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nick: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub face_url: Option<String>,
}

/// `multiaccount_import` answer: the accounts that could not be imported.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct MultiImported {
    #[serde(rename = "FailAccounts", default)]
    pub failed: Vec<String>,
}

/// One account of `account_check`: `AccountStatus` is `Imported` or `NotImported`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct AccountStatus {
    #[serde(rename = "UserID")]
    pub user_id: String,
    #[serde(rename = "ResultCode", default)]
    pub result_code: i64,
    #[serde(rename = "AccountStatus", default)]
    pub status: String,
}

impl AccountStatus {
    pub fn imported(&self) -> bool {
        self.result_code == 0 && self.status == "Imported"
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct AccountCheck {
    #[serde(rename = "ResultItem", default)]
    pub items: Vec<AccountStatus>,
}

/// `getnospeaking` answer: seconds of app-wide mute (4294967295 permanent, 0 none).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct NoSpeaking {
    #[serde(rename = "C2CmsgNospeakingTime", default)]
    pub c2c: u64,
    #[serde(rename = "GroupmsgNospeakingTime", default)]
    pub group: u64,
}

/// A Community permission group (`create_permission_group`, `get_permission_group_info`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PermissionGroup {
    /// `@PMG#_…`; empty when creating lets the service choose.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub permission_group_id: String,
    #[serde(default)]
    pub permission_group_name: String,
    /// Group-level bits ([`crate::protocol::tencent::wire::GROUP_PERMISSION_BITS`]).
    #[serde(default)]
    pub permission: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub custom_string: String,
    #[serde(default, skip_serializing)]
    pub member_num: u64,
    #[serde(default, skip_serializing)]
    pub create_time: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PermissionGroupCreated {
    #[serde(default)]
    pub permission_group_id: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct PermissionGroups {
    #[serde(rename = "PermissionGroupList", alias = "PermissionGroupInfoList", default)]
    pub groups: Vec<PermissionGroup>,
}

/// A member of a permission group: the account, as a bare string or `{"Member_Account": …}`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum AccountItem {
    Bare(String),
    Object {
        #[serde(rename = "Member_Account")]
        account: String,
    },
}

impl AccountItem {
    pub fn account(&self) -> &str {
        match self {
            Self::Bare(a) | Self::Object { account: a } => a,
        }
    }
}

/// A page of `get_permission_group_member_list`; an empty `Next` ends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PermissionMemberPage {
    #[serde(rename = "MemberList", default)]
    pub members: Vec<AccountItem>,
    #[serde(default, deserialize_with = "cursor")]
    pub next: String,
}

/// A topic's permission bits in a permission group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicPermission {
    #[serde(rename = "TopicId")]
    pub topic_id: String,
    /// Topic-level bits ([`crate::protocol::tencent::wire::TOPIC_PERMISSION_BITS`]).
    #[serde(rename = "Permission", default)]
    pub permission: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct TopicPermissions {
    #[serde(rename = "TopicPermissionList", default)]
    pub topics: Vec<TopicPermission>,
}

/// `create_topic`: `TopicId` optional (`GroupId@TOPIC#_…`), `TopicName` required.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct NewTopic {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic_id: Option<String>,
    pub topic_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub introduction: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notification: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_string: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TopicCreated {
    #[serde(default)]
    pub topic_id: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TopicInfo {
    pub topic_id: String,
    #[serde(default)]
    pub topic_name: String,
    #[serde(default)]
    pub introduction: String,
    #[serde(default)]
    pub notification: String,
    #[serde(default)]
    pub custom_string: String,
    #[serde(default)]
    pub error_code: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Topics {
    #[serde(rename = "TopicInfo", default)]
    pub topics: Vec<TopicInfo>,
}

/// One topic's result of `destroy_topic`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TopicResult {
    #[serde(default)]
    pub topic_id: String,
    #[serde(default)]
    pub error_code: i64,
    #[serde(default)]
    pub error_info: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct TopicResults {
    #[serde(rename = "DestroyResultItem", default)]
    pub items: Vec<TopicResult>,
}

/// A custom field's value type in the sandbox's registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValueType {
    String,
    Integer,
    Boolean,
    Json,
}

/// A configured custom-field key (`POST /v4/_sandbox/get_custom_fields`, `add_custom_fields`).
/// `group_types` only for member-level keys (per group type, as the Chat console configures).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CustomFieldDef {
    pub key: String,
    #[serde(default)]
    pub label: String,
    pub value_type: ValueType,
    pub read_level: Level,
    pub write_level: Level,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_types: Vec<super::GroupType>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CustomFields {
    #[serde(default)]
    pub group_fields: Vec<CustomFieldDef>,
    #[serde(default)]
    pub member_fields: Vec<CustomFieldDef>,
}
