//! Connection profiles: name, data centre or custom URL, App Key, environment. The App Secret
//! goes to the OS keyring (or memory for this run when there is none); a profile without a stored
//! secret asks for it in a prompt. Also the operator name recorded in the audit log.

use egui::RichText;

use crate::ops::connections::DataCenter;
use crate::ops::connections::{Environment, Profile, Target};
use crate::ui::command::{BUILT_IN, Command};
use crate::ui::event::Event;
use crate::ui::widgets;

/// The "add a connection" form.
#[derive(Default)]
struct NewConnection {
    name: String,
    /// `None` = custom URL.
    data_center: Option<DataCenter>,
    url: String,
    app_key: String,
    secret: String,
    environment: Option<Environment>,
    error: Option<String>,
}

impl NewConnection {
    /// The profile to save, or why not.
    fn profile(&self, existing: &[Profile]) -> Result<Profile, String> {
        let target = match self.data_center {
            Some(dc) => Target::DataCenter(dc),
            None => Target::Url(self.url.trim().to_owned()),
        };
        let p = Profile {
            name: self.name.trim().to_owned(),
            target,
            app_key: self.app_key.trim().to_owned(),
            environment: self.environment.unwrap_or(Environment::Staging),
            mute_clock: None,
        };
        p.validate()?;
        if p.name == BUILT_IN || existing.iter().any(|x| x.name == p.name) {
            return Err(format!("A connection named {:?} exists already", p.name));
        }
        if self.secret.is_empty() {
            return Err("App Secret is required".into());
        }
        Ok(p)
    }
}

pub struct ConnectionsScreen {
    form: NewConnection,
    /// Whether App Secrets go to an OS keyring.
    keyring: bool,
    /// A profile waiting for its App Secret (no keyring entry): name and the secret typed.
    secret_prompt: Option<(String, String)>,
}

impl ConnectionsScreen {
    pub fn new(keyring: bool) -> Self {
        Self { form: NewConnection::default(), keyring, secret_prompt: None }
    }

    /// Opens the prompt for a profile's App Secret.
    pub fn ask_secret(&mut self, name: String) {
        self.secret_prompt = Some((name, String::new()));
    }

    pub fn on_event(&mut self, event: &Event) {
        if let Event::ConnectionSaved { in_keyring, .. } = event {
            self.form = NewConnection::default();
            self.keyring = *in_keyring;
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, operator: &mut String, profiles: &[Profile], cmds: &mut Vec<Command>) {
        ui.heading("Operator");
        widgets::text_field(ui, "Operator name (recorded in the audit log)", operator);
        ui.separator();
        ui.heading("Connections");
        profiles_ui(ui, profiles, cmds);
        ui.separator();
        ui.heading("Add a connection");
        self.form_ui(ui, profiles, cmds);
        ui.label(
            RichText::new(if self.keyring {
                "App Secrets are stored in the OS keyring, never in plain text."
            } else {
                "No OS keyring is available: App Secrets are kept in memory for this run only."
            })
            .weak(),
        );
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, profiles: &[Profile], cmds: &mut Vec<Command>) {
        let v = &mut self.form;
        widgets::text_field(ui, "Name", &mut v.name);
        ui.horizontal(|ui| {
            ui.label("Server");
            egui::ComboBox::from_id_salt("dc").selected_text(v.data_center.map(|d| d.label()).unwrap_or("Custom URL")).show_ui(ui, |ui| {
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
            widgets::problem_ui(ui, e);
        }
        if ui.button("Save connection").clicked() {
            match v.profile(profiles) {
                Ok(profile) => {
                    v.error = None;
                    cmds.push(Command::SaveConnection { profile, secret: v.secret.clone() });
                }
                Err(e) => v.error = Some(e),
            }
        }
    }

    /// The App Secret prompt.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        let Some((name, secret)) = self.secret_prompt.as_mut() else { return };
        let mut ok = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("secret_prompt")).show(ctx, |ui| {
            ui.heading(format!("App Secret for {name}"));
            ui.label("No keyring entry was found. The secret is kept in memory for this run only.");
            let l = ui.label("App Secret");
            ui.add(egui::TextEdit::singleline(secret).password(true).hint_text("App Secret")).labelled_by(l.id);
            ui.horizontal(|ui| {
                ok = ui.add_enabled(!secret.is_empty(), egui::Button::new("Connect")).clicked();
                cancel = ui.button("Cancel").clicked();
            });
        });
        if cancel {
            self.secret_prompt = None;
        } else if ok {
            let (name, secret) = self.secret_prompt.take().expect("open");
            cmds.push(Command::ConnectWithSecret { name, secret });
        }
    }
}

/// The built-in sandbox and every saved profile, each with Connect (and Remove).
fn profiles_ui(ui: &mut egui::Ui, profiles: &[Profile], cmds: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(BUILT_IN).strong());
        widgets::env_badge(ui, Environment::Sandbox);
        ui.label("local sandbox with demo data");
        if ui.button("Connect to the built-in sandbox").clicked() {
            cmds.push(Command::ConnectBuiltIn);
        }
    });
    for p in profiles {
        ui.horizontal(|ui| {
            ui.label(RichText::new(&p.name).strong());
            widgets::env_badge(ui, p.environment);
            ui.label(match &p.target {
                Target::DataCenter(dc) => dc.label().to_owned(),
                Target::Url(u) => u.clone(),
            });
            ui.label(format!("App Key {}", p.app_key));
            if ui.button(format!("Connect to {}", p.name)).clicked() {
                cmds.push(Command::Connect(p.clone()));
            }
            if ui.button(format!("Remove {}", p.name)).clicked() {
                cmds.push(Command::RemoveConnection(p.name.clone()));
            }
        });
    }
}
