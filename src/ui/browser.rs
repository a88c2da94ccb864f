//! The group browser (left panel): hosted groups with a filter, open by exact id, create, and a
//! user lookup that lists the groups a user belongs to with their role.

use egui::RichText;

use super::app::GroupdeskApp;

impl GroupdeskApp {
    pub(crate) fn browser_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.heading("Groups");
            if self.groups_loading {
                ui.spinner();
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Refresh").on_hover_text("Reload the group list").clicked() {
                    self.refresh_groups();
                }
                if ui.button("New group").clicked() {
                    self.create = Some(Default::default());
                }
            });
        });
        let l = ui.label("Filter by id or name");
        ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text("type to filter").desired_width(f32::INFINITY))
            .labelled_by(l.id);
        let l = ui.label("Open by exact group id (hosted or legacy)");
        let resp = ui.horizontal(|ui| {
            let r = ui.add(egui::TextEdit::singleline(&mut self.open_id).hint_text("group id").desired_width(180.0)).labelled_by(l.id);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.button("Open").clicked() || enter
        });
        if resp.inner {
            let id = self.open_id.clone();
            self.open_group(&id);
        }
        ui.separator();
        let total = self.groups.len();
        let visible: Vec<usize> = self.visible_groups().to_vec();
        ui.label(RichText::new(format!("{} of {total} hosted groups", visible.len())).weak());
        let row_h = ui.text_style_height(&egui::TextStyle::Body) * 2.4;
        let selected = self.group.as_ref().map(|g| g.group_id.clone());
        let mut open = None;
        egui::ScrollArea::vertical().id_salt("group_list").max_height(ui.available_height() * 0.6).auto_shrink([false, false]).show_rows(
            ui,
            row_h,
            visible.len(),
            |ui, range| {
                ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
                    for &i in &visible[range] {
                        let g = &self.groups[i];
                        let is_sel = selected.as_deref() == Some(g.summary.group_id.as_str());
                        let text = format!("{}\n{} · {} members", g.summary.name, g.summary.group_id, g.member_count);
                        let r = ui.add_sized([ui.available_width(), row_h - 4.0], egui::Button::selectable(is_sel, text));
                        if r.clicked() {
                            open = Some(g.summary.group_id.clone());
                        }
                    }
                });
            },
        );
        if let Some(id) = open {
            self.open_group(&id);
        }
        ui.separator();
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
            self.lookup_user_groups();
        }
        let mut open = None;
        if let Some((user, result)) = &self.lookup {
            match result {
                Ok(groups) if groups.is_empty() => {
                    ui.label(format!("{user} is in no hosted group."));
                }
                Ok(groups) => {
                    ui.label(format!("{user} is in {} hosted groups:", groups.len()));
                    egui::ScrollArea::vertical().id_salt("lookup").show(ui, |ui| {
                        for g in groups {
                            if ui.link(format!("{} ({}) — {}", g.name, g.group_id, g.role.label())).clicked() {
                                open = Some(g.group_id.clone());
                            }
                        }
                    });
                }
                Err(e) => {
                    ui.colored_label(egui::Color32::RED, e);
                }
            }
        }
        if let Some(id) = open {
            self.open_group(&id);
        }
    }
}
