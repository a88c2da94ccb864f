//! groupdesk: a desktop console for RongCloud IM groups, and the local sandbox it ships with.
//!
//! * [`api`] — signing and (later) the typed client; no UI.
//! * [`sandbox`] — a wire-compatible local server of the group Server API on SQLite; no UI.

pub mod api;
pub mod audit;
pub mod cli;
pub mod csv_io;
pub mod extkeys;
pub mod members;
pub mod profiles;
pub mod protocol;
pub mod sandbox;
pub mod ui;
