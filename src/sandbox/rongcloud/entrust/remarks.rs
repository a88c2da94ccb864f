//! A member's remark name for a hosted group, their own alias of it (reference §6.2 #16–18).
//! Setting needs membership (25418); the name goes when the member leaves.

use serde_json::{Value, json};

use super::{gid, not_member, ok, uid};
use crate::protocol::rongcloud::limits;
use crate::sandbox::rongcloud::Ctx;
use crate::sandbox::rongcloud::error::WireResult;
use crate::sandbox::rongcloud::form::Params;
use crate::sandbox::rongcloud::repo::RepoError;
use crate::sandbox::rongcloud::validate::{self, Family};

/// 16. `/entrust/group/remarkname/set.json`
pub fn set(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let user = uid(p, "userId")?;
    let remark = p.req("remarkName")?;
    validate::check_len(Family::Entrust, "remarkName", remark, limits::REMARK_NAME_MAX)?;
    ctx.repo.set_remark_name(gid, user, remark).map_err(|e| match e {
        RepoError::NotMember { user } => not_member(gid, "userId", &user),
        other => other.into(),
    })?;
    Ok(ok())
}

/// 17. `/entrust/group/remarkname/delete.json`
pub fn delete(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let user = uid(p, "userId")?;
    ctx.repo.delete_remark_name(gid, user)?;
    Ok(ok())
}

/// 18. `/entrust/group/remarkname/query.json` — empty when none is set.
pub fn query(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let user = uid(p, "userId")?;
    Ok(json!({"code": 200, "remarkName": ctx.repo.remark_name(gid, user)?}))
}
