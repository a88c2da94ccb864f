//! Connection profiles: a name, the service, and its server: RongCloud (data centre or custom
//! URL, App Key) or Tencent Cloud Chat (region or custom URL, SDKAppID, App admin identifier);
//! the environment. The App Secret / secret key goes to the OS keyring (or memory for this run
//! when there is none), never into the settings; a profile without a stored secret asks for it
//! in a prompt. The built-in sandbox's two demo connections are listed first. Also the settings: the operator name recorded in the audit
//! log, the font for CJK names (a font file when the system has none), and the file chooser.

use std::path::PathBuf;

use egui::RichText;
use poll_promise::Promise;

use crate::ops::connections::Region;
use crate::model::Service;
use crate::ops::connections::DataCenter;
use crate::ops::connections::{Environment, Profile, ServerClock, Target, TencentApp};
use crate::platform::fonts::CJK_PACKAGE_HINT;
use crate::tr;
use crate::ui::fonts::FontStatus;
use crate::ui::command::{BUILT_IN, Command, FileDialog, TENCENT_DEMO, take_ready};
use crate::ui::event::Event;
use crate::ui::widgets;

/// The font files the chooser offers.
const FONT_FILTER: &str = "TrueType / OpenType";
const FONT_EXTENSIONS: [&str; 3] = ["ttf", "otf", "ttc"];

/// The settings this screen edits.
pub struct SettingsView<'a> {
    pub operator: &'a mut String,
    pub in_app_file_chooser: &'a mut bool,
    pub fonts: &'a FontStatus,
}

/// The "add a connection" form.
struct NewConnection {
    name: String,
    service: Service,
    /// Tencent: `None` = custom URL.
    region: Option<Region>,
    sdkappid: String,
    identifier: String,
    /// `None` = custom URL.
    data_center: Option<DataCenter>,
    url: String,
    app_key: String,
    secret: String,
    environment: Option<Environment>,
    /// The clock of the server's mute end times; `None`: the data centre's.
    mute_clock: Option<ServerClock>,
    error: Option<String>,
}

impl Default for NewConnection {
    fn default() -> Self {
        Self {
            name: String::new(),
            service: Service::RongCloud,
            region: None,
            sdkappid: String::new(),
            identifier: crate::protocol::tencent::limits::DEFAULT_ADMIN.to_owned(),
            data_center: None,
            url: String::new(),
            app_key: String::new(),
            secret: String::new(),
            environment: None,
            mute_clock: None,
            error: None,
        }
    }
}

impl NewConnection {
    /// Tencent's part of the profile, or why not (naming the field).
    fn tencent(&self) -> Result<Option<TencentApp>, String> {
        if self.service != Service::Tencent {
            return Ok(None);
        }
        let sdkappid = match self.sdkappid.trim().parse::<u64>() {
            Ok(n) if n > 0 => n,
            _ if self.sdkappid.trim().is_empty() => return Err(tr!("conn-sdkappid-required")),
            _ => return Err(tr!("conn-sdkappid-number", value = self.sdkappid.trim())),
        };
        Ok(Some(TencentApp { region: self.region, url: self.url.trim().to_owned(), sdkappid, identifier: self.identifier.trim().to_owned() }))
    }

    /// The profile to save, or why not.
    fn profile(&self, existing: &[Profile]) -> Result<Profile, String> {
        let target = match self.data_center {
            Some(dc) => Target::DataCenter(dc),
            None => Target::Url(self.url.trim().to_owned()),
        };
        let tencent = self.tencent()?;
        let p = Profile {
            name: self.name.trim().to_owned(),
            target,
            app_key: if tencent.is_some() { String::new() } else { self.app_key.trim().to_owned() },
            environment: self.environment.unwrap_or(Environment::Staging),
            mute_clock: if tencent.is_some() { None } else { self.mute_clock },
            tencent,
        };
        if p.name == BUILT_IN || p.name == TENCENT_DEMO || existing.iter().any(|x| x.name == p.name) {
            return Err(tr!("conn-exists", name = p.name.as_str()));
        }
        p.validate()?;
        if self.secret.is_empty() {
            return Err(if p.tencent.is_some() { tr!("conn-secret-key-required") } else { tr!("conn-secret-required") });
        }
        Ok(p)
    }
}

pub struct ConnectionsScreen {
    form: NewConnection,
    /// Whether App Secrets go to an OS keyring.
    keyring: bool,
    /// A profile waiting for its App Secret (no keyring entry): name and the secret typed.
    secret_prompt: Option<(String, String)>,
    /// The prompt is for a Tencent profile's secret key (not an App Secret).
    secret_key_prompt: bool,
    /// The "CJK font file" field.
    pub font_path: String,
    /// The file chooser opened by "Choose…" (native, else the in-app one).
    font_chooser: Option<Promise<Option<PathBuf>>>,
}

impl ConnectionsScreen {
    pub fn new(keyring: bool, font: Option<&PathBuf>) -> Self {
        Self { form: NewConnection::default(), keyring, secret_prompt: None, secret_key_prompt: false, font_path: font.map(|p| p.display().to_string()).unwrap_or_default(), font_chooser: None }
    }

    /// Opens the prompt for a profile's App Secret.
    pub fn ask_secret(&mut self, name: String) {
        self.secret_prompt = Some((name, String::new()));
        self.secret_key_prompt = false;
    }

    /// Opens the prompt for a Tencent profile's secret key.
    pub fn ask_secret_key(&mut self, name: String) {
        self.ask_secret(name);
        self.secret_key_prompt = true;
    }

    pub fn on_event(&mut self, event: &Event) {
        if let Event::ConnectionSaved { in_keyring, .. } = event {
            self.form = NewConnection::default();
            self.keyring = *in_keyring;
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, settings: SettingsView, profiles: &[Profile], cmds: &mut Vec<Command>) {
        egui::ScrollArea::vertical().id_salt("connections_scroll").auto_shrink([false, false]).show(ui, |ui| {
            ui.heading(tr!("settings-operator"));
            widgets::text_field(ui, &tr!("settings-operator-name"), settings.operator);
            ui.separator();
            ui.heading(tr!("conn-heading"));
            profiles_ui(ui, profiles, cmds);
            ui.separator();
            ui.heading(tr!("conn-add-heading"));
            self.form_ui(ui, profiles, cmds);
            ui.label(RichText::new(if self.keyring { tr!("conn-keyring") } else { tr!("conn-no-keyring") }).weak());
            ui.separator();
            ui.heading(tr!("settings-display"));
            self.fonts_ui(ui, settings.fonts, cmds);
            ui.checkbox(settings.in_app_file_chooser, tr!("settings-in-app-chooser"));
        });
    }

    /// Which font renders CJK names, and a font file to use when the system has none.
    fn fonts_ui(&mut self, ui: &mut egui::Ui, fonts: &FontStatus, cmds: &mut Vec<Command>) {
        let status = if fonts.scanning {
            tr!("fonts-scanning")
        } else {
            match (&fonts.file, &fonts.system_cjk) {
                (Some((path, _)), _) => tr!("fonts-file", path = path.display().to_string()),
                (None, Some(face)) => tr!("fonts-system", face = face.rsplit_once(" #").map_or(face.as_str(), |(family, _)| family)),
                (None, None) => tr!("fonts-none", package = CJK_PACKAGE_HINT),
            }
        };
        let color = if !fonts.scanning && !fonts.has_cjk() { ui.visuals().warn_fg_color } else { ui.visuals().text_color() };
        ui.add(egui::Label::new(RichText::new(status).color(color)).wrap());
        // A chosen file is loaded at once (and shown in the field).
        if let Some(Some(path)) = take_ready(&mut self.font_chooser) {
            self.font_path = path.display().to_string();
            cmds.push(Command::LoadFontFile(path));
        }
        let l = ui.label(tr!("fonts-file-label"));
        ui.horizontal_wrapped(|ui| {
            ui.add(egui::TextEdit::singleline(&mut self.font_path).hint_text("/usr/share/fonts/…/NotoSansCJK-Regular.ttc").desired_width((ui.available_width() - 200.0).max(120.0))).labelled_by(l.id);
            let choosing = self.font_chooser.is_some();
            if ui.add_enabled(!choosing && !fonts.loading_file, egui::Button::new(tr!("fonts-choose"))).on_hover_text(tr!("fonts-choose-hint")).clicked() {
                let (reply, promise) = Promise::new();
                self.font_chooser = Some(promise);
                cmds.push(Command::ChooseFile { dialog: FileDialog::Open { filter: FONT_FILTER, extensions: &FONT_EXTENSIONS }, reply });
            }
            let path = self.font_path.trim();
            if ui.add_enabled(!path.is_empty() && !fonts.loading_file, egui::Button::new(tr!("fonts-load"))).clicked() {
                cmds.push(Command::LoadFontFile(PathBuf::from(path)));
            }
            if fonts.loading_file {
                ui.spinner();
            }
        });
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, profiles: &[Profile], cmds: &mut Vec<Command>) {
        let v = &mut self.form;
        widgets::text_field(ui, &tr!("conn-name"), &mut v.name);
        ui.horizontal(|ui| {
            ui.label(tr!("conn-service"));
            for s in [Service::RongCloud, Service::Tencent] {
                ui.selectable_value(&mut v.service, s, widgets::service_name(s));
            }
        });
        if v.service == Service::Tencent {
            tencent_form_ui(ui, v);
        } else {
            rongcloud_form_ui(ui, v);
        }
        ui.horizontal(|ui| {
            ui.label(tr!("conn-environment"));
            for env in Environment::ALL {
                ui.selectable_value(&mut v.environment, Some(env), widgets::env_word(env));
            }
        });
        if let Some(e) = &v.error {
            widgets::problem_ui(ui, e);
        }
        if ui.button(tr!("conn-save")).clicked() {
            match v.profile(profiles) {
                Ok(profile) => {
                    v.error = None;
                    cmds.push(Command::SaveConnection { profile, secret: v.secret.clone() });
                }
                Err(e) => v.error = Some(e),
            }
        }
    }
}

/// Tencent Cloud Chat: region or custom URL, SDKAppID, App admin identifier, secret key.
fn tencent_form_ui(ui: &mut egui::Ui, v: &mut NewConnection) {
    ui.horizontal(|ui| {
        let l = ui.label(tr!("conn-region"));
        egui::ComboBox::from_id_salt("tc_region")
            .selected_text(v.region.map_or_else(|| tr!("conn-custom-url"), |r| region_name(r)))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut v.region, None, tr!("conn-custom-url"));
                for r in Region::ALL {
                    ui.selectable_value(&mut v.region, Some(r), region_name(r));
                }
            })
            .response
            .labelled_by(l.id);
    });
    if v.region.is_none() {
        widgets::text_field(ui, &tr!("conn-base-url"), &mut v.url);
    }
    widgets::text_field(ui, &tr!("conn-sdkappid"), &mut v.sdkappid);
    widgets::text_field(ui, &tr!("conn-identifier"), &mut v.identifier);
    ui.horizontal(|ui| {
        let l = ui.label(tr!("conn-secret-key"));
        ui.add(egui::TextEdit::singleline(&mut v.secret).password(true).hint_text(tr!("conn-secret-key"))).labelled_by(l.id);
    });
}

/// RongCloud: data centre or custom URL, App Key, App Secret, the clock of mute ends.
fn rongcloud_form_ui(ui: &mut egui::Ui, v: &mut NewConnection) {
    ui.horizontal(|ui| {
        ui.label(tr!("conn-server"));
        egui::ComboBox::from_id_salt("dc").selected_text(v.data_center.map_or_else(|| tr!("conn-custom-url"), |d| dc_name(d))).show_ui(ui, |ui| {
            ui.selectable_value(&mut v.data_center, None, tr!("conn-custom-url"));
            for dc in DataCenter::ALL {
                ui.selectable_value(&mut v.data_center, Some(dc), dc_name(dc));
            }
        });
    });
    if v.data_center.is_none() {
        widgets::text_field(ui, &tr!("conn-base-url"), &mut v.url);
    }
    widgets::text_field(ui, &tr!("conn-app-key"), &mut v.app_key);
    ui.horizontal(|ui| {
        let l = ui.label(tr!("conn-app-secret"));
        ui.add(egui::TextEdit::singleline(&mut v.secret).password(true).hint_text(tr!("conn-app-secret"))).labelled_by(l.id);
    });
    ui.horizontal(|ui| {
        ui.label(tr!("conn-mute-clock"));
        let name = |c: Option<ServerClock>| match c {
            None => tr!("conn-mute-clock-default"),
            Some(ServerClock::Beijing) => tr!("conn-mute-clock-beijing"),
            Some(ServerClock::Utc) => tr!("conn-mute-clock-utc"),
        };
        egui::ComboBox::from_id_salt("mute_clock").selected_text(name(v.mute_clock)).show_ui(ui, |ui| {
            for c in [None, Some(ServerClock::Beijing), Some(ServerClock::Utc)] {
                ui.selectable_value(&mut v.mute_clock, c, name(c));
            }
        });
    });
}

impl ConnectionsScreen {
    /// The App Secret prompt.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        let Some((name, secret)) = self.secret_prompt.as_mut() else { return };
        let mut ok = false;
        let mut cancel = false;
        let key = self.secret_key_prompt;
        egui::Modal::new(egui::Id::unique("secret_prompt")).show(ctx, |ui| {
            ui.heading(if key { tr!("secret-key-title", name = name.as_str()) } else { tr!("secret-title", name = name.as_str()) });
            ui.label(tr!("secret-intro"));
            let field = if key { tr!("conn-secret-key") } else { tr!("conn-app-secret") };
            let l = ui.label(&field);
            let r = ui.add(egui::TextEdit::singleline(secret).password(true).hint_text(&field)).labelled_by(l.id);
            if r.ctx.memory(|m| m.focused().is_none()) {
                r.request_focus();
            }
            (ok, cancel) = widgets::confirm_buttons_ui(ui, !secret.is_empty(), egui::Button::new(tr!("secret-connect")));
        });
        if cancel {
            self.secret_prompt = None;
        } else if ok {
            let (name, secret) = self.secret_prompt.take().expect("open");
            cmds.push(Command::ConnectWithSecret { name, secret });
        }
    }
}

/// The built-in sandbox and every saved profile, each with Connect (and Remove).
fn profiles_ui(ui: &mut egui::Ui, profiles: &[Profile], cmds: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(BUILT_IN).strong());
        widgets::env_badge(ui, Environment::Sandbox);
        ui.label(widgets::service_name(Service::RongCloud));
        ui.label(tr!("conn-builtin-note"));
        if ui.button(tr!("conn-builtin-connect")).clicked() {
            cmds.push(Command::ConnectBuiltIn);
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(TENCENT_DEMO).strong());
        widgets::env_badge(ui, Environment::Sandbox);
        ui.label(widgets::service_name(Service::Tencent));
        ui.label(tr!("conn-builtin-note"));
        if ui.button(tr!("conn-connect-to", name = TENCENT_DEMO)).clicked() {
            cmds.push(Command::ConnectDemo(Service::Tencent));
        }
    });
    for p in profiles {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&p.name).strong());
            widgets::env_badge(ui, p.environment);
            ui.label(widgets::service_name(p.service()));
            ui.label(endpoint_name(p));
            match &p.tencent {
                Some(t) => ui.label(tr!("conn-sdkappid-value", id = t.sdkappid.to_string(), admin = t.identifier.as_str())),
                None => ui.label(tr!("conn-app-key-value", key = p.app_key.as_str())),
            };
            if ui.button(tr!("conn-connect-to", name = p.name.as_str())).clicked() {
                cmds.push(Command::Connect(p.clone()));
            }
            if ui.button(tr!("conn-remove", name = p.name.as_str())).clicked() {
                cmds.push(Command::RemoveConnection(p.name.clone()));
            }
        });
    }
}

/// A RongCloud data centre's name in the console's language.
fn dc_name(dc: DataCenter) -> String {
    match dc {
        DataCenter::Bj => tr!("dc-bj"),
        DataCenter::Sg => tr!("dc-sg"),
        DataCenter::SgB => tr!("dc-sg-b"),
        DataCenter::Na => tr!("dc-na"),
        DataCenter::Sau => tr!("dc-sau"),
    }
}

/// A Tencent Cloud Chat region's name in the console's language.
fn region_name(r: Region) -> String {
    match r {
        Region::China => tr!("region-china"),
        Region::Sg => tr!("region-sg"),
        Region::Kr => tr!("region-kr"),
        Region::Jp => tr!("region-jp"),
        Region::Ger => tr!("region-ger"),
        Region::Ind => tr!("region-ind"),
        Region::Usa => tr!("region-usa"),
        Region::Idn => tr!("region-idn"),
        Region::Ksa => tr!("region-ksa"),
    }
}

/// Where a profile connects: its data centre or region by name, else its URL.
fn endpoint_name(p: &Profile) -> String {
    match (&p.tencent, &p.target) {
        (Some(t), _) => t.region.map_or_else(|| t.url.trim().to_owned(), region_name),
        (None, Target::DataCenter(dc)) => dc_name(*dc),
        (None, Target::Url(_)) => p.endpoint_label(),
    }
}
