//! The service-neutral model: what screens, operations and the CLI speak, whichever chat
//! service a connection is on. A service's own specifics are reached through the typed
//! extension of each value (e.g. [`group::ServiceDetail`]), never squeezed into common fields.
//!
//! No I/O and no UI here.

pub mod action;
pub mod bulk;
pub mod caps;
pub mod error;
pub mod group;
pub mod member;
pub mod mute;
pub mod rongcloud;
pub mod table;
pub mod tencent;

pub use action::MemberAction;
pub use bulk::{BulkReport, Control, ItemOutcome, Outcome, Progress};
pub use caps::Capabilities;
pub use error::{ApiError, ErrorKind, RetryClass};
pub use group::{GroupDetail, GroupRow, JoinedRow, NewGroup, ProfileChange, Service, ServiceDetail};
pub use member::{Member, Role};
pub use mute::MuteDuration;
