//! The eframe desktop console. One module per screen (`browser`, `group`, `extkeys`,
//! `connections`), small `widgets`, and one `bridge` to the background tokio runtime. No HTTP
//! here: every request goes through [`crate::api::Client`] on the runtime.

pub mod app;
mod audit;
mod bridge;
mod browser;
mod connections;
mod extkeys;
pub mod deeplink;
pub mod fonts;
pub mod group;
pub mod members;
pub mod msg;
mod widgets;

pub use app::{AppOptions, GroupdeskApp};

/// The window icon, from `assets/`.
pub fn icon() -> egui::IconData {
    let png = include_bytes!("../../assets/icon-256.png");
    eframe::icon_data::from_png_bytes(png).unwrap_or_default()
}

/// Opens the console window.
pub fn run() -> eframe::Result {
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
    eframe::run_native(
        "groupdesk",
        options,
        Box::new(|cc| Ok(Box::new(GroupdeskApp::new(&cc.egui_ctx, cc.storage, AppOptions::default())))),
    )
}
