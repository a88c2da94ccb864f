//! What tests, benchmarks and scripts may read of the app (read-only views), and exports as if a
//! save dialog had answered.

use std::path::Path;

use super::GroupdeskApp;
use crate::ui::fonts::FontStatus;
use super::settings::Settings;
use crate::ui::event::GroupRow;
use crate::ui::screens::group::GroupPage;
use crate::ui::screens::log::Notice;
use crate::ui::screens::members::ExportScope;

impl GroupdeskApp {
    // ----- read-only views (tests, benchmarks) -----

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The hosted groups of the connection, newest first.
    pub fn groups(&self) -> &[GroupRow] {
        self.browser.groups()
    }

    /// Indices into [`Self::groups`] that pass the browser's filter.
    pub fn visible_groups(&mut self) -> &[usize] {
        self.browser.visible_groups()
    }

    /// The group browser: its list is being read, the number the service listed, and when the
    /// first batch of the last list arrived (rows in the list then, and the total).
    pub fn group_list_loading(&self) -> bool {
        self.browser.loading()
    }

    pub fn group_list_total(&self) -> usize {
        self.browser.total()
    }

    pub fn first_group_batch(&self) -> Option<(usize, usize)> {
        self.browser.first_batch
    }

    /// The group browser's type filter (Tencent).
    pub fn group_type_filter(&self) -> Option<crate::model::tencent::GroupType> {
        self.browser.type_filter
    }

    /// The user lookup: the groups found and the user's app-wide mute.
    pub fn lookup(&self) -> &crate::ui::screens::browser::Lookup {
        &self.browser.lookup
    }

    /// The open group.
    pub fn group_page(&self) -> Option<&GroupPage> {
        self.group.page()
    }

    /// The open group, to put a state in place that the UI cannot reach quickly (tests and
    /// benchmarks only: a job still running, 100,000 members).
    #[doc(hidden)]
    pub fn group_page_mut(&mut self) -> Option<&mut GroupPage> {
        self.group.page_mut()
    }

    pub fn connection_name(&self) -> Option<&str> {
        self.session.conn.as_ref().map(|c| c.name.as_str())
    }

    pub fn connection_url(&self) -> Option<String> {
        self.session.conn.as_ref().map(|c| c.url())
    }

    /// Connected to the embedded sandbox.
    pub fn on_built_in_sandbox(&self) -> bool {
        self.session.on_sandbox()
    }

    /// The extProfile keys the sandbox allows, as last read.
    pub fn sandbox_ext_keys(&self) -> Option<&[String]> {
        self.extkeys.server_keys.as_deref()
    }

    /// The custom-fields console of a Tencent connection (#13 item 4).
    pub fn tc_fields(&self) -> &crate::ui::screens::tc_fields::TcFieldsScreen {
        &self.tc_fields
    }

    /// Every notification of this run, oldest first.
    pub fn notices(&self) -> &[Notice] {
        self.log.notices()
    }

    /// Background work still running (tests wait on this).
    pub fn busy(&self) -> bool {
        self.bridge.busy() > 0 || self.session.starting()
    }

    /// The fonts are scanned and installed (CJK names render once this holds).
    pub fn fonts_ready(&self) -> bool {
        self.fonts.ready()
    }

    /// What the settings screen shows about fonts.
    pub fn font_status(&self) -> &FontStatus {
        &self.fonts.status
    }

    /// The in-app path chooser is open (the system's file dialog failed or is not used).
    pub fn file_chooser_open(&self) -> bool {
        self.files.in_app.is_some()
    }

    /// #13 members: connects with `profile` and its secret as if it had been saved (benchmarks
    /// and scripts against a sandbox of their own).
    #[doc(hidden)]
    pub fn connect_with(&mut self, profile: crate::ops::connections::Profile, secret: &str) {
        self.options.secrets.set(&profile.name, secret);
        self.commands.push(crate::ui::command::Command::Connect(profile));
    }

    // ----- exports as if a save dialog had answered `path` (scripts and tests) -----

    pub fn export_members(&mut self, path: &Path, scope: ExportScope, bom: bool) {
        let cmd = self.group.page_mut().and_then(|p| p.members.export_to(&p.group_id, path.to_owned(), scope, bom));
        self.commands.extend(cmd);
    }

    pub fn export_outcomes(&mut self, path: &Path) {
        let cmd = self.group.page().and_then(|p| p.members.jobs.export_outcomes(path.to_owned()));
        self.commands.extend(cmd);
    }

    pub fn export_audit(&mut self, path: &Path) {
        self.commands.push(self.audit.export_command(path.to_owned()));
    }
}
