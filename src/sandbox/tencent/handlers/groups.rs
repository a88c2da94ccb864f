//! Groups: `create_group`, `import_group`, `get_appid_group_list`, `modify_group_base_info`,
//! `destroy_group`, `change_group_owner` (reference §4.1, 4.3, 4.10, 4.11, 4.13, 4.14).

use std::collections::HashSet;

use rand::Rng;
use serde_json::{Map, Value, json};

use super::fields::{self, Registry};
use super::{account, check_can_mute, check_edition, check_group_id, group_id, group_type, max_members, member_cap, ok};
use crate::protocol::tencent::wire::GroupType;
use crate::protocol::tencent::limits;
use crate::sandbox::tencent::Ctx;
use crate::sandbox::tencent::body::Obj;
use crate::sandbox::tencent::error::{WireError, WireResult};
use crate::sandbox::tencent::repo::{Group, GroupPatch, RepoError};

const APPLY: &[&str] = &["FreeAccess", "NeedPermission", "DisableApply"];
const INVITE: &[&str] = &["FreeAccess", "NeedPermission", "DisableInvite"];
const ON_OFF: &[&str] = &["On", "Off"];

/// A generated id: `@TGS#` and 9 random characters; Community: `@TGS#_@TGS#` and 12.
fn generate_id(kind: GroupType) -> String {
    const CHARS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut rng = rand::rng();
    let mut random = |n: usize| -> String { (0..n).map(|_| CHARS[rng.random_range(0..CHARS.len())] as char).collect() };
    match kind {
        GroupType::Community => format!("@TGS#_@TGS#{}", random(12)),
        _ => format!("@TGS#{}{}", rng_digit(), random(8)),
    }
}

fn rng_digit() -> char {
    char::from(b'0' + rand::rng().random_range(1..=4u8))
}

/// Name (required, 1–30 bytes), introduction, notification and face URL of a new group.
fn profile_texts(o: &Obj, g: &mut Group) -> WireResult<()> {
    let name = o.text("Name", limits::NAME_BYTES)?.ok_or_else(|| WireError::param("Name is required"))?;
    if name.trim().is_empty() {
        return Err(WireError::param("Name must not be empty"));
    }
    g.name = name.to_owned();
    g.introduction = o.text("Introduction", limits::INTRODUCTION_BYTES)?.unwrap_or("").to_owned();
    g.notification = o.text("Notification", limits::NOTIFICATION_BYTES)?.unwrap_or("").to_owned();
    g.face_url = o.text("FaceUrl", limits::FACE_URL_BYTES)?.unwrap_or("").to_owned();
    Ok(())
}

/// The join options defaults of a type (§0: who may apply, who may invite).
fn default_options(kind: GroupType) -> (&'static str, &'static str) {
    match kind {
        GroupType::Private => ("DisableApply", "FreeAccess"),
        GroupType::Public => ("NeedPermission", "DisableInvite"),
        GroupType::ChatRoom | GroupType::AVChatRoom => ("FreeAccess", "DisableInvite"),
        GroupType::Community => ("FreeAccess", "FreeAccess"),
    }
}

/// An initial member of `create_group`.
struct Initial<'a> {
    account: &'a str,
    admin: bool,
    values: Vec<(&'a str, &'a str)>,
}

/// `create_group` and `import_group` share everything but the id rules, `CreateTime` and the
/// member list.
fn create_like(ctx: &Ctx, o: &Obj, import: bool) -> WireResult<Map<String, Value>> {
    let kind = group_type(o, "Type")?.ok_or_else(|| WireError::param("Type is required"))?;
    if import && kind == GroupType::AVChatRoom {
        return Err(WireError::forbidden("import_group does not support AVChatRoom"));
    }
    check_edition(ctx, kind)?;
    let reg = Registry::load(ctx)?;
    let cap = member_cap(ctx.edition, kind);
    let max = match max_members(ctx, o, "MaxMemberCount", kind)? {
        Some(v) => Some(v),
        None => max_members(ctx, o, "MaxMemberNum", kind)?,
    };
    let gid = match o.str("GroupId")? {
        Some(id) => {
            check_group_id(id)?;
            if kind == GroupType::Community && !id.starts_with("@TGS#_") {
                return Err(WireError::param(format!("GroupId {id:?}: Community ids must start with @TGS#_")));
            }
            id.to_owned()
        }
        None => loop {
            let id = generate_id(kind);
            if !ctx.repo.group_exists(&id)? {
                break id;
            }
        },
    };
    let mut g = Group::new(&gid, kind, "", max.unwrap_or(cap), ctx.now);
    profile_texts(o, &mut g)?;
    let (apply, invite) = default_options(kind);
    g.apply_join = o.one_of("ApplyJoinOption", APPLY)?.unwrap_or(apply).to_owned();
    if let Some(v) = o.one_of("InviteJoinOption", INVITE)? {
        if kind == GroupType::AVChatRoom {
            return Err(WireError::param("InviteJoinOption does not apply to AVChatRoom groups"));
        }
        g.invite_join = v.to_owned();
    } else {
        g.invite_join = invite.to_owned();
    }
    if let Some(v) = o.one_of("MuteAllMember", ON_OFF)? {
        if v == "On" {
            check_can_mute(kind)?;
        }
        g.mute_all = v == "On";
    }
    if o.flag("SupportTopic")? {
        if kind != GroupType::Community {
            return Err(WireError::param("SupportTopic applies to Community groups only"));
        }
        g.support_topic = true;
    }
    if import && let Some(t) = o.u64("CreateTime")? {
        if t as i64 > ctx.now {
            return Err(WireError::param(format!("CreateTime {t} is in the future")));
        }
        g.create_time = t as i64;
    }
    let values = fields::group_values(&reg, o)?;
    let owner = match o.str("Owner_Account")? {
        Some(_) => Some(account(o, "Owner_Account")?),
        None => None,
    };
    g.owner = owner.unwrap_or("").to_owned();
    let members = if import { Vec::new() } else { initial_members(&reg, o, kind, owner)? };
    let count = i64::from(owner.is_some() && kind.has_member_list()) + members.len() as i64;
    let limit = if g.max_member_num > 0 { g.max_member_num } else { cap };
    if limit > 0 && count > limit {
        return Err(RepoError::GroupFull { group: gid.clone(), would_have: count, limit }.into());
    }
    ctx.repo.require_accounts(owner.into_iter().chain(members.iter().map(|m| m.account)))?;
    if ctx.repo.group_exists(&gid)? {
        return Err(RepoError::GroupExists { group: gid }.into());
    }
    super::quotas::check_new_group(ctx, kind)?;
    ctx.repo.insert_group(&g)?;
    if let (Some(owner), true) = (owner, kind.has_member_list()) {
        ctx.repo.add_member(&gid, owner, "Owner", g.create_time)?;
    }
    for m in &members {
        ctx.repo.add_member(&gid, m.account, if m.admin { "Admin" } else { "Member" }, ctx.now)?;
        for (k, v) in &m.values {
            ctx.repo.set_member_data(&gid, m.account, k, v)?;
        }
    }
    for (k, v) in values {
        ctx.repo.set_group_data(&gid, k, v)?;
    }
    let mut out = Map::new();
    out.insert("GroupId".into(), gid.into());
    if kind == GroupType::Community && !import {
        out.insert("Type".into(), "Community".into());
        out.insert("HugeGroupFlag".into(), 0.into());
    }
    Ok(out)
}

/// `MemberList` of `create_group`: at most 100, `Role` `Admin` (or `Member`), member values.
fn initial_members<'a>(reg: &Registry, o: &Obj<'a, '_>, kind: GroupType, owner: Option<&str>) -> WireResult<Vec<Initial<'a>>> {
    let list = o.objects("MemberList")?;
    if list.is_empty() {
        return Ok(Vec::new());
    }
    super::check_member_list(kind, "MemberList")?;
    if list.len() > limits::CREATE_MEMBERS_MAX {
        return Err(WireError::too_many("MemberList", list.len(), limits::CREATE_MEMBERS_MAX));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (name, map) in list {
        let e = Obj::nested(map, &name);
        let acc = account(&e, "Member_Account")?;
        let admin = match e.one_of("Role", &["Admin", "Member"])? {
            Some("Admin") => {
                if !kind.has_admins() {
                    return Err(WireError::forbidden(format!("{}: {} groups have no admins", e.name("Role"), kind.wire())));
                }
                true
            }
            _ => false,
        };
        let values = fields::member_values(reg, &e, kind)?;
        if Some(acc) != owner && seen.insert(acc) {
            out.push(Initial { account: acc, admin, values });
        }
    }
    Ok(out)
}

pub fn create(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    create_like(ctx, o, false)
}

pub fn import(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    create_like(ctx, o, true)
}

/// `get_appid_group_list`: `Limit` ≤ 10,000 (default 10,000), uint64 `Next` (0 first and when
/// done), `GroupType` (also `BChatRoom`, which this sandbox never has).
pub fn list(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let limit = match o.u64_max("Limit", u64::from(limits::GROUP_LIST_PAGE_MAX))? {
        None | Some(0) => i64::from(limits::GROUP_LIST_PAGE_MAX),
        Some(v) => v as i64,
    };
    let after = o.u64("Next")?.unwrap_or(0).min(i64::MAX as u64) as i64;
    let kind = match o.str("GroupType")? {
        Some("BChatRoom") => Some("BChatRoom"),
        Some(_) => group_type(o, "GroupType")?.map(GroupType::wire),
        None => None,
    };
    let (total, mut rows) = ctx.repo.group_ids(kind, after, limit)?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next = match rows.last() {
        Some((seq, _)) if more => *seq,
        _ => 0,
    };
    let mut out = Map::new();
    out.insert("TotalCount".into(), total.into());
    out.insert("GroupIdList".into(), rows.into_iter().map(|(_, id)| json!({"GroupId": id})).collect());
    out.insert("Next".into(), next.into());
    Ok(out)
}

/// `modify_group_base_info`: every field optional; an empty custom `Value` deletes it. Any
/// change grows `InfoSeq` and sets `LastInfoTime`.
pub fn modify(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let gid = group_id(o)?;
    let g = ctx.repo.group(gid)?;
    let reg = Registry::load(ctx)?;
    let mut p = GroupPatch::default();
    if let Some(name) = o.text("Name", limits::NAME_BYTES)? {
        if name.trim().is_empty() {
            return Err(WireError::param("Name must not be empty"));
        }
        p.name = Some(name.to_owned());
    }
    p.introduction = o.text("Introduction", limits::INTRODUCTION_BYTES)?.map(str::to_owned);
    p.notification = o.text("Notification", limits::NOTIFICATION_BYTES)?.map(str::to_owned);
    p.face_url = o.text("FaceUrl", limits::FACE_URL_BYTES)?.map(str::to_owned);
    if let Some(max) = max_members(ctx, o, "MaxMemberNum", g.kind)? {
        if max < g.member_num {
            return Err(WireError::param(format!("MaxMemberNum {max} is below the group's MemberNum {}", g.member_num)));
        }
        p.max_member_num = Some(max);
    }
    p.apply_join = o.one_of("ApplyJoinOption", APPLY)?.map(str::to_owned);
    if let Some(v) = o.one_of("InviteJoinOption", INVITE)? {
        if g.kind == GroupType::AVChatRoom {
            return Err(WireError::param("InviteJoinOption does not apply to AVChatRoom groups"));
        }
        p.invite_join = Some(v.to_owned());
    }
    if let Some(v) = o.one_of("MuteAllMember", ON_OFF)? {
        if v == "On" {
            check_can_mute(g.kind)?;
        }
        p.mute_all = Some(v == "On");
    }
    let values = fields::group_values(&reg, o)?;
    let changed = p.name.is_some()
        || p.introduction.is_some()
        || p.notification.is_some()
        || p.face_url.is_some()
        || p.max_member_num.is_some()
        || p.apply_join.is_some()
        || p.invite_join.is_some()
        || p.mute_all.is_some()
        || !values.is_empty();
    if changed {
        ctx.repo.patch_group(gid, &p)?;
        for (k, v) in values {
            ctx.repo.set_group_data(gid, k, v)?;
        }
        ctx.repo.touch_info(gid)?;
    }
    Ok(ok())
}

/// `destroy_group`: the only way to disband a Work group; irreversible.
pub fn destroy(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let gid = group_id(o)?;
    ctx.repo.group(gid)?;
    ctx.repo.destroy_group(gid)?;
    Ok(ok())
}

/// `change_group_owner`: the new owner must be an imported account and (except in an
/// AVChatRoom, which stores no members) a member [I]; the old owner becomes a Member.
pub fn change_owner(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let gid = group_id(o)?;
    let new_owner = account(o, "NewOwner_Account")?;
    let g = ctx.repo.group(gid)?;
    ctx.repo.require_accounts([new_owner])?;
    if g.owner == new_owner {
        return Ok(ok());
    }
    if g.kind.has_member_list() {
        ctx.repo.require_member(gid, new_owner)?;
        if !g.owner.is_empty() {
            ctx.repo.patch_member(gid, &g.owner, &member_role("Member"))?;
        }
        ctx.repo.patch_member(gid, new_owner, &member_role("Owner"))?;
    }
    ctx.repo.set_owner(gid, new_owner)?;
    ctx.repo.touch_info(gid)?;
    Ok(ok())
}

fn member_role(role: &str) -> crate::sandbox::tencent::repo::MemberPatch {
    crate::sandbox::tencent::repo::MemberPatch { role: Some(role.to_owned()), ..Default::default() }
}

