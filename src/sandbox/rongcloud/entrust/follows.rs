//! "Special follow" of members within a hosted group (reference §6.2 #19–21).
//!
//! Choices where the reference is silent, [?] there:
//! * Follow: both the follower and the followed must be members (25418); at most 100 followed
//!   members per user and group (25419).
//! * `followed/get` answers `members` (what the Java and Go SDKs read).

use serde_json::{Value, json};

use super::{gid, not_member, ok, uid};
use crate::protocol::rongcloud::limits;
use crate::sandbox::rongcloud::Ctx;
use crate::sandbox::rongcloud::error::{WireError, WireResult};
use crate::sandbox::rongcloud::form::Params;
use crate::sandbox::rongcloud::repo::RepoError;
use crate::sandbox::rongcloud::validate;

/// `(groupId, userId, followUserIds)`.
fn params(p: &Params) -> WireResult<(&str, &str, Vec<String>)> {
    let gid = gid(p)?;
    let user = uid(p, "userId")?;
    let targets = validate::entrust_users(p, "followUserIds", limits::ENTRUST_USERS_PER_CALL, true)?;
    Ok((gid, user, targets))
}

/// The follower is checked before the followed, so a non-member other than the follower was
/// listed in `followUserIds`.
fn follow_error(gid: &str, follower: &str, err: RepoError) -> WireError {
    match err {
        RepoError::NotMember { user } if user == follower => not_member(gid, "userId", &user),
        RepoError::NotMember { user } => not_member(gid, "followUserIds", &user),
        RepoError::TooManyFollows { count } => WireError::bad(
            25419,
            format!(
                "followUserIds: a member may follow at most {} members of a group (would be {count})",
                limits::FOLLOWS_MAX
            ),
        ),
        other => other.into(),
    }
}

/// 19. `/entrust/group/member/follow.json`
pub fn follow(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let (gid, user, targets) = params(p)?;
    ctx.repo.follow(gid, user, &targets).map_err(|e| follow_error(gid, user, e))?;
    Ok(ok())
}

/// 20. `/entrust/group/member/unfollow.json`
pub fn unfollow(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let (gid, user, targets) = params(p)?;
    ctx.repo.unfollow(gid, user, &targets).map_err(|e| follow_error(gid, user, e))?;
    Ok(ok())
}

/// 21. `/entrust/group/member/followed/get.json`
pub fn followed(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let gid = gid(p)?;
    let user = uid(p, "userId")?;
    let members: Vec<Value> = ctx
        .repo
        .followed(gid, user)?
        .into_iter()
        .map(|f| json!({"userId": f.user_id, "timestamp": f.time}))
        .collect();
    Ok(json!({"code": 200, "userId": user, "groupId": gid, "members": members}))
}
