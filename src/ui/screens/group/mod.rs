//! The group screen: the open group's page with its Profile and Members tabs. The page owns its
//! state, asks for the group's detail through a promise, and is told by the shell how changes to
//! the group ended (then reads the group back to confirm them).

mod dialogs;
mod form;
mod perm_groups;
mod profile;
mod tc_form;
mod tencent;

use egui::RichText;

use crate::model::ApiError;
use crate::ops::extkeys::Registry;
use crate::ui::command::{Command, Pending, pending, take_ready};
use crate::ui::event::{Event, GroupDetail};
use crate::tr;
use crate::ui::deeplink::Tab;
use crate::ui::screens::members::{MembersInfo, MembersScreen};
use crate::ui::{display, theme, widgets};

pub use dialogs::DismissDialog;
pub use form::ProfileForm;
pub use perm_groups::{PermGroupsTab, PgEdit};
pub use profile::ProfileEditor;
pub use tc_form::TcForm;
pub use tencent::TcEditor;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailTab {
    Profile,
    Members,
    /// Community permission groups (Tencent).
    Permissions,
}

/// One open group.
pub struct GroupPage {
    pub group_id: String,
    pub detail: Option<GroupDetail>,
    loading: Option<Pending<GroupDetail>>,
    /// A change is running.
    pub busy: bool,
    pub error: Option<ApiError>,
    pub tab: DetailTab,
    pub profile: ProfileEditor,
    pub members: MembersScreen,
    /// The profile tab of a Tencent group.
    pub tc: TcEditor,
    pub perms: PermGroupsTab,
}

impl GroupPage {
    fn new(group_id: &str) -> Self {
        Self {
            group_id: group_id.to_owned(),
            detail: None,
            loading: None,
            busy: true,
            error: None,
            tab: DetailTab::Profile,
            profile: ProfileEditor::default(),
            members: MembersScreen::default(),
            tc: TcEditor::default(),
            perms: PermGroupsTab::default(),
        }
    }

    /// The editable profile.
    pub fn form(&self) -> &ProfileForm {
        &self.profile.form
    }

    /// What the server confirmed after the last change.
    pub fn confirmed(&self) -> Option<&str> {
        if self.is_tencent() { self.tc.confirmed.as_deref() } else { self.profile.confirmed.as_deref() }
    }

    /// A Tencent group (its profile tab is the Tencent one).
    pub fn is_tencent(&self) -> bool {
        self.detail.as_ref().is_some_and(|d| d.tencent().is_some())
    }

    /// The portrait preview: its URL and, once loaded, the image bytes or why not.
    pub fn portrait(&self) -> Option<(&str, Option<&Result<std::sync::Arc<[u8]>, ApiError>>)> {
        self.profile.portrait.as_ref().map(|(url, image)| (url.as_str(), image.ready()))
    }

    pub fn hosted(&self) -> bool {
        self.detail.as_ref().is_some_and(|d| !d.is_legacy())
    }

    /// Reads the group from the server.
    fn load(&mut self, cmds: &mut Vec<Command>) {
        let (reply, promise) = pending();
        self.loading = Some(promise);
        cmds.push(Command::LoadGroup { group_id: self.group_id.clone(), reply });
    }

    fn poll(&mut self, registry: &Registry, cmds: &mut Vec<Command>) {
        match take_ready(&mut self.loading) {
            Some(Ok(detail)) => {
                if detail.tencent().is_some() {
                    self.tc.loaded(&detail, cmds);
                } else {
                    self.profile.loaded(&detail, registry);
                }
                self.detail = Some(detail);
                self.busy = false;
                self.error = None;
            }
            Some(Err(e)) => {
                cmds.push(Command::error(&tr!("note-open-failed", group = self.group_id.as_str()), &e));
                self.error = Some(e);
                self.busy = false;
            }
            None => {}
        }
        self.tc.poll(self.detail.as_ref());
        self.perms.poll(&self.group_id, cmds);
        self.members.poll(&self.group_id, cmds);
    }

    fn on_event(&mut self, event: &Event, cmds: &mut Vec<Command>) {
        match event {
            Event::Changed { action, result: Ok(()), .. } => {
                if self.is_tencent() {
                    self.tc.changed(&self.group_id, action, cmds);
                } else {
                    self.profile.confirm_pending = Some(action.clone());
                }
                self.members.invalidate();
                self.load(cmds);
            }
            Event::Changed { result: Err(e), .. } => {
                self.tc.failed();
                self.busy = false;
                self.error = Some(e.clone());
            }
            Event::Dismissed { result: Err(_), .. } => self.busy = false,
            _ => {
                let hosted = self.hosted();
                self.members.on_event(event, hosted, cmds);
            }
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, registry: &Registry, cmds: &mut Vec<Command>) {
        let Some(detail) = &self.detail else { return self.loading_ui(ui) };
        // The header stays on both tabs: which group this is, and its size.
        self.header_ui(ui, detail);
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, DetailTab::Profile, tr!("tab-profile"));
            ui.selectable_value(&mut self.tab, DetailTab::Members, tr!("tab-members"));
            if detail.tencent().is_some_and(|t| t.group_type == crate::model::tencent::GroupType::Community) {
                ui.selectable_value(&mut self.tab, DetailTab::Permissions, tr!("tab-permission-groups"));
            }
        });
        ui.separator();
        match self.tab {
            DetailTab::Members => {
                let owner = (!detail.is_legacy()).then_some(detail.owner.as_str());
                let info = MembersInfo { group_id: &self.group_id, hosted: !detail.is_legacy(), muted_all: detail.muted_all, service: detail.service_kind(), owner, detail };
                self.members.ui(ui, &info, cmds);
            }
            DetailTab::Permissions => self.perms.ui(ui, &self.group_id, cmds),
            DetailTab::Profile if detail.tencent().is_some() => {
                if self.tc.ui(ui, detail, self.busy) {
                    self.profile.dismiss.open();
                }
            }
            DetailTab::Profile => {
                let page = profile::PageInfo { group_id: &self.group_id, detail, busy: self.busy, error: self.error.as_ref() };
                self.profile.ui(ui, &page, registry, cmds);
            }
        }
    }

    /// Name, id, owner, member count, creation time, mute-all; what the server confirmed.
    fn header_ui(&self, ui: &mut egui::Ui, d: &GroupDetail) {
        ui.horizontal(|ui| {
            let title = if d.is_legacy() { tr!("group-legacy-title", group = d.group_id.as_str()) } else { d.name.clone() };
            ui.add(egui::Label::new(RichText::new(title).heading()).truncate());
            ui.add(egui::Label::new(RichText::new(&d.group_id).monospace().weak()).selectable(true));
            if self.busy {
                ui.spinner();
            }
        });
        let facts = if d.is_legacy() {
            tr!("group-facts-legacy", members = d.member_count, mute_all = on_off(d.muted_all))
        } else {
            tr!("group-facts", owner = d.owner.as_str(), members = d.member_count, created = display::time_ms(d.created_ms), zone = display::zone(), mute_all = on_off(d.muted_all))
        };
        ui.add(egui::Label::new(RichText::new(facts).weak()).wrap());
        if let Some(c) = self.confirmed() {
            ui.colored_label(theme::SUCCESS, c);
        }
        if let Some(e) = &self.error {
            widgets::error_ui(ui, e);
        }
    }

    /// Before the detail arrives: a spinner, or why it did not.
    fn loading_ui(&self, ui: &mut egui::Ui) {
        match &self.error {
            Some(e) => widgets::error_ui(ui, e),
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr!("group-loading", group = self.group_id.as_str()));
                });
            }
        }
    }
}

fn on_off(on: bool) -> String {
    if on { tr!("on") } else { tr!("off") }
}

#[derive(Default)]
pub struct GroupScreen {
    page: Option<GroupPage>,
}

impl GroupScreen {
    pub fn page(&self) -> Option<&GroupPage> {
        self.page.as_ref()
    }

    pub fn page_mut(&mut self) -> Option<&mut GroupPage> {
        self.page.as_mut()
    }

    fn page_for(&mut self, group_id: &str) -> Option<&mut GroupPage> {
        self.page.as_mut().filter(|p| p.group_id == group_id)
    }

    /// Opens a group (replacing the open one) and reads it.
    pub fn open(&mut self, group_id: &str, cmds: &mut Vec<Command>) {
        self.page.insert(GroupPage::new(group_id)).load(cmds);
    }

    pub fn close(&mut self) {
        self.page = None;
    }

    /// Shows a tab of the open group (deep links).
    pub fn show_tab(&mut self, group_id: &str, tab: Tab) {
        if let Some(p) = self.page_for(group_id) {
            p.tab = match tab {
                Tab::Profile => DetailTab::Profile,
                Tab::Members => DetailTab::Members,
            };
        }
    }

    /// A change to `group_id` was sent.
    pub fn begin_change(&mut self, group_id: &str) {
        if let Some(p) = self.page_for(group_id) {
            p.busy = true;
        }
    }

    /// Takes finished reads (every frame, shown or not).
    pub fn poll(&mut self, registry: &Registry, cmds: &mut Vec<Command>) {
        if let Some(p) = self.page.as_mut() {
            p.poll(registry, cmds);
        }
    }

    pub fn on_event(&mut self, event: &Event, cmds: &mut Vec<Command>) {
        let group_id = match event {
            Event::Changed { group_id, .. }
            | Event::Dismissed { group_id, .. }
            | Event::JobProgress { group_id, .. }
            | Event::JobDone { group_id, .. }
            | Event::ExportProgress { group_id, .. }
            | Event::Exported { group_id, .. }
            | Event::MemberPage { group_id, .. }
            | Event::MembersLoaded { group_id, .. } => group_id,
            _ => return,
        };
        if matches!(event, Event::Dismissed { result: Ok(()), .. }) && self.page_for(group_id).is_some() {
            self.page = None;
        }
        if let Some(p) = self.page_for(group_id) {
            p.on_event(event, cmds);
        }
    }

    /// `group_count`: hosted groups on this connection, for the empty screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, registry: &Registry, group_count: usize, cmds: &mut Vec<Command>) {
        match self.page.as_mut() {
            Some(page) => page.ui(ui, registry, cmds),
            None => {
                ui.vertical_centered(|ui| {
                    ui.add_space(40.0);
                    ui.heading(tr!("group-none-title"));
                    ui.label(tr!("group-none-count", count = group_count));
                });
            }
        }
    }

    /// The page's modal dialogs, when open.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, registry: &Registry, cmds: &mut Vec<Command>) {
        let Some(p) = self.page.as_mut() else { return };
        let hosted = p.hosted();
        p.profile.dialogs_ui(ctx, &p.group_id, hosted, registry, cmds);
        p.members.dialogs_ui(ctx, &p.group_id, cmds);
        p.tc.dialogs_ui(ctx, &p.group_id, cmds);
        p.perms.dialogs_ui(ctx, &p.group_id, cmds);
    }
}
