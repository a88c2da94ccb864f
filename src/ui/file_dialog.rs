//! The only place that opens native file dialogs. The dialog is created on the UI thread (rfd's
//! advice for macOS) and awaited on the runtime, so the UI keeps drawing while it is open; the
//! chosen path (or `None`) goes into the asking screen's promise. Tests never open one.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

use super::bridge::Bridge;
use super::command::FileDialog;

pub fn choose(bridge: &Bridge, dialog: FileDialog, reply: poll_promise::Sender<Option<PathBuf>>) {
    let chosen: Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>> = match dialog {
        FileDialog::Save { file_name } => Box::pin(rfd::AsyncFileDialog::new().set_file_name(file_name).save_file()),
        FileDialog::Open { filter, extensions } => Box::pin(rfd::AsyncFileDialog::new().add_filter(filter, extensions).pick_file()),
    };
    bridge.promise(reply, async move { chosen.await.map(PathBuf::from) }, || None);
}
