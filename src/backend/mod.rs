//! The chat services behind one seam. [`Backend`] is a closed enum with one variant per
//! service; its verbs are the ones every service has (list and open groups, update a profile,
//! member lists, add/kick/mute/unmute, admins, transfer, dismiss, mute-all) and speak the
//! neutral [`crate::model`]. What only one service has is reached through that service's
//! typed extension ([`Backend::rongcloud`]), never squeezed into the common verbs.
//!
//! [`bulk`] is the neutral chunk engine every service's bulk calls run on.

pub mod bulk;
pub mod portrait;
mod neutral;
pub mod rongcloud;
pub mod tencent;
mod transport;

pub use neutral::{Backend, MemberAction};
