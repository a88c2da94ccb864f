//! The group browser (left panel): hosted groups with a filter, open by exact id, create, and a
//! user lookup that lists the groups a user belongs to with their role.

mod create;

use egui::RichText;

use crate::model::JoinedRow as JoinedGroup;
use crate::ui::command::{Command, Pending, pending};
use crate::ui::event::{Event, GroupRow};
use crate::ui::widgets;

pub use create::CreateForm;

#[derive(Default)]
pub struct BrowserScreen {
    groups: Vec<GroupRow>,
    loading: bool,
    pub filter: String,
    filtered: Vec<usize>,
    filtered_for: Option<(String, usize)>,
    open_id: String,
    lookup_user: String,
    /// The user looked up and the groups found.
    lookup: Option<(String, Pending<Vec<JoinedGroup>>)>,
    create: Option<CreateForm>,
}

impl BrowserScreen {
    pub fn groups(&self) -> &[GroupRow] {
        &self.groups
    }

    pub fn begin_refresh(&mut self) {
        self.loading = true;
    }

    /// Forgets what belonged to the previous connection.
    pub fn clear(&mut self) {
        self.groups.clear();
        self.filtered_for = None;
        self.lookup = None;
    }

    /// The filtered view of the group list, recomputed only when the data or filter change.
    pub fn visible_groups(&mut self) -> &[usize] {
        let key = (self.filter.to_lowercase(), self.groups.len());
        if self.filtered_for.as_ref() != Some(&key) {
            let f = &key.0;
            self.filtered = self
                .groups
                .iter()
                .enumerate()
                .filter(|(_, g)| f.is_empty() || g.group_id.to_lowercase().contains(f) || g.name.to_lowercase().contains(f))
                .map(|(i, _)| i)
                .collect();
            self.filtered_for = Some(key);
        }
        &self.filtered
    }

    pub fn on_event(&mut self, event: &Event) {
        match event {
            Event::Groups(result) => {
                self.loading = false;
                if let Ok(groups) = result {
                    self.groups = groups.clone();
                    self.filtered_for = None;
                }
            }
            Event::Created { result: Ok(()), .. } => self.create = None,
            Event::Created { result: Err(e), .. } => {
                if let Some(f) = self.create.as_mut() {
                    f.busy = false;
                    f.error = Some(e.clone());
                }
            }
            _ => {}
        }
    }

    /// `selected`: the group open on the right.
    pub fn ui(&mut self, ui: &mut egui::Ui, selected: Option<&str>, cmds: &mut Vec<Command>) {
        self.header_ui(ui, cmds);
        ui.separator();
        self.list_ui(ui, selected, cmds);
        ui.separator();
        self.lookup_ui(ui, cmds);
    }

    fn header_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.heading("Groups");
            if self.loading {
                ui.spinner();
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Refresh").on_hover_text("Reload the group list").clicked() {
                    cmds.push(Command::RefreshGroups);
                }
                if ui.button("New group").clicked() {
                    self.create = Some(CreateForm::default());
                }
            });
        });
        let l = ui.label("Filter by id or name");
        ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text("type to filter").desired_width(f32::INFINITY)).labelled_by(l.id);
        let l = ui.label("Open by exact group id (hosted or legacy)");
        let open = ui.horizontal(|ui| {
            let r = ui.add(egui::TextEdit::singleline(&mut self.open_id).hint_text("group id").desired_width(180.0)).labelled_by(l.id);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.button("Open").clicked() || enter
        });
        if open.inner {
            cmds.push(Command::OpenGroup(self.open_id.clone()));
        }
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, selected: Option<&str>, cmds: &mut Vec<Command>) {
        let total = self.groups.len();
        let visible: Vec<usize> = self.visible_groups().to_vec();
        ui.label(RichText::new(format!("{} of {total} hosted groups", visible.len())).weak());
        let row_h = ui.text_style_height(&egui::TextStyle::Body) * 2.4;
        let list = egui::ScrollArea::vertical().id_salt("group_list").max_height(ui.available_height() * 0.6).auto_shrink([false, false]);
        list.show_rows(ui, row_h, visible.len(), |ui, range| {
            ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
                for &i in &visible[range] {
                    let g = &self.groups[i];
                    let is_sel = selected == Some(g.group_id.as_str());
                    let text = format!("{}\n{} · {} members", g.name, g.group_id, g.member_count);
                    if ui.add_sized([ui.available_width(), row_h - 4.0], egui::Button::selectable(is_sel, text)).clicked() {
                        cmds.push(Command::OpenGroup(g.group_id.clone()));
                    }
                }
            });
        });
    }

    fn lookup_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        ui.heading("User lookup");
        let l = ui.label("User id");
        let go = ui
            .horizontal(|ui| {
                let r = ui.add(egui::TextEdit::singleline(&mut self.lookup_user).hint_text("user id").desired_width(180.0)).labelled_by(l.id);
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.button("Find groups").clicked() || enter
            })
            .inner;
        if go {
            self.lookup = Some(self.start_lookup(cmds));
        }
        match self.lookup.as_ref().and_then(|(user, found)| Some((user, found.ready()?))) {
            Some((user, Ok(groups))) => joined_ui(ui, user, groups, cmds),
            Some((_, Err(e))) => widgets::error_ui(ui, e),
            None => {}
        }
    }

    /// Checks the user id, then asks for the user's groups.
    fn start_lookup(&self, cmds: &mut Vec<Command>) -> (String, Pending<Vec<JoinedGroup>>) {
        let user = self.lookup_user.trim().to_owned();
        if let Err(e) = crate::ops::rules::user_id("User ID", &user) {
            return (user, Pending::from_ready(Err(e)));
        }
        let (reply, promise) = pending();
        cmds.push(Command::LookupUser { user: user.clone(), reply });
        (user, promise)
    }

    /// The create dialog, when open.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        if let Some(form) = self.create.as_mut() {
            if matches!(form.dialog_ui(ctx, cmds), create::CreateOutcome::Cancel) {
                self.create = None;
            }
        }
    }
}

/// The groups a user is in, each a link that opens it.
fn joined_ui(ui: &mut egui::Ui, user: &str, groups: &[JoinedGroup], cmds: &mut Vec<Command>) {
    if groups.is_empty() {
        ui.label(format!("{user} is in no hosted group."));
    } else {
        ui.label(format!("{user} is in {} hosted groups:", groups.len()));
        egui::ScrollArea::vertical().id_salt("lookup").show(ui, |ui| {
            for g in groups {
                if ui.link(format!("{} ({}) — {}", g.name, g.group_id, g.role.label())).clicked() {
                    cmds.push(Command::OpenGroup(g.group_id.clone()));
                }
            }
        });
    }
}
