//! Connection profiles: name, data centre or custom URL, App Key, environment. The App Secret
//! goes to the OS keyring (or memory for this run when there is none).

use egui::{Color32, RichText};

use super::app::{BUILT_IN, GroupdeskApp, Level};
use super::widgets;
use crate::api::DataCenter;
use crate::profiles::{Environment, Profile, Target};

#[derive(Default)]
pub struct ConnectionsView {
    pub name: String,
    /// `None` = custom URL.
    pub data_center: Option<DataCenter>,
    pub url: String,
    pub app_key: String,
    pub secret: String,
    pub environment: Option<Environment>,
    pub error: Option<String>,
}

impl GroupdeskApp {
    pub fn add_profile(&mut self) {
        let v = &self.connections;
        let target = match v.data_center {
            Some(dc) => Target::DataCenter(dc),
            None => Target::Url(v.url.trim().to_owned()),
        };
        let p = Profile {
            name: v.name.trim().to_owned(),
            target,
            app_key: v.app_key.trim().to_owned(),
            environment: v.environment.unwrap_or(Environment::Staging),
        };
        if let Err(e) = p.validate() {
            self.connections.error = Some(e);
            return;
        }
        if p.name == BUILT_IN || self.settings.profiles.iter().any(|x| x.name == p.name) {
            self.connections.error = Some(format!("A connection named {:?} exists already", p.name));
            return;
        }
        if v.secret.is_empty() {
            self.connections.error = Some("App Secret is required".into());
            return;
        }
        let in_keyring = self.secrets.set(&p.name, &v.secret);
        self.notify(
            Level::Info,
            if in_keyring {
                format!("Connection {} saved; its App Secret is in the OS keyring", p.name)
            } else {
                format!("Connection {} saved; no keyring here, so its App Secret is kept for this run only", p.name)
            },
        );
        self.settings.profiles.push(p);
        self.connections = ConnectionsView::default();
    }

    pub(crate) fn connections_ui(&mut self, ui: &mut egui::Ui) {
        ui.heading("Operator");
        widgets::text_field(ui, "Operator name (recorded in the audit log)", &mut self.settings.operator);
        ui.separator();
        ui.heading("Connections");
        let mut connect = None;
        let mut remove = None;
        ui.horizontal(|ui| {
            ui.label(RichText::new(BUILT_IN).strong());
            widgets::env_badge(ui, Environment::Sandbox);
            ui.label("local sandbox with demo data");
            if ui.button("Connect to the built-in sandbox").clicked() {
                connect = Some(None);
            }
        });
        for p in &self.settings.profiles {
            ui.horizontal(|ui| {
                ui.label(RichText::new(&p.name).strong());
                widgets::env_badge(ui, p.environment);
                ui.label(match &p.target {
                    Target::DataCenter(dc) => dc.label().to_owned(),
                    Target::Url(u) => u.clone(),
                });
                ui.label(format!("App Key {}", p.app_key));
                if ui.button(format!("Connect to {}", p.name)).clicked() {
                    connect = Some(Some(p.clone()));
                }
                if ui.button(format!("Remove {}", p.name)).clicked() {
                    remove = Some(p.name.clone());
                }
            });
        }
        match connect {
            Some(None) => self.connect_built_in(),
            Some(Some(p)) => self.connect_profile(&p),
            None => {}
        }
        if let Some(name) = remove {
            self.settings.profiles.retain(|p| p.name != name);
            self.secrets.forget(&name);
        }
        ui.separator();
        ui.heading("Add a connection");
        let v = &mut self.connections;
        widgets::text_field(ui, "Name", &mut v.name);
        ui.horizontal(|ui| {
            ui.label("Server");
            egui::ComboBox::from_id_salt("dc")
                .selected_text(v.data_center.map(|d| d.label()).unwrap_or("Custom URL"))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut v.data_center, None, "Custom URL");
                    for dc in DataCenter::ALL {
                        ui.selectable_value(&mut v.data_center, Some(dc), dc.label());
                    }
                });
        });
        if v.data_center.is_none() {
            widgets::text_field(ui, "Base URL", &mut v.url);
        }
        widgets::text_field(ui, "App Key", &mut v.app_key);
        ui.horizontal(|ui| {
            let l = ui.label("App Secret");
            ui.add(egui::TextEdit::singleline(&mut v.secret).password(true).hint_text("App Secret")).labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            ui.label("Environment");
            for env in Environment::ALL {
                ui.selectable_value(&mut v.environment, Some(env), env.label());
            }
        });
        if let Some(e) = &v.error {
            ui.colored_label(Color32::RED, e);
        }
        if ui.button("Save connection").clicked() {
            self.add_profile();
        }
        ui.label(
            RichText::new(if self.secrets.keyring_available() {
                "App Secrets are stored in the OS keyring, never in plain text."
            } else {
                "No OS keyring is available: App Secrets are kept in memory for this run only."
            })
            .weak(),
        );
    }
}
