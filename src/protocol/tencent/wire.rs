//! Wire enums of Tencent Cloud Chat's group API (reference §0, §2), spelled as on the wire and
//! shared by the client and the sandbox.

use serde::{Deserialize, Serialize};

/// The REST `Type` (the old names; `Private` is Work, `ChatRoom` is Meeting). `Work` and
/// `Meeting` are accepted as aliases on input [I] and never sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GroupType {
    #[serde(alias = "Work")]
    Private,
    Public,
    #[serde(alias = "Meeting")]
    ChatRoom,
    AVChatRoom,
    Community,
}

impl GroupType {
    pub const ALL: [GroupType; 5] = [GroupType::Private, GroupType::Public, GroupType::ChatRoom, GroupType::AVChatRoom, GroupType::Community];

    /// The wire spelling.
    pub fn wire(self) -> &'static str {
        match self {
            GroupType::Private => "Private",
            GroupType::Public => "Public",
            GroupType::ChatRoom => "ChatRoom",
            GroupType::AVChatRoom => "AVChatRoom",
            GroupType::Community => "Community",
        }
    }

    /// The product's current name (Work, Public, Meeting, AVChatRoom, Community).
    pub fn product_name(self) -> &'static str {
        match self {
            GroupType::Private => "Work",
            GroupType::ChatRoom => "Meeting",
            other => other.wire(),
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "Private" | "Work" => Some(GroupType::Private),
            "Public" => Some(GroupType::Public),
            "ChatRoom" | "Meeting" => Some(GroupType::ChatRoom),
            "AVChatRoom" => Some(GroupType::AVChatRoom),
            "Community" => Some(GroupType::Community),
            _ => None,
        }
    }

    /// Members may be muted (not Work).
    pub fn can_mute(self) -> bool {
        self != GroupType::Private
    }
    /// The group has admins (not Work; AVChatRoom: owner and members only per §2 roles, but
    /// REST may set admins [I]: we follow the roles table and refuse).
    pub fn has_admins(self) -> bool {
        !matches!(self, GroupType::Private | GroupType::AVChatRoom)
    }
    /// A member list is stored (not AVChatRoom).
    pub fn has_member_list(self) -> bool {
        self != GroupType::AVChatRoom
    }
    /// Members may be added and kicked (not AVChatRoom).
    pub fn can_add_and_kick(self) -> bool {
        self != GroupType::AVChatRoom
    }
    /// Member paging by cursor (`Next`) instead of `Offset`.
    pub fn cursor_paging(self) -> bool {
        self == GroupType::Community
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Owner,
    Admin,
    Member,
    /// Only in `get_role_in_group` answers.
    NotMember,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApplyJoinOption {
    FreeAccess,
    NeedPermission,
    DisableApply,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteJoinOption {
    FreeAccess,
    NeedPermission,
    DisableInvite,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MsgFlag {
    AcceptAndNotify,
    AcceptNotNotify,
    Discard,
    AcceptNotNotifyExceptAt,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OnOff {
    On,
    Off,
}

/// Read or write level of a custom field, high to low.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    AppAdmin,
    Owner,
    Admin,
    Member,
    Anyone,
}

/// Community permission-group bits at group level (reference §0).
pub const GROUP_PERMISSION_BITS: [(&str, u64); 11] = [
    ("ManageGroupInfo", 1 << 0),
    ("ManageGroupMember", 1 << 1),
    ("ManagePermissionGroupInfo", 1 << 2),
    ("ManagePermissionGroupMember", 1 << 3),
    ("ManageTopic", 1 << 4),
    ("GroupMuteMember", 1 << 5),
    ("SendGroupMessage", 1 << 6),
    ("GroupAtAll", 1 << 7),
    ("GetGroupHistoryMessage", 1 << 8),
    ("RevokeOtherMemberGroupMessage", 1 << 9),
    ("BanMemberGroupMessage", 1 << 10),
];

/// Community permission-group bits at topic level.
pub const TOPIC_PERMISSION_BITS: [(&str, u64); 7] = [
    ("ManageTopicInfo", 1 << 0),
    ("ManagePermissionTopicInfo", 1 << 1),
    ("TopicMuteMember", 1 << 2),
    ("SendTopicMessage", 1 << 3),
    ("GetTopicHistoryMessage", 1 << 4),
    ("RevokeOtherMemberTopicMessage", 1 << 5),
    ("TopicAtAll", 1 << 6),
];

/// The bits of `value` that are not in `bits`, lowest first, as `(bit value, index)`.
pub fn unknown_bits(value: u64, bits: &[(&str, u64)]) -> Vec<(u64, u32)> {
    let known = bits.iter().fold(0u64, |acc, (_, b)| acc | b);
    (0..64).filter(|i| value & !known & (1u64 << i) != 0).map(|i| (1u64 << i, i)).collect()
}

/// A service edition of the app, which sets member caps and enables Community.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Edition {
    Developer,
    Standard,
    Premium,
}

impl Edition {
    /// Members per group of the non-Community, non-AVChatRoom types.
    pub fn max_members(self) -> u32 {
        use super::limits::*;
        match self {
            Edition::Developer => DEVELOPER_MEMBERS,
            Edition::Standard => STANDARD_MEMBERS,
            Edition::Premium => PREMIUM_MEMBERS,
        }
    }
}
