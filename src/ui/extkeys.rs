//! The extProfile key console: the app's allowed `ext_` keys with label, description, value
//! type and maximum length; add, edit, remove; import and export as JSON. On the built-in
//! sandbox the registry is applied to the server through `/_sandbox/`; on a real data centre the
//! screen says the keys must also be enabled in RongCloud's developer console, and can scan the
//! groups for keys already in use.

use std::path::Path;

use egui::{Color32, RichText};

use super::app::{GroupdeskApp, Level};
use super::msg::Msg;
use super::widgets;
use crate::extkeys::{ExtKeyDef, Registry, ValueKind};

#[derive(Default)]
pub struct ExtKeysView {
    pub key: String,
    pub label: String,
    pub description: String,
    /// 0 text, 1 number, 2 boolean, 3 choice, 4 URL
    pub kind: usize,
    pub options: String,
    pub max_len: String,
    pub error: Option<String>,
    /// Keys the sandbox currently allows.
    pub server_keys: Option<Vec<String>>,
    /// Keys found on groups by a scan.
    pub in_use: Option<Vec<String>>,
}

const KINDS: [&str; 5] = ["Text", "Number", "Yes / no", "Choice list", "URL"];

impl ExtKeysView {
    pub fn definition(&self) -> Result<ExtKeyDef, String> {
        let max_len = if self.max_len.trim().is_empty() {
            crate::api::limits::EXT_VALUE_MAX
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
}

impl GroupdeskApp {
    /// Adds or updates the definition in the form; on the sandbox, enables the key there too.
    pub fn save_ext_key(&mut self) {
        let def = match self.extkeys.definition() {
            Ok(d) => d,
            Err(e) => {
                self.extkeys.error = Some(e);
                return;
            }
        };
        if let Err(e) = self.registry_mut().upsert(def.clone()) {
            self.extkeys.error = Some(e);
            return;
        }
        self.extkeys.error = None;
        self.audit(&format!("extProfile key {} defined", def.key), "", &Ok(()));
        self.notify(Level::Info, format!("extProfile key {} saved", def.key));
        self.apply_registry_to_sandbox();
    }

    pub fn remove_ext_key(&mut self, key: &str) {
        if self.registry_mut().remove(key) {
            self.audit(&format!("extProfile key {key} removed"), "", &Ok(()));
            self.notify(Level::Info, format!("extProfile key {key} removed"));
            if let (Some(client), true) = (self.client(), self.conn.as_ref().is_some_and(|c| c.sandbox)) {
                let key = key.to_owned();
                self.bridge.spawn(async move {
                    let r = async {
                        client.sandbox_remove_ext_keys(&[key]).await?;
                        client.sandbox_ext_keys().await
                    }
                    .await;
                    Msg::ExtKeysApplied(r)
                });
            }
        }
    }

    fn apply_registry_to_sandbox(&mut self) {
        let Some(client) = self.client() else { return };
        if !self.conn.as_ref().is_some_and(|c| c.sandbox) {
            return;
        }
        let keys: Vec<String> = self.registry().keys.iter().map(|k| k.key.clone()).collect();
        if keys.is_empty() {
            return;
        }
        self.bridge.spawn(async move {
            let r = async {
                client.sandbox_add_ext_keys(&keys).await?;
                client.sandbox_ext_keys().await
            }
            .await;
            Msg::ExtKeysApplied(r)
        });
    }

    pub fn export_registry(&mut self, path: &Path) {
        match std::fs::write(path, self.registry().to_json()) {
            Ok(()) => self.notify(Level::Info, format!("extProfile registry exported to {}", path.display())),
            Err(e) => self.notify(Level::Error, format!("Cannot write {}: {e}", path.display())),
        }
    }

    pub fn import_registry(&mut self, path: &Path) {
        let parsed = std::fs::read_to_string(path).map_err(|e| e.to_string()).and_then(|t| Registry::from_json(&t));
        match parsed {
            Ok(r) => {
                let n = r.keys.len();
                *self.registry_mut() = r;
                self.notify(Level::Info, format!("Imported {n} extProfile keys from {}", path.display()));
                self.apply_registry_to_sandbox();
            }
            Err(e) => self.notify(Level::Error, format!("Cannot import {}: {e}", path.display())),
        }
    }

    fn scan_ext_keys(&mut self) {
        let Some(client) = self.client() else { return };
        self.bridge.spawn(async move {
            let r = async {
                let ids: Vec<String> = client.all_groups().await?.into_iter().map(|g| g.group_id).collect();
                let mut keys: Vec<String> = client.group_profiles_all(&ids).await?.into_iter().flat_map(|p| p.ext.into_keys()).collect();
                keys.sort();
                keys.dedup();
                Ok(keys)
            }
            .await;
            Msg::ExtKeysInUse(r)
        });
    }

    pub(crate) fn extkeys_ui(&mut self, ui: &mut egui::Ui) {
        let sandbox = self.conn.as_ref().is_some_and(|c| c.sandbox);
        let registry = self.registry();
        ui.heading("extProfile keys");
        if sandbox {
            ui.label("On the built-in sandbox, saving a key here also enables it on the server.");
        } else {
            ui.colored_label(
                Color32::from_rgb(200, 140, 0),
                "On a RongCloud data centre these keys must also be enabled in the developer console; this registry only describes them for groupdesk.",
            );
        }
        ui.label(format!("{} of {} keys defined.", registry.keys.len(), registry.max_keys));
        let mut remove = None;
        let mut edit = None;
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
                        edit = Some(k.clone());
                    }
                    if ui.button(format!("Remove {}", k.key)).clicked() {
                        remove = Some(k.key.clone());
                    }
                });
                ui.end_row();
            }
        });
        if let Some(d) = edit {
            self.extkeys.edit(&d);
        }
        if let Some(k) = remove {
            self.remove_ext_key(&k);
        }
        ui.separator();
        ui.heading("Add or edit a key");
        let v = &mut self.extkeys;
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
        if let Some(e) = &v.error {
            ui.colored_label(Color32::RED, e);
        }
        let mut save = false;
        ui.horizontal(|ui| {
            save = ui.button("Save key").clicked();
            if ui.button("Export registry…").clicked() {
                if let Some(path) = rfd::FileDialog::new().set_file_name("extprofile-keys.json").save_file() {
                    self.export_registry(&path);
                }
            }
            if ui.button("Import registry…").clicked() {
                if let Some(path) = rfd::FileDialog::new().add_filter("JSON", &["json"]).pick_file() {
                    self.import_registry(&path);
                }
            }
            if !sandbox && ui.button("Scan groups for keys in use").clicked() {
                self.scan_ext_keys();
            }
        });
        if save {
            self.save_ext_key();
        }
        if let Some(keys) = &self.extkeys.server_keys {
            ui.label(RichText::new(format!("Enabled on the sandbox: {}", if keys.is_empty() { "none".into() } else { keys.join(", ") })).weak());
        }
        if let Some(keys) = self.extkeys.in_use.clone() {
            ui.label(format!("Keys in use on groups: {}", if keys.is_empty() { "none".into() } else { keys.join(", ") }));
            if ui.button("Add the missing ones to the registry").clicked() {
                self.registry_mut().adopt(&keys);
            }
        }
    }
}
