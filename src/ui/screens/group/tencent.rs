//! The profile tab of a Tencent group: the four texts with byte counters ("12 字 · 36/30 字节"),
//! the type (read-only), join and invite options, the member cap, mute-all (disabled with the
//! reason where the type cannot), custom fields typed from the app's registry; review before
//! save, read-back confirmation, and disband with the group id typed.

use egui::RichText;

use super::tc_form::{self, TEXT_LIMITS, TcForm};
use crate::model::tencent::{CustomFields, ValueType};
use crate::model::caps::Feature;
use crate::model::tencent::{ApplyJoinOption, InviteJoinOption};
use crate::tr;
use crate::ui::command::{Command, GroupAction, Pending, pending, take_ready};
use crate::ui::event::GroupDetail;
use crate::ui::widgets;

#[derive(Default)]
pub struct TcEditor {
    pub original: TcForm,
    pub form: TcForm,
    /// The app's custom-field registry (`None` until read, or where the server has none).
    pub fields: Option<CustomFields>,
    fields_loading: Option<Pending<CustomFields>>,
    fields_asked: bool,
    /// The review dialog: the reason typed (`Some` = open).
    pub review: Option<String>,
    review_focused: bool,
    /// What was sent, compared with the server's answer when it is read back.
    asked: Option<TcForm>,
    /// Mute-all to switch once the profile save has ended (one change at a time).
    then_mute: Option<(bool, String)>,
    pub confirm_pending: Option<String>,
    pub confirmed: Option<String>,
}

impl TcEditor {
    /// The server's state arrived (and the registry is asked for once).
    pub fn loaded(&mut self, detail: &GroupDetail, cmds: &mut Vec<Command>) {
        if !self.fields_asked {
            self.fields_asked = true;
            let (reply, promise) = pending();
            self.fields_loading = Some(promise);
            cmds.push(Command::TcFields { reply });
        }
        let fresh = TcForm::from_detail(detail, self.fields.as_ref());
        if let Some(action) = self.confirm_pending.take() {
            let matches = self.asked.take().is_none_or(|asked| fresh.diff(&asked).0.is_empty());
            self.confirmed = Some(if matches { tr!("confirmed-exact", action = action.as_str()) } else { tr!("confirmed-different", action = action.as_str()) });
        }
        self.original = fresh.clone();
        self.form = fresh;
    }

    /// A change ended well: the chained mute-all switch goes next (answers `true`: the read-back
    /// waits for it), else the group is read back to confirm `action`.
    pub fn changed(&mut self, group_id: &str, action: &str, cmds: &mut Vec<Command>) -> bool {
        if let Some((on, reason)) = self.then_mute.take() {
            cmds.push(Command::GroupChange { group_id: group_id.to_owned(), action: GroupAction::MuteAll(on), reason });
            return true;
        }
        self.confirm_pending = Some(action.to_owned());
        false
    }

    /// A change failed: nothing chained to it is sent.
    pub fn failed(&mut self) {
        self.then_mute = None;
        self.asked = None;
    }

    pub fn poll(&mut self, detail: Option<&GroupDetail>) {
        if let Some(answer) = take_ready(&mut self.fields_loading) {
            // No registry (the live service): values are shown as plain text.
            self.fields = answer.ok();
            if let Some(d) = detail {
                let fresh = TcForm::from_detail(d, self.fields.as_ref());
                for (k, v) in fresh.custom {
                    self.original.custom.entry(k.clone()).or_insert_with(|| v.clone());
                    self.form.custom.entry(k).or_insert(v);
                }
            }
        }
    }

    /// Answers whether Disband was clicked (the page owns the typed confirmation).
    pub fn ui(&mut self, ui: &mut egui::Ui, detail: &GroupDetail, busy: bool) -> bool {
        let mut disband = false;
        egui::ScrollArea::vertical().id_salt("tc_detail").show(ui, |ui| {
            ui.columns(2, |cols| {
                self.texts_ui(&mut cols[0]);
                self.settings_ui(&mut cols[1], detail);
                self.custom_ui(&mut cols[1]);
            });
            ui.separator();
            let problems = self.form.problems(self.fields.as_ref());
            for p in &problems {
                widgets::problem_ui(ui, p);
            }
            let changed = self.form != self.original;
            ui.horizontal(|ui| {
                if ui.add_enabled(changed && problems.is_empty() && !busy, egui::Button::new(tr!("profile-review-save"))).clicked() {
                    self.review = Some(String::new());
                    self.review_focused = false;
                }
                if ui.add_enabled(changed && !busy, egui::Button::new(tr!("profile-discard"))).clicked() {
                    self.form = self.original.clone();
                }
            });
            ui.separator();
            ui.heading(tr!("danger-zone"));
            disband = ui.add_enabled(!busy, widgets::danger_button(ui, &tr!("tc-disband-button"))).clicked();
        });
        disband
    }

    fn texts_ui(&mut self, ui: &mut egui::Ui) {
        ui.heading(tr!("profile-heading"));
        for (i, (max, value)) in TEXT_LIMITS.iter().zip(self.form.texts()).enumerate() {
            byte_text(ui, &tc_form::text_label(i), value, *max, tc_form::text_is_long(i));
        }
    }

    fn settings_ui(&mut self, ui: &mut egui::Ui, d: &GroupDetail) {
        ui.heading(tr!("tc-settings-heading"));
        let Some(t) = d.tencent() else { return };
        ui.label(tr!("tc-group-type", kind = t.group_type.product_name(), wire = t.group_type.wire()));
        combo(ui, &tr!("tc-field-apply-join"), &mut self.form.apply_join, &[ApplyJoinOption::FreeAccess, ApplyJoinOption::NeedPermission, ApplyJoinOption::DisableApply], tc_form::apply_name);
        combo(ui, &tr!("tc-field-invite-join"), &mut self.form.invite_join, &[InviteJoinOption::FreeAccess, InviteJoinOption::NeedPermission, InviteJoinOption::DisableInvite], tc_form::invite_name);
        widgets::text_field(ui, &tr!("tc-field-max-members"), &mut self.form.max_members);
        let mute = d.caps.missing(Feature::MuteAll);
        let r = ui.add_enabled(mute.is_none(), egui::Checkbox::new(&mut self.form.muted_all, tr!("tc-field-mute-all")));
        if let Some(why) = mute {
            r.on_disabled_hover_text(widgets::model_text(why));
        }
        // What the type allows, so nothing on the members tab is a surprise.
        for f in [Feature::Admins, Feature::Mute, Feature::Members] {
            if let Some(why) = d.caps.missing(f) {
                ui.label(RichText::new(widgets::model_text(why)).weak());
            }
        }
    }

    fn custom_ui(&mut self, ui: &mut egui::Ui) {
        ui.heading(tr!("tc-custom-heading"));
        if self.form.custom.is_empty() {
            ui.label(RichText::new(tr!("tc-custom-none")).weak());
        }
        let fields = self.fields.as_ref();
        for (k, value) in self.form.custom.iter_mut() {
            let def = fields.and_then(|f| f.group_fields.iter().find(|d| &d.key == k));
            let label = match def {
                Some(d) if !d.label.is_empty() && d.label != *k => format!("{} ({k})", d.label),
                _ => k.clone(),
            };
            match def.map(|d| d.value_type) {
                Some(ValueType::Boolean) => {
                    ui.horizontal(|ui| {
                        ui.label(&label);
                        egui::ComboBox::from_id_salt(("tc_bool", k.as_str())).selected_text(bool_text(value)).show_ui(ui, |ui| {
                            for v in ["", "true", "false"] {
                                ui.selectable_value(value, v.to_owned(), bool_text(v));
                            }
                        });
                    });
                }
                t => {
                    let kind = tc_form::type_name(t.unwrap_or(ValueType::String));
                    byte_text(ui, &format!("{label} · {kind}"), value, crate::protocol::tencent::limits::GROUP_VALUE_BYTES, t == Some(ValueType::Json));
                }
            }
        }
        ui.label(RichText::new(tr!("tc-custom-empty-deletes")).weak().small());
    }

    /// The review (each changed field before and after, a reason), when open.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, group_id: &str, cmds: &mut Vec<Command>) {
        let Some(reason) = self.review.as_mut() else { return };
        let (rows, update, mute) = self.form.diff(&self.original);
        let (mut go, mut cancel) = (false, false);
        egui::Modal::new(egui::Id::unique("tc_review")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(tr!("review-title", group = group_id));
            ui.label(tr!("review-intro"));
            egui::ScrollArea::vertical().max_height(280.0).show(ui, |ui| {
                egui::Grid::new("tc_review_grid").striped(true).num_columns(3).show(ui, |ui| {
                    ui.strong(tr!("review-field"));
                    ui.strong(tr!("review-before"));
                    ui.strong(tr!("review-after"));
                    ui.end_row();
                    for (f, a, b) in &rows {
                        let def = self.fields.as_ref().and_then(|d| d.group_fields.iter().find(|d| &d.key == f));
                        ui.label(def.map_or_else(|| f.clone(), |d| format!("{} ({f})", d.label)));
                        for v in [a, b] {
                            ui.add(egui::Label::new(if v.is_empty() { tr!("review-empty") } else { v.clone() }).wrap());
                        }
                        ui.end_row();
                    }
                });
            });
            widgets::reason_ui(ui, reason, &mut self.review_focused);
            let ok = !reason.trim().is_empty();
            (go, cancel) = widgets::confirm_buttons_ui(ui, ok, egui::Button::new(tr!("review-save")));
        });
        if cancel {
            self.review = None;
        } else if go {
            let reason = self.review.take().unwrap_or_default().trim().to_owned();
            widgets::remember_reason(ctx, &reason);
            self.confirmed = None;
            self.asked = Some(self.form.clone());
            if update.is_empty() {
                if let Some(on) = mute {
                    cmds.push(Command::GroupChange { group_id: group_id.to_owned(), action: GroupAction::MuteAll(on), reason });
                }
            } else {
                self.then_mute = mute.map(|on| (on, reason.clone()));
                let fields = rows.iter().map(|r| r.0.clone()).filter(|f| *f != tr!("tc-field-mute-all")).collect();
                cmds.push(Command::SaveProfile { group_id: group_id.to_owned(), fields, update, reason });
            }
        }
    }
}

fn bool_text(v: &str) -> String {
    match v {
        "true" => tr!("tc-yes"),
        "false" => tr!("tc-no"),
        _ => tr!("not-set"),
    }
}

fn combo<T: Copy + PartialEq>(ui: &mut egui::Ui, label: &str, value: &mut Option<T>, all: &[T], name: fn(T) -> String) {
    let shown = value.map_or_else(|| tr!("not-set"), name);
    egui::ComboBox::from_label(label).selected_text(shown).width(200.0).show_ui(ui, |ui| {
        for v in all {
            ui.selectable_value(value, Some(*v), name(*v));
        }
    });
}

/// A text field with its length in characters and in UTF-8 bytes against a byte limit:
/// "12 chars · 36/30 bytes", in the error colour over the limit.
pub fn byte_text(ui: &mut egui::Ui, label: &str, value: &mut String, max: usize, multiline: bool) {
    let (chars, bytes) = (value.chars().count(), value.len());
    let label_id = ui
        .horizontal(|ui| {
            let l = ui.label(label);
            let counter = RichText::new(tr!("tc-byte-counter", chars = chars, bytes = bytes, max = max));
            ui.label(if bytes <= max { counter.weak() } else { counter.color(ui.visuals().error_fg_color) });
            l.id
        })
        .inner;
    let edit = if multiline { egui::TextEdit::multiline(value).desired_rows(3) } else { egui::TextEdit::singleline(value) };
    ui.add(edit.desired_width(f32::INFINITY).hint_text(label)).labelled_by(label_id);
}
