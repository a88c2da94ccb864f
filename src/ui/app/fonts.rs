//! Fonts for every script the operators' users type: the system's fonts are scanned off the UI
//! thread at start and installed as egui fallbacks when the scan is done; a font file the
//! operator chose (remembered in the settings) is asked first. When no font renders Chinese,
//! Japanese or Korean, the operator is told once, with the package to install.

use std::path::PathBuf;

use super::GroupdeskApp;
use crate::platform::fonts::CJK_PACKAGE_HINT;
use crate::tr;
use crate::ui::command::{Level, Pending, pending, take_ready};
use crate::ui::exec::{self, ScannedFonts};
use crate::ui::fonts::FontStatus;

#[derive(Default)]
pub struct FontState {
    scan: Option<Pending<ScannedFonts>>,
    loading: Option<(PathBuf, Pending<ScannedFonts>)>,
    system: Option<ScannedFonts>,
    user: Option<ScannedFonts>,
    /// The scan finished and the fonts are installed.
    ready: bool,
    /// The "no CJK font" notice was given (once per run).
    warned: bool,
    pub status: FontStatus,
}

impl FontState {
    pub fn ready(&self) -> bool {
        self.ready && self.loading.is_none()
    }
}

impl GroupdeskApp {
    /// Starts the system font scan, and loads the operator's font file if one is set.
    pub(super) fn start_fonts(&mut self) {
        let (reply, promise) = pending();
        self.fonts.scan = Some(promise);
        self.fonts.status.scanning = true;
        self.bridge.reply(reply, exec::scan_fonts(crate::platform::locale::system()));
        if let Some(path) = self.settings.cjk_font.clone() {
            self.load_font_file(path);
        }
    }

    /// Loads a font file chosen in the settings (in the background).
    pub(super) fn load_font_file(&mut self, path: PathBuf) {
        let (reply, promise) = pending();
        self.fonts.status.loading_file = true;
        self.fonts.loading = Some((path.clone(), promise));
        self.bridge.reply(reply, exec::load_font_file(path));
    }

    /// Takes a finished scan or font file, installs the fonts, and warns once without CJK.
    pub(super) fn poll_fonts(&mut self) {
        let mut changed = false;
        match take_ready(&mut self.fonts.scan) {
            Some(Ok(scanned)) => {
                self.fonts.status.system_cjk = scanned.cjk_family.clone();
                self.fonts.system = Some(scanned);
                changed = true;
            }
            Some(Err(e)) => {
                self.log.push(Level::Warning, tr!("fonts-scan-failed", error = crate::ui::widgets::headline(&e)));
                changed = true;
            }
            None => {}
        }
        if let Some((path, loading)) = self.fonts.loading.take() {
            match loading.try_take() {
                Err(running) => self.fonts.loading = Some((path, running)),
                Ok(result) => {
                    self.fonts.status.loading_file = false;
                    match result {
                        Ok(scanned) if scanned.cjk_family.is_none() => {
                            self.log.push(Level::Warning, tr!("fonts-file-no-cjk", path = path.display().to_string()));
                        }
                        Ok(scanned) => {
                            self.log.push(Level::Info, tr!("fonts-file-loaded", path = path.display().to_string()));
                            self.fonts.status.file = Some((path.clone(), scanned.cjk_family.clone()));
                            self.settings.cjk_font = Some(path);
                            self.fonts.user = Some(scanned);
                            changed = true;
                        }
                        Err(e) => self.log.push(Level::Warning, tr!("fonts-file-failed", path = path.display().to_string(), error = crate::ui::widgets::headline(&e))),
                    }
                }
            }
        }
        if changed && self.fonts.scan.is_none() {
            let sources: Vec<_> = [&self.fonts.user, &self.fonts.system].into_iter().flatten().map(|s| s.fonts.clone()).collect();
            crate::ui::fonts::set(&self.ctx, &sources);
            self.fonts.ready = true;
            self.fonts.status.scanning = false;
        }
        if self.fonts.ready && self.fonts.loading.is_none() && !self.fonts.status.has_cjk() && !self.fonts.warned {
            self.fonts.warned = true;
            self.log.push(
                Level::Warning,
                tr!("fonts-missing-notice", package = CJK_PACKAGE_HINT),
            );
        }
    }
}
