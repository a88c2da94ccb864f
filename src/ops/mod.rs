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
//! * [`audit`]: the audit log and its entries.

pub mod audit;
pub mod connections;
pub mod csv;
pub mod extkeys;
pub mod groups;
pub mod members;
mod session;

pub use session::{Recorded, Session};

/// Transitional: a placeholder RongCloud detail for the old console code (removed with it).
#[doc(hidden)]
pub fn legacy_detail(hosted: bool) -> crate::model::GroupDetail {
    crate::model::GroupDetail {
        group_id: String::new(),
        name: String::new(),
        owner: String::new(),
        created_ms: 0,
        member_count: 0,
        muted_all: false,
        introduction: String::new(),
        announcement: String::new(),
        portrait_url: String::new(),
        custom: Default::default(),
        caps: crate::backend::rongcloud::neutral::capabilities(hosted),
        service: crate::model::ServiceDetail::RongCloud(crate::model::rongcloud::RcGroup { hosted, permissions: Default::default() }),
    }
}
