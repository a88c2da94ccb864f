//! The signed RongCloud Server API client and its wire types. No UI code lives here.
//!
//! * [`client`]: transport (signing, rate limit, failover, retries, tracing);
//! * [`legacy`], [`entrust`]: a typed method for every endpoint of reference §5 and §6;
//! * [`bulk`]: lists longer than an endpoint's maximum, chunked, with one outcome per item;
//! * [`check`], [`limits`]: the documented limits, checked before sending.

pub mod bulk;
pub mod check;
pub mod client;
pub mod credentials;
pub mod entrust;
pub mod codes;
pub mod error {
    //! The error type is the model's; RongCloud's code table is in [`super::codes`].
    pub use crate::model::error::*;
}
pub mod legacy;
pub mod neutral;

pub mod sandbox_admin;
pub mod types;

/// Signing and limits are shared with the sandbox; they live in [`crate::protocol::rongcloud`].
pub use crate::protocol::rongcloud::{limits, sign};

pub use client::{Client, ClientConfig, Form, Retry};
pub use credentials::{Credentials, DataCenter, Endpoint};
pub use error::{ApiError, ErrorKind};

