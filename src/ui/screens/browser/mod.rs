//! The group browser (left panel): hosted groups with a filter, sortable by name, member count
//! or creation time, as left-aligned rows over the panel's full height; open by exact id;
//! create; and, in a collapsible section at the bottom, a user lookup (`lookup.rs`) that lists
//! the groups a user belongs to with their role.
//!
//! On Tencent Cloud Chat every row shows its group type and owner, a type filter narrows the
//! list, and the list fills progressively: rows arrive batch by batch ([`Event::GroupRows`])
//! while the rest is still being read, with "loaded N of M" until the list is complete.

mod create;
mod lookup;

use egui::RichText;

use crate::model::Service;
use crate::model::tencent::GroupType;
use crate::tr;
use crate::ui::command::Command;
use crate::ui::display;
use crate::ui::event::{Event, GroupRow};

pub use create::CreateForm;
pub use lookup::Lookup;

/// How the group list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupSort {
    /// As the service lists them (newest first).
    #[default]
    Created,
    Name,
    Members,
}

/// What a filtered view is computed for: filter text, type, data generation, order.
type ViewKey = (String, Option<GroupType>, usize, (GroupSort, bool));

#[derive(Default)]
pub struct BrowserScreen {
    groups: Vec<GroupRow>,
    loading: bool,
    /// Groups the service reported while a list is being read (progressive listing).
    total: Option<usize>,
    /// The next batch of rows starts a new list (a refresh began).
    fresh: bool,
    /// When the first batch of the last list arrived: rows then in the list, and the total.
    pub first_batch: Option<(usize, usize)>,
    /// The number of the current read, and what cancels it.
    load: (u64, tokio_util::sync::CancellationToken),
    /// Tencent: only groups of this type.
    pub type_filter: Option<GroupType>,
    /// The service of the connection (the type filter is Tencent's).
    service: Option<Service>,
    pub filter: String,
    /// The order, and whether it is reversed (newest first, Z to A, largest first).
    pub sort: (GroupSort, bool),
    filtered: Vec<usize>,
    /// What the filtered view was computed for: filter, type, data generation, order.
    filtered_for: Option<ViewKey>,
    generation: usize,
    open_id: String,
    pub lookup: Lookup,
    create: Option<CreateForm>,
}

impl BrowserScreen {
    pub fn groups(&self) -> &[GroupRow] {
        &self.groups
    }

    /// A new read of the list begins (any older one is cancelled): its number and its token.
    pub fn begin_refresh(&mut self) -> (u64, tokio_util::sync::CancellationToken) {
        self.cancel_load();
        self.loading = true;
        self.fresh = true;
        self.total = None;
        self.load.clone()
    }

    /// Cancels the current read; what it still sends is dropped.
    fn cancel_load(&mut self) {
        self.load.1.cancel();
        self.load = (self.load.0 + 1, tokio_util::sync::CancellationToken::new());
    }

    /// The number of the current read (older reads' events are dropped).
    pub fn current_load(&self) -> u64 {
        self.load.0
    }

    /// A list is being read.
    pub fn loading(&self) -> bool {
        self.loading
    }

    /// The number of groups the service reported for the list being read (else the list's).
    pub fn total(&self) -> usize {
        self.total.unwrap_or(self.groups.len())
    }

    /// Forgets what belonged to the previous connection.
    pub fn clear(&mut self) {
        self.cancel_load();
        self.loading = false;
        self.fresh = false;
        self.groups.clear();
        self.filtered_for = None;
        self.lookup = Lookup::default();
        self.type_filter = None;
        self.first_batch = None;
        self.total = None;
    }

    /// The filtered, sorted view of the group list, recomputed only when the data, the filter
    /// or the order change.
    pub fn visible_groups(&mut self) -> &[usize] {
        let key = (self.filter.to_lowercase(), self.type_filter, self.generation, self.sort);
        if self.filtered_for.as_ref() != Some(&key) {
            let (f, kind) = (&key.0, key.1);
            let groups = &self.groups;
            let mut v: Vec<usize> = groups
                .iter()
                .enumerate()
                .filter(|(_, g)| kind.is_none() || g.group_type == kind)
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
        self.lookup.on_event(event);
        match event {
            Event::GroupRows { rows, total, .. } => {
                if std::mem::take(&mut self.fresh) {
                    self.groups.clear();
                    self.first_batch = Some((rows.len(), *total));
                }
                self.groups.extend(rows.iter().cloned());
                self.total = Some(*total);
                self.generation += 1;
            }
            Event::Groups(result) => {
                self.loading = false;
                self.fresh = false;
                self.total = None;
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
    /// `selected`: the group open on the right; `service`: the connection's.
    pub fn ui(&mut self, ui: &mut egui::Ui, selected: Option<&str>, service: Option<Service>, cmds: &mut Vec<Command>) {
        if self.service != service {
            self.service = service;
            self.type_filter = None;
        }
        self.header_ui(ui, cmds);
        ui.separator();
        // The lookup sits at the bottom; the list takes all the height between.
        egui::Panel::bottom("user_lookup").resizable(false).show(ui, |ui| {
            egui::CollapsingHeader::new(tr!("lookup-title")).id_salt("lookup_section").show(ui, |ui| self.lookup.ui(ui, service, cmds));
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

    /// Tencent's type filter; on RongCloud disabled, saying why.
    fn type_filter_ui(&mut self, ui: &mut egui::Ui) {
        let tencent = self.service == Some(Service::Tencent);
        ui.horizontal(|ui| {
            let l = ui.label(tr!("browser-type"));
            let shown = self.type_filter.map_or_else(|| tr!("browser-type-all"), type_label);
            ui.add_enabled_ui(tencent, |ui| {
                egui::ComboBox::from_id_salt("group_type_filter")
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.type_filter, None, tr!("browser-type-all"));
                        for t in GroupType::ALL {
                            ui.selectable_value(&mut self.type_filter, Some(t), type_label(t));
                        }
                    })
                    .response
                    .labelled_by(l.id)
                    .on_disabled_hover_text(tr!("browser-type-rongcloud"));
            });
        });
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, selected: Option<&str>, cmds: &mut Vec<Command>) {
        self.sort_ui(ui);
        self.type_filter_ui(ui);
        let total = self.groups.len();
        let visible: Vec<usize> = self.visible_groups().to_vec();
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr!("browser-count", shown = visible.len(), total = total)).weak());
            if self.loading && self.total.is_some() {
                ui.spinner();
                ui.label(RichText::new(tr!("browser-loaded", loaded = total, total = self.total())).weak());
            }
        });
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

    /// The create dialog, when open.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        self.lookup.dialogs_ui(ctx, cmds);
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
    let second = match g.group_type {
        Some(t) => format!("\n{} · {} · {} · {}", g.group_id, type_label(t), tr!("browser-row-members", count = g.member_count), tr!("browser-row-owner", owner = g.owner.as_str())),
        None => format!("\n{} · {}", g.group_id, tr!("browser-row-members", count = g.member_count)),
    };
    job.append(&second, 0.0, weak);
    job.wrap = egui::text::TextWrapping::truncate_at_width(ui.available_width() - 12.0);
    let button = egui::Button::selectable(selected, job).min_size(egui::vec2(ui.available_width(), row_h - ui.spacing().item_spacing.y));
    ui.add(button).on_hover_text(tr!("browser-row-hint", created = display::time_ms(g.created_ms), zone = display::zone()))
}

/// A Tencent group type as the console names it (Work, Public, Meeting, AVChatRoom, Community).
pub fn type_label(t: GroupType) -> String {
    match t {
        GroupType::Private => tr!("browser-type-work"),
        GroupType::Public => tr!("browser-type-public"),
        GroupType::ChatRoom => tr!("browser-type-meeting"),
        GroupType::AVChatRoom => tr!("browser-type-avchatroom"),
        GroupType::Community => tr!("browser-type-community"),
    }
}
