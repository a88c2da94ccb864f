//! Membership: `add_group_member` (§4.5), `delete_group_member` (§4.6), `import_group_member`
//! (§4.14), `modify_group_member_info` (§4.7), `get_role_in_group` (§4.15).

use serde_json::{Map, Value, json};

use super::fields::{self, Registry};
use super::{account, accounts, check_can_mute, check_member_list, group_id, mute_seconds, mute_until, ok};
use crate::protocol::tencent::wire::GroupType;
use crate::protocol::tencent::{codes, limits};
use crate::sandbox::tencent::Ctx;
use crate::sandbox::tencent::body::{Obj, too_long};
use crate::sandbox::tencent::error::{WireError, WireResult};
use crate::sandbox::tencent::repo::{Group, MemberPatch, RepoError};

const MSG_FLAGS: &[&str] = &["AcceptAndNotify", "AcceptNotNotify", "Discard", "AcceptNotNotifyExceptAt"];

/// One member to add or import: account, role, join time.
struct Joining<'a> {
    account: &'a str,
    role: &'static str,
    join_time: i64,
}

/// Adds members with per-member `Result`: 0 for accounts never imported or banned from the
/// group (see `bans.rs`), 2 for members already, 1 for the added. All unknown ⇒ 10019; over
/// `MaxMemberNum` ⇒ 10014, nothing added.
fn join(ctx: &Ctx, g: &Group, list: Vec<Joining>) -> WireResult<Map<String, Value>> {
    let mut missing = ctx.repo.missing_accounts(list.iter().map(|j| j.account))?;
    if missing.len() == list.len() {
        return Err(RepoError::NoSuchAccounts { users: missing }.into());
    }
    let accounts: Vec<&str> = list.iter().map(|j| j.account).collect();
    missing.extend(ctx.repo.banned_among(&g.group_id, &accounts)?);
    let mut fresh = std::collections::HashSet::new();
    for j in &list {
        if !missing.iter().any(|m| m == j.account) && ctx.repo.member(&g.group_id, j.account)?.is_none() {
            fresh.insert(j.account);
        }
    }
    let limit = if g.max_member_num > 0 { g.max_member_num } else { super::member_cap(ctx.edition, g.kind) };
    ctx.repo.check_capacity(g, fresh.len() as i64, limit)?;
    let mut results = Vec::with_capacity(list.len());
    for j in &list {
        let result = if missing.iter().any(|m| m == j.account) {
            codes::RESULT_FAILED
        } else if ctx.repo.add_member(&g.group_id, j.account, j.role, j.join_time)? {
            codes::RESULT_OK
        } else {
            codes::RESULT_ALREADY_MEMBER
        };
        results.push(json!({"Member_Account": j.account, "Result": result}));
    }
    let mut out = Map::new();
    out.insert("MemberList".into(), Value::Array(results));
    Ok(out)
}

/// `MemberList` of add/import: at most `max` (10005 beyond).
fn member_list<'a>(o: &Obj<'a, '_>, max: usize) -> WireResult<Vec<(String, &'a Map<String, Value>)>> {
    let list = o.objects("MemberList")?;
    if list.is_empty() {
        return Err(WireError::param("MemberList is required and must not be empty"));
    }
    if list.len() > max {
        return Err(WireError::too_many("MemberList", list.len(), max));
    }
    Ok(list)
}

/// `add_group_member`: ≤ 300; not on AVChatRoom (10007); `Silence` accepted.
pub fn add(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let gid = group_id(o)?;
    let g = ctx.repo.group(gid)?;
    check_member_list(g.kind, "add_group_member")?;
    o.flag("Silence")?;
    let mut list = Vec::new();
    for (name, map) in member_list(o, limits::ADD_MEMBERS_MAX)? {
        let e = Obj::nested(map, &name);
        list.push(Joining { account: account(&e, "Member_Account")?, role: "Member", join_time: ctx.now });
    }
    join(ctx, &g, list)
}

/// `import_group_member`: ≤ 300; keeps `JoinTime`; `Role` only `Admin`; not on AVChatRoom.
pub fn import(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let gid = group_id(o)?;
    let g = ctx.repo.group(gid)?;
    check_member_list(g.kind, "import_group_member")?;
    let mut list = Vec::new();
    for (name, map) in member_list(o, limits::IMPORT_MEMBERS_MAX)? {
        let e = Obj::nested(map, &name);
        let acc = account(&e, "Member_Account")?;
        let role = match e.one_of("Role", &["Admin"])? {
            Some(_) if !g.kind.has_admins() => {
                return Err(WireError::forbidden(format!("{}: {} groups have no admins", e.name("Role"), g.kind.wire())));
            }
            Some(_) => "Admin",
            None => "Member",
        };
        let join_time = match e.u64("JoinTime")? {
            Some(t) if t as i64 > ctx.now => return Err(WireError::param(format!("{} {t} is in the future", e.name("JoinTime")))),
            Some(t) => t as i64,
            None => ctx.now,
        };
        e.u64("UnreadMsgNum")?;
        list.push(Joining { account: acc, role, join_time });
    }
    join(ctx, &g, list)
}

/// `delete_group_member`: ≤ 100; bare answer; non-members ignored; the owner only in Work
/// groups (else 10009).
pub fn delete(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let gid = group_id(o)?;
    let users = accounts(o, "MemberToDel_Account", limits::DELETE_MEMBERS_MAX)?;
    let g = ctx.repo.group(gid)?;
    check_member_list(g.kind, "delete_group_member")?;
    o.flag("Silence")?;
    o.str("Reason")?;
    if !g.owner.is_empty() && users.contains(&g.owner.as_str()) {
        if g.kind != GroupType::Private {
            return Err(WireError::new(
                codes::OWNER_CANNOT_QUIT,
                format!("{} is the owner of {gid}, who may not leave a {} group; change the owner first", g.owner, g.kind.wire()),
            ));
        }
        ctx.repo.set_owner(gid, "")?;
        ctx.repo.touch_info(gid)?;
    }
    for u in users {
        ctx.repo.remove_member(gid, u)?;
    }
    Ok(ok())
}

/// `modify_group_member_info`: one member; `Role` Admin/Member (not in Work groups, never the
/// owner), `NameCard` ≤ 50 bytes, `MsgFlag`, `MuteTime`/`ShutUpTime` (not in Work groups),
/// `AppMemberDefinedData`. AVChatRoom stores no member profiles (10007).
pub fn modify(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let gid = group_id(o)?;
    let user = account(o, "Member_Account")?;
    let g = ctx.repo.group(gid)?;
    check_member_list(g.kind, "modify_group_member_info")?;
    let reg = Registry::load(ctx)?;
    let m = ctx.repo.require_member(gid, user)?;
    let mut p = MemberPatch::default();
    if let Some(role) = o.one_of("Role", &["Admin", "Member"])? {
        if role == "Admin" && !g.kind.has_admins() {
            return Err(WireError::forbidden(format!("{} groups have no admins", g.kind.wire())));
        }
        if m.role == "Owner" {
            return Err(WireError::param(format!("{user} is the owner; the owner changes only with change_group_owner")));
        }
        p.role = Some(role.to_owned());
    }
    if let Some(card) = o.str("NameCard")? {
        if card.len() > limits::NAME_CARD_BYTES {
            return Err(too_long("NameCard", card.len(), limits::NAME_CARD_BYTES));
        }
        p.name_card = Some(card.to_owned());
    }
    p.msg_flag = o.one_of("MsgFlag", MSG_FLAGS)?.map(str::to_owned);
    let mute = mute_seconds(o)?;
    if mute.is_some() {
        check_can_mute(g.kind)?;
    }
    let values = fields::member_values(&reg, o, g.kind)?;
    ctx.repo.patch_member(gid, user, &p)?;
    match mute {
        Some(0) => ctx.repo.unmute(gid, user)?,
        Some(secs) => ctx.repo.mute(gid, user, mute_until(ctx.now, secs))?,
        None => {}
    }
    for (k, v) in values {
        ctx.repo.set_member_data(gid, user, k, v)?;
    }
    Ok(ok())
}

/// `get_role_in_group`: ≤ 500 accounts; `Owner`/`Admin`/`Member`/`NotMember` (AVChatRoom:
/// `Owner` for its owner, else `NotMember`, as no members are stored).
pub fn roles(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let gid = group_id(o)?;
    let users = accounts(o, "User_Account", limits::ROLE_QUERY_MAX)?;
    let g = ctx.repo.group(gid)?;
    let roles = ctx.repo.roles(gid, &users)?;
    let list: Vec<Value> = users
        .iter()
        .map(|u| {
            let role = match roles.get(*u) {
                Some(r) => r.as_str(),
                None if g.kind == GroupType::AVChatRoom && g.owner == *u => "Owner",
                None => "NotMember",
            };
            json!({"Member_Account": u, "Role": role})
        })
        .collect();
    let mut out = Map::new();
    out.insert("UserIdList".into(), Value::Array(list));
    Ok(out)
}
