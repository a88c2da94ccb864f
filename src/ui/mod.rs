//! The eframe desktop console.
//!
//! * [`app`]: the shell: owns the screens, draws the panels, routes results to screens and
//!   applies the screens' commands at the frame boundary through one handler;
//! * [`screens`]: one module per screen, each owning its state and pushing [`command::Command`]s;
//! * [`command`], [`event`]: what screens ask for, and what comes back from the runtime;
//! * `exec`: small async adapters onto [`crate::ops`] — the one place the console's I/O is
//!   started (connections and the embedded sandboxes, keyring, audit log, files), run on the
//!   runtime of `bridge`; it reaches no service client itself; `file_dialog`: the native dialogs;
//! * `widgets`, `theme`: small widgets (one error widget) and the few colours not in the visuals;
//!   `error_text`, `audit_text`: errors and stored audit actions in the console's language;
//!   `display`: numbers and times as the operator reads them; `fonts`: system fonts as egui
//!   fallbacks (CJK names); `deeplink`: `groupdesk open …` and `groupdesk://open?…`.

pub mod app;
mod audit_text;
mod bridge;
#[cfg(test)]
mod catalogue_check;
pub mod command;
pub mod deeplink;
pub mod display;
mod error_text;
pub mod event;
mod exec;
mod file_dialog;
pub mod fonts;
pub mod screens;
mod theme;
mod widgets;

pub use app::{AppOptions, GroupdeskApp};

/// The window icon, from `assets/`.
pub fn icon() -> egui::IconData {
    let png = include_bytes!("../../assets/icon-256.png");
    eframe::icon_data::from_png_bytes(png).unwrap_or_default()
}

/// Opens the console window; `open` is a group (and tab, and connection) to open once the
/// group list is loaded, or why the link asking for one could not be read.
pub fn run(open: Option<Result<deeplink::OpenRequest, String>>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("groupdesk")
            .with_app_id("groupdesk")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_icon(icon()),
        renderer: eframe::Renderer::Glow,
        persist_window: true,
        ..Default::default()
    };
    let mut app_options = AppOptions::default();
    match open {
        Some(Ok(request)) => app_options.open_at_start = Some(request),
        Some(Err(problem)) => app_options.startup_problem = Some(problem),
        None => {}
    }
    eframe::run_native("groupdesk", options, Box::new(|cc| Ok(Box::new(GroupdeskApp::new(&cc.egui_ctx, cc.storage, app_options)))))
}
