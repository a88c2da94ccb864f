//! Legacy member mutes ("gag", reference §5.9), mute-all ("ban", §5.10) and the mute-all
//! allowlist (§5.11).
//!
//! Choices where the reference is silent, [?] there:
//! * A permanent mute lists with `time` "9999-12-31 23:59:59"; times are UTC (global data centres).
//! * Muting in all groups (no `groupId`) is capped at 100 users, as documented; past it 1002,
//!   nothing applied.

use serde_json::{Value, json};

use super::ok;
use crate::protocol::rongcloud::limits;
use crate::sandbox::rongcloud::Ctx;
use crate::sandbox::rongcloud::error::{WireError, WireResult};
use crate::sandbox::rongcloud::form::Params;
use crate::sandbox::rongcloud::repo::RepoError;
use crate::sandbox::rongcloud::validate::{self, Family};

/// How a permanent mute's end lists.
const PERMANENT_TIME: &str = "9999-12-31 23:59:59";

/// `groupId`, or `""` (all groups) when absent.
fn optional_group(p: &Params) -> WireResult<&str> {
    match p.opt("groupId") {
        Some(g) => {
            validate::group_id_value(Family::Legacy, "groupId", g)?;
            Ok(g)
        }
        None => Ok(""), // all groups
    }
}

fn users(p: &Params) -> WireResult<Vec<String>> {
    validate::legacy_users(p, "userId", limits::GAG_PER_CALL)
}

/// `/group/user/gag/add.json` — `minute` 0 (permanent) to 43200; no `groupId` = all groups.
pub fn gag_add(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let users = users(p)?;
    let gid = optional_group(p)?;
    let minute = p
        .int_in("minute", 0, i64::from(limits::MUTE_MINUTES_MAX))?
        .ok_or_else(|| {
            WireError::param(format!("minute is required (0 = permanent, at most {})", limits::MUTE_MINUTES_MAX))
        })?;
    let end = (minute > 0).then(|| ctx.now_ms + minute * 60_000);
    ctx.repo.mute(gid, &users, end).map_err(|e| match e {
        RepoError::TooManyGlobalMutes { count } => WireError::param(format!(
            "userId: at most {} users can be muted in all groups (would be {count})",
            limits::GLOBAL_MUTES_MAX
        )),
        other => other.into(),
    })?;
    Ok(ok())
}

/// `/group/user/gag/rollback.json`
pub fn gag_remove(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let users = users(p)?;
    let gid = optional_group(p)?;
    ctx.repo.unmute(gid, &users)?;
    Ok(ok())
}

/// `YYYY-MM-DD HH:MM:SS` in UTC.
fn wall_time(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_default()
}

/// `/group/user/gag/list.json` — active mutes of a group, or of all groups without `groupId`.
pub fn gag_list(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = optional_group(p)?;
    let users: Vec<Value> = ctx
        .repo
        .mutes(gid)?
        .into_iter()
        .map(|m| {
            json!({
                "startTime": wall_time(m.start_ms),
                "time": m.end_ms.map(wall_time).unwrap_or_else(|| PERMANENT_TIME.to_owned()),
                "userId": m.user_id,
            })
        })
        .collect();
    Ok(json!({"code": 200, "users": users}))
}

/// The listed `groupId`s of the ban calls (at most 20, possibly none).
fn ban_groups(p: &Params) -> WireResult<Vec<String>> {
    let mut ids = p.repeated("groupId");
    ids.dedup();
    if ids.len() > limits::GAG_PER_CALL {
        return Err(WireError::param(format!(
            "groupId: at most {} groups per request (got {})",
            limits::GAG_PER_CALL,
            ids.len()
        )));
    }
    for g in &ids {
        validate::group_id_value(Family::Legacy, "groupId", g)?;
    }
    Ok(ids)
}

fn required_ban_groups(p: &Params) -> WireResult<Vec<String>> {
    let ids = ban_groups(p)?;
    if ids.is_empty() {
        return Err(WireError::param("groupId is required"));
    }
    Ok(ids)
}

/// `/group/ban/add.json`
pub fn ban_add(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    ctx.repo.ban(&required_ban_groups(p)?)?;
    Ok(ok())
}

/// `/group/ban/rollback.json`
pub fn ban_remove(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    ctx.repo.unban(&required_ban_groups(p)?)?;
    Ok(ok())
}

/// `/group/ban/query.json` — the state of the listed groups, or (no groupId, or page/size given)
/// a page of all muted groups.
pub fn ban_query(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let ids = ban_groups(p)?;
    let paged = ids.is_empty() || p.opt("page").is_some() || p.opt("size").is_some();
    let info: Vec<Value> = if paged {
        let page = p.int_in("page", 1, i64::from(i32::MAX))?.unwrap_or(1);
        let size = p
            .int_in("size", 1, i64::from(limits::BAN_PAGE_MAX))?
            .unwrap_or(i64::from(limits::PAGE_SIZE_DEFAULT));
        let banned = ctx.repo.banned(size, (page - 1) * size)?;
        banned.into_iter().map(|g| json!({"groupId": g, "stat": 1})).collect()
    } else {
        let mut out = Vec::with_capacity(ids.len());
        for g in &ids {
            let stat = i32::from(ctx.repo.is_banned(g)?);
            out.push(json!({"groupId": g, "stat": stat}));
        }
        out
    };
    Ok(json!({"code": 200, "groupinfo": info}))
}

/// `/group/user/ban/whitelist/add.json`
pub fn whitelist_add(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let users = users(p)?;
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    ctx.repo.allow(gid, &users)?;
    Ok(ok())
}

/// `/group/user/ban/whitelist/rollback.json`
pub fn whitelist_remove(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let users = users(p)?;
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    ctx.repo.disallow(gid, &users)?;
    Ok(ok())
}

/// `/group/user/ban/whitelist/query.json` — `{"code":200,"userIds":[..]}`.
pub fn whitelist_query(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    Ok(json!({"code": 200, "userIds": ctx.repo.allowlist(gid)?}))
}
