//! The permission-groups tab of a Community: the list; one group's name and its documented
//! permission bits as named checkboxes; the topics it applies to with their topic bits; members
//! in and out with each member's result; create; destroy with the group's id typed. Changes run
//! one at a time through the operations layer (audited), then the tab reads the groups back.

use std::collections::{BTreeMap, VecDeque};

use egui::RichText;

use crate::model::ApiError;
use crate::ops::tencent::{CommunityPermissions, MemberResult, PermApplied, PermChange, PermGroupView};
use crate::model::tencent::TopicPermission;
use crate::protocol::tencent::wire::{GROUP_PERMISSION_BITS, TOPIC_PERMISSION_BITS};
use crate::tr;
use crate::ui::command::{Command, Pending, pending, take_ready};
use crate::ui::{theme, widgets};

/// The editable copy of one permission group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PgEdit {
    pub id: String,
    pub name: String,
    pub bits: u64,
    /// Topic id → its bits (`None`: the group does not apply to the topic).
    pub topics: BTreeMap<String, Option<u64>>,
}

impl PgEdit {
    fn of(v: &PermGroupView, all_topics: &[(String, String)]) -> Self {
        let mut topics: BTreeMap<String, Option<u64>> = all_topics.iter().map(|(id, _)| (id.clone(), None)).collect();
        for t in &v.topics {
            topics.insert(t.topic_id.clone(), Some(t.permission));
        }
        Self { id: v.group.permission_group_id.clone(), name: v.group.permission_group_name.clone(), bits: v.group.permission, topics }
    }

    /// The changes from `before` to this copy (at most a modify and a topics change).
    pub fn changes(&self, before: &PgEdit) -> Vec<PermChange> {
        let mut out = Vec::new();
        let name = (self.name.trim() != before.name).then(|| self.name.trim().to_owned());
        let permission = (self.bits != before.bits).then_some(self.bits);
        if name.is_some() || permission.is_some() {
            out.push(PermChange::Modify { pg: self.id.clone(), name, permission });
        }
        let (mut add, mut set, mut remove) = (Vec::new(), Vec::new(), Vec::new());
        for (id, now) in &self.topics {
            let was = before.topics.get(id).copied().flatten();
            match (was, now) {
                (None, Some(p)) => add.push(TopicPermission { topic_id: id.clone(), permission: *p }),
                (Some(a), Some(b)) if a != *b => set.push(TopicPermission { topic_id: id.clone(), permission: *b }),
                (Some(_), None) => remove.push(id.clone()),
                _ => {}
            }
        }
        if !(add.is_empty() && set.is_empty() && remove.is_empty()) {
            out.push(PermChange::Topics { pg: self.id.clone(), add, set, remove });
        }
        out
    }
}

/// A confirmation before changes are sent: a reason, and for a destroy the id typed.
pub struct Confirm {
    pub changes: Vec<PermChange>,
    pub reason: String,
    /// `Some(id)`: a destroy, confirmed by typing the id.
    pub typed_id: Option<(String, String)>,
    focused: bool,
}

#[derive(Default)]
pub struct PermGroupsTab {
    loading: Option<Pending<CommunityPermissions>>,
    pub data: Option<CommunityPermissions>,
    pub error: Option<ApiError>,
    pub selected: Option<String>,
    original: PgEdit,
    pub edit: Option<PgEdit>,
    pub new_name: String,
    pub users: String,
    /// Each member's result of the last add or remove.
    pub results: Vec<(String, MemberResult)>,
    pub confirm: Option<Confirm>,
    queue: VecDeque<(PermChange, String)>,
    running: Option<Pending<PermApplied>>,
    /// What the last change did, once read back.
    pub done: Option<String>,
}

impl PermGroupsTab {
    /// Reads the groups (when first shown, after changes).
    pub fn load(&mut self, group_id: &str, cmds: &mut Vec<Command>) {
        let (reply, promise) = pending();
        self.loading = Some(promise);
        cmds.push(Command::TcPermGroups { group_id: group_id.to_owned(), reply });
    }

    pub fn busy(&self) -> bool {
        self.loading.is_some() || self.running.is_some() || !self.queue.is_empty()
    }

    pub fn poll(&mut self, group_id: &str, cmds: &mut Vec<Command>) {
        match take_ready(&mut self.loading) {
            Some(Ok(data)) => {
                self.error = None;
                let view = self.selected.as_ref().and_then(|id| data.groups.iter().find(|g| &g.group.permission_group_id == id));
                match view {
                    Some(v) => {
                        self.original = PgEdit::of(v, &data.topics);
                        self.edit = Some(self.original.clone());
                    }
                    None => {
                        self.selected = None;
                        self.edit = None;
                    }
                }
                self.data = Some(data);
            }
            Some(Err(e)) => self.error = Some(e),
            None => {}
        }
        match take_ready(&mut self.running) {
            Some(Ok(applied)) => {
                if let Some(id) = applied.created {
                    self.selected = Some(id);
                }
                if !applied.members.is_empty() {
                    self.results = applied.members;
                }
                self.next(group_id, cmds);
            }
            Some(Err(e)) => {
                self.queue.clear();
                self.error = Some(e);
                self.load(group_id, cmds);
            }
            None => {}
        }
    }

    /// Sends the next queued change, or reads back when none is left.
    fn next(&mut self, group_id: &str, cmds: &mut Vec<Command>) {
        match self.queue.pop_front() {
            Some((change, reason)) => {
                let (reply, promise) = pending();
                self.running = Some(promise);
                self.done = Some(change.action());
                cmds.push(Command::TcPermChange { group_id: group_id.to_owned(), change, reason, reply });
            }
            None => self.load(group_id, cmds),
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, group_id: &str, cmds: &mut Vec<Command>) {
        if self.data.is_none() && self.loading.is_none() && self.error.is_none() {
            self.load(group_id, cmds);
        }
        if let Some(e) = &self.error {
            widgets::error_ui(ui, e);
        }
        let Some(data) = self.data.take() else {
            ui.spinner();
            return;
        };
        if let Some(done) = self.done.as_ref().filter(|_| !self.busy() && self.error.is_none()) {
            ui.colored_label(theme::SUCCESS, tr!("pg-done", action = done.as_str()));
        }
        let busy = self.busy();
        let mut pick = None;
        let mut create = None;
        ui.columns(2, |cols| {
            let ui = &mut cols[0];
            ui.heading(tr!("pg-heading"));
            for g in &data.groups {
                let label = tr!("pg-row", name = g.group.permission_group_name.as_str(), id = g.group.permission_group_id.as_str(), members = g.members.len());
                if ui.selectable_label(self.selected.as_ref() == Some(&g.group.permission_group_id), label).clicked() {
                    pick = Some(g.clone());
                }
            }
            ui.separator();
            widgets::text_field(ui, &tr!("pg-new-name"), &mut self.new_name);
            let name = self.new_name.trim().to_owned();
            if ui.add_enabled(!busy && !name.is_empty(), egui::Button::new(tr!("pg-create"))).clicked() {
                create = Some(name);
                self.new_name.clear();
            }
            // The actions first (always in view), then the permissions to tick.
            self.actions_ui(&mut cols[0], busy, &data);
            if let Some(edit) = self.edit.as_mut() {
                egui::ScrollArea::vertical().id_salt("pg_edit").show(&mut cols[1], |ui| edit_ui(ui, edit, &data.topics));
            }
        });
        if let Some(name) = create {
            self.open_confirm(vec![PermChange::Create { name, permission: 0 }], None);
        }
        if let Some(v) = pick {
            self.selected = Some(v.group.permission_group_id.clone());
            self.original = PgEdit::of(&v, &data.topics);
            self.edit = Some(self.original.clone());
            self.results.clear();
        }
        self.data = Some(data);
        if busy {
            ui.spinner();
        }
    }

    fn actions_ui(&mut self, ui: &mut egui::Ui, busy: bool, data: &CommunityPermissions) {
        let Some(edit) = self.edit.clone() else { return };
        ui.separator();
        let changes = edit.changes(&self.original);
        ui.horizontal(|ui| {
            if ui.add_enabled(!busy && !changes.is_empty() && !edit.name.trim().is_empty(), egui::Button::new(tr!("pg-save"))).clicked() {
                self.open_confirm(changes.clone(), None);
            }
            if ui.add_enabled(!busy && !changes.is_empty(), egui::Button::new(tr!("profile-discard"))).clicked() {
                self.edit = Some(self.original.clone());
            }
            if ui.add_enabled(!busy, widgets::danger_button(ui, &tr!("pg-destroy"))).clicked() {
                self.open_confirm(vec![PermChange::Destroy { pg: edit.id.clone() }], Some(edit.id.clone()));
            }
        });
        ui.heading(tr!("pg-members-heading"));
        let members = data.groups.iter().find(|g| g.group.permission_group_id == edit.id).map(|g| g.members.len()).unwrap_or(0);
        ui.label(tr!("pg-members-count", count = members));
        widgets::text_field(ui, &tr!("pg-users"), &mut self.users);
        let users: Vec<String> = self.users.split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty()).map(str::to_owned).collect();
        ui.horizontal(|ui| {
            for (add, label) in [(true, tr!("pg-members-add")), (false, tr!("pg-members-remove"))] {
                if ui.add_enabled(!busy && !users.is_empty(), egui::Button::new(label)).clicked() {
                    self.open_confirm(vec![PermChange::Members { pg: edit.id.clone(), add, users: users.clone() }], None);
                }
            }
        });
        for (user, r) in &self.results {
            let u = user.as_str();
            let text = match r {
                MemberResult::Added => tr!("pg-member-added", user = u),
                MemberResult::AlreadyIn => tr!("pg-member-already", user = u),
                MemberResult::NotMember => tr!("pg-member-not-member", user = u),
                MemberResult::Removed => tr!("pg-member-removed", user = u),
                MemberResult::NotIn => tr!("pg-member-not-in", user = u),
            };
            if r.ok() {
                ui.colored_label(theme::SUCCESS, text);
            } else {
                ui.colored_label(ui.visuals().error_fg_color, text);
            }
        }
    }

    fn open_confirm(&mut self, changes: Vec<PermChange>, destroy: Option<String>) {
        self.confirm = Some(Confirm { changes, reason: String::new(), typed_id: destroy.map(|id| (id, String::new())), focused: false });
    }

    /// The confirmation, when open: the changes in words, a reason, the id typed for a destroy.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, group_id: &str, cmds: &mut Vec<Command>) {
        let Some(c) = self.confirm.as_mut() else { return };
        let (mut go, mut cancel) = (false, false);
        egui::Modal::new(egui::Id::unique("pg_confirm")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(tr!("pg-confirm-title", group = group_id));
            for ch in &c.changes {
                ui.add(egui::Label::new(RichText::new(ch.action()).monospace()).wrap());
            }
            widgets::reason_ui(ui, &mut c.reason, &mut c.focused);
            let mut ok = !c.reason.trim().is_empty();
            if let Some((id, typed)) = c.typed_id.as_mut() {
                let l = ui.label(tr!("pg-type-id", id = id.as_str()));
                ui.add(egui::TextEdit::singleline(typed)).labelled_by(l.id);
                ok &= typed.trim() == id;
            }
            let button = if c.typed_id.is_some() { widgets::danger_button(ui, &tr!("pg-destroy-confirm")) } else { egui::Button::new(tr!("pg-apply")) };
            (go, cancel) = widgets::confirm_buttons_ui(ui, ok, button);
        });
        if cancel {
            self.confirm = None;
        } else if go && let Some(c) = self.confirm.take() {
            widgets::remember_reason(ctx, &c.reason);
            let reason = c.reason.trim().to_owned();
            self.error = None;
            self.queue.extend(c.changes.into_iter().map(|ch| (ch, reason.clone())));
            if self.running.is_none() {
                self.next(group_id, cmds);
            }
        }
    }
}

/// Name, the group bits as named checkboxes, and per topic whether it applies and its bits.
fn edit_ui(ui: &mut egui::Ui, edit: &mut PgEdit, topics: &[(String, String)]) {
    ui.heading(tr!("pg-edit-heading", id = edit.id.as_str()));
    widgets::text_field(ui, &tr!("pg-name"), &mut edit.name);
    ui.label(RichText::new(tr!("pg-group-bits")).strong());
    bits_ui(ui, &mut edit.bits, &GROUP_PERMISSION_BITS, "");
    ui.label(RichText::new(tr!("pg-topics")).strong());
    for (id, name) in topics {
        let Some(slot) = edit.topics.get_mut(id) else { continue };
        let mut on = slot.is_some();
        if ui.checkbox(&mut on, tr!("pg-topic-applies", topic = name.as_str())).changed() {
            *slot = on.then_some(slot.unwrap_or(0));
        }
        if let Some(bits) = slot.as_mut() {
            ui.indent(id, |ui| bits_ui(ui, bits, &TOPIC_PERMISSION_BITS, name));
        }
    }
}

/// A checkbox per documented bit, named by its translated label (prefixed by the topic's name).
fn bits_ui(ui: &mut egui::Ui, bits: &mut u64, known: &[(&str, u64)], prefix: &str) {
    for (name, bit) in known {
        let mut on = *bits & bit != 0;
        let label = if prefix.is_empty() { widgets::model_text(name) } else { format!("{prefix}: {}", widgets::model_text(name)) };
        if ui.checkbox(&mut on, label).on_hover_text(*name).changed() {
            *bits = if on { *bits | bit } else { *bits & !bit };
        }
    }
    let unknown = crate::protocol::tencent::wire::unknown_bits(*bits, known);
    if !unknown.is_empty() {
        ui.label(RichText::new(tr!("pg-unknown-bits", bits = unknown.iter().map(|(_, i)| i.to_string()).collect::<Vec<_>>().join(", "))).weak());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_a_modify_and_one_topics_change() {
        let topics = |v: [Option<u64>; 3]| ["a", "b", "c"].into_iter().map(String::from).zip(v).collect();
        let before = PgEdit { id: "@PMG#_x".into(), name: "组".into(), bits: 256, topics: topics([Some(16), Some(16), None]) };
        assert!(before.changes(&before).is_empty());
        let mut after = before.clone();
        after.bits |= 64;
        after.topics = topics([Some(24), None, Some(8)]);
        let changes = after.changes(&before);
        assert_eq!(changes[0], PermChange::Modify { pg: "@PMG#_x".into(), name: None, permission: Some(320) });
        let PermChange::Topics { add, set, remove, .. } = &changes[1] else { panic!("{changes:?}") };
        assert_eq!((add.len(), set.len(), remove.as_slice()), (1, 1, ["b".to_owned()].as_slice()));
        assert_eq!((add[0].topic_id.as_str(), add[0].permission, set[0].permission), ("c", 8, 24));
    }
}
