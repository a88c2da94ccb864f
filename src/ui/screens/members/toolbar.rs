//! The rows above the members table, each wrapping to the window's width (no action ever off the
//! right edge): filter and selection; bulk actions on the selection (the mute durations in a
//! menu); group-wide actions, the allowlist and the export menu (scope, BOM, columns).

use std::collections::HashSet;

use crate::model::table::MemberTable;
use crate::tr;
use crate::model::MuteDuration;
use crate::model::caps::{Capabilities, Feature, MuteUnit};
use crate::ui::command::{BulkAction, GroupAction, Pending, mute_duration, mute_duration_seconds};
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

/// #13 members: Tencent's Mute menu, in seconds (then "permanently").
pub const TENCENT_MUTE_SECONDS: [u64; 5] = [30, 600, 3600, 86_400, 2_592_000];

/// Why a capability is missing, in the user's language (a disabled control's hover text).
pub fn missing_reason(caps: &Capabilities, what: Feature) -> Option<String> {
    caps.missing(what)?;
    Some(match what {
        Feature::Mute => tr!("caps-no-mute"),
        Feature::MuteAll => tr!("caps-no-mute-all"),
        Feature::Allowlist => tr!("caps-no-allowlist"),
        Feature::Admins => tr!("caps-no-admins"),
        Feature::Transfer => tr!("caps-no-transfer"),
        Feature::Members => tr!("caps-no-members"),
    })
}

/// Mute (a duration from the menu, or custom minutes — seconds where the service counts
/// seconds), unmute, kick and allowlist for the selection; what the group cannot do is disabled
/// with the reason.
pub fn bulk_row_ui(ui: &mut egui::Ui, enabled: bool, caps: &Capabilities, custom_minutes: &mut String, custom_seconds: &mut String) -> Option<BulkAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        let hint = tr!("members-select-first");
        let why = |f| missing_reason(caps, f);
        let no_mute = why(Feature::Mute);
        ui.add_enabled_ui(enabled && no_mute.is_none(), |ui| {
            ui.menu_button(tr!("members-mute-menu"), |ui| {
                if caps.mute.is_some_and(|m| m.unit == MuteUnit::Seconds) {
                    action = seconds_menu_ui(ui, caps, custom_seconds);
                    return;
                }
                for minutes in MUTE_CHOICES {
                    if ui.button(mute_choice_label(minutes)).clicked() {
                        action = Some(BulkAction::Mute(minutes));
                    }
                }
                ui.separator();
                let custom = custom_minutes_ui(ui, caps, custom_minutes);
                if ui.add_enabled(custom.is_some(), egui::Button::new(tr!("members-mute-custom"))).clicked() {
                    action = custom.map(BulkAction::Mute);
                }
            })
            .response
            .on_hover_text(tr!("members-mute-menu-hint"))
            .on_disabled_hover_text(no_mute.clone().unwrap_or_else(|| hint.clone()));
        });
        ui.add_enabled_ui(enabled, |ui| {
            for (label, a, missing) in [
                (tr!("members-unmute"), BulkAction::Unmute, no_mute.clone()),
                (tr!("members-kick"), BulkAction::Kick, why(Feature::Members)),
                (tr!("members-allowlist-add"), BulkAction::AllowlistAdd, why(Feature::Allowlist)),
                (tr!("members-allowlist-remove"), BulkAction::AllowlistRemove, why(Feature::Allowlist)),
            ] {
                let button = if a == BulkAction::Kick { widgets::danger_button(ui, &label) } else { egui::Button::new(label) };
                let reason = missing.clone().unwrap_or_else(|| hint.clone());
                if ui.add_enabled(missing.is_none(), button).on_disabled_hover_text(reason).clicked() {
                    action = Some(a);
                }
            }
        });
    });
    action
}

/// Tencent's presets in seconds, permanent, and custom seconds (1 to the longest timed mute).
fn seconds_menu_ui(ui: &mut egui::Ui, caps: &Capabilities, custom_seconds: &mut String) -> Option<BulkAction> {
    let mut action = None;
    for s in TENCENT_MUTE_SECONDS {
        if ui.button(tr!("members-mute-choice", duration = mute_duration_seconds(s))).clicked() {
            action = Some(BulkAction::MuteSeconds(s));
        }
    }
    if caps.mute.is_some_and(|m| m.permanent) && ui.button(mute_choice_label(0)).clicked() {
        action = Some(BulkAction::Mute(0));
    }
    ui.separator();
    let max = caps.mute.map_or(0, |m| m.max_seconds);
    ui.horizontal(|ui| {
        let l = ui.label(tr!("members-seconds"));
        ui.add(egui::TextEdit::singleline(custom_seconds).desired_width(90.0).hint_text(tr!("members-seconds-hint"))).labelled_by(l.id);
    });
    let text = custom_seconds.trim();
    let custom = text.parse::<u64>().ok().filter(|n| (1..=max).contains(n));
    if !text.is_empty() && custom.is_none() {
        widgets::problem_ui(ui, tr!("members-seconds-invalid", max = max.to_string()));
    }
    if ui.add_enabled(custom.is_some(), egui::Button::new(tr!("members-mute-custom"))).clicked() {
        action = custom.map(BulkAction::MuteSeconds);
    }
    action
}

/// "Mute for 1 hour" (the menu's entries).
pub fn mute_choice_label(minutes: u32) -> String {
    tr!("members-mute-choice", duration = mute_duration(minutes))
}

/// The custom minutes field; the minutes when valid.
fn custom_minutes_ui(ui: &mut egui::Ui, caps: &Capabilities, custom_minutes: &mut String) -> Option<u32> {
    ui.horizontal(|ui| {
        let l = ui.label(tr!("members-minutes"));
        ui.add(egui::TextEdit::singleline(custom_minutes).desired_width(60.0).hint_text(tr!("members-minutes-hint"))).labelled_by(l.id);
    });
    let m = custom_minutes.trim();
    let range = caps.mute?;
    let custom = m.parse::<u32>().ok().filter(|n| range.check(MuteDuration::from_minutes(*n)).is_ok());
    if !m.is_empty() && custom.is_none() {
        widgets::problem_ui(ui, tr!("members-minutes-invalid", max = range.max_in_unit()));
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
pub fn group_row_ui(ui: &mut egui::Ui, muted_all: bool, caps: &Capabilities, service: crate::model::Service, table: Option<&MemberTable>, export: &mut ExportOptions) -> GroupClicks {
    let allowlisted = table.map_or(0, |t| t.rows().iter().filter(|r| r.allowlisted).count());
    let mut out = GroupClicks::default();
    ui.horizontal_wrapped(|ui| {
        let state = if muted_all { tr!("members-mute-all-on") } else { tr!("members-mute-all-off") };
        let no_allowlist = missing_reason(caps, Feature::Allowlist);
        // A service without an allowlist (Tencent) shows the mute-all state alone.
        if no_allowlist.is_some() {
            ui.label(tr!("members-mute-all-only", state = state));
        } else {
            ui.label(tr!("members-mute-all-state", state = state, allowlisted = allowlisted));
        }
        out.show_allowlist = ui.add_enabled(no_allowlist.is_none(), egui::Button::new(tr!("members-show-allowlist"))).on_disabled_hover_text(no_allowlist.unwrap_or_default()).clicked();
        let no_mute_all = missing_reason(caps, Feature::MuteAll);
        let label = if muted_all { tr!("members-mute-all-turn-off") } else { tr!("members-mute-all-turn-on") };
        if ui.add_enabled(no_mute_all.is_none(), egui::Button::new(label)).on_disabled_hover_text(no_mute_all.unwrap_or_default()).clicked() {
            out.action = Some(GroupAction::MuteAll(!muted_all));
        }
        ui.menu_button(tr!("members-export-menu"), |ui| out.export = export_ui(ui, export, service));
    });
    out
}

/// Scope, BOM and columns; whether "Export CSV…" was clicked.
fn export_ui(ui: &mut egui::Ui, export: &mut ExportOptions, service: crate::model::Service) -> bool {
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
        for &c in crate::ops::csv::member_columns(service) {
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
