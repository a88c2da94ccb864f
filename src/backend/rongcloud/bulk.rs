//! RongCloud's bulk work on lists of users, on the neutral engine of [`crate::backend::bulk`]:
//! the owner is screened out first, then the list goes out in chunks of the endpoint's maximum
//! (20 for mutes and the allowlist, 100 hosted, 1000 legacy). Also: paged queries as streams,
//! and whole member lists assembled as fast as the API allows.
//!
//! Under faults. Mute and kick act on members only; in a hosted group the membership of the
//! whole list is read in one wave before the first chunk, and when that read fails (after the
//! read budget, [`super::ClientConfig::read_retries`]) each chunk checks its own members just
//! before it is sent, so a check that fails fails that chunk alone, as "not sent", never the
//! whole job. A change whose answers were all lost is settled by reading the state back
//! ([`settle`]): done if it holds, failed ("not applied") if not, unknown only if that read
//! fails too. Reads are safe to repeat and get the larger budget; changes keep `max_retries`.

use std::collections::{HashMap, HashSet};
use std::future::Future;

use futures::{Stream, StreamExt, TryStreamExt};

use super::check;
use super::client::Client;
use super::error::{ApiError, ErrorKind};
pub use crate::model::bulk::{BulkReport, Control, ItemOutcome, Outcome, Progress, ProgressFn};
use super::limits;
use super::neutral::capabilities;
use super::types::*;
use crate::backend::bulk::settle;

/// A group as bulk work sees it.
#[derive(Clone, Debug)]
pub enum GroupKind {
    Hosted(Box<GroupInfo>),
    /// A legacy group, with its member ids.
    Legacy(HashSet<String>),
}

/// Trims, drops blanks and repeats; ids breaking the §6 id rule are skipped with the reason.
pub fn prepare(path: &str, ids: &[String]) -> (Vec<String>, Vec<ItemOutcome>) {
    crate::backend::bulk::prepare(ids, |id| check::user_id(path, "userId", id))
}

impl Client {
    /// The neutral chunk engine with this client's concurrency.
    pub async fn run_chunks<F, Fut>(&self, original: &[String], items: Vec<String>, per_call: usize, ctl: &Control, decided: Vec<ItemOutcome>, call: F) -> BulkReport
    where
        F: Fn(Vec<String>) -> Fut,
        Fut: Future<Output = Result<Vec<(String, String)>, ApiError>>,
    {
        crate::backend::bulk::run_chunks(original, items, per_call, self.config().bulk_concurrency, ctl, decided, call).await
    }

    /// Whether the group is hosted (with its profile) or legacy (with its members).
    pub async fn group_kind(&self, group_id: &str) -> Result<GroupKind, ApiError> {
        match self.group_info(group_id).await? {
            Some(info) => Ok(GroupKind::Hosted(Box::new(info))),
            None => {
                let members: HashSet<String> = self.group_members(group_id).await?.into_iter().collect();
                if members.is_empty() {
                    // Legacy calls would create it silently; a console must not.
                    return Err(super::neutral::no_such_group(group_id));
                }
                Ok(GroupKind::Legacy(members))
            }
        }
    }

    /// Roles of the listed users who are members of a hosted group (chunked specific queries).
    pub async fn membership(&self, group_id: &str, users: &[String]) -> Result<HashMap<String, MemberRole>, ApiError> {
        let chunks: Vec<Vec<String>> = users.chunks(limits::ENTRUST_USERS_PER_CALL).map(<[String]>::to_vec).collect();
        let found: Vec<Vec<Member>> = futures::stream::iter(chunks)
            .map(|c| async move { self.members_by_id(group_id, &c).await })
            .buffer_unordered(self.config().bulk_concurrency.max(1))
            .try_collect()
            .await?;
        Ok(found.into_iter().flatten().map(|m| (m.user_id, m.role)).collect())
    }

    /// Splits `users` into those to act on and skipped ones: the owner (never acted on by a
    /// bulk operation) and, for a legacy group when `members_only`, users who are not members.
    /// Hosted membership is checked by [`Self::chunk_members`].
    async fn screen(&self, path: &str, group_id: &str, users: &[String], members_only: bool) -> Result<(GroupKind, Vec<String>, Vec<ItemOutcome>), ApiError> {
        check::group_id(path, "groupId", group_id)?;
        let (send, mut decided) = prepare(path, users);
        let kind = self.group_kind(group_id).await?;
        let (owner, members): (Option<String>, Option<HashSet<String>>) = match &kind {
            GroupKind::Hosted(info) => (Some(info.owner.clone()), None),
            GroupKind::Legacy(m) => (None, members_only.then(|| m.clone())),
        };
        let mut act = Vec::new();
        for u in send {
            if owner.as_deref() == Some(u.as_str()) {
                decided.push(ItemOutcome { user_id: u, outcome: Outcome::skipped("group owner: transfer ownership first") });
            } else if members.as_ref().is_some_and(|m| !m.contains(&u)) {
                decided.push(ItemOutcome { user_id: u, outcome: Outcome::skipped("not a member of the group") });
            } else {
                act.push(u);
            }
        }
        Ok((kind, act, decided))
    }

    /// The membership check of one chunk of a hosted group's bulk work, made just before the
    /// chunk is sent: the chunk's non-members (to skip, with the reason) and its members (to
    /// send). A check that fails even after the read budget fails only this chunk — as a plain
    /// failure, since nothing was sent — never the whole job.
    async fn members_in_chunk(&self, path: &str, group_id: &str, chunk: Vec<String>) -> Result<(Vec<String>, Vec<(String, String)>), ApiError> {
        let found = self.membership(group_id, &chunk).await.map_err(|e| {
            let mut e = ApiError::invalid(path, "userIds", format!("not sent: the membership check before the change failed: {}", e.message));
            e.kind = ErrorKind::Server;
            e
        })?;
        let (members, others): (Vec<String>, Vec<String>) = chunk.into_iter().partition(|u| found.contains_key(u));
        Ok((members, others.into_iter().map(|u| (u, "not a member of the group".to_owned())).collect()))
    }

    /// The hosted membership of everyone a job acts on, read at once before the first chunk
    /// (the fast path: one wave of reads). `None` when the group is legacy or the read failed:
    /// then each chunk checks its own members ([`Self::members_in_chunk`]).
    async fn membership_up_front(&self, kind: &GroupKind, group_id: &str, act: &[String]) -> Option<HashSet<String>> {
        match kind {
            GroupKind::Hosted(_) => self.membership(group_id, act).await.ok().map(|m| m.into_keys().collect()),
            GroupKind::Legacy(_) => None,
        }
    }

    /// A chunk's members to send and non-members to skip: from the membership read up front
    /// when there is one, else from the chunk's own check.
    async fn chunk_members(&self, path: &str, group_id: &str, known: Option<&HashSet<String>>, chunk: Vec<String>) -> Result<(Vec<String>, Vec<(String, String)>), ApiError> {
        let Some(known) = known else { return self.members_in_chunk(path, group_id, chunk).await };
        let (members, others): (Vec<String>, Vec<String>) = chunk.into_iter().partition(|u| known.contains(u));
        Ok((members, others.into_iter().map(|u| (u, "not a member of the group".to_owned())).collect()))
    }

    fn failed_report(users: &[String], e: &ApiError) -> BulkReport {
        BulkReport { items: users.iter().map(|u| ItemOutcome { user_id: u.clone(), outcome: Outcome::failed(e) }).collect(), request_ids: Vec::new() }
    }

    /// Mutes members for `minutes` (0 = permanent), 20 per call. The owner and non-members are
    /// skipped with the reason.
    pub async fn mute_members(&self, group_id: &str, users: &[String], minutes: u32, ctl: &Control) -> BulkReport {
        const P: &str = "/group/user/gag/add.json";
        if minutes > limits::MUTE_MINUTES_MAX {
            return Self::failed_report(users, &ApiError::invalid(P, "minutes", format!("at most {} (30 days; 0 = permanent), got {minutes}", limits::MUTE_MINUTES_MAX)));
        }
        let (kind, act, decided) = match self.screen(P, group_id, users, true).await {
            Ok(s) => s,
            Err(e) => return Self::failed_report(users, &e),
        };
        let hosted = matches!(kind, GroupKind::Hosted(_));
        let known = self.membership_up_front(&kind, group_id, &act).await;
        let known = known.as_ref();
        let mut report = self
            .run_chunks(users, act, capabilities(true).batch.mute, ctl, decided, |c| async move {
                let (send, left) = if hosted { self.chunk_members(P, group_id, known, c).await? } else { (c, Vec::new()) };
                if !send.is_empty() {
                    self.mute(Some(group_id), &send, minutes).await?;
                }
                Ok(left)
            })
            .await;
        settle(&mut report, ctl, |open| async move { Ok(self.muted_among(group_id, open).await?.0) }).await;
        report
    }

    /// Unmutes users, 20 per call (anyone may be unmuted, members or not).
    pub async fn unmute_members(&self, group_id: &str, users: &[String], ctl: &Control) -> BulkReport {
        const P: &str = "/group/user/gag/rollback.json";
        if let Err(e) = check::group_id(P, "groupId", group_id) {
            return Self::failed_report(users, &e);
        }
        let (send, decided) = prepare(P, users);
        let mut report = self
            .run_chunks(users, send, capabilities(true).batch.mute, ctl, decided, |c| async move {
                self.unmute(Some(group_id), &c).await.map(|_| Vec::new())
            })
            .await;
        settle(&mut report, ctl, |open| async move { Ok(self.muted_among(group_id, open).await?.1) }).await;
        report
    }

    /// Removes members: hosted groups 100 per call with the keep/remove options, legacy groups
    /// 1000 per call. The owner and non-members are skipped with the reason.
    pub async fn kick_members(&self, group_id: &str, users: &[String], o: LeaveOptions, ctl: &Control) -> BulkReport {
        const P: &str = "/entrust/group/member/kick.json";
        let (kind, act, decided) = match self.screen(P, group_id, users, true).await {
            Ok(s) => s,
            Err(e) => return Self::failed_report(users, &e),
        };
        let hosted = matches!(kind, GroupKind::Hosted(_));
        let known = self.membership_up_front(&kind, group_id, &act).await;
        let known = known.as_ref();
        let mut report = self
            .run_chunks(users, act, capabilities(hosted).batch.kick, ctl, decided, |c| async move {
                if !hosted {
                    return self.group_quit(group_id, &c).await.map(|_| Vec::new());
                }
                let (send, left) = self.chunk_members(P, group_id, known, c).await?;
                if !send.is_empty() {
                    self.kick(group_id, &send, o).await?;
                }
                Ok(left)
            })
            .await;
        settle(&mut report, ctl, |open| async move { Ok(self.members_among(group_id, open, hosted).await?.1) }).await;
        report
    }

    /// Adds members: hosted groups 100 per call (existing members skipped; a lost answer is
    /// reconciled by reading membership back, and only users still missing are sent again),
    /// legacy groups 1000 per call.
    pub async fn add_members(&self, group_id: &str, users: &[String], ctl: &Control) -> BulkReport {
        const P: &str = "/entrust/group/join.json";
        if let Err(e) = check::group_id(P, "groupId", group_id) {
            return Self::failed_report(users, &e);
        }
        let (send, mut decided) = prepare(P, users);
        let kind = match self.group_kind(group_id).await {
            Ok(k) => k,
            Err(e) => return Self::failed_report(users, &e),
        };
        match kind {
            GroupKind::Hosted(_) => {
                let existing = match self.membership(group_id, &send).await {
                    Ok(m) => m,
                    Err(e) => return Self::failed_report(users, &e),
                };
                let mut act = Vec::new();
                for u in send {
                    if existing.contains_key(&u) {
                        decided.push(ItemOutcome { user_id: u, outcome: Outcome::skipped("already a member") });
                    } else {
                        act.push(u);
                    }
                }
                let mut report = self
                    .run_chunks(users, act, capabilities(true).batch.add, ctl, decided, |c| async move { self.join_reconciled(group_id, c).await })
                    .await;
                settle(&mut report, ctl, |open| async move { Ok(self.members_among(group_id, open, true).await?.0) }).await;
                report
            }
            GroupKind::Legacy(_) => {
                let mut report = self
                    .run_chunks(users, send, capabilities(false).batch.add, ctl, decided, |c| async move {
                        self.group_join(group_id, &c, None).await.map(|_| Vec::new())
                    })
                    .await;
                settle(&mut report, ctl, |open| async move { Ok(self.members_among(group_id, open, false).await?.0) }).await;
                report
            }
        }
    }

    /// Of `users`: (muted in the group, not muted in the group).
    async fn muted_among(&self, group_id: &str, users: Vec<String>) -> Result<(HashSet<String>, HashSet<String>), ApiError> {
        let muted: HashSet<String> = self.muted(Some(group_id)).await?.into_iter().map(|m| m.user_id).collect();
        Ok(users.into_iter().partition(|u| muted.contains(u)))
    }

    /// Of `users`: (members of the group, not members).
    async fn members_among(&self, group_id: &str, users: Vec<String>, hosted: bool) -> Result<(HashSet<String>, HashSet<String>), ApiError> {
        let members: HashSet<String> = if hosted {
            self.membership(group_id, &users).await?.into_keys().collect()
        } else {
            self.group_members(group_id).await?.into_iter().collect()
        };
        Ok(users.into_iter().partition(|u| members.contains(u)))
    }

    /// Hosted join that survives lost answers: after an ambiguous failure, reads membership
    /// back and sends only the users still missing (at most a few rounds).
    async fn join_reconciled(&self, group_id: &str, mut users: Vec<String>) -> Result<Vec<(String, String)>, ApiError> {
        let mut last_error = None;
        for _ in 0..=self.config().max_retries {
            match self.join_group(group_id, &users).await {
                Ok(_) => return Ok(Vec::new()),
                Err(e) if e.is_ambiguous() => {
                    let now = self.membership(group_id, &users).await?;
                    users.retain(|u| !now.contains_key(u));
                    if users.is_empty() {
                        return Ok(Vec::new());
                    }
                    last_error = Some(e);
                }
                Err(e) => return Err(e),
            }
        }
        Err(last_error.unwrap_or_else(|| ApiError::transport("/entrust/group/join.json", "", "join did not complete")))
    }

    /// Adds users to the mute-all allowlist, 20 per call.
    pub async fn allowlist_add_users(&self, group_id: &str, users: &[String], ctl: &Control) -> BulkReport {
        self.allowlist_bulk(group_id, users, ctl, true).await
    }

    /// Removes users from the mute-all allowlist, 20 per call.
    pub async fn allowlist_remove_users(&self, group_id: &str, users: &[String], ctl: &Control) -> BulkReport {
        self.allowlist_bulk(group_id, users, ctl, false).await
    }

    async fn allowlist_bulk(&self, group_id: &str, users: &[String], ctl: &Control, add: bool) -> BulkReport {
        const P: &str = "/group/user/ban/whitelist/add.json";
        if let Err(e) = check::group_id(P, "groupId", group_id) {
            return Self::failed_report(users, &e);
        }
        let (send, decided) = prepare(P, users);
        let mut report = self
            .run_chunks(users, send, capabilities(true).batch.allowlist, ctl, decided, |c| async move {
                if add { self.allowlist_add(group_id, &c).await } else { self.allowlist_remove(group_id, &c).await }.map(|_| Vec::new())
            })
            .await;
        settle(&mut report, ctl, |open| async move {
            let listed: HashSet<String> = self.allowlist(group_id).await?.into_iter().collect();
            let (on, off): (HashSet<String>, HashSet<String>) = open.into_iter().partition(|u| listed.contains(u));
            Ok(if add { on } else { off })
        })
        .await;
        report
    }

    /// Profiles of any number of hosted groups (50 per call, concurrently).
    pub async fn group_profiles_all(&self, group_ids: &[String]) -> Result<Vec<GroupInfo>, ApiError> {
        let chunks: Vec<Vec<String>> = group_ids.chunks(limits::PROFILE_QUERY_MAX).map(<[String]>::to_vec).collect();
        let pages: Vec<Vec<GroupInfo>> = futures::stream::iter(chunks)
            .map(|c| async move { self.group_profiles(&c).await })
            .buffered(self.config().bulk_concurrency.max(1))
            .try_collect()
            .await?;
        Ok(pages.into_iter().flatten().collect())
    }

    /// Pages of a hosted group's members, as a stream.
    pub fn member_pages<'a>(&'a self, group_id: &'a str, role: RoleFilter, order: Order, size: u32) -> impl Stream<Item = Result<MemberPage, ApiError>> + 'a {
        futures::stream::try_unfold(Some(String::new()), move |token| async move {
            let Some(token) = token else { return Ok(None) };
            let page = self.member_page(group_id, role, &token, size, order).await?;
            let next = (!page.page_token.is_empty()).then(|| page.page_token.clone());
            Ok(Some((page, next)))
        })
    }

    /// Every member of a hosted group. Pages are fetched from both ends at once (ascending and
    /// descending by join time) until they meet, halving the sequential round trips.
    pub async fn all_members(&self, group_id: &str, progress: Option<&(dyn Fn(usize, usize) + Send + Sync)>) -> Result<Vec<Member>, ApiError> {
        let size = limits::MEMBER_PAGE_MAX;
        let (mut asc, mut desc) = futures::try_join!(
            self.member_page(group_id, RoleFilter::All, "", size, Order::Ascending),
            self.member_page(group_id, RoleFilter::All, "", size, Order::Descending),
        )?;
        let total = asc.total_count.max(0) as usize;
        let mut seen: HashMap<String, Member> = HashMap::with_capacity(total);
        loop {
            let mut met = false;
            for m in asc.members.drain(..) {
                seen.insert(m.user_id.clone(), m);
            }
            for m in desc.members.drain(..) {
                met |= seen.insert(m.user_id.clone(), m).is_some();
            }
            if let Some(p) = progress {
                p(seen.len().min(total), total);
            }
            if met || seen.len() >= total || (asc.page_token.is_empty() && desc.page_token.is_empty()) {
                break;
            }
            (asc, desc) = match (asc.page_token.is_empty(), desc.page_token.is_empty()) {
                (false, false) => futures::try_join!(
                    self.member_page(group_id, RoleFilter::All, &asc.page_token, size, Order::Ascending),
                    self.member_page(group_id, RoleFilter::All, &desc.page_token, size, Order::Descending),
                )?,
                (false, true) => (self.member_page(group_id, RoleFilter::All, &asc.page_token, size, Order::Ascending).await?, empty_page()),
                (true, false) => (empty_page(), self.member_page(group_id, RoleFilter::All, &desc.page_token, size, Order::Descending).await?),
                (true, true) => unreachable!("checked above"),
            };
        }
        let mut all: Vec<Member> = seen.into_values().collect();
        all.sort_by(|a, b| a.time.cmp(&b.time).then_with(|| a.user_id.cmp(&b.user_id)));
        Ok(all)
    }

    /// Every hosted group of the app, newest first (1000 per call).
    pub async fn all_groups(&self) -> Result<Vec<GroupSummary>, ApiError> {
        let mut out = Vec::new();
        let mut token = String::new();
        loop {
            let page = self.group_page(&token, limits::GROUP_PAGE_MAX, Order::Descending).await?;
            out.extend(page.groups);
            if page.page_token.is_empty() {
                return Ok(out);
            }
            token = page.page_token;
        }
    }

    /// Every hosted group a user belongs to.
    pub async fn all_joined(&self, user_id: &str) -> Result<Vec<JoinedGroup>, ApiError> {
        let mut out = Vec::new();
        let mut token = String::new();
        loop {
            let page = self.joined_page(user_id, RoleFilter::All, &token, limits::JOINED_PAGE_MAX, Order::Descending).await?;
            out.extend(page.groups);
            if page.page_token.is_empty() {
                return Ok(out);
            }
            token = page.page_token;
        }
    }
}

fn empty_page() -> MemberPage {
    MemberPage { total_count: 0, page_token: String::new(), members: Vec::new() }
}

/// Whether an error means the group is not hosted (legacy, 25429).
pub fn is_not_hosted(e: &ApiError) -> bool {
    e.kind == ErrorKind::Server && matches!(e.code, Some(25429) | Some(25410))
}
