//! Hosted groups: create, profile update and query, dismiss, owner transfer, import (reference
//! §6.2 #1–3, 7, 9, 10).
//!
//! Choices where the reference is silent, [?] there:
//! * Create ignores the owner when listed in `userIds`; an existing id ⇒ 25409.
//! * Profile update takes `name` top-level (Java, PHP, sealtalk) or inside `groupProfile`.
//! * Transfer to a non-member ⇒ 25418; the old owner becomes a regular member, or leaves with
//!   `isQuit=1` (then `isDel*` apply).

use serde_json::{Value, json};

use super::profile::{self, Patched};
use super::{cleanup, gid, group_full, group_name, not_member, ok, uid};
use crate::protocol::rongcloud::limits;
use crate::sandbox::rongcloud::Ctx;
use crate::sandbox::rongcloud::error::{WireError, WireResult};
use crate::sandbox::rongcloud::form::Params;
use crate::sandbox::rongcloud::repo::{Group, RepoError};
use crate::sandbox::rongcloud::validate::{self, Family};

/// 1. `/entrust/group/create.json`
pub fn create(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let name = group_name(p, "name")?;
    let owner = uid(p, "owner")?;
    let mut invitees = validate::entrust_users(p, "userIds", limits::CREATE_INVITEES_MAX, false)?;
    invitees.retain(|u| u != owner);
    let patched = profile::apply(ctx, p, None, false)?;
    ctx.repo
        .create_hosted(gid, name, owner, &patched.profile, &invitees, ctx.max_members)
        .map_err(|e| match e {
            RepoError::Exists => WireError::bad(25409, format!("groupId {gid} already exists")),
            RepoError::GroupFull { limit, .. } => {
                WireError::bad(25411, format!("a group holds at most {limit} members"))
            }
            other => other.into(),
        })?;
    Ok(ok())
}

/// 2. `/entrust/group/profile/update.json` — partial update; `name` top-level or in groupProfile.
pub fn profile_update(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let g = ctx.repo.hosted_group(gid)?;
    let top_name = match p.opt("name") {
        Some(_) => Some(group_name(p, "name")?.to_owned()),
        None => None,
    };
    let Patched { name, profile, changed } = profile::apply(ctx, p, Some(&g), true)?;
    let name = top_name.or(name);
    if name.as_ref().is_some_and(|n| n.trim().is_empty()) {
        return Err(WireError::bad(25423, "groupProfile.name must not be empty"));
    }
    if !changed && name.is_none() {
        return Err(WireError::param(
            "nothing to update: send name, groupProfile, permissions or groupExtProfile",
        ));
    }
    ctx.repo.update_profile(gid, name.as_deref(), &profile)?;
    Ok(ok())
}

fn profile_json(g: &Group) -> Value {
    let (profile, ext, perms) = profile::fields(g);
    json!({
        "groupId": g.group_id,
        "groupName": g.name,
        "groupProfile": profile,
        "groupExtProfile": ext,
        "permissions": perms,
        "owner": g.owner,
        "createTime": g.create_time,
        "memberCount": g.member_count,
    })
}

/// 3. `/entrust/group/profile/query.json` — up to 50 groups (`groupIds`, or leniently
///    `groupId`); unknown and legacy groups are left out.
pub fn profile_query(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let ids = p.list(&["groupIds", "groupId"])?;
    if ids.is_empty() {
        return Err(WireError::param("groupIds is required"));
    }
    if ids.len() > limits::PROFILE_QUERY_MAX {
        return Err(WireError::bad(
            25422,
            format!("groupIds: at most {} groups per request (got {})", limits::PROFILE_QUERY_MAX, ids.len()),
        ));
    }
    let mut profiles = Vec::new();
    for id in &ids {
        validate::group_id_value(Family::Entrust, "groupIds", id)?;
        if let Some(g) = ctx.repo.group(id)?.filter(|g| g.hosted) {
            profiles.push(profile_json(&g));
        }
    }
    Ok(json!({"code": 200, "profiles": profiles}))
}

/// 7. `/entrust/group/dismiss.json`
pub fn dismiss(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    ctx.repo.dismiss_hosted(gid(p)?)?;
    Ok(ok())
}

/// 9. `/entrust/group/transfer/owner.json`
pub fn transfer_owner(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let new_owner = uid(p, "newOwner")?;
    let is_quit = p.flag("isQuit", false)?;
    let cleanup = cleanup(p)?;
    ctx.repo
        .transfer_owner(gid, new_owner, is_quit.then_some(cleanup))
        .map_err(|e| match e {
            RepoError::AlreadyOwner => WireError::param(format!("newOwner {new_owner} already owns group {gid}")),
            RepoError::NotMember { user } => not_member(gid, "newOwner", &user),
            other => other.into(),
        })?;
    Ok(ok())
}

/// 10. `/entrust/group/import.json` — a legacy group into hosting; its members stay, the
///     owner is added if missing.
pub fn import(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let name = group_name(p, "name")?;
    let owner = uid(p, "owner")?;
    let patched = profile::apply(ctx, p, None, false)?;
    ctx.repo
        .import(gid, name, owner, &patched.profile, ctx.max_members)
        .map_err(|e| match e {
            RepoError::AlreadyHosted => WireError::bad(25409, format!("group {gid} is already hosted")),
            RepoError::NotFound { .. } => {
                WireError::bad(25410, format!("group {gid} does not exist; create it instead"))
            }
            other => group_full(other),
        })?;
    Ok(ok())
}
