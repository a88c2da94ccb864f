//! The few colours that are not in egui's visuals: environment badges, the production banner and
//! the green of a confirmed save. Errors use `visuals().error_fg_color`, warnings
//! `visuals().warn_fg_color`; everything else follows the visuals.

use egui::Color32;

use crate::ops::connections::Environment;

/// Text and fill of an environment badge.
pub fn env_badge(env: Environment) -> (Color32, Color32) {
    match env {
        Environment::Production => (Color32::WHITE, PRODUCTION_RED),
        Environment::Staging => (Color32::BLACK, Color32::from_rgb(240, 190, 60)),
        Environment::Sandbox => (Color32::WHITE, Color32::from_rgb(40, 130, 90)),
    }
}

const PRODUCTION_RED: Color32 = Color32::from_rgb(190, 30, 45);

/// Fill and text of the banner shown while connected to production.
pub const PRODUCTION_BANNER: (Color32, Color32) = (PRODUCTION_RED, Color32::WHITE);

/// A change the server confirmed.
pub const SUCCESS: Color32 = Color32::from_rgb(40, 140, 70);
