//! The larger actions of the command handler ([`super::handler`]): connections, group and
//! member reads, bulk jobs, app-wide mutes and the extProfile key registry. Each hands its work
//! to the operations layer and answers with events or into the asking screen's promise.

use std::sync::Arc;

use super::GroupdeskApp;
use super::handler::{audit_result, not_connected, not_open, unsent};
use crate::model::bulk::Control;
use crate::ops::connections::Profile;
use crate::ops::extkeys::{ExtKeyDef, RegistryChange};
use crate::ops;
use crate::tr;
use crate::ui::command::{JobRequest, Level, Screen};
use crate::ui::event::Event;
use crate::ui::exec;

impl GroupdeskApp {
    // ----- connections -----

    pub(super) fn reset_connection(&mut self) {
        if let Some(old) = self.session.conn.take() {
            self.bridge.spawn_detached(exec::disconnect(old));
        }
        self.session.error = None;
        self.browser.clear();
        self.group.close();
        self.tc_fields = Default::default();
    }

    pub(super) fn connect_built_in(&mut self, service: crate::model::Service) {
        self.reset_connection();
        let reply = self.session.begin_built_in();
        self.bridge.reply(reply, exec::start_embedded(service, self.options.sandbox_dir.clone(), self.options.audit.clone()));
    }

    pub(super) fn connect_profile(&mut self, profile: Profile, secret: Option<String>) {
        let reply = self.session.begin_profile(&profile.name);
        self.bridge.reply(reply, exec::connect_profile(self.options.secrets.clone(), self.options.audit.clone(), profile, secret));
    }

    pub(super) fn load_server_ext_keys(&mut self) {
        // The `/_sandbox/` ext-key registry is the RongCloud sandbox's.
        if let Some(s) = self.ops().filter(|s| self.session.on_sandbox() && s.service() == crate::model::Service::RongCloud) {
            let reply = self.extkeys.expect_server_keys();
            self.bridge.reply(reply, async move { ops::extkeys::sandbox_keys(&s).await });
        }
    }

    // ----- groups -----

    /// Reads the group list: batches of rows as events as they arrive, then the whole list.
    pub(super) fn refresh_groups(&mut self) {
        let Some(s) = self.ops() else { return };
        let (load, cancel) = self.browser.begin_refresh();
        let events = self.bridge.events();
        self.bridge.spawn(async move {
            let on_rows = move |rows, total| events.send(Event::GroupRows { load, rows, total });
            let result = cancel.run_until_cancelled(ops::groups::list_progressive(&s, on_rows)).await;
            // A cancelled read's end is dropped as stale.
            Event::GroupsDone { load, result: result.unwrap_or_else(|| Ok(Vec::new())) }
        });
    }

    /// Sets or lifts a user's app-wide mute (recorded by the operations layer), then reports
    /// the state read back.
    pub(super) fn set_app_mute(&mut self, user: String, seconds: u64, reason: String) {
        let Some(s) = self.ops() else {
            self.bridge.spawn(async move { Event::AppMuteSet { user, result: Err(not_connected()) } });
            return;
        };
        let events = self.bridge.events();
        self.bridge.spawn(async move {
            let recorded = ops::accounts::set_app_mute(&s, &user, seconds, Some(&reason)).await;
            events.send(Event::Audited(audit_result(recorded.audit_error)));
            Event::AppMuteSet { user, result: recorded.result }
        });
    }

    pub(super) fn open_group(&mut self, group_id: &str) {
        let group_id = group_id.trim();
        let checked = match self.session.ops() {
            Some(s) => s.check_group_id("Group ID", group_id),
            None => crate::ops::rules::group_id("Group ID", group_id),
        };
        if let Err(e) = checked {
            self.log.push(Level::Error, e.message);
        } else if self.session.conn.is_some() {
            self.screen = Screen::Group;
            self.group.open(group_id, &mut self.commands);
        }
    }

    /// #13 members: reads the open group's members page by page, each page an event.
    pub(super) fn stream_members(&mut self, group_id: String, load: u64, cancel: tokio_util::sync::CancellationToken) {
        let work = match (self.open_detail(&group_id), self.ops()) {
            (Some(detail), Some(s)) => {
                let (events, gid) = (self.bridge.events(), group_id.clone());
                let on_page = move |rows, total| events.send(Event::MemberPage { group_id: gid.clone(), load, rows, total });
                Ok(exec::stream_members(s, detail, cancel, on_page))
            }
            (None, _) => Err(not_open(&group_id)),
            (_, None) => Err(not_connected()),
        };
        match work {
            Ok(work) => self.bridge.spawn(async move { Event::MembersLoaded { group_id, load, result: work.await } }),
            Err(e) => self.bridge.spawn(async move { Event::MembersLoaded { group_id, load, result: Err(e) } }),
        }
    }

    /// Runs a bulk job: progress as events; the operations layer records it; then the report.
    pub(super) fn run_job(&mut self, job: JobRequest) {
        let JobRequest { group_id, action, users, reason, leave, cancel } = job;
        let Some(s) = self.ops() else {
            let report = unsent(&users, &not_connected());
            self.bridge.spawn(async move { Event::JobDone { group_id, action: action.label(), reason, report } });
            return;
        };
        let events = self.bridge.events();
        let progress = {
            let (events, group_id) = (events.clone(), group_id.clone());
            move |progress| events.send(Event::JobProgress { group_id: group_id.clone(), progress })
        };
        let ctl = Control { progress: Some(Arc::new(progress)), cancel };
        let work = exec::run_job(s, group_id.clone(), action.to_member_action(leave), users, reason.clone(), ctl);
        self.bridge.spawn(async move {
            let recorded = work.await;
            events.send(Event::Audited(audit_result(recorded.audit_error)));
            Event::JobDone { group_id, action: action.label(), reason, report: recorded.result }
        });
    }

    // ----- extProfile keys -----

    /// Adds or updates a key definition; on the sandbox, enables the keys there too.
    pub(super) fn save_ext_key(&mut self, def: ExtKeyDef, reason: String) {
        let key = def.key.clone();
        if let Err(e) = self.registry_mut().upsert(def) {
            self.extkeys.error = Some(e);
            return;
        }
        self.record(RegistryChange::Defined, key.clone(), reason);
        self.log.push(Level::Info, tr!("extkey-saved", key = key.as_str()));
        self.apply_registry_to_sandbox();
    }

    pub(super) fn remove_ext_key(&mut self, key: String, reason: String) {
        if !self.registry_mut().remove(&key) {
            return;
        }
        self.record(RegistryChange::Removed, key.clone(), reason);
        self.log.push(Level::Info, tr!("extkey-removed", key = key.as_str()));
        if let Some(s) = self.ops().filter(|_| self.session.on_sandbox()) {
            let reply = self.extkeys.expect_applied();
            self.bridge.reply(reply, async move { ops::extkeys::remove_from_sandbox(&s, &key).await });
        }
    }

    pub(super) fn apply_registry_to_sandbox(&mut self) {
        let keys: Vec<String> = self.registry().keys.iter().map(|k| k.key.clone()).collect();
        if let Some(s) = self.ops().filter(|_| self.session.on_sandbox() && !keys.is_empty()) {
            let reply = self.extkeys.expect_applied();
            self.bridge.reply(reply, async move { ops::extkeys::apply_to_sandbox(&s, &keys).await });
        }
    }

    /// The memory benchmark: report resident memory, then close.
    pub(super) fn report_memory(&self) {
        self.bridge.spawn(async {
            eprintln!("bench: rss_kb {}", exec::resident_memory_kb().await);
            Event::Quit
        });
    }
}
