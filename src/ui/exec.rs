//! The console's adapters onto the operations layer: each function is one user-visible
//! operation, a future the shell runs on the bridge's runtime (never on the UI thread), taking
//! plain data and calling [`crate::ops`]. Nothing here talks to a service client, the sandbox,
//! the keyring or a file directly. Local failures (files, keyring, the embedded server) become
//! `ErrorKind::Transport` errors whose `path` names the file or component.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::bulk::{BulkReport, Control};
use crate::model::table::MemberTable;
use crate::model::{ApiError, GroupDetail, Member, MemberAction, Service};
use crate::ops::audit::{AuditEntry, AuditLog};
use crate::ops::connections::{Embedded, Environment, Profile, SecretStore};
use crate::ops::extkeys::Registry;
use crate::ops::{Recorded, Session};

use super::command::BUILT_IN;

/// The current connection: the operations session and, for the built-in one, the embedded
/// sandbox it runs.
pub struct Connection {
    pub session: Session,
    pub name: String,
    pub environment: Environment,
    /// The embedded sandbox, which also answers the `/_sandbox/` admin calls.
    pub sandbox: bool,
    embedded: Option<Embedded>,
}

impl Connection {
    /// The base URL requests go to (no I/O).
    pub fn url(&self) -> String {
        self.session.current_url()
    }

    /// The service it talks to.
    pub fn service(&self) -> Service {
        self.session.service()
    }
}

/// An error of local work (a file, the keyring, the embedded server).
fn local_error(what: &str, message: impl std::fmt::Display) -> ApiError {
    ApiError::transport(what, "", message.to_string())
}

fn file_error(path: &Path, e: impl std::fmt::Display) -> ApiError {
    local_error(&path.display().to_string(), e)
}

/// Runs blocking work (files, keyring) on the runtime's blocking pool.
async fn blocking<T: Send + 'static>(what: &'static str, work: impl FnOnce() -> Result<T, ApiError> + Send + 'static) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work).await.map_err(|e| local_error(what, e))?
}

// ----- connections -----

/// Starts the embedded sandbox of `service` (an operations-layer connection) on a free loopback
/// port: the `rongcloud-demo` or `tencent-demo` connection.
pub async fn start_embedded(service: Service, data_dir: PathBuf, audit: AuditLog) -> Result<Connection, ApiError> {
    use crate::ops::connections::{TENCENT_DEMO, start_embedded_tencent};
    let operator = crate::ops::audit::operator_from_env();
    let (session, embedded, name) = match service {
        Service::RongCloud => {
            let (s, e) = crate::ops::connections::start_embedded(data_dir, &operator, audit).await.map_err(|e| local_error("sandbox", e))?;
            (s, e, BUILT_IN)
        }
        Service::Tencent => {
            let (s, e) = start_embedded_tencent(data_dir, &operator, audit).await.map_err(|e| local_error("sandbox", e))?;
            (s, e, TENCENT_DEMO)
        }
    };
    Ok(Connection { session, name: name.into(), environment: Environment::Sandbox, sandbox: true, embedded: Some(embedded) })
}

/// Connects with a saved profile: with `secret` (typed by the user; then kept for this run
/// and, where there is one, in the OS keyring) or else the stored one. `None` when no secret
/// is stored for the profile.
pub async fn connect_profile(secrets: Arc<SecretStore>, audit: AuditLog, profile: Profile, secret: Option<String>) -> Result<Option<Connection>, ApiError> {
    let name = profile.name.clone();
    let secret = blocking("keyring", move || {
        Ok(match secret {
            Some(s) => {
                secrets.set(&name, &s);
                Some(s)
            }
            None => secrets.get(&name),
        })
    })
    .await?;
    let Some(secret) = secret else { return Ok(None) };
    let session = crate::ops::connections::connect_profile(&profile, &secret, &crate::ops::audit::operator_from_env(), audit)?;
    Ok(Some(Connection { session, name: profile.name, environment: profile.environment, sandbox: false, embedded: None }))
}

/// Leaves a connection; an embedded sandbox finishes its requests and closes its database.
pub async fn disconnect(conn: Connection) {
    if let Some(sb) = conn.embedded {
        sb.shutdown().await;
    }
}

/// Stores a new profile's App Secret; `true` when it went to the OS keyring (else memory only).
pub async fn save_secret(secrets: Arc<SecretStore>, name: String, secret: String) -> Result<bool, ApiError> {
    blocking("keyring", move || Ok(secrets.set(&name, &secret))).await
}

pub async fn forget_secret(secrets: Arc<SecretStore>, name: String) -> Result<(), ApiError> {
    blocking("keyring", move || {
        secrets.forget(&name);
        Ok(())
    })
    .await
}

/// Whether secrets go to an OS keyring. Reads a flag the store keeps; no keyring call.
pub fn keyring_available(secrets: &SecretStore) -> bool {
    secrets.keyring_available()
}

/// A portrait image for the preview.
pub async fn preview_portrait(url: String) -> Result<Arc<[u8]>, ApiError> {
    crate::ops::groups::fetch_portrait(&url).await.map(Arc::from).map_err(|e| local_error(&url, e))
}

// ----- members -----

/// Every member with mute and allowlist state, with the sort orders built off the UI thread.
pub async fn load_members(s: Session, detail: GroupDetail) -> Result<MemberTable, ApiError> {
    crate::ops::members::table(&s, &detail).await
}

/// Reads the members page by page, `on_page(rows, member count)` for each, until done or
/// `cancel` fires (then quietly `Ok`).
pub async fn stream_members(s: Session, detail: GroupDetail, cancel: tokio_util::sync::CancellationToken, mut on_page: impl FnMut(Vec<Member>, usize) + Send) -> Result<(), ApiError> {
    let stop = cancel.clone();
    let mut f = move |rows: Vec<Member>, total: usize| {
        if stop.is_cancelled() {
            return false;
        }
        on_page(rows, total);
        true
    };
    tokio::select! {
        r = crate::ops::members::pages(&s, &detail, &mut f) => r,
        () = cancel.cancelled() => Ok(()),
    }
}

/// Runs a bulk job through the operations layer (which records it in the audit log).
pub async fn run_job(s: Session, group_id: String, action: MemberAction, users: Vec<String>, reason: String, ctl: Control) -> Recorded<BulkReport> {
    crate::ops::members::run_job(&s, &group_id, &action, &users, Some(&reason), &ctl).await
}

/// Writes members as CSV (`columns` only; a BOM for Excel), reporting rows written.
pub async fn export_members(path: PathBuf, rows: Vec<Member>, columns: Vec<&'static str>, bom: bool, progress: impl FnMut(usize) + Send + 'static) -> Result<(), ApiError> {
    crate::ops::members::export_csv(path.clone(), rows, columns, bom, progress).await.map(|_| ()).map_err(|e| file_error(&path, e))
}

/// Writes a job's per-user outcomes as CSV.
pub async fn export_outcomes(s: Option<Session>, path: PathBuf, report: BulkReport) -> Result<(), ApiError> {
    blocking("export", move || {
        let service = s.map(|s| s.service()).unwrap_or(crate::model::Service::RongCloud);
        crate::ops::members::write_report_file(&path, &report, service).map_err(|e| file_error(&path, e))
    })
    .await
}

/// A list of user ids (or CSV) to act on.
pub async fn read_list_file(path: PathBuf) -> Result<String, ApiError> {
    blocking("import", move || crate::ops::csv::read_text_file(&path).map_err(|e| file_error(&path, e))).await
}

// ----- extProfile keys -----

pub async fn export_registry(path: PathBuf, registry: Registry) -> Result<(), ApiError> {
    blocking("export", move || registry.write_file(&path).map_err(|e| file_error(&path, e))).await
}

pub async fn import_registry(path: PathBuf) -> Result<Registry, ApiError> {
    blocking("import", move || Registry::read_file(&path).map_err(|e| file_error(&path, e))).await
}

/// Tencent custom-field keys as JSON (#13 item 4).
pub async fn export_tc_fields(path: PathBuf, fields: crate::model::tencent::CustomFields) -> Result<(), ApiError> {
    blocking("export", move || crate::ops::tencent::write_fields_file(&path, &fields).map_err(|e| file_error(&path, e))).await
}

// ----- audit log -----

/// Every entry, oldest first.
pub async fn read_audit(log: AuditLog) -> Result<Vec<AuditEntry>, ApiError> {
    blocking("audit", move || log.read().map_err(|e| file_error(log.path(), e))).await
}

/// Writes entries as JSON Lines.
pub async fn export_audit(path: PathBuf, entries: Vec<AuditEntry>) -> Result<(), ApiError> {
    blocking("export", move || crate::ops::audit::export(&path, &entries).map_err(|e| file_error(&path, e))).await
}

// ----- fonts -----

/// The system's fonts (or one font file), and the face that renders Han characters.
pub struct ScannedFonts {
    pub fonts: Arc<crate::platform::fonts::SystemFonts>,
    pub cjk_family: Option<String>,
}

/// Scans the system's fonts, the locale's CJK variant first (reads the font directories).
pub async fn scan_fonts(locale: String) -> Result<ScannedFonts, ApiError> {
    blocking("fonts", move || {
        let fonts = crate::platform::fonts::SystemFonts::scan(&locale);
        let cjk_family = fonts.cjk_family();
        tracing::info!(faces = fonts.len(), cjk = ?cjk_family, "system fonts scanned");
        Ok(ScannedFonts { fonts: Arc::new(fonts), cjk_family })
    })
    .await
}

/// One font file the operator chose.
pub async fn load_font_file(path: PathBuf) -> Result<ScannedFonts, ApiError> {
    blocking("font file", move || {
        let fonts = crate::platform::fonts::SystemFonts::file(&path).map_err(|e| local_error("font file", e))?;
        let cjk_family = fonts.cjk_family();
        Ok(ScannedFonts { fonts: Arc::new(fonts), cjk_family })
    })
    .await
}

// ----- files -----

/// Where the in-app path chooser starts: the user's Downloads folder, else Documents, else home
/// (reads the XDG user-dirs file).
pub async fn default_folder() -> PathBuf {
    blocking("folders", || {
        let dirs = directories::UserDirs::new();
        Ok(dirs
            .as_ref()
            .and_then(|d| d.download_dir().or_else(|| d.document_dir()).map(Path::to_path_buf).or_else(|| Some(d.home_dir().to_path_buf())))
            .unwrap_or_else(|| PathBuf::from(".")))
    })
    .await
    .unwrap_or_else(|_| PathBuf::from("."))
}

/// One entry of a folder as the in-app path chooser lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderEntry {
    pub name: String,
    pub is_dir: bool,
}

/// The folder's sub-folders and files (only those ending in one of `extensions`, when given),
/// hidden ones left out, folders first, each group by name; at most `FOLDER_LIST_MAX`.
pub async fn list_folder(folder: PathBuf, extensions: &'static [&'static str]) -> Result<Vec<FolderEntry>, String> {
    let listed = tokio::task::spawn_blocking(move || -> std::io::Result<Vec<FolderEntry>> {
        let mut entries = Vec::new();
        for e in std::fs::read_dir(&folder)? {
            let e = e?;
            let name = e.file_name().to_string_lossy().into_owned();
            let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false) || e.path().is_dir();
            let wanted = extensions.is_empty() || Path::new(&name).extension().is_some_and(|x| extensions.iter().any(|w| x.eq_ignore_ascii_case(w)));
            if !name.starts_with('.') && (is_dir || wanted) {
                entries.push(FolderEntry { name, is_dir });
            }
        }
        entries.sort_by(|a, b| b.is_dir.cmp(&a.is_dir).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())));
        entries.truncate(FOLDER_LIST_MAX);
        Ok(entries)
    })
    .await;
    match listed {
        Ok(r) => r.map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// The most entries the in-app chooser lists (a folder of 100,000 files stays responsive).
pub const FOLDER_LIST_MAX: usize = 1_000;

// ----- benchmarks -----

/// Resident memory of this process in kB (Linux), for the memory benchmark.
pub async fn resident_memory_kb() -> String {
    let status = tokio::fs::read_to_string("/proc/self/status").await.unwrap_or_default();
    status.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)).unwrap_or("0").to_owned()
}

/// Where the embedded sandbox keeps its data by default (a path; no I/O).
pub fn default_sandbox_dir() -> PathBuf {
    crate::ops::connections::default_sandbox_dir()
}
