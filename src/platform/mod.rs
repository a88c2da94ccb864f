//! What the desktop provides: system fonts and the user's locale. No UI here; the console
//! turns these into egui fonts and settings.

pub mod fonts;
pub mod locale;
