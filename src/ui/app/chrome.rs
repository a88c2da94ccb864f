//! The shell's own bars: the top bar (connection, environment, theme, zoom, screen tabs, and the
//! production banner) and the status bar (requests running, the newest notification).

use egui::RichText;

use super::session::Session;
use crate::ops::connections::Environment;
use crate::ui::command::{Command, Screen};
use crate::ui::screens::log::{Notice, notice_ui};
use crate::ui::{theme, widgets};

pub fn top_bar_ui(ui: &mut egui::Ui, session: &Session, screen: &mut Screen, cmds: &mut Vec<Command>) {
    if session.conn.as_ref().is_some_and(|c| c.environment == Environment::Production) {
        let (fill, text) = theme::PRODUCTION_BANNER;
        egui::Frame::new().fill(fill).inner_margin(4.0).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("PRODUCTION — changes affect real users").color(text).strong());
        });
    }
    ui.horizontal(|ui| {
        ui.heading("groupdesk");
        ui.separator();
        connection_ui(ui, session);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let dark = ui.visuals().dark_mode;
            if ui.button(if dark { "Light theme" } else { "Dark theme" }).clicked() {
                cmds.push(Command::SetDarkMode(!dark));
            }
            let zoom = ui.ctx().zoom_factor();
            if ui.button("Zoom +").clicked() {
                cmds.push(Command::SetZoom((zoom + 0.1).min(3.0)));
            }
            if ui.button("Zoom -").clicked() {
                cmds.push(Command::SetZoom((zoom - 0.1).max(0.5)));
            }
            ui.separator();
            for (s, label) in [(Screen::Log, "Log"), (Screen::Audit, "Audit"), (Screen::Connections, "Connections"), (Screen::ExtKeys, "extProfile keys"), (Screen::Group, "Groups")] {
                ui.selectable_value(screen, s, label);
            }
        });
    });
}

fn connection_ui(ui: &mut egui::Ui, session: &Session) {
    match &session.conn {
        Some(c) => {
            ui.label(RichText::new(&c.name).strong());
            widgets::env_badge(ui, c.environment);
            ui.label(RichText::new(c.url()).weak());
        }
        None if session.starting() => {
            ui.spinner();
            ui.label("Starting the built-in sandbox…");
        }
        None => widgets::problem_ui(ui, session.error.clone().unwrap_or_else(|| "Not connected".into())),
    }
}

/// Requests running, and the newest notification for 8 seconds.
pub fn status_ui(ui: &mut egui::Ui, running: usize, newest: Option<&Notice>) {
    ui.horizontal(|ui| {
        if running > 0 {
            ui.spinner();
            ui.label(format!("{running} request(s) running"));
        } else {
            ui.label(RichText::new("Ready").weak());
        }
        if let Some(n) = newest.filter(|n| n.at.elapsed().as_secs() < 8) {
            ui.separator();
            notice_ui(ui, n);
            ui.ctx().request_repaint_after(std::time::Duration::from_secs(1));
        }
    });
}
