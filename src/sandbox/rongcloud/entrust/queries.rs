//! The paged hosted queries: members of a group, all hosted groups of the app, the groups of a
//! user (reference §6.2 #13, 22, 23). Pages follow the client-SDK token contract: no token or
//! `""` for the first page, `""` back on the last one, a bad token ⇒ 25432.
//!
//! Choices where the reference is silent, [?] there:
//! * Joined-group `role` and member `type` filters: 0 all, 1 member, 2 admin, 3 owner.

use serde_json::{Value, json};

use super::members::member_json;
use super::{gid, profile, uid};
use crate::protocol::rongcloud::limits;
use crate::sandbox::rongcloud::Ctx;
use crate::sandbox::rongcloud::error::WireResult;
use crate::sandbox::rongcloud::form::Params;
use crate::sandbox::rongcloud::repo::{Joined, Listing, Summary};

/// `pageToken`, `size` (default 50, at most `max`) and `order` (0 ascending, 1 descending, the
/// default).
fn listing(p: &Params, max: u32) -> WireResult<Listing<'_>> {
    let size = p.int_in("size", 1, i64::from(max))?.unwrap_or(i64::from(limits::PAGE_SIZE_DEFAULT));
    let descending = p.int_in("order", 0, 1)?.unwrap_or(1) == 1;
    Ok(Listing { size, descending, token: p.opt("pageToken") })
}

fn role_filter(p: &Params, field: &str) -> WireResult<i64> {
    Ok(p.int_in(field, 0, 3)?.unwrap_or(0))
}

/// 13. `/entrust/group/member/query.json` — paged by join time.
pub fn member_query(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let role = role_filter(p, "type")?;
    let page = ctx.repo.member_page(gid, role, listing(p, limits::MEMBER_PAGE_MAX)?)?;
    let members: Vec<Value> = page.members.into_iter().map(member_json).collect();
    Ok(json!({"code": 200, "totalCount": page.total, "pageToken": page.token, "members": members}))
}

fn summary_json(g: Summary) -> Value {
    let portrait = profile::parse_obj(&g.profile)
        .get("portraitUrl")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    json!({
        "groupId": g.group_id,
        "owner": g.owner,
        "creator": g.creator,
        "name": g.name,
        "portraitUrl": portrait,
        "time": g.create_time,
    })
}

/// 22. `/entrust/group/query.json` — all hosted groups of the app, paged by creation time.
pub fn group_query(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let page = ctx.repo.group_page(listing(p, limits::GROUP_PAGE_MAX)?)?;
    let groups: Vec<Value> = page.groups.into_iter().map(summary_json).collect();
    Ok(json!({"code": 200, "pageToken": page.token, "groups": groups}))
}

fn joined_json(j: Joined) -> Value {
    let (profile, ext, perms) = profile::fields(&j.group);
    json!({
        "groupId": j.group.group_id,
        "name": j.group.name,
        "remarkName": j.remark_name,
        "groupProfile": profile,
        "groupExtProfile": ext,
        "permissions": perms,
        "createTime": j.group.create_time,
        "joinTime": j.join_time,
        "role": j.role,
        "count": j.group.member_count,
        "owner": j.group.owner,
    })
}

/// 23. `/entrust/joined/group/query.json` — the hosted groups a user belongs to, by join time.
pub fn joined_query(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let user = uid(p, "userId")?;
    let role = role_filter(p, "role")?;
    let page = ctx.repo.joined_page(user, role, listing(p, limits::JOINED_PAGE_MAX)?)?;
    let groups: Vec<Value> = page.groups.into_iter().map(joined_json).collect();
    Ok(json!({"code": 200, "totalCount": page.total, "pageToken": page.token, "groups": groups}))
}
