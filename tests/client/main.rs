//! Tests of the signed API client and the headless CLI, against real sandboxes over loopback.

mod bulk;
mod chaos;
mod cli;
mod cli_input;
mod common;
mod methods;
mod single;
mod transport;
