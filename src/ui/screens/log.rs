//! The log screen: every notification of this run, newest first. It owns the notifications; the
//! status bar shows the newest for a few seconds.

use egui::RichText;

use crate::ui::command::Level;

/// A notification; all of them stay in the log.
#[derive(Clone, Debug)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    pub at: std::time::Instant,
}

#[derive(Default)]
pub struct LogScreen {
    notices: Vec<Notice>,
}

impl LogScreen {
    pub fn push(&mut self, level: Level, text: String) {
        match level {
            Level::Error => tracing::warn!("{text}"),
            Level::Info => tracing::info!("{text}"),
        }
        self.notices.push(Notice { level, text, at: std::time::Instant::now() });
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    pub fn ui(&self, ui: &mut egui::Ui) {
        ui.heading("Log");
        ui.label("Every notification of this run, newest first.");
        egui::ScrollArea::vertical().show(ui, |ui| {
            for n in self.notices.iter().rev() {
                notice_ui(ui, n);
            }
        });
    }
}

/// One notification, errors in the error colour.
pub fn notice_ui(ui: &mut egui::Ui, n: &Notice) {
    let color = if n.level == Level::Error { ui.visuals().error_fg_color } else { ui.visuals().text_color() };
    ui.label(RichText::new(&n.text).color(color));
}
