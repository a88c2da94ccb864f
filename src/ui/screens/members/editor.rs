//! The side panel of the members tab: what the selection is, admins for 1 to 10 selected, and
//! for one selected member its nickname and extra and the transfer of ownership (whether the
//! old owner leaves is asked in the confirmation). It has a fixed place beside the table, so
//! selecting a row never moves the rows.

use std::collections::HashSet;

use egui::RichText;

use crate::model::table::MemberTable;
use crate::protocol::rongcloud::limits;
use crate::tr;
use crate::ui::command::GroupAction;
use crate::ui::{display, widgets};

/// A change asked for in the side panel.
pub enum MemberChange {
    Admins { add: bool, users: Vec<String> },
    Save { user: String, nickname: String, extra: String },
    /// #13 members: a Tencent member's name card (`Some`: changed) and custom fields.
    SaveTencent { user: String, name_card: Option<String>, custom: std::collections::BTreeMap<String, String> },
    Group(GroupAction),
}

/// The one selected member being edited: (user id, nickname, extra).
pub type Editing = Option<(String, String, String)>;

/// What the side panel needs to know.
pub struct EditorInfo<'a> {
    pub selected: &'a HashSet<String>,
    pub table: Option<&'a MemberTable>,
    pub hosted: bool,
    pub job_running: bool,
    /// The group: its capabilities (admins, transfer) and Tencent member fields.
    pub detail: &'a crate::model::GroupDetail,
}

/// The panel's contents; a change asked for, if any.
pub fn editor_ui(ui: &mut egui::Ui, info: &EditorInfo, editing: &mut Editing, custom_edit: &mut super::tencent::CustomEdit) -> Option<MemberChange> {
    follow_selection(info.selected, info.table, editing);
    let n = info.selected.len();
    let mut change = None;
    egui::ScrollArea::vertical().id_salt("member_editor_scroll").show(ui, |ui| {
        if n == 0 {
            ui.add(egui::Label::new(RichText::new(tr!("editor-none")).weak()).wrap());
            return;
        }
        match editing.as_mut() {
            Some((user, nick, extra)) => {
                let row = info.table.and_then(|t| t.rows().iter().find(|r| r.user_id == *user));
                let title = ui.add(egui::Label::new(RichText::new(tr!("editor-member", user = user.as_str())).strong()).truncate());
                if let Some(row) = row {
                    let role = super::table::role_label(row.role);
                    title.on_hover_text(tr!("editor-member-facts", role = role, joined = display::time_ms(row.join_time_ms)));
                }
                if let Some(tc) = info.detail.tencent() {
                    change = super::tencent::member_fields_ui(ui, user, nick, row, tc, custom_edit)
                        .map(|save| MemberChange::SaveTencent { user: user.clone(), name_card: save.name_card, custom: save.custom });
                } else if info.hosted {
                    change = member_fields_ui(ui, user, nick, extra);
                }
            }
            None => {
                ui.label(RichText::new(tr!("editor-selected", count = n)).strong());
            }
        }
        if !info.hosted {
            return;
        }
        ui.separator();
        let caps = &info.detail.caps;
        let max_admins = caps.max_admins.unwrap_or(0);
        let ok = (1..=max_admins).contains(&n) && !info.job_running;
        let users = sorted(info.selected);
        let no_admins = super::toolbar::missing_reason(caps, crate::model::caps::Feature::Admins);
        let no_transfer = super::toolbar::missing_reason(caps, crate::model::caps::Feature::Transfer);
        ui.horizontal_wrapped(|ui| {
            let hint = no_admins.clone().unwrap_or_else(|| tr!("editor-admin-limit", max = max_admins));
            let ok = ok && no_admins.is_none();
            if ui.add_enabled(ok, egui::Button::new(tr!("editor-make-admin"))).on_disabled_hover_text(&hint).clicked() {
                change = Some(MemberChange::Admins { add: true, users: users.clone() });
            }
            if ui.add_enabled(ok, egui::Button::new(tr!("editor-remove-admin"))).on_disabled_hover_text(&hint).clicked() {
                change = Some(MemberChange::Admins { add: false, users: users.clone() });
            }
            let single = (n == 1 && no_transfer.is_none()).then(|| users.first().cloned()).flatten();
            let hint = no_transfer.unwrap_or_else(|| tr!("editor-make-owner-hint"));
            if ui.add_enabled(single.is_some(), egui::Button::new(tr!("editor-make-owner"))).on_disabled_hover_text(hint).clicked() {
                change = single.map(|u| MemberChange::Group(GroupAction::Transfer { new_owner: u, leave: false }));
            }
        });
    });
    change
}

fn sorted(selected: &HashSet<String>) -> Vec<String> {
    let mut v: Vec<String> = selected.iter().cloned().collect();
    v.sort();
    v
}

/// Edits the selected member when exactly one is selected.
fn follow_selection(selected: &HashSet<String>, table: Option<&MemberTable>, editing: &mut Editing) {
    let single = (selected.len() == 1).then(|| selected.iter().next().cloned()).flatten();
    let Some(u) = single else {
        *editing = None;
        return;
    };
    if editing.as_ref().is_none_or(|(id, _, _)| *id != u) {
        let row = table.and_then(|t| t.rows().iter().find(|r| r.user_id == u));
        *editing = Some((u, row.map(|r| r.nickname.clone()).unwrap_or_default(), row.map(|r| r.extra.clone()).unwrap_or_default()));
    }
}

fn member_fields_ui(ui: &mut egui::Ui, user: &str, nick: &mut String, extra: &mut String) -> Option<MemberChange> {
    egui::Grid::new("member_fields").num_columns(2).show(ui, |ui| {
        let l = ui.label(tr!("editor-nickname"));
        ui.add(egui::TextEdit::singleline(nick).desired_width(f32::INFINITY).hint_text(tr!("editor-nickname-hint"))).labelled_by(l.id);
        ui.end_row();
        let l = ui.label(tr!("editor-extra"));
        ui.add(egui::TextEdit::singleline(extra).desired_width(f32::INFINITY).hint_text(tr!("editor-extra-hint"))).labelled_by(l.id);
        ui.end_row();
    });
    let nick_ok = !nick.trim().is_empty() && nick.chars().count() <= limits::NICKNAME_MAX;
    let extra_ok = extra.chars().count() <= limits::EXTRA_MAX;
    if !nick_ok {
        widgets::problem_ui(ui, tr!("editor-nickname-limit", max = limits::NICKNAME_MAX));
    }
    if !extra_ok {
        widgets::problem_ui(ui, tr!("editor-extra-limit", max = limits::EXTRA_MAX));
    }
    let save = ui.add_enabled(nick_ok && extra_ok, egui::Button::new(tr!("editor-save"))).clicked();
    save.then(|| MemberChange::Save { user: user.to_owned(), nickname: nick.trim().to_owned(), extra: extra.clone() })
}
