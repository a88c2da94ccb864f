//! The virtualised members table (user id, nickname, role, join time, extra, mute end,
//! allowlisted) with sortable columns and click, ctrl-click and shift-click selection.

use std::collections::HashSet;

use egui_extras::{Column, TableBuilder};

use crate::model::table::{MemberTable, SortKey};

/// What the user did to the table this frame.
#[derive(Default)]
pub struct TableInput {
    pub new_sort: Option<(SortKey, bool)>,
    /// A row clicked (its position among the visible rows) and the modifiers held.
    pub clicked: Option<(usize, egui::Modifiers)>,
}

const COLUMNS: [(SortKey, &str); 7] = [
    (SortKey::UserId, "User"),
    (SortKey::Nickname, "Nickname"),
    (SortKey::Role, "Role"),
    (SortKey::JoinTime, "Joined (UTC)"),
    (SortKey::UserId, "Extra"),
    (SortKey::MutedUntil, "Muted until"),
    (SortKey::Allowlisted, "Allowlisted"),
];

pub fn table_ui(ui: &mut egui::Ui, table: &MemberTable, visible: &[u32], selected: &HashSet<String>, sort: Option<(SortKey, bool)>) -> TableInput {
    let mut input = TableInput::default();
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    TableBuilder::new(ui)
        .id_salt("members_table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .column(Column::initial(140.0).at_least(60.0).clip(true))
        .column(Column::initial(180.0).at_least(60.0).clip(true))
        .column(Column::initial(70.0))
        .column(Column::initial(150.0))
        .column(Column::initial(100.0).clip(true))
        .column(Column::initial(150.0))
        .column(Column::remainder())
        .header(row_h, |mut h| {
            for (key, title) in COLUMNS {
                h.col(|ui| header_ui(ui, key, title, sort, &mut input.new_sort));
            }
        })
        .body(|body| {
            body.rows(row_h, visible.len(), |mut row| {
                let pos = row.index();
                let r = &table.rows()[visible[pos] as usize];
                let is_selected = selected.contains(&r.user_id);
                row.set_selected(is_selected);
                row.col(|ui| {
                    // The id cell is a real (accessible, keyboard-reachable) toggle.
                    let resp = ui.add(egui::Button::selectable(is_selected, &r.user_id).frame(false));
                    if resp.clicked() {
                        input.clicked = Some((pos, resp.ctx.input(|i| i.modifiers)));
                    }
                });
                for text in [
                    r.nickname.clone(),
                    r.role.map(|x| x.label()).unwrap_or("member").to_owned(),
                    crate::ops::csv::format_ms(r.join_time_ms),
                    r.extra.clone(),
                    r.muted_until.clone().unwrap_or_default(),
                    if r.allowlisted { "yes" } else { "" }.to_owned(),
                ] {
                    row.col(|ui| {
                        ui.label(text);
                    });
                }
                let resp = row.response();
                if resp.clicked() {
                    input.clicked = Some((pos, resp.ctx.input(|i| i.modifiers)));
                }
            });
        });
    input
}

/// A sort button (Extra is not sortable).
fn header_ui(ui: &mut egui::Ui, key: SortKey, title: &str, sort: Option<(SortKey, bool)>, new_sort: &mut Option<(SortKey, bool)>) {
    let arrow = match sort {
        Some((k, desc)) if k == key => {
            if desc { " v" } else { " ^" }
        }
        _ => "",
    };
    if title == "Extra" {
        ui.strong(title);
    } else if ui.button(format!("{title}{arrow}")).clicked() {
        *new_sort = Some(match sort {
            Some((k, d)) if k == key => (key, !d),
            _ => (key, false),
        });
    }
}

/// Click selects one row; ctrl/cmd-click toggles; shift-click extends from the anchor.
pub fn apply_click(selected: &mut HashSet<String>, anchor: &mut Option<usize>, ids: impl Fn(usize) -> String, pos: usize, mods: egui::Modifiers) {
    if mods.shift {
        let a = anchor.unwrap_or(pos);
        for p in a.min(pos)..=a.max(pos) {
            selected.insert(ids(p));
        }
    } else if mods.command || mods.ctrl {
        let u = ids(pos);
        if !selected.remove(&u) {
            selected.insert(u);
        }
        *anchor = Some(pos);
    } else {
        selected.clear();
        selected.insert(ids(pos));
        *anchor = Some(pos);
    }
}
