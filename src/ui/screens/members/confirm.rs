//! Confirmations proportional to the blast radius: a bulk action asks for a reason (and the count
//! typed when kicking or muting more than 20) and says first which users will be skipped and
//! why; a group-wide change asks for a reason and the group id typed. The reason field has the
//! focus, the last reason is offered again, Enter confirms and Escape cancels.

use std::collections::HashMap;

use egui::RichText;

use crate::model::member::Role;
use crate::model::rongcloud::LeaveOptions;
use crate::model::table::MemberTable;
use crate::tr;
use crate::ui::command::{BulkAction, GroupAction};
use crate::ui::{display, widgets};

/// Kicking or muting more than this many users asks for the count to be typed.
pub const TYPED_CONFIRM_OVER: usize = 20;

/// Why a user will be skipped, as the operations will report it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    Owner,
    NotMember,
    AlreadyMember,
}

impl Skip {
    pub fn label(self) -> String {
        match self {
            Self::Owner => tr!("skip-owner"),
            Self::NotMember => tr!("skip-not-member"),
            Self::AlreadyMember => tr!("skip-already-member"),
        }
    }
}

/// The users a job will skip, known before it starts from the loaded members: the owner and
/// non-members of mutes and kicks, existing members of adds. (`owner`: hosted groups only.)
pub fn predicted_skips(action: BulkAction, users: &[String], table: Option<&MemberTable>, owner: Option<&str>) -> Vec<(String, Skip)> {
    let Some(table) = table else { return Vec::new() };
    let roles: HashMap<&str, Option<Role>> = table.rows().iter().map(|r| (r.user_id.as_str(), r.role)).collect();
    let is_owner = |u: &str| owner == Some(u) || roles.get(u).is_some_and(|r| *r == Some(Role::Owner));
    users
        .iter()
        .filter_map(|u| {
            let skip = match action {
                BulkAction::Mute(_) | BulkAction::MuteSeconds(_) | BulkAction::Kick if owner.is_some() && is_owner(u) => Skip::Owner,
                BulkAction::Mute(_) | BulkAction::MuteSeconds(_) | BulkAction::Kick if !roles.contains_key(u.as_str()) => Skip::NotMember,
                BulkAction::Add if roles.contains_key(u.as_str()) => Skip::AlreadyMember,
                _ => return None,
            };
            Some((u.clone(), skip))
        })
        .collect()
}

/// A bulk action waiting for confirmation.
pub struct BulkConfirm {
    pub action: BulkAction,
    pub users: Vec<String>,
    /// Users the job will skip, and why (told before it starts).
    pub skips: Vec<(String, Skip)>,
    pub typed: String,
    pub reason: String,
    /// For kicks: what to remove with the membership.
    pub leave: LeaveOptions,
    /// Whether the kick's clean-up choices are offered (RongCloud's; Tencent has none).
    pub leave_choices: bool,
    focused: bool,
}

impl BulkConfirm {
    pub fn new(action: BulkAction, users: Vec<String>) -> Self {
        Self { action, users, skips: Vec::new(), typed: String::new(), reason: String::new(), leave: LeaveOptions::default(), leave_choices: true, focused: false }
    }

    pub fn with_skips(mut self, skips: Vec<(String, Skip)>) -> Self {
        self.skips = skips;
        self
    }
}

/// A group-wide change waiting for confirmation.
pub struct GroupConfirm {
    pub action: GroupAction,
    pub typed: String,
    pub reason: String,
    focused: bool,
}

impl GroupConfirm {
    pub fn new(action: GroupAction) -> Self {
        Self { action, typed: String::new(), reason: String::new(), focused: false }
    }
}

/// The bulk confirmation modal; the confirmed action once the user confirms (the slot empties
/// on confirm or cancel).
pub fn bulk_confirm_ui(slot: &mut Option<BulkConfirm>, ctx: &egui::Context) -> Option<BulkConfirm> {
    let p = slot.as_mut()?;
    let n = p.users.len();
    let typed_needed = n > TYPED_CONFIRM_OVER && matches!(p.action, BulkAction::Kick | BulkAction::Mute(_) | BulkAction::MuteSeconds(_));
    let mut go = false;
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("bulk_confirm")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(p.action.title(n));
        let sample: Vec<&str> = p.users.iter().take(5).map(String::as_str).collect();
        let more = if n > 5 { tr!("and-more", count = n - 5) } else { String::new() };
        ui.add(egui::Label::new(format!("{}{more}", sample.join(", "))).wrap());
        skips_ui(ui, &p.skips, n);
        widgets::reason_ui(ui, &mut p.reason, &mut p.focused);
        if p.action == BulkAction::Kick && p.leave_choices {
            ui.checkbox(&mut p.leave.remove_mute, tr!("kick-remove-mute"));
            ui.checkbox(&mut p.leave.remove_allowlist, tr!("kick-remove-allowlist"));
            ui.checkbox(&mut p.leave.remove_follows, tr!("kick-remove-follows"));
        }
        if typed_needed {
            let l = ui.label(tr!("type-count-to-confirm", count = n.to_string()));
            ui.add(egui::TextEdit::singleline(&mut p.typed).hint_text(tr!("type-count-hint"))).labelled_by(l.id);
        }
        let ok = !p.reason.trim().is_empty() && (!typed_needed || p.typed.trim() == n.to_string());
        (go, cancel) = widgets::confirm_buttons_ui(ui, ok, egui::Button::new(tr!("confirm")));
    });
    if go {
        widgets::remember_reason(ctx, &p.reason);
    }
    settle(slot, go, cancel)
}

/// Who will be skipped and why, before the job starts.
fn skips_ui(ui: &mut egui::Ui, skips: &[(String, Skip)], n: usize) {
    if skips.is_empty() {
        return;
    }
    let color = ui.visuals().warn_fg_color;
    ui.label(RichText::new(tr!("skips-heading", count = skips.len(), acted = display::number(n - skips.len()))).color(color).strong());
    for (user, why) in skips.iter().take(3) {
        ui.label(RichText::new(format!("• {user}: {}", why.label())).color(color));
    }
    if skips.len() > 3 {
        ui.label(RichText::new(tr!("and-more", count = skips.len() - 3).trim().to_owned()).color(color));
    }
}

/// The group-wide confirmation modal for `group_id`.
pub fn group_confirm_ui(slot: &mut Option<GroupConfirm>, ctx: &egui::Context, group_id: &str) -> Option<GroupConfirm> {
    let p = slot.as_mut()?;
    let mut go = false;
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("group_confirm")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(p.action.title(group_id));
        if let GroupAction::Transfer { leave, .. } = &mut p.action {
            ui.checkbox(leave, tr!("editor-old-owner-leaves"));
        }
        widgets::reason_ui(ui, &mut p.reason, &mut p.focused);
        let l = ui.label(tr!("type-group-id-to-confirm", group = group_id));
        ui.add(egui::TextEdit::singleline(&mut p.typed).hint_text(tr!("group-id-hint"))).labelled_by(l.id);
        let ok = !p.reason.trim().is_empty() && p.typed.trim() == group_id;
        (go, cancel) = widgets::confirm_buttons_ui(ui, ok, egui::Button::new(tr!("confirm")));
    });
    if go {
        widgets::remember_reason(ctx, &p.reason);
    }
    settle(slot, go, cancel)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::csv::MemberRow;

    fn row(id: &str, role: Role) -> MemberRow {
        MemberRow { user_id: id.into(), nickname: String::new(), role: Some(role), join_time_ms: 0, extra: String::new(), muted_until: None, allowlisted: false, custom: Default::default(), tencent: None }
    }

    #[test]
    fn the_owner_and_non_members_are_named_before_a_kick() {
        let table = MemberTable::new(vec![row("boss", Role::Owner), row("a", Role::Member)]);
        let users: Vec<String> = ["boss", "a", "ghost"].map(String::from).to_vec();
        let skips = predicted_skips(BulkAction::Kick, &users, Some(&table), Some("boss"));
        assert_eq!(skips, vec![("boss".into(), Skip::Owner), ("ghost".into(), Skip::NotMember)]);
        assert_eq!(predicted_skips(BulkAction::Add, &users, Some(&table), Some("boss")).len(), 2, "existing members");
        assert!(predicted_skips(BulkAction::Unmute, &users, Some(&table), Some("boss")).is_empty());
    }
}
