//! What the console is started with (options) and what survives a restart (settings).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::i18n::Language;
use crate::ops::connections::{Profile, SecretStore};
use crate::ops::extkeys::Registry;
use crate::ui::deeplink::{OpenRequest, Tab};

/// What survives a restart (eframe persistence). No secrets.
#[derive(Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub profiles: Vec<Profile>,
    pub last_profile: Option<String>,
    /// `None` follows the system.
    pub dark_mode: Option<bool>,
    pub zoom: f32,
    /// extProfile key registries by connection name.
    pub registries: BTreeMap<String, Registry>,
    pub operator: String,
    /// The console's language; `None` follows the system locale.
    pub language: Option<Language>,
    /// Times in UTC instead of the operator's local time zone.
    pub utc_times: bool,
    /// A font file for Chinese, Japanese and Korean names, tried before the system's fonts.
    pub cjk_font: Option<PathBuf>,
    /// Always choose files with the in-app path chooser (no system file dialog).
    pub in_app_file_chooser: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            profiles: Vec::new(),
            last_profile: None,
            dark_mode: None,
            zoom: 1.0,
            registries: BTreeMap::new(),
            operator: String::new(),
            language: None,
            utc_times: false,
            cjk_font: None,
            in_app_file_chooser: false,
        }
    }
}

/// Benchmark hooks (`GROUPDESK_BENCH`): report a measurement on stderr and close.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BenchHook {
    /// The first frame that shows groups, with the system fonts installed.
    FirstGroups,
    /// Resident memory once the 3,000-member demo group's members tab is on screen with every
    /// row loaded and a CJK face installed.
    MemoryAfterBigGroup,
    /// The same, counting down the frames drawn before memory is read.
    MemoryAfterFrames(u8),
}

pub struct AppOptions {
    /// Where every change is recorded.
    pub audit: crate::ops::audit::AuditLog,
    pub bench: Option<BenchHook>,
    /// A group (and tab, and connection) to open once the group list is loaded: a deep link
    /// (`groupdesk open …`, `groupdesk://open?…`) or `GROUPDESK_OPEN_GROUP`.
    pub open_at_start: Option<OpenRequest>,
    /// The connection to start on (a saved profile's name, `rongcloud-demo` or
    /// `tencent-demo`), before any deep link's; `None`: the deep link's, else the last used.
    pub connection: Option<String>,
    /// Data directory of the embedded sandbox.
    pub sandbox_dir: PathBuf,
    pub secrets: Arc<SecretStore>,
    /// Whether settings are loaded from and saved to eframe storage.
    pub persist: bool,
    /// Whether the system's file dialogs are tried first (tests: never, the in-app chooser).
    pub native_dialogs: bool,
    /// The language whatever the settings and the locale say (tests: English).
    pub language: Option<Language>,
    /// Why the console could not do what it was started for (a malformed link), told once.
    pub startup_problem: Option<String>,
}

impl Default for AppOptions {
    fn default() -> Self {
        let bench = match std::env::var("GROUPDESK_BENCH").as_deref() {
            Ok("first-groups") => Some(BenchHook::FirstGroups),
            Ok("memory") => Some(BenchHook::MemoryAfterBigGroup),
            _ => None,
        };
        // `GROUPDESK_OPEN_GROUP=ID` (scripts, screenshots), or a whole `groupdesk://` link.
        let (open_at_start, startup_problem) = match std::env::var("GROUPDESK_OPEN_GROUP").ok().filter(|s| !s.trim().is_empty()) {
            Some(v) if v.starts_with(crate::ui::deeplink::SCHEME) => match OpenRequest::from_url(&v) {
                Ok(r) => (Some(r), None),
                Err(e) => (None, Some(e)),
            },
            Some(v) => {
                let tab = if std::env::var("GROUPDESK_OPEN_TAB").as_deref() == Ok("members") { Tab::Members } else { Tab::Profile };
                (Some(OpenRequest { group: v.trim().to_owned(), tab, connection: None }), None)
            }
            None => (None, None),
        };
        Self {
            audit: crate::ops::audit::AuditLog::new(crate::ops::audit::AuditLog::default_path()),
            bench,
            open_at_start,
            connection: std::env::var("GROUPDESK_CONNECTION").ok().filter(|s| !s.trim().is_empty()),
            sandbox_dir: crate::ui::exec::default_sandbox_dir(),
            secrets: Arc::new(SecretStore::new()),
            persist: true,
            native_dialogs: true,
            language: None,
            startup_problem,
        }
    }
}
