//! The extProfile key console: the app's allowed `ext_` keys with label, description, value
//! type and maximum length; add, edit, remove; import and export as JSON. On the built-in
//! sandbox the registry is applied to the server through `/_sandbox/`; on a real data centre the
//! screen says the keys must also be enabled in RongCloud's developer console, and can scan the
//! groups for keys already in use.

use std::path::PathBuf;

use egui::RichText;
use poll_promise::Promise;

use crate::ops::extkeys::{ExtKeyDef, Registry, ValueKind};
use crate::ui::command::{Command, FileDialog, Pending, Reply, pending, take_ready};
use crate::tr;
use crate::ui::widgets;

fn kinds() -> [String; 5] {
    [tr!("extkey-kind-text"), tr!("extkey-kind-number"), tr!("extkey-kind-boolean"), tr!("extkey-kind-choice"), tr!("extkey-kind-url")]
}

/// The add-or-edit form.
#[derive(Default)]
pub struct KeyForm {
    pub key: String,
    pub label: String,
    pub description: String,
    /// 0 text, 1 number, 2 boolean, 3 choice, 4 URL
    pub kind: usize,
    pub options: String,
    pub max_len: String,
}

impl KeyForm {
    pub fn definition(&self) -> Result<ExtKeyDef, String> {
        let max_len = if self.max_len.trim().is_empty() {
            crate::protocol::rongcloud::limits::EXT_VALUE_MAX
        } else {
            self.max_len.trim().parse::<usize>().map_err(|_| tr!("extkey-max-invalid", got = self.max_len.as_str()))?
        };
        let kind = match self.kind {
            1 => ValueKind::Number,
            2 => ValueKind::Boolean,
            3 => ValueKind::Choice { options: self.options.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect() },
            4 => ValueKind::Url,
            _ => ValueKind::Text,
        };
        let def = ExtKeyDef { key: self.key.trim().into(), label: self.label.trim().into(), description: self.description.trim().into(), kind, max_len };
        def.validate()?;
        Ok(def)
    }

    fn edit(&mut self, d: &ExtKeyDef) {
        self.key = d.key.clone();
        self.label = d.label.clone();
        self.description = d.description.clone();
        self.max_len = d.max_len.to_string();
        (self.kind, self.options) = match &d.kind {
            ValueKind::Text => (0, String::new()),
            ValueKind::Number => (1, String::new()),
            ValueKind::Boolean => (2, String::new()),
            ValueKind::Choice { options } => (3, options.join(", ")),
            ValueKind::Url => (4, String::new()),
        };
    }

    /// The definition, if it is valid and fits the registry.
    fn checked(&self, registry: &Registry) -> Result<ExtKeyDef, String> {
        let def = self.definition()?;
        registry.clone().upsert(def.clone())?;
        Ok(def)
    }
}

#[derive(Default)]
pub struct ExtKeysScreen {
    pub form: KeyForm,
    pub error: Option<String>,
    /// Keys the sandbox currently allows.
    pub server_keys: Option<Vec<String>>,
    /// Keys found on groups by a scan.
    pub in_use: Option<Vec<String>>,
    /// The sandbox's keys as read at connect (adopted into the registry).
    reading: Option<Pending<Vec<String>>>,
    /// The sandbox's keys after applying the registry.
    applying: Option<Pending<Vec<String>>>,
    scanning: Option<Pending<Vec<String>>>,
    export_to: Option<Promise<Option<PathBuf>>>,
    import_from: Option<Promise<Option<PathBuf>>>,
    /// The key picked with its Edit button (saving it replaces it without asking).
    editing: Option<String>,
    /// A definition whose key exists already, waiting for "Replace".
    pub replace: Option<ExtKeyDef>,
    /// Why the key is saved (the audit log's reason).
    pub reason: String,
    /// A key waiting for its removal to be confirmed (with the reason).
    pub remove: Option<RemoveKey>,
}

/// The confirmation of a key's removal.
pub struct RemoveKey {
    pub key: String,
    pub reason: String,
    focused: bool,
}

impl ExtKeysScreen {
    /// The sandbox's keys are being read; they are adopted into the registry when they arrive.
    pub fn expect_server_keys(&mut self) -> Reply<Vec<String>> {
        let (reply, promise) = pending();
        self.reading = Some(promise);
        reply
    }

    /// The registry is being applied to the sandbox.
    pub fn expect_applied(&mut self) -> Reply<Vec<String>> {
        let (reply, promise) = pending();
        self.applying = Some(promise);
        reply
    }

    /// Takes finished reads and dialogs (every frame, shown or not).
    pub fn poll(&mut self, cmds: &mut Vec<Command>) {
        match take_ready(&mut self.reading) {
            Some(Ok(keys)) => {
                self.server_keys = Some(keys.clone());
                cmds.push(Command::AdoptExtKeys(keys));
            }
            Some(Err(e)) => cmds.push(Command::error(&tr!("extkey-read-failed"), &e)),
            None => {}
        }
        match take_ready(&mut self.applying) {
            Some(Ok(keys)) => {
                cmds.push(Command::info(tr!("extkey-applied")));
                self.server_keys = Some(keys);
            }
            Some(Err(e)) => cmds.push(Command::error(&tr!("extkey-apply-failed"), &e)),
            None => {}
        }
        match take_ready(&mut self.scanning) {
            Some(Ok(keys)) => self.in_use = Some(keys),
            Some(Err(e)) => cmds.push(Command::error(&tr!("extkey-scan-failed"), &e)),
            None => {}
        }
        if let Some(Some(path)) = take_ready(&mut self.export_to) {
            cmds.push(Command::ExportRegistry(path));
        }
        if let Some(Some(path)) = take_ready(&mut self.import_from) {
            cmds.push(Command::ImportRegistry(path));
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, registry: &Registry, sandbox: bool, cmds: &mut Vec<Command>) {
        egui::ScrollArea::vertical().id_salt("extkeys_scroll").auto_shrink([false, false]).show(ui, |ui| {
            ui.heading(tr!("extkey-title"));
            if sandbox {
                ui.add(egui::Label::new(tr!("extkey-sandbox-note")).wrap());
            } else {
                ui.add(egui::Label::new(RichText::new(tr!("extkey-console-note")).color(ui.visuals().warn_fg_color)).wrap());
            }
            ui.label(tr!("extkey-count", count = registry.keys.len(), max = registry.max_keys));
            self.registry_ui(ui, registry);
            ui.separator();
            ui.heading(tr!("extkey-form-title"));
            self.form_ui(ui);
            ui.horizontal_wrapped(|ui| self.buttons_ui(ui, registry, sandbox, cmds));
            let none = tr!("none");
            if let Some(keys) = &self.server_keys {
                ui.label(RichText::new(tr!("extkey-enabled", keys = if keys.is_empty() { none.clone() } else { keys.join(", ") })).weak());
            }
            if let Some(keys) = &self.in_use {
                ui.label(tr!("extkey-in-use", keys = if keys.is_empty() { none } else { keys.join(", ") }));
                if ui.button(tr!("extkey-adopt")).clicked() {
                    cmds.push(Command::AdoptExtKeys(keys.clone()));
                }
            }
        });
    }

    fn registry_ui(&mut self, ui: &mut egui::Ui, registry: &Registry) {
        egui::Grid::new("ext_keys").striped(true).num_columns(6).show(ui, |ui| {
            for h in [tr!("extkey-col-key"), tr!("extkey-col-label"), tr!("extkey-col-type"), tr!("extkey-col-max"), tr!("extkey-col-description"), String::new()] {
                ui.strong(h);
            }
            ui.end_row();
            for k in &registry.keys {
                ui.monospace(&k.key);
                ui.label(&k.label);
                ui.label(match &k.kind {
                    ValueKind::Choice { options } => tr!("extkey-choice-of", options = options.join(", ")),
                    other => widgets::model_text(other.label()),
                });
                ui.label(k.max_len.to_string());
                ui.label(&k.description);
                ui.horizontal(|ui| {
                    if ui.button(tr!("extkey-edit", key = k.key.as_str())).clicked() {
                        self.form.edit(k);
                        self.editing = Some(k.key.clone());
                    }
                    if ui.button(tr!("extkey-remove", key = k.key.as_str())).clicked() {
                        self.remove = Some(RemoveKey { key: k.key.clone(), reason: String::new(), focused: false });
                    }
                });
                ui.end_row();
            }
        });
    }

    fn form_ui(&mut self, ui: &mut egui::Ui) {
        let v = &mut self.form;
        widgets::text_field(ui, &tr!("extkey-key"), &mut v.key);
        widgets::text_field(ui, &tr!("extkey-label"), &mut v.label);
        widgets::text_field(ui, &tr!("extkey-description"), &mut v.description);
        let kinds = kinds();
        ui.horizontal(|ui| {
            ui.label(tr!("extkey-type"));
            egui::ComboBox::from_id_salt("ext_kind").selected_text(kinds[v.kind].clone()).show_ui(ui, |ui| {
                for (i, k) in kinds.iter().enumerate() {
                    ui.selectable_value(&mut v.kind, i, k);
                }
            });
        });
        if v.kind == 3 {
            widgets::text_field(ui, &tr!("extkey-choices"), &mut v.options);
        }
        widgets::text_field(ui, &tr!("extkey-max"), &mut v.max_len);
        widgets::text_field(ui, &tr!("extkey-reason"), &mut self.reason);
        if let Some(e) = &self.error {
            widgets::problem_ui(ui, e);
        }
    }

    fn buttons_ui(&mut self, ui: &mut egui::Ui, registry: &Registry, sandbox: bool, cmds: &mut Vec<Command>) {
        if ui.button(tr!("extkey-save")).clicked() {
            match self.form.checked(registry) {
                // A key that exists is replaced only when the operator says so (unless it was
                // picked with its Edit button).
                Ok(def) if registry.get(&def.key).is_some() && self.editing.as_deref() != Some(def.key.as_str()) => {
                    self.error = None;
                    self.replace = Some(def);
                }
                Ok(def) => {
                    self.error = None;
                    self.editing = None;
                    cmds.push(Command::SaveExtKey { def, reason: self.reason.clone() });
                }
                Err(e) => self.error = Some(e),
            }
        }
        if ui.button(tr!("extkey-export")).clicked() {
            let (reply, promise) = Promise::new();
            self.export_to = Some(promise);
            cmds.push(Command::ChooseFile { dialog: FileDialog::Save { file_name: "extprofile-keys.json".into() }, reply });
        }
        if ui.button(tr!("extkey-import")).clicked() {
            let (reply, promise) = Promise::new();
            self.import_from = Some(promise);
            cmds.push(Command::ChooseFile { dialog: FileDialog::Open { filter: "JSON", extensions: &["json"] }, reply });
        }
        if !sandbox && ui.button(tr!("extkey-scan")).clicked() {
            let (reply, promise) = pending();
            self.scanning = Some(promise);
            cmds.push(Command::ScanExtKeys { reply });
        }
    }

    /// "Replace the existing key?", when a saved key's name exists.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, registry: &Registry, cmds: &mut Vec<Command>) {
        self.remove_dialog_ui(ctx, registry, cmds);
        let Some(def) = self.replace.as_ref() else { return };
        let mut go = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("replace_ext_key")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading(tr!("extkey-replace-title", key = def.key.as_str()));
            ui.label(tr!("extkey-replace-intro"));
            if let Some(old) = registry.get(&def.key) {
                egui::Grid::new("replace_grid").striped(true).num_columns(3).show(ui, |ui| {
                    ui.label("");
                    ui.strong(tr!("review-before"));
                    ui.strong(tr!("review-after"));
                    ui.end_row();
                    for (label, a, b) in [
                        (tr!("extkey-col-label"), old.label.clone(), def.label.clone()),
                        (tr!("extkey-col-type"), old.kind.label().to_owned(), def.kind.label().to_owned()),
                        (tr!("extkey-col-max"), old.max_len.to_string(), def.max_len.to_string()),
                        (tr!("extkey-col-description"), old.description.clone(), def.description.clone()),
                    ] {
                        ui.label(label);
                        ui.label(a);
                        ui.label(b);
                        ui.end_row();
                    }
                });
            }
            (go, cancel) = widgets::confirm_buttons_ui(ui, true, egui::Button::new(tr!("extkey-replace")));
        });
        if cancel {
            self.replace = None;
        } else if go {
            let def = self.replace.take().expect("open");
            self.editing = None;
            cmds.push(Command::SaveExtKey { def, reason: self.reason.clone() });
        }
    }

    /// "Remove the key …?", with its label and the reason for the audit log.
    fn remove_dialog_ui(&mut self, ctx: &egui::Context, registry: &Registry, cmds: &mut Vec<Command>) {
        let Some(r) = self.remove.as_mut() else { return };
        let mut go = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("remove_ext_key")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            let label = registry.get(&r.key).map_or(r.key.clone(), |k| format!("{} ({})", k.label, k.key));
            ui.heading(tr!("extkey-remove-title", key = label.as_str()));
            ui.label(tr!("extkey-remove-intro"));
            widgets::reason_ui(ui, &mut r.reason, &mut r.focused);
            (go, cancel) = widgets::confirm_buttons_ui(ui, true, egui::Button::new(tr!("extkey-remove-confirm")));
        });
        if cancel {
            self.remove = None;
        } else if go {
            let RemoveKey { key, reason, .. } = self.remove.take().expect("open");
            cmds.push(Command::RemoveExtKey { key, reason });
        }
    }
}
