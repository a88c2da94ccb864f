//! The screens. Each owns its state, draws itself in `ui` (and `dialogs_ui` for its modals),
//! pushes [`Command`](super::command::Command)s for anything beyond its own state, takes the
//! answers to its one-shot requests from its promises (`poll`), and is told of results it owns
//! by the shell (`on_event`). Screens import only `command`, `event`, `widgets`, `theme`,
//! `display` (numbers and times), `fonts::FontStatus` and the crate's non-UI data types; never
//! the shell, `exec` or each other (the group page embeds the members tab).

pub mod audit;
pub mod browser;
pub mod connections;
pub mod extkeys;
pub mod group;
pub mod log;
pub mod members;
pub mod tc_fields;
