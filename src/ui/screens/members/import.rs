//! Acting on a pasted list or a file of user ids (or CSV with a header and a chosen column):
//! a dry run against the loaded members first, then a bulk action on the valid ids.

use std::collections::HashSet;
use std::path::PathBuf;

use poll_promise::Promise;

use crate::ops::csv::ImportPreview;
use crate::model::table::MemberTable;
use crate::ui::command::{BulkAction, Command, FileDialog, Pending, pending, take_ready};
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
}

impl ImportList {
    /// Parses the list and checks it against the loaded members (a dry run).
    pub fn check(&mut self, table: Option<&MemberTable>) {
        let members: HashSet<&str> = table.map(|t| t.rows().iter().map(|r| r.user_id.as_str()).collect()).unwrap_or_default();
        let parsed = crate::ops::csv::read_ids_column(&self.text, self.column);
        self.preview = Some(parsed.map(|list| crate::ops::csv::preview_ids(&list.ids, |u| members.contains(u))));
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
            Ok(Err(e)) => self.preview = Some(Err(format!("cannot read {}: {}", path.display(), e.message))),
        }
    }

    /// The section; the action chosen for the valid ids, if any.
    pub fn ui(&mut self, ui: &mut egui::Ui, table: Option<&MemberTable>, cmds: &mut Vec<Command>) -> Option<(BulkAction, Vec<String>)> {
        let mut action = None;
        egui::CollapsingHeader::new("Act on a pasted list or a file").show(ui, |ui| {
            let l = ui.label("User ids: one per line, or CSV with a header");
            let edit = egui::TextEdit::multiline(&mut self.text).desired_rows(3).desired_width(f32::INFINITY).hint_text("user ids or CSV");
            ui.add(edit).labelled_by(l.id);
            ui.horizontal(|ui| self.input_row_ui(ui, table, cmds));
            action = self.preview_ui(ui);
        });
        let valid = match &self.preview {
            Some(Ok(p)) => p.valid.clone(),
            _ => Vec::new(),
        };
        action.map(|a| (a, valid))
    }

    fn input_row_ui(&mut self, ui: &mut egui::Ui, table: Option<&MemberTable>, cmds: &mut Vec<Command>) {
        if ui.button("Load file…").clicked() {
            let (reply, promise) = Promise::new();
            self.load_from = Some(promise);
            cmds.push(Command::ChooseFile { dialog: FileDialog::Open { filter: "CSV or text", extensions: &["csv", "txt"] }, reply });
        }
        if let Some(headers) = crate::ops::csv::csv_headers(&self.text) {
            egui::ComboBox::from_label("Column")
                .selected_text(self.column.and_then(|c| headers.get(c).cloned()).unwrap_or_else(|| "userId (detected)".into()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.column, None, "userId (detected)");
                    for (i, h) in headers.iter().enumerate() {
                        ui.selectable_value(&mut self.column, Some(i), h);
                    }
                });
        }
        if ui.button("Check list").clicked() {
            self.check(table);
        }
    }

    fn preview_ui(&self, ui: &mut egui::Ui) -> Option<BulkAction> {
        let mut action = None;
        match &self.preview {
            Some(Ok(p)) => {
                ui.label(format!(
                    "{} valid ids ({} not members of this group); {} duplicates and {} invalid ids will not be sent.",
                    p.valid.len(),
                    p.non_members.len(),
                    p.duplicates.len(),
                    p.invalid.len()
                ));
                for (id, why) in p.invalid.iter().take(5) {
                    widgets::problem_ui(ui, format!("{}: {why}", id.chars().take(20).collect::<String>()));
                }
                ui.horizontal(|ui| {
                    for (label, a) in [
                        ("Add listed as members", BulkAction::Add),
                        ("Mute listed for 1 h", BulkAction::Mute(60)),
                        ("Kick listed…", BulkAction::Kick),
                        ("Allowlist listed", BulkAction::AllowlistAdd),
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
