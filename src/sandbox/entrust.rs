//! The group information hosting family `/entrust/*` (reference §6.2, all 23 endpoints).
//!
//! The server API carries no operator, so it acts with full rights; permission settings are
//! stored and reported, not enforced here. Choices where the reference is silent, [?] there:
//! * Kick/quit ignore listed users who are not members (the goal already holds), and refuse the
//!   whole request with 25417 when the owner is listed: nothing is applied.
//! * Join refuses the whole request with 25412 when a listed user is already a member, naming them.
//! * Manager add: the owner ⇒ 25425; non-members are left out and returned in `userIds` with
//!   code 200, or 25418 when none is a member; more than 10 admins ⇒ 25419 with `managerCount`.
//!   Manager remove: a listed user who is not an admin ⇒ 25420, nothing applied.
//! * Follow: both the follower and the followed must be members (25418); at most 100 followed
//!   members per user and group (25419).
//! * extProfile: an empty value removes the key; at most 10 keys per group (25406); a key not in
//!   the App Key's registry ⇒ 25415.
//! * `followed/get` answers `members` (what the Java and Go SDKs read).
//! * Joined-group and member `role`/`type` filters: 0 all, 1 member, 2 admin, 3 owner.

use serde_json::{Map, Value, json};

use super::error::{WireError, WireResult};
use super::form::Params;
use super::store::{Ctx, GroupRow, ROLE_ADMIN, ROLE_MEMBER, ROLE_OWNER, page_token};
use super::validate::{self, Family};

const CREATE_INVITEES_MAX: usize = 30;
const USERS_MAX: usize = 100;
const PROFILE_QUERY_MAX: usize = 50;
const ADMINS_MAX: i64 = 10;
const FOLLOW_MAX: i64 = 100;
const NICKNAME_MAX: usize = 64;
const EXTRA_MAX: usize = 128;
const REMARK_NAME_MAX: usize = 64;

fn ok() -> Value {
    json!({"code": 200})
}

fn gid<'a>(p: &'a Params) -> WireResult<&'a str> {
    validate::group_id(Family::Entrust, p, "groupId")
}

fn uid<'a>(p: &'a Params, field: &str) -> WireResult<&'a str> {
    validate::user_id(Family::Entrust, p, field)
}

fn parse_obj(raw: &str) -> Map<String, Value> {
    match serde_json::from_str(raw) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// The profile JSON as the wire carries it: a JSON string inside the JSON answer.
fn profile_fields(g: &GroupRow) -> (Value, Value, Value) {
    (json!(g.profile), json!(g.ext), json!(g.permissions))
}

/// Applies the optional `groupProfile`, `permissions` and `groupExtProfile` parameters to the
/// stored JSON of a group. Returns the new (name, profile, ext, permissions).
struct Patched {
    name: Option<String>,
    profile: String,
    ext: String,
    permissions: String,
    changed: bool,
}

fn apply_profile_params(ctx: &Ctx, p: &Params, base: Option<&GroupRow>, allow_name: bool) -> WireResult<Patched> {
    let mut profile = base.map(|g| parse_obj(&g.profile)).unwrap_or_default();
    let mut ext = base.map(|g| parse_obj(&g.ext)).unwrap_or_default();
    let mut perms = match base {
        Some(g) => parse_obj(&g.permissions),
        None => validate::PERMISSIONS.iter().map(|(k, _)| (k.to_string(), json!(0))).collect(),
    };
    let mut name = None;
    let mut changed = false;
    if let Some(raw) = p.opt("groupProfile") {
        let patch = validate::profile_patch(raw, allow_name)?;
        for (k, v) in patch.fields {
            if v.is_empty() {
                profile.remove(&k);
            } else {
                profile.insert(k, json!(v));
            }
        }
        name = patch.name;
        changed = true;
    }
    if let Some(raw) = p.opt("permissions") {
        for (k, v) in validate::permissions_patch(raw)? {
            perms.insert(k, json!(v));
        }
        changed = true;
    }
    if let Some(raw) = p.opt("groupExtProfile") {
        for (k, v) in validate::ext_patch(raw)? {
            if !ctx.ext_key_allowed(&k)? {
                return Err(WireError::bad(
                    25415,
                    format!("extProfile key {k:?} is not configured for this App Key; add it to the app's extProfile keys first"),
                ));
            }
            if v.is_empty() {
                ext.remove(&k);
            } else {
                ext.insert(k, json!(v));
            }
        }
        if ext.len() > validate::EXT_PAIRS_MAX {
            return Err(WireError::bad(
                25406,
                format!("groupExtProfile: at most {} keys per group (would be {})", validate::EXT_PAIRS_MAX, ext.len()),
            ));
        }
        changed = true;
    }
    Ok(Patched {
        name,
        profile: Value::Object(profile).to_string(),
        ext: Value::Object(ext).to_string(),
        permissions: Value::Object(perms).to_string(),
        changed,
    })
}

fn group_name<'a>(p: &'a Params, field: &str) -> WireResult<&'a str> {
    let name = p.opt(field).unwrap_or("");
    if name.trim().is_empty() {
        return Err(WireError::bad(25423, format!("{field} is required and must not be empty")));
    }
    validate::check_len(Family::Entrust, field, name, validate::NAME_MAX)?;
    Ok(name)
}

/// 1. `/entrust/group/create.json`
pub fn create(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let name = group_name(p, "name")?;
    let owner = uid(p, "owner")?;
    let mut invitees = validate::entrust_users(p, "userIds", CREATE_INVITEES_MAX, false)?;
    invitees.retain(|u| u != owner);
    let patched = apply_profile_params(ctx, p, None, false)?;
    if ctx.group(gid)?.is_some() {
        return Err(WireError::bad(25409, format!("groupId {gid} already exists")));
    }
    if 1 + invitees.len() > ctx.max_members {
        return Err(WireError::bad(25411, format!("a group holds at most {} members", ctx.max_members)));
    }
    ctx.tx
        .prepare_cached(
            "INSERT INTO groups(group_id, name, hosted, owner, creator, profile, ext, permissions, create_time) \
             VALUES(?1, ?2, 1, ?3, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(rusqlite::params![gid, name, owner, patched.profile, patched.ext, patched.permissions, ctx.now_ms])?;
    ctx.add_member(gid, owner, ROLE_OWNER)?;
    for u in &invitees {
        ctx.add_member(gid, u, ROLE_MEMBER)?;
    }
    Ok(ok())
}

/// 2. `/entrust/group/profile/update.json` — partial update; `name` top-level or in groupProfile.
pub fn profile_update(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let g = ctx.hosted_group(gid)?;
    let top_name = match p.opt("name") {
        Some(_) => Some(group_name(p, "name")?.to_owned()),
        None => None,
    };
    let patched = apply_profile_params(ctx, p, Some(&g), true)?;
    let name = top_name.or(patched.name);
    if let Some(n) = &name {
        if n.trim().is_empty() {
            return Err(WireError::bad(25423, "groupProfile.name must not be empty"));
        }
    }
    if !patched.changed && name.is_none() {
        return Err(WireError::param(
            "nothing to update: send name, groupProfile, permissions or groupExtProfile",
        ));
    }
    ctx.tx
        .prepare_cached(
            "UPDATE groups SET name = IFNULL(?2, name), profile = ?3, ext = ?4, permissions = ?5 WHERE group_id = ?1",
        )?
        .execute(rusqlite::params![gid, name, patched.profile, patched.ext, patched.permissions])?;
    Ok(ok())
}

fn profile_json(ctx: &Ctx, g: &GroupRow) -> WireResult<Value> {
    let (profile, ext, perms) = profile_fields(g);
    Ok(json!({
        "groupId": g.group_id,
        "groupName": g.name,
        "groupProfile": profile,
        "groupExtProfile": ext,
        "permissions": perms,
        "owner": g.owner,
        "createTime": g.create_time,
        "memberCount": ctx.member_count(&g.group_id)?,
    }))
}

/// 3. `/entrust/group/profile/query.json` — up to 50 groups (`groupIds`, or leniently `groupId`).
pub fn profile_query(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let ids = p.list(&["groupIds", "groupId"]);
    if ids.is_empty() {
        return Err(WireError::param("groupIds is required"));
    }
    if ids.len() > PROFILE_QUERY_MAX {
        return Err(WireError::bad(
            25422,
            format!("groupIds: at most {PROFILE_QUERY_MAX} groups per request (got {})", ids.len()),
        ));
    }
    let mut profiles = Vec::new();
    for id in &ids {
        validate::group_id_value(Family::Entrust, "groupIds", id)?;
        if let Some(g) = ctx.group(id)?.filter(|g| g.hosted) {
            profiles.push(profile_json(ctx, &g)?);
        }
    }
    Ok(json!({"code": 200, "profiles": profiles}))
}

struct LeaveOptions {
    del_ban: bool,
    del_white: bool,
    del_followed: bool,
}

fn leave_options(p: &Params) -> WireResult<LeaveOptions> {
    Ok(LeaveOptions {
        del_ban: p.flag("isDelBan", true)?,
        del_white: p.flag("isDelWhite", true)?,
        del_followed: p.flag("isDelFollowed", true)?,
    })
}

fn leave(ctx: &Ctx, gid: &str, user: &str, o: &LeaveOptions) -> WireResult<()> {
    ctx.remove_member(gid, user)?;
    if o.del_ban {
        ctx.tx
            .prepare_cached("DELETE FROM gags WHERE group_id = ?1 AND user_id = ?2")?
            .execute([gid, user])?;
    }
    if o.del_white {
        ctx.tx
            .prepare_cached("DELETE FROM whitelist WHERE group_id = ?1 AND user_id = ?2")?
            .execute([gid, user])?;
    }
    if o.del_followed {
        ctx.tx
            .prepare_cached("DELETE FROM follows WHERE group_id = ?1 AND user_id = ?2")?
            .execute([gid, user])?;
    }
    Ok(())
}

/// 4./5. `/entrust/group/quit.json` and `/entrust/group/member/kick.json`.
pub fn quit(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let users = validate::entrust_users(p, "userIds", USERS_MAX, true)?;
    let opts = leave_options(p)?;
    let g = ctx.hosted_group(gid)?;
    if users.iter().any(|u| *u == g.owner) {
        return Err(WireError::bad(
            25417,
            format!("userIds: {} is the group owner and cannot leave or be removed; transfer ownership first", g.owner),
        ));
    }
    for u in &users {
        leave(ctx, gid, u, &opts)?;
    }
    Ok(ok())
}

/// 6. `/entrust/group/member/kick/all.json` — removes the user from every group.
pub fn kick_all(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let user = uid(p, "userId")?;
    let owned: Option<String> = rusqlite::OptionalExtension::optional(
        ctx.tx
            .prepare_cached("SELECT group_id FROM members WHERE user_id = ?1 AND role = 3 LIMIT 1")?
            .query_row([user], |r| r.get(0)),
    )?;
    if let Some(g) = owned {
        return Err(WireError::bad(
            25417,
            format!("userId {user} owns group {g}; transfer ownership before removing them from all groups"),
        ));
    }
    let groups: Vec<String> = ctx
        .tx
        .prepare_cached("SELECT group_id FROM members WHERE user_id = ?1")?
        .query_map([user], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let opts = LeaveOptions { del_ban: false, del_white: false, del_followed: true };
    for g in groups {
        leave(ctx, &g, user, &opts)?;
    }
    Ok(ok())
}

/// 7. `/entrust/group/dismiss.json`
pub fn dismiss(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    ctx.hosted_group(gid)?;
    ctx.delete_group(gid)?;
    Ok(ok())
}

/// 8. `/entrust/group/join.json` — answers the group's profile.
pub fn join(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let users = validate::entrust_users(p, "userIds", USERS_MAX, true)?;
    let g = ctx.hosted_group(gid)?;
    let mut already = Vec::new();
    for u in &users {
        if ctx.role(gid, u)?.is_some() {
            already.push(u.clone());
        }
    }
    if !already.is_empty() {
        return Err(WireError::bad(
            25412,
            format!("userIds: already members of group {gid}: {}", already.join(",")),
        )
        .with("userIds", json!(already)));
    }
    ctx.check_capacity(gid, users.len(), 25411)?;
    for u in &users {
        ctx.add_member(gid, u, ROLE_MEMBER)?;
    }
    let (profile, ext, perms) = profile_fields(&g);
    Ok(json!({
        "code": 200,
        "groupId": g.group_id,
        "name": g.name,
        "groupProfile": profile,
        "groupExtProfile": ext,
        "permissions": perms,
        "owner": g.owner,
        "createTime": g.create_time,
        "memberCount": ctx.member_count(gid)?,
    }))
}

/// 9. `/entrust/group/transfer/owner.json`
pub fn transfer_owner(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let new_owner = uid(p, "newOwner")?;
    let is_quit = p.flag("isQuit", false)?;
    let opts = leave_options(p)?;
    let g = ctx.hosted_group(gid)?;
    if new_owner == g.owner {
        return Err(WireError::param(format!("newOwner {new_owner} already owns group {gid}")));
    }
    if ctx.role(gid, new_owner)?.is_none() {
        return Err(WireError::bad(25418, format!("newOwner {new_owner} is not a member of group {gid}")));
    }
    let mut set_role = ctx
        .tx
        .prepare_cached("UPDATE members SET role = ?3 WHERE group_id = ?1 AND user_id = ?2")?;
    set_role.execute(rusqlite::params![gid, g.owner, ROLE_MEMBER])?;
    set_role.execute(rusqlite::params![gid, new_owner, ROLE_OWNER])?;
    ctx.tx
        .prepare_cached("UPDATE groups SET owner = ?2 WHERE group_id = ?1")?
        .execute([gid, new_owner])?;
    if is_quit {
        leave(ctx, gid, &g.owner, &opts)?;
    }
    Ok(ok())
}

/// 10. `/entrust/group/import.json` — a legacy group into hosting; its members stay, the owner
/// is added if missing.
pub fn import(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let name = group_name(p, "name")?;
    let owner = uid(p, "owner")?;
    let patched = apply_profile_params(ctx, p, None, false)?;
    match ctx.group(gid)? {
        Some(g) if g.hosted => return Err(WireError::bad(25409, format!("group {gid} is already hosted"))),
        Some(_) => {}
        None => return Err(WireError::bad(25410, format!("group {gid} does not exist; create it instead"))),
    }
    match ctx.role(gid, owner)? {
        Some(_) => {
            ctx.tx
                .prepare_cached("UPDATE members SET role = 3 WHERE group_id = ?1 AND user_id = ?2")?
                .execute([gid, owner])?;
        }
        None => {
            ctx.check_capacity(gid, 1, 25411)?;
            ctx.add_member(gid, owner, ROLE_OWNER)?;
        }
    }
    ctx.tx
        .prepare_cached(
            "UPDATE groups SET hosted = 1, name = ?2, owner = ?3, creator = ?3, profile = ?4, ext = ?5, \
             permissions = ?6 WHERE group_id = ?1",
        )?
        .execute(rusqlite::params![gid, name, owner, patched.profile, patched.ext, patched.permissions])?;
    Ok(ok())
}

/// 11. `/entrust/group/manager/add.json`
pub fn manager_add(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let users = validate::entrust_users(p, "userIds", ADMINS_MAX as usize, true)?;
    let g = ctx.hosted_group(gid)?;
    if users.iter().any(|u| *u == g.owner) {
        return Err(WireError::bad(25425, format!("userIds: {} is the owner and cannot be made an admin", g.owner)));
    }
    let mut outsiders = Vec::new();
    let mut promote = Vec::new();
    for u in &users {
        match ctx.role(gid, u)? {
            None => outsiders.push(u.clone()),
            Some(ROLE_MEMBER) => promote.push(u.clone()),
            Some(_) => {} // already an admin
        }
    }
    if outsiders.len() == users.len() {
        return Err(WireError::bad(25418, format!("userIds: not members of group {gid}: {}", outsiders.join(",")))
            .with("userIds", json!(outsiders)));
    }
    let current = ctx.count_role(gid, ROLE_ADMIN)?;
    if current + promote.len() as i64 > ADMINS_MAX {
        return Err(WireError::bad(
            25419,
            format!("a group has at most {ADMINS_MAX} admins; it has {current} and {} more were asked", promote.len()),
        )
        .with("managerCount", json!(current)));
    }
    let mut st = ctx
        .tx
        .prepare_cached("UPDATE members SET role = 2 WHERE group_id = ?1 AND user_id = ?2")?;
    for u in &promote {
        st.execute([gid, u.as_str()])?;
    }
    if outsiders.is_empty() {
        Ok(ok())
    } else {
        Ok(json!({"code": 200, "userIds": outsiders}))
    }
}

/// 12. `/entrust/group/manager/remove.json`
pub fn manager_remove(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let users = validate::entrust_users(p, "userIds", ADMINS_MAX as usize, true)?;
    ctx.hosted_group(gid)?;
    let mut not_admin = Vec::new();
    for u in &users {
        if ctx.role(gid, u)? != Some(ROLE_ADMIN) {
            not_admin.push(u.clone());
        }
    }
    if !not_admin.is_empty() {
        return Err(WireError::bad(25420, format!("userIds: not admins of group {gid}: {}", not_admin.join(",")))
            .with("userIds", json!(not_admin)));
    }
    let mut st = ctx
        .tx
        .prepare_cached("UPDATE members SET role = 1 WHERE group_id = ?1 AND user_id = ?2")?;
    for u in &users {
        st.execute([gid, u.as_str()])?;
    }
    Ok(ok())
}

fn member_json(user: String, nickname: String, role: i64, time: i64, extra: String) -> Value {
    let mut m = json!({"userId": user, "nickname": nickname, "role": role, "time": time});
    if !extra.is_empty() {
        m["extra"] = json!(extra);
    }
    m
}

/// `order`: 0 ascending, 1 descending (the default).
fn order(p: &Params) -> WireResult<bool> {
    Ok(p.int_in("order", 0, 1)?.unwrap_or(1) == 1)
}

fn role_filter(p: &Params, field: &str) -> WireResult<i64> {
    Ok(p.int_in(field, 0, 3)?.unwrap_or(0))
}

/// 13. `/entrust/group/member/query.json` — paged by join time.
pub fn member_query(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let kind = role_filter(p, "type")?;
    let size = p.int_in("size", 1, 100)?.unwrap_or(50);
    let desc = order(p)?;
    let cursor = p.opt("pageToken").map(page_token::decode).transpose()?;
    ctx.hosted_group(gid)?;
    let total = ctx.count_role(gid, kind)?;
    let sql = if desc {
        "SELECT user_id, nickname, role, join_time, extra FROM members \
         WHERE group_id = ?1 AND (?2 = 0 OR role = ?2) AND (?3 IS NULL OR (join_time, user_id) < (?3, ?4)) \
         ORDER BY join_time DESC, user_id DESC LIMIT ?5"
    } else {
        "SELECT user_id, nickname, role, join_time, extra FROM members \
         WHERE group_id = ?1 AND (?2 = 0 OR role = ?2) AND (?3 IS NULL OR (join_time, user_id) > (?3, ?4)) \
         ORDER BY join_time ASC, user_id ASC LIMIT ?5"
    };
    let (ct, cu) = match &cursor {
        Some((t, u)) => (Some(*t), Some(u.as_str())),
        None => (None, None),
    };
    let mut rows: Vec<(String, String, i64, i64, String)> = ctx
        .tx
        .prepare_cached(sql)?
        .query_map(rusqlite::params![gid, kind, ct, cu, size + 1], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    let more = rows.len() as i64 > size;
    rows.truncate(size as usize);
    let token = match rows.last() {
        Some(last) if more => page_token::encode(last.3, &last.0),
        _ => String::new(),
    };
    let members: Vec<Value> = rows.into_iter().map(|(u, n, r, t, e)| member_json(u, n, r, t, e)).collect();
    Ok(json!({"code": 200, "totalCount": total, "pageToken": token, "members": members}))
}

/// 14. `/entrust/group/member/specific/query.json` — listed users who are members.
pub fn member_specific(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let users = validate::entrust_users(p, "userIds", USERS_MAX, true)?;
    ctx.hosted_group(gid)?;
    let mut st = ctx.tx.prepare_cached(
        "SELECT user_id, nickname, role, join_time, extra FROM members WHERE group_id = ?1 AND user_id = ?2",
    )?;
    let mut members = Vec::new();
    for u in &users {
        let row = rusqlite::OptionalExtension::optional(st.query_row([gid, u.as_str()], |r| {
            Ok(member_json(r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        }))?;
        members.extend(row);
    }
    Ok(json!({"code": 200, "members": members}))
}

fn require_member(ctx: &Ctx, gid: &str, field: &str, user: &str) -> WireResult<i64> {
    ctx.role(gid, user)?
        .ok_or_else(|| WireError::bad(25418, format!("{field} {user} is not a member of group {gid}")))
}

/// 15. `/entrust/group/member/set.json`
pub fn member_set(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let user = uid(p, "userId")?;
    let nickname = p.req("nickname")?;
    validate::check_len(Family::Entrust, "nickname", nickname, NICKNAME_MAX)?;
    let extra = p.opt("extra");
    if let Some(e) = extra {
        validate::check_len(Family::Entrust, "extra", e, EXTRA_MAX)?;
    }
    ctx.hosted_group(gid)?;
    require_member(ctx, gid, "userId", user)?;
    ctx.tx
        .prepare_cached(
            "UPDATE members SET nickname = ?3, extra = IFNULL(?4, extra) WHERE group_id = ?1 AND user_id = ?2",
        )?
        .execute(rusqlite::params![gid, user, nickname, extra])?;
    Ok(ok())
}

/// 16. `/entrust/group/remarkname/set.json`
pub fn remark_set(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let user = uid(p, "userId")?;
    let remark = p.req("remarkName")?;
    validate::check_len(Family::Entrust, "remarkName", remark, REMARK_NAME_MAX)?;
    ctx.hosted_group(gid)?;
    require_member(ctx, gid, "userId", user)?;
    ctx.tx
        .prepare_cached("INSERT OR REPLACE INTO remark_names(group_id, user_id, remark_name) VALUES(?1, ?2, ?3)")?
        .execute([gid, user, remark])?;
    Ok(ok())
}

/// 17. `/entrust/group/remarkname/delete.json`
pub fn remark_delete(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let user = uid(p, "userId")?;
    ctx.hosted_group(gid)?;
    ctx.tx
        .prepare_cached("DELETE FROM remark_names WHERE group_id = ?1 AND user_id = ?2")?
        .execute([gid, user])?;
    Ok(ok())
}

fn remark_of(ctx: &Ctx, gid: &str, user: &str) -> WireResult<String> {
    Ok(rusqlite::OptionalExtension::optional(
        ctx.tx
            .prepare_cached("SELECT remark_name FROM remark_names WHERE group_id = ?1 AND user_id = ?2")?
            .query_row([gid, user], |r| r.get::<_, String>(0)),
    )?
    .unwrap_or_default())
}

/// 18. `/entrust/group/remarkname/query.json`
pub fn remark_query(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let user = uid(p, "userId")?;
    ctx.hosted_group(gid)?;
    Ok(json!({"code": 200, "remarkName": remark_of(ctx, gid, user)?}))
}

fn follow_params<'a>(ctx: &Ctx, p: &'a Params) -> WireResult<(&'a str, &'a str, Vec<String>)> {
    let gid = gid(p)?;
    let user = uid(p, "userId")?;
    let targets = validate::entrust_users(p, "followUserIds", USERS_MAX, true)?;
    ctx.hosted_group(gid)?;
    require_member(ctx, gid, "userId", user)?;
    Ok((gid, user, targets))
}

/// 19. `/entrust/group/member/follow.json`
pub fn follow(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let (gid, user, targets) = follow_params(ctx, p)?;
    for t in &targets {
        require_member(ctx, gid, "followUserIds", t)?;
    }
    let mut st = ctx.tx.prepare_cached(
        "INSERT OR IGNORE INTO follows(group_id, user_id, follow_user_id, time) VALUES(?1, ?2, ?3, ?4)",
    )?;
    for t in &targets {
        st.execute(rusqlite::params![gid, user, t, ctx.now_ms])?;
    }
    let n: i64 = ctx
        .tx
        .prepare_cached("SELECT COUNT(*) FROM follows WHERE group_id = ?1 AND user_id = ?2")?
        .query_row([gid, user], |r| r.get(0))?;
    if n > FOLLOW_MAX {
        return Err(WireError::bad(
            25419,
            format!("followUserIds: a member may follow at most {FOLLOW_MAX} members of a group (would be {n})"),
        ));
    }
    Ok(ok())
}

/// 20. `/entrust/group/member/unfollow.json`
pub fn unfollow(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let (gid, user, targets) = follow_params(ctx, p)?;
    let mut st = ctx
        .tx
        .prepare_cached("DELETE FROM follows WHERE group_id = ?1 AND user_id = ?2 AND follow_user_id = ?3")?;
    for t in &targets {
        st.execute([gid, user, t.as_str()])?;
    }
    Ok(ok())
}

/// 21. `/entrust/group/member/followed/get.json`
pub fn followed(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let user = uid(p, "userId")?;
    ctx.hosted_group(gid)?;
    let members: Vec<Value> = ctx
        .tx
        .prepare_cached(
            "SELECT follow_user_id, time FROM follows WHERE group_id = ?1 AND user_id = ?2 ORDER BY time, follow_user_id",
        )?
        .query_map([gid, user], |r| Ok(json!({"userId": r.get::<_, String>(0)?, "timestamp": r.get::<_, i64>(1)?})))?
        .collect::<Result<_, _>>()?;
    Ok(json!({"code": 200, "userId": user, "groupId": gid, "members": members}))
}

/// 22. `/entrust/group/query.json` — all hosted groups of the app, paged by creation time.
pub fn group_query(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let size = p.int_in("size", 1, 1000)?.unwrap_or(50);
    let desc = order(p)?;
    let cursor = p.opt("pageToken").map(page_token::decode).transpose()?;
    let sql = if desc {
        "SELECT group_id, IFNULL(owner,''), IFNULL(creator,''), name, profile, create_time FROM groups \
         WHERE hosted = 1 AND (?1 IS NULL OR (create_time, group_id) < (?1, ?2)) \
         ORDER BY create_time DESC, group_id DESC LIMIT ?3"
    } else {
        "SELECT group_id, IFNULL(owner,''), IFNULL(creator,''), name, profile, create_time FROM groups \
         WHERE hosted = 1 AND (?1 IS NULL OR (create_time, group_id) > (?1, ?2)) \
         ORDER BY create_time ASC, group_id ASC LIMIT ?3"
    };
    let (ct, cg) = match &cursor {
        Some((t, g)) => (Some(*t), Some(g.as_str())),
        None => (None, None),
    };
    let mut rows: Vec<(String, String, String, String, String, i64)> = ctx
        .tx
        .prepare_cached(sql)?
        .query_map(rusqlite::params![ct, cg, size + 1], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })?
        .collect::<Result<_, _>>()?;
    let more = rows.len() as i64 > size;
    rows.truncate(size as usize);
    let token = match rows.last() {
        Some(last) if more => page_token::encode(last.5, &last.0),
        _ => String::new(),
    };
    let groups: Vec<Value> = rows
        .into_iter()
        .map(|(g, owner, creator, name, profile, time)| {
            let portrait = parse_obj(&profile)
                .get("portraitUrl")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            json!({"groupId": g, "owner": owner, "creator": creator, "name": name, "portraitUrl": portrait, "time": time})
        })
        .collect();
    Ok(json!({"code": 200, "pageToken": token, "groups": groups}))
}

/// 23. `/entrust/joined/group/query.json` — the hosted groups a user belongs to, by join time.
pub fn joined_query(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let user = uid(p, "userId")?;
    let role = role_filter(p, "role")?;
    let size = p.int_in("size", 1, 100)?.unwrap_or(50);
    let desc = order(p)?;
    let cursor = p.opt("pageToken").map(page_token::decode).transpose()?;
    let total: i64 = ctx
        .tx
        .prepare_cached(
            "SELECT COUNT(*) FROM members m JOIN groups g ON g.group_id = m.group_id \
             WHERE m.user_id = ?1 AND g.hosted = 1 AND (?2 = 0 OR m.role = ?2)",
        )?
        .query_row(rusqlite::params![user, role], |r| r.get(0))?;
    let sql = if desc {
        "SELECT m.group_id, m.join_time, m.role FROM members m JOIN groups g ON g.group_id = m.group_id \
         WHERE m.user_id = ?1 AND g.hosted = 1 AND (?2 = 0 OR m.role = ?2) \
         AND (?3 IS NULL OR (m.join_time, m.group_id) < (?3, ?4)) \
         ORDER BY m.join_time DESC, m.group_id DESC LIMIT ?5"
    } else {
        "SELECT m.group_id, m.join_time, m.role FROM members m JOIN groups g ON g.group_id = m.group_id \
         WHERE m.user_id = ?1 AND g.hosted = 1 AND (?2 = 0 OR m.role = ?2) \
         AND (?3 IS NULL OR (m.join_time, m.group_id) > (?3, ?4)) \
         ORDER BY m.join_time ASC, m.group_id ASC LIMIT ?5"
    };
    let (ct, cg) = match &cursor {
        Some((t, g)) => (Some(*t), Some(g.as_str())),
        None => (None, None),
    };
    let mut rows: Vec<(String, i64, i64)> = ctx
        .tx
        .prepare_cached(sql)?
        .query_map(rusqlite::params![user, role, ct, cg, size + 1], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let more = rows.len() as i64 > size;
    rows.truncate(size as usize);
    let token = match rows.last() {
        Some(last) if more => page_token::encode(last.1, &last.0),
        _ => String::new(),
    };
    let mut groups = Vec::with_capacity(rows.len());
    for (gid, join_time, member_role) in rows {
        let g = ctx.group(&gid)?.expect("joined on groups");
        let (profile, ext, perms) = profile_fields(&g);
        groups.push(json!({
            "groupId": g.group_id,
            "name": g.name,
            "remarkName": remark_of(ctx, &gid, user)?,
            "groupProfile": profile,
            "groupExtProfile": ext,
            "permissions": perms,
            "createTime": g.create_time,
            "joinTime": join_time,
            "role": member_role,
            "count": ctx.member_count(&gid)?,
            "owner": g.owner,
        }));
    }
    Ok(json!({"code": 200, "totalCount": total, "pageToken": token, "groups": groups}))
}
