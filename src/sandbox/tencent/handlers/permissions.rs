//! Community permission groups (reference §0, §4.16): `create_permission_group`,
//! `modify_permission_group`, `destroy_permission_group`, `get_permission_group_info`,
//! `add_permission_group_member`, `delete_permission_group_member`,
//! `get_permission_group_member_list`. Topic permissions are in `topic_permissions.rs`.
//!
//! Choices where the reference is `[I]`:
//! * Every permission-group command needs the premium edition (**10059** on the others, checked
//!   first) and a Community (**10007** for any other type; topics are not required).
//! * `PermissionGroupId`: custom ids must start with `@PMG#_` and be at most 64 bytes (10004);
//!   generated ones are `@PMG#_@PMG#` and 12 random characters. Ids are unique per Community
//!   (in use ⇒ 10021). At most 20 permission groups per Community (10004).
//! * `PermissionGroupName` (required on create) ≤ 150 bytes; `CustomString` ≤ 3,000 bytes
//!   (documented). `Permission` (u64, required on create): only the group bits of §0 (1<<0 …
//!   1<<10); any other bit ⇒ 10004 naming it (`Permission has bit 1<<11 (2048), which is not a
//!   group permission bit`).
//! * An unknown `PermissionGroupId` ⇒ **10010** for the call (per item in lists).
//! * `destroy_permission_group`: `PermissionGroupIdList` (≤ 20) → `DestroyResultItem[
//!   {PermissionGroupId, ErrorCode, ErrorInfo}]`; members and topic permissions go with it.
//! * `get_permission_group_info`: `PermissionGroupIdList` optional (absent = all, in creation
//!   order; ≤ 20) → `PermissionGroupList[{PermissionGroupId, ErrorCode, ErrorInfo,
//!   PermissionGroupName, Permission, CustomString, MemberNum, CreateTime}]`.
//! * add/delete members: `Member_Account` (≤ 100, 10005) → `MemberList[{Member_Account,
//!   Result}]`. Add: 1 added, 2 already in it, 0 not a member of the Community or never
//!   imported (all never imported ⇒ 10019, as `add_group_member`). Delete: 1 removed, 0 not in
//!   it. A member leaving or banned from the Community leaves its permission groups.
//! * `get_permission_group_member_list`: `Limit` ≤ 50 (documented; default 50), `Next` cursor
//!   (`""` first; the answer's `Next` is the last row's insertion sequence as a decimal string,
//!   `""` when done) → `MemberList[{Member_Account}]`, `Next`.

use rand::Rng;
use serde_json::{Map, Value, json};

use super::accounts;
use super::topics::{community, item_error, per_item};
use crate::protocol::tencent::wire::{Edition, GROUP_PERMISSION_BITS, unknown_bits};
use crate::protocol::tencent::{codes, limits};
use crate::sandbox::tencent::Ctx;
use crate::sandbox::tencent::body::Obj;
use crate::sandbox::tencent::error::{WireError, WireResult};
use crate::sandbox::tencent::repo::{Group, PermissionGroup, PermissionGroupPatch, RepoError};

pub const PMG_PREFIX: &str = "@PMG#_";

/// Premium edition (10059) and a Community (10007).
pub fn pg_community(ctx: &Ctx, o: &Obj) -> WireResult<Group> {
    if ctx.edition != Edition::Premium {
        return Err(WireError::new(codes::NOT_ULTIMATE, "permission groups need the Ultimate (premium) edition"));
    }
    community(ctx, o, false)
}

/// A u64 permission field whose bits must all be in `bits`; `kind` names them in errors.
pub fn permission(o: &Obj, field: &str, bits: &[(&str, u64)], kind: &str) -> WireResult<Option<u64>> {
    let Some(v) = o.u64(field)? else { return Ok(None) };
    if let Some((bit, i)) = unknown_bits(v, bits).first() {
        let names: Vec<String> = bits.iter().map(|(n, b)| format!("{n} ({b})")).collect();
        return Err(WireError::param(format!(
            "{} has bit 1<<{i} ({bit}), which is not a {kind} permission bit; allowed: {}",
            o.name(field),
            names.join(", ")
        )));
    }
    Ok(Some(v))
}

/// A required `PermissionGroupId` of an existing permission group of `g`.
pub fn existing<'a>(ctx: &Ctx, g: &Group, o: &Obj<'a, '_>) -> WireResult<(&'a str, PermissionGroup)> {
    let id = o.req_str("PermissionGroupId")?;
    let pg = ctx.repo.permission_group(&g.group_id, id)?;
    Ok((id, pg))
}

fn name(o: &Obj) -> WireResult<Option<String>> {
    match o.text("PermissionGroupName", limits::PERMISSION_GROUP_NAME_BYTES)? {
        Some(n) if n.trim().is_empty() => Err(WireError::param("PermissionGroupName must not be empty")),
        n => Ok(n.map(str::to_owned)),
    }
}

fn custom(o: &Obj) -> WireResult<Option<String>> {
    Ok(o.text("CustomString", limits::PERMISSION_GROUP_CUSTOM_BYTES)?.map(str::to_owned))
}

fn new_id(o: &Obj) -> WireResult<String> {
    match o.str("PermissionGroupId")? {
        Some(id) => {
            if !id.starts_with(PMG_PREFIX) || id.len() == PMG_PREFIX.len() {
                return Err(WireError::param(format!("PermissionGroupId {id:?} must start with {PMG_PREFIX} and go on after it")));
            }
            if id.len() > limits::PERMISSION_GROUP_ID_BYTES {
                return Err(crate::sandbox::tencent::body::too_long("PermissionGroupId", id.len(), limits::PERMISSION_GROUP_ID_BYTES));
            }
            if id.chars().any(char::is_control) {
                return Err(WireError::param("PermissionGroupId must not contain control characters"));
            }
            Ok(id.to_owned())
        }
        None => {
            const CHARS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            let mut rng = rand::rng();
            let random: String = (0..12).map(|_| CHARS[rng.random_range(0..CHARS.len())] as char).collect();
            Ok(format!("{PMG_PREFIX}@PMG#{random}"))
        }
    }
}

/// `create_permission_group` → `PermissionGroupId`.
pub fn create(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = pg_community(ctx, o)?;
    let id = new_id(o)?;
    let name = name(o)?.ok_or_else(|| WireError::param("PermissionGroupName is required"))?;
    let permission = permission(o, "Permission", &GROUP_PERMISSION_BITS, "group")?
        .ok_or_else(|| WireError::param("Permission is required"))?;
    let custom = custom(o)?.unwrap_or_default();
    if ctx.repo.count_permission_groups(&g.group_id)? >= limits::PERMISSION_GROUPS_PER_COMMUNITY {
        return Err(WireError::param(format!(
            "Community {} has {} permission groups already; at most {} per Community",
            g.group_id,
            limits::PERMISSION_GROUPS_PER_COMMUNITY,
            limits::PERMISSION_GROUPS_PER_COMMUNITY
        )));
    }
    let pg = PermissionGroup { id: id.clone(), name, permission, custom, create_time: ctx.now, member_num: 0 };
    ctx.repo.insert_permission_group(&g.group_id, &pg)?;
    let mut out = Map::new();
    out.insert("PermissionGroupId".into(), id.into());
    Ok(out)
}

/// `modify_permission_group`: `PermissionGroupName`, `Permission`, `CustomString` (each
/// optional); bare answer.
pub fn modify(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = pg_community(ctx, o)?;
    let (id, _) = existing(ctx, &g, o)?;
    let p = PermissionGroupPatch {
        name: name(o)?,
        permission: permission(o, "Permission", &GROUP_PERMISSION_BITS, "group")?,
        custom: custom(o)?,
    };
    ctx.repo.patch_permission_group(&g.group_id, id, &p)?;
    Ok(super::ok())
}

/// `PermissionGroupIdList`: at most 20, duplicates dropped; `None` when absent.
fn ids<'a>(o: &Obj<'a, '_>) -> WireResult<Option<Vec<&'a str>>> {
    super::topics::topic_ids(o, "PermissionGroupIdList", limits::PERMISSION_GROUP_IDS_MAX)
}

/// `destroy_permission_group` → `DestroyResultItem[…]`.
pub fn destroy(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = pg_community(ctx, o)?;
    let list = ids(o)?.ok_or_else(|| WireError::param("PermissionGroupIdList is required"))?;
    if list.is_empty() {
        return Err(WireError::param("PermissionGroupIdList must not be empty"));
    }
    let mut items = Vec::with_capacity(list.len());
    for id in list {
        let mut item = Map::new();
        item.insert("PermissionGroupId".into(), id.into());
        item_error(&mut item, per_item(ctx.repo.delete_permission_group(&g.group_id, id))?.err());
        items.push(Value::Object(item));
    }
    let mut out = Map::new();
    out.insert("DestroyResultItem".into(), Value::Array(items));
    Ok(out)
}

fn pg_json(pg: &PermissionGroup) -> Value {
    json!({
        "PermissionGroupId": pg.id, "ErrorCode": 0, "ErrorInfo": "", "PermissionGroupName": pg.name,
        "Permission": pg.permission, "CustomString": pg.custom, "MemberNum": pg.member_num, "CreateTime": pg.create_time,
    })
}

/// `get_permission_group_info` → `PermissionGroupList[…]`.
pub fn info(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = pg_community(ctx, o)?;
    let list = match ids(o)? {
        None => ctx.repo.permission_groups(&g.group_id)?.iter().map(pg_json).collect(),
        Some(list) => {
            let mut items = Vec::with_capacity(list.len());
            for id in list {
                match per_item(ctx.repo.permission_group(&g.group_id, id))? {
                    Ok(pg) => items.push(pg_json(&pg)),
                    Err(e) => {
                        let mut item = Map::new();
                        item.insert("PermissionGroupId".into(), id.into());
                        item_error(&mut item, Some(e));
                        items.push(Value::Object(item));
                    }
                }
            }
            items
        }
    };
    let mut out = Map::new();
    out.insert("GroupId".into(), g.group_id.into());
    out.insert("PermissionGroupList".into(), Value::Array(list));
    Ok(out)
}

/// `add_permission_group_member` → `MemberList[{Member_Account, Result}]`.
pub fn add_members(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = pg_community(ctx, o)?;
    let (id, _) = existing(ctx, &g, o)?;
    let users = accounts(o, "Member_Account", limits::PERMISSION_GROUP_MEMBERS_MAX)?;
    let missing = ctx.repo.missing_accounts(users.iter().copied())?;
    if missing.len() == users.len() {
        return Err(RepoError::NoSuchAccounts { users: missing }.into());
    }
    let roles = ctx.repo.roles(&g.group_id, &users)?;
    let mut list = Vec::with_capacity(users.len());
    for u in users {
        let result = if !roles.contains_key(u) {
            codes::RESULT_FAILED
        } else if ctx.repo.add_permission_member(&g.group_id, id, u)? {
            codes::RESULT_OK
        } else {
            codes::RESULT_ALREADY_MEMBER
        };
        list.push(json!({"Member_Account": u, "Result": result}));
    }
    let mut out = Map::new();
    out.insert("MemberList".into(), Value::Array(list));
    Ok(out)
}

/// `delete_permission_group_member` → `MemberList[{Member_Account, Result}]`.
pub fn delete_members(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = pg_community(ctx, o)?;
    let (id, _) = existing(ctx, &g, o)?;
    let users = accounts(o, "Member_Account", limits::PERMISSION_GROUP_MEMBERS_MAX)?;
    let mut list = Vec::with_capacity(users.len());
    for u in users {
        let removed = ctx.repo.remove_permission_member(&g.group_id, id, u)?;
        list.push(json!({"Member_Account": u, "Result": if removed { codes::RESULT_OK } else { codes::RESULT_FAILED }}));
    }
    let mut out = Map::new();
    out.insert("MemberList".into(), Value::Array(list));
    Ok(out)
}

/// `get_permission_group_member_list` → `MemberList[{Member_Account}]`, `Next`.
pub fn member_list(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = pg_community(ctx, o)?;
    let (id, _) = existing(ctx, &g, o)?;
    let limit = match o.u64_max("Limit", u64::from(limits::PERMISSION_GROUP_MEMBER_PAGE_MAX))? {
        None | Some(0) => i64::from(limits::PERMISSION_GROUP_MEMBER_PAGE_MAX),
        Some(v) => v as i64,
    };
    let after = match o.str("Next")?.map(str::trim) {
        None | Some("") => 0,
        Some(n) => n.parse::<i64>().ok().filter(|v| *v > 0).ok_or_else(|| {
            WireError::param(format!("Next {n:?} is not a cursor returned by get_permission_group_member_list"))
        })?,
    };
    let mut rows = ctx.repo.permission_members_page(&g.group_id, id, after, limit)?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next = match rows.last() {
        Some((seq, _)) if more => seq.to_string(),
        _ => String::new(),
    };
    let mut out = Map::new();
    out.insert("MemberList".into(), rows.into_iter().map(|(_, u)| json!({"Member_Account": u})).collect());
    out.insert("Next".into(), next.into());
    Ok(out)
}
