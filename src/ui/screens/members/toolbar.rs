//! The rows above the members table, each wrapping to the window's width (no action ever off the
//! right edge): filter and selection; bulk actions on the selection (the mute durations in a
//! menu); group-wide actions, the allowlist and the export menu (scope, BOM, columns).

use std::collections::HashSet;

use crate::model::table::MemberTable;
use crate::protocol::rongcloud::limits;
use crate::tr;
use crate::ui::command::{BulkAction, GroupAction, Pending, mute_duration};
use crate::ui::widgets;

/// Which members an export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportScope {
    All,
    Shown,
    Selected,
}

impl ExportScope {
    fn label(self) -> String {
        match self {
            Self::All => tr!("export-scope-all"),
            Self::Shown => tr!("export-scope-shown"),
            Self::Selected => tr!("export-scope-selected"),
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
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(tr!("members-filter"));
        ui.add(egui::TextEdit::singleline(filter).hint_text(tr!("members-filter-hint")).desired_width(160.0)).labelled_by(l.id);
        ui.label(tr!("members-shown", shown = shown, total = total, selected = selected));
        FilterClicks {
            select_all: ui.button(tr!("members-select-all")).clicked(),
            clear: ui.add_enabled(selected > 0, egui::Button::new(tr!("members-clear-selection"))).clicked(),
            reload: ui.button(tr!("members-reload")).clicked(),
        }
    })
    .inner
}

/// The mute durations offered in the Mute menu, in minutes (0 = permanent).
pub const MUTE_CHOICES: [u32; 5] = [10, 60, 1440, 43_200, 0];

/// Mute (a duration from the menu, or custom minutes), unmute, kick and allowlist for the
/// selection.
pub fn bulk_row_ui(ui: &mut egui::Ui, enabled: bool, custom_minutes: &mut String) -> Option<BulkAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        let hint = tr!("members-select-first");
        ui.add_enabled_ui(enabled, |ui| {
            ui.menu_button(tr!("members-mute-menu"), |ui| {
                for minutes in MUTE_CHOICES {
                    if ui.button(mute_choice_label(minutes)).clicked() {
                        action = Some(BulkAction::Mute(minutes));
                    }
                }
                ui.separator();
                let custom = custom_minutes_ui(ui, custom_minutes);
                if ui.add_enabled(custom.is_some(), egui::Button::new(tr!("members-mute-custom"))).clicked() {
                    action = custom.map(BulkAction::Mute);
                }
            })
            .response
            .on_hover_text(tr!("members-mute-menu-hint"))
            .on_disabled_hover_text(&hint);
            for (label, a) in [(tr!("members-unmute"), BulkAction::Unmute), (tr!("members-kick"), BulkAction::Kick), (tr!("members-allowlist-add"), BulkAction::AllowlistAdd), (tr!("members-allowlist-remove"), BulkAction::AllowlistRemove)] {
                let button = if a == BulkAction::Kick { widgets::danger_button(ui, &label) } else { egui::Button::new(label) };
                if ui.add(button).on_disabled_hover_text(&hint).clicked() {
                    action = Some(a);
                }
            }
        });
    });
    action
}

/// "Mute for 1 hour" (the menu's entries).
pub fn mute_choice_label(minutes: u32) -> String {
    tr!("members-mute-choice", duration = mute_duration(minutes))
}

/// The custom minutes field; the minutes when valid.
fn custom_minutes_ui(ui: &mut egui::Ui, custom_minutes: &mut String) -> Option<u32> {
    ui.horizontal(|ui| {
        let l = ui.label(tr!("members-minutes"));
        ui.add(egui::TextEdit::singleline(custom_minutes).desired_width(60.0).hint_text(tr!("members-minutes-hint"))).labelled_by(l.id);
    });
    let m = custom_minutes.trim();
    let custom = m.parse::<u32>().ok().filter(|n| *n <= limits::MUTE_MINUTES_MAX);
    if !m.is_empty() && custom.is_none() {
        widgets::problem_ui(ui, tr!("members-minutes-invalid", max = limits::MUTE_MINUTES_MAX));
    }
    custom
}

/// What the group row asks for.
#[derive(Default)]
pub struct GroupClicks {
    pub action: Option<GroupAction>,
    pub show_allowlist: bool,
    pub export: bool,
}

/// Mute-all, the allowlist, and the export menu.
pub fn group_row_ui(ui: &mut egui::Ui, muted_all: bool, table: Option<&MemberTable>, export: &mut ExportOptions) -> GroupClicks {
    let allowlisted = table.map_or(0, |t| t.rows().iter().filter(|r| r.allowlisted).count());
    let mut out = GroupClicks::default();
    ui.horizontal_wrapped(|ui| {
        let state = if muted_all { tr!("members-mute-all-on") } else { tr!("members-mute-all-off") };
        ui.label(tr!("members-mute-all-state", state = state, allowlisted = allowlisted));
        out.show_allowlist = ui.button(tr!("members-show-allowlist")).clicked();
        if ui.button(if muted_all { tr!("members-mute-all-turn-off") } else { tr!("members-mute-all-turn-on") }).clicked() {
            out.action = Some(GroupAction::MuteAll(!muted_all));
        }
        ui.menu_button(tr!("members-export-menu"), |ui| out.export = export_ui(ui, export));
    });
    out
}

/// Scope, BOM and columns; whether "Export CSV…" was clicked.
fn export_ui(ui: &mut egui::Ui, export: &mut ExportOptions) -> bool {
    ui.label(egui::RichText::new(tr!("export-which")).strong());
    for scope in [ExportScope::All, ExportScope::Shown, ExportScope::Selected] {
        let selected = export.scope.unwrap_or(ExportScope::All) == scope;
        if ui.radio(selected, scope.label()).clicked() {
            export.scope = Some(scope);
        }
    }
    ui.separator();
    ui.checkbox(&mut export.bom, tr!("export-bom"));
    ui.menu_button(tr!("export-columns"), |ui| {
        for c in crate::ops::csv::MEMBER_COLUMNS {
            let mut on = !export.skip.contains(c);
            if ui.checkbox(&mut on, c).changed() {
                if on { export.skip.remove(c) } else { export.skip.insert(c) };
            }
        }
    });
    ui.separator();
    ui.button(tr!("export-csv")).clicked()
}

/// The allowlist as last read.
pub fn allowlist_ui(ui: &mut egui::Ui, allowlist: Option<&Pending<Vec<String>>>) {
    match allowlist.and_then(|p| p.ready()) {
        Some(Ok(ids)) => {
            let list = if ids.is_empty() { tr!("allowlist-empty") } else { ids.join(", ") };
            ui.add(egui::Label::new(tr!("allowlist-shown", count = ids.len(), list = list)).wrap());
        }
        Some(Err(e)) => widgets::error_ui(ui, e),
        None => {}
    }
}
