//! The only place that opens the system's file dialogs. The dialog is created on the UI thread
//! (rfd's advice for macOS) and awaited on the runtime, so the UI keeps drawing while it is open.
//! On a desktop without a file-chooser portal or zenity, rfd answers "nothing chosen" at once,
//! just as a cancel does; the answer's delay tells them apart (`app/files.rs` then offers the
//! in-app path chooser). Tests never open one.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::time::{Duration, Instant};

use super::bridge::Bridge;
use super::command::FileDialog;

/// How the system's dialog answered.
pub struct NativeAnswer {
    pub path: Option<PathBuf>,
    /// How long it took: "nothing chosen" much faster than a person can cancel means the
    /// dialog could not be shown.
    pub elapsed: Duration,
}

impl NativeAnswer {
    /// Nothing chosen faster than anyone can cancel a dialog.
    pub fn failed(&self) -> bool {
        self.path.is_none() && self.elapsed < Duration::from_millis(1500)
    }
}

pub fn choose(bridge: &Bridge, dialog: FileDialog, reply: poll_promise::Sender<NativeAnswer>) {
    let chosen: Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>> = match dialog {
        FileDialog::Save { file_name } => Box::pin(rfd::AsyncFileDialog::new().set_file_name(file_name).save_file()),
        FileDialog::Open { filter, extensions } => Box::pin(rfd::AsyncFileDialog::new().add_filter(filter, extensions).pick_file()),
    };
    let started = Instant::now();
    bridge.promise(
        reply,
        async move {
            let path = chosen.await.map(PathBuf::from);
            NativeAnswer { path, elapsed: started.elapsed() }
        },
        move || NativeAnswer { path: None, elapsed: Duration::ZERO },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_chosen_at_once_is_a_failure_a_slow_cancel_is_not() {
        let answer = |path: Option<&str>, ms| NativeAnswer { path: path.map(PathBuf::from), elapsed: Duration::from_millis(ms) };
        assert!(answer(None, 40).failed(), "no portal, no zenity: rfd answers at once");
        assert!(!answer(None, 4000).failed(), "the operator cancelled");
        assert!(!answer(Some("/tmp/x.csv"), 40).failed());
    }
}
