//! The edition's quotas on the app (reference §0, §2 "Group counts", "Member limit"):
//!
//! * developer: at most 100 groups per app — one more (`create_group`, `import_group`) ⇒
//!   **10037** [I] (the package-limit code; the reference has none for the app's group count)
//!   — and at most 10 AVChatRooms ⇒ **10036** (documented "AVChatRoom creation quota").
//! * standard: at most 50 AVChatRooms ⇒ 10036; premium: unlimited. Destroyed groups free
//!   their place (the quota counts existing groups).
//! * `MaxMemberCount`/`MaxMemberNum` of Work/Public/Meeting: the edition's default (20 / 200 /
//!   2,000) when absent; on premium they may be raised up to **6,000** (the paid extension
//!   [I]); above the ceiling ⇒ 10038. Community: 100,000; AVChatRoom: unlimited.

use super::member_cap;
use crate::protocol::tencent::wire::{Edition, GroupType};
use crate::protocol::tencent::{codes, limits};
use crate::sandbox::tencent::Ctx;
use crate::sandbox::tencent::error::{WireError, WireResult};

/// The largest `MaxMemberNum` a group of `kind` may have on `edition` (0 = unlimited).
pub fn member_ceiling(edition: Edition, kind: GroupType) -> i64 {
    match kind {
        GroupType::Private | GroupType::Public | GroupType::ChatRoom if edition == Edition::Premium => {
            i64::from(limits::PREMIUM_MEMBERS_PAID)
        }
        _ => member_cap(edition, kind),
    }
}

/// Whether one more group of `kind` fits the edition's quotas.
pub fn check_new_group(ctx: &Ctx, kind: GroupType) -> WireResult<()> {
    if ctx.edition == Edition::Developer {
        let n = ctx.repo.count_groups(None)?;
        if n >= limits::DEVELOPER_GROUPS_MAX {
            return Err(WireError::new(
                codes::APP_GROUP_QUOTA,
                format!("the app has {n} groups; the developer edition allows at most {}", limits::DEVELOPER_GROUPS_MAX),
            ));
        }
    }
    let av_max = match ctx.edition {
        Edition::Developer => Some(limits::DEVELOPER_AVCHATROOMS_MAX),
        Edition::Standard => Some(limits::STANDARD_AVCHATROOMS_MAX),
        Edition::Premium => None,
    };
    if let (GroupType::AVChatRoom, Some(max)) = (kind, av_max) {
        let n = ctx.repo.count_groups(Some(GroupType::AVChatRoom.wire()))?;
        if n >= max {
            return Err(WireError::new(
                codes::AVCHATROOM_QUOTA,
                format!("the app has {n} AVChatRooms; the {:?} edition allows at most {max}", ctx.edition),
            ));
        }
    }
    Ok(())
}
