//! The legacy group family (reference §5): membership and push name, member mutes ("gag"),
//! mute-all ("ban"), its allowlist and push remarks.
//!
//! Choices where the reference is silent, [?] there:
//! * The legacy and hosted families share one membership: a hosted group is visible to
//!   `/group/user/query.json`, and legacy joins add regular members to it. Legacy calls never
//!   rename a hosted group (its name belongs to `/entrust/group/profile/update.json`), and a
//!   legacy quit that names a hosted group's owner fails with 25417, nothing applied.
//! * `/group/sync.json` replaces the user's *legacy* memberships; hosted memberships are
//!   managed by the hosting API and left as they are (a listed hosted group is joined).
//! * `/group/refresh.json` on an unknown group records the name (creates the empty group).
//! * A permanent mute lists with `time` "9999-12-31 23:59:59"; times are UTC (global data centres).
//! * Muting in all groups (no `groupId`) is capped at 100 users, as documented.

use serde_json::{Value, json};

use super::error::{WireError, WireResult};
use super::form::Params;
use super::store::{Ctx, ROLE_MEMBER};
use super::validate::{self, Family};

const MEMBERSHIP_MAX: usize = 1000;
const GAG_MAX: usize = 20;
const BAN_MAX: usize = 20;
const GLOBAL_GAG_MAX: i64 = 100;
const GROUP_NAME_MAX: usize = 128;
const REMARK_MAX: usize = 64;
const MINUTE_MAX: i64 = 43_200;

fn ok() -> Value {
    json!({"code": 200})
}

fn group_name(p: &Params, required: bool) -> WireResult<Option<&str>> {
    let name = if required { Some(p.req("groupName")?) } else { p.opt("groupName") };
    if let Some(n) = name {
        validate::check_len(Family::Legacy, "groupName", n, GROUP_NAME_MAX)?;
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

fn join_users(ctx: &Ctx, group_id: &str, users: &[String], name: Option<&str>) -> WireResult<()> {
    ctx.ensure_legacy_group(group_id, name)?;
    let group = ctx.group(group_id)?.expect("just ensured");
    if let Some(n) = name {
        if !group.hosted {
            ctx.tx
                .prepare_cached("UPDATE groups SET name = ?2 WHERE group_id = ?1")?
                .execute([group_id, n])?;
        }
    }
    let mut new = 0;
    for u in users {
        if ctx.role(group_id, u)?.is_none() {
            new += 1;
        }
    }
    ctx.check_capacity(group_id, new, 1002)?;
    for u in users {
        ctx.add_member(group_id, u, ROLE_MEMBER)?;
    }
    Ok(())
}

/// `/group/create.json` — an alias of join that requires a name.
pub fn create(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let users = validate::legacy_users(p, "userId", MEMBERSHIP_MAX)?;
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    let name = group_name(p, true)?;
    join_users(ctx, gid, &users, name)?;
    Ok(with_notify(p, ctx, ok()))
}

/// `/group/join.json`
pub fn join(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let users = validate::legacy_users(p, "userId", MEMBERSHIP_MAX)?;
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    let name = group_name(p, false)?;
    join_users(ctx, gid, &users, name)?;
    Ok(with_notify(p, ctx, ok()))
}

/// `/group/quit.json`
pub fn quit(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let users = validate::legacy_users(p, "userId", MEMBERSHIP_MAX)?;
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    if let Some(g) = ctx.group(gid)? {
        if g.hosted && users.iter().any(|u| *u == g.owner) {
            return Err(WireError::bad(
                25417,
                format!("userId {} is the owner of hosted group {gid}; transfer ownership first", g.owner),
            ));
        }
        for u in &users {
            ctx.remove_member(gid, u)?;
        }
    }
    Ok(with_notify(p, ctx, ok()))
}

/// `/group/dismiss.json` — any user id may dismiss (documented).
pub fn dismiss(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    validate::user_id(Family::Legacy, p, "userId")?;
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    ctx.delete_group(gid)?;
    Ok(with_notify(p, ctx, ok()))
}

/// `/group/refresh.json` — the push name.
pub fn refresh(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    let name = group_name(p, true)?.unwrap_or_default();
    ctx.ensure_legacy_group(gid, Some(name))?;
    ctx.tx
        .prepare_cached("UPDATE groups SET name = ?2 WHERE group_id = ?1 AND hosted = 0")?
        .execute([gid, name])?;
    Ok(with_notify(p, ctx, ok()))
}

/// `/group/user/query.json` — `{"code":200,"users":[{"id":..}]}`, by join time.
pub fn members(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    let mut st = ctx
        .tx
        .prepare_cached("SELECT user_id FROM members WHERE group_id = ?1 ORDER BY join_time, user_id")?;
    let users: Vec<Value> = st
        .query_map([gid], |r| r.get::<_, String>(0))?
        .map(|r| r.map(|id| json!({"id": id})))
        .collect::<Result<_, _>>()?;
    Ok(json!({"code": 200, "users": users}))
}

/// `/user/group/query.json` — without `page` the first 5000 groups; else pages of `size`.
pub fn user_groups(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let uid = validate::user_id(Family::Legacy, p, "userId")?;
    let page = p.int_in("page", 0, i64::from(i32::MAX))?.unwrap_or(0);
    let (limit, offset) = if page == 0 {
        (5000, 0)
    } else {
        let size = p.int_in("size", 1, 1000)?.unwrap_or(50);
        (size, (page - 1) * size)
    };
    let mut st = ctx.tx.prepare_cached(
        "SELECT g.group_id, g.name FROM members m JOIN groups g ON g.group_id = m.group_id \
         WHERE m.user_id = ?1 ORDER BY m.join_time, m.group_id LIMIT ?2 OFFSET ?3",
    )?;
    let groups: Vec<Value> = st
        .query_map(rusqlite::params![uid, limit, offset], |r| {
            Ok(json!({"name": r.get::<_, String>(1)?, "id": r.get::<_, String>(0)?}))
        })?
        .collect::<Result<_, _>>()?;
    Ok(json!({"code": 200, "groups": groups}))
}

/// `/group/sync.json` — replaces the user's legacy memberships with the listed groups.
pub fn sync(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let uid = validate::user_id(Family::Legacy, p, "userId")?;
    let listed = p.bracketed("group");
    for (gid, name) in &listed {
        validate::group_id_value(Family::Legacy, &format!("group[{gid}]"), gid)?;
        validate::check_len(Family::Legacy, &format!("group[{gid}]"), name, GROUP_NAME_MAX)?;
    }
    let current: Vec<String> = ctx
        .tx
        .prepare_cached(
            "SELECT m.group_id FROM members m JOIN groups g ON g.group_id = m.group_id \
             WHERE m.user_id = ?1 AND g.hosted = 0",
        )?
        .query_map([uid], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for gid in current {
        if !listed.iter().any(|(g, _)| *g == gid) {
            ctx.remove_member(&gid, uid)?;
        }
    }
    for (gid, name) in &listed {
        let name = (!name.is_empty()).then_some(name.as_str());
        join_users(ctx, gid, std::slice::from_ref(&uid.to_owned()), name)?;
    }
    Ok(ok())
}

// ----- member mute (gag) -----

fn optional_group<'a>(p: &'a Params) -> WireResult<&'a str> {
    match p.opt("groupId") {
        Some(g) => {
            validate::group_id_value(Family::Legacy, "groupId", g)?;
            Ok(g)
        }
        None => Ok(""), // all groups
    }
}

/// `/group/user/gag/add.json` — `minute` 0 (permanent) to 43200; no `groupId` = all groups.
pub fn gag_add(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let users = validate::legacy_users(p, "userId", GAG_MAX)?;
    let gid = optional_group(p)?;
    let minute = p
        .int_in("minute", 0, MINUTE_MAX)?
        .ok_or_else(|| WireError::param("minute is required (0 = permanent, at most 43200)"))?;
    let end = (minute > 0).then(|| ctx.now_ms + minute * 60_000);
    let mut st = ctx.tx.prepare_cached(
        "INSERT OR REPLACE INTO gags(group_id, user_id, start_ms, end_ms) VALUES(?1, ?2, ?3, ?4)",
    )?;
    for u in &users {
        st.execute(rusqlite::params![gid, u, ctx.now_ms, end])?;
    }
    if gid.is_empty() {
        let n: i64 = ctx.tx.query_row(
            "SELECT COUNT(*) FROM gags WHERE group_id = '' AND (end_ms IS NULL OR end_ms > ?1)",
            [ctx.now_ms],
            |r| r.get(0),
        )?;
        if n > GLOBAL_GAG_MAX {
            return Err(WireError::param(format!(
                "userId: at most {GLOBAL_GAG_MAX} users can be muted in all groups (would be {n})"
            )));
        }
    }
    Ok(ok())
}

/// `/group/user/gag/rollback.json`
pub fn gag_remove(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let users = validate::legacy_users(p, "userId", GAG_MAX)?;
    let gid = optional_group(p)?;
    let mut st = ctx
        .tx
        .prepare_cached("DELETE FROM gags WHERE group_id = ?1 AND user_id = ?2")?;
    for u in &users {
        st.execute([gid, u.as_str()])?;
    }
    Ok(ok())
}

/// `YYYY-MM-DD HH:MM:SS` in UTC.
pub fn wall_time(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_default()
}

pub const PERMANENT_TIME: &str = "9999-12-31 23:59:59";

/// `/group/user/gag/list.json` — active mutes of a group, or of all groups without `groupId`.
pub fn gag_list(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = optional_group(p)?;
    let mut st = ctx.tx.prepare_cached(
        "SELECT user_id, start_ms, end_ms FROM gags WHERE group_id = ?1 \
         AND (end_ms IS NULL OR end_ms > ?2) ORDER BY start_ms, user_id",
    )?;
    let users: Vec<Value> = st
        .query_map(rusqlite::params![gid, ctx.now_ms], |r| {
            let end: Option<i64> = r.get(2)?;
            Ok(json!({
                "startTime": wall_time(r.get(1)?),
                "time": end.map(wall_time).unwrap_or_else(|| PERMANENT_TIME.to_owned()),
                "userId": r.get::<_, String>(0)?,
            }))
        })?
        .collect::<Result<_, _>>()?;
    Ok(json!({"code": 200, "users": users}))
}

// ----- mute all (ban) -----

fn ban_groups(p: &Params) -> WireResult<Vec<String>> {
    let mut ids = p.repeated("groupId");
    ids.dedup();
    if ids.len() > BAN_MAX {
        return Err(WireError::param(format!(
            "groupId: at most {BAN_MAX} groups per request (got {})",
            ids.len()
        )));
    }
    for g in &ids {
        validate::group_id_value(Family::Legacy, "groupId", g)?;
    }
    Ok(ids)
}

/// `/group/ban/add.json`
pub fn ban_add(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let ids = ban_groups(p)?;
    if ids.is_empty() {
        return Err(WireError::param("groupId is required"));
    }
    let mut st = ctx
        .tx
        .prepare_cached("INSERT OR IGNORE INTO bans(group_id, time) VALUES(?1, ?2)")?;
    for g in &ids {
        st.execute(rusqlite::params![g, ctx.now_ms])?;
    }
    Ok(ok())
}

/// `/group/ban/rollback.json`
pub fn ban_remove(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let ids = ban_groups(p)?;
    if ids.is_empty() {
        return Err(WireError::param("groupId is required"));
    }
    let mut st = ctx.tx.prepare_cached("DELETE FROM bans WHERE group_id = ?1")?;
    for g in &ids {
        st.execute([g])?;
    }
    Ok(ok())
}

/// `/group/ban/query.json` — the state of the listed groups, or (no groupId, or page/size given)
/// a page of all muted groups.
pub fn ban_query(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let ids = ban_groups(p)?;
    let paged = ids.is_empty() || p.opt("page").is_some() || p.opt("size").is_some();
    let info: Vec<Value> = if paged {
        let page = p.int_in("page", 1, i64::from(i32::MAX))?.unwrap_or(1);
        let size = p.int_in("size", 1, 200)?.unwrap_or(50);
        ctx.tx
            .prepare_cached("SELECT group_id FROM bans ORDER BY time, group_id LIMIT ?1 OFFSET ?2")?
            .query_map([size, (page - 1) * size], |r| {
                Ok(json!({"groupId": r.get::<_, String>(0)?, "stat": 1}))
            })?
            .collect::<Result<_, _>>()?
    } else {
        let mut st = ctx.tx.prepare_cached("SELECT 1 FROM bans WHERE group_id = ?1")?;
        let mut out = Vec::with_capacity(ids.len());
        for g in &ids {
            let stat = i32::from(st.exists([g])?);
            out.push(json!({"groupId": g, "stat": stat}));
        }
        out
    };
    Ok(json!({"code": 200, "groupinfo": info}))
}

// ----- mute-all allowlist -----

/// `/group/user/ban/whitelist/add.json`
pub fn whitelist_add(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let users = validate::legacy_users(p, "userId", GAG_MAX)?;
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    let mut st = ctx.tx.prepare_cached(
        "INSERT OR IGNORE INTO whitelist(group_id, user_id, time) VALUES(?1, ?2, ?3)",
    )?;
    for u in &users {
        st.execute(rusqlite::params![gid, u, ctx.now_ms])?;
    }
    Ok(ok())
}

/// `/group/user/ban/whitelist/rollback.json`
pub fn whitelist_remove(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let users = validate::legacy_users(p, "userId", GAG_MAX)?;
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    let mut st = ctx
        .tx
        .prepare_cached("DELETE FROM whitelist WHERE group_id = ?1 AND user_id = ?2")?;
    for u in &users {
        st.execute([gid, u.as_str()])?;
    }
    Ok(ok())
}

/// `/group/user/ban/whitelist/query.json` — `{"code":200,"userIds":[..]}`.
pub fn whitelist_query(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    let ids: Vec<String> = ctx
        .tx
        .prepare_cached("SELECT user_id FROM whitelist WHERE group_id = ?1 ORDER BY time, user_id")?
        .query_map([gid], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(json!({"code": 200, "userIds": ids}))
}

// ----- push remarks -----

fn remark_target<'a>(p: &'a Params) -> WireResult<(&'a str, &'a str)> {
    let uid = validate::user_id(Family::Legacy, p, "userId")?;
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    Ok((uid, gid))
}

/// `/group/remarks/set.json`
pub fn remark_set(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let (uid, gid) = remark_target(p)?;
    let remark = p.req("remark")?;
    validate::check_len(Family::Legacy, "remark", remark, REMARK_MAX)?;
    ctx.tx
        .prepare_cached("INSERT OR REPLACE INTO push_remarks(group_id, user_id, remark) VALUES(?1, ?2, ?3)")?
        .execute([gid, uid, remark])?;
    Ok(ok())
}

/// `/group/remarks/get.json` — `{"code":200,"remark":".."}` (empty when none is set).
pub fn remark_get(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let (uid, gid) = remark_target(p)?;
    let remark: Option<String> = rusqlite::OptionalExtension::optional(
        ctx.tx
            .prepare_cached("SELECT remark FROM push_remarks WHERE group_id = ?1 AND user_id = ?2")?
            .query_row([gid, uid], |r| r.get(0)),
    )?;
    Ok(json!({"code": 200, "remark": remark.unwrap_or_default()}))
}

/// `/group/remarks/del.json`
pub fn remark_del(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let (uid, gid) = remark_target(p)?;
    ctx.tx
        .prepare_cached("DELETE FROM push_remarks WHERE group_id = ?1 AND user_id = ?2")?
        .execute([gid, uid])?;
    Ok(ok())
}
