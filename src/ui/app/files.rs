//! Choosing a file to save to or open, for every export and import: the system's dialog first;
//! when it cannot be shown (no file-chooser portal, no zenity: it answers "nothing chosen" at
//! once) the failure is logged and the in-app path chooser opens instead — a folder (the user's
//! Downloads or Documents by default) and a file name. After one failure, or when the settings
//! say so, the in-app chooser opens directly.

use std::path::PathBuf;

use poll_promise::{Promise, Sender};

use super::GroupdeskApp;
use crate::tr;
use crate::ui::command::{FileDialog, Level, take_ready};
use crate::ui::file_dialog::{self, NativeAnswer};
use crate::ui::exec::{self, FolderEntry};
use crate::ui::widgets;

type Reply = Sender<Option<PathBuf>>;

/// The system's dialog is open.
struct Waiting {
    dialog: FileDialog,
    reply: Reply,
    answer: Promise<NativeAnswer>,
}

/// The in-app path chooser.
pub struct InApp {
    dialog: FileDialog,
    reply: Reply,
    pub folder: String,
    pub name: String,
    /// Why it opened instead of the system's dialog.
    note: Option<String>,
    default_folder: Option<Promise<PathBuf>>,
    focused: bool,
    /// The folder's entries, read off the UI thread whenever the folder text changes: the
    /// folder they were asked for, and the answer once it came.
    listing: Option<(String, Promise<Result<Vec<FolderEntry>, String>>)>,
    entries: Option<(String, Result<Vec<FolderEntry>, String>)>,
}

impl InApp {
    fn path(&self) -> Option<PathBuf> {
        let name = self.name.trim();
        if name.is_empty() {
            return None;
        }
        let name = PathBuf::from(name);
        Some(if name.is_absolute() { name } else { PathBuf::from(self.folder.trim()).join(name) })
    }
}

#[derive(Default)]
pub struct FileChooser {
    /// The system's dialog could not be shown in this run.
    native_failed: bool,
    waiting: Option<Waiting>,
    pub in_app: Option<InApp>,
}

impl GroupdeskApp {
    pub(super) fn choose_file(&mut self, dialog: FileDialog, reply: Reply) {
        // One choice at a time: an earlier one still open ends with nothing chosen.
        if let Some(w) = self.files.waiting.take() {
            w.reply.send(None);
        }
        if let Some(c) = self.files.in_app.take() {
            c.reply.send(None);
        }
        if self.options.native_dialogs && !self.settings.in_app_file_chooser && !self.files.native_failed {
            let (tx, answer) = Promise::new();
            file_dialog::choose(&self.bridge, dialog.clone(), tx);
            self.files.waiting = Some(Waiting { dialog, reply, answer });
        } else {
            self.open_in_app(dialog, reply, None);
        }
    }

    fn open_in_app(&mut self, dialog: FileDialog, reply: Reply, note: Option<String>) {
        let (tx, folder) = Promise::new();
        self.bridge.promise(tx, exec::default_folder(), || PathBuf::from("."));
        let name = match &dialog {
            FileDialog::Save { file_name } => file_name.clone(),
            FileDialog::Open { .. } => String::new(),
        };
        self.files.in_app = Some(InApp { dialog, reply, folder: String::new(), name, note, default_folder: Some(folder), focused: false, listing: None, entries: None });
    }

    /// Takes the system dialog's answer; a failure opens the in-app chooser.
    pub(super) fn poll_files(&mut self) {
        if let Some(c) = self.files.in_app.as_mut() {
            if let Some(folder) = take_ready(&mut c.default_folder).filter(|_| c.folder.is_empty()) {
                c.folder = folder.display().to_string();
            }
            if c.listing.as_ref().is_some_and(|(_, p)| p.ready().is_some()) {
                let (folder, p) = c.listing.take().expect("ready");
                c.entries = Some((folder, p.block_and_take()));
            }
            // A new folder typed or picked: list it (an older listing still running is dropped).
            let folder = c.folder.trim().to_owned();
            let asked = c.listing.as_ref().map(|(f, _)| f).or(c.entries.as_ref().map(|(f, _)| f));
            if !folder.is_empty() && asked != Some(&folder) {
                let extensions = match &c.dialog {
                    FileDialog::Open { extensions, .. } => *extensions,
                    FileDialog::Save { .. } => &[],
                };
                let (tx, promise) = Promise::new();
                self.bridge.promise(tx, exec::list_folder(PathBuf::from(&folder), extensions), || Err("stopped".into()));
                c.listing = Some((folder, promise));
            }
        }
        let Some(w) = self.files.waiting.take() else { return };
        match w.answer.try_take() {
            Err(answer) => self.files.waiting = Some(Waiting { answer, ..w }),
            Ok(answer) if answer.failed() => {
                self.files.native_failed = true;
                let text = tr!("files-native-failed", ms = answer.elapsed.as_millis() as i64);
                self.log.push(Level::Warning, text.clone());
                self.open_in_app(w.dialog, w.reply, Some(text));
            }
            Ok(answer) => w.reply.send(answer.path),
        }
    }

    /// The in-app path chooser, when open.
    pub(super) fn file_chooser_ui(&mut self, ctx: &egui::Context) {
        let Some(c) = self.files.in_app.as_mut() else { return };
        let saving = matches!(c.dialog, FileDialog::Save { .. });
        let mut done = None;
        egui::Modal::new(egui::Id::unique("in_app_file_chooser")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(if saving { tr!("files-save-title") } else { tr!("files-open-title") });
            if let Some(note) = &c.note {
                ui.add(egui::Label::new(egui::RichText::new(note).color(ui.visuals().warn_fg_color)).wrap());
            }
            let l = ui.label(tr!("files-folder"));
            ui.add(egui::TextEdit::singleline(&mut c.folder).desired_width(f32::INFINITY).hint_text(tr!("files-folder-hint"))).labelled_by(l.id);
            if let Some(pick) = folder_list_ui(ui, c) {
                match pick {
                    Pick::Folder(folder) => c.folder = folder,
                    Pick::File(name) => c.name = name,
                }
            }
            let l = ui.label(match &c.dialog {
                FileDialog::Open { extensions, .. } => tr!("files-name-open", extensions = extensions.join(", ")),
                FileDialog::Save { .. } => tr!("files-name"),
            });
            let name = ui.add(egui::TextEdit::singleline(&mut c.name).desired_width(f32::INFINITY).hint_text(tr!("files-name-hint"))).labelled_by(l.id);
            if !c.focused {
                name.request_focus();
                c.focused = true;
            }
            let path = c.path();
            if let Some(p) = &path {
                ui.label(egui::RichText::new(p.display().to_string()).monospace().weak());
            }
            let confirm = egui::Button::new(if saving { tr!("files-save") } else { tr!("files-open") });
            let (go, cancel) = widgets::confirm_buttons_ui(ui, path.is_some(), confirm);
            if cancel {
                done = Some(None);
            } else if go {
                done = Some(path);
            }
        });
        if let Some(answer) = done {
            let c = self.files.in_app.take().expect("open");
            c.reply.send(answer);
        }
    }
}

/// What was clicked in the folder's list.
enum Pick {
    Folder(String),
    File(String),
}

/// The folder's entries under the folder field: "..", then sub-folders (clicking one opens
/// it), then files (clicking one takes its name).
fn folder_list_ui(ui: &mut egui::Ui, c: &InApp) -> Option<Pick> {
    let folder = c.folder.trim();
    let mut pick = None;
    // A fixed height, listed or not, so nothing moves under the pointer when the list arrives.
    egui::ScrollArea::vertical().id_salt("in_app_folder_list").min_scrolled_height(150.0).max_height(150.0).auto_shrink([false, false]).show(ui, |ui| {
        let Some((listed_for, entries)) = c.entries.as_ref() else { return };
        if let Some(parent) = std::path::Path::new(folder).parent().filter(|p| !p.as_os_str().is_empty()) {
            if ui.selectable_label(false, tr!("files-up")).clicked() {
                pick = Some(Pick::Folder(parent.display().to_string()));
            }
        }
        match entries {
            Err(e) => widgets::problem_ui(ui, tr!("files-list-failed", error = e.as_str())),
            Ok(list) if list.is_empty() => {
                ui.label(egui::RichText::new(tr!("files-list-empty")).weak());
            }
            Ok(list) => {
                for e in list {
                    if e.is_dir {
                        if ui.selectable_label(false, format!("{}/", e.name)).clicked() {
                            pick = Some(Pick::Folder(std::path::Path::new(listed_for).join(&e.name).display().to_string()));
                        }
                    } else if ui.selectable_label(c.name.trim() == e.name, e.name.as_str()).clicked() {
                        pick = Some(Pick::File(e.name.clone()));
                    }
                }
            }
        }
    });
    pick
}
