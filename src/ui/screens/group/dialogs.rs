//! The group page's confirmations: review before save (only the changed fields are sent, shown
//! by their labels, with a reason for the audit log like every other change), and dismiss with a
//! reason and the group id typed.

use super::form::ProfileForm;
use crate::model::ProfileChange as ProfileUpdate;
use crate::ops::extkeys::Registry;
use crate::tr;
use crate::ui::command::Command;
use crate::ui::widgets;

pub enum Review {
    Open,
    Cancel,
    /// Save these fields (their labels, for the notifications) with this update and reason.
    Save { fields: Vec<String>, update: ProfileUpdate, reason: String },
}

/// The review dialog's own state.
#[derive(Default)]
pub struct ReviewState {
    pub reason: String,
    focused: bool,
}

/// A field as the review shows it: an extProfile key by its label (and the key).
fn field_label(field: &str, registry: &Registry) -> String {
    match registry.get(field) {
        Some(def) if !def.label.is_empty() => format!("{} ({field})", def.label),
        _ => widgets::model_text_owned(field),
    }
}

/// The review dialog: each changed field before and after, and the reason.
pub fn review_ui(ctx: &egui::Context, group_id: &str, form: &ProfileForm, original: &ProfileForm, registry: &Registry, state: &mut ReviewState) -> Review {
    let (rows, update) = form.diff(original);
    let mut confirm = false;
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("review_save")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(tr!("review-title", group = group_id));
        ui.label(tr!("review-intro"));
        egui::ScrollArea::vertical().max_height(280.0).show(ui, |ui| {
            egui::Grid::new("review_grid").striped(true).num_columns(3).show(ui, |ui| {
                ui.strong(tr!("review-field"));
                ui.strong(tr!("review-before"));
                ui.strong(tr!("review-after"));
                ui.end_row();
                for (f, a, b) in &rows {
                    ui.label(field_label(f, registry));
                    for v in [a, b] {
                        let shown = if v.is_empty() { tr!("review-empty") } else { widgets::model_text_owned(v) };
                        ui.add(egui::Label::new(shown).wrap());
                    }
                    ui.end_row();
                }
            });
        });
        widgets::reason_ui(ui, &mut state.reason, &mut state.focused);
        let ok = !state.reason.trim().is_empty();
        (confirm, cancel) = widgets::confirm_buttons_ui(ui, ok, egui::Button::new(tr!("review-save")));
    });
    if confirm && !cancel {
        widgets::remember_reason(ctx, &state.reason);
    }
    match (confirm, cancel) {
        (_, true) => Review::Cancel,
        (true, false) => Review::Save { fields: rows.into_iter().map(|r| field_label(&r.0, registry)).collect(), update, reason: state.reason.trim().to_owned() },
        _ => Review::Open,
    }
}

/// Dismiss confirmation: a reason for the audit log and the group id typed.
#[derive(Default)]
pub struct DismissDialog {
    /// What was typed (`Some` = dialog open; it opens empty).
    pub typed: Option<String>,
    pub reason: String,
    focused: bool,
}

impl DismissDialog {
    pub fn open(&mut self) {
        self.typed = Some(String::new());
        self.reason.clear();
        self.focused = false;
    }

    pub fn ui(&mut self, ctx: &egui::Context, group_id: &str, hosted: bool, cmds: &mut Vec<Command>) {
        let Some(typed) = self.typed.as_mut() else { return };
        let mut go = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("dismiss")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading(tr!("dismiss-title", group = group_id));
            ui.label(tr!("dismiss-intro"));
            widgets::reason_ui(ui, &mut self.reason, &mut self.focused);
            let l = ui.label(tr!("type-group-id-to-confirm", group = group_id));
            ui.add(egui::TextEdit::singleline(typed).hint_text(tr!("group-id-hint"))).labelled_by(l.id);
            let ok = typed.trim() == group_id && !self.reason.trim().is_empty();
            let button = widgets::danger_button(ui, &tr!("dismiss-confirm"));
            (go, cancel) = widgets::confirm_buttons_ui(ui, ok, button);
        });
        if cancel {
            self.typed = None;
        } else if go {
            self.typed = None;
            widgets::remember_reason(ctx, &self.reason);
            cmds.push(Command::DismissGroup { group_id: group_id.to_owned(), hosted, reason: self.reason.trim().to_owned() });
        }
    }
}
