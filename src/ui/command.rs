//! What the screens ask for. A screen never calls into the app and never starts I/O: its `ui`
//! pushes [`Command`]s, and the shell applies them at the frame boundary through one handler
//! (`handler.rs`). A one-shot answer goes back through a [`Reply`] into a [`Pending`] promise
//! owned by the screen that asked.

use std::path::PathBuf;
use std::sync::Arc;

use poll_promise::Promise;

use crate::model::ApiError;
use crate::model::bulk::BulkReport;
use crate::model::rongcloud::LeaveOptions;
use crate::model::{JoinedRow as JoinedGroup, NewGroup, ProfileChange as ProfileUpdate};
use crate::ops::audit::AuditEntry;
use crate::ops::csv::MemberRow;
use crate::ops::extkeys::ExtKeyDef;
use crate::model::table::MemberTable;
use crate::ops::connections::Profile;
use crate::model::tencent::CustomFields;
use crate::ops::tencent::{CommunityPermissions, PermApplied, PermChange};

use super::deeplink::Tab;
use super::event::GroupDetail;
use crate::i18n::Language;
use crate::tr;

/// Where the answer to a one-shot request goes.
pub type Reply<T> = poll_promise::Sender<Result<T, ApiError>>;
/// A one-shot request still running, or its answer.
pub type Pending<T> = Promise<Result<T, ApiError>>;

/// A new promise and the reply that fulfils it.
pub fn pending<T: Send + 'static>() -> (Reply<T>, Pending<T>) {
    Promise::new()
}

/// Takes the answer of a finished promise (leaving `None`); a running one stays.
pub fn take_ready<T: Send + 'static>(slot: &mut Option<Promise<T>>) -> Option<T> {
    match slot.take()?.try_take() {
        Ok(value) => Some(value),
        Err(running) => {
            *slot = Some(running);
            None
        }
    }
}

/// Name of the connection to the embedded RongCloud sandbox (`rongcloud-demo`).
pub const BUILT_IN: &str = crate::ops::connections::RONGCLOUD_DEMO;
/// Name of the connection to the embedded Tencent Cloud Chat sandbox.
pub const TENCENT_DEMO: &str = crate::ops::connections::TENCENT_DEMO;

/// The screens of the central panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Group,
    ExtKeys,
    Connections,
    Audit,
    Log,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    /// Something the operator should act on (no CJK font); stays until dismissed.
    Warning,
    /// Stays in the status bar until dismissed.
    Error,
}

/// A native file dialog (never opened by the tests).
#[derive(Clone, Debug)]
pub enum FileDialog {
    Save { file_name: String },
    Open { filter: &'static str, extensions: &'static [&'static str] },
}

/// A change to many members at once, run as a job with progress and one outcome per user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BulkAction {
    Mute(u32),
    /// #13 members: a timed mute counted in seconds (Tencent); permanent is `Mute(0)`.
    MuteSeconds(u64),
    Unmute,
    Kick,
    AllowlistAdd,
    AllowlistRemove,
    Add,
}

impl BulkAction {
    /// The operation to run (kicks take the keep/remove choices).
    pub fn to_member_action(self, leave: LeaveOptions) -> crate::model::MemberAction {
        use crate::model::{MemberAction, MuteDuration};
        match self {
            Self::Mute(m) => MemberAction::Mute(MuteDuration::from_minutes(m)),
            Self::MuteSeconds(s) => MemberAction::Mute(MuteDuration::Seconds(s)),
            Self::Unmute => MemberAction::Unmute,
            Self::Kick => MemberAction::Kick(leave),
            Self::AllowlistAdd => MemberAction::AllowlistAdd,
            Self::AllowlistRemove => MemberAction::AllowlistRemove,
            Self::Add => MemberAction::Add,
        }
    }

    /// What the action does, in lower case ("mute for 1 hour"): progress and notifications.
    pub fn label(self) -> String {
        match self {
            Self::Mute(m) => tr!("action-mute", duration = mute_duration(m)),
            Self::MuteSeconds(s) => tr!("action-mute", duration = mute_duration_seconds(s)),
            Self::Unmute => tr!("action-unmute"),
            Self::Kick => tr!("action-kick"),
            Self::AllowlistAdd => tr!("action-allowlist-add"),
            Self::AllowlistRemove => tr!("action-allowlist-remove"),
            Self::Add => tr!("action-add"),
        }
    }

    /// The confirmation's question: "Mute 5 users for 1 hour?".
    pub fn title(self, count: usize) -> String {
        match self {
            Self::Mute(0) => tr!("confirm-mute-permanent-title", count = count),
            Self::Mute(m) => tr!("confirm-mute-title", count = count, duration = mute_duration(m)),
            Self::MuteSeconds(s) => tr!("confirm-mute-title", count = count, duration = mute_duration_seconds(s)),
            Self::Unmute => tr!("confirm-unmute-title", count = count),
            Self::Kick => tr!("confirm-kick-title", count = count),
            Self::AllowlistAdd => tr!("confirm-allowlist-add-title", count = count),
            Self::AllowlistRemove => tr!("confirm-allowlist-remove-title", count = count),
            Self::Add => tr!("confirm-add-title", count = count),
        }
    }
}

/// "for 1 hour", "for 30 days", "permanently".
pub fn mute_duration(minutes: u32) -> String {
    match minutes {
        0 => tr!("duration-permanent"),
        m if m % 1440 == 0 => tr!("duration-days", count = m / 1440),
        m if m % 60 == 0 => tr!("duration-hours", count = m / 60),
        m => tr!("duration-minutes", count = m),
    }
}

/// "for 30 seconds", "for 1 hour", "for 30 days" (Tencent counts mutes in seconds).
pub fn mute_duration_seconds(seconds: u64) -> String {
    match seconds {
        s if s % 86_400 == 0 => tr!("duration-days", count = s / 86_400),
        s if s % 3600 == 0 => tr!("duration-hours", count = s / 3600),
        s if s % 60 == 0 => tr!("duration-minutes", count = s / 60),
        s => tr!("duration-seconds", count = s),
    }
}

/// A one-off change to the whole group, confirmed with the group id typed and a reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupAction {
    MuteAll(bool),
    Transfer { new_owner: String, leave: bool },
}

impl GroupAction {
    pub fn label(&self) -> String {
        match self {
            Self::MuteAll(true) => tr!("group-action-mute-all-on"),
            Self::MuteAll(false) => tr!("group-action-mute-all-off"),
            Self::Transfer { new_owner, leave: false } => tr!("group-action-transfer", user = new_owner.as_str()),
            Self::Transfer { new_owner, leave: true } => tr!("group-action-transfer-leave", user = new_owner.as_str()),
        }
    }

    /// The confirmation's question: "Turn mute-all on in bookclub?".
    pub fn title(&self, group_id: &str) -> String {
        match self {
            Self::MuteAll(true) => tr!("confirm-mute-all-on-title", group = group_id),
            Self::MuteAll(false) => tr!("confirm-mute-all-off-title", group = group_id),
            // The same words whether the old owner leaves (a checkbox below the title).
            Self::Transfer { new_owner, .. } => tr!("confirm-transfer-title", group = group_id, user = new_owner.as_str()),
        }
    }
}

/// A bulk job to start (the members screen queues jobs itself: one runs at a time per group).
pub struct JobRequest {
    pub group_id: String,
    pub action: BulkAction,
    pub users: Vec<String>,
    pub reason: String,
    /// For kicks: what to remove with the membership.
    pub leave: LeaveOptions,
    pub cancel: tokio_util::sync::CancellationToken,
}

/// Everything a screen (or the shell's own bars) can ask for. Closed: the handler matches all.
pub enum Command {
    // ----- the shell -----
    SetDarkMode(bool),
    SetZoom(f32),
    SetLanguage(Language),
    /// Times in UTC (`true`) or the local time zone.
    SetUtc(bool),
    Notify { level: Level, text: String, request_id: Option<String> },
    /// A problem in the status bar (by its index in the log) was dismissed.
    DismissNotice(usize),
    DismissAllNotices,
    /// A path to save to or open: the system's dialog, else the in-app path chooser.
    ChooseFile { dialog: FileDialog, reply: poll_promise::Sender<Option<PathBuf>> },
    /// A font file for CJK names, chosen in the settings.
    LoadFontFile(PathBuf),

    // ----- connections -----
    ConnectBuiltIn,
    /// #13 connections: one of the built-in sandbox's demo connections (`rongcloud-demo`,
    /// `tencent-demo`).
    ConnectDemo(crate::model::Service),
    Connect(Profile),
    /// The App Secret typed into the prompt for a profile without a stored one.
    ConnectWithSecret { name: String, secret: String },
    SaveConnection { profile: Profile, secret: String },
    RemoveConnection(String),

    // ----- the group list -----
    RefreshGroups,
    OpenGroup(String),
    /// Opens a group on a tab (deep links).
    OpenGroupAt { group_id: String, tab: Tab },
    LookupUser { user: String, reply: Reply<Vec<JoinedGroup>> },
    /// #13 group browser: a user's app-wide mute (Tencent), and setting (seconds; 4294967295
    /// permanent) or lifting (0) it, confirmed with a reason.
    LookupAppMute { user: String, reply: Reply<crate::ops::accounts::AppMute> },
    SetAppMute { user: String, seconds: u64, reason: String },
    CreateGroup(NewGroup),

    // ----- one group -----
    LoadGroup { group_id: String, reply: Reply<GroupDetail> },
    SaveProfile { group_id: String, fields: Vec<String>, update: ProfileUpdate, reason: String },
    ImportGroup { group_id: String, owner: String },
    SetAlias { group_id: String, user: String, alias: String },
    DismissGroup { group_id: String, hosted: bool, reason: String },
    PreviewPortrait { url: String, reply: Reply<Arc<[u8]>> },

    // ----- members -----
    LoadMembers { group_id: String, hosted: bool, reply: Reply<MemberTable> },
    ShowAllowlist { group_id: String, reply: Reply<Vec<String>> },
    GroupChange { group_id: String, action: GroupAction, reason: String },
    SetAdmins { group_id: String, add: bool, users: Vec<String> },
    SaveMember { group_id: String, user: String, nickname: String, extra: String },
    /// #13 members: read the members page by page (events `MemberPage`, `MembersLoaded`);
    /// stops when `cancel` fires.
    StreamMembers { group_id: String, load: u64, cancel: tokio_util::sync::CancellationToken },
    /// #13 members: a Tencent member's name card (`Some`: changed) and custom fields.
    SaveTencentMember { group_id: String, user: String, name_card: Option<String>, custom: std::collections::BTreeMap<String, String> },
    RunJob(JobRequest),
    ExportMembers { group_id: String, path: PathBuf, rows: Vec<MemberRow>, columns: Vec<&'static str>, bom: bool },
    ExportOutcomes { path: PathBuf, report: BulkReport },
    ReadListFile { path: PathBuf, reply: Reply<String> },

    // ----- extProfile keys -----
    SaveExtKey { def: ExtKeyDef, reason: String },
    RemoveExtKey { key: String, reason: String },
    AdoptExtKeys(Vec<String>),
    ScanExtKeys { reply: Reply<Vec<String>> },
    ExportRegistry(PathBuf),
    ImportRegistry(PathBuf),

    // ----- audit log -----
    ReloadAudit { reply: Reply<Vec<AuditEntry>> },
    ExportAudit { path: PathBuf, entries: Vec<AuditEntry> },

    // ----- Tencent: custom fields and permission groups (#13 items 3, 4, 7) -----
    /// The app's custom-field registry.
    TcFields { reply: Reply<CustomFields> },
    /// New keys for the sandbox's registry (audited; they can never be changed or deleted).
    TcAddFields { fields: CustomFields, reason: String, reply: Reply<()> },
    /// Group-level keys holding a value on some group (of `keys`; empty: the registry's).
    TcScanFields { keys: Vec<String>, reply: Reply<Vec<String>> },
    /// The keys (configured and drafted) written as JSON.
    TcExportFields { path: PathBuf, fields: CustomFields },
    TcPermGroups { group_id: String, reply: Reply<CommunityPermissions> },
    TcPermChange { group_id: String, change: PermChange, reason: String, reply: Reply<PermApplied> },
}

impl Command {
    pub fn info(text: impl Into<String>) -> Self {
        Self::Notify { level: Level::Info, text: text.into(), request_id: None }
    }

    /// A problem that is not a failed request.
    pub fn problem(text: impl Into<String>) -> Self {
        Self::Notify { level: Level::Error, text: text.into(), request_id: None }
    }

    /// An error notification: what failed, the error and its plain-language explanation, and
    /// the request id to quote.
    pub fn error(what: &str, e: &ApiError) -> Self {
        Self::Notify { level: Level::Error, text: super::widgets::error_summary(what, e), request_id: e.request_id.clone() }
    }
}
