//! The repository of the Tencent sandbox: it owns all SQL (schema, groups, members, mutes,
//! custom field values, the field registry, accounts) and the rules that depend on stored state
//! (membership, capacity, counters, destroyed ids). It answers in domain types and
//! [`RepoError`], never in wire codes: handlers decide what an error means on the wire (the
//! common mappings are in `error.rs`).
//!
//! A [`Repo`] works inside the one transaction of a request (or of seeding), at one instant
//! (`now`, unix seconds).

mod accounts;
mod bans;
mod fields;
mod fixtures;
mod groups;
mod members;
mod mutes;
mod nospeaking;
mod permissions;
pub mod schema;
mod topics;

use rusqlite::Connection;

use crate::protocol::tencent::wire::GroupType;

pub use fields::{FieldDef, Scope};
pub use fixtures::Fixtures;
pub use groups::GroupPatch;
pub use members::{MemberPatch, Page};
pub use permissions::{PermissionGroup, PermissionGroupPatch};
pub use topics::Topic;

/// Storage access for one request: its transaction and its time.
pub struct Repo<'a> {
    pub(crate) conn: &'a Connection,
    pub now: i64,
}

impl<'a> Repo<'a> {
    pub fn new(conn: &'a Connection, now: i64) -> Self {
        Self { conn, now }
    }

    /// The connection, for extras that keep their own tables (permission groups, bans…) in the
    /// same transaction.
    #[allow(dead_code)] // the extension point of `extras`
    pub fn conn(&self) -> &'a Connection {
        self.conn
    }
}

/// What the repository refuses, in domain terms.
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    /// No such group; `destroyed` when it existed and was destroyed.
    #[error("group {group} does not exist")]
    GroupNotFound { group: String, destroyed: bool },
    #[error("group {group} already exists")]
    GroupExists { group: String },
    #[error("accounts not imported: {users:?}")]
    NoSuchAccounts { users: Vec<String> },
    #[error("{user} is not a member of {group}")]
    NotMember { group: String, user: String },
    #[error("group {group} would have {would_have} members (limit {limit})")]
    GroupFull { group: String, would_have: i64, limit: i64 },
    #[error("no topic {topic} in {group}")]
    TopicNotFound { group: String, topic: String },
    #[error("topic {topic} already exists")]
    TopicExists { topic: String },
    #[error("no permission group {id} in {group}")]
    PermissionGroupNotFound { group: String, id: String },
    #[error("permission group {id} already exists in {group}")]
    PermissionGroupExists { group: String, id: String },
    #[error("storage: {0}")]
    Storage(#[from] rusqlite::Error),
}

pub type RepoResult<T> = Result<T, RepoError>;

/// A stored group. Times are unix seconds; `owner` is empty when the group has none.
#[derive(Debug, Clone)]
pub struct Group {
    /// Insertion order (the `Next` of `get_appid_group_list`).
    #[allow(dead_code)]
    pub seq: i64,
    pub group_id: String,
    pub kind: GroupType,
    pub name: String,
    pub introduction: String,
    pub notification: String,
    pub face_url: String,
    pub owner: String,
    pub create_time: i64,
    pub info_seq: i64,
    pub last_info_time: i64,
    pub last_msg_time: i64,
    pub next_msg_seq: i64,
    pub member_num: i64,
    /// 0 = unlimited (AVChatRoom).
    pub max_member_num: i64,
    pub apply_join: String,
    pub invite_join: String,
    pub mute_all: bool,
    pub support_topic: bool,
}

impl Group {
    /// A new group of `kind` with defaults, created at `now`.
    pub fn new(group_id: &str, kind: GroupType, name: &str, max_member_num: i64, now: i64) -> Self {
        Self {
            seq: 0,
            group_id: group_id.to_owned(),
            kind,
            name: name.to_owned(),
            introduction: String::new(),
            notification: String::new(),
            face_url: String::new(),
            owner: String::new(),
            create_time: now,
            info_seq: 1,
            last_info_time: now,
            last_msg_time: 0,
            next_msg_seq: 1,
            member_num: 0,
            max_member_num,
            apply_join: "NeedPermission".into(),
            invite_join: "FreeAccess".into(),
            mute_all: false,
            support_topic: false,
        }
    }
}

/// A stored member; `mute_until` is 0 unless a mute is running now.
#[derive(Debug, Clone)]
pub struct Member {
    pub seq: i64,
    pub user_id: String,
    pub role: String,
    pub join_time: i64,
    pub msg_seq: i64,
    pub msg_flag: String,
    pub last_send_msg_time: i64,
    pub name_card: String,
    pub mute_until: i64,
}
