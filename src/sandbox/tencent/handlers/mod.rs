//! The commands, one module per family, and the checks they share: ids, account lists, the
//! type rules and member caps of §0/§2.

pub mod accounts;
pub mod bans;
pub mod fields;
pub mod groups;
pub mod info;
pub mod joined;
pub mod members;
pub mod mutes;
pub mod nospeaking;
pub mod permissions;
pub mod quotas;
pub mod topic_permissions;
pub mod topics;

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::Ctx;
use super::body::{Obj, too_long};
use super::error::{WireError, WireResult};
use crate::protocol::tencent::wire::{Edition, GroupType};
use crate::protocol::tencent::{codes, limits};

/// The bare successful answer (the envelope only).
pub fn ok() -> Map<String, Value> {
    Map::new()
}

/// `GroupId`: required, 1 to 48 bytes.
pub fn group_id<'a>(o: &Obj<'a, '_>) -> WireResult<&'a str> {
    let id = o.req_str("GroupId")?;
    check_group_id(id)?;
    Ok(id)
}

pub fn check_group_id(id: &str) -> WireResult<()> {
    if id.is_empty() {
        return Err(WireError::param("GroupId must not be empty"));
    }
    if id.len() > limits::GROUP_ID_BYTES {
        return Err(too_long("GroupId", id.len(), limits::GROUP_ID_BYTES));
    }
    if id.chars().any(char::is_control) {
        return Err(WireError::param("GroupId must not contain control characters"));
    }
    Ok(())
}

/// An account id: 1 to 32 bytes, no control characters; `name` names it in errors.
pub fn check_account(name: &str, id: &str) -> WireResult<()> {
    if id.is_empty() {
        return Err(WireError::param(format!("{name} must not be empty")));
    }
    if id.len() > limits::ACCOUNT_BYTES {
        return Err(too_long(name, id.len(), limits::ACCOUNT_BYTES));
    }
    if id.chars().any(char::is_control) {
        return Err(WireError::param(format!("{name} must not contain control characters")));
    }
    Ok(())
}

/// A required account field.
pub fn account<'a>(o: &Obj<'a, '_>, field: &str) -> WireResult<&'a str> {
    let id = o.req_str(field)?;
    check_account(&o.name(field), id)?;
    Ok(id)
}

/// A required, non-empty list of accounts, at most `max` (10005 beyond), duplicates dropped.
pub fn accounts<'a>(o: &Obj<'a, '_>, field: &str, max: usize) -> WireResult<Vec<&'a str>> {
    let list = o.strings(field)?.ok_or_else(|| WireError::param(format!("{} is required", o.name(field))))?;
    if list.is_empty() {
        return Err(WireError::param(format!("{} must not be empty", o.name(field))));
    }
    if list.len() > max {
        return Err(WireError::too_many(&o.name(field), list.len(), max));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(list.len());
    for (i, id) in list.into_iter().enumerate() {
        check_account(&format!("{}[{i}]", o.name(field)), id)?;
        if seen.insert(id) {
            out.push(id);
        }
    }
    Ok(out)
}

/// A `Type` (or `GroupType`) value.
pub fn group_type(o: &Obj, field: &str) -> WireResult<Option<GroupType>> {
    match o.str(field)? {
        None => Ok(None),
        Some(s) => GroupType::parse(s).map(Some).ok_or_else(|| {
            WireError::param(format!(
                "{} is {s:?}; must be one of Private, Public, ChatRoom, AVChatRoom, Community",
                o.name(field)
            ))
        }),
    }
}

/// The member cap of a type on the app's edition; 0 = unlimited (AVChatRoom).
pub fn member_cap(edition: Edition, kind: GroupType) -> i64 {
    match kind {
        GroupType::AVChatRoom => 0,
        GroupType::Community => i64::from(limits::COMMUNITY_MEMBERS),
        _ => i64::from(edition.max_members()),
    }
}

/// Community needs the premium (Ultimate) edition: 10059.
pub fn check_edition(ctx: &Ctx, kind: GroupType) -> WireResult<()> {
    if kind == GroupType::Community && ctx.edition != Edition::Premium {
        return Err(WireError::new(
            codes::NOT_ULTIMATE,
            "Community groups need the Ultimate (premium) edition",
        ));
    }
    Ok(())
}

/// A `MaxMemberCount`/`MaxMemberNum` value for a group of `kind`: at least 1, at most the
/// edition's ceiling (10038 beyond it; see `quotas`).
pub fn max_members(ctx: &Ctx, o: &Obj, field: &str, kind: GroupType) -> WireResult<Option<i64>> {
    let Some(v) = o.u64(field)? else { return Ok(None) };
    let cap = quotas::member_ceiling(ctx.edition, kind);
    if v == 0 {
        return Err(WireError::param(format!("{} must be at least 1", o.name(field))));
    }
    if cap > 0 && v > cap as u64 {
        return Err(WireError::new(
            codes::MEMBER_QUOTA,
            format!("{} is {v}; the {:?} edition allows at most {cap} members in a {} group", o.name(field), ctx.edition, kind.wire()),
        ));
    }
    Ok(Some(v.min(i64::MAX as u64) as i64))
}

/// 10007 when a Work group would get a mute.
pub fn check_can_mute(kind: GroupType) -> WireResult<()> {
    if !kind.can_mute() {
        return Err(WireError::forbidden("Work groups (Private) do not support muting members"));
    }
    Ok(())
}

/// 10007 when the type stores no member list (AVChatRoom).
pub fn check_member_list(kind: GroupType, what: &str) -> WireResult<()> {
    if !kind.has_member_list() {
        return Err(WireError::forbidden(format!("AVChatRoom groups store no member list: {what} is not supported")));
    }
    Ok(())
}

/// A mute length in seconds (`MuteTime`, or the older `ShutUpTime`), at most 4294967295.
pub fn mute_seconds(o: &Obj) -> WireResult<Option<u64>> {
    let field = if o.has("MuteTime") { "MuteTime" } else { "ShutUpTime" };
    o.u64_max(field, limits::MUTE_PERMANENT)
}

/// When a mute of `secs` seconds from `now` ends: 4294967295 for a permanent one.
pub fn mute_until(now: i64, secs: u64) -> i64 {
    let permanent = limits::MUTE_PERMANENT as i64;
    if secs >= limits::MUTE_PERMANENT { permanent } else { (now + secs as i64).min(permanent) }
}
