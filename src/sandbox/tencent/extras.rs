//! The extension point for the commands added on top of this skeleton (permission groups,
//! topics, bans, app-wide mute). Everything here is empty on purpose; fill it in:
//!
//! * [`EXTRA_ROUTES`] — append `Command`s with the `cmd!` macro of `mod.rs`, e.g.
//!   `cmd!("openconfigsvr", "setnospeaking", nospeaking::set)`. They are looked up after
//!   `routes::ROUTES`.
//! * [`SCHEMA`] — `CREATE TABLE IF NOT EXISTS …` statements, applied after `repo::schema::SCHEMA`
//!   at every start (prefix tables `tc_`).
//! * [`seed`] — demo rows, called at the end of the demo seed in the same transaction.
//!
//! Handlers get a [`super::Ctx`] (repository in the request's transaction, `ctx.repo.conn()` for
//! their own tables) and an [`super::body::Obj`]; they return the command's fields (the envelope
//! is added) or a [`super::error::WireError`].

use super::Command;
use super::repo::Fixtures;

pub static EXTRA_ROUTES: &[Command] = &[];

pub const SCHEMA: &str = "";

/// Demo data of the extras (after the groups and members of `seed::demo`).
pub fn seed(_f: &Fixtures, _now: i64) -> anyhow::Result<()> {
    Ok(())
}
