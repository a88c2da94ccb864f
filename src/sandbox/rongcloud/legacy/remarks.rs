//! Legacy push remarks, a member's alias in push notifications (reference §5.13). They need no
//! membership, and an unset remark reads as empty.

use serde_json::{Value, json};

use super::ok;
use crate::protocol::rongcloud::limits;
use crate::sandbox::rongcloud::Ctx;
use crate::sandbox::rongcloud::error::WireResult;
use crate::sandbox::rongcloud::form::Params;
use crate::sandbox::rongcloud::validate::{self, Family};

/// `(userId, groupId)`.
fn target(p: &Params) -> WireResult<(&str, &str)> {
    let uid = validate::user_id(Family::Legacy, p, "userId")?;
    let gid = validate::group_id(Family::Legacy, p, "groupId")?;
    Ok((uid, gid))
}

/// `/group/remarks/set.json`
pub fn set(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let (uid, gid) = target(p)?;
    let remark = p.req("remark")?;
    validate::check_len(Family::Legacy, "remark", remark, limits::PUSH_REMARK_MAX)?;
    ctx.repo.set_push_remark(gid, uid, remark)?;
    Ok(ok())
}

/// `/group/remarks/get.json` — `{"code":200,"remark":".."}` (empty when none is set).
pub fn get(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let (uid, gid) = target(p)?;
    Ok(json!({"code": 200, "remark": ctx.repo.push_remark(gid, uid)?.unwrap_or_default()}))
}

/// `/group/remarks/del.json`
pub fn delete(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let (uid, gid) = target(p)?;
    ctx.repo.delete_push_remark(gid, uid)?;
    Ok(ok())
}
