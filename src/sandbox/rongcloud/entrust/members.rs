//! Hosted membership: quit and kick, kick from all groups, join, admins, member info and the
//! specific-member query (reference §6.2 #4–6, 8, 11, 12, 14, 15).
//!
//! Choices where the reference is silent, [?] there:
//! * Kick/quit ignore listed users who are not members (the goal already holds), and refuse the
//!   whole request with 25417 when the owner is listed: nothing is applied.
//! * Kick from all groups refuses with 25417 while the user owns a group; their mutes and
//!   allowlist entries stay, whom they follow goes.
//! * Join refuses the whole request with 25412 when a listed user is already a member, naming them.
//! * Manager add: the owner ⇒ 25425; non-members are left out and returned in `userIds` with
//!   code 200, or 25418 when none is a member; more than 10 admins ⇒ 25419 with `managerCount`.
//!   Manager remove: a listed user who is not an admin ⇒ 25420, nothing applied.

use serde_json::{Value, json};

use super::{cleanup, gid, group_full, not_member, ok, profile, uid};
use crate::protocol::rongcloud::limits;
use crate::sandbox::rongcloud::Ctx;
use crate::sandbox::rongcloud::error::{WireError, WireResult};
use crate::sandbox::rongcloud::form::Params;
use crate::sandbox::rongcloud::repo::{Member, RepoError};
use crate::sandbox::rongcloud::validate::{self, Family};

fn users(p: &Params, max: usize) -> WireResult<Vec<String>> {
    validate::entrust_users(p, "userIds", max, true)
}

/// 4./5. `/entrust/group/quit.json` and `/entrust/group/member/kick.json`.
pub fn quit(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let users = users(p, limits::ENTRUST_USERS_PER_CALL)?;
    let cleanup = cleanup(p)?;
    ctx.repo.kick(gid, &users, cleanup).map_err(|e| match e {
        RepoError::OwnerListed { owner } => WireError::bad(
            25417,
            format!("userIds: {owner} is the group owner and cannot leave or be removed; transfer ownership first"),
        ),
        other => other.into(),
    })?;
    Ok(ok())
}

/// 6. `/entrust/group/member/kick/all.json` — removes the user from every group.
pub fn kick_all(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let user = uid(p, "userId")?;
    ctx.repo.kick_everywhere(user).map_err(|e| match e {
        RepoError::OwnsGroup { group } => WireError::bad(
            25417,
            format!("userId {user} owns group {group}; transfer ownership before removing them from all groups"),
        ),
        other => other.into(),
    })?;
    Ok(ok())
}

/// 8. `/entrust/group/join.json` — answers the group's profile.
pub fn join(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let users = users(p, limits::ENTRUST_USERS_PER_CALL)?;
    let g = ctx.repo.join_hosted(gid, &users, ctx.max_members).map_err(|e| match e {
        RepoError::AlreadyMembers(already) => WireError::bad(
            25412,
            format!("userIds: already members of group {gid}: {}", already.join(",")),
        )
        .with("userIds", json!(already)),
        other => group_full(other),
    })?;
    let (profile, ext, perms) = profile::fields(&g);
    Ok(json!({
        "code": 200,
        "groupId": g.group_id,
        "name": g.name,
        "groupProfile": profile,
        "groupExtProfile": ext,
        "permissions": perms,
        "owner": g.owner,
        "createTime": g.create_time,
        "memberCount": g.member_count,
    }))
}

/// 11. `/entrust/group/manager/add.json`
pub fn manager_add(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let users = users(p, limits::ADMINS_MAX)?;
    let outsiders = ctx.repo.add_admins(gid, &users).map_err(|e| match e {
        RepoError::OwnerListed { owner } => {
            WireError::bad(25425, format!("userIds: {owner} is the owner and cannot be made an admin"))
        }
        RepoError::NoMembers(outsiders) => {
            WireError::bad(25418, format!("userIds: not members of group {gid}: {}", outsiders.join(",")))
                .with("userIds", json!(outsiders))
        }
        RepoError::TooManyAdmins { count, adding } => WireError::bad(
            25419,
            format!(
                "a group has at most {} admins; it has {count} and {adding} more were asked",
                limits::ADMINS_MAX
            ),
        )
        .with("managerCount", json!(count)),
        other => other.into(),
    })?;
    if outsiders.is_empty() {
        Ok(ok())
    } else {
        Ok(json!({"code": 200, "userIds": outsiders}))
    }
}

/// 12. `/entrust/group/manager/remove.json`
pub fn manager_remove(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let users = users(p, limits::ADMINS_MAX)?;
    ctx.repo.remove_admins(gid, &users).map_err(|e| match e {
        RepoError::NotAdmins(not_admin) => {
            WireError::bad(25420, format!("userIds: not admins of group {gid}: {}", not_admin.join(",")))
                .with("userIds", json!(not_admin))
        }
        other => other.into(),
    })?;
    Ok(ok())
}

/// A member as member queries answer it; `extra` only when set.
pub fn member_json(m: Member) -> Value {
    let mut v = json!({"userId": m.user_id, "nickname": m.nickname, "role": m.role, "time": m.join_time});
    if !m.extra.is_empty() {
        v["extra"] = json!(m.extra);
    }
    v
}

/// 14. `/entrust/group/member/specific/query.json` — listed users who are members.
pub fn member_specific(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let users = users(p, limits::ENTRUST_USERS_PER_CALL)?;
    let members: Vec<Value> = ctx.repo.members_of(gid, &users)?.into_iter().map(member_json).collect();
    Ok(json!({"code": 200, "members": members}))
}

/// 15. `/entrust/group/member/set.json`
pub fn member_set(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let user = uid(p, "userId")?;
    let nickname = p.req("nickname")?;
    validate::check_len(Family::Entrust, "nickname", nickname, limits::NICKNAME_MAX)?;
    let extra = p.opt("extra");
    if let Some(e) = extra {
        validate::check_len(Family::Entrust, "extra", e, limits::EXTRA_MAX)?;
    }
    ctx.repo.set_member_info(gid, user, nickname, extra).map_err(|e| match e {
        RepoError::NotMember { user } => not_member(gid, "userId", &user),
        other => other.into(),
    })?;
    Ok(ok())
}
