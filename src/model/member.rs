//! A group member as every screen, export and report shows it, and member roles.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A member's role in a group, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Member,
    Admin,
    Owner,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::Admin => "admin",
            Self::Owner => "owner",
        }
    }
}

/// One member with the moderation state the console and exports show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Member {
    pub user_id: String,
    /// The display name in the group (RongCloud nickname).
    pub nickname: String,
    pub role: Option<Role>,
    /// Join time, epoch milliseconds (0 when the service does not say).
    pub join_time_ms: i64,
    /// Free text a service keeps per member (RongCloud `extra`).
    pub extra: String,
    /// Mute end as the service reports it; `None` when not muted.
    pub muted_until: Option<String>,
    /// On the mute-all allowlist (services that have one).
    pub allowlisted: bool,
    /// The app's custom member fields, by key.
    pub custom: BTreeMap<String, String>,
    /// What only a Tencent Cloud Chat member has (message flag, last message time).
    pub tencent: Option<super::tencent::TcMember>,
}
