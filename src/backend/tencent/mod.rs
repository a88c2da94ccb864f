//! The Tencent Cloud Chat (TIM) REST client, beside the RongCloud one and behind the same seam
//! ([`crate::backend::Backend`]). No UI code lives here. Wire reference:
//! `tencent-chat-api.md` (§1 envelope, §3 UserSig, §4 commands).
//!
//! * [`credentials`]: SDKAppID, admin identifier and secret key; the cached, self-renewing
//!   UserSig; regions with their standby domains;
//! * [`client`]: transport (URL, envelope, rate limits, failover, retries, tracing);
//! * [`groups`], [`members`], [`community`] (topics), [`permissions`] (permission groups): a typed method for every command the console uses;
//!   [`types`]: their bodies and answers, in one file so the `[I]` shapes are easy to adjust;
//! * [`check`]: the documented limits (bytes, per-call maxima, key syntax), checked before sending;
//! * [`bulk`]: lists longer than a command's maximum, chunked, one outcome per user, settled by
//!   reading the state back; whole member lists (parallel Offset pages, the Community cursor);
//! * [`codes`]: the plain-language meaning of each error code.
//!
//! # Retry policy
//!
//! Every command has a [`Policy`] ([`policy`]). A request that never reached the server, or that
//! was refused for rate (60007, 10006, …: nothing applied), is always repeated. After a **lost
//! answer** (timeout, cut connection, 5xx, no envelope) or an **internal error** (10002, 60008,
//! 60013, 60014) the effect is unknown, and:
//!
//! | policy | commands | after a lost answer |
//! |---|---|---|
//! | `Read` | every `get_*`, `account_check`, `getnospeaking`, `get_custom_fields` | repeated (with backoff) |
//! | `Repeatable` | `modify_group_base_info`, `forbid_send_msg`, `delete_group_member`, `modify_group_member_info`, `change_group_owner`, `add_group_member` (`Result` 2 = already a member counts as done), `import_group_member` (same), `setnospeaking`, `account_import`, `multiaccount_import`, `ban_group_member`, `unban_group_member`, `modify_permission_group`, `set_topic_permission_group` | repeated: each sets a state, so a second call finds it set and succeeds the same way |
//! | `ReadBack` | `create_group`, `import_group`, `destroy_group`, `create_permission_group`, `destroy_permission_group`, `create_topic`, `destroy_topic` | not repeated blindly: the typed method reads the state back — a create with a custom id checks `get_group_info` (the group exists with that type ⇒ done); a create without one looks for a new group of that name and type among the owner's groups (`get_joined_group_list`), and only if none is there sends it again; `destroy_group` checks `get_group_info` (per-group 10010/10015 ⇒ done, still there ⇒ sent again) |
//! | `Once` | everything else (`add_custom_fields`, permission-group membership, topic permission add/delete) | not repeated: reported as unknown ("may have been applied") |
//!
//! Bulk work ([`bulk`]) additionally settles each user's outcome by reading the state back
//! (`get_group_muted_account`, `get_role_in_group`), since `forbid_send_msg` and
//! `delete_group_member` give no per-member result: "unknown" remains only where the state cannot
//! be read, never a false "failed" or "done".

pub mod browse;
pub mod bulk;
pub mod check;
pub mod client;
pub mod codes;
pub mod community;
pub mod credentials;
pub mod groups;
pub mod members;
pub mod neutral;
pub mod permissions;
pub mod types;

pub use crate::protocol::tencent::{limits, usersig, wire};
pub use client::{Client, ClientConfig};
pub use credentials::{Credentials, Endpoint, Region};

/// What may be done after a failure whose effect is unknown (see the module docs' table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// A query: repeat freely.
    Read,
    /// A write that sets a state: a repeat cannot duplicate an effect or turn success into failure.
    Repeatable,
    /// A write whose repeat could duplicate or fail after success: the method reads state back.
    ReadBack,
    /// Not repeated; the caller learns the effect is unknown.
    Once,
}

impl Policy {
    /// Whether the transport repeats the call after a lost answer.
    pub fn repeatable(self) -> bool {
        matches!(self, Self::Read | Self::Repeatable)
    }
}

/// The policy of a command (its last path segment, e.g. `forbid_send_msg`).
pub fn policy(command: &str) -> Policy {
    match command {
        "get_appid_group_list" | "get_group_info" | "get_group_member_info" | "get_group_muted_account" | "get_group_shutted_uin"
        | "get_joined_group_list" | "get_role_in_group" | "get_group_ban_member" | "getnospeaking" | "account_check"
        | "get_permission_group_info" | "get_permission_group_member_list" | "get_topic_permission_group" | "get_topic"
        | "get_custom_fields" | "get_specified_group_member_info" => Policy::Read,
        "modify_group_base_info" | "forbid_send_msg" | "delete_group_member" | "modify_group_member_info" | "change_group_owner"
        | "add_group_member" | "import_group_member" | "setnospeaking" | "account_import" | "multiaccount_import"
        | "ban_group_member" | "unban_group_member" | "modify_permission_group" | "set_topic_permission_group" => Policy::Repeatable,
        "create_group" | "import_group" | "destroy_group" | "create_permission_group" | "destroy_permission_group" | "create_topic"
        | "destroy_topic" => Policy::ReadBack,
        _ => Policy::Once,
    }
}

/// Service prefixes of the commands (reference §1).
pub mod svc {
    pub const GROUP: &str = "group_open_http_svc";
    /// Community topics (`create_topic`, `get_topic`, `destroy_topic`).
    pub const MILLION_GROUP: &str = "million_group_open_http_svc";
    pub const LOGIN: &str = "im_open_login_svc";
    pub const CONFIG: &str = "openconfigsvr";
    pub const SANDBOX: &str = "_sandbox";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_classification() {
        for read in ["get_group_info", "get_group_member_info", "get_appid_group_list", "get_role_in_group", "getnospeaking", "get_custom_fields"] {
            assert_eq!(policy(read), Policy::Read, "{read}");
        }
        for w in ["modify_group_base_info", "forbid_send_msg", "delete_group_member", "modify_group_member_info", "change_group_owner", "add_group_member"] {
            assert_eq!(policy(w), Policy::Repeatable, "{w}");
        }
        for w in ["create_group", "destroy_group", "import_group"] {
            assert_eq!(policy(w), Policy::ReadBack, "{w}");
            assert!(!policy(w).repeatable());
        }
        assert_eq!(policy("add_custom_fields"), Policy::Once);
        assert_eq!(policy("something_new"), Policy::Once, "unknown commands are never repeated blindly");
    }
}
