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
use crate::ui::widgets;

const KINDS: [&str; 5] = ["Text", "Number", "Yes / no", "Choice list", "URL"];

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
            self.max_len.trim().parse::<usize>().map_err(|_| format!("Maximum length must be a number from 1 to 256 (got {:?})", self.max_len))?
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
            Some(Err(e)) => cmds.push(Command::error("Reading the extProfile keys failed", &e)),
            None => {}
        }
        match take_ready(&mut self.applying) {
            Some(Ok(keys)) => {
                cmds.push(Command::info("extProfile keys applied to the sandbox"));
                self.server_keys = Some(keys);
            }
            Some(Err(e)) => cmds.push(Command::error("Applying extProfile keys failed", &e)),
            None => {}
        }
        match take_ready(&mut self.scanning) {
            Some(Ok(keys)) => self.in_use = Some(keys),
            Some(Err(e)) => cmds.push(Command::error("Scanning groups failed", &e)),
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
        ui.heading("extProfile keys");
        if sandbox {
            ui.label("On the built-in sandbox, saving a key here also enables it on the server.");
        } else {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "On a RongCloud data centre these keys must also be enabled in the developer console; this registry only describes them for groupdesk.",
            );
        }
        ui.label(format!("{} of {} keys defined.", registry.keys.len(), registry.max_keys));
        self.registry_ui(ui, registry, cmds);
        ui.separator();
        ui.heading("Add or edit a key");
        self.form_ui(ui);
        ui.horizontal(|ui| self.buttons_ui(ui, registry, sandbox, cmds));
        if let Some(keys) = &self.server_keys {
            ui.label(RichText::new(format!("Enabled on the sandbox: {}", if keys.is_empty() { "none".into() } else { keys.join(", ") })).weak());
        }
        if let Some(keys) = &self.in_use {
            ui.label(format!("Keys in use on groups: {}", if keys.is_empty() { "none".into() } else { keys.join(", ") }));
            if ui.button("Add the missing ones to the registry").clicked() {
                cmds.push(Command::AdoptExtKeys(keys.clone()));
            }
        }
    }

    fn registry_ui(&mut self, ui: &mut egui::Ui, registry: &Registry, cmds: &mut Vec<Command>) {
        egui::Grid::new("ext_keys").striped(true).num_columns(6).show(ui, |ui| {
            for h in ["Key", "Label", "Type", "Max length", "Description", ""] {
                ui.strong(h);
            }
            ui.end_row();
            for k in &registry.keys {
                ui.monospace(&k.key);
                ui.label(&k.label);
                ui.label(match &k.kind {
                    ValueKind::Choice { options } => format!("Choice: {}", options.join(", ")),
                    other => other.label().to_owned(),
                });
                ui.label(k.max_len.to_string());
                ui.label(&k.description);
                ui.horizontal(|ui| {
                    if ui.button(format!("Edit {}", k.key)).clicked() {
                        self.form.edit(k);
                    }
                    if ui.button(format!("Remove {}", k.key)).clicked() {
                        cmds.push(Command::RemoveExtKey(k.key.clone()));
                    }
                });
                ui.end_row();
            }
        });
    }

    fn form_ui(&mut self, ui: &mut egui::Ui) {
        let v = &mut self.form;
        widgets::text_field(ui, "Key (ext_…)", &mut v.key);
        widgets::text_field(ui, "Label", &mut v.label);
        widgets::text_field(ui, "Description", &mut v.description);
        ui.horizontal(|ui| {
            ui.label("Value type");
            egui::ComboBox::from_id_salt("ext_kind").selected_text(KINDS[v.kind]).show_ui(ui, |ui| {
                for (i, k) in KINDS.iter().enumerate() {
                    ui.selectable_value(&mut v.kind, i, *k);
                }
            });
        });
        if v.kind == 3 {
            widgets::text_field(ui, "Choices (comma-separated)", &mut v.options);
        }
        widgets::text_field(ui, "Maximum length (1-256)", &mut v.max_len);
        if let Some(e) = &self.error {
            widgets::problem_ui(ui, e);
        }
    }

    fn buttons_ui(&mut self, ui: &mut egui::Ui, registry: &Registry, sandbox: bool, cmds: &mut Vec<Command>) {
        if ui.button("Save key").clicked() {
            match self.form.checked(registry) {
                Ok(def) => {
                    self.error = None;
                    cmds.push(Command::SaveExtKey(def));
                }
                Err(e) => self.error = Some(e),
            }
        }
        if ui.button("Export registry…").clicked() {
            let (reply, promise) = Promise::new();
            self.export_to = Some(promise);
            cmds.push(Command::ChooseFile { dialog: FileDialog::Save { file_name: "extprofile-keys.json".into() }, reply });
        }
        if ui.button("Import registry…").clicked() {
            let (reply, promise) = Promise::new();
            self.import_from = Some(promise);
            cmds.push(Command::ChooseFile { dialog: FileDialog::Open { filter: "JSON", extensions: &["json"] }, reply });
        }
        if !sandbox && ui.button("Scan groups for keys in use").clicked() {
            let (reply, promise) = pending();
            self.scanning = Some(promise);
            cmds.push(Command::ScanExtKeys { reply });
        }
    }
}
