//! The repository of the RongCloud sandbox: it owns all SQL (the schema, queries, mutations,
//! member counters, page tokens) and the rules that depend on stored state (membership, owner,
//! admin and follow caps, group capacity). It answers in domain types and [`RepoError`], never
//! in wire codes: the handlers decide what a domain error means on the wire.
//!
//! A [`Repo`] works inside the one transaction of a request (or of seeding), at one instant.

mod ext_keys;
mod fixtures;
mod follows;
mod groups;
mod legacy;
mod members;
mod mutes;
mod pages;
mod remarks;
mod schema;

use rusqlite::Connection;

pub use fixtures::Fixtures;
pub use pages::{Joined, Listing, Summary};
pub use schema::SCHEMA;

pub const ROLE_MEMBER: i64 = 1;
pub const ROLE_ADMIN: i64 = 2;
pub const ROLE_OWNER: i64 = 3;

/// Storage access for one request: its transaction and its time.
pub struct Repo<'a> {
    conn: &'a Connection,
    now_ms: i64,
}

impl<'a> Repo<'a> {
    pub fn new(conn: &'a Connection, now_ms: i64) -> Self {
        Self { conn, now_ms }
    }
}

/// What the repository refuses, in domain terms.
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    #[error("group {group} does not exist")]
    NotFound { group: String },
    /// A legacy group that was not imported into hosting.
    #[error("group {group} is not hosted")]
    NotHosted { group: String },
    /// Create: the group id is taken.
    #[error("the group already exists")]
    Exists,
    /// Import: the group is hosted already.
    #[error("the group is already hosted")]
    AlreadyHosted,
    #[error("already members: {0:?}")]
    AlreadyMembers(Vec<String>),
    #[error("{user} is not a member")]
    NotMember { user: String },
    /// None of the listed users is a member.
    #[error("no member among {0:?}")]
    NoMembers(Vec<String>),
    #[error("not admins: {0:?}")]
    NotAdmins(Vec<String>),
    /// The owner is among users who may not include them.
    #[error("{owner} is the owner")]
    OwnerListed { owner: String },
    #[error("already the owner")]
    AlreadyOwner,
    /// The user owns a group (and so cannot leave every group).
    #[error("owns group {group}")]
    OwnsGroup { group: String },
    #[error("group {group} would have {would_have} members (limit {limit})")]
    GroupFull { group: String, would_have: usize, limit: usize },
    #[error("{count} admins and {adding} more")]
    TooManyAdmins { count: i64, adding: usize },
    #[error("would follow {count} members")]
    TooManyFollows { count: i64 },
    #[error("would mute {count} users in all groups")]
    TooManyGlobalMutes { count: i64 },
    #[error("the registry would hold {count} keys")]
    TooManyExtKeys { count: i64 },
    #[error("page token {token:?} cannot be parsed")]
    BadPageToken { token: String },
    #[error("storage: {0}")]
    Storage(#[from] rusqlite::Error),
}

pub type RepoResult<T> = Result<T, RepoError>;

/// A row of `groups`. Legacy groups carry only the name; the JSON texts stay `{}`.
#[derive(Debug, Clone)]
pub struct Group {
    pub group_id: String,
    pub name: String,
    pub hosted: bool,
    pub owner: String,
    pub profile: String,
    pub ext: String,
    pub permissions: String,
    pub create_time: i64,
    pub member_count: i64,
}

/// The stored JSON texts of a hosted group's profile, extProfile and permissions.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    pub profile: String,
    pub ext: String,
    pub permissions: String,
}

/// A hosted member as member queries list them.
#[derive(Debug, Clone)]
pub struct Member {
    pub user_id: String,
    pub nickname: String,
    pub role: i64,
    pub join_time: i64,
    pub extra: String,
}

/// What goes when a member leaves a hosted group, besides the membership and its remark name.
#[derive(Debug, Clone, Copy)]
pub struct Cleanup {
    pub mutes: bool,
    pub allowlist: bool,
    pub follows: bool,
}

/// A member mute; `end_ms` `None` = permanent.
#[derive(Debug, Clone)]
pub struct Mute {
    pub user_id: String,
    pub start_ms: i64,
    pub end_ms: Option<i64>,
}

/// A followed member and since when.
#[derive(Debug, Clone)]
pub struct Followed {
    pub user_id: String,
    pub time: i64,
}
