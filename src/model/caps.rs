//! What a group allows, so screens and operations can offer (or disable, with the reason)
//! exactly the actions the group's service and type support.

/// The unit a service counts mute lengths in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MuteUnit {
    Minutes,
    Seconds,
}

/// Mutes of single members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MuteCaps {
    pub unit: MuteUnit,
    /// The longest timed mute, in seconds.
    pub max_seconds: u64,
    pub permanent: bool,
}

/// Items per call of each bulk action (the endpoint's documented maximum).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BatchSizes {
    pub mute: usize,
    pub kick: usize,
    pub add: usize,
    pub allowlist: usize,
}

/// A custom field the app defines for groups or members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomField {
    pub key: String,
    pub max_len: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Capabilities {
    /// `None`: members of this group cannot be muted.
    pub mute: Option<MuteCaps>,
    pub mute_all: bool,
    /// A list of users who may speak while the group is muted-all.
    pub allowlist: bool,
    /// The most admins a group may have; `None`: no admins.
    pub max_admins: Option<usize>,
    pub transfer_owner: bool,
    /// Members can be listed, added and kicked.
    pub member_list: bool,
    /// Name, introduction, announcement and picture can be edited here.
    pub profile: bool,
    pub batch: BatchSizes,
    /// The longest user id, in characters.
    pub max_user_id: usize,
    /// Group-level custom fields and their limits.
    pub custom_fields: Vec<CustomField>,
    pub max_custom_fields: usize,
}

impl Capabilities {
    /// Why `what` is not possible in this group, for a disabled control's hover text.
    pub fn missing(&self, what: Feature) -> Option<&'static str> {
        let ok = match what {
            Feature::Mute => self.mute.is_some(),
            Feature::MuteAll => self.mute_all,
            Feature::Allowlist => self.allowlist,
            Feature::Admins => self.max_admins.is_some(),
            Feature::Transfer => self.transfer_owner,
            Feature::Members => self.member_list,
        };
        (!ok).then_some(what.reason())
    }
}

/// A capability a control depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    Mute,
    MuteAll,
    Allowlist,
    Admins,
    Transfer,
    Members,
}

impl Feature {
    fn reason(self) -> &'static str {
        match self {
            Self::Mute => "members of this group cannot be muted",
            Self::MuteAll => "this group cannot be muted as a whole",
            Self::Allowlist => "this group has no mute-all allowlist",
            Self::Admins => "this group cannot have admins",
            Self::Transfer => "this group's ownership cannot be transferred",
            Self::Members => "this group has no member list",
        }
    }
}
