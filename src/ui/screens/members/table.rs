//! The virtualised members table (a checkbox, user id, nickname, role, join time, extra, mute
//! end, allowlisted — on Tencent: name card, role, join time, mute end, message flag, last
//! message and the member custom fields) with sortable columns. A click anywhere on a row selects it (ctrl-click
//! toggles, shift-click extends); the checkbox toggles one row.

use std::collections::HashSet;

use egui_extras::{Column, TableBuilder};

use crate::model::member::Role;
use crate::model::table::{MemberTable, SortKey};
use crate::tr;
use crate::ui::display;

/// What the user did to the table this frame.
#[derive(Default)]
pub struct TableInput {
    pub new_sort: Option<(SortKey, bool)>,
    /// A row clicked (its position among the visible rows) and the modifiers held.
    pub clicked: Option<(usize, egui::Modifiers)>,
    /// A row whose checkbox was toggled.
    pub toggled: Option<usize>,
}

/// A member's role in words.
pub fn role_label(role: Option<Role>) -> String {
    match role {
        Some(Role::Owner) => tr!("role-owner"),
        Some(Role::Admin) => tr!("role-admin"),
        Some(Role::Member) | None => tr!("role-member"),
    }
}

/// The columns after the checkbox: sort key (none for Extra) and title.
fn columns() -> Vec<(Option<SortKey>, String)> {
    vec![
        (Some(SortKey::UserId), tr!("col-user")),
        (Some(SortKey::Nickname), tr!("col-nickname")),
        (Some(SortKey::Role), tr!("col-role")),
        (Some(SortKey::JoinTime), tr!("col-joined", zone = display::zone())),
        (None, tr!("col-extra")),
        (Some(SortKey::MutedUntil), tr!("col-muted-until")),
        (Some(SortKey::Allowlisted), tr!("col-allowlisted")),
    ]
}

/// #13 members: Tencent's columns: name card, role, join time, mute end, message flag, last
/// message, then one per member custom field.
fn tencent_columns(tc: &crate::model::tencent::TcGroup) -> Vec<(Option<SortKey>, String)> {
    let mut c = vec![
        (Some(SortKey::UserId), tr!("col-user")),
        (Some(SortKey::Nickname), tr!("col-name-card")),
        (Some(SortKey::Role), tr!("col-role")),
        (Some(SortKey::JoinTime), tr!("col-joined", zone = display::zone())),
        (Some(SortKey::MutedUntil), tr!("col-muted-until")),
        (None, tr!("col-msg-flag")),
        (Some(SortKey::LastSend), tr!("col-last-message", zone = display::zone())),
    ];
    // Member custom fields under their registry labels (the key where there is none).
    c.extend((0..tc.member_fields.len()).map(|i| (None, tc.member_field_label(i).to_owned())));
    c
}

/// A message flag in the operator's words (exports keep the wire spelling).
fn msg_flag_text(flag: Option<crate::protocol::tencent::wire::MsgFlag>) -> String {
    use crate::protocol::tencent::wire::MsgFlag;
    match flag {
        Some(MsgFlag::AcceptAndNotify) => tr!("msgflag-notify"),
        Some(MsgFlag::AcceptNotNotify) => tr!("msgflag-silent"),
        Some(MsgFlag::Discard) => tr!("msgflag-discard"),
        Some(MsgFlag::AcceptNotNotifyExceptAt) => tr!("msgflag-silent-except-at"),
        None => String::new(),
    }
}

/// The cells of a row, in the order of its columns.
fn cells(r: &crate::model::Member, member_keys: Option<&[String]>, yes: &str) -> Vec<String> {
    let muted = r.muted_until.as_deref().map(|t| if t == "permanent" { tr!("duration-permanent") } else { minutes(&display::utc_text(t.trim_end_matches(" UTC"))) }).unwrap_or_default();
    let joined = minutes(&display::time_ms(r.join_time_ms));
    match member_keys {
        None => vec![r.user_id.clone(), r.nickname.clone(), role_label(r.role), joined, r.extra.clone(), muted, if r.allowlisted { yes.to_owned() } else { String::new() }],
        Some(keys) => {
            let tc = r.tencent.unwrap_or_default();
            let last = if tc.last_send_ms > 0 { minutes(&display::time_ms(tc.last_send_ms)) } else { String::new() };
            let mut v = vec![r.user_id.clone(), r.nickname.clone(), role_label(r.role), joined, muted, msg_flag_text(tc.msg_flag), last];
            v.extend(keys.iter().map(|k| r.custom.get(k).cloned().unwrap_or_default()));
            v
        }
    }
}

pub fn table_ui(ui: &mut egui::Ui, table: &MemberTable, visible: &[u32], selected: &HashSet<String>, sort: Option<(SortKey, bool)>, tencent: Option<&crate::model::tencent::TcGroup>) -> TableInput {
    let member_keys: Option<&[String]> = tencent.map(|t| t.member_fields.as_slice());
    let mut input = TableInput::default();
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let yes = tr!("yes");
    let columns = match tencent {
        Some(tc) => tencent_columns(tc),
        None => columns(),
    };
    let widths: Vec<f32> = match member_keys {
        Some(keys) => [90.0, 116.0, 60.0, 118.0, 118.0, 96.0, 118.0].into_iter().chain(keys.iter().map(|_| 90.0)).collect(),
        None => vec![90.0, 116.0, 60.0, 118.0, 76.0, 118.0],
    };
    egui::ScrollArea::horizontal().id_salt("members_table_h").show(ui, |ui| {
        let mut builder = TableBuilder::new(ui).id_salt("members_table").striped(true).resizable(true).sense(egui::Sense::click()).column(Column::exact(22.0));
        for w in &widths {
            builder = builder.column(Column::initial(*w).at_least(40.0).clip(true));
        }
        if member_keys.is_none() {
            builder = builder.column(Column::remainder().at_least(64.0).clip(true));
        }
        builder
            .header(row_h, |mut h| {
                h.col(|_| {});
                for (key, title) in &columns {
                    h.col(|ui| header_ui(ui, *key, title, sort, &mut input.new_sort));
                }
            })
            .body(|body| {
                body.rows(row_h, visible.len(), |mut row| {
                    let pos = row.index();
                    let r = &table.rows()[visible[pos] as usize];
                    let is_selected = selected.contains(&r.user_id);
                    row.set_selected(is_selected);
                    row.col(|ui| {
                        let mut checked = is_selected;
                        let resp = ui.add(egui::Checkbox::without_text(&mut checked));
                        let label = tr!("members-select-row", user = r.user_id.as_str());
                        resp.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, is_selected, label.as_str()));
                        if resp.clicked() {
                            input.toggled = Some(pos);
                        }
                    });
                    for text in cells(r, member_keys, &yes) {
                        row.col(|ui| {
                            // Not selectable: a click anywhere on the row selects the row.
                            ui.add(egui::Label::new(text).selectable(false).truncate());
                        });
                    }
                    let resp = row.response();
                    if resp.clicked() && input.toggled.is_none() {
                        input.clicked = Some((pos, resp.ctx.input(|i| i.modifiers)));
                    }
                });
            });
    });
    input
}

/// `YYYY-MM-DD HH:MM:SS` without the seconds (the table's narrow time columns).
fn minutes(time: &str) -> String {
    match time.len() {
        19 if time.as_bytes()[16] == b':' => time[..16].to_owned(),
        _ => time.to_owned(),
    }
}

/// A sort button (Extra is not sortable).
fn header_ui(ui: &mut egui::Ui, key: Option<SortKey>, title: &str, sort: Option<(SortKey, bool)>, new_sort: &mut Option<(SortKey, bool)>) {
    let Some(key) = key else {
        // Not sortable; drawn like the sort buttons so the titles line up.
        ui.add(egui::Button::new(egui::RichText::new(title).strong()).frame(false).sense(egui::Sense::hover()));
        return;
    };
    let arrow = match sort {
        Some((k, desc)) if k == key => {
            if desc { " ⬇" } else { " ⬆" }
        }
        _ => "",
    };
    let resp = ui.add(egui::Button::new(egui::RichText::new(format!("{title}{arrow}")).strong()).frame(false));
    if resp.on_hover_text(tr!("col-sort-hint")).clicked() {
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
        toggle(selected, anchor, ids, pos);
    } else {
        selected.clear();
        selected.insert(ids(pos));
        *anchor = Some(pos);
    }
}

/// The checkbox: toggles one row.
pub fn toggle(selected: &mut HashSet<String>, anchor: &mut Option<usize>, ids: impl Fn(usize) -> String, pos: usize) {
    let u = ids(pos);
    if !selected.remove(&u) {
        selected.insert(u);
    }
    *anchor = Some(pos);
}
