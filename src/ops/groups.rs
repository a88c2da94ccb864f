//! Group operations: the list, one group, profile saves, create, dismiss, legacy import, a
//! user's alias for a group, and the user lookup.

use crate::model::rongcloud::RcGroup;
use crate::model::{ApiError, GroupDetail, GroupRow, JoinedRow, NewGroup, ProfileChange};

use super::{Recorded, Session};

type Change = Recorded<Result<(), ApiError>>;

fn not_supported(what: &str) -> ApiError {
    ApiError::invalid("", "service", format!("{what} is not available on this service"))
}

/// Every group with its member count, newest first.
pub async fn list(s: &Session) -> Result<Vec<GroupRow>, ApiError> {
    s.backend.list_groups().await
}

/// Every group, handed to `on_rows` batch by batch as the service answers (with the number of
/// groups listed), then all of them newest first: the browser shows the first rows at once.
pub async fn list_progressive(s: &Session, on_rows: impl Fn(Vec<GroupRow>, usize) + Send + Sync) -> Result<Vec<GroupRow>, ApiError> {
    let all = std::sync::Mutex::new(Vec::new());
    let sink = |rows: Vec<GroupRow>, total: usize| {
        all.lock().unwrap_or_else(|p| p.into_inner()).extend(rows.iter().cloned());
        on_rows(rows, total);
    };
    s.backend.list_groups_progressive(&sink).await?;
    let mut rows = all.into_inner().unwrap_or_else(|p| p.into_inner());
    rows.sort_by(|a, b| b.created_ms.cmp(&a.created_ms).then_with(|| a.group_id.cmp(&b.group_id)));
    Ok(rows)
}

/// One group by exact id (its length checked first; the service judges the rest).
pub async fn open(s: &Session, group_id: &str) -> Result<GroupDetail, ApiError> {
    let group_id = group_id.trim();
    s.backend.check_group_id("Group ID", group_id)?;
    s.backend.open_group(group_id).await
}

/// Sends only the changed fields; the audit action names them.
pub async fn save_profile(s: &Session, group_id: &str, change: &ProfileChange, reason: Option<&str>) -> Change {
    let action = format!("save profile: {}", change.fields().join(", "));
    let result = s.backend.update_profile(group_id, change).await;
    s.record_change(&action, group_id, reason, result).await
}

pub async fn create(s: &Session, group: &NewGroup, reason: Option<&str>) -> Change {
    create_with_id(s, group, reason).await.map(|r| r.map(drop))
}

/// Creates a group and answers its id (the service's, when none was given).
pub async fn create_with_id(s: &Session, group: &NewGroup, reason: Option<&str>) -> Recorded<Result<String, ApiError>> {
    let result = s.backend.create_group(group).await;
    let id = result.as_ref().map(String::as_str).unwrap_or(group.group_id.as_str()).to_owned();
    s.record_change("create group", &id, reason, result).await
}

/// Dismisses the group (hosted or legacy, as the detail says).
pub async fn dismiss(s: &Session, detail: &GroupDetail, reason: Option<&str>) -> Change {
    let result = s.backend.dismiss(detail).await;
    s.record_change("dismiss group", &detail.group_id, reason, result).await
}

/// RongCloud: imports a legacy group into group hosting with `owner`.
pub async fn import_legacy(s: &Session, group_id: &str, owner: &str, reason: Option<&str>) -> Change {
    let result = match s.backend.rongcloud() {
        Some(c) => {
            let g = crate::backend::rongcloud::types::NewGroup { group_id: group_id.into(), name: group_id.into(), owner: owner.into(), ..Default::default() };
            c.import_group(&g).await
        }
        None => Err(not_supported("importing a legacy group")),
    };
    s.record_change("import into hosting", group_id, reason, result).await
}

/// RongCloud: the name one user sees for the group (remark name).
pub async fn set_alias(s: &Session, group_id: &str, user_id: &str, alias: &str, reason: Option<&str>) -> Change {
    let result = match s.backend.rongcloud() {
        Some(c) => c.set_remark_name(group_id, user_id, alias).await,
        None => Err(not_supported("a group alias")),
    };
    s.record_change(&format!("set alias of {user_id}"), group_id, reason, result).await
}

/// The groups a user belongs to, with their role.
pub async fn user_groups(s: &Session, user_id: &str) -> Result<Vec<JoinedRow>, ApiError> {
    let user_id = user_id.trim();
    s.backend.check_user_id("User ID", user_id)?;
    s.backend.user_groups(user_id).await
}

/// The RongCloud part of a detail, or an error naming what needs it.
pub fn rongcloud<'a>(detail: &'a GroupDetail, what: &str) -> Result<&'a RcGroup, ApiError> {
    detail.rongcloud().ok_or_else(|| not_supported(what))
}

/// A group picture for the preview: its bytes, or why they could not be had.
pub async fn fetch_portrait(url: &str) -> Result<Vec<u8>, String> {
    crate::backend::portrait::fetch(url).await
}
