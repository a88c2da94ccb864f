//! Tencent Cloud Chat's own part of the model: what a Tencent group adds to
//! [`super::GroupDetail`] and to a profile change. Pure data; the wire encoding lives in
//! `backend::tencent`, the wire enums in `protocol::tencent::wire` (shared with the sandbox).

pub use crate::protocol::tencent::wire::{ApplyJoinOption, GroupType, InviteJoinOption, MsgFlag};

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
