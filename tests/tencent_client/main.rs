//! The Tencent Cloud Chat client against a real sandbox over loopback (no mocked HTTP layer):
//! every typed command, the checks, bulk outcomes read back, paging, failover, rate limits,
//! faults, and the CLI.

mod bulk;
mod cli;
mod common;
mod methods;
mod transport;
