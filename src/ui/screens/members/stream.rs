//! #13 members: a read of the members page by page. The first page makes the table, which is
//! usable at once (filter, sort, select, act) while the rest arrives; a progress bar shows how
//! many of the group's members are in, with Cancel. Dropping the read (leaving the group,
//! reloading) cancels it.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use tokio_util::sync::CancellationToken;

use crate::tr;
use crate::ui::command::Command;
use crate::ui::display;

static NEXT_LOAD: AtomicU64 = AtomicU64::new(1);

/// A running read of the members.
pub struct Stream {
    /// Names this read: pages of an older one are ignored.
    pub load: u64,
    pub cancel: CancellationToken,
    pub started: Instant,
    /// Members in so far, and the group's member count as the service reports it.
    pub loaded: usize,
    pub total: usize,
    pub pages: usize,
}

impl Stream {
    /// A new read of `group_id` and the command that starts it.
    pub fn start(group_id: &str) -> (Self, Command) {
        let load = NEXT_LOAD.fetch_add(1, Ordering::Relaxed);
        let cancel = CancellationToken::new();
        let cmd = Command::StreamMembers { group_id: group_id.to_owned(), load, cancel: cancel.clone() };
        (Self { load, cancel, started: Instant::now(), loaded: 0, total: 0, pages: 0 }, cmd)
    }

    pub fn page(&mut self, rows: usize, total: usize) {
        self.loaded += rows;
        self.total = total.max(self.loaded);
        self.pages += 1;
    }

    /// "Loading members: 4,000 of 20,000" with a bar and Cancel (once a page is in).
    pub fn progress_ui(&mut self, ui: &mut egui::Ui) {
        if self.pages == 0 || self.cancel.is_cancelled() {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            let frac = if self.total == 0 { 0.0 } else { self.loaded as f32 / self.total as f32 };
            let text = tr!("members-loading-progress", loaded = display::number(self.loaded), total = display::number(self.total));
            ui.add(egui::ProgressBar::new(frac).desired_width(200.0).text(text));
            ui.label(tr!("members-loading-usable"));
            if ui.button(tr!("members-loading-stop")).clicked() {
                self.cancel.cancel();
            }
        });
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}
