//! Bans (reference §4.15): `ban_group_member`, `unban_group_member`, `get_group_ban_member`.
//! A ban = kick + no rejoin until it ends.
//!
//! Choices where the reference is `[I]`:
//! * Supported types: AVChatRoom, Community, Public and Meeting (`ChatRoom`); Work groups
//!   (`Private`, joined by invitation only) ⇒ **10007**.
//! * `ban_group_member`: `Members_Account` 1–20 (10005 beyond), every account imported (10019
//!   naming the others), `Duration` seconds 1–4294967295 (required; 4294967295 = permanent,
//!   answered as `BannedUntil: 4294967295`; 0 ⇒ 10004 — lift a ban with `unban_group_member`),
//!   `Description` ≤ 1,000 bytes. Listing the owner ⇒ 10009, nothing done. Members are removed
//!   (with their permission-group memberships; a mute stays); non-members are banned too (they
//!   cannot join). Banning again replaces the end. Bare answer.
//! * While banned, `add_group_member` / `import_group_member` answer `Result: 0` for the account
//!   and do not add it (an expired ban no longer counts).
//! * `unban_group_member`: `Members_Account` 1–20; accounts not banned are ignored; bare answer.
//! * `get_group_ban_member`: `Limit` ≤ 100 (0 or absent = 100), `Offset` → `BannedAccountList[
//!   {Member_Account, BannedUntil}]` of running bans ordered by account, and `NextOffset`: the
//!   offset of the next page, **0 when this page is the last**.

use serde_json::{Map, Value, json};

use super::{accounts, group_id, mute_until, ok};
use crate::protocol::tencent::wire::GroupType;
use crate::protocol::tencent::{codes, limits};
use crate::sandbox::tencent::Ctx;
use crate::sandbox::tencent::body::Obj;
use crate::sandbox::tencent::error::{WireError, WireResult};
use crate::sandbox::tencent::repo::Group;

fn group(ctx: &Ctx, o: &Obj) -> WireResult<Group> {
    let gid = group_id(o)?;
    let g = ctx.repo.group(gid)?;
    if g.kind == GroupType::Private {
        return Err(WireError::forbidden("Work groups (Private) do not support bans; remove the member instead"));
    }
    Ok(g)
}

/// `ban_group_member`.
pub fn ban(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = group(ctx, o)?;
    let users = accounts(o, "Members_Account", limits::BAN_ACCOUNTS_MAX)?;
    let secs = o.u64_max("Duration", limits::MUTE_PERMANENT)?.ok_or_else(|| WireError::param("Duration is required (seconds)"))?;
    if secs == 0 {
        return Err(WireError::param("Duration must be at least 1 second; lift a ban with unban_group_member"));
    }
    let description = o.text("Description", limits::BAN_DESCRIPTION_BYTES)?.unwrap_or("");
    ctx.repo.require_accounts(users.iter().copied())?;
    if !g.owner.is_empty() && users.contains(&g.owner.as_str()) {
        return Err(WireError::new(codes::OWNER_CANNOT_QUIT, format!("{} is the owner of {}, who cannot be banned", g.owner, g.group_id)));
    }
    let until = mute_until(ctx.now, secs);
    for u in users {
        if g.kind.has_member_list() {
            ctx.repo.remove_member(&g.group_id, u)?;
        }
        ctx.repo.ban(&g.group_id, u, until, description)?;
    }
    Ok(ok())
}

/// `unban_group_member`.
pub fn unban(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = group(ctx, o)?;
    for u in accounts(o, "Members_Account", limits::BAN_ACCOUNTS_MAX)? {
        ctx.repo.unban(&g.group_id, u)?;
    }
    Ok(ok())
}

/// `get_group_ban_member`.
pub fn list(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = group(ctx, o)?;
    let limit = match o.u64_max("Limit", u64::from(limits::BAN_PAGE_MAX))? {
        None | Some(0) => i64::from(limits::BAN_PAGE_MAX),
        Some(v) => v as i64,
    };
    let offset = o.u64("Offset")?.unwrap_or(0).min(i64::MAX as u64) as i64;
    let (total, rows) = ctx.repo.bans_page(&g.group_id, offset, limit)?;
    let end = offset + rows.len() as i64;
    let mut out = Map::new();
    out.insert("BannedAccountList".into(), rows.into_iter().map(|(u, t)| json!({"Member_Account": u, "BannedUntil": t})).collect());
    out.insert("NextOffset".into(), (if end < total { end } else { 0 }).into());
    Ok(out)
}
