//! The "new group" dialog: id, name, owner and up to 30 invitees, checked before sending.

use crate::model::ApiError;
use crate::protocol::rongcloud::limits;
use crate::model::NewGroup;
use crate::ui::command::Command;
use crate::tr;
use crate::ui::widgets;

#[derive(Default)]
pub struct CreateForm {
    pub group_id: String,
    pub name: String,
    pub owner: String,
    /// Invitees, separated by commas, spaces or new lines.
    pub members: String,
    pub busy: bool,
    pub error: Option<ApiError>,
    focused: bool,
}

/// What the dialog asks of its owner.
pub enum CreateOutcome {
    Open,
    Cancel,
}

impl CreateForm {
    pub fn invitees(&self) -> Vec<String> {
        self.members.split([',', ' ', '\n', '\t']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Err(e) = crate::ops::rules::new_group_id("Group ID", &self.group_id) {
            out.push(crate::ui::error_text::message(&e));
        }
        if self.name.trim().is_empty() {
            out.push(tr!("field-required", label = tr!("create-name")));
        } else if self.name.chars().count() > limits::GROUP_NAME_MAX {
            out.push(tr!("limit-chars", label = tr!("create-name"), max = limits::GROUP_NAME_MAX, count = self.name.chars().count()));
        }
        if let Err(e) = crate::ops::rules::user_id("Owner", &self.owner) {
            out.push(crate::ui::error_text::message(&e));
        }
        let inv = self.invitees();
        if inv.len() > limits::CREATE_INVITEES_MAX {
            out.push(tr!("create-too-many", max = limits::CREATE_INVITEES_MAX, count = inv.len()));
        }
        if let Some(e) = inv.iter().find_map(|u| crate::ops::rules::user_id("Members", u).err()) {
            out.push(crate::ui::error_text::message(&e));
        }
        out
    }

    fn new_group(&self) -> NewGroup {
        NewGroup { group_id: self.group_id.trim().into(), name: self.name.clone(), owner: self.owner.trim().into(), members: self.invitees(), ..Default::default() }
    }

    /// The modal; `Cancel` when the user closes it.
    pub fn dialog_ui(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) -> CreateOutcome {
        let mut submit = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("create_group")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading(tr!("create-title"));
            let id = widgets::text_field(ui, &tr!("create-id"), &mut self.group_id);
            if !self.focused {
                id.request_focus();
                self.focused = true;
            }
            widgets::limited_text(ui, &tr!("create-name"), &mut self.name, limits::GROUP_NAME_MAX, false);
            widgets::text_field(ui, &tr!("create-owner"), &mut self.owner);
            let l = ui.label(tr!("create-members", max = limits::CREATE_INVITEES_MAX));
            ui.add(egui::TextEdit::multiline(&mut self.members).desired_rows(3).desired_width(f32::INFINITY).hint_text(tr!("create-members-hint"))).labelled_by(l.id);
            let problems = self.problems();
            for p in &problems {
                widgets::problem_ui(ui, p);
            }
            if let Some(e) = &self.error {
                widgets::error_ui(ui, e);
            }
            ui.horizontal(|ui| {
                submit = ui.add_enabled(problems.is_empty() && !self.busy, egui::Button::new(tr!("create-button"))).clicked();
                cancel = ui.button(tr!("cancel")).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
                if self.busy {
                    ui.spinner();
                }
            });
        });
        if submit && !cancel {
            self.busy = true;
            self.error = None;
            cmds.push(Command::CreateGroup(self.new_group()));
        }
        if cancel { CreateOutcome::Cancel } else { CreateOutcome::Open }
    }
}
