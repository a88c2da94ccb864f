//! RongCloud Server API: §2 signing and the documented per-request limits of §5/§6.

pub mod limits;
pub mod sign;
