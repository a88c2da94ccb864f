//! Community permission groups and topics (reference §0, §4.15, §4.16), with the shapes the
//! sandbox serves where the reference is `[I]` (README, "Tencent sandbox"; the module docs of
//! `src/sandbox/tencent/handlers/{topics,permissions,topic_permissions}.rs`).
//!
//! Lists answer one item per id with its own `ErrorCode`/`ErrorInfo`; the typed methods in
//! [`crate::backend::tencent::community`] turn those into [`Outcome`]s or errors, never drop them.

use serde::{Deserialize, Serialize};

use super::cursor;
use crate::model::error::ApiError;

/// A Community permission group: the body of `create_permission_group` and one item of
/// `get_permission_group_info` (`PermissionGroupList[…]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PermissionGroup {
    /// `@PMG#_…` (≤ 64 bytes); empty when creating lets the service choose (`@PMG#_@PMG#…`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub permission_group_id: String,
    /// ≤ 150 bytes.
    #[serde(default)]
    pub permission_group_name: String,
    /// Group-level bits ([`crate::protocol::tencent::wire::GROUP_PERMISSION_BITS`]).
    #[serde(default)]
    pub permission: u64,
    /// ≤ 3,000 bytes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub custom_string: String,
    #[serde(default, skip_serializing)]
    pub member_num: u64,
    #[serde(default, skip_serializing)]
    pub create_time: i64,
    /// This item's own result (10010: no such permission group).
    #[serde(default, skip_serializing)]
    pub error_code: i64,
    #[serde(default, skip_serializing)]
    pub error_info: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PermissionGroupCreated {
    #[serde(default)]
    pub permission_group_id: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct PermissionGroups {
    #[serde(rename = "PermissionGroupList", default)]
    pub groups: Vec<PermissionGroup>,
}

/// One member of `get_permission_group_member_list`: `{"Member_Account": …}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct AccountItem {
    #[serde(rename = "Member_Account")]
    pub account: String,
}

/// A page of `get_permission_group_member_list`: `Next` is `""` on the last page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct PermissionMemberPage {
    #[serde(rename = "MemberList", default)]
    pub members: Vec<AccountItem>,
    #[serde(rename = "Next", default, deserialize_with = "cursor")]
    pub next: String,
}

/// One topic of `get_topic_permission_group`: `permission` is `None` where the permission
/// group has none on that topic (or the topic is unknown): then `error_code` is 10010.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TopicPermissionEntry {
    pub topic_id: String,
    #[serde(default)]
    pub error_code: i64,
    #[serde(default)]
    pub error_info: String,
    #[serde(default)]
    pub permission: Option<u64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct TopicPermissions {
    #[serde(rename = "TopicPermissionList", default)]
    pub topics: Vec<TopicPermissionEntry>,
}

/// `create_topic`: `TopicId` optional — the custom part (the service prefixes
/// `GroupId@TOPIC#_`) or the full id; `TopicName` required (≤ 150 bytes).
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
    pub face_url: Option<String>,
}

impl NewTopic {
    pub fn new(name: impl Into<String>) -> Self {
        Self { topic_name: name.into(), ..Default::default() }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TopicCreated {
    #[serde(default)]
    pub topic_id: String,
}

/// One topic of `get_topic` (`TopicInfo[…]`); an unknown id has only `TopicId` and 10010.
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
    pub face_url: String,
    #[serde(default)]
    pub create_time: i64,
    #[serde(default)]
    pub error_code: i64,
    #[serde(default)]
    pub error_info: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Topics {
    #[serde(rename = "TopicInfo", default)]
    pub topics: Vec<TopicInfo>,
}

/// One item's result in `DestroyResultItem` (`destroy_topic`: `TopicId`;
/// `destroy_permission_group`: `PermissionGroupId` [I]) and `TopicResultItem` (topic
/// permission add/set/delete [I]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ItemResult {
    #[serde(rename = "TopicId", alias = "PermissionGroupId", default)]
    pub id: String,
    #[serde(default)]
    pub error_code: i64,
    #[serde(default)]
    pub error_info: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct ItemResults {
    #[serde(rename = "DestroyResultItem", alias = "TopicResultItem", default)]
    pub items: Vec<ItemResult>,
}

/// One id's outcome of a call with per-item results: `error` is `None` when it was done, else
/// the item's own code with its explanation (`ApiError::code`, message naming the item).
#[derive(Clone, Debug)]
pub struct Outcome {
    pub id: String,
    pub error: Option<ApiError>,
}

impl Outcome {
    pub fn ok(&self) -> bool {
        self.error.is_none()
    }

    /// The item's code: 0 when done.
    pub fn code(&self) -> u32 {
        self.error.as_ref().and_then(|e| e.code).unwrap_or(0)
    }
}
