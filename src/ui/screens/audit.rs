//! The audit screen: every recorded change, newest first, filtered as you type, exportable. Each
//! entry shows its full reason (wrapped) and its result in words (skipped is not failed); a
//! click opens its detail beside the list: every user with their outcome, the request ids, the
//! error. The log is read in the background whenever it changed since the last read and the
//! screen is shown.

use std::collections::HashMap;
use std::path::PathBuf;

use egui::RichText;
use egui_extras::{Column, TableBuilder};
use poll_promise::Promise;

use crate::i18n::Language;
use crate::model::bulk::{ItemOutcome, Outcome};
use crate::ops::audit::AuditEntry;
use crate::tr;
use crate::ui::command::{Command, FileDialog, Pending, pending, take_ready};
use crate::ui::event::Event;
use crate::ui::widgets::{outcome_label, outcome_text};
use crate::ui::{audit_text, display, widgets};

/// Entries drawn at most (the filter narrows the rest).
const SHOWN_MAX: usize = 500;

pub struct AuditScreen {
    pub filter: String,
    entries: Vec<AuditEntry>,
    /// The entry whose detail is shown (its time and action identify it across reloads).
    pub selected: Option<(String, String)>,
    /// The log changed since it was last read (or was never read).
    stale: bool,
    loading: Option<Pending<Vec<AuditEntry>>>,
    export_to: Option<Promise<Option<PathBuf>>>,
    /// Each stored action as shown in `actions_in` (translated once, not every frame).
    actions: HashMap<String, String>,
    actions_in: Option<Language>,
}

impl Default for AuditScreen {
    fn default() -> Self {
        Self { filter: String::new(), entries: Vec::new(), selected: None, stale: true, loading: None, export_to: None, actions: HashMap::new(), actions_in: None }
    }
}

impl AuditScreen {
    /// Entries matching the filter (action, group, operator, connection, reason or a user id).
    pub fn matching(&self) -> Vec<&AuditEntry> {
        let f = self.filter.trim().to_lowercase();
        self.entries
            .iter()
            .rev()
            .filter(|e| {
                f.is_empty()
                    || [&e.action, self.action(e), &e.group, &e.operator, &e.connection, &e.result].iter().any(|s| s.to_lowercase().contains(&f))
                    || e.reason.as_ref().is_some_and(|r| r.to_lowercase().contains(&f))
                    || e.users.iter().any(|u| u.to_lowercase() == f)
            })
            .collect()
    }

    /// An entry's action as shown (in the console's language once [`Self::translate_actions`] ran).
    fn action<'a>(&'a self, e: &'a AuditEntry) -> &'a String {
        self.actions.get(&e.action).unwrap_or(&e.action)
    }

    /// Translates the actions not translated yet (all of them after a language switch).
    fn translate_actions(&mut self) {
        let lang = crate::i18n::language();
        if self.actions_in != Some(lang) {
            self.actions.clear();
            self.actions_in = Some(lang);
        }
        for e in &self.entries {
            if !self.actions.contains_key(&e.action) {
                self.actions.insert(e.action.clone(), audit_text::action_text(&e.action));
            }
        }
    }

    /// Writes the entries that match the filter, oldest first, to `path`.
    pub fn export_command(&self, path: PathBuf) -> Command {
        Command::ExportAudit { path, entries: self.matching().into_iter().rev().cloned().collect() }
    }

    pub fn on_event(&mut self, event: &Event) {
        if matches!(event, Event::Audited(_)) {
            self.stale = true;
        }
    }

    /// Takes finished reads and dialogs.
    pub fn poll(&mut self, cmds: &mut Vec<Command>) {
        match take_ready(&mut self.loading) {
            Some(Ok(entries)) => self.entries = entries,
            Some(Err(e)) => cmds.push(Command::error(&tr!("audit-read-failed"), &e)),
            None => {}
        }
        if let Some(Some(path)) = take_ready(&mut self.export_to) {
            cmds.push(self.export_command(path));
        }
    }

    fn reload(&mut self, cmds: &mut Vec<Command>) {
        let (reply, promise) = pending();
        self.loading = Some(promise);
        self.stale = false;
        cmds.push(Command::ReloadAudit { reply });
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, log_path: &str, cmds: &mut Vec<Command>) {
        if self.stale && self.loading.is_none() {
            self.reload(cmds);
        }
        self.translate_actions();
        ui.heading(tr!("audit-title"));
        ui.add(egui::Label::new(RichText::new(log_path).weak().small()).truncate());
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(tr!("audit-filter"));
            ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text(tr!("audit-filter-hint")).desired_width(220.0)).labelled_by(l.id);
            if ui.button(tr!("audit-reload")).clicked() {
                self.reload(cmds);
            }
            if ui.button(tr!("audit-export")).clicked() {
                let (reply, promise) = Promise::new();
                self.export_to = Some(promise);
                cmds.push(Command::ChooseFile { dialog: FileDialog::Save { file_name: "audit.jsonl".into() }, reply });
            }
        });
        let rows = self.matching();
        ui.label(tr!("audit-count", shown = rows.len(), total = self.entries.len()));
        let selected = self.selected.as_ref().and_then(|(t, a)| rows.iter().find(|e| &e.time == t && &e.action == a).copied());
        let mut clicked = None;
        let mut close = false;
        if let Some(entry) = selected {
            egui::Panel::right("audit_detail").resizable(true).default_size(340.0).min_size(220.0).show(ui, |ui| close = detail_ui(ui, entry));
        }
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            egui::ScrollArea::vertical().id_salt("audit").auto_shrink([false, false]).show(ui, |ui| {
                for e in rows.iter().take(SHOWN_MAX) {
                    let is_sel = selected.is_some_and(|s| std::ptr::eq(s, *e));
                    if entry_ui(ui, e, self.action(e), is_sel).clicked() {
                        clicked = Some((e.time.clone(), e.action.clone()));
                    }
                }
                if rows.len() > SHOWN_MAX {
                    ui.label(RichText::new(tr!("audit-more", count = rows.len() - SHOWN_MAX)).weak());
                }
            });
        });
        if close {
            self.selected = None;
        } else if let Some(c) = clicked {
            self.selected = if self.selected.as_ref() == Some(&c) { None } else { Some(c) };
        }
    }
}

/// The result in words, coloured: failed red; partial, skipped and unknown as warnings.
fn result_text(ui: &egui::Ui, result: &str) -> RichText {
    let text = RichText::new(widgets::model_text(result)).strong();
    match result {
        "done" => text,
        "failed" => text.color(ui.visuals().error_fg_color),
        _ => text.color(ui.visuals().warn_fg_color),
    }
}

/// Per-outcome counts of a bulk entry ("2 done, 1 skipped").
fn counts(e: &AuditEntry) -> Option<String> {
    if e.outcomes.is_empty() {
        return None;
    }
    let n = |label: &str| e.outcomes.iter().filter(|o| o.outcome.label() == label).count();
    let mut parts = vec![tr!("outcomes-summary", done = n("done"), failed = n("failed"), skipped = n("skipped"))];
    if n("unknown") > 0 {
        parts.push(tr!("outcomes-summary-unknown", unknown = n("unknown")));
    }
    Some(parts.join(", "))
}

/// One entry: time, operator and connection; action, group and result; the full reason.
fn entry_ui(ui: &mut egui::Ui, e: &AuditEntry, action: &str, selected: bool) -> egui::Response {
    let fill = if selected { ui.visuals().selection.bg_fill.gamma_multiply(0.4) } else { ui.visuals().faint_bg_color };
    let frame = egui::Frame::new().fill(fill).inner_margin(6.0).corner_radius(4.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(display::rfc3339(&e.time)).monospace().weak());
            ui.label(RichText::new(format!("{} · {}", e.operator, e.connection)).weak());
        });
        ui.horizontal_wrapped(|ui| {
            ui.add(egui::Label::new(RichText::new(action).strong()).selectable(false));
            if !e.group.is_empty() {
                ui.label(RichText::new(&e.group).monospace());
            }
            ui.label(result_text(ui, &e.result));
            if let Some(c) = counts(e) {
                ui.label(RichText::new(c).weak());
            } else if !e.users.is_empty() {
                ui.label(RichText::new(tr!("audit-users", count = e.users.len())).weak());
            }
        });
        if let Some(r) = e.reason.as_deref().filter(|r| !r.is_empty()) {
            ui.add(egui::Label::new(tr!("audit-reason", reason = r)).wrap().selectable(false));
        }
    });
    let resp = ui.interact(frame.response.rect, ui.scope_id().with(("audit_entry", &e.time, &e.action)), egui::Sense::click());
    ui.add_space(2.0);
    resp.on_hover_text(tr!("audit-entry-hint"))
}

/// Everything an entry holds; whether Close was clicked. The per-user outcomes are a table
/// that draws only its visible rows (a job of 3,000 users costs no more per frame than ten).
fn detail_ui(ui: &mut egui::Ui, e: &AuditEntry) -> bool {
    let mut close = false;
    ui.horizontal(|ui| {
        ui.heading(tr!("audit-detail-title"));
        close = ui.button(tr!("audit-detail-close")).clicked();
    });
    let head_height = if e.outcomes.is_empty() { f32::INFINITY } else { ui.available_height() * 0.5 };
    egui::ScrollArea::vertical().id_salt("audit_detail_scroll").max_height(head_height).show(ui, |ui| {
        egui::Grid::new("audit_detail_grid").num_columns(2).spacing([8.0, 4.0]).show(ui, |ui| {
            let row = |ui: &mut egui::Ui, k: String, v: RichText| {
                ui.label(RichText::new(k).weak());
                ui.add(egui::Label::new(v).wrap().selectable(true));
                ui.end_row();
            };
            row(ui, tr!("audit-detail-time", zone = display::zone()), RichText::new(display::rfc3339(&e.time)));
            row(ui, tr!("audit-detail-operator"), RichText::new(&e.operator));
            row(ui, tr!("audit-detail-connection"), RichText::new(&e.connection));
            let action = audit_text::action_text(&e.action);
            let translated = action != e.action;
            row(ui, tr!("audit-detail-action"), RichText::new(action).strong());
            if translated {
                row(ui, tr!("audit-detail-stored-action"), RichText::new(&e.action).monospace());
            }
            row(ui, tr!("audit-detail-group"), RichText::new(&e.group).monospace());
            row(ui, tr!("audit-detail-result"), result_text(ui, &e.result));
            row(ui, tr!("audit-detail-reason"), RichText::new(e.reason.clone().unwrap_or_else(|| tr!("audit-no-reason"))));
            if let Some(err) = &e.error {
                row(ui, tr!("audit-detail-error"), RichText::new(err).color(ui.visuals().error_fg_color));
            }
        });
        if !e.request_ids.is_empty() {
            ui.separator();
            ui.label(RichText::new(tr!("audit-detail-request-ids", count = e.request_ids.len())).strong());
            ui.add(egui::Label::new(RichText::new(e.request_ids.join("\n")).monospace().small()).selectable(true));
        }
        if e.outcomes.is_empty() && !e.users.is_empty() {
            ui.separator();
            ui.label(RichText::new(tr!("audit-users", count = e.users.len())).strong());
            ui.add(egui::Label::new(e.users.join(", ")).wrap().selectable(true));
        }
    });
    if !e.outcomes.is_empty() {
        ui.separator();
        ui.label(RichText::new(counts(e).unwrap_or_default()).strong());
        outcomes_table_ui(ui, &e.outcomes);
    }
    close
}

/// One row per user: id, outcome, and the detail (message and request id, or why skipped),
/// truncated in the row and whole on hover.
fn outcomes_table_ui(ui: &mut egui::Ui, outcomes: &[ItemOutcome]) {
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    TableBuilder::new(ui)
        .id_salt("audit_outcomes")
        .striped(true)
        .auto_shrink([false, false])
        .column(Column::auto().at_least(72.0).clip(true))
        .column(Column::auto().at_least(48.0))
        .column(Column::remainder().clip(true))
        .body(|body| {
            body.rows(row_h, outcomes.len(), |mut row| {
                let o = &outcomes[row.index()];
                row.col(|ui| {
                    ui.add(egui::Label::new(RichText::new(&o.user_id).monospace()).truncate());
                });
                row.col(|ui| {
                    ui.label(outcome_text(ui, &o.outcome)).on_hover_text(outcome_label(&o.outcome));
                });
                let detail = match &o.outcome {
                    Outcome::Done => String::new(),
                    Outcome::Failed { message, request_id, .. } | Outcome::Unknown { message, request_id } => {
                        request_id.as_ref().map_or_else(|| message.clone(), |id| format!("{message} [{id}]"))
                    }
                    Outcome::Skipped { reason } => widgets::model_text_owned(reason),
                };
                row.col(|ui| {
                    if !detail.is_empty() {
                        ui.add(egui::Label::new(detail.as_str()).truncate()).on_hover_text(detail.as_str());
                    }
                });
            });
        });
}
