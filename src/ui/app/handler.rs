//! The one command handler: applies what the screens asked for at the frame boundary. Work that
//! leaves the UI thread goes to the operations layer ([`crate::ops`], through the small
//! adapters of [`exec`]); its result comes back as an event or into the asking screen's
//! promise. The operations record every change in the audit log before the result is shown.

use std::future::Future;
use std::path::PathBuf;

use super::GroupdeskApp;

use crate::model::bulk::{BulkReport, ItemOutcome, Outcome};
use crate::model::{ApiError, GroupDetail};
use crate::ops::{self, Recorded, Session};
use crate::ui::command::{Command, GroupAction, Reply};
use crate::ui::event::{Event, Written};
use crate::tr;
use crate::ui::exec;

type Change = Recorded<Result<(), ApiError>>;

pub(super) fn not_connected() -> ApiError {
    ApiError::invalid("", "Connection", tr!("error-not-connected"))
}

impl GroupdeskApp {
    pub(super) fn apply(&mut self, cmd: Command) {
        match cmd {
            Command::SetDarkMode(dark) => {
                self.settings.dark_mode = Some(dark);
                self.apply_look();
            }
            Command::SetZoom(zoom) => {
                self.settings.zoom = zoom;
                self.apply_look();
            }
            Command::SetLanguage(language) => {
                self.settings.language = Some(language);
                self.options.language = None;
                self.apply_look();
            }
            Command::SetUtc(utc) => {
                self.settings.utc_times = utc;
                self.apply_look();
            }
            Command::Notify { level, text, request_id } => self.log.push_with(level, text, request_id),
            Command::DismissNotice(index) => self.log.dismiss(index),
            Command::DismissAllNotices => self.log.dismiss_all(),
            Command::ChooseFile { dialog, reply } => self.choose_file(dialog, reply),
            Command::LoadFontFile(path) => self.load_font_file(path),

            Command::ConnectBuiltIn => self.connect_built_in(crate::model::Service::RongCloud),
            Command::ConnectDemo(service) => self.connect_built_in(service),
            Command::Connect(profile) => self.connect_profile(profile, None),
            Command::ConnectWithSecret { name, secret } => {
                if let Some(p) = self.settings.profiles.iter().find(|p| p.name == name).cloned() {
                    self.connect_profile(p, Some(secret));
                }
            }
            Command::SaveConnection { profile, secret } => {
                let work = exec::save_secret(self.options.secrets.clone(), profile.name.clone(), secret);
                self.bridge.spawn(async move { Event::ConnectionSaved { in_keyring: work.await.unwrap_or(false), profile } });
            }
            Command::RemoveConnection(name) => {
                self.settings.profiles.retain(|p| p.name != name);
                let work = exec::forget_secret(self.options.secrets.clone(), name);
                self.bridge.spawn_detached(async move { work.await.unwrap_or_default() });
            }

            Command::RefreshGroups => self.refresh_groups(),
            Command::OpenGroup(id) => self.open_group(&id),
            Command::OpenGroupAt { group_id, tab } => {
                self.open_group(&group_id);
                self.group.show_tab(&group_id, tab);
            }
            Command::LookupUser { user, reply } => self.reply(reply, |s| async move { ops::groups::user_groups(&s, &user).await }),
            Command::LookupAppMute { user, reply } => self.reply(reply, |s| async move { ops::accounts::app_mute(&s, &user).await }),
            Command::SetAppMute { user, seconds, reason } => self.set_app_mute(user, seconds, reason),
            Command::CreateGroup(g) => {
                let done = { let group_id = g.group_id.clone(); move |result| Event::Created { group_id, result } };
                self.audited(|s| async move { ops::groups::create(&s, &g, None).await }, done);
            }

            Command::LoadGroup { group_id, reply } => self.reply(reply, |s| async move { ops::groups::open(&s, &group_id).await }),
            Command::SaveProfile { group_id, fields, update, reason } => {
                let label = tr!("change-save-profile", fields = fields.join(", "));
                self.change(group_id.clone(), label, |s| async move { ops::groups::save_profile(&s, &group_id, &update, Some(&reason)).await });
            }
            Command::ImportGroup { group_id, owner } => {
                self.change(group_id.clone(), tr!("change-import"), |s| async move { ops::groups::import_legacy(&s, &group_id, &owner, None).await })
            }
            Command::SetAlias { group_id, user, alias } => {
                self.change(group_id.clone(), tr!("change-alias"), |s| async move { ops::groups::set_alias(&s, &group_id, &user, &alias, None).await })
            }
            Command::DismissGroup { group_id, reason, .. } => {
                self.group.begin_change(&group_id);
                let detail = self.open_detail(&group_id);
                let done = { let group_id = group_id.clone(); let reason = reason.clone(); move |result| Event::Dismissed { group_id, reason, result } };
                self.audited(
                    |s| async move {
                        match detail {
                            Some(d) => ops::groups::dismiss(&s, &d, Some(&reason)).await,
                            None => Recorded { result: Err(not_open(&group_id)), audit_error: None },
                        }
                    },
                    done,
                );
            }
            Command::PreviewPortrait { url, reply } => self.bridge.reply(reply, exec::preview_portrait(url)),

            Command::LoadMembers { group_id, reply, .. } => match self.open_detail(&group_id) {
                Some(detail) => self.reply(reply, |s| exec::load_members(s, detail)),
                None => reply.send(Err(not_open(&group_id))),
            },
            Command::ShowAllowlist { group_id, reply } => self.reply(reply, |s| async move { ops::members::allowlist(&s, &group_id).await }),
            Command::GroupChange { group_id, action, reason } => {
                let label = tr!("change-group-action", action = action.label(), reason = reason.as_str());
                let gid = group_id.clone();
                match action {
                    GroupAction::MuteAll(on) => self.change(gid, label, |s| async move {
                        ops::members::set_mute_all(&s, &group_id, on, Some(&reason)).await.map(|r| r.map(|_| ()))
                    }),
                    GroupAction::Transfer { new_owner, leave } => self.change(gid, label, |s| async move {
                        ops::members::transfer_owner(&s, &group_id, &new_owner, leave, Some(&reason)).await
                    }),
                }
            }
            Command::SetAdmins { group_id, add, users } => {
                let label = if add { tr!("change-make-admin", users = users.join(", ")) } else { tr!("change-remove-admin", users = users.join(", ")) };
                self.change(group_id.clone(), label, |s| async move { ops::members::set_admins(&s, &group_id, &users, add, None).await });
            }
            Command::SaveMember { group_id, user, nickname, extra } => {
                let label = tr!("change-member", user = user.as_str());
                self.change(group_id.clone(), label, |s| async move { ops::members::set_member(&s, &group_id, &user, &nickname, &extra, None).await });
            }
            Command::StreamMembers { group_id, load, cancel } => self.stream_members(group_id, load, cancel),
            Command::SaveTencentMember { group_id, user, name_card, custom } => {
                let label = tr!("change-tencent-member", user = user.as_str());
                self.change(group_id.clone(), label, |s| async move { ops::members::set_tencent_member(&s, &group_id, &user, name_card.as_deref(), &custom, None).await });
            }
            Command::RunJob(job) => self.run_job(job),
            Command::ExportMembers { group_id, path, rows, columns, bom } => {
                let (events, total) = (self.bridge.events(), rows.len());
                let gid = group_id.clone();
                let progress = move |done| events.send(Event::ExportProgress { group_id: gid.clone(), done, total });
                let work = exec::export_members(path.clone(), rows, columns, bom, progress);
                self.bridge.spawn(async move { Event::Exported { group_id, path, count: total, result: work.await } });
            }
            Command::ExportOutcomes { path, report } => self.write_file(path.clone(), Written::Outcomes, exec::export_outcomes(self.session.ops(), path, report)),
            Command::ReadListFile { path, reply } => self.bridge.reply(reply, exec::read_list_file(path)),

            Command::SaveExtKey { def, reason } => self.save_ext_key(def, reason),
            Command::RemoveExtKey { key, reason } => self.remove_ext_key(key, reason),
            Command::AdoptExtKeys(keys) => self.registry_mut().adopt(&keys),
            Command::ScanExtKeys { reply } => self.reply(reply, |s| async move { ops::extkeys::scan_in_use(&s).await }),
            Command::ExportRegistry(path) => {
                let registry = self.registry().clone();
                self.write_file(path.clone(), Written::Registry, exec::export_registry(path, registry));
            }
            Command::ImportRegistry(path) => {
                let work = exec::import_registry(path.clone());
                self.bridge.spawn(async move { Event::RegistryRead { path, result: work.await } });
            }

            Command::ReloadAudit { reply } => self.bridge.reply(reply, exec::read_audit(self.options.audit.clone())),
            Command::ExportAudit { path, entries } => {
                let what = Written::AuditEntries(entries.len());
                self.write_file(path.clone(), what, exec::export_audit(path, entries));
            }

            // Tencent: custom fields and permission groups (#13 items 3, 4, 7)
            Command::TcFields { reply } => self.reply(reply, |s| async move { ops::tencent::custom_fields(&s).await }),
            Command::TcAddFields { fields, reason, reply } => self.recorded_reply(reply, |s| async move { ops::tencent::add_custom_fields(&s, &fields, Some(&reason)).await }),
            Command::TcExportFields { path, fields } => self.write_file(path.clone(), Written::TcFields, exec::export_tc_fields(path, fields)),
            Command::TcScanFields { keys, reply } => self.reply(reply, |s| async move { ops::tencent::scan_fields_in_use(&s, &keys).await }),
            Command::TcPermGroups { group_id, reply } => self.reply(reply, |s| async move { ops::tencent::permission_groups(&s, &group_id).await }),
            Command::TcPermChange { group_id, change, reason, reply } => {
                self.recorded_reply(reply, |s| async move { ops::tencent::change_permissions(&s, &group_id, &change, Some(&reason)).await })
            }
        }
    }

    /// A change answered into the asking screen's promise, after reporting its audit entry.
    fn recorded_reply<T: Send + 'static, Fut>(&self, reply: Reply<T>, work: impl FnOnce(Session) -> Fut)
    where
        Fut: Future<Output = Recorded<Result<T, ApiError>>> + Send + 'static,
    {
        let Some(s) = self.ops() else { return reply.send(Err(not_connected())) };
        let (events, work) = (self.bridge.events(), work(s));
        self.bridge.reply(reply, async move {
            let recorded = work.await;
            events.send(Event::Audited(audit_result(recorded.audit_error)));
            recorded.result
        });
    }

    /// A one-shot request on the connection, answered into the asking screen's promise.
    fn reply<T: Send + 'static, Fut>(&self, reply: Reply<T>, work: impl FnOnce(Session) -> Fut)
    where
        Fut: Future<Output = Result<T, ApiError>> + Send + 'static,
    {
        match self.ops() {
            Some(s) => self.bridge.reply(reply, work(s)),
            None => reply.send(Err(not_connected())),
        }
    }

    /// The operations session of the connection, acting as the operator of the settings.
    pub(super) fn ops(&self) -> Option<Session> {
        self.session.ops().map(|s| s.with_operator(&self.settings.operator))
    }

    /// The detail of the open group, when `group_id` is the one open.
    pub(super) fn open_detail(&self, group_id: &str) -> Option<GroupDetail> {
        self.group.page().and_then(|p| p.detail.clone()).filter(|d| d.group_id == group_id)
    }

    /// Runs a change (which the operations layer records in the audit log), reports whether
    /// the entry was written, then reports with `done`. Without a connection nothing is sent.
    fn audited<Fut>(&self, work: impl FnOnce(Session) -> Fut, done: impl FnOnce(Result<(), ApiError>) -> Event + Send + 'static)
    where
        Fut: Future<Output = Change> + Send + 'static,
    {
        let Some(s) = self.ops() else {
            self.bridge.spawn(async move { done(Err(not_connected())) });
            return;
        };
        let (events, work) = (self.bridge.events(), work(s));
        self.bridge.spawn(async move {
            let recorded = work.await;
            events.send(Event::Audited(audit_result(recorded.audit_error)));
            done(recorded.result)
        });
    }

    /// A change to one group: the page shows it busy; the group is read back afterwards.
    /// `label` is what the page and the notifications call it.
    fn change<Fut>(&mut self, group_id: String, label: String, work: impl FnOnce(Session) -> Fut)
    where
        Fut: Future<Output = Change> + Send + 'static,
    {
        self.group.begin_change(&group_id);
        let done = move |result| Event::Changed { group_id, action: label, result };
        self.audited(work, done);
    }

    /// Records an action that sends no request (registry edits).
    pub(super) fn record(&self, change: ops::extkeys::RegistryChange, key: String, reason: String) {
        let Some(s) = self.ops() else { return };
        self.bridge.spawn(async move {
            let reason = Some(reason.trim()).filter(|r| !r.is_empty());
            Event::Audited(audit_result(ops::extkeys::record(&s, change, &key, reason).await.audit_error))
        });
    }

    fn write_file(&self, path: PathBuf, what: Written, work: impl Future<Output = Result<(), ApiError>> + Send + 'static) {
        self.bridge.spawn(async move { Event::FileWritten { path, what, result: work.await } });
    }
}


pub(super) fn not_open(group_id: &str) -> ApiError {
    ApiError::invalid("", "Group ID", tr!("error-not-open", group = group_id))
}

/// Whether an audit entry was written, as the `Audited` event reports it.
pub(super) fn audit_result(error: Option<String>) -> Result<(), ApiError> {
    match error {
        Some(e) => Err(ApiError::transport("audit", "", e)),
        None => Ok(()),
    }
}

/// A report for a job that could not be sent: every user failed with `e`.
pub(super) fn unsent(users: &[String], e: &ApiError) -> BulkReport {
    let failed = |u: &String| ItemOutcome { user_id: u.clone(), outcome: Outcome::Failed { code: e.code, message: e.message.clone(), request_id: e.request_id.clone() } };
    BulkReport { items: users.iter().map(failed).collect(), request_ids: Vec::new() }
}
