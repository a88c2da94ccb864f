//! A user's app-wide state, for the user lookup: Tencent Cloud Chat's app-wide mute
//! (`getnospeaking`, `setnospeaking`'s `GroupmsgNospeakingTime`: the user cannot speak in any
//! group). Setting it is recorded like every change (group `*`: the whole app) and read back.

use crate::backend::tencent::limits::MUTE_PERMANENT;
use crate::model::ApiError;

use super::{Recorded, Session};

/// The whole app, as an audit entry's group.
pub const APP_WIDE: &str = "*";

/// A user's app-wide mute as read back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppMute {
    /// Seconds left of the group-message mute (0: not muted; 4294967295: permanent).
    pub group_seconds: u64,
    /// Seconds left of the one-to-one message mute (shown, not changed here).
    pub c2c_seconds: u64,
}

impl AppMute {
    pub fn muted(&self) -> bool {
        self.group_seconds > 0
    }

    pub fn permanent(&self) -> bool {
        self.group_seconds >= MUTE_PERMANENT
    }
}

fn tencent(s: &Session) -> Result<&crate::backend::tencent::Client, ApiError> {
    s.backend.tencent().ok_or_else(|| ApiError::invalid("", "app-wide mute", "only Tencent Cloud Chat has an app-wide mute"))
}

/// The user's app-wide mute.
pub async fn app_mute(s: &Session, user: &str) -> Result<AppMute, ApiError> {
    let user = user.trim();
    s.backend.check_user_id("User ID", user)?;
    let n = tencent(s)?.nospeaking(user).await?;
    Ok(AppMute { group_seconds: n.group, c2c_seconds: n.c2c })
}

/// The audit words of setting (`seconds` > 0; 4294967295 permanent) or lifting (0) it.
pub fn audit_words(user: &str, seconds: u64) -> String {
    match seconds {
        0 => format!("app-wide unmute {user}"),
        s if s >= MUTE_PERMANENT => format!("app-wide mute {user} permanently"),
        s => format!("app-wide mute {user} for {s} seconds"),
    }
}

/// Mutes `user` in every group for `seconds` (0 lifts it), reads the state back and records it.
pub async fn set_app_mute(s: &Session, user: &str, seconds: u64, reason: Option<&str>) -> Recorded<Result<AppMute, ApiError>> {
    let user = user.trim();
    let result = async {
        s.backend.check_user_id("User ID", user)?;
        tencent(s)?.set_group_nospeaking(user, seconds).await?;
        app_mute(s, user).await
    }
    .await;
    s.record_change(&audit_words(user, seconds), APP_WIDE, reason, result).await
}
