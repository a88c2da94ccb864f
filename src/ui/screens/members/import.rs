//! Acting on a pasted list or a file of user ids (or CSV with a header and a chosen column):
//! a dry run against the loaded members first, then a bulk action on the valid ids.

use std::collections::HashSet;
use std::path::PathBuf;

use poll_promise::Promise;

use crate::ops::csv::ImportPreview;
use crate::model::table::MemberTable;
use crate::ui::command::{BulkAction, Command, FileDialog, Pending, pending, take_ready};
use crate::tr;
use crate::ui::widgets;

#[derive(Default)]
pub struct ImportList {
    /// Pasted or loaded list of user ids (or CSV).
    pub text: String,
    /// The chosen CSV column, when the input has a header.
    pub column: Option<usize>,
    pub preview: Option<Result<ImportPreview, String>>,
    load_from: Option<Promise<Option<PathBuf>>>,
    reading: Option<(PathBuf, Pending<String>)>,
    /// The group's service: its user id rules for the dry run.
    pub service: Option<crate::model::Service>,
}

impl ImportList {
    /// Parses the list and checks it against the loaded members (a dry run).
    pub fn check(&mut self, table: Option<&MemberTable>) {
        let members: HashSet<&str> = table.map(|t| t.rows().iter().map(|r| r.user_id.as_str()).collect()).unwrap_or_default();
        let parsed = crate::ops::csv::read_ids_column(&self.text, self.column);
        self.preview = Some(parsed.map(|list| crate::ops::csv::preview_ids_for(self.service.unwrap_or(crate::model::Service::RongCloud), &list.ids, |u| members.contains(u))));
    }

    /// Takes the chosen file, then its text (checked at once).
    pub fn poll(&mut self, table: Option<&MemberTable>, cmds: &mut Vec<Command>) {
        if let Some(Some(path)) = take_ready(&mut self.load_from) {
            let (reply, promise) = pending();
            cmds.push(Command::ReadListFile { path: path.clone(), reply });
            self.reading = Some((path, promise));
        }
        let Some((path, text)) = self.reading.take() else { return };
        match text.try_take() {
            Err(running) => self.reading = Some((path, running)),
            Ok(Ok(text)) => {
                self.text = text;
                self.column = None;
                self.check(table);
            }
            Ok(Err(e)) => self.preview = Some(Err(tr!("import-cannot-read", path = path.display().to_string(), error = widgets::headline(&e)))),
        }
    }

    /// The section; the action chosen for the valid ids, if any.
    pub fn ui(&mut self, ui: &mut egui::Ui, table: Option<&MemberTable>, cmds: &mut Vec<Command>) -> Option<(BulkAction, Vec<String>)> {
        let mut action = None;
        egui::CollapsingHeader::new(tr!("import-title")).id_salt("import_header").show(ui, |ui| {
            let l = ui.label(tr!("import-label"));
            let edit = egui::TextEdit::multiline(&mut self.text).desired_rows(3).desired_width(f32::INFINITY).hint_text(tr!("import-hint"));
            ui.add(edit).labelled_by(l.id);
            ui.horizontal_wrapped(|ui| self.input_row_ui(ui, table, cmds));
            action = self.preview_ui(ui);
        });
        let valid = match &self.preview {
            Some(Ok(p)) => p.valid.clone(),
            _ => Vec::new(),
        };
        action.map(|a| (a, valid))
    }

    fn input_row_ui(&mut self, ui: &mut egui::Ui, table: Option<&MemberTable>, cmds: &mut Vec<Command>) {
        if ui.button(tr!("import-load-file")).clicked() {
            let (reply, promise) = Promise::new();
            self.load_from = Some(promise);
            cmds.push(Command::ChooseFile { dialog: FileDialog::Open { filter: "CSV", extensions: &["csv", "txt"] }, reply });
        }
        if let Some(headers) = crate::ops::csv::csv_headers(&self.text) {
            egui::ComboBox::from_label(tr!("import-column"))
                .selected_text(self.column.and_then(|c| headers.get(c).cloned()).unwrap_or_else(|| tr!("import-column-detected")))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.column, None, tr!("import-column-detected"));
                    for (i, h) in headers.iter().enumerate() {
                        ui.selectable_value(&mut self.column, Some(i), h);
                    }
                });
        }
        if ui.button(tr!("import-check")).clicked() {
            self.check(table);
        }
    }

    fn preview_ui(&self, ui: &mut egui::Ui) -> Option<BulkAction> {
        let mut action = None;
        match &self.preview {
            Some(Ok(p)) => {
                ui.add(egui::Label::new(tr!("import-preview", valid = p.valid.len(), non_members = p.non_members.len(), duplicates = p.duplicates.len(), invalid = p.invalid.len())).wrap());
                for (id, why) in p.invalid.iter().take(5) {
                    widgets::problem_ui(ui, format!("{}: {why}", id.chars().take(20).collect::<String>()));
                }
                ui.horizontal_wrapped(|ui| {
                    for (label, a) in [
                        (tr!("import-add"), BulkAction::Add),
                        (tr!("import-mute"), BulkAction::Mute(60)),
                        (tr!("import-kick"), BulkAction::Kick),
                        (tr!("import-allowlist"), BulkAction::AllowlistAdd),
                    ] {
                        if ui.button(label).clicked() {
                            action = Some(a);
                        }
                    }
                });
            }
            Some(Err(e)) => widgets::problem_ui(ui, e),
            None => {}
        }
        action
    }
}
