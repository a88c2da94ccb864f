//! The custom-fields console of a Tencent connection (the counterpart of the extProfile key
//! console): the app's group-level (≤ 10) and member-level (≤ 5) keys with label, value type,
//! read and write level (and group types for member keys); new keys drafted here and applied
//! to the built-in sandbox after a typed confirmation — on the real service keys are configured
//! in Tencent's console and can **never** be deleted or changed, so a draft that would change a
//! configured key is refused here; import and export as JSON; a scan for keys in use.

use std::path::PathBuf;

use egui::RichText;
use poll_promise::Promise;

use crate::model::ApiError;
use crate::model::tencent::{CustomFieldDef, CustomFields, GroupType, Level, ValueType};
use crate::protocol::tencent::limits;
use crate::tr;
use crate::ui::command::{Command, FileDialog, Pending, pending, take_ready};
use crate::ui::widgets;

const TYPES: [ValueType; 4] = [ValueType::String, ValueType::Integer, ValueType::Boolean, ValueType::Json];
const LEVELS: [Level; 5] = [Level::AppAdmin, Level::Owner, Level::Admin, Level::Member, Level::Anyone];
/// Member keys apply to the types with a member list.
const MEMBER_TYPES: [GroupType; 4] = [GroupType::Private, GroupType::Public, GroupType::ChatRoom, GroupType::Community];

/// The add form.
pub struct FieldForm {
    pub member: bool,
    pub key: String,
    pub label: String,
    pub value_type: ValueType,
    pub read: Level,
    pub write: Level,
    pub group_types: Vec<GroupType>,
}

impl Default for FieldForm {
    fn default() -> Self {
        Self { member: false, key: String::new(), label: String::new(), value_type: ValueType::String, read: Level::Anyone, write: Level::Admin, group_types: MEMBER_TYPES.to_vec() }
    }
}

/// The typed confirmation before applying drafts.
pub struct ApplyDialog {
    pub typed: String,
    pub reason: String,
    focused: bool,
}

#[derive(Default)]
pub struct TcFieldsScreen {
    /// The configured keys, as last read.
    pub configured: Option<CustomFields>,
    /// New keys not applied yet.
    pub drafts: CustomFields,
    pub form: FieldForm,
    /// Why the last draft or import was refused.
    pub error: Option<String>,
    /// A failed request (applying, reading the import file): what failed and the error, shown
    /// with its code, explanation and request id.
    pub failure: Option<(String, ApiError)>,
    pub in_use: Option<Vec<String>>,
    pub apply: Option<ApplyDialog>,
    loading: Option<Pending<CustomFields>>,
    applying: Option<Pending<()>>,
    scanning: Option<Pending<Vec<String>>>,
    export_to: Option<Promise<Option<PathBuf>>>,
    import_from: Option<Promise<Option<PathBuf>>>,
    reading: Option<Pending<String>>,
}

/// Why `def` cannot be added next to `configured` and `drafts` (the key's syntax, a configured
/// key defined differently, the per-app maximum).
pub fn refusal(def: &CustomFieldDef, member: bool, configured: &CustomFields, drafts: &CustomFields) -> Option<String> {
    if let Err(e) = limits::check_key(&def.key) {
        return Some(e);
    }
    let (have, new, max) = if member {
        (&configured.member_fields, &drafts.member_fields, limits::MEMBER_KEYS_MAX)
    } else {
        (&configured.group_fields, &drafts.group_fields, limits::GROUP_KEYS_MAX)
    };
    if let Some(old) = have.iter().find(|d| d.key == def.key) {
        return (old != def).then(|| tr!("tcf-immutable", key = def.key.as_str()));
    }
    if new.iter().any(|d| d.key == def.key) {
        return Some(tr!("tcf-drafted", key = def.key.as_str()));
    }
    (have.len() + new.len() >= max).then(|| tr!("tcf-too-many", max = max))
}

impl TcFieldsScreen {
    /// Reads the configured keys (on first show and after applying).
    pub fn load(&mut self, cmds: &mut Vec<Command>) {
        let (reply, promise) = pending();
        self.loading = Some(promise);
        cmds.push(Command::TcFields { reply });
    }

    pub fn poll(&mut self, cmds: &mut Vec<Command>) {
        match take_ready(&mut self.loading) {
            Some(Ok(f)) => self.configured = Some(f),
            Some(Err(e)) => cmds.push(Command::error(&tr!("tcf-read-failed"), &e)),
            None => {}
        }
        match take_ready(&mut self.applying) {
            Some(Ok(())) => {
                cmds.push(Command::info(tr!("tcf-applied")));
                self.failure = None;
                self.drafts = CustomFields::default();
                self.load(cmds);
            }
            Some(Err(e)) => {
                cmds.push(Command::error(&tr!("tcf-apply-failed"), &e));
                self.failure = Some((tr!("tcf-apply-failed"), e));
                self.load(cmds);
            }
            None => {}
        }
        match take_ready(&mut self.scanning) {
            Some(Ok(keys)) => self.in_use = Some(keys),
            Some(Err(e)) => cmds.push(Command::error(&tr!("tcf-scan-failed"), &e)),
            None => {}
        }
        if let Some(Some(path)) = take_ready(&mut self.export_to) {
            let mut all = self.configured.clone().unwrap_or_default();
            all.group_fields.extend(self.drafts.group_fields.iter().cloned());
            all.member_fields.extend(self.drafts.member_fields.iter().cloned());
            cmds.push(Command::TcExportFields { path, fields: all });
        }
        if let Some(Some(path)) = take_ready(&mut self.import_from) {
            let (reply, promise) = pending();
            self.reading = Some(promise);
            cmds.push(Command::ReadListFile { path, reply });
        }
        match take_ready(&mut self.reading) {
            Some(Ok(text)) => self.import(&text),
            Some(Err(e)) => self.failure = Some((tr!("tcf-import-read-failed"), e)),
            None => {}
        }
    }

    /// Imported keys become drafts; configured ones with the same definition are skipped, and
    /// any that would change a configured key is refused (the whole file, naming the key).
    pub fn import(&mut self, text: &str) {
        let parsed: CustomFields = match serde_json::from_str(text) {
            Ok(f) => f,
            Err(e) => return self.error = Some(tr!("tcf-import-invalid", error = e.to_string())),
        };
        let configured = self.configured.clone().unwrap_or_default();
        let mut drafts = self.drafts.clone();
        for (member, def) in parsed.group_fields.into_iter().map(|d| (false, d)).chain(parsed.member_fields.into_iter().map(|d| (true, d))) {
            let have = if member { &configured.member_fields } else { &configured.group_fields };
            if have.contains(&def) {
                continue;
            }
            if let Some(why) = refusal(&def, member, &configured, &drafts) {
                return self.error = Some(why);
            }
            if member { drafts.member_fields.push(def) } else { drafts.group_fields.push(def) }
        }
        self.error = None;
        self.failure = None;
        self.drafts = drafts;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, sandbox: bool, cmds: &mut Vec<Command>) {
        // Only the sandbox has a registry to read; the live service's keys are in its console.
        if sandbox && self.configured.is_none() && self.loading.is_none() {
            self.load(cmds);
        }
        ui.heading(tr!("tcf-title"));
        ui.add(egui::Label::new(RichText::new(tr!("tcf-immutable-intro")).color(ui.visuals().warn_fg_color)).wrap());
        if !sandbox {
            ui.add(egui::Label::new(tr!("tcf-live-intro")).wrap());
        }
        egui::ScrollArea::vertical().id_salt("tc_fields").show(ui, |ui| {
            let configured = self.configured.clone().unwrap_or_default();
            ui.strong(tr!("tcf-group-keys", count = configured.group_fields.len(), max = limits::GROUP_KEYS_MAX));
            self.table_ui(ui, "tcf_group", &configured.group_fields, &self.drafts.group_fields, false);
            ui.strong(tr!("tcf-member-keys", count = configured.member_fields.len(), max = limits::MEMBER_KEYS_MAX));
            self.table_ui(ui, "tcf_member", &configured.member_fields, &self.drafts.member_fields, true);
            ui.separator();
            self.form_ui(ui, &configured);
            ui.separator();
            let n = self.drafts.group_fields.len() + self.drafts.member_fields.len();
            ui.horizontal(|ui| {
                let r = ui.add_enabled(sandbox && n > 0 && self.applying.is_none(), egui::Button::new(tr!("tcf-apply", count = n)));
                if !sandbox {
                    r.clone().on_disabled_hover_text(tr!("tcf-sandbox-only"));
                }
                if r.clicked() {
                    self.apply = Some(ApplyDialog { typed: String::new(), reason: String::new(), focused: false });
                }
                if ui.add_enabled(n > 0, egui::Button::new(tr!("tcf-discard-drafts"))).clicked() {
                    self.drafts = CustomFields::default();
                }
                if ui.button(tr!("tcf-export")).clicked() {
                    let (reply, promise) = Promise::new();
                    self.export_to = Some(promise);
                    cmds.push(Command::ChooseFile { dialog: FileDialog::Save { file_name: "tencent-custom-fields.json".into() }, reply });
                }
                if ui.button(tr!("tcf-import")).clicked() {
                    let (reply, promise) = Promise::new();
                    self.import_from = Some(promise);
                    cmds.push(Command::ChooseFile { dialog: FileDialog::Open { filter: "JSON", extensions: &["json"] }, reply });
                }
                // On the live service the keys to look for are the drafted (or imported) ones.
                let keys: Vec<String> = if sandbox { Vec::new() } else { self.drafts.group_fields.iter().map(|f| f.key.clone()).collect() };
                let can_scan = self.scanning.is_none() && (sandbox || !keys.is_empty());
                if ui.add_enabled(can_scan, egui::Button::new(tr!("tcf-scan"))).on_disabled_hover_text(tr!("tcf-scan-needs-keys")).clicked() {
                    let (reply, promise) = pending();
                    self.scanning = Some(promise);
                    cmds.push(Command::TcScanFields { keys, reply });
                }
                if self.applying.is_some() || self.scanning.is_some() || self.loading.is_some() {
                    ui.spinner();
                }
            });
            if let Some(keys) = &self.in_use {
                ui.label(if keys.is_empty() { tr!("tcf-in-use-none") } else { tr!("tcf-in-use", keys = keys.join(", ")) });
            }
        });
    }

    fn table_ui(&self, ui: &mut egui::Ui, id: &str, have: &[CustomFieldDef], drafts: &[CustomFieldDef], member: bool) {
        egui::Grid::new(id).striped(true).num_columns(if member { 7 } else { 6 }).show(ui, |ui| {
            for h in [tr!("tcf-key"), tr!("tcf-label"), tr!("tcf-type"), tr!("tcf-read"), tr!("tcf-write")] {
                ui.strong(h);
            }
            if member {
                ui.strong(tr!("tcf-group-types"));
            }
            ui.strong(tr!("tcf-state"));
            ui.end_row();
            for (d, draft) in have.iter().map(|d| (d, false)).chain(drafts.iter().map(|d| (d, true))) {
                ui.monospace(&d.key);
                ui.label(&d.label);
                ui.label(type_name(d.value_type));
                ui.label(level_name(d.read_level));
                ui.label(level_name(d.write_level));
                if member {
                    ui.label(d.group_types.iter().map(|t| t.product_name()).collect::<Vec<_>>().join(", "));
                }
                let used = self.in_use.as_ref().is_some_and(|k| k.contains(&d.key));
                ui.label(if draft { tr!("tcf-state-draft") } else if used { tr!("tcf-state-in-use") } else { tr!("tcf-state-configured") });
                ui.end_row();
            }
        });
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, configured: &CustomFields) {
        ui.heading(tr!("tcf-new-heading"));
        let f = &mut self.form;
        ui.horizontal(|ui| {
            ui.radio_value(&mut f.member, false, tr!("tcf-scope-group"));
            ui.radio_value(&mut f.member, true, tr!("tcf-scope-member"));
        });
        widgets::text_field(ui, &tr!("tcf-key"), &mut f.key);
        widgets::text_field(ui, &tr!("tcf-label"), &mut f.label);
        pick(ui, &tr!("tcf-type"), &mut f.value_type, &TYPES, type_name);
        pick(ui, &tr!("tcf-read"), &mut f.read, &LEVELS, level_name);
        pick(ui, &tr!("tcf-write"), &mut f.write, &LEVELS, level_name);
        if f.member {
            ui.horizontal_wrapped(|ui| {
                ui.label(tr!("tcf-group-types"));
                for t in MEMBER_TYPES {
                    let mut on = f.group_types.contains(&t);
                    if ui.checkbox(&mut on, t.product_name()).changed() {
                        if on { f.group_types.push(t) } else { f.group_types.retain(|x| *x != t) }
                    }
                }
            });
        }
        let def = CustomFieldDef {
            key: f.key.trim().to_owned(),
            label: if f.label.trim().is_empty() { f.key.trim().to_owned() } else { f.label.trim().to_owned() },
            value_type: f.value_type,
            read_level: f.read,
            write_level: f.write,
            group_types: if f.member { f.group_types.clone() } else { Vec::new() },
        };
        let why = (!def.key.is_empty()).then(|| refusal(&def, f.member, configured, &self.drafts)).flatten();
        if let Some(w) = &why {
            widgets::problem_ui(ui, w);
        }
        if let Some(e) = &self.error {
            widgets::problem_ui(ui, e);
        }
        if let Some((what, e)) = &self.failure {
            widgets::problem_ui(ui, what);
            widgets::error_ui(ui, e);
        }
        if ui.add_enabled(!def.key.is_empty() && why.is_none(), egui::Button::new(tr!("tcf-add-draft"))).clicked() {
            if f.member { self.drafts.member_fields.push(def) } else { self.drafts.group_fields.push(def) }
            self.form = FieldForm { member: self.form.member, ..FieldForm::default() };
            self.error = None;
        }
    }

    /// The typed confirmation: the new keys typed, and a reason for the audit log.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        let Some(d) = self.apply.as_mut() else { return };
        let keys: Vec<&str> = self.drafts.group_fields.iter().chain(&self.drafts.member_fields).map(|f| f.key.as_str()).collect();
        let expected = keys.join(" ");
        let (mut go, mut cancel) = (false, false);
        egui::Modal::new(egui::Id::unique("tcf_apply")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.heading(tr!("tcf-apply-title", count = keys.len()));
            ui.add(egui::Label::new(RichText::new(tr!("tcf-apply-warning")).color(ui.visuals().warn_fg_color)).wrap());
            widgets::reason_ui(ui, &mut d.reason, &mut d.focused);
            let l = ui.label(tr!("tcf-type-keys", keys = expected.as_str()));
            ui.add(egui::TextEdit::singleline(&mut d.typed)).labelled_by(l.id);
            let ok = d.typed.split_whitespace().collect::<Vec<_>>().join(" ") == expected && !d.reason.trim().is_empty();
            (go, cancel) = widgets::confirm_buttons_ui(ui, ok, widgets::danger_button(ui, &tr!("tcf-apply-confirm")));
        });
        if cancel {
            self.apply = None;
        } else if go && let Some(d) = self.apply.take() {
            widgets::remember_reason(ctx, &d.reason);
            let (reply, promise) = pending();
            self.applying = Some(promise);
            self.error = None;
            self.failure = None;
            cmds.push(Command::TcAddFields { fields: self.drafts.clone(), reason: d.reason.trim().to_owned(), reply });
        }
    }
}

fn pick<T: Copy + PartialEq>(ui: &mut egui::Ui, label: &str, value: &mut T, all: &[T], name: fn(T) -> String) {
    egui::ComboBox::from_label(label).selected_text(name(*value)).show_ui(ui, |ui| {
        for v in all {
            ui.selectable_value(value, *v, name(*v));
        }
    });
}

pub fn type_name(t: ValueType) -> String {
    match t {
        ValueType::String => tr!("tc-type-string"),
        ValueType::Integer => tr!("tc-type-integer"),
        ValueType::Boolean => tr!("tc-type-boolean"),
        ValueType::Json => tr!("tc-type-json"),
    }
}

pub fn level_name(l: Level) -> String {
    match l {
        Level::AppAdmin => tr!("tcf-level-app-admin"),
        Level::Owner => tr!("tcf-level-owner"),
        Level::Admin => tr!("tcf-level-admin"),
        Level::Member => tr!("tcf-level-member"),
        Level::Anyone => tr!("tcf-level-anyone"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(key: &str, label: &str) -> CustomFieldDef {
        CustomFieldDef { key: key.into(), label: label.into(), value_type: ValueType::String, read_level: Level::Anyone, write_level: Level::Admin, group_types: Vec::new() }
    }

    #[test]
    fn configured_keys_can_be_neither_changed_nor_exceeded() {
        let configured = CustomFields { group_fields: vec![def("level", "等级")], member_fields: Vec::new() };
        let none = CustomFields::default();
        assert_eq!(refusal(&def("level", "等级"), false, &configured, &none), None, "the same definition is harmless");
        assert!(refusal(&def("level", "Level"), false, &configured, &none).is_some(), "another definition is refused");
        assert!(refusal(&def("level", "Level"), true, &configured, &none).is_none(), "member keys are separate");
        assert!(refusal(&def("sixteen_bytes_ky", "x"), false, &configured, &none).is_some(), "keys are under 16 bytes");
        let full = CustomFields { group_fields: (0..10).map(|i| def(&format!("k{i}"), "x")).collect(), member_fields: Vec::new() };
        assert!(refusal(&def("new", "x"), false, &full, &none).is_some(), "at most 10 group keys");
    }

    #[test]
    fn import_skips_configured_keys_and_drafts_new_ones() {
        let mut s = TcFieldsScreen { configured: Some(CustomFields { group_fields: vec![def("level", "等级")], member_fields: Vec::new() }), ..Default::default() };
        let file = CustomFields { group_fields: vec![def("level", "等级"), def("mood", "心情")], member_fields: vec![def("rank", "级别")] };
        s.import(&serde_json::to_string(&file).unwrap());
        assert_eq!((s.drafts.group_fields.len(), s.drafts.member_fields.len(), s.error.as_deref()), (1, 1, None));
        let changed = CustomFields { group_fields: vec![def("level", "Level")], member_fields: Vec::new() };
        s.import(&serde_json::to_string(&changed).unwrap());
        assert!(s.error.is_some());
        assert_eq!(s.drafts.group_fields.len(), 1, "a refused file adds nothing");
    }
}
