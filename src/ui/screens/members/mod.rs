//! The members tab of a group: a virtualised table with sortable columns, a filter matching id
//! and nickname as you type, multi-select (click, ctrl-click, shift-click, select all filtered),
//! and bulk actions that run as jobs on the client's chunked calls with progress and a per-user
//! outcome summary. The tab reads the members when first shown and after every change, page by
//! page (`stream.rs`): the table is usable from the first page on. What the group's type cannot
//! do is disabled with the reason; Tencent groups get their own columns and member fields
//! (`tencent.rs`), an AVChatRoom an explanation instead of a table.

mod confirm;
mod editor;
mod import;
mod jobs;
mod stream;
mod table;
mod tencent;
mod toolbar;

use std::collections::HashSet;
use std::path::PathBuf;

use poll_promise::Promise;

use crate::model::ApiError;
use crate::ops::csv::MemberRow;
use crate::model::table::{CachedView, MemberTable, SortKey};
use crate::ui::command::{Command, FileDialog, Pending, pending, take_ready};

use crate::tr;
use crate::ui::event::Event;
use crate::ui::widgets;

pub use confirm::{BulkConfirm, GroupConfirm, Skip, TYPED_CONFIRM_OVER, predicted_skips};
pub use import::ImportList;
pub use jobs::{Job, Jobs};
pub use stream::Stream;
pub use toolbar::{ExportOptions, ExportScope, MUTE_CHOICES, TENCENT_MUTE_SECONDS, missing_reason, mute_choice_label};

/// What the members tab needs to know of its group.
pub struct MembersInfo<'a> {
    pub group_id: &'a str,
    pub hosted: bool,
    pub muted_all: bool,
    pub service: crate::model::Service,
    /// The owner of a hosted group (skipped by mutes and kicks).
    pub owner: Option<&'a str>,
    /// The group: its capabilities decide which actions are offered (disabled with the reason).
    pub detail: &'a crate::model::GroupDetail,
}

#[derive(Default)]
pub struct MembersScreen {
    pub table: Option<MemberTable>,
    generation: usize,
    /// The members being read page by page (cancelled when dropped: leaving the group).
    pub stream: Option<Stream>,
    /// How long the last read took to its first page and to its end.
    pub load_times: Option<(std::time::Duration, Option<std::time::Duration>)>,
    pub error: Option<ApiError>,
    pub filter: String,
    pub sort: Option<(SortKey, bool)>,
    cache: CachedView,
    pub selected: HashSet<String>,
    anchor: Option<usize>,
    /// A bulk action waiting for confirmation.
    pub pending: Option<BulkConfirm>,
    /// A group-wide change waiting for confirmation.
    pub group_pending: Option<GroupConfirm>,
    pub jobs: Jobs,
    pub export: ExportOptions,
    export_to: Option<Promise<Option<PathBuf>>>,
    /// A running export: rows written of the total.
    pub exporting: Option<(usize, usize)>,
    /// The mute-all allowlist as last read (members or not).
    pub allowlist: Option<Pending<Vec<String>>>,
    pub custom_minutes: String,
    pub import: ImportList,
    /// The one selected member being edited: (user id, nickname, extra).
    pub editing: editor::Editing,
    /// Tencent: the edited member's custom fields, by key.
    pub custom_edit: tencent::CustomEdit,
    /// Tencent: the custom seconds of the Mute menu.
    pub custom_seconds: String,
    /// The service of the group (its export columns), once shown.
    pub service: Option<crate::model::Service>,
}

impl MembersScreen {
    pub fn set_table(&mut self, table: MemberTable) {
        let present: HashSet<&str> = table.rows().iter().map(|r| r.user_id.as_str()).collect();
        self.selected.retain(|u| present.contains(u.as_str()));
        self.table = Some(table);
        self.generation += 1;
        self.error = None;
    }

    /// The members are being read.
    pub fn loading(&self) -> bool {
        self.stream.is_some()
    }

    /// The group changed: read the members again when the tab is next shown.
    pub fn invalidate(&mut self) {
        self.table = None;
        self.stream = None;
    }

    /// Row indices shown, after filter and sort (cached).
    pub fn visible(&mut self) -> Vec<u32> {
        let Some(table) = &self.table else { return Vec::new() };
        let (key, desc) = self.sort.unwrap_or((SortKey::JoinTime, false));
        self.cache.get(table, self.generation, &self.filter, key, desc).to_vec()
    }

    fn load(&mut self, group_id: &str, _hosted: bool, cmds: &mut Vec<Command>) {
        let (stream, cmd) = Stream::start(group_id);
        self.stream = Some(stream);
        self.error = None;
        cmds.push(cmd);
    }

    /// A page arrived: the first makes the table (usable at once), the others are merged in.
    fn page(&mut self, load: u64, rows: Vec<crate::model::Member>, total: usize) {
        let Some(stream) = self.stream.as_mut().filter(|s| s.load == load) else { return };
        stream.page(rows.len(), total);
        let (pages, elapsed) = (stream.pages, stream.started.elapsed());
        if pages == 1 {
            self.load_times = Some((elapsed, None));
        }
        match self.table.as_mut().filter(|_| pages > 1) {
            Some(t) => {
                t.append(rows);
            }
            // The first page of a read replaces what an earlier read left.
            None => {
                self.table = Some(MemberTable::new(rows));
                self.generation += 1;
            }
        }
    }

    /// The read ended: the selection keeps only members that are there.
    fn loaded(&mut self, load: u64, result: &Result<(), ApiError>) {
        if self.stream.as_ref().is_none_or(|s| s.load != load) {
            return;
        }
        let stream = self.stream.take();
        if let (Some((first, None)), Some(s)) = (self.load_times, &stream) {
            self.load_times = Some((first, Some(s.started.elapsed())));
        }
        match result {
            Ok(()) => {
                // No page at all: no members (an earlier read's rows go too).
                let table = if stream.as_ref().is_some_and(|s| s.pages == 0) { MemberTable::default() } else { self.table.take().unwrap_or_default() };
                self.set_table(table);
            }
            Err(e) => self.error = Some(e.clone()),
        }
    }

    /// Writes members as CSV to `path` (in the background; progress arrives as events).
    pub fn export_to(&mut self, group_id: &str, path: PathBuf, scope: ExportScope, bom: bool) -> Option<Command> {
        let table = self.table.as_ref()?;
        let rows: Vec<MemberRow> = match scope {
            ExportScope::All => table.rows().to_vec(),
            ExportScope::Selected => table.rows().iter().filter(|r| self.selected.contains(&r.user_id)).cloned().collect(),
            ExportScope::Shown => {
                let visible = self.visible();
                let t = self.table.as_ref()?;
                visible.iter().map(|i| t.rows()[*i as usize].clone()).collect()
            }
        };
        let service = self.service.unwrap_or(crate::model::Service::RongCloud);
        let columns: Vec<&'static str> = crate::ops::csv::member_columns(service).iter().copied().filter(|c| !self.export.skip.contains(c)).collect();
        self.exporting = Some((0, rows.len()));
        Some(Command::ExportMembers { group_id: group_id.to_owned(), path, rows, columns, bom })
    }

    /// Takes finished reads and dialogs (every frame, shown or not).
    pub fn poll(&mut self, group_id: &str, cmds: &mut Vec<Command>) {
        if let Some(Some(path)) = take_ready(&mut self.export_to) {
            let (scope, bom) = (self.export.scope.unwrap_or(ExportScope::All), self.export.bom);
            cmds.extend(self.export_to(group_id, path, scope, bom));
        }
        self.import.poll(self.table.as_ref(), cmds);
        self.jobs.poll(cmds);
    }

    /// Progress and ends of this group's jobs and exports.
    pub fn on_event(&mut self, event: &Event, hosted: bool, cmds: &mut Vec<Command>) {
        match event {
            Event::JobProgress { progress, .. } => self.jobs.progress(*progress),
            Event::MemberPage { load, rows, total, .. } => self.page(*load, rows.clone(), *total),
            Event::MembersLoaded { load, result, .. } => self.loaded(*load, result),
            Event::JobDone { group_id, report, .. } => {
                if self.jobs.done(group_id, report, cmds) {
                    self.load(group_id, hosted, cmds);
                }
            }
            Event::ExportProgress { done, total, .. } => self.exporting = (done < total).then_some((*done, *total)),
            Event::Exported { .. } => self.exporting = None,
            _ => {}
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, info: &MembersInfo, cmds: &mut Vec<Command>) {
        let caps = &info.detail.caps;
        self.service = Some(info.service);
        self.import.service = Some(info.service);
        if !caps.member_list {
            // AVChatRoom: nothing to list; the actions say why they are unavailable.
            widgets::problem_ui(ui, tr!("members-no-list"));
            let mut none = String::new();
            toolbar::bulk_row_ui(ui, false, caps, &mut none, &mut self.custom_seconds);
            return;
        }
        if self.table.is_none() && self.stream.is_none() && self.error.is_none() {
            self.load(info.group_id, info.hosted, cmds);
        }
        if let Some(e) = &self.error {
            widgets::error_ui(ui, e);
        }
        let visible = self.visible();
        let total = self.table.as_ref().map_or(0, MemberTable::len);
        let clicks = toolbar::filter_row_ui(ui, &mut self.filter, visible.len(), total, self.selected.len());
        let mut action = toolbar::bulk_row_ui(ui, !self.selected.is_empty(), caps, &mut self.custom_minutes, &mut self.custom_seconds).map(|a| (a, self.selected_sorted()));
        self.group_row_ui(ui, info, cmds);
        toolbar::allowlist_ui(ui, self.allowlist.as_ref());
        if let Some((done, total)) = self.exporting {
            let frac = if total == 0 { 1.0 } else { done as f32 / total as f32 };
            ui.add(egui::ProgressBar::new(frac).desired_width(240.0).text(tr!("export-progress", done = done, total = total)));
        }
        if let Some(s) = &mut self.stream {
            s.progress_ui(ui);
        }
        self.jobs.progress_ui(ui);
        action = self.import.ui(ui, self.table.as_ref(), cmds).or(action);
        self.jobs.outcomes_ui(ui, info.group_id, info.service, cmds);
        if clicks.select_all {
            self.select(&visible);
        }
        if clicks.clear {
            self.selected.clear();
        }
        if clicks.reload {
            self.load(info.group_id, info.hosted, cmds);
        }
        // The selection's side panel has a fixed place: selecting never moves the rows.
        let editor_info = editor::EditorInfo { selected: &self.selected, table: self.table.as_ref(), hosted: info.hosted, job_running: self.jobs.running(), detail: info.detail };
        let change = egui::Panel::right("member_editor")
            .resizable(true)
            .default_size((ui.available_width() * 0.3).clamp(160.0, 240.0))
            .min_size(140.0)
            .show(ui, |ui| editor::editor_ui(ui, &editor_info, &mut self.editing, &mut self.custom_edit))
            .inner;
        match change {
            Some(editor::MemberChange::Group(a)) => self.group_pending = Some(GroupConfirm::new(a)),
            Some(c) => cmds.extend(member_command(info.group_id, c)),
            None => {}
        }
        let tencent = info.detail.tencent();
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            if self.stream.is_some() && self.table.is_none() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr!("members-loading"));
                });
            }
            self.table_ui(ui, &visible, tencent);
        });
        if let Some((a, users)) = action.filter(|(_, users)| !users.is_empty()) {
            let skips = predicted_skips(a, &users, self.table.as_ref(), info.owner);
            let mut confirm = BulkConfirm::new(a, users).with_skips(skips);
            confirm.leave_choices = info.service == crate::model::Service::RongCloud;
            self.pending = Some(confirm);
        }
    }

    fn selected_sorted(&self) -> Vec<String> {
        let mut users: Vec<String> = self.selected.iter().cloned().collect();
        users.sort();
        users
    }

    fn select(&mut self, visible: &[u32]) {
        if let Some(t) = &self.table {
            self.selected.extend(visible.iter().map(|i| t.rows()[*i as usize].user_id.clone()));
        }
    }

    fn group_row_ui(&mut self, ui: &mut egui::Ui, info: &MembersInfo, cmds: &mut Vec<Command>) {
        let clicks = toolbar::group_row_ui(ui, info.muted_all, &info.detail.caps, info.service, self.table.as_ref(), &mut self.export);
        if let Some(a) = clicks.action {
            self.group_pending = Some(GroupConfirm::new(a));
        }
        if clicks.show_allowlist {
            let (reply, promise) = pending();
            self.allowlist = Some(promise);
            cmds.push(Command::ShowAllowlist { group_id: info.group_id.to_owned(), reply });
        }
        if clicks.export {
            let (reply, promise) = Promise::new();
            self.export_to = Some(promise);
            cmds.push(Command::ChooseFile { dialog: FileDialog::Save { file_name: format!("{}-members.csv", info.group_id) }, reply });
        }
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, visible: &[u32], tencent: Option<&crate::model::tencent::TcGroup>) {
        let Some(t) = &self.table else { return };
        let input = table::table_ui(ui, t, visible, &self.selected, self.sort, tencent);
        let ids = |p: usize| t.rows()[visible[p] as usize].user_id.clone();
        if let Some((pos, mods)) = input.clicked {
            table::apply_click(&mut self.selected, &mut self.anchor, ids, pos, mods);
        } else if let Some(pos) = input.toggled {
            table::toggle(&mut self.selected, &mut self.anchor, ids, pos);
        }
        if let Some(s) = input.new_sort {
            self.sort = Some(s);
        }
    }

    /// The confirmation dialogs, when open.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, group_id: &str, cmds: &mut Vec<Command>) {
        if let Some(p) = confirm::bulk_confirm_ui(&mut self.pending, ctx) {
            self.jobs.kick_options = p.leave;
            self.jobs.start(group_id, p.action, p.users, p.reason.trim().to_owned(), cmds);
        }
        if let Some(p) = confirm::group_confirm_ui(&mut self.group_pending, ctx, group_id) {
            cmds.push(Command::GroupChange { group_id: group_id.to_owned(), action: p.action, reason: p.reason.trim().to_owned() });
        }
    }
}

fn member_command(group_id: &str, change: editor::MemberChange) -> Option<Command> {
    let group_id = group_id.to_owned();
    match change {
        editor::MemberChange::Admins { add, users } => Some(Command::SetAdmins { group_id, add, users }),
        editor::MemberChange::Save { user, nickname, extra } => Some(Command::SaveMember { group_id, user, nickname, extra }),
        editor::MemberChange::SaveTencent { user, name_card, custom } => Some(Command::SaveTencentMember { group_id, user, name_card, custom }),
        editor::MemberChange::Group(_) => None,
    }
}
