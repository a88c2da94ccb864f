//! The group page's confirmations: review before save (only the changed fields are sent), and
//! dismiss with a reason and the group id typed.

use super::form::ProfileForm;
use crate::model::ProfileChange as ProfileUpdate;
use crate::ui::command::Command;
use crate::ui::widgets;

pub enum Review {
    Open,
    Cancel,
    /// Save these fields (their labels, for the audit log) with this update.
    Save { fields: Vec<String>, update: ProfileUpdate },
}

/// The review dialog: each changed field before and after.
pub fn review_ui(ctx: &egui::Context, group_id: &str, form: &ProfileForm, original: &ProfileForm) -> Review {
    let (rows, update) = form.diff(original);
    let mut confirm = false;
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("review_save")).show(ctx, |ui| {
        ui.heading(format!("Save changes to {group_id}?"));
        ui.label("Only these fields are sent:");
        egui::Grid::new("review_grid").striped(true).show(ui, |ui| {
            ui.strong("Field");
            ui.strong("Before");
            ui.strong("After");
            ui.end_row();
            for (f, a, b) in &rows {
                ui.label(f);
                ui.label(if a.is_empty() { "(empty)" } else { a.as_str() });
                ui.label(if b.is_empty() { "(empty)" } else { b.as_str() });
                ui.end_row();
            }
        });
        ui.horizontal(|ui| {
            confirm = ui.button("Save").clicked();
            cancel = ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
        });
    });
    match (confirm, cancel) {
        (_, true) => Review::Cancel,
        (true, false) => Review::Save { fields: rows.into_iter().map(|r| r.0).collect(), update },
        _ => Review::Open,
    }
}

/// Dismiss confirmation: a reason for the audit log and the group id typed.
#[derive(Default)]
pub struct DismissDialog {
    /// What was typed (`Some` = dialog open).
    pub typed: Option<String>,
    pub reason: String,
}

impl DismissDialog {
    pub fn open(&mut self) {
        self.typed = Some(String::new());
    }

    pub fn ui(&mut self, ctx: &egui::Context, group_id: &str, hosted: bool, cmds: &mut Vec<Command>) {
        let Some(typed) = self.typed.as_mut() else { return };
        let reason = &mut self.reason;
        let mut go = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("dismiss")).show(ctx, |ui| {
            ui.heading(format!("Dismiss {group_id}?"));
            ui.label("Every member loses the group. This cannot be undone.");
            let l = ui.label("Reason (recorded in the audit log)");
            ui.add(egui::TextEdit::singleline(reason).hint_text("reason")).labelled_by(l.id);
            let l = ui.label(format!("Type the group id ({group_id}) to confirm"));
            ui.add(egui::TextEdit::singleline(typed).hint_text(group_id)).labelled_by(l.id);
            ui.horizontal(|ui| {
                let ok = typed.trim() == group_id && !reason.trim().is_empty();
                go = ui.add_enabled(ok, widgets::danger_button(ui, "Dismiss")).clicked();
                cancel = ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
            });
        });
        if cancel {
            self.typed = None;
        } else if go {
            self.typed = None;
            cmds.push(Command::DismissGroup { group_id: group_id.to_owned(), hosted, reason: self.reason.trim().to_owned() });
        }
    }
}
