//! The user lookup at the bottom of the browser: the groups a user belongs to, each with the
//! user's role and join time (Tencent: `get_joined_group_list`), each a link that opens it; on
//! Tencent Cloud Chat also the user's **app-wide mute** (`getnospeaking`), which can be set for a
//! preset time or permanently, or lifted — confirmed with a reason, recorded in the audit log and
//! read back. On RongCloud the app-wide mute controls are disabled, saying why.

use egui::RichText;

use crate::model::{ApiError, JoinedRow as JoinedGroup, Service};
use crate::ops::accounts::AppMute;
use crate::tr;
use crate::ui::command::{Command, Pending, mute_duration, pending};
use crate::ui::event::Event;
use crate::ui::{display, widgets};

/// The app-wide mute lengths offered, in seconds (0 stands for permanent here).
pub const PRESETS: [u64; 5] = [600, 3_600, 86_400, 7 * 86_400, 0];

/// A set or lift of the app-wide mute waiting for its confirmation.
pub struct MuteConfirm {
    pub user: String,
    /// `None`: lift it; `Some(i)`: [`PRESETS`]`[i]`.
    pub preset: Option<usize>,
    pub reason: String,
}

impl MuteConfirm {
    /// The seconds `setnospeaking` takes (0 lifts; 4294967295 permanent).
    pub fn seconds(&self) -> u64 {
        match self.preset.map(|i| PRESETS[i]) {
            None => 0,
            Some(0) => crate::protocol::tencent::limits::MUTE_PERMANENT,
            Some(s) => s,
        }
    }
}

#[derive(Default)]
pub struct Lookup {
    pub user: String,
    /// The user looked up and the groups found.
    found: Option<(String, Pending<Vec<JoinedGroup>>)>,
    /// Tencent: the user's app-wide mute as last read (or set).
    mute: Option<Pending<AppMute>>,
    pub confirm: Option<MuteConfirm>,
    /// A set or lift was sent and has not come back.
    pub setting: bool,
}

impl Lookup {
    /// The groups found for the user looked up, once answered.
    pub fn groups(&self) -> Option<&Result<Vec<JoinedGroup>, ApiError>> {
        self.found.as_ref().and_then(|(_, p)| p.ready())
    }

    /// The user's app-wide mute, once read.
    pub fn app_mute(&self) -> Option<&Result<AppMute, ApiError>> {
        self.mute.as_ref().and_then(Pending::ready)
    }

    pub fn on_event(&mut self, event: &Event) {
        if let Event::AppMuteSet { user, result } = event {
            self.setting = false;
            let ours = self.found.as_ref().is_some_and(|(u, _)| u == user);
            if let (true, Ok(m)) = (ours, result) {
                self.mute = Some(Pending::from_ready(Ok(*m)));
            }
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, service: Option<Service>, cmds: &mut Vec<Command>) {
        let l = ui.label(tr!("lookup-user"));
        let go = ui
            .horizontal(|ui| {
                let r = ui.add(egui::TextEdit::singleline(&mut self.user).hint_text(tr!("lookup-user-hint")).desired_width((ui.available_width() - 90.0).max(80.0))).labelled_by(l.id);
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.button(tr!("lookup-find")).clicked() || enter
            })
            .inner;
        if go {
            self.start(service, cmds);
        }
        match self.found.as_ref().and_then(|(user, found)| Some((user.clone(), found.ready()?))) {
            Some((user, Ok(groups))) => {
                joined_ui(ui, &user, groups, cmds);
                self.app_mute_ui(ui, &user, service);
            }
            Some((_, Err(e))) => widgets::error_ui(ui, e),
            None => {}
        }
    }

    /// Checks the user id, then asks for the user's groups (and, on Tencent, app-wide mute).
    fn start(&mut self, service: Option<Service>, cmds: &mut Vec<Command>) {
        let user = self.user.trim().to_owned();
        self.mute = None;
        if let Err(e) = crate::ops::rules::user_id("User ID", &user) {
            self.found = Some((user, Pending::from_ready(Err(e))));
            return;
        }
        let (reply, promise) = pending();
        cmds.push(Command::LookupUser { user: user.clone(), reply });
        if service == Some(Service::Tencent) {
            let (reply, mute) = pending();
            cmds.push(Command::LookupAppMute { user: user.clone(), reply });
            self.mute = Some(mute);
        }
        self.found = Some((user, promise));
    }

    /// The app-wide mute: its state, and set / lift (each confirmed).
    fn app_mute_ui(&mut self, ui: &mut egui::Ui, user: &str, service: Option<Service>) {
        ui.separator();
        let tencent = service == Some(Service::Tencent);
        let state = self.app_mute().cloned();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr!("appmute-title")).strong());
            match &state {
                _ if !tencent => {
                    ui.label(RichText::new(tr!("appmute-rongcloud")).weak());
                }
                None => {
                    ui.spinner();
                }
                Some(Err(e)) => widgets::error_ui(ui, e),
                Some(Ok(m)) if m.permanent() => {
                    ui.label(RichText::new(tr!("appmute-permanent")).color(ui.visuals().warn_fg_color));
                }
                Some(Ok(m)) if m.muted() => {
                    let until = display::time_ms((chrono::Utc::now().timestamp() + m.group_seconds as i64) * 1000);
                    ui.label(RichText::new(tr!("appmute-until", until = until, zone = display::zone())).color(ui.visuals().warn_fg_color));
                }
                Some(Ok(_)) => {
                    ui.label(tr!("appmute-none"));
                }
            }
        });
        let ready = tencent && matches!(state, Some(Ok(_))) && !self.setting;
        let muted = matches!(state, Some(Ok(m)) if m.muted());
        ui.horizontal_wrapped(|ui| {
            let why = if tencent { tr!("appmute-wait") } else { tr!("appmute-rongcloud") };
            if ui.add_enabled(ready, egui::Button::new(tr!("appmute-set"))).on_disabled_hover_text(&why).clicked() {
                self.confirm = Some(MuteConfirm { user: user.to_owned(), preset: Some(1), reason: String::new() });
            }
            let lift_why = if ready { tr!("appmute-not-muted") } else { why };
            if ui.add_enabled(ready && muted, egui::Button::new(tr!("appmute-lift"))).on_disabled_hover_text(lift_why).clicked() {
                self.confirm = Some(MuteConfirm { user: user.to_owned(), preset: None, reason: String::new() });
            }
            if self.setting {
                ui.spinner();
            }
        });
    }

    /// The confirmation of a set or lift: the length (for a set) and a reason.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        let Some(c) = self.confirm.as_mut() else { return };
        let (mut ok, mut cancel) = (false, false);
        egui::Modal::new(egui::Id::unique("app_mute_confirm")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            match c.preset {
                None => ui.heading(tr!("appmute-lift-title", user = c.user.as_str())),
                Some(_) => ui.heading(tr!("appmute-set-title", user = c.user.as_str())),
            };
            ui.label(tr!("appmute-intro"));
            if let Some(i) = c.preset.as_mut() {
                let name = |i: usize| if PRESETS[i] == 0 { mute_duration(0) } else { mute_duration((PRESETS[i] / 60) as u32) };
                ui.horizontal(|ui| {
                    let l = ui.label(tr!("appmute-length"));
                    egui::ComboBox::from_id_salt("app_mute_length")
                        .selected_text(name(*i))
                        .show_ui(ui, |ui| {
                            for j in 0..PRESETS.len() {
                                ui.selectable_value(i, j, name(j));
                            }
                        })
                        .response
                        .labelled_by(l.id);
                });
            }
            let l = ui.label(tr!("reason-label"));
            ui.add(egui::TextEdit::singleline(&mut c.reason).hint_text(tr!("reason-hint")).desired_width(f32::INFINITY)).labelled_by(l.id);
            let label = if c.preset.is_some() { tr!("appmute-confirm-set") } else { tr!("appmute-confirm-lift") };
            (ok, cancel) = widgets::confirm_buttons_ui(ui, !c.reason.trim().is_empty(), egui::Button::new(label));
        });
        if cancel {
            self.confirm = None;
        } else if ok {
            let c = self.confirm.take().expect("open");
            self.setting = true;
            cmds.push(Command::SetAppMute { seconds: c.seconds(), user: c.user, reason: c.reason.trim().to_owned() });
        }
    }
}

/// The groups a user is in, each a link that opens it, with the role and the join time.
fn joined_ui(ui: &mut egui::Ui, user: &str, groups: &[JoinedGroup], cmds: &mut Vec<Command>) {
    if groups.is_empty() {
        ui.label(tr!("lookup-none", user = user));
        return;
    }
    ui.label(tr!("lookup-found", user = user, count = groups.len()));
    egui::ScrollArea::vertical().id_salt("lookup").max_height(160.0).show(ui, |ui| {
        for g in groups {
            let mut text = format!("{} ({}) — {}", g.name, g.group_id, widgets::model_text(g.role.label()));
            if g.join_time_ms > 0 {
                text.push_str(&format!(" · {}", tr!("lookup-joined", time = display::time_ms(g.join_time_ms))));
            }
            if ui.link(text).clicked() {
                cmds.push(Command::OpenGroup(g.group_id.clone()));
            }
        }
    });
}
