//! Bulk jobs of the members tab: one runs at a time per group and the rest wait their turn; a
//! progress bar with the time left and Cancel; then a per-user outcome table with Retry failed
//! and export.

use std::collections::VecDeque;
use std::path::PathBuf;

use poll_promise::Promise;
use tokio_util::sync::CancellationToken;

use crate::model::bulk::{BulkReport, Progress};
use crate::tr;
use crate::ui::{display, widgets};
use crate::model::rongcloud::LeaveOptions;
use crate::ui::command::{BulkAction, Command, FileDialog, JobRequest, take_ready};

pub struct Job {
    pub label: String,
    pub started: Option<std::time::Instant>,
    pub action: BulkAction,
    pub reason: String,
    pub progress: Progress,
    pub report: Option<BulkReport>,
    pub cancel: CancellationToken,
    /// Outcome table filter: `None` all, else "failed" or "skipped".
    pub show: Option<&'static str>,
}

#[derive(Default)]
pub struct Jobs {
    pub job: Option<Job>,
    /// Jobs waiting for the running one: (action, users, reason).
    pub queue: VecDeque<(BulkAction, Vec<String>, String)>,
    /// The keep/remove choices of the last confirmed kick.
    pub kick_options: LeaveOptions,
    outcomes_to: Option<Promise<Option<PathBuf>>>,
}

impl Jobs {
    pub fn running(&self) -> bool {
        self.job.as_ref().is_some_and(|j| j.report.is_none())
    }

    /// Starts a job, or queues it behind the running one.
    pub fn start(&mut self, group_id: &str, action: BulkAction, users: Vec<String>, reason: String, cmds: &mut Vec<Command>) {
        if self.running() {
            self.queue.push_back((action, users, reason));
        } else {
            let cancel = CancellationToken::new();
            self.job = Some(Job {
                label: tr!("job-label", action = action.label(), count = users.len(), group = group_id),
                started: Some(std::time::Instant::now()),
                action,
                reason: reason.clone(),
                progress: Progress { total: users.len(), ..Default::default() },
                report: None,
                cancel: cancel.clone(),
                show: None,
            });
            cmds.push(Command::RunJob(JobRequest { group_id: group_id.to_owned(), action, users, reason, leave: self.kick_options, cancel }));
        }
    }

    pub fn progress(&mut self, p: Progress) {
        if let Some(job) = self.job.as_mut().filter(|j| j.report.is_none()) {
            job.progress = p;
        }
    }

    /// The running job finished; starts the next one. `true` when none is left (the members
    /// should be read again).
    pub fn done(&mut self, group_id: &str, report: &BulkReport, cmds: &mut Vec<Command>) -> bool {
        if let Some(job) = self.job.as_mut() {
            job.progress.finished = report.items.len();
            job.report = Some(report.clone());
        }
        match self.queue.pop_front() {
            Some((action, users, reason)) => {
                self.start(group_id, action, users, reason, cmds);
                false
            }
            None => true,
        }
    }

    /// Runs the last job again for its failed users only.
    fn retry_failed(&mut self, group_id: &str, cmds: &mut Vec<Command>) {
        let Some(job) = &self.job else { return };
        let Some(report) = &job.report else { return };
        let failed: Vec<String> = report.items.iter().filter(|i| matches!(i.outcome, crate::model::bulk::Outcome::Failed { .. })).map(|i| i.user_id.clone()).collect();
        if !failed.is_empty() {
            let (action, reason) = (job.action, format!("{} (retry of failed)", job.reason));
            self.start(group_id, action, failed, reason, cmds);
        }
    }

    /// Writes the last job's per-user outcomes to `path`.
    pub fn export_outcomes(&self, path: PathBuf) -> Option<Command> {
        let report = self.job.as_ref()?.report.clone()?;
        Some(Command::ExportOutcomes { path, report })
    }

    pub fn poll(&mut self, cmds: &mut Vec<Command>) {
        if let Some(Some(path)) = take_ready(&mut self.outcomes_to) {
            cmds.extend(self.export_outcomes(path));
        }
    }

    /// The progress bar of the running (or last) job.
    pub fn progress_ui(&mut self, ui: &mut egui::Ui) {
        let queued = self.queue.len();
        let Some(job) = &self.job else { return };
        ui.horizontal_wrapped(|ui| {
            let p = job.progress;
            let frac = if p.total == 0 { 1.0 } else { p.finished as f32 / p.total as f32 };
            ui.add(egui::ProgressBar::new(frac).desired_width(200.0).text(format!("{}/{}", display::number(p.finished), display::number(p.total))));
            match &job.report {
                None => {
                    ui.label(&job.label);
                    if let (Some(t), true) = (job.started, p.finished > 0 && p.finished < p.total) {
                        let per = t.elapsed().as_secs_f64() / p.finished as f64;
                        ui.label(tr!("job-time-left", seconds = (per * (p.total - p.finished) as f64).round() as i64));
                    }
                    if ui.button(tr!("job-cancel")).clicked() {
                        job.cancel.cancel();
                    }
                    if queued > 0 {
                        ui.label(tr!("job-queued", count = queued));
                    }
                }
                Some(r) => {
                    ui.label(format!("{}: {}", job.label, widgets::outcome_summary(r)));
                }
            }
        });
    }

    /// The outcome table of the last job, unless everything was done.
    pub fn outcomes_ui(&mut self, ui: &mut egui::Ui, group_id: &str, service: crate::model::Service, cmds: &mut Vec<Command>) {
        let Some(job) = self.job.as_mut() else { return };
        let Some(report) = job.report.as_ref().filter(|r| !r.all_done()) else { return };
        let mut retry = false;
        egui::CollapsingHeader::new(tr!("outcomes-title")).id_salt("outcomes_header").default_open(true).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.selectable_value(&mut job.show, None, tr!("outcomes-all"));
                ui.selectable_value(&mut job.show, Some("failed"), tr!("outcomes-failed"));
                ui.selectable_value(&mut job.show, Some("skipped"), tr!("outcomes-skipped"));
                ui.selectable_value(&mut job.show, Some("unknown"), tr!("outcomes-unknown"));
                retry = ui.add_enabled(report.any_failed(), egui::Button::new(tr!("outcomes-retry"))).clicked();
                if ui.button(tr!("outcomes-export")).clicked() {
                    let (reply, promise) = Promise::new();
                    self.outcomes_to = Some(promise);
                    cmds.push(Command::ChooseFile { dialog: FileDialog::Save { file_name: "outcomes.csv".into() }, reply });
                }
            });
            outcome_grid_ui(ui, report, job.show, service);
        });
        if retry {
            self.retry_failed(group_id, cmds);
        }
    }
}

fn outcome_grid_ui(ui: &mut egui::Ui, report: &BulkReport, show: Option<&str>, service: crate::model::Service) {
    // Only the rows in view are laid out: a job on 100,000 members lists 100,000 outcomes.
    let shown: Vec<&crate::model::bulk::ItemOutcome> = report.items.iter().filter(|i| show.is_none_or(|s| i.outcome.label() == s)).collect();
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical().id_salt("outcomes").max_height(120.0).show_rows(ui, row_h, shown.len(), |ui, range| {
        egui::Grid::new("outcome_grid").striped(true).show(ui, |ui| {
            for item in &shown[range] {
                ui.label(&item.user_id);
                ui.label(widgets::outcome_text(ui, &item.outcome));
                ui.label(widgets::model_text_owned(&item.outcome.detail(|c| crate::ops::rules::explain(service, c))));
                ui.end_row();
            }
        });
    });
}
