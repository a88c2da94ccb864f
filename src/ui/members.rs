//! The members tab of a group: a virtualised table (user id, nickname, role, join time, extra,
//! mute end, allowlisted) with sortable columns, a filter matching id and nickname as you type,
//! multi-select (click, ctrl-click, shift-click, select all filtered), and bulk actions that run
//! as jobs on the client's chunked calls with progress and a per-user outcome summary.

use std::collections::HashSet;
use std::sync::Arc;

use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

use super::app::{GroupdeskApp, Level};
use super::msg::Msg;
use crate::api::bulk::{BulkReport, Control, Progress};
use crate::api::types::LeaveOptions;
use crate::csv_io::MemberRow;
use crate::members::{CachedView, MemberTable, SortKey};

/// Kicking or muting more than this many users asks for the count to be typed.
pub const TYPED_CONFIRM_OVER: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BulkAction {
    Mute(u32),
    Unmute,
    Kick,
    AllowlistAdd,
    AllowlistRemove,
    Add,
}

/// A one-off change to the whole group, confirmed with the group id typed and a reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupAction {
    MuteAll(bool),
    Transfer { new_owner: String, leave: bool },
}

impl GroupAction {
    pub fn label(&self) -> String {
        match self {
            Self::MuteAll(true) => "mute-all on".into(),
            Self::MuteAll(false) => "mute-all off".into(),
            Self::Transfer { new_owner, leave: false } => format!("transfer ownership to {new_owner}"),
            Self::Transfer { new_owner, leave: true } => format!("transfer ownership to {new_owner} (old owner leaves)"),
        }
    }
}

pub struct GroupPending {
    pub action: GroupAction,
    pub typed: String,
    pub reason: String,
}

/// Which members an export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportScope {
    All,
    Shown,
    Selected,
}

impl BulkAction {
    pub fn label(self) -> String {
        match self {
            Self::Mute(0) => "mute permanently".into(),
            Self::Mute(m) if m % 1440 == 0 => format!("mute for {} day(s)", m / 1440),
            Self::Mute(m) if m % 60 == 0 => format!("mute for {} hour(s)", m / 60),
            Self::Mute(m) => format!("mute for {m} minutes"),
            Self::Unmute => "unmute".into(),
            Self::Kick => "kick".into(),
            Self::AllowlistAdd => "add to the mute-all allowlist".into(),
            Self::AllowlistRemove => "remove from the mute-all allowlist".into(),
            Self::Add => "add as members".into(),
        }
    }
}

/// A bulk action waiting for confirmation.
pub struct Pending {
    pub action: BulkAction,
    pub users: Vec<String>,
    pub typed: String,
    pub reason: String,
    /// For kicks: what to remove with the membership.
    pub leave: LeaveOptions,
}

pub struct Job {
    pub label: String,
    pub started: Option<std::time::Instant>,
    pub action: BulkAction,
    pub reason: String,
    pub progress: Progress,
    pub report: Option<BulkReport>,
    pub cancel: tokio_util::sync::CancellationToken,
    /// Outcome table filter: `None` all, else "failed" or "skipped".
    pub show: Option<&'static str>,
}

#[derive(Default)]
pub struct MembersView {
    pub table: Option<MemberTable>,
    generation: usize,
    pub loading: bool,
    pub error: Option<String>,
    pub filter: String,
    pub sort: Option<(SortKey, bool)>,
    cache: CachedView,
    pub selected: HashSet<String>,
    anchor: Option<usize>,
    pub pending: Option<Pending>,
    pub group_pending: Option<GroupPending>,
    pub job: Option<Job>,
    pub leave_on_transfer: bool,
    pub export_scope: Option<ExportScope>,
    pub export_bom: bool,
    /// The mute-all allowlist as last read (members or not).
    pub allowlist: Option<Result<Vec<String>, String>>,
    /// A running export: rows written of the total.
    pub exporting: Option<(usize, usize)>,
    /// Columns left out of exports (by name).
    pub export_skip: HashSet<&'static str>,
    pub custom_minutes: String,
    /// Pasted or loaded list of user ids (or CSV) for import.
    pub import_text: String,
    /// The chosen CSV column, when the input has a header.
    pub import_column: Option<usize>,
    pub import_preview: Option<Result<crate::csv_io::ImportPreview, String>>,
    /// Editor for the one selected member: (user id, nickname, extra).
    pub editing: Option<(String, String, String)>,
    /// The keep/remove choices of the last confirmed kick.
    pub kick_options: LeaveOptions,
    /// Jobs waiting for the running one: (action, users, reason).
    pub queue: std::collections::VecDeque<(BulkAction, Vec<String>, String)>,
}

impl MembersView {
    pub fn set_table(&mut self, table: MemberTable) {
        self.table = Some(table);
        self.generation += 1;
        self.loading = false;
        self.error = None;
        let present: HashSet<&str> = self.table.as_ref().map(|t| t.rows().iter().map(|r| r.user_id.as_str()).collect()).unwrap_or_default();
        self.selected.retain(|u| present.contains(u.as_str()));
    }

    /// Row indices shown, after filter and sort (cached).
    pub fn visible(&mut self) -> Vec<u32> {
        let Some(table) = &self.table else { return Vec::new() };
        let (key, desc) = self.sort.unwrap_or((SortKey::JoinTime, false));
        self.cache.get(table, self.generation, &self.filter, key, desc).to_vec()
    }
}

impl GroupdeskApp {
    pub fn load_members(&mut self) {
        let (Some(client), Some(view)) = (self.client(), self.group.as_mut()) else { return };
        let hosted = view.detail.as_ref().is_some_and(|d| d.info.is_some());
        view.members.loading = true;
        let gid = view.group_id.clone();
        self.bridge.spawn(async move {
            let rows = crate::backend::rongcloud::neutral::members(&client, &crate::model::GroupDetail { group_id: gid.clone(), ..crate::ops::legacy_detail(hosted) }).await;
            // Sorting 100,000 rows six ways takes a while: never on the UI thread.
            let table = match rows {
                Ok(rows) => tokio::task::spawn_blocking(move || MemberTable::new(rows))
                    .await
                    .map_err(|e| crate::api::ApiError::invalid("", "members", e.to_string())),
                Err(e) => Err(e),
            };
            Msg::Members(gid, table)
        });
    }

    /// Asks for confirmation proportional to the blast radius, then runs the job.
    pub fn request_bulk(&mut self, action: BulkAction, users: Vec<String>) {
        let Some(view) = self.group.as_mut() else { return };
        if users.is_empty() {
            return;
        }
        view.members.pending = Some(Pending { action, users, typed: String::new(), reason: String::new(), leave: LeaveOptions::default() });
    }

    fn start_job(&mut self, action: BulkAction, users: Vec<String>, reason: String) {
        let (Some(client), Some(view)) = (self.client(), self.group.as_mut()) else { return };
        if view.members.job.as_ref().is_some_and(|j| j.report.is_none()) {
            // One job runs at a time per group; the rest wait their turn.
            view.members.queue.push_back((action, users, reason));
            return;
        }
        let gid = view.group_id.clone();
        let cancel = tokio_util::sync::CancellationToken::new();
        let label = format!("{} {} users in {gid}", action.label(), users.len());
        let leave = view.members.kick_options;
        view.members.job = Some(Job {
            label: label.clone(),
            started: Some(std::time::Instant::now()),
            action,
            reason: reason.clone(),
            progress: Progress { total: users.len(), ..Default::default() },
            report: None,
            cancel: cancel.clone(),
            show: None,
        });
        let (tx, ctx) = self.bridge.sender();
        let progress_gid = gid.clone();
        let ctl = Control {
            progress: Some(Arc::new(move |p: Progress| {
                let _ = tx.send(Msg::JobProgress(progress_gid.clone(), p));
                ctx.request_repaint();
            })),
            cancel,
        };
        self.bridge.spawn(async move {
            let report = match action {
                BulkAction::Mute(m) => client.mute_members(&gid, &users, m, &ctl).await,
                BulkAction::Unmute => client.unmute_members(&gid, &users, &ctl).await,
                BulkAction::Kick => client.kick_members(&gid, &users, leave, &ctl).await,
                BulkAction::AllowlistAdd => client.allowlist_add_users(&gid, &users, &ctl).await,
                BulkAction::AllowlistRemove => client.allowlist_remove_users(&gid, &users, &ctl).await,
                BulkAction::Add => client.add_members(&gid, &users, &ctl).await,
            };
            Msg::JobDone { group_id: gid, action: action.label(), reason, report }
        });
    }

    /// Writes members as CSV in the background (the UI thread never writes files).
    pub fn export_members(&mut self, path: &std::path::Path, scope: ExportScope, bom: bool) {
        let Some(view) = self.group.as_mut() else { return };
        let m = &mut view.members;
        let Some(table) = &m.table else { return };
        let rows: Vec<MemberRow> = match scope {
            ExportScope::All => table.rows().to_vec(),
            ExportScope::Shown => {
                let v = m.visible();
                let t = m.table.as_ref().expect("checked");
                v.iter().map(|i| t.rows()[*i as usize].clone()).collect()
            }
            ExportScope::Selected => table.rows().iter().filter(|r| m.selected.contains(&r.user_id)).cloned().collect(),
        };
        let columns: Vec<&'static str> = crate::csv_io::MEMBER_COLUMNS.into_iter().filter(|c| !m.export_skip.contains(c)).collect();
        m.exporting = Some((0, rows.len()));
        let path = path.to_path_buf();
        let (tx, ctx) = self.bridge.sender();
        let gid = view.group_id.clone();
        self.bridge.spawn(async move {
            let n = rows.len();
            let p = path.clone();
            let r = tokio::task::spawn_blocking(move || {
                let f = std::fs::File::create(&p)?;
                crate::csv_io::write_members_progress(std::io::BufWriter::new(f), &rows, &columns, bom, |done| {
                    let _ = tx.send(Msg::ExportProgress(gid.clone(), done, n));
                    ctx.request_repaint();
                })
            })
            .await
            .map_err(std::io::Error::other)
            .and_then(|r| r);
            Msg::Exported(path, n, r.map_err(|e| e.to_string()))
        });
    }

    /// Confirms a group-wide change: the group id typed, and a reason.
    pub(crate) fn group_confirm_ui(&mut self, ctx: &egui::Context) {
        let Some(view) = self.group.as_mut() else { return };
        let gid = view.group_id.clone();
        let Some(p) = view.members.group_pending.as_mut() else { return };
        let mut go = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("group_confirm")).show(ctx, |ui| {
            ui.heading(format!("{} in {gid}?", p.action.label()));
            let l = ui.label("Reason (recorded in the audit log)");
            ui.add(egui::TextEdit::singleline(&mut p.reason).hint_text("reason")).labelled_by(l.id);
            let l = ui.label(format!("Type the group id ({gid}) to confirm"));
            ui.add(egui::TextEdit::singleline(&mut p.typed).hint_text(gid.as_str())).labelled_by(l.id);
            let ok = !p.reason.trim().is_empty() && p.typed.trim() == gid;
            ui.horizontal(|ui| {
                go = ui.add_enabled(ok, egui::Button::new("Confirm")).clicked();
                cancel = ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
            });
        });
        if cancel {
            view.members.group_pending = None;
        } else if go {
            let p = view.members.group_pending.take().expect("open");
            let label = format!("{} — reason: {}", p.action.label(), p.reason.trim());
            match p.action {
                GroupAction::MuteAll(on) => self.change(&label, move |c, gid| async move {
                    if on { c.mute_all_on(&[&gid]).await } else { c.mute_all_off(&[&gid]).await }
                }),
                GroupAction::Transfer { new_owner, leave } => self.change(&label, move |c, gid| async move {
                    c.transfer_owner(&gid, &new_owner, leave.then(LeaveOptions::default)).await
                }),
            }
        }
    }

    /// Parses the pasted list and checks it against the loaded members (a dry run).
    pub fn preview_import(&mut self) {
        let Some(view) = self.group.as_mut() else { return };
        let m = &mut view.members;
        let members: HashSet<&str> = m.table.as_ref().map(|t| t.rows().iter().map(|r| r.user_id.as_str()).collect()).unwrap_or_default();
        let parsed = crate::csv_io::read_ids_column(&m.import_text, m.import_column);
        m.import_preview = Some(parsed.map(|list| crate::csv_io::preview_ids(&list.ids, |u| members.contains(u))));
    }

    fn import_ui(&mut self, ui: &mut egui::Ui) {
        let Some(view) = self.group.as_mut() else { return };
        let m = &mut view.members;
        let mut preview = false;
        let mut load = false;
        let mut action = None;
        egui::CollapsingHeader::new("Act on a pasted list or a file").show(ui, |ui| {
            let l = ui.label("User ids: one per line, or CSV with a header");
            ui.add(egui::TextEdit::multiline(&mut m.import_text).desired_rows(3).desired_width(f32::INFINITY).hint_text("user ids or CSV")).labelled_by(l.id);
            ui.horizontal(|ui| {
                load = ui.button("Load file…").clicked();
                if let Some(headers) = crate::csv_io::csv_headers(&m.import_text) {
                    egui::ComboBox::from_label("Column")
                        .selected_text(m.import_column.and_then(|c| headers.get(c).cloned()).unwrap_or_else(|| "userId (detected)".into()))
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut m.import_column, None, "userId (detected)");
                            for (i, h) in headers.iter().enumerate() {
                                ui.selectable_value(&mut m.import_column, Some(i), h);
                            }
                        });
                }
                preview = ui.button("Check list").clicked();
            });
            match &m.import_preview {
                Some(Ok(p)) => {
                    ui.label(format!(
                        "{} valid ids ({} not members of this group); {} duplicates and {} invalid ids will not be sent.",
                        p.valid.len(),
                        p.non_members.len(),
                        p.duplicates.len(),
                        p.invalid.len()
                    ));
                    for (id, why) in p.invalid.iter().take(5) {
                        ui.colored_label(Color32::RED, format!("{}: {why}", id.chars().take(20).collect::<String>()));
                    }
                    ui.horizontal(|ui| {
                        if ui.button("Add listed as members").clicked() {
                            action = Some(BulkAction::Add);
                        }
                        if ui.button("Mute listed for 1 h").clicked() {
                            action = Some(BulkAction::Mute(60));
                        }
                        if ui.button("Kick listed…").clicked() {
                            action = Some(BulkAction::Kick);
                        }
                        if ui.button("Allowlist listed").clicked() {
                            action = Some(BulkAction::AllowlistAdd);
                        }
                    });
                }
                Some(Err(e)) => {
                    ui.colored_label(Color32::RED, e);
                }
                None => {}
            }
        });
        let valid = match &m.import_preview {
            Some(Ok(p)) => p.valid.clone(),
            _ => Vec::new(),
        };
        if load {
            if let Some(path) = rfd::FileDialog::new().add_filter("CSV or text", &["csv", "txt"]).pick_file() {
                match std::fs::read_to_string(&path) {
                    Ok(t) => {
                        m.import_text = t;
                        m.import_column = None;
                        preview = true;
                    }
                    Err(e) => m.import_preview = Some(Err(format!("cannot read {}: {e}", path.display()))),
                }
            }
        }
        if preview {
            self.preview_import();
        }
        if let Some(a) = action {
            self.request_bulk(a, valid);
        }
    }

    /// Runs the last job again for its failed users only.
    pub fn retry_failed(&mut self) {
        let Some(job) = self.group.as_ref().and_then(|g| g.members.job.as_ref()) else { return };
        let Some(report) = &job.report else { return };
        let failed: Vec<String> = report
            .items
            .iter()
            .filter(|i| matches!(i.outcome, crate::api::bulk::Outcome::Failed { .. }))
            .map(|i| i.user_id.clone())
            .collect();
        if failed.is_empty() {
            return;
        }
        let (action, reason) = (job.action, format!("{} (retry of failed)", job.reason));
        self.start_job(action, failed, reason);
    }

    /// Writes the last job's per-user outcomes as CSV.
    pub fn export_outcomes(&mut self, path: &std::path::Path) {
        let Some(report) = self.group.as_ref().and_then(|g| g.members.job.as_ref()).and_then(|j| j.report.clone()) else { return };
        let result = std::fs::File::create(path).and_then(|f| crate::csv_io::write_report(std::io::BufWriter::new(f), &report, crate::backend::rongcloud::codes::explain));
        match result {
            Ok(()) => self.notify(Level::Info, format!("Outcomes written to {}", path.display())),
            Err(e) => self.notify(Level::Error, format!("Cannot write {}: {e}", path.display())),
        }
    }

    fn outcomes_ui(&mut self, ui: &mut egui::Ui) {
        let Some(job) = self.group.as_mut().and_then(|g| g.members.job.as_mut()) else { return };
        let Some(report) = job.report.clone() else { return };
        if report.all_done() {
            return;
        }
        let mut retry = false;
        let mut export = false;
        egui::CollapsingHeader::new("Outcomes of the last job").default_open(true).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.selectable_value(&mut job.show, None, "All");
                ui.selectable_value(&mut job.show, Some("failed"), "Failed");
                ui.selectable_value(&mut job.show, Some("skipped"), "Skipped");
                retry = ui.add_enabled(report.any_failed(), egui::Button::new("Retry failed")).clicked();
                export = ui.button("Export outcomes…").clicked();
            });
            egui::ScrollArea::vertical().id_salt("outcomes").max_height(160.0).show(ui, |ui| {
                egui::Grid::new("outcome_grid").striped(true).show(ui, |ui| {
                    for item in report.items.iter().filter(|i| job.show.is_none_or(|s| i.outcome.label() == s)) {
                        ui.label(&item.user_id);
                        ui.label(item.outcome.label());
                        ui.label(match &item.outcome {
                            crate::api::bulk::Outcome::Done => String::new(),
                            crate::api::bulk::Outcome::Failed { code, message, .. } => match code {
                                Some(c) => format!("{message} ({})", crate::backend::rongcloud::codes::explain(*c)),
                                None => message.clone(),
                            },
                            crate::api::bulk::Outcome::Skipped { reason } => reason.clone(),
                            crate::api::bulk::Outcome::Unknown { message, .. } => message.clone(),
                        });
                        ui.end_row();
                    }
                });
            });
        });
        if retry {
            self.retry_failed();
        }
        if export {
            if let Some(path) = rfd::FileDialog::new().set_file_name("outcomes.csv").save_file() {
                self.export_outcomes(&path);
            }
        }
    }

    pub(crate) fn members_ui(&mut self, ui: &mut egui::Ui) {
        let Some(view) = self.group.as_mut() else { return };
        let m = &mut view.members;
        if m.table.is_none() && !m.loading && m.error.is_none() {
            self.load_members();
            return;
        }
        let Some(view) = self.group.as_mut() else { return };
        let m = &mut view.members;
        if m.loading {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Loading members…");
            });
        }
        if let Some(e) = &m.error {
            ui.colored_label(Color32::RED, e);
        }
        let visible = m.visible();
        let total = m.table.as_ref().map_or(0, MemberTable::len);
        let mut action: Option<BulkAction> = None;
        let mut select_all = false;
        let mut clear = false;
        let mut reload = false;
        ui.horizontal(|ui| {
            let l = ui.label("Filter members");
            ui.add(egui::TextEdit::singleline(&mut m.filter).hint_text("id or nickname").desired_width(200.0)).labelled_by(l.id);
            ui.label(format!("{} of {total} shown · {} selected", visible.len(), m.selected.len()));
            select_all = ui.button("Select all shown").clicked();
            clear = ui.button("Clear selection").clicked();
            reload = ui.button("Reload members").clicked();
        });
        let busy = m.job.as_ref().is_some_and(|j| j.report.is_none());
        ui.horizontal(|ui| {
            ui.add_enabled_ui(!m.selected.is_empty(), |ui| {
                for (label, minutes) in [("Mute 10 min", 10), ("Mute 1 h", 60), ("Mute 1 day", 1440), ("Mute 30 days", 43_200), ("Mute permanently", 0)] {
                    if ui.button(label).clicked() {
                        action = Some(BulkAction::Mute(minutes));
                    }
                }
                let l = ui.label("Minutes");
                ui.add(egui::TextEdit::singleline(&mut m.custom_minutes).desired_width(60.0).hint_text("minutes")).labelled_by(l.id);
                let custom = m.custom_minutes.trim().parse::<u32>().ok().filter(|n| *n <= crate::api::limits::MUTE_MINUTES_MAX);
                if ui.add_enabled(custom.is_some(), egui::Button::new("Mute for minutes")).clicked() {
                    action = custom.map(BulkAction::Mute);
                }
                if ui.button("Unmute").clicked() {
                    action = Some(BulkAction::Unmute);
                }
                if ui.button(RichText::new("Kick…").color(Color32::RED)).clicked() {
                    action = Some(BulkAction::Kick);
                }
                if ui.button("Allowlist add").clicked() {
                    action = Some(BulkAction::AllowlistAdd);
                }
                if ui.button("Allowlist remove").clicked() {
                    action = Some(BulkAction::AllowlistRemove);
                }
            });
        });
        if !m.custom_minutes.trim().is_empty() && m.custom_minutes.trim().parse::<u32>().ok().is_none_or(|n| n > crate::api::limits::MUTE_MINUTES_MAX) {
            ui.colored_label(Color32::RED, format!("Minutes: a whole number from 0 (permanent) to {}", crate::api::limits::MUTE_MINUTES_MAX));
        }
        let muted_all = view.detail.as_ref().is_some_and(|d| d.muted_all);
        let hosted = view.detail.as_ref().is_some_and(|d| d.info.is_some());
        let allowlisted = m.table.as_ref().map_or(0, |t| t.rows().iter().filter(|r| r.allowlisted).count());
        let mut group_action = None;
        let mut export = None;
        let mut show_allowlist = false;
        ui.horizontal(|ui| {
            ui.label(format!("Mute-all is {} · {allowlisted} allowlisted members", if muted_all { "ON" } else { "off" }));
            if ui.button("Show allowlist").clicked() {
                show_allowlist = true;
            }
            if ui.button(if muted_all { "Turn mute-all off…" } else { "Turn mute-all on…" }).clicked() {
                group_action = Some(GroupAction::MuteAll(!muted_all));
            }
            ui.separator();
            let single = (m.selected.len() == 1).then(|| m.selected.iter().next().cloned()).flatten();
            ui.checkbox(&mut m.leave_on_transfer, "old owner leaves");
            if ui.add_enabled(hosted && single.is_some(), egui::Button::new("Make selected the owner…")).clicked() {
                group_action = single.map(|u| GroupAction::Transfer { new_owner: u, leave: m.leave_on_transfer });
            }
            ui.separator();
            egui::ComboBox::from_label("Export")
                .selected_text(match m.export_scope.unwrap_or(ExportScope::All) {
                    ExportScope::All => "all members",
                    ExportScope::Shown => "shown members",
                    ExportScope::Selected => "selected members",
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut m.export_scope, Some(ExportScope::All), "all members");
                    ui.selectable_value(&mut m.export_scope, Some(ExportScope::Shown), "shown members");
                    ui.selectable_value(&mut m.export_scope, Some(ExportScope::Selected), "selected members");
                });
            ui.checkbox(&mut m.export_bom, "BOM for Excel");
            ui.menu_button("Columns", |ui| {
                for c in crate::csv_io::MEMBER_COLUMNS {
                    let mut on = !m.export_skip.contains(c);
                    if ui.checkbox(&mut on, c).changed() {
                        if on { m.export_skip.remove(c) } else { m.export_skip.insert(c) };
                    }
                }
            });
            if ui.button("Export CSV…").clicked() {
                export = Some((m.export_scope.unwrap_or(ExportScope::All), m.export_bom));
            }
        });
        if let Some(a) = group_action {
            m.group_pending = Some(GroupPending { action: a, typed: String::new(), reason: String::new() });
        }
        match &m.allowlist {
            Some(Ok(ids)) => {
                ui.label(format!("Allowlist ({}): {}", ids.len(), if ids.is_empty() { "empty".to_owned() } else { ids.join(", ") }));
            }
            Some(Err(e)) => {
                ui.colored_label(Color32::RED, e);
            }
            None => {}
        }
        if show_allowlist {
            let gid = view.group_id.clone();
            if let Some(client) = self.client() {
                self.bridge.spawn(async move { Msg::Allowlist(gid.clone(), client.allowlist(&gid).await) });
            }
            return;
        }
        // Admins (at most 10 per group) and the selected member's nickname and extra.
        let mut admin_change: Option<(bool, Vec<String>)> = None;
        let mut member_save: Option<(String, String, String)> = None;
        if hosted {
            ui.horizontal(|ui| {
                let n = m.selected.len();
                let ok = (1..=crate::api::limits::ADMINS_MAX).contains(&n) && !busy;
                let mut sel: Vec<String> = m.selected.iter().cloned().collect();
                sel.sort();
                if ui.add_enabled(ok, egui::Button::new("Make admin")).on_disabled_hover_text("select 1 to 10 members").clicked() {
                    admin_change = Some((true, sel.clone()));
                }
                if ui.add_enabled(ok, egui::Button::new("Remove admin")).clicked() {
                    admin_change = Some((false, sel));
                }
                if n == 1 {
                    let u = m.selected.iter().next().cloned().unwrap_or_default();
                    if m.editing.as_ref().is_none_or(|(id, _, _)| *id != u) {
                        let row = m.table.as_ref().and_then(|t| t.rows().iter().find(|r| r.user_id == u));
                        m.editing = Some((u.clone(), row.map(|r| r.nickname.clone()).unwrap_or_default(), row.map(|r| r.extra.clone()).unwrap_or_default()));
                    }
                } else {
                    m.editing = None;
                }
            });
            if let Some((u, nick, extra)) = m.editing.as_mut() {
                ui.horizontal(|ui| {
                    ui.label(format!("Member {u}:"));
                    let l = ui.label("Nickname");
                    ui.add(egui::TextEdit::singleline(nick).desired_width(160.0).hint_text("nickname")).labelled_by(l.id);
                    let l = ui.label("Extra");
                    ui.add(egui::TextEdit::singleline(extra).desired_width(160.0).hint_text("extra")).labelled_by(l.id);
                    let nick_ok = !nick.trim().is_empty() && nick.chars().count() <= crate::api::limits::NICKNAME_MAX;
                    let extra_ok = extra.chars().count() <= crate::api::limits::EXTRA_MAX;
                    if ui.add_enabled(nick_ok && extra_ok, egui::Button::new("Save member")).clicked() {
                        member_save = Some((u.clone(), nick.trim().to_owned(), extra.clone()));
                    }
                    if !nick_ok {
                        ui.colored_label(Color32::RED, format!("Nickname: 1 to {} characters", crate::api::limits::NICKNAME_MAX));
                    }
                    if !extra_ok {
                        ui.colored_label(Color32::RED, format!("Extra: at most {} characters", crate::api::limits::EXTRA_MAX));
                    }
                });
            }
        }
        if let Some((add, users)) = admin_change {
            let label = format!("{} {}", if add { "make admin:" } else { "remove admin:" }, users.join(", "));
            self.change(&label, move |c, gid| async move {
                if add {
                    let outsiders = c.add_admins(&gid, &users).await?;
                    if !outsiders.is_empty() {
                        return Err(crate::api::ApiError::invalid("", "userIds", format!("not members: {}", outsiders.join(", "))));
                    }
                    Ok(())
                } else {
                    c.remove_admins(&gid, &users).await
                }
            });
            return;
        }
        if let Some((u, nick, extra)) = member_save {
            self.change(&format!("set nickname/extra of {u}"), move |c, gid| async move { c.set_member(&gid, &u, &nick, Some(&extra)).await });
            return;
        }
        let Some(view) = self.group.as_mut() else { return };
        let m = &mut view.members;
        if let Some((done, total)) = m.exporting {
            ui.horizontal(|ui| {
                let frac = if total == 0 { 1.0 } else { done as f32 / total as f32 };
                ui.add(egui::ProgressBar::new(frac).desired_width(240.0).text(format!("export {done}/{total}")));
            });
        }
        if let Some(job) = &m.job {
            ui.horizontal(|ui| {
                let p = job.progress;
                let frac = if p.total == 0 { 1.0 } else { p.finished as f32 / p.total as f32 };
                ui.add(egui::ProgressBar::new(frac).desired_width(240.0).text(format!("{}/{}", p.finished, p.total)));
                match &job.report {
                    None => {
                        ui.label(&job.label);
                        if let (Some(t), true) = (job.started, p.finished > 0 && p.finished < p.total) {
                            let per = t.elapsed().as_secs_f64() / p.finished as f64;
                            ui.label(format!("about {:.0} s left", per * (p.total - p.finished) as f64));
                        }
                        if ui.button("Cancel job").clicked() {
                            job.cancel.cancel();
                        }
                        if !m.queue.is_empty() {
                            ui.label(format!("{} more job(s) queued", m.queue.len()));
                        }
                    }
                    Some(r) => {
                        ui.label(format!("{}: {} done, {} failed, {} skipped", job.label, r.count("done"), r.count("failed"), r.count("skipped")));
                    }
                }
            });
        }
        if let Some((scope, bom)) = export {
            let name = format!("{}-members.csv", view.group_id);
            if let Some(path) = rfd::FileDialog::new().set_file_name(name).save_file() {
                self.export_members(&path, scope, bom);
            }
            return;
        }
        self.import_ui(ui);
        let Some(view) = self.group.as_mut() else { return };
        let m = &mut view.members;
        let show_outcomes = m.job.as_ref().is_some_and(|j| j.report.is_some());
        if show_outcomes {
            self.outcomes_ui(ui);
        }
        let Some(view) = self.group.as_mut() else { return };
        let m = &mut view.members;
        if select_all {
            if let Some(t) = &m.table {
                m.selected.extend(visible.iter().map(|i| t.rows()[*i as usize].user_id.clone()));
            }
        }
        if clear {
            m.selected.clear();
        }
        let sort = m.sort;
        let mut new_sort = None;
        let mut clicked: Option<(usize, egui::Modifiers)> = None;
        if let Some(table) = &m.table {
            let row_h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
            TableBuilder::new(ui)
                .id_salt("members_table")
                .striped(true)
                .resizable(true)
                .sense(egui::Sense::click())
                .column(Column::initial(140.0).at_least(60.0).clip(true))
                .column(Column::initial(180.0).at_least(60.0).clip(true))
                .column(Column::initial(70.0))
                .column(Column::initial(150.0))
                .column(Column::initial(100.0).clip(true))
                .column(Column::initial(150.0))
                .column(Column::remainder())
                .header(row_h, |mut h| {
                    for (key, title) in [
                        (SortKey::UserId, "User"),
                        (SortKey::Nickname, "Nickname"),
                        (SortKey::Role, "Role"),
                        (SortKey::JoinTime, "Joined (UTC)"),
                        (SortKey::UserId, "Extra"),
                        (SortKey::MutedUntil, "Muted until"),
                        (SortKey::Allowlisted, "Allowlisted"),
                    ] {
                        h.col(|ui| {
                            let arrow = match sort {
                                Some((k, desc)) if k == key && title != "Extra" => if desc { " v" } else { " ^" },
                                _ => "",
                            };
                            if title != "Extra" && ui.button(format!("{title}{arrow}")).clicked() {
                                new_sort = Some(match sort {
                                    Some((k, d)) if k == key => (key, !d),
                                    _ => (key, false),
                                });
                            } else if title == "Extra" {
                                ui.strong(title);
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_h, visible.len(), |mut row| {
                        let pos = row.index();
                        let r = &table.rows()[visible[pos] as usize];
                        let is_selected = m.selected.contains(&r.user_id);
                        row.set_selected(is_selected);
                        row.col(|ui| {
                            // The id cell is a real (accessible, keyboard-reachable) toggle.
                            let resp = ui.add(egui::Button::selectable(is_selected, &r.user_id).frame(false));
                            if resp.clicked() {
                                clicked = Some((pos, resp.ctx.input(|i| i.modifiers)));
                            }
                        });
                        row.col(|ui| {
                            ui.label(&r.nickname);
                        });
                        row.col(|ui| {
                            ui.label(r.role.map(|x| x.label()).unwrap_or("member"));
                        });
                        row.col(|ui| {
                            ui.label(crate::csv_io::format_ms(r.join_time_ms));
                        });
                        row.col(|ui| {
                            ui.label(&r.extra);
                        });
                        row.col(|ui| {
                            ui.label(r.muted_until.as_deref().unwrap_or(""));
                        });
                        row.col(|ui| {
                            ui.label(if r.allowlisted { "yes" } else { "" });
                        });
                        let resp = row.response();
                        if resp.clicked() {
                            clicked = Some((pos, resp.ctx.input(|i| i.modifiers)));
                        }
                    });
                });
        }
        if let Some(s) = new_sort {
            m.sort = Some(s);
        }
        if let (Some((pos, mods)), Some(table)) = (clicked, &m.table) {
            let id = |p: usize| table.rows()[visible[p] as usize].user_id.clone();
            if mods.shift {
                let a = m.anchor.unwrap_or(pos);
                let (lo, hi) = (a.min(pos), a.max(pos));
                for p in lo..=hi {
                    m.selected.insert(id(p));
                }
            } else if mods.command || mods.ctrl {
                let u = id(pos);
                if !m.selected.remove(&u) {
                    m.selected.insert(u);
                }
                m.anchor = Some(pos);
            } else {
                m.selected.clear();
                m.selected.insert(id(pos));
                m.anchor = Some(pos);
            }
        }
        if reload {
            self.load_members();
        }
        if let Some(a) = action {
            let users: Vec<String> = self.group.as_ref().map(|g| {
                let mut u: Vec<String> = g.members.selected.iter().cloned().collect();
                u.sort();
                u
            }).unwrap_or_default();
            self.request_bulk(a, users);
        }
    }

    /// The confirmation of a bulk action: a single click for a few users; the count typed for
    /// kicking or muting more than 20. Every one asks for a reason.
    pub(crate) fn bulk_confirm_ui(&mut self, ctx: &egui::Context) {
        let Some(view) = self.group.as_mut() else { return };
        let Some(p) = view.members.pending.as_mut() else { return };
        let n = p.users.len();
        let typed_needed = n > TYPED_CONFIRM_OVER && matches!(p.action, BulkAction::Kick | BulkAction::Mute(_));
        let mut go = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("bulk_confirm")).show(ctx, |ui| {
            ui.heading(format!("{} {n} user(s)?", p.action.label()));
            let sample: Vec<&str> = p.users.iter().take(5).map(String::as_str).collect();
            ui.label(format!("{}{}", sample.join(", "), if n > 5 { format!(" and {} more", n - 5) } else { String::new() }));
            let l = ui.label("Reason (recorded in the audit log)");
            ui.add(egui::TextEdit::singleline(&mut p.reason).hint_text("reason")).labelled_by(l.id);
            if p.action == BulkAction::Kick {
                ui.checkbox(&mut p.leave.remove_mute, "also remove their mute in this group");
                ui.checkbox(&mut p.leave.remove_allowlist, "also remove them from the mute-all allowlist");
                ui.checkbox(&mut p.leave.remove_follows, "also remove the members they follow");
            }
            if typed_needed {
                let l = ui.label(format!("Type {n} to confirm"));
                ui.add(egui::TextEdit::singleline(&mut p.typed).hint_text(n.to_string())).labelled_by(l.id);
            }
            let ok = !p.reason.trim().is_empty() && (!typed_needed || p.typed.trim() == n.to_string());
            ui.horizontal(|ui| {
                go = ui.add_enabled(ok, egui::Button::new("Confirm")).clicked();
                cancel = ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
            });
        });
        if cancel {
            view.members.pending = None;
        } else if go {
            let p = view.members.pending.take().expect("open");
            view.members.kick_options = p.leave;
            self.start_job(p.action, p.users, p.reason.trim().to_owned());
        }
    }

    pub(crate) fn job_done(&mut self, group_id: String, action: String, reason: String, report: BulkReport) {
        let mut entry = self.audit_entry(&action, &group_id).with_report(&report);
        entry.reason = Some(reason);
        if let Err(e) = self.options_audit().append(&entry) {
            self.notify(Level::Error, format!("The audit log could not be written: {e}"));
        }
        self.audit_view.loaded = false;
        self.notify(
            if report.any_failed() { Level::Error } else { Level::Info },
            format!("{action} in {group_id}: {} done, {} failed, {} skipped", report.count("done"), report.count("failed"), report.count("skipped")),
        );
        if let Some(v) = self.group.as_mut().filter(|g| g.group_id == group_id) {
            if let Some(job) = v.members.job.as_mut() {
                job.progress.finished = report.items.len();
                job.report = Some(report);
            }
        }
        let next = self.group.as_mut().and_then(|v| v.members.queue.pop_front());
        match next {
            Some((action, users, reason)) => self.start_job(action, users, reason),
            None => self.load_members(),
        }
    }
}
