//! Confirmations proportional to the blast radius: a bulk action asks for a reason (and the count
//! typed when kicking or muting more than 20); a group-wide change asks for a reason and the
//! group id typed.

use crate::model::rongcloud::LeaveOptions;
use crate::ui::command::{BulkAction, GroupAction};

/// Kicking or muting more than this many users asks for the count to be typed.
pub const TYPED_CONFIRM_OVER: usize = 20;

/// A bulk action waiting for confirmation.
pub struct BulkConfirm {
    pub action: BulkAction,
    pub users: Vec<String>,
    pub typed: String,
    pub reason: String,
    /// For kicks: what to remove with the membership.
    pub leave: LeaveOptions,
}

impl BulkConfirm {
    pub fn new(action: BulkAction, users: Vec<String>) -> Self {
        Self { action, users, typed: String::new(), reason: String::new(), leave: LeaveOptions::default() }
    }
}

/// A group-wide change waiting for confirmation.
pub struct GroupConfirm {
    pub action: GroupAction,
    pub typed: String,
    pub reason: String,
}

impl GroupConfirm {
    pub fn new(action: GroupAction) -> Self {
        Self { action, typed: String::new(), reason: String::new() }
    }
}

/// The bulk confirmation modal; the confirmed action once the user confirms (the slot empties
/// on confirm or cancel).
pub fn bulk_confirm_ui(slot: &mut Option<BulkConfirm>, ctx: &egui::Context) -> Option<BulkConfirm> {
    let p = slot.as_mut()?;
    let n = p.users.len();
    let typed_needed = n > TYPED_CONFIRM_OVER && matches!(p.action, BulkAction::Kick | BulkAction::Mute(_));
    let mut go = false;
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("bulk_confirm")).show(ctx, |ui| {
        ui.heading(format!("{} {n} user(s)?", p.action.label()));
        let sample: Vec<&str> = p.users.iter().take(5).map(String::as_str).collect();
        ui.label(format!("{}{}", sample.join(", "), if n > 5 { format!(" and {} more", n - 5) } else { String::new() }));
        reason_ui(ui, &mut p.reason);
        if p.action == BulkAction::Kick {
            ui.checkbox(&mut p.leave.remove_mute, "also remove their mute in this group");
            ui.checkbox(&mut p.leave.remove_allowlist, "also remove them from the mute-all allowlist");
            ui.checkbox(&mut p.leave.remove_follows, "also remove the members they follow");
        }
        if typed_needed {
            let l = ui.label(format!("Type {n} to confirm"));
            ui.add(egui::TextEdit::singleline(&mut p.typed).hint_text(n.to_string())).labelled_by(l.id);
        }
        let ok = !p.reason.trim().is_empty() && (!typed_needed || p.typed.trim() == n.to_string());
        (go, cancel) = confirm_buttons_ui(ui, ok);
    });
    settle(slot, go, cancel)
}

/// The group-wide confirmation modal for `group_id`.
pub fn group_confirm_ui(slot: &mut Option<GroupConfirm>, ctx: &egui::Context, group_id: &str) -> Option<GroupConfirm> {
    let p = slot.as_mut()?;
    let mut go = false;
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("group_confirm")).show(ctx, |ui| {
        ui.heading(format!("{} in {group_id}?", p.action.label()));
        reason_ui(ui, &mut p.reason);
        let l = ui.label(format!("Type the group id ({group_id}) to confirm"));
        ui.add(egui::TextEdit::singleline(&mut p.typed).hint_text(group_id)).labelled_by(l.id);
        let ok = !p.reason.trim().is_empty() && p.typed.trim() == group_id;
        (go, cancel) = confirm_buttons_ui(ui, ok);
    });
    settle(slot, go, cancel)
}

fn reason_ui(ui: &mut egui::Ui, reason: &mut String) {
    let l = ui.label("Reason (recorded in the audit log)");
    ui.add(egui::TextEdit::singleline(reason).hint_text("reason")).labelled_by(l.id);
}

/// Confirm (enabled when `ok`) and Cancel (or Escape): (confirmed, cancelled).
fn confirm_buttons_ui(ui: &mut egui::Ui, ok: bool) -> (bool, bool) {
    ui.horizontal(|ui| {
        let go = ui.add_enabled(ok, egui::Button::new("Confirm")).clicked();
        let cancel = ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
        (go, cancel)
    })
    .inner
}

fn settle<T>(slot: &mut Option<T>, go: bool, cancel: bool) -> Option<T> {
    if cancel {
        *slot = None;
        None
    } else if go {
        slot.take()
    } else {
        None
    }
}
