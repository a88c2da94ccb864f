//! Small reusable widgets, the one error widget among them.

use egui::{RichText, Ui};

use super::theme;
use crate::model::ApiError;

/// An `ApiError` as the user sees it everywhere: the message with the server's code, the
/// plain-language explanation, and the request id to quote to support (selectable).
pub fn error_ui(ui: &mut Ui, e: &ApiError) {
    let color = ui.visuals().error_fg_color;
    ui.vertical(|ui| {
        let headline = match (e.code, e.http_status) {
            (Some(code), Some(status)) => format!("{} (code {code}, HTTP {status})", e.message),
            (None, Some(status)) => format!("{} (HTTP {status})", e.message),
            _ => e.message.clone(),
        };
        ui.colored_label(color, headline);
        ui.label(RichText::new(e.explanation()).color(color).small());
        if let Some(id) = &e.request_id {
            ui.add(egui::Label::new(RichText::new(format!("Request id {id}")).color(color).small().monospace()).selectable(true));
        }
    });
}

/// A problem with what the user typed (not a request), in the error colour.
pub fn problem_ui(ui: &mut Ui, text: impl Into<String>) {
    let color = ui.visuals().error_fg_color;
    ui.colored_label(color, text.into());
}

/// A labelled single-line text field with a live length counter against `max`.
/// Returns whether the value is within the limit.
pub fn limited_text(ui: &mut Ui, label: &str, value: &mut String, max: usize, multiline: bool) -> bool {
    let n = value.chars().count();
    let ok = n <= max;
    let label_id = ui
        .horizontal(|ui| {
            let l = ui.label(label);
            let counter = RichText::new(format!("{n}/{max}"));
            ui.label(if ok { counter.weak() } else { counter.color(ui.visuals().error_fg_color) });
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
        problem_ui(ui, format!("{label}: at most {max} characters (got {n})"));
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
pub fn env_badge(ui: &mut Ui, env: crate::ops::connections::Environment) {
    let (fg, bg) = theme::env_badge(env);
    egui::Frame::new().fill(bg).corner_radius(4.0).inner_margin(egui::Margin::symmetric(6, 2)).show(ui, |ui| {
        ui.label(RichText::new(env.label().to_uppercase()).color(fg).strong());
    });
}

/// A button whose text is in the error colour (destructive actions).
pub fn danger_button(ui: &Ui, text: &str) -> egui::Button<'static> {
    egui::Button::new(RichText::new(text.to_owned()).color(ui.visuals().error_fg_color))
}
