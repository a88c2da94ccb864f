//! The audit screen: every recorded change, newest first, filtered as you type, exportable. The
//! log is read in the background whenever it changed since the last read and the screen is shown.

use std::path::PathBuf;

use egui::RichText;
use poll_promise::Promise;

use crate::ops::audit::AuditEntry;
use crate::ui::command::{Command, FileDialog, Pending, pending, take_ready};
use crate::ui::event::Event;

pub struct AuditScreen {
    pub filter: String,
    entries: Vec<AuditEntry>,
    /// The log changed since it was last read (or was never read).
    stale: bool,
    loading: Option<Pending<Vec<AuditEntry>>>,
    export_to: Option<Promise<Option<PathBuf>>>,
}

impl Default for AuditScreen {
    fn default() -> Self {
        Self { filter: String::new(), entries: Vec::new(), stale: true, loading: None, export_to: None }
    }
}

impl AuditScreen {
    /// Entries matching the filter (action, group, operator, connection, reason or a user id).
    pub fn matching(&self) -> Vec<&AuditEntry> {
        let f = self.filter.trim().to_lowercase();
        self.entries
            .iter()
            .rev()
            .filter(|e| {
                f.is_empty()
                    || [&e.action, &e.group, &e.operator, &e.connection, &e.result].iter().any(|s| s.to_lowercase().contains(&f))
                    || e.reason.as_ref().is_some_and(|r| r.to_lowercase().contains(&f))
                    || e.users.iter().any(|u| u.to_lowercase() == f)
            })
            .collect()
    }

    /// Writes the entries that match the filter, oldest first, to `path`.
    pub fn export_command(&self, path: PathBuf) -> Command {
        Command::ExportAudit { path, entries: self.matching().into_iter().rev().cloned().collect() }
    }

    pub fn on_event(&mut self, event: &Event) {
        if matches!(event, Event::Audited(_)) {
            self.stale = true;
        }
    }

    /// Takes finished reads and dialogs.
    pub fn poll(&mut self, cmds: &mut Vec<Command>) {
        match take_ready(&mut self.loading) {
            Some(Ok(entries)) => self.entries = entries,
            Some(Err(e)) => cmds.push(Command::Notify { level: crate::ui::command::Level::Error, text: format!("Cannot read the audit log: {}", e.message) }),
            None => {}
        }
        if let Some(Some(path)) = take_ready(&mut self.export_to) {
            cmds.push(self.export_command(path));
        }
    }

    fn reload(&mut self, cmds: &mut Vec<Command>) {
        let (reply, promise) = pending();
        self.loading = Some(promise);
        self.stale = false;
        cmds.push(Command::ReloadAudit { reply });
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, log_path: &str, cmds: &mut Vec<Command>) {
        if self.stale && self.loading.is_none() {
            self.reload(cmds);
        }
        ui.heading("Audit log");
        ui.label(RichText::new(log_path).weak());
        ui.horizontal(|ui| {
            let l = ui.label("Filter entries");
            ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text("action, group, operator, reason or user id")).labelled_by(l.id);
            if ui.button("Reload").clicked() {
                self.reload(cmds);
            }
            if ui.button("Export…").clicked() {
                let (reply, promise) = Promise::new();
                self.export_to = Some(promise);
                cmds.push(Command::ChooseFile { dialog: FileDialog::Save { file_name: "audit.jsonl".into() }, reply });
            }
        });
        let rows = self.matching();
        ui.label(format!("{} of {} entries", rows.len(), self.entries.len()));
        egui::ScrollArea::vertical().id_salt("audit").show(ui, |ui| entries_ui(ui, &rows));
    }
}

fn entries_ui(ui: &mut egui::Ui, rows: &[&AuditEntry]) {
    egui::Grid::new("audit_grid").striped(true).show(ui, |ui| {
        for h in ["Time (UTC)", "Operator", "Connection", "Action", "Group", "Users", "Result", "Reason"] {
            ui.strong(h);
        }
        ui.end_row();
        for e in rows {
            ui.label(&e.time);
            ui.label(&e.operator);
            ui.label(&e.connection);
            ui.label(&e.action);
            ui.label(&e.group);
            ui.label(e.users.len().to_string());
            ui.label(&e.result);
            ui.label(e.reason.as_deref().unwrap_or(""));
            ui.end_row();
        }
    });
}
