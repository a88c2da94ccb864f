//! System fonts as fallbacks, so every script an operator types renders: Chinese, Japanese and
//! Korean (the faces of the locale's variant first), Arabic, Thai, and whatever else the system
//! has fonts for. Fonts are found with fontdb (fontconfig's directories), **memory-mapped**
//! rather than read (a CJK face is 10–20 MB), and matched character by character.
//!
//! [`SystemFonts::scan`] reads the font directories: call it off the UI thread.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::locale::HanVariant;

/// A font face that has a glyph for the character asked about.
#[derive(Clone)]
pub struct Face {
    /// Unique per face (family and index), for the font registry.
    pub name: String,
    pub data: Arc<memmap2::Mmap>,
    pub index: u32,
}

struct Candidate {
    family: String,
    path: PathBuf,
    index: u32,
}

/// The system's font faces in the order they are tried, and the mapped files.
pub struct SystemFonts {
    candidates: Vec<Candidate>,
    maps: Mutex<HashMap<PathBuf, Option<Arc<memmap2::Mmap>>>>,
}

/// A character every CJK face has (中, "middle").
const HAN_PROBE: char = '中';

/// Family names of CJK faces, best first, `{}` standing for SC/TC/JP/KR.
const CJK_FAMILIES: &[&str] = &[
    "Noto Sans CJK {}",
    "Noto Sans {}",
    "Source Han Sans {}",
    "Source Han Sans",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "AR PL UMing",
    "Microsoft YaHei",
    "PingFang {}",
    "Hiragino Sans",
];

impl SystemFonts {
    /// Reads the system's font directories (blocking, tens of milliseconds) and orders the faces:
    /// CJK faces of the locale's variant first, then other CJK faces, then everything else.
    pub fn scan(locale: &str) -> Self {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        Self::from_db(&db, HanVariant::of(locale))
    }

    /// One font file only (the operator's choice in settings).
    pub fn file(path: &Path) -> Result<Self, String> {
        let mut db = fontdb::Database::new();
        db.load_font_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let fonts = Self::from_db(&db, HanVariant::Simplified);
        if fonts.candidates.is_empty() {
            return Err(format!("{}: not a font file", path.display()));
        }
        Ok(fonts)
    }

    fn from_db(db: &fontdb::Database, variant: HanVariant) -> Self {
        let preferred: Vec<String> = CJK_FAMILIES.iter().map(|f| f.replace("{}", variant.suffix()).to_lowercase()).collect();
        let mut candidates: Vec<(usize, Candidate)> = db
            .faces()
            .filter(|f| f.style == fontdb::Style::Normal)
            .filter_map(|f| {
                let fontdb::Source::File(path) = &f.source else { return None };
                let family = f.families.first().map(|(n, _)| n.clone()).unwrap_or_default();
                let lower = family.to_lowercase();
                let rank = preferred.iter().position(|p| *p == lower).unwrap_or(preferred.len());
                // Regular weight first within a family.
                let weight_penalty = usize::from(f.weight != fontdb::Weight::NORMAL);
                Some((rank * 2 + weight_penalty, Candidate { family, path: path.clone(), index: f.index }))
            })
            .collect();
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.family.cmp(&b.1.family)));
        Self { candidates: candidates.into_iter().map(|(_, c)| c).collect(), maps: Mutex::default() }
    }

    fn map(&self, path: &Path) -> Option<Arc<memmap2::Mmap>> {
        let mut maps = self.maps.lock().unwrap_or_else(|p| p.into_inner());
        maps.entry(path.to_owned())
            .or_insert_with(|| {
                let file = std::fs::File::open(path).ok()?;
                // SAFETY: font files are not modified while mapped (a package upgrade replaces
                // the file, leaving this mapping on the old inode).
                unsafe { memmap2::Mmap::map(&file) }.ok().map(Arc::new)
            })
            .clone()
    }

    /// The first face, in preference order, with a glyph for `c`.
    pub fn find(&self, c: char) -> Option<Face> {
        self.candidates.iter().find_map(|cand| {
            let data = self.map(&cand.path)?;
            let face = ttf_parser::Face::parse(&data, cand.index).ok()?;
            face.glyph_index(c)?;
            Some(Face { name: format!("{} #{}", cand.family, cand.index), data: data.clone(), index: cand.index })
        })
    }

    /// Whether Chinese, Japanese and Korean names can be shown.
    pub fn has_cjk(&self) -> bool {
        self.find(HAN_PROBE).is_some()
    }

    /// The family that renders Han characters, for the settings screen.
    pub fn cjk_family(&self) -> Option<String> {
        self.find(HAN_PROBE).map(|f| f.name)
    }

    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }
}

/// The Debian package that brings a small CJK font, named in the "no CJK font" notice.
pub const CJK_PACKAGE_HINT: &str = "fonts-noto-cjk (or the smaller fonts-wqy-microhei)";
