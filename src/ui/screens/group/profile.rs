//! The profile tab of a group: the form with live length counters, the six permissions in plain
//! words, extProfile as typed fields from the registry, the portrait preview, review-before-save,
//! the per-user group alias and the danger zone; for a legacy group, import into hosting.

use std::sync::Arc;

use egui::RichText;

use super::dialogs::{DismissDialog, Review, review_ui};
use super::form::ProfileForm;
use crate::model::ApiError;
use crate::protocol::rongcloud::limits;
use crate::model::rongcloud::*;
use crate::ops::extkeys::{Registry, ValueKind};
use crate::ui::command::{Command, Pending, pending};
use crate::ui::event::GroupDetail;
use crate::ui::{theme, widgets};

/// What the profile tab shows of its page (read-only).
pub struct PageInfo<'a> {
    pub group_id: &'a str,
    pub detail: &'a GroupDetail,
    pub busy: bool,
    pub error: Option<&'a ApiError>,
}

#[derive(Default)]
pub struct ProfileEditor {
    pub original: ProfileForm,
    pub form: ProfileForm,
    /// The review dialog is open.
    pub review: bool,
    pub dismiss: DismissDialog,
    pub alias_user: String,
    pub alias_text: String,
    /// Legacy group import: the owner to set.
    pub import_owner: String,
    /// The action whose result is being read back from the server.
    pub confirm_pending: Option<String>,
    /// What the server confirmed after the last change.
    pub confirmed: Option<String>,
    /// The portrait preview: the URL and its image (or why it failed).
    pub portrait: Option<(String, Pending<Arc<[u8]>>)>,
}

impl ProfileEditor {
    /// The server's state arrived: the form shows it, and a change being read back is confirmed
    /// when the server holds exactly what was sent.
    pub fn loaded(&mut self, detail: &GroupDetail, registry: &Registry) {
        if detail.is_legacy() {
            if let Some(action) = self.confirm_pending.take() {
                self.confirmed = Some(format!("{action}: confirmed by the server."));
            }
            return;
        }
        let fresh = ProfileForm::from_detail(detail, registry);
        if let Some(action) = self.confirm_pending.take() {
            let asked = std::mem::take(&mut self.form);
            let matches = fresh.diff(&asked).0.is_empty();
            self.confirmed = Some(if matches {
                format!("{action}: confirmed — the server now holds exactly these values.")
            } else {
                format!("{action}: the server holds different values than sent; please review.")
            });
        }
        self.original = fresh.clone();
        self.form = fresh;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, page: &PageInfo, registry: &Registry, cmds: &mut Vec<Command>) {
        egui::ScrollArea::vertical().id_salt("detail").show(ui, |ui| {
            if page.detail.is_legacy() {
                self.legacy_ui(ui, page, cmds)
            } else {
                self.hosted_ui(ui, page, registry, cmds)
            }
        });
    }

    fn legacy_ui(&mut self, ui: &mut egui::Ui, page: &PageInfo, cmds: &mut Vec<Command>) {
        let d = page.detail;
        ui.heading(format!("{} (legacy group)", d.group_id));
        ui.label(format!("{} members. Legacy groups have no hosted profile; import it to manage name, profile and permissions here.", d.member_count));
        ui.label(format!("Mute-all: {}", if d.muted_all { "on" } else { "off" }));
        widgets::text_field(ui, "Owner after import", &mut self.import_owner);
        let owner = self.import_owner.trim();
        if ui.add_enabled(!page.busy && !owner.is_empty(), egui::Button::new("Import into group hosting")).clicked() {
            cmds.push(Command::ImportGroup { group_id: page.group_id.to_owned(), owner: owner.to_owned() });
        }
    }

    fn hosted_ui(&mut self, ui: &mut egui::Ui, page: &PageInfo, registry: &Registry, cmds: &mut Vec<Command>) {
        self.summary_ui(ui, page);
        ui.separator();
        ui.columns(2, |cols| {
            self.fields_ui(&mut cols[0], cmds);
            permissions_ui(&mut cols[1], &mut self.form.permissions);
            ext_ui(&mut cols[1], &mut self.form.ext, registry);
        });
        ui.separator();
        self.save_ui(ui, page.busy, registry);
        ui.separator();
        self.alias_ui(ui, page, cmds);
        ui.separator();
        ui.heading("Danger zone");
        if ui.add_enabled(!page.busy, widgets::danger_button(ui, "Dismiss group…")).clicked() {
            self.dismiss.open();
        }
    }

    fn summary_ui(&self, ui: &mut egui::Ui, page: &PageInfo) {
        let info = page.detail;
        ui.horizontal(|ui| {
            ui.heading(&info.name);
            ui.label(RichText::new(&info.group_id).monospace().weak());
            if page.busy {
                ui.spinner();
            }
        });
        ui.label(format!(
            "Owner {} · {} members · created {} UTC · mute-all {}",
            info.owner,
            info.member_count,
            crate::ops::csv::format_ms(info.created_ms),
            if page.detail.muted_all { "on" } else { "off" }
        ));
        if let Some(c) = &self.confirmed {
            ui.colored_label(theme::SUCCESS, c);
        }
        if let Some(e) = page.error {
            widgets::error_ui(ui, e);
        }
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        ui.heading("Profile");
        widgets::limited_text(ui, "Name", &mut self.form.name, limits::GROUP_NAME_MAX, false);
        widgets::limited_text(ui, "Portrait URL", &mut self.form.portrait_url, limits::PORTRAIT_URL_MAX, false);
        ui.horizontal(|ui| self.portrait_ui(ui, cmds));
        widgets::limited_text(ui, "Introduction", &mut self.form.introduction, limits::INTRODUCTION_MAX, true);
        widgets::limited_text(ui, "Announcement", &mut self.form.announcement, limits::ANNOUNCEMENT_MAX, true);
    }

    fn portrait_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        let url = self.form.portrait_url.trim();
        if ui.add_enabled(!url.is_empty(), egui::Button::new("Preview portrait")).clicked() {
            let (reply, promise) = pending();
            cmds.push(Command::PreviewPortrait { url: url.to_owned(), reply });
            self.portrait = Some((url.to_owned(), promise));
        }
        let Some((url, image)) = &self.portrait else { return };
        match image.ready() {
            None => {
                ui.spinner();
            }
            Some(Ok(bytes)) => {
                let image = egui::Image::from_bytes(format!("bytes://portrait/{url}"), egui::load::Bytes::Shared(bytes.clone()));
                ui.add(image.max_size(egui::vec2(96.0, 96.0)).alt_text("Portrait preview"));
            }
            Some(Err(e)) => {
                ui.label(RichText::new(&e.message).weak());
            }
        }
    }

    fn save_ui(&mut self, ui: &mut egui::Ui, busy: bool, registry: &Registry) {
        let problems = self.form.problems(registry);
        for p in &problems {
            widgets::problem_ui(ui, p);
        }
        let changed = self.form != self.original;
        ui.horizontal(|ui| {
            if ui.add_enabled(changed && problems.is_empty() && !busy, egui::Button::new("Review and save…")).clicked() {
                self.review = true;
            }
            if ui.add_enabled(changed && !busy, egui::Button::new("Discard changes")).clicked() {
                self.form = self.original.clone();
            }
        });
    }

    fn alias_ui(&mut self, ui: &mut egui::Ui, page: &PageInfo, cmds: &mut Vec<Command>) {
        ui.heading("Group alias for a user");
        ui.label(RichText::new("The name one user sees for this group (remark name; ≤ 64 characters).").weak());
        widgets::text_field(ui, "Member user id", &mut self.alias_user);
        widgets::text_field(ui, "Alias", &mut self.alias_text);
        let (user, alias) = (self.alias_user.trim(), self.alias_text.trim());
        if ui.add_enabled(!page.busy && !user.is_empty() && !alias.is_empty(), egui::Button::new("Set alias")).clicked() {
            cmds.push(Command::SetAlias { group_id: page.group_id.to_owned(), user: user.to_owned(), alias: alias.to_owned() });
        }
    }

    /// The review-before-save and dismiss dialogs, when open.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, group_id: &str, hosted: bool, cmds: &mut Vec<Command>) {
        if self.review {
            match review_ui(ctx, group_id, &self.form, &self.original) {
                Review::Open => {}
                Review::Cancel => self.review = false,
                Review::Save { fields, update } => {
                    self.review = false;
                    self.confirmed = None;
                    cmds.push(Command::SaveProfile { group_id: group_id.to_owned(), fields, update });
                }
            }
        }
        self.dismiss.ui(ctx, group_id, hosted, cmds);
    }
}

fn permission_combo<T: Copy + PartialEq>(ui: &mut egui::Ui, label: &str, value: &mut Option<T>, all: &[T], name: fn(T) -> &'static str) {
    egui::ComboBox::from_label(label).selected_text(value.map(name).unwrap_or("(not set)")).width(240.0).show_ui(ui, |ui| {
        for v in all {
            ui.selectable_value(value, Some(*v), name(*v));
        }
    });
}

fn permissions_ui(ui: &mut egui::Ui, p: &mut Permissions) {
    ui.heading("Permissions");
    permission_combo(ui, "Who can join", &mut p.join, JoinPermission::ALL, JoinPermission::label);
    permission_combo(ui, "Who can remove members", &mut p.remove, RemovePermission::ALL, RemovePermission::label);
    permission_combo(ui, "Who can invite", &mut p.invite, InvitePermission::ALL, InvitePermission::label);
    permission_combo(ui, "Invitations", &mut p.invite_handling, InviteHandling::ALL, InviteHandling::label);
    permission_combo(ui, "Who can edit the group profile", &mut p.profile_edit, ProfileEditPermission::ALL, ProfileEditPermission::label);
    permission_combo(ui, "Who can edit a member's nickname", &mut p.member_edit, MemberEditPermission::ALL, MemberEditPermission::label);
    ui.add_space(8.0);
}

/// extProfile values as typed fields: yes/no, a choice list, or text with the key's limit.
fn ext_ui(ui: &mut egui::Ui, ext: &mut std::collections::BTreeMap<String, String>, registry: &Registry) {
    ui.heading("extProfile");
    if ext.is_empty() {
        ui.label(RichText::new("No extProfile keys defined for this connection (see the extProfile keys screen).").weak());
    }
    for (k, value) in ext.iter_mut() {
        let Some(def) = registry.get(k) else {
            widgets::text_field(ui, &format!("{k} (not in the registry)"), value);
            continue;
        };
        match &def.kind {
            ValueKind::Boolean => {
                let mut b = value == "true";
                if ui.checkbox(&mut b, format!("{} ({k})", def.label)).changed() {
                    *value = b.to_string();
                }
            }
            ValueKind::Choice { options } => {
                ui.horizontal(|ui| {
                    ui.label(format!("{} ({k})", def.label));
                    egui::ComboBox::from_id_salt(k).selected_text(if value.is_empty() { "(not set)" } else { value.as_str() }).show_ui(ui, |ui| {
                        ui.selectable_value(value, String::new(), "(not set)");
                        for o in options {
                            ui.selectable_value(value, o.clone(), o);
                        }
                    });
                });
            }
            _ => {
                widgets::limited_text(ui, &format!("{} ({k})", def.label), value, def.max_len, false);
            }
        }
    }
}
