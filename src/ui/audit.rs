//! The audit panel: every recorded change, newest first, filtered as you type, exportable.

use egui::RichText;

use super::app::{GroupdeskApp, Level};

#[derive(Default)]
pub struct AuditView {
    pub filter: String,
    pub entries: Vec<crate::audit::AuditEntry>,
    pub loaded: bool,
}

impl AuditView {
    /// Entries matching the filter (action, group, operator, connection, reason or a user id).
    pub fn matching(&self) -> Vec<&crate::audit::AuditEntry> {
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
}

impl GroupdeskApp {
    pub fn reload_audit(&mut self) {
        match self.options_audit().read() {
            Ok(entries) => {
                self.audit_view.entries = entries;
                self.audit_view.loaded = true;
            }
            Err(e) => self.notify(Level::Error, format!("Cannot read the audit log: {e}")),
        }
    }

    /// Writes the entries that match the filter as JSON Lines.
    pub fn export_audit(&mut self, path: &std::path::Path) {
        let lines: Vec<String> = self.audit_view.matching().into_iter().rev().filter_map(|e| serde_json::to_string(e).ok()).collect();
        match std::fs::write(path, lines.join("\n") + "\n") {
            Ok(()) => self.notify(Level::Info, format!("{} audit entries exported to {}", lines.len(), path.display())),
            Err(e) => self.notify(Level::Error, format!("Cannot write {}: {e}", path.display())),
        }
    }

    pub(crate) fn audit_ui(&mut self, ui: &mut egui::Ui) {
        if !self.audit_view.loaded {
            self.reload_audit();
        }
        ui.heading("Audit log");
        ui.label(RichText::new(self.options_audit().path().display().to_string()).weak());
        let mut reload = false;
        let mut export = false;
        ui.horizontal(|ui| {
            let l = ui.label("Filter entries");
            ui.add(egui::TextEdit::singleline(&mut self.audit_view.filter).hint_text("action, group, operator, reason or user id")).labelled_by(l.id);
            reload = ui.button("Reload").clicked();
            export = ui.button("Export…").clicked();
        });
        let rows: Vec<crate::audit::AuditEntry> = self.audit_view.matching().into_iter().cloned().collect();
        ui.label(format!("{} of {} entries", rows.len(), self.audit_view.entries.len()));
        egui::ScrollArea::vertical().id_salt("audit").show(ui, |ui| {
            egui::Grid::new("audit_grid").striped(true).show(ui, |ui| {
                for h in ["Time (UTC)", "Operator", "Connection", "Action", "Group", "Users", "Result", "Reason"] {
                    ui.strong(h);
                }
                ui.end_row();
                for e in &rows {
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
        });
        if reload {
            self.reload_audit();
        }
        if export {
            if let Some(path) = rfd::FileDialog::new().set_file_name("audit.jsonl").save_file() {
                self.export_audit(&path);
            }
        }
    }
}
