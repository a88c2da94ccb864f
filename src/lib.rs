//! groupdesk: a desktop console (and CLI) for the chat groups of an app on RongCloud IM, and
//! the local sandbox server it ships with.
//!
//! Data flows one way: **screen → command → operations → service client → wire**; results come
//! back as events or promises.
//!
//! * [`ui`] — the eframe console: screens that return commands, an app shell that runs them
//!   through [`ops`]; no I/O on the UI thread.
//! * [`cli`] — the headless commands, on the same [`ops`].
//! * [`ops`] — every user-visible operation, audited the same way from both front ends.
//! * [`model`] — the service-neutral model (groups, members, roles, mutes, bulk outcomes,
//!   capabilities, the one error type).
//! * [`backend`] — the chat services behind one seam; [`backend::rongcloud`] is the signed
//!   RongCloud client.
//! * [`protocol`] — wire facts shared by a client and its sandbox (signing, limits).
//! * [`sandbox`] — `groupdesk sandbox`: a wire-compatible local server on SQLite.
//! * [`i18n`] — the message catalogue (English, Simplified Chinese), numbers and times.
//! * [`platform`] — what the desktop provides: system fonts and the locale.

pub mod backend;
pub mod cli;
pub mod i18n;
pub mod model;
pub mod ops;
pub mod platform;
pub mod protocol;
pub mod sandbox;
pub mod ui;
