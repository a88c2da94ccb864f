//! What the console is started with (options) and what survives a restart (settings).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::ops::extkeys::Registry;
use crate::ops::connections::{Profile, SecretStore};

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
}

impl Default for Settings {
    fn default() -> Self {
        Self { profiles: Vec::new(), last_profile: None, dark_mode: None, zoom: 1.0, registries: BTreeMap::new(), operator: String::new() }
    }
}

/// Benchmark hooks (`GROUPDESK_BENCH`): report a measurement on stderr and close.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BenchHook {
    /// The first frame that shows groups.
    FirstGroups,
    /// Resident memory once the 3,000-member demo group is open.
    MemoryAfterBigGroup,
}

pub struct AppOptions {
    /// Where every change is recorded.
    pub audit: crate::ops::audit::AuditLog,
    pub bench: Option<BenchHook>,
    /// A group to open once the list is loaded.
    pub open_at_start: Option<String>,
    /// Data directory of the embedded sandbox.
    pub sandbox_dir: PathBuf,
    pub secrets: Arc<SecretStore>,
    /// Whether settings are loaded from and saved to eframe storage.
    pub persist: bool,
}

impl Default for AppOptions {
    fn default() -> Self {
        let bench = match std::env::var("GROUPDESK_BENCH").as_deref() {
            Ok("first-groups") => Some(BenchHook::FirstGroups),
            Ok("memory") => Some(BenchHook::MemoryAfterBigGroup),
            _ => None,
        };
        let open_at_start = std::env::var("GROUPDESK_OPEN_GROUP").ok().filter(|s| !s.is_empty());
        Self {
            audit: crate::ops::audit::AuditLog::new(crate::ops::audit::AuditLog::default_path()),
            bench,
            open_at_start,
            sandbox_dir: crate::ui::exec::default_sandbox_dir(),
            secrets: Arc::new(SecretStore::new()),
            persist: true,
        }
    }
}
