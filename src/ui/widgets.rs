//! Small reusable widgets, the one error widget among them, and the parts every confirmation
//! shares (the reason field, Enter and Escape).

use egui::{RichText, Ui};

use super::theme;
use crate::model::{ApiError, Service};
use crate::model::bulk::{BulkReport, Outcome};
use crate::ops::connections::Environment;
use crate::tr;

/// The message with the service's code and the HTTP status, as the user sees it everywhere.
pub fn headline(e: &ApiError) -> String {
    let message = super::error_text::message(e);
    match (e.code, e.http_status) {
        (Some(code), Some(status)) => tr!("error-code-http", message = message, code = code.to_string(), status = status.to_string()),
        (None, Some(status)) => tr!("error-http", message = message, status = status.to_string()),
        _ => message,
    }
}

/// The plain-language explanation of an error, in the console's language.
pub fn explanation(e: &ApiError) -> String {
    super::error_text::explanation(e)
}

/// "What failed: the error. Its explanation." for notifications and the log.
pub fn error_summary(what: &str, e: &ApiError) -> String {
    tr!("error-summary", what = what, error = headline(e), explanation = explanation(e))
}

/// An `ApiError` as the user sees it everywhere: the message with the server's code, the
/// plain-language explanation, and the request id to quote to support (selectable).
pub fn error_ui(ui: &mut Ui, e: &ApiError) {
    let color = ui.visuals().error_fg_color;
    ui.vertical(|ui| {
        ui.add(egui::Label::new(RichText::new(headline(e)).color(color)).wrap());
        ui.add(egui::Label::new(RichText::new(explanation(e)).color(color).small()).wrap());
        if let Some(id) = &e.request_id {
            ui.add(egui::Label::new(RichText::new(tr!("request-id", id = id.as_str())).color(color).small().monospace()).selectable(true));
        }
    });
}

/// An `ApiError` on one line (bars and rows): the message with the code, truncated, in `color`
/// (default: the error colour); the whole [`error_ui`] on hover.
pub fn error_line_ui(ui: &mut Ui, e: &ApiError, color: Option<egui::Color32>) {
    let color = color.unwrap_or(ui.visuals().error_fg_color);
    let text = format!("{} {}", headline(e), explanation(e));
    ui.add(egui::Label::new(RichText::new(text).color(color)).truncate().show_tooltip_when_elided(false)).on_hover_ui(|ui| error_ui(ui, e));
}

/// A problem with what the user typed (not a request), in the error colour.
pub fn problem_ui(ui: &mut Ui, text: impl Into<String>) {
    let color = ui.visuals().error_fg_color;
    ui.add(egui::Label::new(RichText::new(text.into()).color(color)).wrap());
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
        problem_ui(ui, tr!("limit-chars", label = label, max = max, count = n));
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

pub use super::display::{model_text, model_text_owned};

/// An environment's name as shown on badges ("SANDBOX").
pub fn env_name(env: Environment) -> String {
    match env {
        Environment::Production => tr!("env-production"),
        Environment::Staging => tr!("env-staging"),
        Environment::Sandbox => tr!("env-sandbox"),
    }
}

/// An environment's word in running text and menus ("production").
pub fn env_word(env: Environment) -> String {
    match env {
        Environment::Production => tr!("m-production"),
        Environment::Staging => tr!("m-staging"),
        Environment::Sandbox => tr!("m-sandbox"),
    }
}

/// A service's product name in the console's language ("Tencent Cloud Chat", "腾讯云 IM").
pub fn service_name(s: Service) -> String {
    match s {
        Service::RongCloud => tr!("service-rongcloud"),
        Service::Tencent => tr!("service-tencent"),
    }
}

/// A coloured environment badge.
pub fn env_badge(ui: &mut Ui, env: Environment) {
    let (fg, bg) = theme::env_badge(env);
    egui::Frame::new().fill(bg).corner_radius(4.0).inner_margin(egui::Margin::symmetric(6, 2)).show(ui, |ui| {
        ui.add(egui::Label::new(RichText::new(env_name(env)).color(fg).strong()).extend());
    });
}

/// A button whose text is in the error colour (destructive actions).
pub fn danger_button(ui: &Ui, text: &str) -> egui::Button<'static> {
    egui::Button::new(RichText::new(text.to_owned()).color(ui.visuals().error_fg_color))
}

// ----- bulk outcomes -----

/// "2,999 done, 0 failed, 1 skipped" (and unknown ones, when there are).
pub fn outcome_summary(r: &BulkReport) -> String {
    let unknown = r.count("unknown");
    let base = tr!("outcomes-summary", done = r.count("done"), failed = r.count("failed"), skipped = r.count("skipped"));
    if unknown > 0 { format!("{base}, {}", tr!("outcomes-summary-unknown", unknown = unknown)) } else { base }
}

/// An outcome's word.
pub fn outcome_label(o: &Outcome) -> String {
    match o {
        Outcome::Done => tr!("outcome-done"),
        Outcome::Failed { .. } => tr!("outcome-failed"),
        Outcome::Skipped { .. } => tr!("outcome-skipped"),
        Outcome::Unknown { .. } => tr!("outcome-unknown"),
    }
}

/// An outcome's word in its colour: failed in the error colour, skipped and unknown as warnings.
pub fn outcome_text(ui: &egui::Ui, o: &Outcome) -> egui::RichText {
    let text = egui::RichText::new(outcome_label(o));
    match o {
        Outcome::Done => text,
        Outcome::Failed { .. } => text.color(ui.visuals().error_fg_color),
        Outcome::Skipped { .. } | Outcome::Unknown { .. } => text.color(ui.visuals().warn_fg_color),
    }
}

// ----- confirmations -----

fn last_reason_id() -> egui::Id {
    egui::Id::unique("groupdesk_last_reason")
}

/// Remembers a confirmed reason, offered again by the next confirmation (this run only).
pub fn remember_reason(ctx: &egui::Context, reason: &str) {
    let reason = reason.trim().to_owned();
    if !reason.is_empty() {
        ctx.data_mut(|d| d.insert_temp(last_reason_id(), reason));
    }
}

/// The reason field of a confirmation: focused when the dialog opens (`focused` remembers that
/// it was), and the last confirmed reason offered as one click.
pub fn reason_ui(ui: &mut Ui, reason: &mut String, focused: &mut bool) {
    let l = ui.label(tr!("reason-label"));
    let r = ui.add(egui::TextEdit::singleline(reason).hint_text(tr!("reason-hint")).desired_width(f32::INFINITY)).labelled_by(l.id);
    if !*focused {
        r.request_focus();
        *focused = true;
    }
    let last: Option<String> = ui.ctx().data(|d| d.get_temp(last_reason_id()));
    if let Some(last) = last.filter(|l| l != reason.trim()) {
        let short: String = last.chars().take(40).collect();
        if ui.add(egui::Button::new(RichText::new(tr!("reason-use-last", reason = short.as_str())).small())).on_hover_text(last.as_str()).clicked() {
            *reason = last;
        }
    }
}

/// Enter (when `ok`) and Escape pressed this frame: (confirm, cancel).
pub fn confirm_keys(ui: &Ui, ok: bool) -> (bool, bool) {
    ui.input(|i| (ok && i.key_pressed(egui::Key::Enter) && !i.modifiers.shift, i.key_pressed(egui::Key::Escape)))
}

/// A confirm button (enabled when `ok`, named `confirm`) and Cancel, plus Enter and Escape:
/// (confirmed, cancelled).
pub fn confirm_buttons_ui(ui: &mut Ui, ok: bool, confirm: egui::Button<'_>) -> (bool, bool) {
    let (enter, escape) = confirm_keys(ui, ok);
    ui.horizontal(|ui| {
        let go = ui.add_enabled(ok, confirm).clicked();
        let cancel = ui.button(tr!("cancel")).clicked();
        (go || enter, cancel || escape)
    })
    .inner
}
