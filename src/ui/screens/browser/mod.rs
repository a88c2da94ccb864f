//! The group browser (left panel): hosted groups with a filter, sortable by name, member count
//! or creation time, as left-aligned rows over the panel's full height; open by exact id;
//! create; and, in a collapsible section at the bottom, a user lookup that lists the groups a
//! user belongs to with their role.

mod create;

use egui::RichText;

use crate::model::JoinedRow as JoinedGroup;
use crate::tr;
use crate::ui::command::{Command, Pending, pending};
use crate::ui::event::{Event, GroupRow};
use crate::ui::{display, widgets};

pub use create::CreateForm;

/// How the group list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupSort {
    /// As the service lists them (newest first).
    #[default]
    Created,
    Name,
    Members,
}

#[derive(Default)]
pub struct BrowserScreen {
    groups: Vec<GroupRow>,
    loading: bool,
    pub filter: String,
    /// The order, and whether it is reversed (newest first, Z to A, largest first).
    pub sort: (GroupSort, bool),
    filtered: Vec<usize>,
    /// What the filtered view was computed for: filter, data generation, order.
    filtered_for: Option<(String, usize, (GroupSort, bool))>,
    generation: usize,
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

    /// The filtered, sorted view of the group list, recomputed only when the data, the filter
    /// or the order change.
    pub fn visible_groups(&mut self) -> &[usize] {
        let key = (self.filter.to_lowercase(), self.generation, self.sort);
        if self.filtered_for.as_ref() != Some(&key) {
            let f = &key.0;
            let groups = &self.groups;
            let mut v: Vec<usize> = groups
                .iter()
                .enumerate()
                .filter(|(_, g)| f.is_empty() || g.group_id.to_lowercase().contains(f) || g.name.to_lowercase().contains(f))
                .map(|(i, _)| i)
                .collect();
            let (order, reversed) = self.sort;
            match order {
                GroupSort::Created => v.sort_by_key(|&i| std::cmp::Reverse(groups[i].created_ms)),
                GroupSort::Name => v.sort_by_cached_key(|&i| (groups[i].name.to_lowercase(), groups[i].group_id.clone())),
                GroupSort::Members => v.sort_by_key(|&i| std::cmp::Reverse(groups[i].member_count)),
            }
            if reversed {
                v.reverse();
            }
            self.filtered = v;
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
                    self.generation += 1;
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
        // The lookup sits at the bottom; the list takes all the height between.
        egui::Panel::bottom("user_lookup").resizable(false).show(ui, |ui| {
            egui::CollapsingHeader::new(tr!("lookup-title")).id_salt("lookup_section").show(ui, |ui| self.lookup_ui(ui, cmds));
        });
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| self.list_ui(ui, selected, cmds));
    }

    fn header_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            ui.heading(tr!("browser-title"));
            if self.loading {
                ui.spinner();
            }
            if ui.button(tr!("browser-new")).clicked() {
                self.create = Some(CreateForm::default());
            }
            if ui.button(tr!("browser-refresh")).on_hover_text(tr!("browser-refresh-hint")).clicked() {
                cmds.push(Command::RefreshGroups);
            }
        });
        let l = ui.label(tr!("browser-filter"));
        ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text(tr!("browser-filter-hint")).desired_width(f32::INFINITY)).labelled_by(l.id);
        let l = ui.label(tr!("browser-open-label"));
        let open = ui.horizontal(|ui| {
            let r = ui.add(egui::TextEdit::singleline(&mut self.open_id).hint_text(tr!("browser-open-hint")).desired_width((ui.available_width() - 70.0).max(80.0))).labelled_by(l.id);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.button(tr!("browser-open")).clicked() || enter
        });
        if open.inner {
            cmds.push(Command::OpenGroup(self.open_id.clone()));
        }
    }

    fn sort_ui(&mut self, ui: &mut egui::Ui) {
        let label = |o: GroupSort| match o {
            GroupSort::Name => tr!("browser-sort-name"),
            GroupSort::Members => tr!("browser-sort-members"),
            GroupSort::Created => tr!("browser-sort-created"),
        };
        ui.horizontal(|ui| {
            let l = ui.label(tr!("browser-sort"));
            egui::ComboBox::from_id_salt("group_sort")
                .selected_text(label(self.sort.0))
                .show_ui(ui, |ui| {
                    for o in [GroupSort::Name, GroupSort::Members, GroupSort::Created] {
                        if ui.selectable_label(self.sort.0 == o, label(o)).clicked() {
                            self.sort = (o, false);
                        }
                    }
                })
                .response
                .labelled_by(l.id);
            let reversed = self.sort.1;
            if ui.add(egui::Button::selectable(reversed, tr!("browser-sort-reverse"))).on_hover_text(tr!("browser-sort-reverse-hint")).clicked() {
                self.sort.1 = !reversed;
            }
        });
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, selected: Option<&str>, cmds: &mut Vec<Command>) {
        self.sort_ui(ui);
        let total = self.groups.len();
        let visible: Vec<usize> = self.visible_groups().to_vec();
        ui.label(RichText::new(tr!("browser-count", shown = visible.len(), total = total)).weak());
        let row_h = ui.text_style_height(&egui::TextStyle::Body) * 1.85 + 10.0;
        let list = egui::ScrollArea::vertical().id_salt("group_list").auto_shrink([false, false]);
        list.show_rows(ui, row_h, visible.len(), |ui, range| {
            for &i in &visible[range] {
                let g = &self.groups[i];
                if group_row_ui(ui, g, selected == Some(g.group_id.as_str()), row_h).clicked() {
                    cmds.push(Command::OpenGroup(g.group_id.clone()));
                }
            }
        });
    }

    fn lookup_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        let l = ui.label(tr!("lookup-user"));
        let go = ui
            .horizontal(|ui| {
                let r = ui.add(egui::TextEdit::singleline(&mut self.lookup_user).hint_text(tr!("lookup-user-hint")).desired_width((ui.available_width() - 90.0).max(80.0))).labelled_by(l.id);
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.button(tr!("lookup-find")).clicked() || enter
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

/// One group as a left-aligned row: its name, then its id and member count.
fn group_row_ui(ui: &mut egui::Ui, g: &GroupRow, selected: bool, row_h: f32) -> egui::Response {
    let mut job = egui::text::LayoutJob::default();
    let style = ui.style();
    let strong = egui::TextFormat { font_id: egui::TextStyle::Body.resolve(style), color: ui.visuals().strong_text_color(), ..Default::default() };
    let body = egui::TextStyle::Body.resolve(style);
    let weak = egui::TextFormat { font_id: egui::FontId::new(body.size * 0.82, body.family.clone()), color: ui.visuals().weak_text_color(), ..Default::default() };
    job.append(&g.name, 0.0, strong);
    job.append(&format!("\n{} · {}", g.group_id, tr!("browser-row-members", count = g.member_count)), 0.0, weak);
    job.wrap = egui::text::TextWrapping::truncate_at_width(ui.available_width() - 12.0);
    let button = egui::Button::selectable(selected, job).min_size(egui::vec2(ui.available_width(), row_h - ui.spacing().item_spacing.y));
    ui.add(button).on_hover_text(tr!("browser-row-hint", created = display::time_ms(g.created_ms), zone = display::zone()))
}

/// The groups a user is in, each a link that opens it.
fn joined_ui(ui: &mut egui::Ui, user: &str, groups: &[JoinedGroup], cmds: &mut Vec<Command>) {
    if groups.is_empty() {
        ui.label(tr!("lookup-none", user = user));
    } else {
        ui.label(tr!("lookup-found", user = user, count = groups.len()));
        egui::ScrollArea::vertical().id_salt("lookup").max_height(160.0).show(ui, |ui| {
            for g in groups {
                if ui.link(format!("{} ({}) — {}", g.name, g.group_id, widgets::model_text(g.role.label()))).clicked() {
                    cmds.push(Command::OpenGroup(g.group_id.clone()));
                }
            }
        });
    }
}
