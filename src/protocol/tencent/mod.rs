//! Tencent Cloud Chat (reference `tencent-chat-api.md`): facts shared by the client and the
//! sandbox — the UserSig of §3, the documented limits, the error codes and the wire enums.

pub mod codes;
pub mod limits;
pub mod usersig;
pub mod wire;
