//! Messages from background work to the UI.

use crate::api::ApiError;
use crate::api::types::{GroupInfo, GroupSummary, JoinedGroup};
use crate::sandbox::Sandbox;

/// A group row of the browser.
#[derive(Clone, Debug)]
pub struct GroupRow {
    pub summary: GroupSummary,
    pub member_count: i64,
}

/// What the detail screen shows.
#[derive(Clone, Debug)]
pub struct GroupDetail {
    pub group_id: String,
    /// `None` for a legacy group.
    pub info: Option<GroupInfo>,
    pub legacy_members: usize,
    pub muted_all: bool,
}

pub enum Msg {
    SandboxStarted(Result<Sandbox, String>),
    Groups(Result<Vec<GroupRow>, ApiError>),
    Group(String, Result<GroupDetail, ApiError>),
    /// A change finished: what it was, for which group, and how it ended.
    Changed { group_id: String, action: String, result: Result<(), ApiError> },
    Created(String, Result<(), ApiError>),
    /// Group, reason, result.
    Dismissed(String, String, Result<(), ApiError>),
    UserGroups(String, Result<Vec<JoinedGroup>, ApiError>),
    ServerExtKeys(Result<Vec<String>, ApiError>),
    ExtKeysApplied(Result<Vec<String>, ApiError>),
    ExtKeysInUse(Result<Vec<String>, ApiError>),
    /// Members of a group, with the sort orders already built (off the UI thread).
    Members(String, Result<crate::members::MemberTable, ApiError>),
    JobProgress(String, crate::api::bulk::Progress),
    JobDone { group_id: String, action: String, reason: String, report: crate::api::bulk::BulkReport },
    /// The mute-all allowlist of a group.
    Allowlist(String, Result<Vec<String>, ApiError>),
    /// Rows written so far by an export: group, done, total.
    ExportProgress(String, usize, usize),
    /// A CSV export finished: the file, the number of members, the result.
    Exported(std::path::PathBuf, usize, Result<(), String>),
    /// A portrait preview: the URL and its bytes.
    Portrait(String, Result<std::sync::Arc<[u8]>, String>),
}
