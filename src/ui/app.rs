//! The app shell. It owns the settings, the connection and the screens; draws the panels; and
//! at the frame boundary routes results from the runtime to the screens that own them
//! (`routing.rs`) and applies the commands the screens pushed through one handler
//! (`handler.rs`), which starts all work through [`super::exec`].

mod actions;
mod chrome;
mod files;
mod fonts;
mod handler;
mod routing;
mod session;
mod settings;
mod views;

use super::bridge::Bridge;
use super::command::{Command, Screen};
use super::exec;
use super::screens::audit::AuditScreen;
use super::screens::browser::BrowserScreen;
use super::command::Level;
use super::display;
use super::screens::connections::{ConnectionsScreen, SettingsView};
use super::screens::extkeys::ExtKeysScreen;
use super::screens::tc_fields::TcFieldsScreen;
use super::screens::group::GroupScreen;
use super::screens::log::LogScreen;
use crate::i18n::Language;
use crate::ops::extkeys::Registry;
use crate::tr;

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
    /// The custom-fields console of a Tencent connection (#13 item 4).
    tc_fields: TcFieldsScreen,
    connections: ConnectionsScreen,
    audit: AuditScreen,
    log: LogScreen,
    /// Asked for during this frame; applied at its end.
    commands: Vec<Command>,
    /// The registry of a connection that has none yet.
    empty_registry: Registry,
    fonts: fonts::FontState,
    files: files::FileChooser,
    ctx: egui::Context,
}

impl GroupdeskApp {
    /// Builds the app and connects: to the connection a deep link names, else to the last
    /// profile used, else to the embedded sandbox. Starts the system font scan.
    pub fn new(ctx: &egui::Context, storage: Option<&dyn eframe::Storage>, options: AppOptions) -> Self {
        let mut settings: Settings = if options.persist { storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default() } else { Settings::default() };
        // The built-in RongCloud connection was called "Built-in sandbox" before `rongcloud-demo`.
        if let Some(r) = settings.registries.remove("Built-in sandbox") {
            settings.registries.entry(super::command::BUILT_IN.to_owned()).or_insert(r);
        }
        egui_extras::install_image_loaders(ctx);
        let connections = ConnectionsScreen::new(exec::keyring_available(&options.secrets), settings.cjk_font.as_ref());
        let mut app = Self {
            settings,
            options,
            bridge: Bridge::new(ctx.clone()),
            session: Default::default(),
            screen: Screen::Group,
            browser: Default::default(),
            group: Default::default(),
            extkeys: Default::default(),
            tc_fields: Default::default(),
            connections,
            audit: Default::default(),
            log: Default::default(),
            commands: Vec::new(),
            empty_registry: Registry::new(),
            fonts: Default::default(),
            files: Default::default(),
            ctx: ctx.clone(),
        };
        app.apply_look();
        app.start_fonts();
        if let Some(problem) = app.options.startup_problem.take() {
            app.log.push(Level::Error, problem);
        }
        let connect = app.first_connection();
        app.commands.push(connect);
        app.apply_commands();
        app
    }

    /// The connection a deep link names (a saved profile, or the built-in sandbox by its
    /// name), else the last profile used, else the built-in sandbox.
    fn first_connection(&mut self) -> Command {
        let find = |name: &str| self.settings.profiles.iter().find(|p| p.name == name).cloned();
        let named = self.options.connection.clone().or_else(|| self.options.open_at_start.as_ref().and_then(|r| r.connection.clone()));
        if let Some(name) = named {
            if let Some(service) = crate::ops::connections::demo_service(&name) {
                return Command::ConnectDemo(service);
            }
            match find(&name) {
                Some(p) => return Command::Connect(p),
                None => self.log.push(Level::Error, tr!("deeplink-no-connection", name = name.as_str())),
            }
        }
        let last = self.settings.last_profile.clone().unwrap_or_default();
        if let Some(service) = crate::ops::connections::demo_service(&last) {
            return Command::ConnectDemo(service);
        }
        find(&last).map_or(Command::ConnectBuiltIn, Command::Connect)
    }

    /// Theme, zoom, language and time zone as the settings (or the options) say.
    fn apply_look(&self) {
        self.ctx.set_theme(match self.settings.dark_mode {
            None => egui::ThemePreference::System,
            Some(true) => egui::ThemePreference::Dark,
            Some(false) => egui::ThemePreference::Light,
        });
        if (self.settings.zoom - self.ctx.zoom_factor()).abs() > f32::EPSILON && self.settings.zoom > 0.0 {
            self.ctx.set_zoom_factor(self.settings.zoom.clamp(0.5, 3.0));
        }
        let language = self.options.language.or(self.settings.language).unwrap_or_else(|| Language::for_locale(&crate::platform::locale::system()));
        crate::i18n::set_language(language);
        display::set_utc(self.settings.utc_times);
    }

    /// The extProfile key registry of the current connection.
    fn registry(&self) -> &Registry {
        self.settings.registries.get(self.session.name()).unwrap_or(&self.empty_registry)
    }

    fn registry_mut(&mut self) -> &mut Registry {
        self.settings.registries.entry(self.session.name().to_owned()).or_insert_with(Registry::new)
    }

    // ----- the frame -----

    /// Results from the runtime go to their screens; finished promises are taken.
    fn receive(&mut self) {
        for event in self.bridge.drain() {
            self.route(event);
        }
        self.poll_session();
        self.poll_fonts();
        self.poll_files();
        let registry = self.settings.registries.get(self.session.name()).unwrap_or(&self.empty_registry);
        self.group.poll(registry, &mut self.commands);
        self.extkeys.poll(&mut self.commands);
        self.tc_fields.poll(&mut self.commands);
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
        let Self { settings, options, bridge, session, screen, browser, group, extkeys, tc_fields, connections, audit, log, commands: cmds, empty_registry, fonts, .. } = self;
        let utc = settings.utc_times;
        egui::Panel::top("top_bar").show(ui, |ui| chrome::top_bar_ui(ui, session, &settings.profiles, screen, utc, cmds));
        egui::Panel::bottom("status_bar").show(ui, |ui| chrome::status_ui(ui, bridge.busy(), log, cmds));
        let selected = group.page().map(|p| p.group_id.clone());
        egui::Panel::left("browser").resizable(true).default_size((ui.available_width() * 0.22).clamp(220.0, 300.0)).min_size(180.0).show(ui, |ui| browser.ui(ui, selected.as_deref(), session.conn.as_ref().map(|c| c.service()), cmds));
        let registry = settings.registries.get(session.name()).unwrap_or(empty_registry);
        egui::CentralPanel::default().show(ui, |ui| match screen {
            Screen::Group => group.ui(ui, registry, browser.groups().len(), cmds),
            Screen::ExtKeys if session.on_tencent() => tc_fields.ui(ui, session.on_sandbox(), cmds),
            Screen::ExtKeys => extkeys.ui(ui, registry, session.on_sandbox(), cmds),
            Screen::Connections => {
                let view = SettingsView { operator: &mut settings.operator, in_app_file_chooser: &mut settings.in_app_file_chooser, fonts: &fonts.status };
                connections.ui(ui, view, &settings.profiles, cmds)
            }
            Screen::Audit => audit.ui(ui, &options.audit.path().display().to_string(), cmds),
            Screen::Log => log.ui(ui, cmds),
        });
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let registry = self.settings.registries.get(self.session.name()).unwrap_or(&self.empty_registry);
        self.group.dialogs_ui(ctx, registry, &mut self.commands);
        self.browser.dialogs_ui(ctx, &mut self.commands);
        self.connections.dialogs_ui(ctx, &mut self.commands);
        self.extkeys.dialogs_ui(ctx, registry, &mut self.commands);
        self.tc_fields.dialogs_ui(ctx, &mut self.commands);
        self.file_chooser_ui(ctx);
    }

    /// `GROUPDESK_BENCH`: report the measurement once its moment has come.
    fn bench_hook(&mut self) {
        let Some(hook) = self.options.bench.filter(|_| !self.browser.groups().is_empty()) else { return };
        match hook {
            BenchHook::FirstGroups if self.fonts.ready() => {
                eprintln!("bench: first frame with {} groups", self.browser.groups().len());
                self.options.bench = None;
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            BenchHook::FirstGroups => {}
            BenchHook::MemoryAfterBigGroup => match self.group.page() {
                None => self.commands.push(Command::OpenGroupAt { group_id: "community".into(), tab: crate::ui::deeplink::Tab::Members }),
                Some(p) => {
                    let rows = p.members.table.as_ref().map_or(0, |t| t.len());
                    let all = p.detail.as_ref().is_some_and(|d| d.member_count > 0 && rows as i64 >= d.member_count);
                    if all && self.fonts.ready() && self.fonts.status.has_cjk() {
                        self.options.bench = Some(BenchHook::MemoryAfterFrames(5));
                    }
                }
            },
            BenchHook::MemoryAfterFrames(0) => {
                self.options.bench = None;
                self.report_memory();
            }
            BenchHook::MemoryAfterFrames(n) => {
                self.options.bench = Some(BenchHook::MemoryAfterFrames(n - 1));
                self.ctx.request_repaint();
            }
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
