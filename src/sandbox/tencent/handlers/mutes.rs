//! Mutes: `forbid_send_msg` (§4.8), `get_group_muted_account` and the older
//! `get_group_shutted_uin` (§4.9).

use serde_json::{Map, Value, json};

use super::{accounts, check_can_mute, group_id, mute_seconds, mute_until, ok};
use crate::protocol::tencent::limits;
use crate::sandbox::tencent::Ctx;
use crate::sandbox::tencent::body::Obj;
use crate::sandbox::tencent::error::{WireError, WireResult};

/// `forbid_send_msg`: ≤ 500 accounts, `MuteTime` (or `ShutUpTime`) seconds, 0 unmutes,
/// 4294967295 is permanent. Not in Work groups (10007). Accounts must be imported (10019);
/// non-members are skipped (AVChatRoom: any account).
pub fn forbid(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let gid = group_id(o)?;
    let users = accounts(o, "Members_Account", limits::MUTE_ACCOUNTS_MAX)?;
    let secs = mute_seconds(o)?.ok_or_else(|| WireError::param("MuteTime is required (seconds; 0 unmutes)"))?;
    let g = ctx.repo.group(gid)?;
    check_can_mute(g.kind)?;
    ctx.repo.require_accounts(users.iter().copied())?;
    let roles = ctx.repo.roles(gid, &users)?;
    for u in users {
        if g.kind.has_member_list() && !roles.contains_key(u) {
            continue;
        }
        if secs == 0 {
            ctx.repo.unmute(gid, u)?;
        } else {
            ctx.repo.mute(gid, u, mute_until(ctx.now, secs))?;
        }
    }
    Ok(ok())
}

fn list(ctx: &Ctx, o: &Obj, list: &str, until: &str) -> WireResult<Map<String, Value>> {
    let gid = group_id(o)?;
    let g = ctx.repo.group(gid)?;
    let rows = ctx.repo.muted(gid, g.kind.has_member_list())?;
    let mut out = Map::new();
    out.insert("GroupId".into(), gid.into());
    out.insert(list.into(), rows.into_iter().map(|(u, t)| json!({"Member_Account": u, until: t})).collect());
    Ok(out)
}

/// `get_group_muted_account`: `MutedAccountList[{Member_Account, MutedUntil}]`.
pub fn muted(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    list(ctx, o, "MutedAccountList", "MutedUntil")
}

/// `get_group_shutted_uin` (older name) [I]: `ShuttedUinList[{Member_Account, ShuttedUntil}]`.
pub fn shutted(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    list(ctx, o, "ShuttedUinList", "ShuttedUntil")
}
