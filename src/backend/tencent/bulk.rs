//! Bulk work on lists of members, on the neutral engine of [`crate::backend::bulk`]: the group's
//! type is checked (Work cannot mute, AVChatRoom cannot add or kick), the owner and non-members
//! are screened out with the reason (`get_role_in_group`, 500 per call), then the list goes out
//! in chunks of the command's maximum — mute 500, kick 100, add 300 — and every user gets one
//! outcome, in the order given.
//!
//! `forbid_send_msg` and `delete_group_member` answer nothing per member, so their outcomes are
//! **built by reading the state back** (the muted list, the members' roles): a user is done when
//! the state the action aimed at holds, failed when it does not. `add_group_member` answers a
//! `Result` per member (1 added, 2 already a member, 3 awaiting approval, 0 failed); users it
//! leaves out, and every user of a chunk whose answer was lost, are read back too. Only when the
//! state cannot be read does a user stay "unknown — may have been applied": never a false
//! "failed" or "done".
//!
//! Also: whole member lists — Offset pages fetched in parallel once the first page tells
//! `MemberNum`, or the Community cursor walked sequentially — as a list or as a stream of pages.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};

use super::check;
use super::client::Client;
use super::limits;
use super::members::{MemberFilter, PageAt};
use super::types::*;
use crate::backend::bulk::run_chunks;
use crate::model::bulk::{BulkReport, Control, ItemOutcome, Outcome};
use crate::model::error::ApiError;
use crate::protocol::tencent::codes::{RESULT_ALREADY_MEMBER, RESULT_AWAITING, RESULT_FAILED, RESULT_OK};

const FORBID: &str = "group_open_http_svc/forbid_send_msg";
const DELETE: &str = "group_open_http_svc/delete_group_member";
const ADD: &str = "group_open_http_svc/add_group_member";

/// Trims, drops blanks and repeats; invalid account ids are skipped with the reason.
pub fn prepare(path: &str, ids: &[String]) -> (Vec<String>, Vec<ItemOutcome>) {
    crate::backend::bulk::prepare(ids, |id| check::account(path, "Member_Account", id))
}

/// Every listed user failed with `e` (one outcome per entry, as the chunk engine reports).
pub fn failed_report(users: &[String], e: &ApiError) -> BulkReport {
    let items = users.iter().map(|u| u.trim()).filter(|u| !u.is_empty()).map(|u| ItemOutcome { user_id: u.to_owned(), outcome: Outcome::failed(e) }).collect();
    BulkReport { items, request_ids: Vec::new() }
}

/// What the state read back says about each user the action was sent for.
fn apply_read_back(report: &mut BulkReport, sent: &HashSet<String>, holds: &HashSet<String>, what: &str) {
    for item in &mut report.items {
        if !sent.contains(&item.user_id) {
            continue;
        }
        let request_id = item.outcome.request_id().map(str::to_owned);
        item.outcome = match &item.outcome {
            Outcome::Done | Outcome::Unknown { .. } if holds.contains(&item.user_id) => Outcome::Done,
            Outcome::Done => Outcome::Failed { code: None, message: format!("the service accepted the call, but the state read back shows the member not {what}"), request_id },
            Outcome::Unknown { .. } => Outcome::Failed { code: None, message: "not applied: the answer was lost and the state read back shows no change".into(), request_id },
            other => other.clone(),
        };
    }
}

impl Client {
    /// The group's type and owner, as bulk work needs them.
    pub async fn type_and_owner(&self, group_id: &str) -> Result<(GroupType, String), ApiError> {
        let filter = ResponseFilter { base: Some(vec!["Type".into(), "Owner_Account".into()]), ..Default::default() };
        let g = self.group(group_id, &filter).await?;
        let t = g.group_type.ok_or_else(|| ApiError::invalid("", "GroupId", format!("group {group_id} has a type this client does not know")))?;
        Ok((t, g.owner))
    }

    /// Splits users into those to act on and the decided ones: when `members_only`, the owner
    /// and non-members (in groups that store members). Answers the group type too.
    async fn screen(&self, path: &str, group_id: &str, users: &[String], members_only: bool) -> Result<(GroupType, Vec<String>, Vec<ItemOutcome>), ApiError> {
        check::group_id(path, "GroupId", group_id)?;
        let (send, mut decided) = prepare(path, users);
        let (group_type, owner) = self.type_and_owner(group_id).await?;
        let roles: HashMap<String, Role> = if members_only && group_type.has_member_list() && !send.is_empty() {
            self.roles_all(group_id, &send).await?.into_iter().filter_map(|r| Some((r.account, r.role?))).collect()
        } else {
            HashMap::new()
        };
        let mut act = Vec::new();
        for u in send {
            let role = roles.get(&u).copied();
            if members_only && (u == owner || role == Some(Role::Owner)) {
                decided.push(ItemOutcome { user_id: u, outcome: Outcome::skipped("group owner: transfer ownership first") });
            } else if members_only && group_type.has_member_list() && role.is_none_or(|r| r == Role::NotMember) {
                decided.push(ItemOutcome { user_id: u, outcome: Outcome::skipped("not a member of the group") });
            } else {
                act.push(u);
            }
        }
        Ok((group_type, act, decided))
    }

    /// Of `users`, those muted in the group now.
    async fn muted_now(&self, group_id: &str) -> Result<HashSet<String>, ApiError> {
        match self.muted(group_id, None).await {
            Ok(list) => Ok(list.into_iter().filter(|m| m.muted_until > 0).map(|m| m.account).collect()),
            // More muted members than one answer holds (over 1 MB, 10018; the command has no
            // paging): read each member's mute end from the member pages instead.
            Err(e) if e.code == Some(10018) => {
                let (t, _) = self.type_and_owner(group_id).await?;
                let now = super::credentials::unix_now();
                Ok(self.all_members(group_id, t, &MemberFilter::default(), None).await?.into_iter().filter(|m| m.mute_until > now).map(|m| m.account).collect())
            }
            Err(e) => Err(e),
        }
    }

    /// Of `users`, those who are members now.
    async fn members_now(&self, group_id: &str, users: &[String]) -> Result<HashSet<String>, ApiError> {
        Ok(self.roles_all(group_id, users).await?.into_iter().filter(|r| r.role.is_some_and(|r| r != Role::NotMember)).map(|r| r.account).collect())
    }

    /// Mutes members for `seconds` (4294967295 permanent), 500 per call; the owner and
    /// non-members are skipped with the reason; outcomes from the muted list read back.
    pub async fn mute_members(&self, group_id: &str, users: &[String], seconds: u64, ctl: &Control) -> BulkReport {
        if seconds == 0 {
            return failed_report(users, &ApiError::invalid(FORBID, "MuteTime", "0 unmutes; use unmute"));
        }
        if let Err(e) = check::mute_seconds(FORBID, "MuteTime", seconds) {
            return failed_report(users, &e);
        }
        self.forbid_bulk(group_id, users, seconds, ctl).await
    }

    /// Unmutes users, 500 per call (members or not: a mute survives leaving the group).
    pub async fn unmute_members(&self, group_id: &str, users: &[String], ctl: &Control) -> BulkReport {
        self.forbid_bulk(group_id, users, 0, ctl).await
    }

    async fn forbid_bulk(&self, group_id: &str, users: &[String], seconds: u64, ctl: &Control) -> BulkReport {
        let (group_type, act, decided) = match self.screen(FORBID, group_id, users, seconds > 0).await {
            Ok(s) => s,
            Err(e) => return failed_report(users, &e),
        };
        if !group_type.can_mute() {
            return failed_report(users, &ApiError::invalid(FORBID, "GroupId", format!("a {} group cannot mute members", group_type.product_name())));
        }
        let sent: HashSet<String> = act.iter().cloned().collect();
        let mut report = run_chunks(users, act, limits::MUTE_ACCOUNTS_MAX, self.config().bulk_concurrency, ctl, decided, |c| async move {
            self.forbid_send_msg(group_id, &c, seconds, None).await.map(|_| Vec::new())
        })
        .await;
        self.read_back(&mut report, &sent, ctl, if seconds > 0 { "muted" } else { "unmuted" }, async {
            let muted = self.muted_now(group_id).await?;
            Ok(if seconds > 0 { sent.iter().filter(|u| muted.contains(*u)).cloned().collect() } else { sent.iter().filter(|u| !muted.contains(*u)).cloned().collect() })
        })
        .await;
        report
    }

    /// Settles every sent user's outcome from the state read back; if the read fails, the
    /// outcomes stay as answered (lost ones unknown).
    async fn read_back(&self, report: &mut BulkReport, sent: &HashSet<String>, ctl: &Control, what: &str, holds: impl std::future::Future<Output = Result<HashSet<String>, ApiError>>) {
        if sent.is_empty() || ctl.cancel.is_cancelled() && !report.items.iter().any(|i| matches!(i.outcome, Outcome::Unknown { .. })) {
            return;
        }
        match holds.await {
            Ok(h) => apply_read_back(report, sent, &h, what),
            Err(e) => tracing::warn!(error = %e, "the state could not be read back; lost answers stay unknown"),
        }
        if let Some(p) = &ctl.progress {
            p(report.progress());
        }
    }

    /// Removes members, 100 per call; outcomes from the members' roles read back.
    pub async fn kick_members(&self, group_id: &str, users: &[String], ctl: &Control) -> BulkReport {
        let (group_type, act, decided) = match self.screen(DELETE, group_id, users, true).await {
            Ok(s) => s,
            Err(e) => return failed_report(users, &e),
        };
        if !group_type.can_add_and_kick() {
            return failed_report(users, &ApiError::invalid(DELETE, "GroupId", "an AVChatRoom has no member list: members cannot be kicked (mute or ban them)"));
        }
        let sent: HashSet<String> = act.iter().cloned().collect();
        let mut report = run_chunks(users, act, limits::DELETE_MEMBERS_MAX, self.config().bulk_concurrency, ctl, decided, |c| async move {
            self.delete_members(group_id, &c, false, "").await.map(|_| Vec::new())
        })
        .await;
        let list: Vec<String> = sent.iter().cloned().collect();
        self.read_back(&mut report, &sent, ctl, "removed", async {
            let members = self.members_now(group_id, &list).await?;
            Ok(sent.iter().filter(|u| !members.contains(*u)).cloned().collect())
        })
        .await;
        report
    }

    /// Adds members, 300 per call, with the per-member `Result`; existing members are skipped
    /// first, so a `Result` 2 after a repeated call is our own earlier success.
    pub async fn add_members_bulk(&self, group_id: &str, users: &[String], ctl: &Control) -> BulkReport {
        let (group_type, send, mut decided) = match self.screen(ADD, group_id, users, false).await {
            Ok(s) => s,
            Err(e) => return failed_report(users, &e),
        };
        if !group_type.can_add_and_kick() {
            return failed_report(users, &ApiError::invalid(ADD, "GroupId", "members cannot be added to an AVChatRoom (10007)"));
        }
        let existing = match self.members_now(group_id, &send).await {
            Ok(m) => m,
            Err(e) => return failed_report(users, &e),
        };
        let mut act = Vec::new();
        for u in send {
            if existing.contains(&u) {
                decided.push(ItemOutcome { user_id: u, outcome: Outcome::skipped("already a member") });
            } else {
                act.push(u);
            }
        }
        // Accounts that do not exist fail by name before anything is sent (account_check).
        let mut unknown = HashSet::new();
        for chunk in act.chunks(limits::ACCOUNT_IMPORT_MAX) {
            match self.check_accounts(chunk).await {
                Ok(statuses) => unknown.extend(statuses.into_iter().filter(|s| !s.imported()).map(|s| s.user_id)),
                Err(e) => tracing::warn!(error = %e, "accounts not checked before adding"),
            }
        }
        act.retain(|u| {
            if unknown.contains(u) {
                let outcome = Outcome::Failed { code: Some(crate::protocol::tencent::codes::NO_SUCH_ACCOUNT as u32), message: "no such account".into(), request_id: None };
                decided.push(ItemOutcome { user_id: u.clone(), outcome });
                false
            } else {
                true
            }
        });
        let sent: HashSet<String> = act.iter().cloned().collect();
        let results: Mutex<HashMap<String, u8>> = Mutex::new(HashMap::new());
        let results_ref = &results;
        let mut report = run_chunks(users, act, limits::ADD_MEMBERS_MAX, self.config().bulk_concurrency, ctl, decided, |c| async move {
            let answered = self.add_members(group_id, &c, false).await?;
            let mut left_out = Vec::new();
            let mut r = results_ref.lock().unwrap_or_else(|p| p.into_inner());
            for m in answered {
                if m.result == RESULT_AWAITING {
                    left_out.push((m.account.clone(), "invited: awaiting the user's approval".to_owned()));
                }
                r.insert(m.account, m.result);
            }
            Ok(left_out)
        })
        .await;
        let results = results.into_inner().unwrap_or_else(|p| p.into_inner());
        // Failed members become failures; members the answer left out are read back.
        let mut open = HashSet::new();
        for item in &mut report.items {
            if !sent.contains(&item.user_id) || item.outcome != Outcome::Done {
                if matches!(item.outcome, Outcome::Unknown { .. }) {
                    open.insert(item.user_id.clone());
                }
                continue;
            }
            match results.get(&item.user_id).copied() {
                Some(RESULT_OK) | Some(RESULT_ALREADY_MEMBER) => {}
                Some(RESULT_FAILED) => item.outcome = Outcome::Failed { code: None, message: "the service refused to add this member (Result 0)".into(), request_id: None },
                _ => {
                    item.outcome = Outcome::Unknown { message: "the answer did not list this member".into(), request_id: None };
                    open.insert(item.user_id.clone());
                }
            }
        }
        let list: Vec<String> = open.iter().cloned().collect();
        self.read_back(&mut report, &open, ctl, "added", async { self.members_now(group_id, &list).await }).await;
        report
    }

    /// Pages of a group's members as they arrive: after the first page (which tells
    /// `MemberNum`), the other Offset pages in parallel, in order; a Community's cursor pages
    /// one after the other.
    pub fn member_pages<'a>(&'a self, group_id: &'a str, group_type: GroupType, filter: &'a MemberFilter) -> BoxStream<'a, Result<MemberPage, ApiError>> {
        let size = limits::MEMBER_PAGE_MAX;
        if group_type.cursor_paging() {
            return futures::stream::try_unfold(Some(String::new()), move |cursor| async move {
                let Some(cursor) = cursor else { return Ok(None) };
                let page = self.member_page(group_id, PageAt::Next(cursor.clone()), size, filter).await?;
                let next = (!page.next.is_empty() && page.next != cursor && !page.members.is_empty()).then(|| page.next.clone());
                Ok(Some((page, next)))
            })
            .boxed();
        }
        let concurrency = self.config().bulk_concurrency.max(1);
        futures::stream::once(self.member_page(group_id, PageAt::Offset(0), size, filter))
            .map(move |first| match first {
                Err(e) => futures::stream::once(futures::future::ready(Err(e))).boxed(),
                Ok(page) => {
                    let full = page.members.len() as u64 >= u64::from(size);
                    let total = if full { page.member_num } else { 0 };
                    let offsets: Vec<u32> = (u64::from(size)..total).step_by(size as usize).map(|o| o as u32).collect();
                    let rest = futures::stream::iter(offsets).map(move |o| self.member_page(group_id, PageAt::Offset(o), size, filter)).buffered(concurrency);
                    futures::stream::once(futures::future::ready(Ok(page))).chain(rest).boxed()
                }
            })
            .flatten()
            .boxed()
    }

    /// Every member of a group (each account once), with progress (fetched, total).
    pub async fn all_members(&self, group_id: &str, group_type: GroupType, filter: &MemberFilter, progress: Option<&(dyn Fn(usize, usize) + Send + Sync)>) -> Result<Vec<MemberInfo>, ApiError> {
        if !group_type.has_member_list() {
            return Ok(Vec::new());
        }
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        let mut pages = self.member_pages(group_id, group_type, filter);
        while let Some(page) = pages.try_next().await? {
            let total = page.member_num as usize;
            out.extend(page.members.into_iter().filter(|m| seen.insert(m.account.clone())));
            if let Some(p) = progress {
                p(out.len(), total.max(out.len()));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(items: &[(&str, Outcome)]) -> BulkReport {
        BulkReport { items: items.iter().map(|(u, o)| ItemOutcome { user_id: (*u).into(), outcome: o.clone() }).collect(), request_ids: vec![] }
    }

    #[test]
    fn read_back_decides_done_failed_and_leaves_the_rest() {
        let lost = Outcome::Unknown { message: "lost".into(), request_id: Some("7".into()) };
        let mut r = report(&[("a", Outcome::Done), ("b", Outcome::Done), ("c", lost.clone()), ("d", lost), ("e", Outcome::skipped("owner"))]);
        let sent: HashSet<String> = ["a", "b", "c", "d"].map(String::from).into();
        let holds: HashSet<String> = ["a", "c"].map(String::from).into();
        apply_read_back(&mut r, &sent, &holds, "muted");
        assert_eq!(r.outcome_of("a"), Some(&Outcome::Done));
        assert!(matches!(r.outcome_of("b"), Some(Outcome::Failed { .. })));
        assert_eq!(r.outcome_of("c"), Some(&Outcome::Done));
        assert!(matches!(r.outcome_of("d"), Some(Outcome::Failed { request_id: Some(id), .. }) if id == "7"));
        assert_eq!(r.outcome_of("e"), Some(&Outcome::skipped("owner")));
    }

    #[test]
    fn chunk_sizes_are_the_documented_maxima() {
        assert_eq!((limits::MUTE_ACCOUNTS_MAX, limits::DELETE_MEMBERS_MAX, limits::ADD_MEMBERS_MAX), (500, 100, 300));
        let (send, decided) = prepare(FORBID, &[" a ".into(), "a".into(), "".into(), "x".repeat(33)]);
        assert_eq!(send, ["a"]);
        assert_eq!(decided.len(), 1);
    }
}
