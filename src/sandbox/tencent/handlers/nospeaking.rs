//! The app-wide mute of an account (reference §4.15): `v4/openconfigsvr/setnospeaking` and
//! `getnospeaking`.
//!
//! Choices where the reference is `[I]`:
//! * `setnospeaking`: `Set_Account` (required, an imported account, else **10019**),
//!   `C2CmsgNospeakingTime` and `GroupmsgNospeakingTime` in seconds (at least one, else 10004;
//!   each 0–4294967295: 0 lifts that mute, 4294967295 is permanent); bare answer. Setting one
//!   leaves the other as it is.
//! * `getnospeaking`: `Get_Account` (imported, else 10019) → `C2CmsgNospeakingTime` and
//!   `GroupmsgNospeakingTime` as the **remaining** seconds (the real service answers the
//!   configured length; remaining tells a console how long is left): 0 = not muted,
//!   4294967295 = permanent.
//! * The app-wide mute is independent of group mutes (`get_group_muted_account` does not list
//!   it).

use serde_json::{Map, Value};

use super::{account, mute_until, ok};
use crate::protocol::tencent::limits;
use crate::sandbox::tencent::Ctx;
use crate::sandbox::tencent::body::Obj;
use crate::sandbox::tencent::error::{WireError, WireResult};

/// A mute length field → `Some(until)` (0 lifts it), `None` when absent.
fn until(ctx: &Ctx, o: &Obj, field: &str) -> WireResult<Option<i64>> {
    Ok(o.u64_max(field, limits::MUTE_PERMANENT)?.map(|secs| if secs == 0 { 0 } else { mute_until(ctx.now, secs) }))
}

pub fn set(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let user = account(o, "Set_Account")?;
    let c2c = until(ctx, o, "C2CmsgNospeakingTime")?;
    let group = until(ctx, o, "GroupmsgNospeakingTime")?;
    if c2c.is_none() && group.is_none() {
        return Err(WireError::param("C2CmsgNospeakingTime or GroupmsgNospeakingTime is required (seconds; 0 lifts)"));
    }
    ctx.repo.require_accounts([user])?;
    ctx.repo.set_nospeaking(user, c2c, group)?;
    Ok(ok())
}

fn remaining(ctx: &Ctx, until: i64) -> i64 {
    let permanent = limits::MUTE_PERMANENT as i64;
    match until {
        0 => 0,
        u if u >= permanent => permanent,
        u => (u - ctx.now).max(1),
    }
}

pub fn get(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let user = account(o, "Get_Account")?;
    ctx.repo.require_accounts([user])?;
    let (c2c, group) = ctx.repo.nospeaking(user)?;
    let mut out = Map::new();
    out.insert("C2CmsgNospeakingTime".into(), remaining(ctx, c2c).into());
    out.insert("GroupmsgNospeakingTime".into(), remaining(ctx, group).into());
    Ok(out)
}
