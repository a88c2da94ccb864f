//! The rows above the members table: filter and selection, bulk actions, group-wide actions and
//! export options, the allowlist, and admins plus the selected member's nickname and extra.

use std::collections::HashSet;

use crate::protocol::rongcloud::limits;
use crate::model::table::MemberTable;
use crate::ui::command::{BulkAction, GroupAction, Pending};
use crate::ui::widgets;

/// Which members an export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportScope {
    All,
    Shown,
    Selected,
}

impl ExportScope {
    fn label(self) -> &'static str {
        match self {
            Self::All => "all members",
            Self::Shown => "shown members",
            Self::Selected => "selected members",
        }
    }
}

/// The export choices.
#[derive(Default)]
pub struct ExportOptions {
    pub scope: Option<ExportScope>,
    pub bom: bool,
    /// Columns left out of exports (by name).
    pub skip: HashSet<&'static str>,
}

/// Buttons of the filter row.
#[derive(Default)]
pub struct FilterClicks {
    pub select_all: bool,
    pub clear: bool,
    pub reload: bool,
}

pub fn filter_row_ui(ui: &mut egui::Ui, filter: &mut String, shown: usize, total: usize, selected: usize) -> FilterClicks {
    ui.horizontal(|ui| {
        let l = ui.label("Filter members");
        ui.add(egui::TextEdit::singleline(filter).hint_text("id or nickname").desired_width(200.0)).labelled_by(l.id);
        ui.label(format!("{shown} of {total} shown · {selected} selected"));
        FilterClicks {
            select_all: ui.button("Select all shown").clicked(),
            clear: ui.button("Clear selection").clicked(),
            reload: ui.button("Reload members").clicked(),
        }
    })
    .inner
}

/// Mute (fixed or custom minutes), unmute, kick and allowlist for the selection.
pub fn bulk_row_ui(ui: &mut egui::Ui, enabled: bool, custom_minutes: &mut String) -> Option<BulkAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        ui.add_enabled_ui(enabled, |ui| {
            for (label, minutes) in [("Mute 10 min", 10), ("Mute 1 h", 60), ("Mute 1 day", 1440), ("Mute 30 days", 43_200), ("Mute permanently", 0)] {
                if ui.button(label).clicked() {
                    action = Some(BulkAction::Mute(minutes));
                }
            }
            let l = ui.label("Minutes");
            ui.add(egui::TextEdit::singleline(custom_minutes).desired_width(60.0).hint_text("minutes")).labelled_by(l.id);
            let custom = custom_minutes.trim().parse::<u32>().ok().filter(|n| *n <= limits::MUTE_MINUTES_MAX);
            if ui.add_enabled(custom.is_some(), egui::Button::new("Mute for minutes")).clicked() {
                action = custom.map(BulkAction::Mute);
            }
            if ui.button("Unmute").clicked() {
                action = Some(BulkAction::Unmute);
            }
            if ui.add(widgets::danger_button(ui, "Kick…")).clicked() {
                action = Some(BulkAction::Kick);
            }
            if ui.button("Allowlist add").clicked() {
                action = Some(BulkAction::AllowlistAdd);
            }
            if ui.button("Allowlist remove").clicked() {
                action = Some(BulkAction::AllowlistRemove);
            }
        });
    });
    let m = custom_minutes.trim();
    if !m.is_empty() && m.parse::<u32>().ok().is_none_or(|n| n > limits::MUTE_MINUTES_MAX) {
        widgets::problem_ui(ui, format!("Minutes: a whole number from 0 (permanent) to {}", limits::MUTE_MINUTES_MAX));
    }
    action
}

/// What the group row asks for.
#[derive(Default)]
pub struct GroupClicks {
    pub action: Option<GroupAction>,
    pub show_allowlist: bool,
    pub export: bool,
}

/// Mute-all, transfer of ownership to the one selected member, and export options.
pub fn group_row_ui(ui: &mut egui::Ui, muted_all: bool, hosted: bool, table: Option<&MemberTable>, selected: &HashSet<String>, leave_on_transfer: &mut bool, export: &mut ExportOptions) -> GroupClicks {
    let allowlisted = table.map_or(0, |t| t.rows().iter().filter(|r| r.allowlisted).count());
    let mut out = GroupClicks::default();
    ui.horizontal(|ui| {
        ui.label(format!("Mute-all is {} · {allowlisted} allowlisted members", if muted_all { "ON" } else { "off" }));
        out.show_allowlist = ui.button("Show allowlist").clicked();
        if ui.button(if muted_all { "Turn mute-all off…" } else { "Turn mute-all on…" }).clicked() {
            out.action = Some(GroupAction::MuteAll(!muted_all));
        }
        ui.separator();
        let single = (selected.len() == 1).then(|| selected.iter().next().cloned()).flatten();
        ui.checkbox(leave_on_transfer, "old owner leaves");
        if ui.add_enabled(hosted && single.is_some(), egui::Button::new("Make selected the owner…")).clicked() {
            out.action = single.map(|u| GroupAction::Transfer { new_owner: u, leave: *leave_on_transfer });
        }
        ui.separator();
        out.export = export_ui(ui, export);
    });
    out
}

/// Scope, BOM and columns; whether "Export CSV…" was clicked.
fn export_ui(ui: &mut egui::Ui, export: &mut ExportOptions) -> bool {
    egui::ComboBox::from_label("Export").selected_text(export.scope.unwrap_or(ExportScope::All).label()).show_ui(ui, |ui| {
        for scope in [ExportScope::All, ExportScope::Shown, ExportScope::Selected] {
            ui.selectable_value(&mut export.scope, Some(scope), scope.label());
        }
    });
    ui.checkbox(&mut export.bom, "BOM for Excel");
    ui.menu_button("Columns", |ui| {
        for c in crate::ops::csv::MEMBER_COLUMNS {
            let mut on = !export.skip.contains(c);
            if ui.checkbox(&mut on, c).changed() {
                if on { export.skip.remove(c) } else { export.skip.insert(c) };
            }
        }
    });
    ui.button("Export CSV…").clicked()
}

/// The allowlist as last read.
pub fn allowlist_ui(ui: &mut egui::Ui, allowlist: Option<&Pending<Vec<String>>>) {
    match allowlist.and_then(|p| p.ready()) {
        Some(Ok(ids)) => {
            ui.label(format!("Allowlist ({}): {}", ids.len(), if ids.is_empty() { "empty".to_owned() } else { ids.join(", ") }));
        }
        Some(Err(e)) => widgets::error_ui(ui, e),
        None => {}
    }
}

/// A change asked for in the admins row.
pub enum MemberChange {
    Admins { add: bool, users: Vec<String> },
    Save { user: String, nickname: String, extra: String },
}

/// The one selected member being edited: (user id, nickname, extra).
pub type Editing = Option<(String, String, String)>;

/// Make or remove admins (1 to 10 selected), and edit the one selected member.
pub fn admins_ui(ui: &mut egui::Ui, selected: &HashSet<String>, table: Option<&MemberTable>, editing: &mut Editing, job_running: bool) -> Option<MemberChange> {
    let mut change = None;
    ui.horizontal(|ui| {
        let n = selected.len();
        let ok = (1..=limits::ADMINS_MAX).contains(&n) && !job_running;
        let mut sel: Vec<String> = selected.iter().cloned().collect();
        sel.sort();
        if ui.add_enabled(ok, egui::Button::new("Make admin")).on_disabled_hover_text("select 1 to 10 members").clicked() {
            change = Some(MemberChange::Admins { add: true, users: sel.clone() });
        }
        if ui.add_enabled(ok, egui::Button::new("Remove admin")).clicked() {
            change = Some(MemberChange::Admins { add: false, users: sel });
        }
        follow_selection(selected, table, editing);
    });
    if let Some((u, nick, extra)) = editing.as_mut() {
        ui.horizontal(|ui| {
            if let Some(save) = member_editor_ui(ui, u, nick, extra) {
                change = Some(save);
            }
        });
    }
    change
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

fn member_editor_ui(ui: &mut egui::Ui, user: &str, nick: &mut String, extra: &mut String) -> Option<MemberChange> {
    ui.label(format!("Member {user}:"));
    let l = ui.label("Nickname");
    ui.add(egui::TextEdit::singleline(nick).desired_width(160.0).hint_text("nickname")).labelled_by(l.id);
    let l = ui.label("Extra");
    ui.add(egui::TextEdit::singleline(extra).desired_width(160.0).hint_text("extra")).labelled_by(l.id);
    let nick_ok = !nick.trim().is_empty() && nick.chars().count() <= limits::NICKNAME_MAX;
    let extra_ok = extra.chars().count() <= limits::EXTRA_MAX;
    let save = ui.add_enabled(nick_ok && extra_ok, egui::Button::new("Save member")).clicked();
    if !nick_ok {
        widgets::problem_ui(ui, format!("Nickname: 1 to {} characters", limits::NICKNAME_MAX));
    }
    if !extra_ok {
        widgets::problem_ui(ui, format!("Extra: at most {} characters", limits::EXTRA_MAX));
    }
    save.then(|| MemberChange::Save { user: user.to_owned(), nickname: nick.trim().to_owned(), extra: extra.clone() })
}
