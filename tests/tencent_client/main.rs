//! The Tencent Cloud Chat client against a real sandbox over loopback (no mocked HTTP layer):
//! every typed command, the checks, bulk outcomes read back, paging, failover, rate limits,
//! faults, the CLI, and a Community's topics, permission groups, bans and app-wide mutes on
//! the demo data.

mod bulk;
mod cli;
mod common;
mod community;
mod moderation;
mod methods;
mod transport;
