//! The legacy group family (reference §5): membership and push name here; member mutes
//! ("gag"), mute-all ("ban") and its allowlist in [`mutes`]; push remarks in [`remarks`].
//!
//! Choices where the reference is silent, [?] there:
//! * The legacy and hosted families share one membership: a hosted group is visible to
//!   `/group/user/query.json`, and legacy joins add regular members to it. Legacy calls never
//!   rename a hosted group (its name belongs to `/entrust/group/profile/update.json`), and a
//!   legacy quit that names a hosted group's owner fails with 25417, nothing applied.
//! * `/group/sync.json` replaces the user's *legacy* memberships; hosted memberships are
//!   managed by the hosting API and left as they are (a listed hosted group is joined).
//! * `/group/refresh.json` on an unknown group records the name (creates the empty group).
//! * Joining past the member limit fails with 1002, nothing applied.

pub mod mutes;
pub mod remarks;

use serde_json::{Value, json};

use super::Ctx;
use super::error::{WireError, WireResult};
use super::form::Params;
use super::repo::RepoError;
use super::validate::{self, Family};
use crate::protocol::rongcloud::limits;

fn ok() -> Value {
    json!({"code": 200})
}

fn group_name(p: &Params, required: bool) -> WireResult<Option<&str>> {
    let name = if required { Some(p.req("groupName")?) } else { p.opt("groupName") };
    if let Some(n) = name {
        validate::check_len(Family::Legacy, "groupName", n, limits::LEGACY_NAME_MAX)?;
    }
    Ok(name)
}

/// With `bindNotifyMsg=true` the SDKs expect a `messageUID` for the bound notification.
fn with_notify(p: &Params, ctx: &Ctx, mut body: Value) -> Value {
    if p.opt("bindNotifyMsg") == Some("true") {
        body["messageUID"] = json!(format!("SBX{:X}", ctx.now_ms));
    }
    body
}

/// Joining past the member limit is a parameter error in this family.
fn join_error(err: RepoError) -> WireError {
    match err {
        RepoError::GroupFull { group, would_have, limit } => WireError::param(format!(
            "group {group} would have {would_have} members; the limit is {limit} per group"
        )),
        other => other.into(),
    }
}

fn join_users(ctx: &Ctx, p: &Params, name_required: bool) -> WireResult<Value> {
    let users = validate::legacy_users(p, "userId", limits::LEGACY_MEMBERS_PER_CALL)?;
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    let name = group_name(p, name_required)?;
    ctx.repo.legacy_join(gid, &users, name, ctx.max_members).map_err(join_error)?;
    Ok(with_notify(p, ctx, ok()))
}

/// `/group/create.json` — an alias of join that requires a name.
pub fn create(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    join_users(ctx, p, true)
}

/// `/group/join.json`
pub fn join(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    join_users(ctx, p, false)
}

/// `/group/quit.json`
pub fn quit(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let users = validate::legacy_users(p, "userId", limits::LEGACY_MEMBERS_PER_CALL)?;
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    ctx.repo.legacy_quit(gid, &users).map_err(|e| match e {
        RepoError::OwnerListed { owner } => WireError::bad(
            25417,
            format!("userId {owner} is the owner of hosted group {gid}; transfer ownership first"),
        ),
        other => other.into(),
    })?;
    Ok(with_notify(p, ctx, ok()))
}

/// `/group/dismiss.json` — any user id may dismiss (documented).
pub fn dismiss(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    validate::user_id(Family::Legacy, p, "userId")?;
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    ctx.repo.delete_group(gid)?;
    Ok(with_notify(p, ctx, ok()))
}

/// `/group/refresh.json` — the push name.
pub fn refresh(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    let name = group_name(p, true)?.unwrap_or_default();
    ctx.repo.name_legacy_group(gid, name)?;
    Ok(with_notify(p, ctx, ok()))
}

/// `/group/user/query.json` — `{"code":200,"users":[{"id":..}]}`, by join time.
pub fn members(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    let users: Vec<Value> = ctx.repo.member_ids(gid)?.into_iter().map(|id| json!({"id": id})).collect();
    Ok(json!({"code": 200, "users": users}))
}

/// `/user/group/query.json` — without `page` the first 5000 groups; else pages of `size`.
pub fn user_groups(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let uid = validate::user_id(Family::Legacy, p, "userId")?;
    let page = p.int_in("page", 0, i64::from(i32::MAX))?.unwrap_or(0);
    let (limit, offset) = if page == 0 {
        (i64::from(limits::USER_GROUPS_UNPAGED_MAX), 0)
    } else {
        let size = p
            .int_in("size", 1, i64::from(limits::USER_GROUPS_PAGE_MAX))?
            .unwrap_or(i64::from(limits::PAGE_SIZE_DEFAULT));
        (size, (page - 1) * size)
    };
    let groups: Vec<Value> = ctx
        .repo
        .user_groups(uid, limit, offset)?
        .into_iter()
        .map(|g| json!({"name": g.name, "id": g.group_id}))
        .collect();
    Ok(json!({"code": 200, "groups": groups}))
}

/// `/group/sync.json` — replaces the user's legacy memberships with the listed groups.
pub fn sync(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let uid = validate::user_id(Family::Legacy, p, "userId")?;
    let listed = p.bracketed("group");
    for (gid, name) in &listed {
        validate::group_id_value(Family::Legacy, &format!("group[{gid}]"), gid)?;
        validate::check_len(Family::Legacy, &format!("group[{gid}]"), name, limits::LEGACY_NAME_MAX)?;
    }
    ctx.repo.legacy_sync(uid, &listed, ctx.max_members).map_err(join_error)?;
    Ok(ok())
}
