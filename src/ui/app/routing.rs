//! Results coming back: every event goes to the screens that own the state it touches, the log
//! says what happened, and the shell does what follows (read the list again, open a new group).
//! Also the end of a connection attempt.

use super::GroupdeskApp;
use super::session::Outcome;
use crate::model::ApiError;
use crate::ui::command::{Command, Level, Screen};
use crate::ui::event::{Event, Written};

impl GroupdeskApp {
    pub(super) fn route(&mut self, event: Event) {
        self.notify_about(&event);
        self.browser.on_event(&event);
        self.group.on_event(&event, &mut self.commands);
        self.connections.on_event(&event);
        self.audit.on_event(&event);
        self.follow_up(event);
    }

    /// The notification for an event, if it has one.
    fn notify_about(&mut self, event: &Event) {
        let notice = match event {
            Event::Groups(Err(e)) => failed("Loading groups failed".into(), e),
            Event::Created { group_id, result: Ok(()) } => info(format!("Group {group_id} created")),
            Event::Created { group_id, result: Err(e) } => failed(format!("Creating group {group_id} failed"), e),
            Event::Changed { group_id, action, result: Ok(()) } => info(format!("{action}: done for group {group_id}; reading it back from the server")),
            Event::Changed { group_id, action, result: Err(e) } => failed(format!("{action} failed for group {group_id}"), e),
            Event::Dismissed { group_id, result: Ok(()), .. } => info(format!("Group {group_id} dismissed")),
            Event::Dismissed { group_id, result: Err(e), .. } => failed(format!("Dismissing {group_id} failed"), e),
            Event::JobDone { group_id, action, report, .. } => (
                if report.any_failed() { Level::Error } else { Level::Info },
                format!("{action} in {group_id}: {} done, {} failed, {} skipped", report.count("done"), report.count("failed"), report.count("skipped")),
            ),
            Event::Exported { path, count, result: Ok(()), .. } => info(format!("Exported {count} members to {}", path.display())),
            Event::Exported { path, result: Err(e), .. } => error(format!("Export to {} failed: {}", path.display(), e.message)),
            Event::FileWritten { path, what, result: Ok(()) } => info(match what {
                Written::AuditEntries(n) => format!("{n} audit entries exported to {}", path.display()),
                Written::Registry => format!("extProfile registry exported to {}", path.display()),
                Written::Outcomes => format!("Outcomes written to {}", path.display()),
            }),
            Event::FileWritten { path, result: Err(e), .. } => error(format!("Cannot write {}: {}", path.display(), e.message)),
            Event::RegistryRead { path, result: Ok(r) } => info(format!("Imported {} extProfile keys from {}", r.keys.len(), path.display())),
            Event::RegistryRead { path, result: Err(e) } => error(format!("Cannot import {}: {}", path.display(), e.message)),
            Event::ConnectionSaved { profile, in_keyring: true } => info(format!("Connection {} saved; its App Secret is in the OS keyring", profile.name)),
            Event::ConnectionSaved { profile, in_keyring: false } => {
                info(format!("Connection {} saved; no keyring here, so its App Secret is kept for this run only", profile.name))
            }
            Event::Audited(Err(e)) => error(format!("The audit log {} could not be written: {}", self.options.audit.path().display(), e.message)),
            _ => return,
        };
        self.log.push(notice.0, notice.1);
    }

    /// What the shell does after an event.
    fn follow_up(&mut self, event: Event) {
        match event {
            Event::Groups(Ok(_)) => {
                // `GROUPDESK_OPEN_GROUP` opens a group at start (scripts, screenshots).
                if let Some(id) = self.options.open_at_start.take() {
                    self.commands.push(Command::OpenGroup(id));
                }
            }
            Event::Created { group_id, result: Ok(()) } => {
                self.commands.push(Command::RefreshGroups);
                self.commands.push(Command::OpenGroup(group_id));
            }
            Event::Changed { result: Ok(()), .. } | Event::Dismissed { result: Ok(()), .. } => self.commands.push(Command::RefreshGroups),
            Event::RegistryRead { result: Ok(registry), .. } => {
                *self.registry_mut() = registry;
                self.apply_registry_to_sandbox();
            }
            Event::ConnectionSaved { profile, .. } => self.settings.profiles.push(profile),
            Event::Quit => self.ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            _ => {}
        }
    }

    /// The end of a connection attempt, when it ends.
    pub(super) fn poll_session(&mut self) {
        let Some(outcome) = self.session.poll() else { return };
        match outcome {
            Outcome::Connected(conn) if conn.sandbox => {
                self.log.push(Level::Info, format!("Built-in sandbox running at {}", conn.url()));
                self.session.conn = Some(conn);
                self.settings.last_profile = None;
                self.commands.push(Command::RefreshGroups);
                self.load_server_ext_keys();
            }
            Outcome::Connected(conn) => {
                self.reset_connection();
                self.settings.last_profile = Some(conn.name.clone());
                self.log.push(Level::Info, format!("Connected to {}", conn.name));
                self.session.conn = Some(conn);
                self.commands.push(Command::RefreshGroups);
            }
            Outcome::NotStarted(e) => {
                let text = format!("The built-in sandbox did not start: {}", e.message);
                self.session.error = Some(text.clone());
                self.log.push(Level::Error, text);
            }
            Outcome::Failed(e) => {
                self.reset_connection();
                self.session.error = Some(e.message);
            }
            Outcome::SecretNeeded(name) => {
                self.connections.ask_secret(name);
                self.screen = Screen::Connections;
            }
        }
    }
}

fn info(text: String) -> (Level, String) {
    (Level::Info, text)
}

fn error(text: String) -> (Level, String) {
    (Level::Error, text)
}

/// What failed, the error and its plain-language explanation.
fn failed(what: String, e: &ApiError) -> (Level, String) {
    (Level::Error, format!("{what}: {e}. {}", e.explanation()))
}
