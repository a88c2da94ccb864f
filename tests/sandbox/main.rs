//! Integration tests of `groupdesk sandbox`: every test talks to a real sandbox process started
//! on port 0 over loopback.

mod auth;
mod common;
#[path = "../support/sandbox_process.rs"]
mod sandbox_process;
mod entrust;
mod legacy;
mod lifecycle;
mod limits;
mod python_sdk;
mod robustness;
