//! The log screen: every notification of this run, newest first, with its time. It owns the
//! notifications; the status bar shows the newest problem until it is dismissed, and the newest
//! information for a few seconds.

use egui::RichText;

use crate::tr;
use crate::ui::command::{Command, Level};
use crate::ui::display;

/// A notification; all of them stay in the log.
#[derive(Clone, Debug)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    /// The request to quote to the service's support, when a request failed.
    pub request_id: Option<String>,
    pub at: std::time::Instant,
    /// Wall-clock time, `HH:MM:SS` in the zone times are shown in.
    pub time: String,
    /// A problem the operator dismissed from the status bar.
    pub dismissed: bool,
}

impl Notice {
    /// Errors and warnings stay in the status bar until dismissed.
    pub fn sticky(&self) -> bool {
        self.level != Level::Info
    }
}

#[derive(Default)]
pub struct LogScreen {
    notices: Vec<Notice>,
}

impl LogScreen {
    pub fn push(&mut self, level: Level, text: String) {
        self.push_with(level, text, None);
    }

    pub fn push_with(&mut self, level: Level, text: String, request_id: Option<String>) {
        match level {
            Level::Error | Level::Warning => tracing::warn!(request_id = request_id.as_deref().unwrap_or(""), "{text}"),
            Level::Info => tracing::info!("{text}"),
        }
        self.notices.push(Notice { level, text, request_id, at: std::time::Instant::now(), time: display::clock_now(), dismissed: false });
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    pub fn dismiss(&mut self, index: usize) {
        if let Some(n) = self.notices.get_mut(index) {
            n.dismissed = true;
        }
    }

    pub fn dismiss_all(&mut self) {
        self.notices.iter_mut().for_each(|n| n.dismissed = true);
    }

    /// Problems not dismissed yet, newest last: (index, notice).
    pub fn open_problems(&self) -> impl DoubleEndedIterator<Item = (usize, &Notice)> {
        self.notices.iter().enumerate().filter(|(_, n)| n.sticky() && !n.dismissed)
    }

    pub fn ui(&self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.heading(tr!("log-title"));
            if self.open_problems().next().is_some() && ui.button(tr!("log-dismiss-all")).clicked() {
                cmds.push(Command::DismissAllNotices);
            }
        });
        ui.label(tr!("log-intro", zone = display::zone()));
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            egui::Grid::new("log_grid").num_columns(3).striped(true).spacing([12.0, 4.0]).show(ui, |ui| {
                for n in self.notices.iter().rev() {
                    ui.label(RichText::new(&n.time).monospace().weak());
                    ui.label(level_text(ui, n.level));
                    ui.vertical(|ui| {
                        ui.set_max_width(ui.available_width().max(300.0));
                        notice_text_ui(ui, n, true);
                    });
                    ui.end_row();
                }
            });
        });
    }
}

fn level_text(ui: &egui::Ui, level: Level) -> RichText {
    match level {
        Level::Info => RichText::new(tr!("level-info")).weak(),
        Level::Warning => RichText::new(tr!("level-warning")).color(ui.visuals().warn_fg_color),
        Level::Error => RichText::new(tr!("level-error")).color(ui.visuals().error_fg_color),
    }
}

fn color(ui: &egui::Ui, level: Level) -> egui::Color32 {
    match level {
        Level::Error => ui.visuals().error_fg_color,
        Level::Warning => ui.visuals().warn_fg_color,
        Level::Info => ui.visuals().text_color(),
    }
}

/// A notification's text (wrapped, or on one line truncated with the rest on hover) and its
/// request id (selectable).
pub fn notice_text_ui(ui: &mut egui::Ui, n: &Notice, wrap: bool) {
    let text = RichText::new(&n.text).color(color(ui, n.level));
    if wrap {
        ui.add(egui::Label::new(text).wrap().selectable(true));
    } else {
        ui.add(egui::Label::new(text).truncate()).on_hover_text(&n.text);
    }
    if let Some(id) = &n.request_id {
        ui.add(egui::Label::new(RichText::new(tr!("request-id", id = id.as_str())).monospace().small().color(color(ui, n.level))).selectable(true));
    }
}
