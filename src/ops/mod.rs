//! The operations layer: every user-visible operation, called the same way by the console and
//! the CLI, so that a change is made — and audited — identically from both.
//!
//! A [`Session`] is a connected [`crate::backend::Backend`] plus who is acting and where it is
//! recorded. Reads return the neutral model; changes return [`Recorded`] results whose audit
//! entry was appended (and flushed) before the result is handed back.
//!
//! * [`groups`]: list with profiles, open, save a profile diff, create, dismiss, legacy import,
//!   a user's alias for a group, user lookup;
//! * [`members`]: member lists, bulk jobs, single-group changes (admins, nickname, mute-all,
//!   transfer), the mute-all allowlist;
//! * [`csv`]: id lists in (with the dry run) and member and outcome exports out;
//! * [`extkeys`]: the app's extProfile key registry and applying it;
//! * [`connections`]: profiles, secrets, the embedded sandbox as a connection;
//! * [`audit`]: the audit log and its entries;
//! * [`rules`]: the input rules forms check as the operator types;
//! * [`accounts`]: a user's app-wide mute (Tencent `getnospeaking` / `setnospeaking`);
//! * [`tencent`]: Tencent-only: the custom-field registry and Community permission groups.

pub mod accounts;
pub mod audit;
pub mod connections;
pub mod csv;
pub mod extkeys;
pub mod groups;
pub mod members;
pub mod rules;
pub mod tencent;
mod session;

pub use session::{Recorded, Session};

