//! The app shell. It owns the settings, the connection and the screens; draws the panels; and
//! at the frame boundary routes results from the runtime to the screens that own them
//! (`routing.rs`) and applies the commands the screens pushed through one handler
//! (`handler.rs`), which starts all work through [`super::exec`].

mod chrome;
mod handler;
mod routing;
mod session;
mod settings;

use std::path::Path;

use super::bridge::Bridge;
use super::command::{Command, Screen};
use super::event::GroupRow;
use super::exec;
use super::screens::audit::AuditScreen;
use super::screens::browser::BrowserScreen;
use super::screens::connections::ConnectionsScreen;
use super::screens::extkeys::ExtKeysScreen;
use super::screens::group::{GroupPage, GroupScreen};
use super::screens::log::{LogScreen, Notice};
use super::screens::members::ExportScope;
use crate::ops::extkeys::Registry;

pub use settings::{AppOptions, BenchHook, Settings};

pub struct GroupdeskApp {
    settings: Settings,
    options: AppOptions,
    bridge: Bridge,
    session: session::Session,
    screen: Screen,
    browser: BrowserScreen,
    group: GroupScreen,
    extkeys: ExtKeysScreen,
    connections: ConnectionsScreen,
    audit: AuditScreen,
    log: LogScreen,
    /// Asked for during this frame; applied at its end.
    commands: Vec<Command>,
    /// The registry of a connection that has none yet.
    empty_registry: Registry,
    ctx: egui::Context,
}

impl GroupdeskApp {
    /// Builds the app and connects: to the last profile used, else to the embedded sandbox.
    pub fn new(ctx: &egui::Context, storage: Option<&dyn eframe::Storage>, options: AppOptions) -> Self {
        let settings: Settings = if options.persist { storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default() } else { Settings::default() };
        egui_extras::install_image_loaders(ctx);
        let connections = ConnectionsScreen::new(exec::keyring_available(&options.secrets));
        let mut app = Self {
            settings,
            options,
            bridge: Bridge::new(ctx.clone()),
            session: Default::default(),
            screen: Screen::Group,
            browser: Default::default(),
            group: Default::default(),
            extkeys: Default::default(),
            connections,
            audit: Default::default(),
            log: Default::default(),
            commands: Vec::new(),
            empty_registry: Registry::new(),
            ctx: ctx.clone(),
        };
        app.apply_look();
        let last = app.settings.last_profile.as_ref().and_then(|n| app.settings.profiles.iter().find(|p| p.name == *n)).cloned();
        app.commands.push(last.map_or(Command::ConnectBuiltIn, Command::Connect));
        app.apply_commands();
        app
    }

    fn apply_look(&self) {
        self.ctx.set_theme(match self.settings.dark_mode {
            None => egui::ThemePreference::System,
            Some(true) => egui::ThemePreference::Dark,
            Some(false) => egui::ThemePreference::Light,
        });
        if (self.settings.zoom - self.ctx.zoom_factor()).abs() > f32::EPSILON && self.settings.zoom > 0.0 {
            self.ctx.set_zoom_factor(self.settings.zoom.clamp(0.5, 3.0));
        }
    }

    /// The extProfile key registry of the current connection.
    fn registry(&self) -> &Registry {
        self.settings.registries.get(self.session.name()).unwrap_or(&self.empty_registry)
    }

    fn registry_mut(&mut self) -> &mut Registry {
        self.settings.registries.entry(self.session.name().to_owned()).or_insert_with(Registry::new)
    }

    // ----- read-only views (tests, benchmarks) -----

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The hosted groups of the connection, newest first.
    pub fn groups(&self) -> &[GroupRow] {
        self.browser.groups()
    }

    /// Indices into [`Self::groups`] that pass the browser's filter.
    pub fn visible_groups(&mut self) -> &[usize] {
        self.browser.visible_groups()
    }

    /// The open group.
    pub fn group_page(&self) -> Option<&GroupPage> {
        self.group.page()
    }

    /// The open group, to put a state in place that the UI cannot reach quickly (tests and
    /// benchmarks only: a job still running, 100,000 members).
    #[doc(hidden)]
    pub fn group_page_mut(&mut self) -> Option<&mut GroupPage> {
        self.group.page_mut()
    }

    pub fn connection_name(&self) -> Option<&str> {
        self.session.conn.as_ref().map(|c| c.name.as_str())
    }

    pub fn connection_url(&self) -> Option<String> {
        self.session.conn.as_ref().map(|c| c.url())
    }

    /// Connected to the embedded sandbox.
    pub fn on_built_in_sandbox(&self) -> bool {
        self.session.on_sandbox()
    }

    /// The extProfile keys the sandbox allows, as last read.
    pub fn sandbox_ext_keys(&self) -> Option<&[String]> {
        self.extkeys.server_keys.as_deref()
    }

    /// Every notification of this run, oldest first.
    pub fn notices(&self) -> &[Notice] {
        self.log.notices()
    }

    /// Background work still running (tests wait on this).
    pub fn busy(&self) -> bool {
        self.bridge.busy() > 0 || self.session.starting()
    }

    // ----- exports as if a save dialog had answered `path` (scripts and tests) -----

    pub fn export_members(&mut self, path: &Path, scope: ExportScope, bom: bool) {
        let cmd = self.group.page_mut().and_then(|p| p.members.export_to(&p.group_id, path.to_owned(), scope, bom));
        self.commands.extend(cmd);
    }

    pub fn export_outcomes(&mut self, path: &Path) {
        let cmd = self.group.page().and_then(|p| p.members.jobs.export_outcomes(path.to_owned()));
        self.commands.extend(cmd);
    }

    pub fn export_audit(&mut self, path: &Path) {
        self.commands.push(self.audit.export_command(path.to_owned()));
    }

    // ----- the frame -----

    /// Results from the runtime go to their screens; finished promises are taken.
    fn receive(&mut self) {
        for event in self.bridge.drain() {
            self.route(event);
        }
        self.poll_session();
        let registry = self.settings.registries.get(self.session.name()).unwrap_or(&self.empty_registry);
        self.group.poll(registry, &mut self.commands);
        self.extkeys.poll(&mut self.commands);
        self.audit.poll(&mut self.commands);
    }

    /// Applies every command asked for (and those they lead to), in order.
    fn apply_commands(&mut self) {
        while !self.commands.is_empty() {
            for cmd in std::mem::take(&mut self.commands) {
                self.apply(cmd);
            }
        }
    }

    fn panels_ui(&mut self, ui: &mut egui::Ui) {
        let cmds = &mut self.commands;
        egui::Panel::top("top_bar").show(ui, |ui| chrome::top_bar_ui(ui, &self.session, &mut self.screen, cmds));
        egui::Panel::bottom("status_bar").show(ui, |ui| chrome::status_ui(ui, self.bridge.busy(), self.log.notices().last()));
        let selected = self.group.page().map(|p| p.group_id.clone());
        egui::Panel::left("browser").resizable(true).default_size(300.0).show(ui, |ui| self.browser.ui(ui, selected.as_deref(), cmds));
        let registry = self.settings.registries.get(self.session.name()).unwrap_or(&self.empty_registry);
        egui::CentralPanel::default().show(ui, |ui| match self.screen {
            Screen::Group => self.group.ui(ui, registry, self.browser.groups().len(), cmds),
            Screen::ExtKeys => self.extkeys.ui(ui, registry, self.session.on_sandbox(), cmds),
            Screen::Connections => self.connections.ui(ui, &mut self.settings.operator, &self.settings.profiles, cmds),
            Screen::Audit => self.audit.ui(ui, &self.options.audit.path().display().to_string(), cmds),
            Screen::Log => self.log.ui(ui),
        });
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        self.group.dialogs_ui(ctx, &mut self.commands);
        self.browser.dialogs_ui(ctx, &mut self.commands);
        self.connections.dialogs_ui(ctx, &mut self.commands);
    }

    /// `GROUPDESK_BENCH`: report the measurement once its moment has come.
    fn bench_hook(&mut self) {
        let Some(hook) = self.options.bench.filter(|_| !self.browser.groups().is_empty()) else { return };
        match hook {
            BenchHook::FirstGroups => {
                eprintln!("bench: first frame with {} groups", self.browser.groups().len());
                self.options.bench = None;
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            BenchHook::MemoryAfterBigGroup => match self.group.page() {
                None => self.commands.push(Command::OpenGroup("community".into())),
                Some(p) if p.detail.is_some() => {
                    self.options.bench = None;
                    self.report_memory();
                }
                Some(_) => {}
            },
        }
    }
}

impl eframe::App for GroupdeskApp {
    fn logic(&mut self, _ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.receive();
        self.apply_commands();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // Results may also arrive between logic() and ui().
        self.receive();
        self.panels_ui(ui);
        self.dialogs_ui(ui.ctx());
        self.bench_hook();
        self.apply_commands();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.options.persist {
            eframe::set_value(storage, eframe::APP_KEY, &self.settings);
        }
    }
}
