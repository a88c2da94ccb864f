//! Wire facts shared by a service's client and its sandbox: signing (RongCloud's §2 signature,
//! Tencent's UserSig) and documented limits.
//! Defined once here; the client checks them before sending and the sandbox enforces them.

pub mod rongcloud;
pub mod tencent;
