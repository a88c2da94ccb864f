//! Small reusable widgets.

use egui::{Color32, RichText, Ui};

/// A labelled single-line text field with a live length counter against `max`.
/// Returns whether the value is within the limit.
pub fn limited_text(ui: &mut Ui, label: &str, value: &mut String, max: usize, multiline: bool) -> bool {
    let n = value.chars().count();
    let ok = n <= max;
    let label_id = ui
        .horizontal(|ui| {
            let l = ui.label(label);
            let counter = format!("{n}/{max}");
            ui.label(if ok { RichText::new(counter).weak() } else { RichText::new(counter).color(Color32::RED) });
            l.id
        })
        .inner;
    let edit = if multiline {
        egui::TextEdit::multiline(value).desired_rows(3)
    } else {
        egui::TextEdit::singleline(value)
    };
    ui.add(edit.desired_width(f32::INFINITY).hint_text(label)).labelled_by(label_id);
    if !ok {
        ui.label(RichText::new(format!("{label}: at most {max} characters (got {n})")).color(Color32::RED));
    }
    ok
}

/// A labelled single-line field.
pub fn text_field(ui: &mut Ui, label: &str, value: &mut String) -> egui::Response {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        ui.add(egui::TextEdit::singleline(value).hint_text(label)).labelled_by(l.id)
    })
    .inner
}

/// A coloured environment badge.
pub fn env_badge(ui: &mut Ui, env: crate::profiles::Environment) {
    use crate::profiles::Environment::*;
    let (fg, bg) = match env {
        Production => (Color32::WHITE, Color32::from_rgb(190, 30, 45)),
        Staging => (Color32::BLACK, Color32::from_rgb(240, 190, 60)),
        Sandbox => (Color32::WHITE, Color32::from_rgb(40, 130, 90)),
    };
    egui::Frame::new().fill(bg).corner_radius(4.0).inner_margin(egui::Margin::symmetric(6, 2)).show(ui, |ui| {
        ui.label(RichText::new(env.label().to_uppercase()).color(fg).strong());
    });
}
