//! Results coming back from the background runtime on the bridge's channel, and the data they
//! carry. Events are for work whose result the shell must act on (connection-wide lists, changes
//! and their audit entries, file writes) and for multi-message jobs (bulk progress, export
//! progress). A one-shot read that one screen asked for answers through its own promise instead.
//! The shell routes every event to the screens that own the state it touches (`on_event`).

use std::path::PathBuf;

use crate::model::ApiError;
use crate::model::bulk::{BulkReport, Progress};
pub use crate::model::{GroupDetail, GroupRow};
use crate::ops::extkeys::Registry;
use crate::ops::connections::Profile;

/// Which file an export wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// This many audit entries.
    AuditEntries(usize),
    Registry,
    Outcomes,
    /// Tencent custom-field keys (#13 item 4).
    TcFields,
}

pub enum Event {
    /// The whole group list (after any [`Event::GroupRows`] batches of it).
    Groups(Result<Vec<GroupRow>, ApiError>),
    /// #13 group browser: a batch of the group list being read, with the number of groups the
    /// service listed (rows are shown before the list is complete).
    /// `load` numbers the read (batches of an older one, or of a previous connection, are
    /// dropped by the shell); the read ends with [`Event::GroupsDone`].
    GroupRows { load: u64, rows: Vec<GroupRow>, total: usize },
    /// The end of read `load`: the shell turns it into [`Event::Groups`] when it is current.
    GroupsDone { load: u64, result: Result<Vec<GroupRow>, ApiError> },
    /// A user's app-wide mute was set or lifted: the state read back.
    AppMuteSet { user: String, result: Result<crate::ops::accounts::AppMute, ApiError> },
    Created { group_id: String, result: Result<(), ApiError> },
    /// A change to one group finished: what it was (the audit action) and how it ended.
    Changed { group_id: String, action: String, result: Result<(), ApiError> },
    Dismissed { group_id: String, reason: String, result: Result<(), ApiError> },
    JobProgress { group_id: String, progress: Progress },
    JobDone { group_id: String, action: String, reason: String, report: BulkReport },
    /// Rows written so far by a members export.
    ExportProgress { group_id: String, done: usize, total: usize },
    /// A members export finished: the file, the number of members, the result.
    Exported { group_id: String, path: PathBuf, count: usize, result: Result<(), ApiError> },
    FileWritten { path: PathBuf, what: Written, result: Result<(), ApiError> },
    /// An extProfile key registry read from a file, to replace the connection's registry.
    RegistryRead { path: PathBuf, result: Result<Registry, ApiError> },
    /// A new connection profile whose App Secret is stored (in the OS keyring, or memory only).
    ConnectionSaved { profile: Profile, in_keyring: bool },
    /// An entry was appended to the audit log (sent before the result it records).
    Audited(Result<(), ApiError>),
    /// #13 members: a page of a group's members as it arrived (`load` names the read), with
    /// the group's member count.
    MemberPage { group_id: String, load: u64, rows: Vec<crate::model::Member>, total: usize },
    /// #13 members: a read of the members ended (a cancelled one ends `Ok`).
    MembersLoaded { group_id: String, load: u64, result: Result<(), ApiError> },
    /// A benchmark hook measured what it wanted: close the window.
    Quit,
}
