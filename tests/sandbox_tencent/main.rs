//! Integration tests of `groupdesk sandbox --service tencent`: every test talks to a real
//! sandbox process started on port 0 over loopback, signing with our UserSig (and, in
//! `interop`, with Tencent's official Python package).

mod accounts;
mod bans;
mod common;
#[path = "../support/sandbox_process.rs"]
mod sandbox_process;
mod fields;
mod groups;
mod interop;
mod lifecycle;
mod members;
mod mutes;
mod nospeaking;
mod permissions;
mod quotas;
mod topics;
mod wire;
