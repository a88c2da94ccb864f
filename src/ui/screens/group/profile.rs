//! The profile tab of a group: the form with live length counters, the six permissions in plain
//! words, extProfile as typed fields from the registry, the portrait preview, review-before-save,
//! the per-user group alias and the danger zone; for a legacy group, import into hosting.

use std::sync::Arc;

use egui::RichText;

use super::dialogs::{DismissDialog, Review, ReviewState, review_ui};
use super::form::ProfileForm;
use crate::model::ApiError;
use crate::protocol::rongcloud::limits;
use crate::model::rongcloud::*;
use crate::ops::extkeys::{Registry, ValueKind};
use crate::ui::command::{Command, Pending, pending};
use crate::ui::event::GroupDetail;
use crate::tr;
use crate::ui::widgets;

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
    /// The review dialog, when open.
    pub review: Option<ReviewState>,
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
                self.confirmed = Some(tr!("confirmed-by-server", action = action.as_str()));
            }
            return;
        }
        let fresh = ProfileForm::from_detail(detail, registry);
        if let Some(action) = self.confirm_pending.take() {
            let asked = std::mem::take(&mut self.form);
            let matches = fresh.diff(&asked).0.is_empty();
            self.confirmed = Some(if matches {
                tr!("confirmed-exact", action = action.as_str())
            } else {
                tr!("confirmed-different", action = action.as_str())
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
        ui.add(egui::Label::new(tr!("legacy-intro")).wrap());
        widgets::text_field(ui, &tr!("legacy-owner"), &mut self.import_owner);
        let owner = self.import_owner.trim();
        if ui.add_enabled(!page.busy && !owner.is_empty(), egui::Button::new(tr!("legacy-import"))).clicked() {
            cmds.push(Command::ImportGroup { group_id: page.group_id.to_owned(), owner: owner.to_owned() });
        }
    }

    fn hosted_ui(&mut self, ui: &mut egui::Ui, page: &PageInfo, registry: &Registry, cmds: &mut Vec<Command>) {
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
        ui.heading(tr!("danger-zone"));
        if ui.add_enabled(!page.busy, widgets::danger_button(ui, &tr!("dismiss-button"))).clicked() {
            self.dismiss.open();
        }
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        ui.heading(tr!("profile-heading"));
        widgets::limited_text(ui, &tr!("field-name"), &mut self.form.name, limits::GROUP_NAME_MAX, false);
        widgets::limited_text(ui, &tr!("field-portrait"), &mut self.form.portrait_url, limits::PORTRAIT_URL_MAX, false);
        ui.horizontal(|ui| self.portrait_ui(ui, cmds));
        widgets::limited_text(ui, &tr!("field-introduction"), &mut self.form.introduction, limits::INTRODUCTION_MAX, true);
        widgets::limited_text(ui, &tr!("field-announcement"), &mut self.form.announcement, limits::ANNOUNCEMENT_MAX, true);
    }

    fn portrait_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        let url = self.form.portrait_url.trim();
        if ui.add_enabled(!url.is_empty(), egui::Button::new(tr!("portrait-preview"))).clicked() {
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
                ui.add(image.max_size(egui::vec2(96.0, 96.0)).alt_text(tr!("portrait-alt")));
            }
            Some(Err(e)) => {
                ui.label(RichText::new(widgets::headline(e)).weak());
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
            if ui.add_enabled(changed && problems.is_empty() && !busy, egui::Button::new(tr!("profile-review-save"))).clicked() {
                self.review = Some(ReviewState::default());
            }
            if ui.add_enabled(changed && !busy, egui::Button::new(tr!("profile-discard"))).clicked() {
                self.form = self.original.clone();
            }
        });
    }

    fn alias_ui(&mut self, ui: &mut egui::Ui, page: &PageInfo, cmds: &mut Vec<Command>) {
        ui.heading(tr!("alias-heading"));
        ui.add(egui::Label::new(RichText::new(tr!("alias-intro")).weak()).wrap());
        widgets::text_field(ui, &tr!("alias-user"), &mut self.alias_user);
        widgets::text_field(ui, &tr!("alias-alias"), &mut self.alias_text);
        let (user, alias) = (self.alias_user.trim(), self.alias_text.trim());
        if ui.add_enabled(!page.busy && !user.is_empty() && !alias.is_empty(), egui::Button::new(tr!("alias-set"))).clicked() {
            cmds.push(Command::SetAlias { group_id: page.group_id.to_owned(), user: user.to_owned(), alias: alias.to_owned() });
        }
    }

    /// The review-before-save and dismiss dialogs, when open.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, group_id: &str, hosted: bool, registry: &Registry, cmds: &mut Vec<Command>) {
        if let Some(review) = self.review.as_mut() {
            match review_ui(ctx, group_id, &self.form, &self.original, registry, review) {
                Review::Open => {}
                Review::Cancel => self.review = None,
                Review::Save { fields, update, reason } => {
                    self.review = None;
                    self.confirmed = None;
                    cmds.push(Command::SaveProfile { group_id: group_id.to_owned(), fields, update, reason });
                }
            }
        }
        self.dismiss.ui(ctx, group_id, hosted, cmds);
    }
}

fn permission_combo<T: Copy + PartialEq>(ui: &mut egui::Ui, label: &str, value: &mut Option<T>, all: &[T], name: fn(T) -> &'static str) {
    let shown = value.map_or_else(|| tr!("not-set"), |v| widgets::model_text(name(v)));
    egui::ComboBox::from_label(label).selected_text(shown).width(220.0).show_ui(ui, |ui| {
        for v in all {
            ui.selectable_value(value, Some(*v), widgets::model_text(name(*v)));
        }
    });
}

fn permissions_ui(ui: &mut egui::Ui, p: &mut Permissions) {
    ui.heading(tr!("permissions-heading"));
    permission_combo(ui, &tr!("perm-join"), &mut p.join, JoinPermission::ALL, JoinPermission::label);
    permission_combo(ui, &tr!("perm-remove"), &mut p.remove, RemovePermission::ALL, RemovePermission::label);
    permission_combo(ui, &tr!("perm-invite"), &mut p.invite, InvitePermission::ALL, InvitePermission::label);
    permission_combo(ui, &tr!("perm-invite-handling"), &mut p.invite_handling, InviteHandling::ALL, InviteHandling::label);
    permission_combo(ui, &tr!("perm-profile-edit"), &mut p.profile_edit, ProfileEditPermission::ALL, ProfileEditPermission::label);
    permission_combo(ui, &tr!("perm-member-edit"), &mut p.member_edit, MemberEditPermission::ALL, MemberEditPermission::label);
    ui.add_space(8.0);
}

/// extProfile values as typed fields: yes/no, a choice list, or text with the key's limit.
fn ext_ui(ui: &mut egui::Ui, ext: &mut std::collections::BTreeMap<String, String>, registry: &Registry) {
    ui.heading(tr!("ext-heading"));
    if ext.is_empty() {
        ui.add(egui::Label::new(RichText::new(tr!("ext-none")).weak()).wrap());
    }
    for (k, value) in ext.iter_mut() {
        let Some(def) = registry.get(k) else {
            widgets::text_field(ui, &tr!("ext-unregistered", key = k.as_str()), value);
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
                    egui::ComboBox::from_id_salt(k).selected_text(if value.is_empty() { tr!("not-set") } else { value.clone() }).show_ui(ui, |ui| {
                        ui.selectable_value(value, String::new(), tr!("not-set"));
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
