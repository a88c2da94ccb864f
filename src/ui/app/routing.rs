//! Results coming back: every event goes to the screens that own the state it touches, the log
//! says what happened, and the shell does what follows (read the list again after any change,
//! open a new group, open a deep link's group once the list is loaded). Also the end of a
//! connection attempt: "Connected" is said only once the first call (the group list) succeeded.

use super::GroupdeskApp;
use super::session::Outcome;
use crate::model::ApiError;
use crate::tr;
use crate::ui::command::{Command, Level, Screen};
use crate::ui::deeplink::OpenRequest;
use crate::ui::event::{Event, Written};
use crate::ui::widgets;

/// A notification: level, text and the request id of a failed request.
type Note = (Level, String, Option<String>);

impl GroupdeskApp {
    pub(super) fn route(&mut self, event: Event) {
        // The group list's batches and end belong to the current read only.
        let event = match event {
            Event::GroupRows { load, .. } | Event::GroupsDone { load, .. } if load != self.browser.current_load() => return,
            Event::GroupsDone { result, .. } => Event::Groups(result),
            other => other,
        };
        self.notify_about(&event);
        self.browser.on_event(&event);
        self.group.on_event(&event, &mut self.commands);
        self.connections.on_event(&event);
        self.audit.on_event(&event);
        self.follow_up(event);
    }

    /// The notification for an event, if it has one.
    fn notify_about(&mut self, event: &Event) {
        let path = |p: &std::path::Path| p.display().to_string();
        let (level, text, request_id): Note = match event {
            Event::Groups(Err(e)) => failed(tr!("note-groups-failed"), e),
            Event::Created { group_id, result: Ok(()) } => info(tr!("note-created", group = group_id.as_str())),
            Event::Created { group_id, result: Err(e) } => failed(tr!("note-create-failed", group = group_id.as_str()), e),
            Event::Changed { group_id, action, result: Ok(()) } => info(tr!("note-changed", action = action.as_str(), group = group_id.as_str())),
            Event::Changed { group_id, action, result: Err(e) } => failed(tr!("note-change-failed", action = action.as_str(), group = group_id.as_str()), e),
            Event::Dismissed { group_id, result: Ok(()), .. } => info(tr!("note-dismissed", group = group_id.as_str())),
            Event::Dismissed { group_id, result: Err(e), .. } => failed(tr!("note-dismiss-failed", group = group_id.as_str()), e),
            Event::JobDone { group_id, action, report, .. } => (
                if report.any_failed() { Level::Error } else { Level::Info },
                format!("{}: {}", tr!("note-job-done", action = action.as_str(), group = group_id.as_str()), widgets::outcome_summary(report)),
                report.request_ids.last().cloned().filter(|_| report.any_failed()),
            ),
            Event::Exported { path: p, count, result: Ok(()), .. } => info(tr!("note-exported", count = *count, path = path(p))),
            Event::Exported { path: p, result: Err(e), .. } => failed(tr!("note-export-failed", path = path(p)), e),
            Event::FileWritten { path: p, what, result: Ok(()) } => info(match what {
                Written::AuditEntries(n) => tr!("note-audit-exported", count = *n, path = path(p)),
                Written::Registry => tr!("note-registry-exported", path = path(p)),
                Written::Outcomes => tr!("note-outcomes-written", path = path(p)),
                Written::TcFields => tr!("note-tc-fields-exported", path = path(p)),
            }),
            Event::FileWritten { path: p, result: Err(e), .. } => failed(tr!("note-write-failed", path = path(p)), e),
            Event::RegistryRead { path: p, result: Ok(r) } => info(tr!("note-registry-imported", count = r.keys.len(), path = path(p))),
            Event::RegistryRead { path: p, result: Err(e) } => failed(tr!("note-import-failed", path = path(p)), e),
            Event::ConnectionSaved { profile, in_keyring: true } => info(tr!("note-connection-saved-keyring", name = profile.name.as_str())),
            Event::ConnectionSaved { profile, in_keyring: false } => info(tr!("note-connection-saved-memory", name = profile.name.as_str())),
            Event::AppMuteSet { user, result: Ok(m) } if m.muted() => info(tr!("note-appmute-set", user = user.as_str())),
            Event::AppMuteSet { user, result: Ok(_) } => info(tr!("note-appmute-lifted", user = user.as_str())),
            Event::AppMuteSet { user, result: Err(e) } => failed(tr!("note-appmute-failed", user = user.as_str()), e),
            Event::Audited(Err(e)) => failed(tr!("note-audit-failed", path = path(self.options.audit.path())), e),
            _ => return,
        };
        self.log.push_with(level, text, request_id);
    }

    /// What the shell does after an event.
    fn follow_up(&mut self, event: Event) {
        match event {
            Event::Groups(Ok(groups)) => {
                if !self.session.verified {
                    self.session.verified = true;
                    self.session.error = None;
                    self.log.push(Level::Info, tr!("note-connected", name = self.session.name(), count = groups.len()));
                }
                if let Some(OpenRequest { group, tab, .. }) = self.options.open_at_start.take() {
                    self.commands.push(Command::OpenGroupAt { group_id: group, tab });
                }
            }
            // A deep link's group opens with the first rows: a big app need not be listed first.
            Event::GroupRows { .. } => {
                if let Some(OpenRequest { group, tab, .. }) = self.options.open_at_start.take() {
                    self.commands.push(Command::OpenGroupAt { group_id: group, tab });
                }
            }
            Event::Groups(Err(e)) if !self.session.verified => self.session.error = Some(e),
            Event::Created { group_id, result: Ok(()) } => {
                self.commands.push(Command::RefreshGroups);
                self.commands.push(Command::OpenGroup(group_id));
            }
            // The list's names and member counts follow every change.
            Event::Changed { result: Ok(()), .. } | Event::Dismissed { result: Ok(()), .. } | Event::JobDone { .. } => self.commands.push(Command::RefreshGroups),
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
                // Scripts wait for this line (tests/screenshot.sh).
                tracing::info!("Built-in sandbox running at {} ({})", conn.url(), conn.name);
                self.settings.last_profile = Some(conn.name.clone());
                self.session.conn = Some(conn);
                self.session.verified = false;
                self.commands.push(Command::RefreshGroups);
                self.load_server_ext_keys();
            }
            Outcome::Connected(conn) => {
                self.reset_connection();
                self.settings.last_profile = Some(conn.name.clone());
                self.session.conn = Some(conn);
                self.session.verified = false;
                self.commands.push(Command::RefreshGroups);
            }
            Outcome::NotStarted(e) => {
                // Shown with what did not start; the code and request id stay.
                let text = tr!("note-sandbox-failed", error = widgets::headline(&e));
                self.log.push_with(Level::Error, text.clone(), e.request_id.clone());
                self.session.error = Some(ApiError { message: text, code: None, http_status: None, ..e });
            }
            Outcome::Failed(e) => {
                self.reset_connection();
                self.log.push_with(Level::Error, tr!("note-connect-failed", error = widgets::headline(&e)), e.request_id.clone());
                self.session.error = Some(e);
            }
            Outcome::SecretNeeded(name) => {
                if self.settings.profiles.iter().any(|p| p.name == name && p.tencent.is_some()) {
                    self.connections.ask_secret_key(name);
                } else {
                    self.connections.ask_secret(name);
                }
                self.screen = Screen::Connections;
            }
        }
    }
}

fn info(text: String) -> Note {
    (Level::Info, text, None)
}

/// What failed, the error and its plain-language explanation, and the request id.
fn failed(what: String, e: &ApiError) -> Note {
    (Level::Error, widgets::error_summary(&what, e), e.request_id.clone())
}
