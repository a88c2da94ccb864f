//! RongCloud's own part of the model: the six group permissions in plain words, the keep/remove
//! choices of a kick, and what a RongCloud group adds to [`super::GroupDetail`]. Pure data; the
//! wire encoding lives in `backend::rongcloud`.

use serde::{Deserialize, Serialize};

/// Defines a permission enum with its wire values and human wording.
macro_rules! permission {
    ($(#[$m:meta])* $name:ident, $key:literal, { $($variant:ident = $value:literal => $label:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The key inside the `permissions` JSON.
            pub const KEY: &'static str = $key;
            pub fn value(self) -> i64 { match self { $($name::$variant => $value),+ } }
            pub fn from_value(v: i64) -> Option<Self> { match v { $($value => Some($name::$variant),)+ _ => None } }
            pub fn label(self) -> &'static str { match self { $($name::$variant => $label),+ } }
        }
    };
}

permission!(
    /// `joinPerm`: how people join.
    JoinPermission, "joinPerm", {
        OwnerApproves = 0 => "Owner approves requests",
        Free = 1 => "Anyone can join",
        OwnerOrAdminApproves = 2 => "Owner or an admin approves requests",
        Nobody = 3 => "Nobody can join",
    }
);
permission!(
    /// `removePerm`: who may remove members.
    RemovePermission, "removePerm", {
        Owner = 0 => "Only the owner",
        OwnerAndAdmins = 1 => "Owner and admins",
        Everyone = 2 => "Every member",
    }
);
permission!(
    /// `memInvitePerm`: who may invite.
    InvitePermission, "memInvitePerm", {
        Owner = 0 => "Only the owner",
        OwnerAndAdmins = 1 => "Owner and admins",
        Everyone = 2 => "Every member",
    }
);
permission!(
    /// `invitePerm`: whether invitees must accept.
    InviteHandling, "invitePerm", {
        NoConsent = 0 => "Invitees join directly",
        InviteeAccepts = 1 => "Invitees must accept",
    }
);
permission!(
    /// `profilePerm`: who may edit the group profile.
    ProfileEditPermission, "profilePerm", {
        Owner = 0 => "Only the owner",
        OwnerAndAdmins = 1 => "Owner and admins",
        Everyone = 2 => "Every member",
    }
);
permission!(
    /// `memProfilePerm`: who may edit a member's group nickname and extra.
    MemberEditPermission, "memProfilePerm", {
        OwnerAdminsAndSelf = 0 => "Owner, admins and the member",
        OwnerAndSelf = 1 => "Owner and the member",
        SelfOnly = 2 => "Only the member",
    }
);

/// The six permissions; `None` = unchanged (in updates) or unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Permissions {
    pub join: Option<JoinPermission>,
    pub remove: Option<RemovePermission>,
    pub invite: Option<InvitePermission>,
    pub invite_handling: Option<InviteHandling>,
    pub profile_edit: Option<ProfileEditPermission>,
    pub member_edit: Option<MemberEditPermission>,
}

/// The three keep/remove choices of quit, kick and transfer-with-quit. `true` removes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeaveOptions {
    /// Remove the user's mute in this group.
    pub remove_mute: bool,
    /// Remove the user from the mute-all allowlist.
    pub remove_allowlist: bool,
    /// Remove the members this user follows.
    pub remove_follows: bool,
}

impl Default for LeaveOptions {
    /// The API's defaults: remove all three.
    fn default() -> Self {
        Self { remove_mute: true, remove_allowlist: true, remove_follows: true }
    }
}

/// What a RongCloud group adds to the neutral detail.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RcGroup {
    /// Hosted (`/entrust/*`, with profile and permissions) or legacy (`/group/*`, ids only).
    pub hosted: bool,
    pub permissions: Permissions,
}
