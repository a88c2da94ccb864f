//! The eframe app: settings, connection, messages from the runtime, and the frame layout.
//! Screens draw themselves (`*_ui` functions in their modules) and ask for work through
//! methods that hand futures to the [`Bridge`].

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use egui::{Color32, RichText};
use serde::{Deserialize, Serialize};

use super::bridge::Bridge;
use super::group::GroupView;
use super::msg::{GroupDetail, GroupRow, Msg};
use crate::api::{ApiError, Client, ClientConfig, Credentials, Endpoint};
use crate::extkeys::Registry;
use crate::profiles::{Environment, Profile, SecretStore};
use crate::sandbox::{self, Sandbox};

/// Name of the connection to the embedded sandbox.
pub const BUILT_IN: &str = "Built-in sandbox";

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
    pub audit: crate::audit::AuditLog,
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
        Self { audit: crate::audit::AuditLog::new(crate::audit::AuditLog::default_path()), bench, open_at_start, sandbox_dir: sandbox::default_data_dir(), secrets: Arc::new(SecretStore::new()), persist: true }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Group,
    ExtKeys,
    Connections,
    Audit,
    Log,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

/// A notification; all of them stay in the log panel.
#[derive(Clone, Debug)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    pub at: std::time::Instant,
}

pub struct Connected {
    pub client: Client,
    pub name: String,
    pub environment: Environment,
    pub sandbox: bool,
}

pub struct GroupdeskApp {
    pub settings: Settings,
    pub(crate) bridge: Bridge,
    pub(crate) secrets: Arc<SecretStore>,
    options: AppOptions,
    pub conn: Option<Connected>,
    pub connecting: bool,
    pub conn_error: Option<String>,
    sandbox: Option<Sandbox>,
    pub groups: Vec<GroupRow>,
    pub groups_loading: bool,
    pub filter: String,
    filtered: Vec<usize>,
    filtered_for: Option<(String, usize)>,
    pub open_id: String,
    pub lookup_user: String,
    pub lookup: Option<(String, Result<Vec<crate::api::types::JoinedGroup>, String>)>,
    pub screen: Screen,
    pub group: Option<GroupView>,
    pub notices: Vec<Notice>,
    pub create: Option<super::group::CreateForm>,
    pub extkeys: super::extkeys::ExtKeysView,
    pub connections: super::connections::ConnectionsView,
    /// A profile waiting for its App Secret (no keyring entry).
    pub secret_prompt: Option<(String, String)>,
    pub audit_view: super::audit::AuditView,
}

impl GroupdeskApp {
    /// Builds the app; with no saved connection it starts the embedded sandbox.
    pub fn new(ctx: &egui::Context, storage: Option<&dyn eframe::Storage>, options: AppOptions) -> Self {
        let settings: Settings = if options.persist {
            storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default()
        } else {
            Settings::default()
        };
        egui_extras::install_image_loaders(ctx);
        let bridge = Bridge::new(ctx.clone());
        let secrets = options.secrets.clone();
        let mut app = Self {
            settings,
            bridge,
            secrets,
            options,
            conn: None,
            connecting: false,
            conn_error: None,
            sandbox: None,
            groups: Vec::new(),
            groups_loading: false,
            filter: String::new(),
            filtered: Vec::new(),
            filtered_for: None,
            open_id: String::new(),
            lookup_user: String::new(),
            lookup: None,
            screen: Screen::Group,
            group: None,
            notices: Vec::new(),
            create: None,
            extkeys: Default::default(),
            connections: Default::default(),
            secret_prompt: None,
            audit_view: Default::default(),
        };
        app.apply_look(ctx);
        let last = app.settings.last_profile.clone().and_then(|n| app.settings.profiles.iter().find(|p| p.name == n).cloned());
        match last {
            Some(p) => app.connect_profile(&p),
            None => app.connect_built_in(),
        }
        app
    }

    pub(crate) fn apply_look(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.settings.dark_mode {
            None => egui::ThemePreference::System,
            Some(true) => egui::ThemePreference::Dark,
            Some(false) => egui::ThemePreference::Light,
        });
        if (self.settings.zoom - ctx.zoom_factor()).abs() > f32::EPSILON && self.settings.zoom > 0.0 {
            ctx.set_zoom_factor(self.settings.zoom.clamp(0.5, 3.0));
        }
    }

    pub fn notify(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        match level {
            Level::Error => tracing::warn!("{text}"),
            Level::Info => tracing::info!("{text}"),
        }
        self.notices.push(Notice { level, text, at: std::time::Instant::now() });
    }

    pub(crate) fn options_audit(&self) -> &crate::audit::AuditLog {
        &self.options.audit
    }

    /// A new audit entry with the operator (settings, else the login name) and connection.
    pub(crate) fn audit_entry(&self, action: &str, group: &str) -> crate::audit::AuditEntry {
        let operator = if self.settings.operator.trim().is_empty() { crate::audit::operator_from_env() } else { self.settings.operator.clone() };
        let connection = self.conn.as_ref().map(|c| c.name.clone()).unwrap_or_default();
        crate::audit::AuditEntry::new(&operator, &connection, action, group)
    }

    /// Appends a change to the audit log (flushed before the result is shown).
    pub fn audit(&mut self, action: &str, group: &str, result: &Result<(), ApiError>) {
        let entry = self.audit_entry(action, group).with_result(result);
        if let Err(e) = self.options.audit.append(&entry) {
            self.notify(Level::Error, format!("The audit log {} could not be written: {e}", self.options.audit.path().display()));
        }
        self.audit_view.loaded = false;
    }

    pub fn notify_error(&mut self, what: &str, e: &ApiError) {
        self.notify(Level::Error, format!("{what}: {e}. {}", e.explanation()));
    }

    /// Background tasks still running (tests wait on this).
    pub fn busy(&self) -> bool {
        self.bridge.busy() > 0 || self.connecting
    }

    pub fn registry_mut(&mut self) -> &mut Registry {
        let name = self.conn.as_ref().map(|c| c.name.clone()).unwrap_or_default();
        self.settings.registries.entry(name).or_insert_with(Registry::new)
    }

    pub fn registry(&self) -> Registry {
        let name = self.conn.as_ref().map(|c| c.name.as_str()).unwrap_or_default();
        self.settings.registries.get(name).cloned().unwrap_or_else(Registry::new)
    }

    // ----- connections -----

    pub fn connect_built_in(&mut self) {
        self.reset_connection();
        self.connecting = true;
        let mut config = sandbox::Config::new(self.options.sandbox_dir.clone());
        config.addr = "127.0.0.1:0".parse().expect("loopback");
        self.bridge.spawn(async move { Msg::SandboxStarted(Sandbox::start(config).await.map_err(|e| format!("{e:#}"))) });
    }

    pub fn connect_profile(&mut self, p: &Profile) {
        let Some(secret) = self.secrets.get(&p.name) else {
            self.secret_prompt = Some((p.name.clone(), String::new()));
            self.screen = Screen::Connections;
            return;
        };
        self.reset_connection();
        match Client::new(ClientConfig::new(Credentials::new(&p.app_key, secret), p.endpoint())) {
            Ok(client) => {
                self.conn = Some(Connected { client, name: p.name.clone(), environment: p.environment, sandbox: false });
                self.settings.last_profile = Some(p.name.clone());
                self.notify(Level::Info, format!("Connected to {}", p.name));
                self.refresh_groups();
            }
            Err(e) => self.conn_error = Some(e.message),
        }
    }

    fn reset_connection(&mut self) {
        self.conn = None;
        self.conn_error = None;
        self.groups.clear();
        self.filtered_for = None;
        self.group = None;
        self.lookup = None;
        if let Some(sb) = self.sandbox.take() {
            self.bridge.handle().spawn(sb.shutdown());
        }
    }

    pub fn client(&self) -> Option<Client> {
        self.conn.as_ref().map(|c| c.client.clone())
    }

    // ----- requests -----

    pub fn refresh_groups(&mut self) {
        let Some(client) = self.client() else { return };
        self.groups_loading = true;
        self.bridge.spawn(async move {
            let result = async {
                let groups = client.all_groups().await?;
                let ids: Vec<String> = groups.iter().map(|g| g.group_id.clone()).collect();
                let counts: std::collections::HashMap<String, i64> =
                    client.group_profiles_all(&ids).await?.into_iter().map(|p| (p.group_id, p.member_count)).collect();
                Ok(groups
                    .into_iter()
                    .map(|g| {
                        let member_count = counts.get(&g.group_id).copied().unwrap_or(0);
                        GroupRow { summary: g, member_count }
                    })
                    .collect())
            }
            .await;
            Msg::Groups(result)
        });
    }

    pub fn open_group(&mut self, group_id: &str) {
        let group_id = group_id.trim().to_owned();
        if let Err(e) = crate::api::check::group_id("", "Group ID", &group_id) {
            self.notify(Level::Error, e.message);
            return;
        }
        let Some(client) = self.client() else { return };
        self.screen = Screen::Group;
        self.group = Some(GroupView::loading(&group_id));
        let gid = group_id.clone();
        self.bridge.spawn(async move { Msg::Group(gid.clone(), load_group(&client, &gid).await) });
    }

    pub fn lookup_user_groups(&mut self) {
        let user = self.lookup_user.trim().to_owned();
        if let Err(e) = crate::api::check::user_id("", "User ID", &user) {
            self.lookup = Some((user, Err(e.message)));
            return;
        }
        let Some(client) = self.client() else { return };
        self.bridge.spawn(async move { Msg::UserGroups(user.clone(), client.all_joined(&user).await) });
    }

    /// Runs a change against the open group; on success the group is read back.
    pub fn change<F, Fut>(&mut self, action: &str, work: F)
    where
        F: FnOnce(Client, String) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = Result<(), ApiError>> + Send + 'static,
    {
        let (Some(client), Some(view)) = (self.client(), self.group.as_mut()) else { return };
        view.busy = true;
        let group_id = view.group_id.clone();
        let action = action.to_owned();
        self.bridge.spawn(async move { Msg::Changed { group_id: group_id.clone(), action, result: work(client, group_id).await } });
    }

    // ----- messages -----

    pub fn handle(&mut self, msg: Msg) {
        match msg {
            Msg::SandboxStarted(Ok(sb)) => {
                self.connecting = false;
                let config = ClientConfig::new(
                    Credentials::new(sandbox::DEMO_APP_KEY, sandbox::DEMO_APP_SECRET),
                    Endpoint::custom(sb.base_url()),
                );
                match Client::new(config) {
                    Ok(client) => {
                        self.notify(Level::Info, format!("Built-in sandbox running at {}", sb.base_url()));
                        self.conn = Some(Connected { client, name: BUILT_IN.into(), environment: Environment::Sandbox, sandbox: true });
                        self.sandbox = Some(sb);
                        self.settings.last_profile = None;
                        self.refresh_groups();
                        self.load_server_ext_keys();
                    }
                    Err(e) => self.conn_error = Some(e.message),
                }
            }
            Msg::SandboxStarted(Err(e)) => {
                self.connecting = false;
                self.conn_error = Some(format!("The built-in sandbox did not start: {e}"));
                self.notify(Level::Error, format!("The built-in sandbox did not start: {e}"));
            }
            Msg::Groups(r) => {
                self.groups_loading = false;
                match r {
                    Ok(g) => {
                        self.groups = g;
                        self.filtered_for = None;
                        // `GROUPDESK_OPEN_GROUP` opens a group at start (scripts, screenshots).
                        if let Some(id) = self.options.open_at_start.take() {
                            self.open_group(&id);
                        }
                    }
                    Err(e) => self.notify_error("Loading groups failed", &e),
                }
            }
            Msg::Group(gid, r) => {
                if self.group.as_ref().is_some_and(|g| g.group_id == gid) {
                    match r {
                        Ok(detail) => {
                            let registry = self.registry();
                            if let Some(v) = self.group.as_mut() {
                                v.loaded(detail, &registry);
                            }
                        }
                        Err(e) => {
                            self.notify_error(&format!("Opening group {gid} failed"), &e);
                            if let Some(v) = self.group.as_mut() {
                                v.error = Some(format!("{e}"));
                                v.busy = false;
                            }
                        }
                    }
                }
            }
            Msg::Changed { group_id, action, result } => match { self.audit(&action, &group_id, &result); result } {
                Ok(()) => {
                    self.notify(Level::Info, format!("{action}: done for group {group_id}; reading it back from the server"));
                    if self.group.as_ref().is_some_and(|g| g.group_id == group_id) {
                        if let Some(v) = self.group.as_mut() {
                            v.confirm_pending = Some(action);
                            v.members.table = None; // reload on next view
                        }
                        let Some(client) = self.client() else { return };
                        let gid = group_id.clone();
                        self.bridge.spawn(async move { Msg::Group(gid.clone(), load_group(&client, &gid).await) });
                    }
                    self.refresh_groups();
                }
                Err(e) => {
                    self.notify_error(&format!("{action} failed for group {group_id}"), &e);
                    if let Some(v) = self.group.as_mut() {
                        v.busy = false;
                        v.error = Some(format!("{e}. {}", e.explanation()));
                    }
                }
            },
            Msg::Created(gid, r) => match { self.audit("create group", &gid, &r); r } {
                Ok(()) => {
                    self.notify(Level::Info, format!("Group {gid} created"));
                    self.create = None;
                    self.refresh_groups();
                    self.open_group(&gid);
                }
                Err(e) => {
                    if let Some(f) = self.create.as_mut() {
                        f.busy = false;
                        f.error = Some(format!("{e}. {}", e.explanation()));
                    }
                    self.notify_error(&format!("Creating group {gid} failed"), &e);
                }
            },
            Msg::Dismissed(gid, reason, r) => match { self.audit(&format!("dismiss group — reason: {reason}"), &gid, &r); r } {
                Ok(()) => {
                    self.notify(Level::Info, format!("Group {gid} dismissed"));
                    self.group = None;
                    self.refresh_groups();
                }
                Err(e) => {
                    self.notify_error(&format!("Dismissing {gid} failed"), &e);
                    if let Some(v) = self.group.as_mut() {
                        v.busy = false;
                    }
                }
            },
            Msg::UserGroups(user, r) => self.lookup = Some((user, r.map_err(|e| format!("{e}. {}", e.explanation())))),
            Msg::ServerExtKeys(r) => match r {
                Ok(keys) => {
                    self.extkeys.server_keys = Some(keys.clone());
                    self.registry_mut().adopt(&keys);
                }
                Err(e) => self.notify_error("Reading the extProfile keys failed", &e),
            },
            Msg::ExtKeysApplied(r) => match r {
                Ok(keys) => {
                    self.notify(Level::Info, "extProfile keys applied to the sandbox");
                    self.extkeys.server_keys = Some(keys);
                }
                Err(e) => self.notify_error("Applying extProfile keys failed", &e),
            },
            Msg::Members(gid, r) => {
                if let Some(v) = self.group.as_mut().filter(|g| g.group_id == gid) {
                    match r {
                        Ok(table) => v.members.set_table(table),
                        Err(e) => {
                            v.members.loading = false;
                            v.members.error = Some(format!("{e}. {}", e.explanation()));
                        }
                    }
                }
            }
            Msg::JobProgress(gid, p) => {
                if let Some(job) = self.group.as_mut().filter(|g| g.group_id == gid).and_then(|v| v.members.job.as_mut()) {
                    if job.report.is_none() {
                        job.progress = p;
                    }
                }
            }
            Msg::JobDone { group_id, action, reason, report } => self.job_done(group_id, action, reason, report),
            Msg::Allowlist(gid, r) => {
                if let Some(v) = self.group.as_mut().filter(|g| g.group_id == gid) {
                    v.members.allowlist = Some(r.map_err(|e| format!("{e}. {}", e.explanation())));
                }
            }
            Msg::ExportProgress(gid, done, total) => {
                if let Some(v) = self.group.as_mut().filter(|g| g.group_id == gid) {
                    v.members.exporting = (done < total).then_some((done, total));
                }
            }
            Msg::Exported(path, n, r) => match {
                if let Some(v) = self.group.as_mut() {
                    v.members.exporting = None;
                }
                r
            } {
                Ok(()) => self.notify(Level::Info, format!("Exported {n} members to {}", path.display())),
                Err(e) => self.notify(Level::Error, format!("Export to {} failed: {e}", path.display())),
            },
            Msg::Portrait(url, r) => {
                if let Some(v) = self.group.as_mut() {
                    if v.portrait.as_ref().is_some_and(|(u, _)| *u == url) {
                        v.portrait = Some((url, Some(r)));
                    }
                }
            }
            Msg::ExtKeysInUse(r) => match r {
                Ok(keys) => self.extkeys.in_use = Some(keys),
                Err(e) => self.notify_error("Scanning groups failed", &e),
            },
        }
    }

    /// Loads the portrait preview of the open group's URL field.
    pub fn preview_portrait(&mut self) {
        let Some(view) = self.group.as_mut() else { return };
        let url = view.form.portrait_url.trim().to_owned();
        if url.is_empty() {
            view.portrait = None;
            return;
        }
        view.portrait = Some((url.clone(), None));
        self.bridge.spawn(async move {
            let r = crate::api::portrait::fetch(&url).await.map(std::sync::Arc::from);
            Msg::Portrait(url, r)
        });
    }

    pub fn load_server_ext_keys(&mut self) {
        let Some(client) = self.client() else { return };
        if !self.conn.as_ref().is_some_and(|c| c.sandbox) {
            return;
        }
        self.bridge.spawn(async move { Msg::ServerExtKeys(client.sandbox_ext_keys().await) });
    }

    /// The filtered view of the group list, recomputed only when the data or filter change.
    pub fn visible_groups(&mut self) -> &[usize] {
        let key = (self.filter.to_lowercase(), self.groups.len());
        if self.filtered_for.as_ref() != Some(&key) {
            let f = &key.0;
            self.filtered = self
                .groups
                .iter()
                .enumerate()
                .filter(|(_, g)| f.is_empty() || g.summary.group_id.to_lowercase().contains(f) || g.summary.name.to_lowercase().contains(f))
                .map(|(i, _)| i)
                .collect();
            self.filtered_for = Some(key);
        }
        &self.filtered
    }

    // ----- drawing -----

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let production = self.conn.as_ref().is_some_and(|c| c.environment == Environment::Production);
        if production {
            egui::Frame::new().fill(Color32::from_rgb(190, 30, 45)).inner_margin(4.0).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new("PRODUCTION — changes affect real users").color(Color32::WHITE).strong());
            });
        }
        ui.horizontal(|ui| {
            ui.heading("groupdesk");
            ui.separator();
            match &self.conn {
                Some(c) => {
                    ui.label(RichText::new(&c.name).strong());
                    super::widgets::env_badge(ui, c.environment);
                    ui.label(RichText::new(c.client.current_url()).weak());
                }
                None if self.connecting => {
                    ui.spinner();
                    ui.label("Starting the built-in sandbox…");
                }
                None => {
                    ui.label(RichText::new(self.conn_error.clone().unwrap_or_else(|| "Not connected".into())).color(Color32::RED));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let dark = ui.visuals().dark_mode;
                if ui.button(if dark { "Light theme" } else { "Dark theme" }).clicked() {
                    self.settings.dark_mode = Some(!dark);
                    self.apply_look(ui.ctx());
                }
                if ui.button("Zoom +").clicked() {
                    self.settings.zoom = (ui.ctx().zoom_factor() + 0.1).min(3.0);
                    self.apply_look(ui.ctx());
                }
                if ui.button("Zoom -").clicked() {
                    self.settings.zoom = (ui.ctx().zoom_factor() - 0.1).max(0.5);
                    self.apply_look(ui.ctx());
                }
                ui.separator();
                for (screen, label) in [(Screen::Log, "Log"), (Screen::Audit, "Audit"), (Screen::Connections, "Connections"), (Screen::ExtKeys, "extProfile keys"), (Screen::Group, "Groups")] {
                    ui.selectable_value(&mut self.screen, screen, label);
                }
            });
        });
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if self.bridge.busy() > 0 {
                ui.spinner();
                ui.label(format!("{} request(s) running", self.bridge.busy()));
            } else {
                ui.label(RichText::new("Ready").weak());
            }
            if let Some(n) = self.notices.last() {
                if n.at.elapsed().as_secs() < 8 {
                    let color = if n.level == Level::Error { Color32::RED } else { ui.visuals().text_color() };
                    ui.separator();
                    ui.label(RichText::new(&n.text).color(color));
                    ui.ctx().request_repaint_after(std::time::Duration::from_secs(1));
                }
            }
        });
    }

    fn log_ui(&mut self, ui: &mut egui::Ui) {
        ui.heading("Log");
        ui.label("Every notification of this run, newest first.");
        egui::ScrollArea::vertical().show(ui, |ui| {
            for n in self.notices.iter().rev() {
                let color = if n.level == Level::Error { Color32::RED } else { ui.visuals().text_color() };
                ui.label(RichText::new(&n.text).color(color));
            }
        });
    }
}

impl GroupdeskApp {
    fn bench_hook(&mut self, ctx: &egui::Context) {
        let Some(hook) = self.options.bench else { return };
        if self.groups.is_empty() {
            return;
        }
        match hook {
            BenchHook::FirstGroups => {
                eprintln!("bench: first frame with {} groups", self.groups.len());
                self.options.bench = None;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            BenchHook::MemoryAfterBigGroup => {
                if self.group.is_none() {
                    self.open_group("community");
                } else if self.group.as_ref().is_some_and(|g| g.detail.is_some()) {
                    let rss = std::fs::read_to_string("/proc/self/status")
                        .ok()
                        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_owned()))
                        .unwrap_or_default();
                    eprintln!("bench: rss_kb {rss}");
                    self.options.bench = None;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }
}

/// Reads what the detail screen shows.
pub async fn load_group(client: &Client, group_id: &str) -> Result<GroupDetail, ApiError> {
    let ids = [group_id];
    let (info, muted_all) = futures::try_join!(client.group_info(group_id), client.mute_all_status(&ids))?;
    let legacy_members = if info.is_none() { client.group_members(group_id).await?.len() } else { 0 };
    if info.is_none() && legacy_members == 0 {
        return Err(ApiError::invalid("", "Group ID", format!("group {group_id} does not exist")));
    }
    Ok(GroupDetail { group_id: group_id.to_owned(), info, legacy_members, muted_all: muted_all.first().is_some_and(|(_, on)| *on) })
}

impl eframe::App for GroupdeskApp {
    fn logic(&mut self, _ctx: &egui::Context, _frame: &mut eframe::Frame) {
        for msg in self.bridge.drain() {
            self.handle(msg);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // Messages may also arrive between logic() and ui() in tests that drive ui() alone.
        for msg in self.bridge.drain() {
            self.handle(msg);
        }
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_ui(ui));
        egui::Panel::left("browser").resizable(true).default_size(300.0).show(ui, |ui| self.browser_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| match self.screen {
            Screen::Group => self.group_screen_ui(ui),
            Screen::ExtKeys => self.extkeys_ui(ui),
            Screen::Connections => self.connections_ui(ui),
            Screen::Audit => self.audit_ui(ui),
            Screen::Log => self.log_ui(ui),
        });
        self.dialogs_ui(ui.ctx());
        self.bench_hook(ui.ctx());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.options.persist {
            eframe::set_value(storage, eframe::APP_KEY, &self.settings);
        }
    }
}
