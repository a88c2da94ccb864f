//! Tencent Cloud Chat's own part of the model: what a Tencent group adds to
//! [`super::GroupDetail`] and to a profile change. Pure data; the wire encoding lives in
//! `backend::tencent`, the wire enums in `protocol::tencent::wire` (shared with the sandbox).

use serde::{Deserialize, Serialize};

pub use crate::protocol::tencent::wire::{ApplyJoinOption, GroupType, InviteJoinOption, Level, MsgFlag};

/// What a Tencent group adds to the neutral detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TcGroup {
    /// Work (`Private`), Public, Meeting (`ChatRoom`), AVChatRoom or Community: it decides the
    /// capabilities (Work: no mute, no admins; AVChatRoom: no member list, add or kick;
    /// Community: cursor paging and permission groups).
    pub group_type: GroupType,
    pub apply_join: Option<ApplyJoinOption>,
    pub invite_join: Option<InviteJoinOption>,
    pub max_members: u64,
    /// Grows on every profile change.
    pub info_seq: u64,
    /// Unix seconds of the last profile change and the last message.
    pub last_info_time: i64,
    pub last_msg_time: i64,
    /// Community: permission groups enabled, with the default bits of members.
    pub permission_groups: bool,
    pub default_permission: Option<u64>,
    /// The app's member-level custom-field keys available in this group (by type).
    pub member_fields: Vec<String>,
    /// Their labels from the app's registry, in the same order (the key where there is none).
    pub member_field_labels: Vec<String>,
}

impl TcGroup {
    /// The label of member-level custom field `i` (its key when the registry has no label).
    pub fn member_field_label(&self, i: usize) -> &str {
        self.member_field_labels.get(i).filter(|l| !l.is_empty()).or(self.member_fields.get(i)).map_or("", String::as_str)
    }
}

impl TcGroup {
    /// Members are paged by cursor (Community), not by offset.
    pub fn cursor_paging(&self) -> bool {
        self.group_type.cursor_paging()
    }
}

/// Tencent settings a profile change may carry (only `Some` ones are sent).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TcChange {
    pub apply_join: Option<ApplyJoinOption>,
    pub invite_join: Option<InviteJoinOption>,
    pub max_members: Option<u32>,
}

impl TcChange {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// What a Tencent member adds to [`super::Member`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TcMember {
    /// How the member receives the group's messages (`None` when the service did not say).
    pub msg_flag: Option<MsgFlag>,
    /// The member's last message in the group, epoch milliseconds (0: none).
    pub last_send_ms: i64,
}

/// The words the console and exports use for a message flag.
pub fn msg_flag_label(flag: Option<MsgFlag>) -> &'static str {
    match flag {
        Some(MsgFlag::AcceptAndNotify) => "AcceptAndNotify",
        Some(MsgFlag::AcceptNotNotify) => "AcceptNotNotify",
        Some(MsgFlag::Discard) => "Discard",
        Some(MsgFlag::AcceptNotNotifyExceptAt) => "AcceptNotNotifyExceptAt",
        None => "",
    }
}

// The app's custom-field registry and a permission group's topic bits: data the console edits
// (their wire spelling is the serde names; `backend::tencent::types` re-exports them).

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
    pub group_types: Vec<GroupType>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CustomFields {
    #[serde(default)]
    pub group_fields: Vec<CustomFieldDef>,
    #[serde(default)]
    pub member_fields: Vec<CustomFieldDef>,
}

/// A topic's permission bits in a permission group (`TopicPermissionList` of add/set).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicPermission {
    #[serde(rename = "TopicId")]
    pub topic_id: String,
    /// Topic-level bits ([`crate::protocol::tencent::wire::TOPIC_PERMISSION_BITS`]).
    #[serde(rename = "Permission", default)]
    pub permission: u64,
}

impl TopicPermission {
    pub fn new(topic_id: impl Into<String>, permission: u64) -> Self {
        Self { topic_id: topic_id.into(), permission }
    }
}
