//! Tencent Cloud Chat (reference `tencent-chat-api.md`): the UserSig of §3, shared by the client
//! (which makes one) and the sandbox (which verifies it).

pub mod usersig;
