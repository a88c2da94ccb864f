//! The group information hosting family `/entrust/*` (reference §6.2, all 23 endpoints):
//! groups and profiles in [`groups`], membership and admins in [`members`], the paged queries in
//! [`queries`], remark names in [`remarks`], special follows in [`follows`].
//!
//! The server API carries no operator, so it acts with full rights; permission settings are
//! stored and reported, not enforced here [?]. A missing group is 25410, a legacy group not yet
//! imported 25429, a member-only operation on a non-member 25418.

pub mod follows;
pub mod groups;
pub mod members;
mod profile;
pub mod queries;
pub mod remarks;

use serde_json::{Value, json};

use super::error::{WireError, WireResult};
use super::form::Params;
use super::repo::{Cleanup, RepoError};
use super::validate::{self, Family};
use crate::protocol::rongcloud::limits;

fn ok() -> Value {
    json!({"code": 200})
}

fn gid(p: &Params) -> WireResult<&str> {
    validate::group_id(Family::Entrust, p, "groupId")
}

fn uid<'a>(p: &'a Params, field: &str) -> WireResult<&'a str> {
    validate::user_id(Family::Entrust, p, field)
}

/// A hosted group name: required, not blank (25423), at most 64 characters.
fn group_name<'a>(p: &'a Params, field: &str) -> WireResult<&'a str> {
    let name = p.opt(field).unwrap_or("");
    if name.trim().is_empty() {
        return Err(WireError::bad(25423, format!("{field} is required and must not be empty")));
    }
    validate::check_len(Family::Entrust, field, name, limits::GROUP_NAME_MAX)?;
    Ok(name)
}

/// `isDelBan`, `isDelWhite`, `isDelFollowed`: what goes with a leaving member (default all).
fn cleanup(p: &Params) -> WireResult<Cleanup> {
    Ok(Cleanup {
        mutes: p.flag("isDelBan", true)?,
        allowlist: p.flag("isDelWhite", true)?,
        follows: p.flag("isDelFollowed", true)?,
    })
}

/// A group's capacity as this family words it (25411).
fn group_full(err: RepoError) -> WireError {
    match err {
        RepoError::GroupFull { group, would_have, limit } => WireError::bad(
            25411,
            format!("group {group} would have {would_have} members; the limit is {limit} per group"),
        ),
        other => other.into(),
    }
}

/// 25418 for a user who must be a member, naming the parameter that listed them.
fn not_member(group_id: &str, field: &str, user: &str) -> WireError {
    WireError::bad(25418, format!("{field} {user} is not a member of group {group_id}"))
}
