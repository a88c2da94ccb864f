//! Group detail: profile form with live length counters, the six permissions in plain words,
//! extProfile as typed fields from the registry, review-before-save, import of legacy groups,
//! the per-user group alias, create, and dismiss with typed-id confirmation.

use std::collections::BTreeMap;

use egui::{Color32, RichText};

use super::app::{GroupdeskApp, Level};
use super::msg::{GroupDetail, Msg};
use super::widgets;
use crate::api::limits;
use crate::api::types::*;
use crate::extkeys::{Registry, ValueKind};

/// The editable copy of a group's profile.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProfileForm {
    pub name: String,
    pub portrait_url: String,
    pub introduction: String,
    pub announcement: String,
    pub permissions: Permissions,
    pub ext: BTreeMap<String, String>,
}

impl ProfileForm {
    pub fn from_info(info: &GroupInfo, registry: &Registry) -> Self {
        let mut ext: BTreeMap<String, String> = info.ext.clone();
        for k in &registry.keys {
            ext.entry(k.key.clone()).or_default();
        }
        Self {
            name: info.name.clone(),
            portrait_url: info.profile.portrait_url.clone().unwrap_or_default(),
            introduction: info.profile.introduction.clone().unwrap_or_default(),
            announcement: info.profile.announcement.clone().unwrap_or_default(),
            permissions: info.permissions,
            ext,
        }
    }

    /// Every problem with the form, each naming the field and the limit.
    pub fn problems(&self, registry: &Registry) -> Vec<String> {
        let mut out = Vec::new();
        let mut len = |label: &str, v: &str, max: usize| {
            let n = v.chars().count();
            if n > max {
                out.push(format!("{label}: at most {max} characters (got {n})"));
            }
        };
        len("Name", &self.name, limits::GROUP_NAME_MAX);
        len("Portrait URL", &self.portrait_url, limits::PORTRAIT_URL_MAX);
        len("Introduction", &self.introduction, limits::INTRODUCTION_MAX);
        len("Announcement", &self.announcement, limits::ANNOUNCEMENT_MAX);
        if self.name.trim().is_empty() {
            out.push("Name: required".into());
        }
        for (k, v) in &self.ext {
            match registry.get(k) {
                Some(def) => {
                    if let Err(e) = def.check_value(v) {
                        out.push(e);
                    }
                }
                None if !v.is_empty() => out.push(format!("{k}: not in the app's extProfile key registry")),
                None => {}
            }
        }
        let set = self.ext.values().filter(|v| !v.is_empty()).count();
        if set > limits::EXT_PAIRS_MAX {
            out.push(format!("extProfile: at most {} keys per group (got {set})", limits::EXT_PAIRS_MAX));
        }
        out
    }

    /// What changed: (field, before, after) for the review, and the update to send.
    pub fn diff(&self, before: &ProfileForm) -> (Vec<(String, String, String)>, ProfileUpdate) {
        let mut rows = Vec::new();
        let mut u = ProfileUpdate::default();
        let mut text = |label: &str, a: &str, b: &str| {
            if a != b {
                rows.push((label.to_owned(), a.to_owned(), b.to_owned()));
                true
            } else {
                false
            }
        };
        if text("Name", &before.name, &self.name) {
            u.name = Some(self.name.clone());
        }
        if text("Portrait URL", &before.portrait_url, &self.portrait_url) {
            u.profile.portrait_url = Some(self.portrait_url.clone());
        }
        if text("Introduction", &before.introduction, &self.introduction) {
            u.profile.introduction = Some(self.introduction.clone());
        }
        if text("Announcement", &before.announcement, &self.announcement) {
            u.profile.announcement = Some(self.announcement.clone());
        }
        let (p, q) = (&before.permissions, &self.permissions);
        macro_rules! perm {
            ($field:ident, $label:literal) => {
                if p.$field != q.$field {
                    rows.push(($label.to_owned(), p.$field.map(|x| x.label()).unwrap_or("-").to_owned(), q.$field.map(|x| x.label()).unwrap_or("-").to_owned()));
                    u.permissions.$field = q.$field;
                }
            };
        }
        perm!(join, "Who can join");
        perm!(remove, "Who can remove members");
        perm!(invite, "Who can invite");
        perm!(invite_handling, "Invitations");
        perm!(profile_edit, "Who can edit the group profile");
        perm!(member_edit, "Who can edit a member's nickname");
        for (k, v) in &self.ext {
            let old = before.ext.get(k).cloned().unwrap_or_default();
            if &old != v {
                rows.push((k.clone(), old, v.clone()));
                u.ext.insert(k.clone(), v.clone());
            }
        }
        (rows, u)
    }
}

pub struct GroupView {
    pub group_id: String,
    pub detail: Option<GroupDetail>,
    pub original: ProfileForm,
    pub form: ProfileForm,
    pub busy: bool,
    pub error: Option<String>,
    /// The review dialog is open.
    pub review: bool,
    /// Typed confirmation for dismiss (`Some` = dialog open).
    pub dismiss_typed: Option<String>,
    pub dismiss_reason: String,
    pub alias_user: String,
    pub alias_text: String,
    /// Legacy group import: the owner to set.
    pub import_owner: String,
    /// The action whose result is being read back from the server.
    pub confirm_pending: Option<String>,
    /// What the server confirmed after the last save.
    pub confirmed: Option<String>,
    /// The portrait preview: URL and, once loaded, its bytes or the reason it failed.
    pub portrait: Option<(String, Option<Result<std::sync::Arc<[u8]>, String>>)>,
    pub tab: DetailTab,
    pub members: super::members::MembersView,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailTab {
    Profile,
    Members,
}

impl GroupView {
    pub fn loading(group_id: &str) -> Self {
        Self {
            group_id: group_id.to_owned(),
            detail: None,
            original: ProfileForm::default(),
            form: ProfileForm::default(),
            busy: true,
            error: None,
            review: false,
            dismiss_typed: None,
            dismiss_reason: String::new(),
            alias_user: String::new(),
            alias_text: String::new(),
            import_owner: String::new(),
            confirm_pending: None,
            confirmed: None,
            portrait: None,
            tab: DetailTab::Profile,
            members: Default::default(),
        }
    }

    pub fn loaded(&mut self, detail: GroupDetail, registry: &Registry) {
        if let Some(info) = &detail.info {
            let fresh = ProfileForm::from_info(info, registry);
            if let Some(action) = self.confirm_pending.take() {
                // The server's state after the change: the form now equals what was asked for?
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
        } else if let Some(action) = self.confirm_pending.take() {
            self.confirmed = Some(format!("{action}: confirmed by the server."));
        }
        self.detail = Some(detail);
        self.busy = false;
        self.error = None;
    }
}

/// The "new group" dialog.
#[derive(Default)]
pub struct CreateForm {
    pub group_id: String,
    pub name: String,
    pub owner: String,
    /// Invitees, separated by commas, spaces or new lines.
    pub members: String,
    pub busy: bool,
    pub error: Option<String>,
}

impl CreateForm {
    pub fn invitees(&self) -> Vec<String> {
        self.members.split([',', ' ', '\n', '\t']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Err(e) = crate::api::check::group_id("", "Group ID", &self.group_id) {
            out.push(e.message);
        }
        if self.name.trim().is_empty() {
            out.push("Name: required".into());
        } else if self.name.chars().count() > limits::GROUP_NAME_MAX {
            out.push(format!("Name: at most {} characters (got {})", limits::GROUP_NAME_MAX, self.name.chars().count()));
        }
        if let Err(e) = crate::api::check::user_id("", "Owner", &self.owner) {
            out.push(e.message);
        }
        let inv = self.invitees();
        if inv.len() > limits::CREATE_INVITEES_MAX {
            out.push(format!("Members: at most {} invitees (got {})", limits::CREATE_INVITEES_MAX, inv.len()));
        }
        for u in &inv {
            if let Err(e) = crate::api::check::user_id("", "Members", u) {
                out.push(e.message);
                break;
            }
        }
        out
    }
}

fn permission_combo<T: Copy + PartialEq>(ui: &mut egui::Ui, label: &str, value: &mut Option<T>, all: &[T], name: fn(T) -> &'static str) {
    egui::ComboBox::from_label(label)
        .selected_text(value.map(name).unwrap_or("(not set)"))
        .width(240.0)
        .show_ui(ui, |ui| {
            for v in all {
                ui.selectable_value(value, Some(*v), name(*v));
            }
        });
}

impl GroupdeskApp {
    pub(crate) fn group_screen_ui(&mut self, ui: &mut egui::Ui) {
        let registry = self.registry();
        let Some(view) = self.group.as_mut() else {
            ui.vertical_centered(|ui| {
                ui.add_space(40.0);
                ui.heading("Pick a group on the left, or open one by id.");
                ui.label(format!("{} hosted groups on this connection.", self.groups.len()));
            });
            return;
        };
        let Some(detail) = view.detail.clone() else {
            if let Some(e) = &view.error {
                ui.colored_label(Color32::RED, e);
            } else {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("Loading {}…", view.group_id));
                });
            }
            return;
        };
        ui.horizontal(|ui| {
            ui.selectable_value(&mut view.tab, DetailTab::Profile, "Profile");
            ui.selectable_value(&mut view.tab, DetailTab::Members, "Members");
        });
        if view.tab == DetailTab::Members {
            self.members_ui(ui);
            return;
        }
        let mut save_clicked = false;
        let mut preview = false;
        let mut import_owner: Option<String> = None;
        let mut alias: Option<(String, String)> = None;
        egui::ScrollArea::vertical().id_salt("detail").show(ui, |ui| {
            let Some(info) = &detail.info else {
                ui.heading(format!("{} (legacy group)", detail.group_id));
                ui.label(format!("{} members. Legacy groups have no hosted profile; import it to manage name, profile and permissions here.", detail.legacy_members));
                ui.label(format!("Mute-all: {}", if detail.muted_all { "on" } else { "off" }));
                widgets::text_field(ui, "Owner after import", &mut view.import_owner);
                if ui.add_enabled(!view.busy && !view.import_owner.trim().is_empty(), egui::Button::new("Import into group hosting")).clicked() {
                    import_owner = Some(view.import_owner.trim().to_owned());
                }
                return;
            };
            ui.horizontal(|ui| {
                ui.heading(&info.name);
                ui.label(RichText::new(&info.group_id).monospace().weak());
                if view.busy {
                    ui.spinner();
                }
            });
            ui.label(format!(
                "Owner {} · {} members · created {} UTC · mute-all {}",
                info.owner,
                info.member_count,
                crate::csv_io::format_ms(info.create_time),
                if detail.muted_all { "on" } else { "off" }
            ));
            if let Some(c) = &view.confirmed {
                ui.colored_label(Color32::from_rgb(40, 140, 70), c);
            }
            if let Some(e) = &view.error {
                ui.colored_label(Color32::RED, e);
            }
            ui.separator();
            ui.columns(2, |cols| {
                let ui = &mut cols[0];
                ui.heading("Profile");
                widgets::limited_text(ui, "Name", &mut view.form.name, limits::GROUP_NAME_MAX, false);
                widgets::limited_text(ui, "Portrait URL", &mut view.form.portrait_url, limits::PORTRAIT_URL_MAX, false);
                ui.horizontal(|ui| {
                    preview = ui.add_enabled(!view.form.portrait_url.trim().is_empty(), egui::Button::new("Preview portrait")).clicked();
                    match &view.portrait {
                        Some((_, None)) => {
                            ui.spinner();
                        }
                        Some((url, Some(Ok(bytes)))) => {
                            ui.add(egui::Image::from_bytes(format!("bytes://portrait/{url}"), egui::load::Bytes::Shared(bytes.clone())).max_size(egui::vec2(96.0, 96.0)).alt_text("Portrait preview"));
                        }
                        Some((_, Some(Err(e)))) => {
                            ui.label(RichText::new(e).weak());
                        }
                        None => {}
                    }
                });
                widgets::limited_text(ui, "Introduction", &mut view.form.introduction, limits::INTRODUCTION_MAX, true);
                widgets::limited_text(ui, "Announcement", &mut view.form.announcement, limits::ANNOUNCEMENT_MAX, true);
                let ui = &mut cols[1];
                ui.heading("Permissions");
                let p = &mut view.form.permissions;
                permission_combo(ui, "Who can join", &mut p.join, JoinPermission::ALL, JoinPermission::label);
                permission_combo(ui, "Who can remove members", &mut p.remove, RemovePermission::ALL, RemovePermission::label);
                permission_combo(ui, "Who can invite", &mut p.invite, InvitePermission::ALL, InvitePermission::label);
                permission_combo(ui, "Invitations", &mut p.invite_handling, InviteHandling::ALL, InviteHandling::label);
                permission_combo(ui, "Who can edit the group profile", &mut p.profile_edit, ProfileEditPermission::ALL, ProfileEditPermission::label);
                permission_combo(ui, "Who can edit a member's nickname", &mut p.member_edit, MemberEditPermission::ALL, MemberEditPermission::label);
                ui.add_space(8.0);
                ui.heading("extProfile");
                if view.form.ext.is_empty() {
                    ui.label(RichText::new("No extProfile keys defined for this connection (see the extProfile keys screen).").weak());
                }
                let keys: Vec<String> = view.form.ext.keys().cloned().collect();
                for k in keys {
                    let value = view.form.ext.get_mut(&k).expect("key from the map");
                    match registry.get(&k) {
                        Some(def) => match &def.kind {
                            ValueKind::Boolean => {
                                let mut b = value == "true";
                                if ui.checkbox(&mut b, format!("{} ({k})", def.label)).changed() {
                                    *value = b.to_string();
                                }
                            }
                            ValueKind::Choice { options } => {
                                ui.horizontal(|ui| {
                                    ui.label(format!("{} ({k})", def.label));
                                    egui::ComboBox::from_id_salt(&k).selected_text(if value.is_empty() { "(not set)" } else { value.as_str() }).show_ui(ui, |ui| {
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
                        },
                        None => {
                            widgets::text_field(ui, &format!("{k} (not in the registry)"), value);
                        }
                    }
                }
            });
            ui.separator();
            let problems = view.form.problems(&registry);
            for p in &problems {
                ui.colored_label(Color32::RED, p);
            }
            let changed = view.form != view.original;
            ui.horizontal(|ui| {
                if ui.add_enabled(changed && problems.is_empty() && !view.busy, egui::Button::new("Review and save…")).clicked() {
                    save_clicked = true;
                }
                if ui.add_enabled(changed && !view.busy, egui::Button::new("Discard changes")).clicked() {
                    view.form = view.original.clone();
                }
            });
            ui.separator();
            ui.heading("Group alias for a user");
            ui.label(RichText::new("The name one user sees for this group (remark name; ≤ 64 characters).").weak());
            widgets::text_field(ui, "Member user id", &mut view.alias_user);
            widgets::text_field(ui, "Alias", &mut view.alias_text);
            if ui.add_enabled(!view.busy && !view.alias_user.trim().is_empty() && !view.alias_text.trim().is_empty(), egui::Button::new("Set alias")).clicked() {
                alias = Some((view.alias_user.trim().to_owned(), view.alias_text.trim().to_owned()));
            }
            ui.separator();
            ui.heading("Danger zone");
            if ui.add_enabled(!view.busy, egui::Button::new(RichText::new("Dismiss group…").color(Color32::RED))).clicked() {
                view.dismiss_typed = Some(String::new());
            }
        });
        if save_clicked {
            view.review = true;
        }
        if preview {
            self.preview_portrait();
            return;
        }
        if let Some(owner) = import_owner {
            self.change("Import into hosting", move |c, gid| async move {
                c.import_group(&NewGroup { group_id: gid.clone(), name: gid, owner, ..Default::default() }).await
            });
        }
        if let Some((user, alias)) = alias {
            self.change("Set group alias", move |c, gid| async move { c.set_remark_name(&gid, &user, &alias).await });
        }
    }

    /// Modal dialogs: review before save, dismiss confirmation, create group.
    pub(crate) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        self.review_dialog(ctx);
        self.dismiss_dialog(ctx);
        self.create_dialog(ctx);
        self.secret_dialog(ctx);
        self.bulk_confirm_ui(ctx);
        self.group_confirm_ui(ctx);
    }

    fn review_dialog(&mut self, ctx: &egui::Context) {
        let Some(view) = self.group.as_mut() else { return };
        if !view.review {
            return;
        }
        let (rows, update) = view.form.diff(&view.original);
        let mut confirm = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("review_save")).show(ctx, |ui| {
            ui.heading(format!("Save changes to {}?", view.group_id));
            ui.label("Only these fields are sent:");
            egui::Grid::new("review_grid").striped(true).show(ui, |ui| {
                ui.strong("Field");
                ui.strong("Before");
                ui.strong("After");
                ui.end_row();
                for (f, a, b) in &rows {
                    ui.label(f);
                    ui.label(if a.is_empty() { "(empty)" } else { a.as_str() });
                    ui.label(if b.is_empty() { "(empty)" } else { b.as_str() });
                    ui.end_row();
                }
            });
            ui.horizontal(|ui| {
                confirm = ui.button("Save").clicked();
                cancel = ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
            });
        });
        if cancel {
            view.review = false;
        }
        if confirm {
            view.review = false;
            view.confirmed = None;
            let fields: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
            self.change(&format!("Save {}", fields.join(", ")), move |c, gid| async move { c.update_profile(&gid, &update).await });
        }
    }

    fn dismiss_dialog(&mut self, ctx: &egui::Context) {
        let Some(view) = self.group.as_mut() else { return };
        let gid = view.group_id.clone();
        let reason = &mut view.dismiss_reason;
        let Some(typed) = view.dismiss_typed.as_mut() else { return };
        let mut go = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("dismiss")).show(ctx, |ui| {
            ui.heading(format!("Dismiss {gid}?"));
            ui.label("Every member loses the group. This cannot be undone.");
            let l = ui.label("Reason (recorded in the audit log)");
            ui.add(egui::TextEdit::singleline(reason).hint_text("reason")).labelled_by(l.id);
            let l = ui.label(format!("Type the group id ({gid}) to confirm"));
            ui.add(egui::TextEdit::singleline(typed).hint_text(&gid)).labelled_by(l.id);
            ui.horizontal(|ui| {
                go = ui.add_enabled(typed.trim() == gid && !reason.trim().is_empty(), egui::Button::new(RichText::new("Dismiss").color(Color32::RED))).clicked();
                cancel = ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
            });
        });
        if cancel {
            view.dismiss_typed = None;
        }
        if go {
            view.dismiss_typed = None;
            view.busy = true;
            let hosted = view.detail.as_ref().is_some_and(|d| d.info.is_some());
            let reason = view.dismiss_reason.trim().to_owned();
            let Some(client) = self.client() else { return };
            self.bridge.spawn(async move {
                let r = if hosted { client.dismiss_group(&gid).await } else { client.group_dismiss("groupdesk", &gid).await };
                Msg::Dismissed(gid, reason, r)
            });
        }
    }

    fn create_dialog(&mut self, ctx: &egui::Context) {
        let Some(form) = self.create.as_mut() else { return };
        let mut submit = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("create_group")).show(ctx, |ui| {
            ui.heading("New hosted group");
            widgets::text_field(ui, "Group ID", &mut form.group_id);
            widgets::limited_text(ui, "Group name", &mut form.name, limits::GROUP_NAME_MAX, false);
            widgets::text_field(ui, "Owner user id", &mut form.owner);
            let l = ui.label(format!("Members to add (up to {}; commas or new lines)", limits::CREATE_INVITEES_MAX));
            ui.add(egui::TextEdit::multiline(&mut form.members).desired_rows(3).hint_text("user ids")).labelled_by(l.id);
            let problems = form.problems();
            for p in &problems {
                ui.colored_label(Color32::RED, p);
            }
            if let Some(e) = &form.error {
                ui.colored_label(Color32::RED, e);
            }
            ui.horizontal(|ui| {
                submit = ui.add_enabled(problems.is_empty() && !form.busy, egui::Button::new("Create")).clicked();
                cancel = ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
                if form.busy {
                    ui.spinner();
                }
            });
        });
        if cancel {
            self.create = None;
            return;
        }
        if submit {
            form.busy = true;
            form.error = None;
            let g = NewGroup { group_id: form.group_id.trim().into(), name: form.name.clone(), owner: form.owner.trim().into(), members: form.invitees(), ..Default::default() };
            let Some(client) = self.client() else { return };
            self.bridge.spawn(async move { Msg::Created(g.group_id.clone(), client.create_group(&g).await) });
        }
    }

    fn secret_dialog(&mut self, ctx: &egui::Context) {
        let Some((name, secret)) = self.secret_prompt.as_mut() else { return };
        let mut ok = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("secret_prompt")).show(ctx, |ui| {
            ui.heading(format!("App Secret for {name}"));
            ui.label("No keyring entry was found. The secret is kept in memory for this run only.");
            let l = ui.label("App Secret");
            ui.add(egui::TextEdit::singleline(secret).password(true).hint_text("App Secret")).labelled_by(l.id);
            ui.horizontal(|ui| {
                ok = ui.add_enabled(!secret.is_empty(), egui::Button::new("Connect")).clicked();
                cancel = ui.button("Cancel").clicked();
            });
        });
        if cancel {
            self.secret_prompt = None;
        } else if ok {
            let (name, secret) = self.secret_prompt.take().expect("open");
            self.secrets.set(&name, &secret);
            if let Some(p) = self.settings.profiles.iter().find(|p| p.name == name).cloned() {
                self.connect_profile(&p);
            }
        }
        let _ = Level::Info;
    }
}
