//! System fonts as egui fallbacks: a [`egui::epaint::text::FontProvider`] that egui asks for a
//! character none of its fonts has, answered from [`crate::platform::fonts::SystemFonts`]
//! (memory-mapped faces, the locale's CJK variant first). The scan runs off the UI thread; the
//! provider is installed when it is done.

use std::path::PathBuf;
use std::sync::Arc;

use egui::epaint::text::{FontProvider, InsertFontFamily};
use egui::{FallbackRequest, FontData, FontFamily, FontInsert, FontPriority};

use crate::platform::fonts::SystemFonts;

/// Answers egui's fallback requests from the system's fonts.
pub struct SystemFontProvider(pub Arc<SystemFonts>);

impl FontProvider for SystemFontProvider {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        let c = request.cluster.chars().next()?;
        let face = self.0.find(c)?;
        let data = FontData::from_blob(face.data, face.index);
        let families = [FontFamily::Proportional, FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily { family, priority: FontPriority::Lowest })
            .collect();
        Some(FontInsert::new(&face.name, data, families))
    }
}

/// Installs the scanned system fonts as fallbacks of every family.
pub fn install(ctx: &egui::Context, fonts: Arc<SystemFonts>) {
    ctx.add_font_provider(Arc::new(SystemFontProvider(fonts)));
}

/// Replaces the fallbacks with `sources`, asked in this order (the operator's font file first,
/// then the system's fonts). Active from the next pass.
pub fn set(ctx: &egui::Context, sources: &[Arc<SystemFonts>]) {
    ctx.set_font_providers(sources.iter().map(|f| Arc::new(SystemFontProvider(f.clone())) as Arc<dyn FontProvider>).collect());
}

/// What the settings screen shows about fonts.
#[derive(Clone, Debug, Default)]
pub struct FontStatus {
    /// The system's fonts are still being scanned.
    pub scanning: bool,
    /// The system face that renders Chinese, Japanese and Korean, if any.
    pub system_cjk: Option<String>,
    /// The operator's font file being loaded.
    pub loading_file: bool,
    /// The operator's font file in use and its face.
    pub file: Option<(PathBuf, Option<String>)>,
}

impl FontStatus {
    /// A face renders CJK names.
    pub fn has_cjk(&self) -> bool {
        self.system_cjk.is_some() || self.file.as_ref().is_some_and(|(_, f)| f.is_some())
    }
}
