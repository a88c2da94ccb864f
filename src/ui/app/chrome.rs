//! The shell's own bars. The top bar has two rows of fixed height: the app's identity, the
//! environment badge and the connection first (the whole row turns red on production, so the
//! warning never moves anything), then the screens, the language and the view menu — nothing
//! overprints the badge at any width. The status bar: requests running, the newest problem
//! until it is dismissed (with its time and request id), else the newest information briefly.

use egui::RichText;

use super::session::Session;
use crate::i18n::Language;
use crate::model::Service;
use crate::ops::connections::{Environment, Profile};
use crate::ui::command::{BUILT_IN, TENCENT_DEMO};
use crate::tr;
use crate::ui::command::{Command, Screen};
use crate::ui::screens::log::{LogScreen, Notice};
use crate::ui::{theme, widgets};

pub fn top_bar_ui(ui: &mut egui::Ui, session: &Session, profiles: &[Profile], screen: &mut Screen, utc: bool, cmds: &mut Vec<Command>) {
    identity_row_ui(ui, session, profiles, cmds);
    ui.add_space(2.0);
    ui.horizontal_wrapped(|ui| {
        for (s, label) in [
            (Screen::Group, tr!("nav-groups")),
            (Screen::ExtKeys, if session.on_tencent() { tr!("nav-tc-fields") } else { tr!("nav-extkeys") }),
            (Screen::Connections, tr!("nav-connections")),
            (Screen::Audit, tr!("nav-audit")),
            (Screen::Log, tr!("nav-log")),
        ] {
            ui.selectable_value(screen, s, label);
        }
        ui.separator();
        language_ui(ui, cmds);
        view_menu_ui(ui, utc, cmds);
    });
}

/// App name, environment badge, connection (and the production warning), on one row whose
/// height never changes.
fn identity_row_ui(ui: &mut egui::Ui, session: &Session, profiles: &[Profile], cmds: &mut Vec<Command>) {
    let production = session.conn.as_ref().is_some_and(|c| c.environment == Environment::Production);
    let frame = if production { egui::Frame::new().fill(theme::PRODUCTION_BANNER.0) } else { egui::Frame::new() };
    frame.inner_margin(egui::Margin::symmetric(4, 2)).corner_radius(4.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let text_color = production.then_some(theme::PRODUCTION_BANNER.1);
            let name = RichText::new("groupdesk").heading().strong();
            ui.add(egui::Label::new(text_color.map_or(name.clone(), |c| name.color(c))).extend());
            switcher_ui(ui, session, profiles, cmds);
            match &session.conn {
                Some(c) => {
                    widgets::env_badge(ui, c.environment);
                    let service = RichText::new(widgets::service_name(c.service())).strong();
                    ui.add(egui::Label::new(text_color.map_or(service.clone(), |col| service.color(col))).extend()).on_hover_text(tr!("conn-service-hint"));
                    let conn = RichText::new(&c.name).strong();
                    ui.add(egui::Label::new(text_color.map_or(conn.clone(), |col| conn.color(col))).truncate());
                    if production {
                        ui.add(egui::Label::new(RichText::new(tr!("production-banner")).color(theme::PRODUCTION_BANNER.1).strong()).extend());
                    }
                    connection_state_ui(ui, session, text_color);
                    let url = RichText::new(c.url()).small();
                    ui.add(egui::Label::new(text_color.map_or(url.clone().weak(), |col| url.color(col))).truncate());
                }
                None if session.starting() => {
                    ui.spinner();
                    ui.label(tr!("starting-sandbox"));
                }
                None => match &session.error {
                    Some(e) => widgets::error_line_ui(ui, e, None),
                    None => widgets::problem_ui(ui, tr!("not-connected")),
                },
            }
        });
    });
}

/// #13 connections: the connection menu — both demo connections of the built-in sandbox and
/// every saved profile, each with its service; choosing one connects to it.
fn switcher_ui(ui: &mut egui::Ui, session: &Session, profiles: &[Profile], cmds: &mut Vec<Command>) {
    let current = session.conn.as_ref().map(|c| c.name.as_str()).or(session.connecting_name()).unwrap_or("");
    let shown = if current.is_empty() { tr!("not-connected") } else { current.to_owned() };
    let response = egui::ComboBox::from_label(tr!("conn-switch")).selected_text(shown).width(150.0).show_ui(ui, |ui| {
        for (name, service) in [(BUILT_IN, Service::RongCloud), (TENCENT_DEMO, Service::Tencent)] {
            let text = format!("{name} · {} · {}", widgets::service_name(service), tr!("conn-demo"));
            if ui.selectable_label(current == name, text).clicked() && current != name {
                cmds.push(Command::ConnectDemo(service));
            }
        }
        if !profiles.is_empty() {
            ui.separator();
        }
        for p in profiles {
            let text = format!("{} · {} · {}", p.name, widgets::service_name(p.service()), widgets::env_word(p.environment));
            if ui.selectable_label(current == p.name, text).clicked() && current != p.name {
                cmds.push(Command::Connect(p.clone()));
            }
        }
    });
    response.response.on_hover_text(tr!("conn-switch-hint"));
}

/// Until the first call succeeded: "connecting…", or why it failed.
fn connection_state_ui(ui: &mut egui::Ui, session: &Session, color: Option<egui::Color32>) {
    if session.verified {
        return;
    }
    match &session.error {
        Some(e) => widgets::error_line_ui(ui, e, color),
        None => {
            ui.spinner();
            ui.label(RichText::new(tr!("connecting")).weak());
        }
    }
}

fn language_ui(ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let current = crate::i18n::language();
    egui::ComboBox::from_id_salt("language").selected_text(current.native_name()).width(90.0).show_ui(ui, |ui| {
        for lang in Language::ALL {
            if ui.selectable_label(lang == current, lang.native_name()).clicked() && lang != current {
                cmds.push(Command::SetLanguage(lang));
            }
        }
    })
    .response
    .on_hover_text(tr!("language-hint"));
}

fn view_menu_ui(ui: &mut egui::Ui, utc: bool, cmds: &mut Vec<Command>) {
    ui.menu_button(tr!("view-menu"), |ui| {
        let dark = ui.visuals().dark_mode;
        if ui.button(if dark { tr!("view-light") } else { tr!("view-dark") }).clicked() {
            cmds.push(Command::SetDarkMode(!dark));
        }
        let zoom = ui.ctx().zoom_factor();
        ui.horizontal(|ui| {
            if ui.button(tr!("view-zoom-out")).clicked() {
                cmds.push(Command::SetZoom((zoom - 0.1).max(0.5)));
            }
            ui.label(format!("{:.0} %", zoom * 100.0));
            if ui.button(tr!("view-zoom-in")).clicked() {
                cmds.push(Command::SetZoom((zoom + 0.1).min(3.0)));
            }
        });
        ui.separator();
        ui.label(RichText::new(tr!("view-times")).strong());
        if ui.radio(!utc, tr!("view-times-local", zone = crate::i18n::utc_offset_label(false))).clicked() {
            cmds.push(Command::SetUtc(false));
        }
        if ui.radio(utc, tr!("view-times-utc")).clicked() {
            cmds.push(Command::SetUtc(true));
        }
    });
}

/// Requests running; the newest problem not dismissed, else the newest notification for 8 s.
pub fn status_ui(ui: &mut egui::Ui, running: usize, log: &LogScreen, cmds: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        if running > 0 {
            ui.spinner();
            ui.label(tr!("status-running", count = running));
        } else {
            ui.label(RichText::new(tr!("status-ready")).weak());
        }
        ui.separator();
        let problems: Vec<(usize, &Notice)> = log.open_problems().collect();
        if let Some(&(index, n)) = problems.last() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tr!("status-dismiss")).on_hover_text(tr!("status-dismiss-hint")).clicked() {
                    cmds.push(Command::DismissNotice(index));
                }
                if problems.len() > 1 {
                    ui.label(RichText::new(tr!("status-more-problems", count = problems.len() - 1)).weak());
                }
                if let Some(id) = &n.request_id {
                    ui.add(egui::Label::new(RichText::new(tr!("request-id", id = id.as_str())).monospace().small()).selectable(true));
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.label(RichText::new(&n.time).monospace().weak());
                    notice_line_ui(ui, n);
                });
            });
        } else if let Some(n) = log.notices().last().filter(|n| n.at.elapsed().as_secs() < 8 && !n.sticky()) {
            ui.label(RichText::new(&n.time).monospace().weak());
            notice_line_ui(ui, n);
            ui.ctx().request_repaint_after(std::time::Duration::from_secs(1));
        }
    });
}

fn notice_line_ui(ui: &mut egui::Ui, n: &Notice) {
    let color = match n.level {
        crate::ui::command::Level::Error => ui.visuals().error_fg_color,
        crate::ui::command::Level::Warning => ui.visuals().warn_fg_color,
        crate::ui::command::Level::Info => ui.visuals().text_color(),
    };
    ui.add(egui::Label::new(RichText::new(&n.text).color(color)).truncate()).on_hover_text(&n.text);
}
