//! Member operations: the member list (with its sort orders built off the caller's thread),
//! bulk jobs with one outcome per user, changes to one group (admins, a member's nickname,
//! mute-all, ownership), the mute-all allowlist, and CSV export.

use std::path::PathBuf;

use crate::model::MemberAction;
use crate::model::bulk::{BulkReport, Control};
use crate::model::table::MemberTable;
use crate::model::{ApiError, GroupDetail, Member};

use super::{Recorded, Session};

type Change = Recorded<Result<(), ApiError>>;

/// Every member of the group with mute and allowlist state.
pub async fn list(s: &Session, detail: &GroupDetail) -> Result<Vec<Member>, ApiError> {
    s.backend.members(detail).await
}

/// The member table of the console: rows plus every sort order, built on a blocking thread
/// (sorting 100,000 rows six ways takes a while).
pub async fn table(s: &Session, detail: &GroupDetail) -> Result<MemberTable, ApiError> {
    let rows = list(s, detail).await?;
    tokio::task::spawn_blocking(move || MemberTable::new(rows)).await.map_err(|e| ApiError::invalid("", "members", e.to_string()))
}

/// The members page by page as they arrive (a Community's cursor pages one after the other):
/// `on_page(rows, member count)` answers whether to go on.
pub async fn pages(s: &Session, detail: &GroupDetail, on_page: &mut (dyn FnMut(Vec<Member>, usize) -> bool + Send)) -> Result<(), ApiError> {
    s.backend.member_pages(detail, on_page).await
}

/// Tencent: a member's name card (`Some`) and custom fields (an empty value clears one) in one
/// change, recorded with the changed fields' names.
pub async fn set_tencent_member(s: &Session, group_id: &str, user_id: &str, name_card: Option<&str>, custom: &std::collections::BTreeMap<String, String>, reason: Option<&str>) -> Change {
    use crate::backend::tencent::types::{KeyValue, MemberChange};
    let result = match s.backend.tencent() {
        Some(c) => {
            let change = MemberChange { name_card: name_card.map(str::to_owned), custom: custom.iter().map(|(k, v)| KeyValue::new(k, v)).collect(), ..Default::default() };
            c.modify_member(group_id, user_id, &change).await
        }
        None => Err(ApiError::invalid("", "member", "member custom fields are Tencent Cloud Chat's")),
    };
    let mut fields: Vec<String> = name_card.map(|_| "name card".to_owned()).into_iter().collect();
    fields.extend(custom.keys().cloned());
    let mut entry = s.entry(&format!("set member {}", fields.join(", ")), group_id, reason);
    entry.users = vec![user_id.to_owned()];
    let entry = entry.with_result(&result);
    s.record(entry, result).await
}

/// Runs `action` on `users` as one job and records it (action words, reason, every user's
/// outcome and the request ids) before returning the report.
pub async fn run_job(s: &Session, group_id: &str, action: &MemberAction, users: &[String], reason: Option<&str>, ctl: &Control) -> Recorded<BulkReport> {
    let report = s.backend.run_members(group_id, action, users, ctl).await;
    let entry = s.entry(&action.audit_words(), group_id, reason).with_report(&report);
    s.record(entry, report).await
}

/// Makes (`add`) or unmakes admins.
pub async fn set_admins(s: &Session, group_id: &str, users: &[String], add: bool, reason: Option<&str>) -> Change {
    let result = s.backend.set_admins(group_id, users, add).await;
    let mut entry = s.entry(if add { "make admin" } else { "remove admin" }, group_id, reason);
    entry.users = users.to_vec();
    let entry = entry.with_result(&result);
    s.record(entry, result).await
}

/// A member's display name and extra text.
pub async fn set_member(s: &Session, group_id: &str, user_id: &str, nickname: &str, extra: &str, reason: Option<&str>) -> Change {
    let result = s.backend.set_member(group_id, user_id, nickname, extra).await;
    let mut entry = s.entry("set member nickname/extra", group_id, reason);
    entry.users = vec![user_id.to_owned()];
    let entry = entry.with_result(&result);
    s.record(entry, result).await
}

/// Switches mute-all, then reads the state back: the result is the state the server holds.
/// When the answer was lost (after the retries), the state read back decides: switched ⇒ done,
/// not switched ⇒ failed ("not applied"); if it cannot be read either, the ambiguous error
/// stands and the audit records "unknown". A confirmed switch whose read-back fails is `on`.
pub async fn set_mute_all(s: &Session, group_id: &str, on: bool, reason: Option<&str>) -> Recorded<Result<bool, ApiError>> {
    let result = match s.backend.set_mute_all(group_id, on).await {
        Ok(()) => Ok(s.backend.mute_all(group_id).await.unwrap_or(on)),
        Err(e) if e.is_ambiguous() => match s.backend.mute_all(group_id).await {
            Ok(now) if now == on => Ok(now),
            Ok(_) => Err(crate::backend::bulk::not_applied(&e)),
            Err(_) => Err(e),
        },
        Err(e) => Err(e),
    };
    let action = if on { "mute-all on" } else { "mute-all off" };
    s.record_change(action, group_id, reason, result).await
}

pub async fn transfer_owner(s: &Session, group_id: &str, new_owner: &str, old_owner_leaves: bool, reason: Option<&str>) -> Change {
    let result = s.backend.transfer_owner(group_id, new_owner, old_owner_leaves).await;
    let action = if old_owner_leaves { "transfer ownership (old owner leaves)" } else { "transfer ownership" };
    let mut entry = s.entry(action, group_id, reason);
    entry.users = vec![new_owner.to_owned()];
    let entry = entry.with_result(&result);
    s.record(entry, result).await
}

/// RongCloud: who may speak while the group is muted-all.
pub async fn allowlist(s: &Session, group_id: &str) -> Result<Vec<String>, ApiError> {
    match s.backend.rongcloud() {
        Some(c) => c.allowlist(group_id).await,
        None => Ok(Vec::new()),
    }
}

/// How many members are muted in the group now (RongCloud's gag list, Tencent's muted list).
pub async fn muted_count(s: &Session, group_id: &str) -> Result<usize, ApiError> {
    if let Some(c) = s.backend.tencent() {
        let now = crate::backend::tencent::credentials::unix_now();
        return Ok(c.muted(group_id, None).await?.into_iter().filter(|m| m.muted_until > now).count());
    }
    match s.backend.rongcloud() {
        Some(c) => Ok(c.muted(Some(group_id)).await?.len()),
        None => Ok(0),
    }
}

/// Writes members as CSV with the chosen columns on a blocking thread, reporting rows written.
pub async fn export_csv(path: PathBuf, rows: Vec<Member>, columns: Vec<&'static str>, bom: bool, progress: impl FnMut(usize) + Send + 'static) -> std::io::Result<usize> {
    let n = rows.len();
    tokio::task::spawn_blocking(move || {
        let f = std::fs::File::create(&path)?;
        super::csv::write_members_progress(std::io::BufWriter::new(f), &rows, &columns, bom, progress)
    })
    .await
    .map_err(std::io::Error::other)??;
    Ok(n)
}

/// Writes a bulk report as CSV (one row per user) with the service's code explanations.
pub fn write_report(s: &Session, path: &std::path::Path, report: &BulkReport) -> std::io::Result<()> {
    write_report_file(path, report, s.backend.service())
}

/// The same, for a report whose connection may be gone (blocking).
pub fn write_report_file(path: &std::path::Path, report: &BulkReport, service: crate::model::Service) -> std::io::Result<()> {
    let file = std::fs::File::create(path)?;
    super::csv::write_report(std::io::BufWriter::new(file), report, |c| super::rules::explain(service, c))
}
