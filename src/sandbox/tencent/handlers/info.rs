//! Reading groups and members: `get_group_info` (§4.2) and `get_group_member_info` (§4.4),
//! with the response filters, and the JSON of a group and of a member shared with
//! `get_joined_group_list`.

use serde_json::{Map, Value};

use super::fields::{self, Registry};
use super::{check_member_list, group_id};
use crate::protocol::tencent::limits;
use crate::protocol::tencent::wire::GroupType;
use crate::sandbox::tencent::Ctx;
use crate::sandbox::tencent::body::Obj;
use crate::sandbox::tencent::error::{WireError, WireResult};
use crate::sandbox::tencent::repo::{Group, Member, Page, RepoError};

/// Group base fields in answer order (`GroupBaseInfoFilter` names).
pub const BASE_FIELDS: &[&str] = &[
    "Type", "Name", "Appid", "Introduction", "Notification", "FaceUrl", "Owner_Account", "CreateTime", "InfoSeq",
    "LastInfoTime", "LastMsgTime", "NextMsgSeq", "MemberNum", "MaxMemberNum", "ApplyJoinOption", "InviteJoinOption",
    "MuteAllMember",
];

/// Member fields in answer order (`MemberInfoFilter` / `SelfInfoFilter` names; `ShutUpUntil`
/// is the older spelling of `MuteUntil` and is answered under the name asked for).
pub const MEMBER_FIELDS: &[&str] =
    &["Role", "JoinTime", "MsgSeq", "MsgFlag", "LastSendMsgTime", "MuteUntil", "ShutUpUntil", "NameCard"];

/// The names of a filter, checked against `allowed` (plus names always answered, ignored).
pub fn names<'a>(f: &Obj<'a, '_>, field: &str, allowed: &[&'static str], implicit: &[&str]) -> WireResult<Option<Vec<&'static str>>> {
    let Some(list) = f.strings(field)? else { return Ok(None) };
    let mut out = Vec::new();
    for (i, n) in list.iter().enumerate() {
        if implicit.contains(n) {
            continue;
        }
        let known = allowed.iter().find(|a| *a == n).ok_or_else(|| {
            WireError::param(format!("{}[{i}] {n:?} is not one of {}", f.name(field), allowed.join(", ")))
        })?;
        if !out.contains(known) {
            out.push(*known);
        }
    }
    Ok(Some(out))
}

/// The base fields of `g` named in `which` (in answer order), into `out`.
pub fn base_json(ctx: &Ctx, g: &Group, which: Option<&[&str]>, out: &mut Map<String, Value>) {
    for name in BASE_FIELDS {
        if which.is_some_and(|w| !w.contains(name)) {
            continue;
        }
        let v: Value = match *name {
            "Type" => g.kind.wire().into(),
            "Name" => g.name.clone().into(),
            "Appid" => ctx.sdkappid.into(),
            "Introduction" => g.introduction.clone().into(),
            "Notification" => g.notification.clone().into(),
            "FaceUrl" => g.face_url.clone().into(),
            "Owner_Account" => g.owner.clone().into(),
            "CreateTime" => g.create_time.into(),
            "InfoSeq" => g.info_seq.into(),
            "LastInfoTime" => g.last_info_time.into(),
            "LastMsgTime" => g.last_msg_time.into(),
            "NextMsgSeq" => g.next_msg_seq.into(),
            "MemberNum" => g.member_num.into(),
            "MaxMemberNum" => g.max_member_num.into(),
            "ApplyJoinOption" => g.apply_join.clone().into(),
            "InviteJoinOption" => g.invite_join.clone().into(),
            "MuteAllMember" => (if g.mute_all { "On" } else { "Off" }).into(),
            _ => continue,
        };
        out.insert((*name).into(), v);
    }
}

/// The member fields of `m` named in `which` (all when `None`), into `out`.
pub fn member_fields(m: &Member, which: Option<&[&str]>, out: &mut Map<String, Value>) {
    let all = ["Role", "JoinTime", "MsgSeq", "MsgFlag", "LastSendMsgTime", "MuteUntil", "NameCard"];
    for name in MEMBER_FIELDS {
        let wanted = match which {
            Some(w) => w.contains(name),
            None => all.contains(name),
        };
        if !wanted {
            continue;
        }
        let v: Value = match *name {
            "Role" => m.role.clone().into(),
            "JoinTime" => m.join_time.into(),
            "MsgSeq" => m.msg_seq.into(),
            "MsgFlag" => m.msg_flag.clone().into(),
            "LastSendMsgTime" => m.last_send_msg_time.into(),
            "MuteUntil" | "ShutUpUntil" => m.mute_until.into(),
            "NameCard" => m.name_card.clone().into(),
            _ => continue,
        };
        out.insert((*name).into(), v);
    }
}

/// A member's JSON: `Member_Account`, the fields asked for, and the custom values asked for
/// (only keys enabled for the group's type).
fn member_json(ctx: &Ctx, reg: &Registry, g: &Group, m: &Member, which: Option<&[&str]>, keys: Option<&[&str]>) -> WireResult<Value> {
    let mut out = Map::new();
    out.insert("Member_Account".into(), m.user_id.clone().into());
    member_fields(m, which, &mut out);
    if let Some(keys) = keys {
        let keys: Vec<&str> = keys.iter().copied().filter(|k| reg.member_key_on(k, g.kind)).collect();
        let values = ctx.repo.member_data(&g.group_id, &m.user_id, &keys)?;
        out.insert("AppMemberDefinedData".into(), fields::render(values));
    }
    Ok(Value::Object(out))
}

/// `get_group_info`: ≤ 50 ids [I]; per-group `ErrorCode`/`ErrorInfo`; base fields (all, or the
/// `GroupBaseInfoFilter`); `AppDefinedData` only for the keys asked; `MemberList` only with a
/// `MemberInfoFilter`.
pub fn get_group_info(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let ids = o.strings("GroupIdList")?.ok_or_else(|| WireError::param("GroupIdList is required"))?;
    if ids.is_empty() {
        return Err(WireError::param("GroupIdList must not be empty"));
    }
    if ids.len() > limits::GROUP_INFO_MAX {
        return Err(WireError::param(format!("GroupIdList has {} ids; at most {} per call", ids.len(), limits::GROUP_INFO_MAX)));
    }
    let reg = Registry::load(ctx)?;
    let f = o.object("ResponseFilter")?;
    let base = names(&f, "GroupBaseInfoFilter", BASE_FIELDS, &["GroupId"])?;
    let member = names(&f, "MemberInfoFilter", MEMBER_FIELDS, &["Account", "Member_Account"])?;
    let group_keys = fields::group_filter(&reg, &f)?;
    let member_keys = fields::member_filter(&reg, &f)?;
    let mut infos = Vec::with_capacity(ids.len());
    for id in ids {
        let mut out = Map::new();
        out.insert("GroupId".into(), id.into());
        let g = match ctx.repo.group(id) {
            Ok(g) => g,
            Err(e @ RepoError::GroupNotFound { .. }) => {
                let e = WireError::from(e);
                out.insert("ErrorCode".into(), e.code.into());
                out.insert("ErrorInfo".into(), e.info.into());
                infos.push(Value::Object(out));
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        out.insert("ErrorCode".into(), 0.into());
        out.insert("ErrorInfo".into(), "".into());
        base_json(ctx, &g, base.as_deref(), &mut out);
        if let Some(keys) = &group_keys {
            out.insert("AppDefinedData".into(), fields::render(ctx.repo.group_data(&g.group_id, keys)?));
        }
        if let Some(which) = &member {
            let mut list = Vec::new();
            if g.kind.has_member_list() {
                let page = Page { roles: &[], after: None, offset: 0, limit: i64::MAX - 1 };
                for m in ctx.repo.members_page(&g.group_id, page)? {
                    list.push(member_json(ctx, &reg, &g, &m, Some(which), member_keys.as_deref())?);
                }
            }
            out.insert("MemberList".into(), Value::Array(list));
        }
        infos.push(Value::Object(out));
    }
    let mut out = Map::new();
    out.insert("GroupInfo".into(), Value::Array(infos));
    Ok(out)
}

/// `get_group_member_info`: `Limit` ≤ 200 (default 100); `Offset` for every type but
/// Community, which pages with the string cursor `Next` (first call `""`, answer `""` when
/// done); `MemberInfoFilter`, `MemberRoleFilter`, `AppDefinedDataFilter_GroupMember`.
pub fn get_group_member_info(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let gid = group_id(o)?;
    let g = ctx.repo.group(gid)?;
    check_member_list(g.kind, "get_group_member_info")?;
    let reg = Registry::load(ctx)?;
    let limit = match o.u64_max("Limit", u64::from(limits::MEMBER_PAGE_MAX))? {
        None | Some(0) => i64::from(limits::MEMBER_PAGE_DEFAULT),
        Some(v) => v as i64,
    };
    let offset = o.u64("Offset")?.unwrap_or(0).min(i64::MAX as u64) as i64;
    let cursor = g.kind == GroupType::Community;
    let after = if cursor {
        if offset > 0 {
            return Err(WireError::param("Community groups page with Next, not Offset"));
        }
        match o.str("Next")?.map(str::trim) {
            None | Some("") => None,
            Some(n) => Some(n.parse::<i64>().ok().filter(|v| *v > 0).ok_or_else(|| {
                WireError::param(format!("Next {n:?} is not a cursor returned by get_group_member_info"))
            })?),
        }
    } else {
        None
    };
    let which = names(o, "MemberInfoFilter", MEMBER_FIELDS, &["Account", "Member_Account"])?;
    let roles = names(o, "MemberRoleFilter", &["Owner", "Admin", "Member"], &[])?.unwrap_or_default();
    let keys = fields::member_filter(&reg, o)?;
    let page = Page { roles: &roles, after, offset: if cursor { 0 } else { offset }, limit };
    let mut rows = ctx.repo.members_page(gid, page)?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let mut list = Vec::with_capacity(rows.len());
    for m in &rows {
        list.push(member_json(ctx, &reg, &g, m, which.as_deref(), keys.as_deref())?);
    }
    let mut out = Map::new();
    if cursor {
        let next = match rows.last() {
            Some(m) if more => m.seq.to_string(),
            _ => String::new(),
        };
        out.insert("Next".into(), next.into());
    }
    out.insert("MemberNum".into(), g.member_num.into());
    out.insert("MemberList".into(), Value::Array(list));
    Ok(out)
}

/// `get_specified_group_member_info` [I]: `GroupId`, `Member_List_Account` (1–100 accounts,
/// 10005 beyond), optional `MemberInfoFilter` and `AppDefinedDataFilter_GroupMember` as in
/// `get_group_member_info` → `MemberList` of the listed accounts that are members, in the
/// order asked (others are left out). AVChatRoom ⇒ 10007.
pub fn get_specified_group_member_info(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let gid = group_id(o)?;
    let users = super::accounts(o, "Member_List_Account", limits::SPECIFIED_MEMBERS_MAX)?;
    let g = ctx.repo.group(gid)?;
    check_member_list(g.kind, "get_specified_group_member_info")?;
    let reg = Registry::load(ctx)?;
    let which = names(o, "MemberInfoFilter", MEMBER_FIELDS, &["Account", "Member_Account"])?;
    let keys = fields::member_filter(&reg, o)?;
    let mut list = Vec::with_capacity(users.len());
    for u in users {
        if let Some(m) = ctx.repo.member(gid, u)? {
            list.push(member_json(ctx, &reg, &g, &m, which.as_deref(), keys.as_deref())?);
        }
    }
    let mut out = Map::new();
    out.insert("MemberList".into(), Value::Array(list));
    Ok(out)
}
