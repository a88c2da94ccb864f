//! Group commands (reference §4.1–4.3, 4.10–4.15): create (with read-back), list, info (50 per
//! call, per-group error codes), modify, change owner, destroy (with read-back), joined groups,
//! roles and the import commands.

use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use serde::Serialize;
use serde_json::json;

use super::check;
use super::client::Client;
use super::credentials::unix_now;
use super::limits;
use super::types::*;
use crate::model::error::{ApiError, ErrorKind};
use crate::protocol::tencent::codes as wire_codes;

const CREATE: &str = "group_open_http_svc/create_group";
const IMPORT: &str = "group_open_http_svc/import_group";
const LIST: &str = "group_open_http_svc/get_appid_group_list";
const INFO: &str = "group_open_http_svc/get_group_info";
const MODIFY: &str = "group_open_http_svc/modify_group_base_info";
const OWNER: &str = "group_open_http_svc/change_group_owner";
const DESTROY: &str = "group_open_http_svc/destroy_group";
const JOINED: &str = "group_open_http_svc/get_joined_group_list";
const ROLES: &str = "group_open_http_svc/get_role_in_group";
const IMPORT_MEMBERS: &str = "group_open_http_svc/import_group_member";

/// A body with `GroupId` in front of another body's fields.
#[derive(Serialize)]
pub(crate) struct InGroup<'a, T: Serialize> {
    #[serde(rename = "GroupId")]
    pub group_id: &'a str,
    #[serde(flatten)]
    pub body: &'a T,
}

/// A per-item error (a group of `get_group_info`, a topic) as an [`ApiError`].
pub(crate) fn item_error(path: &str, what: &str, code: i64, info: &str) -> ApiError {
    let c = u32::try_from(code).unwrap_or(u32::MAX);
    let explanation = super::codes::explain(c);
    ApiError {
        kind: ErrorKind::Server,
        path: path.to_owned(),
        http_status: Some(200),
        code: Some(c),
        message: if info.is_empty() { format!("{what}: {explanation}") } else { format!("{what}: {info}") },
        request_id: None,
        field: None,
        details: None,
        server_explanation: Some(explanation),
    }
}

/// Whether a per-item or envelope code says the group does not exist.
pub fn is_gone(code: i64) -> bool {
    matches!(code, wire_codes::GROUP_GONE | wire_codes::GROUP_ID_INVALID)
}

/// What a read-back after a lost create found.
enum Found {
    Group(String),
    NotThere,
    CannotTell,
}

impl Client {
    /// Creates a group and returns its id. A lost answer is settled by reading back (module
    /// docs of [`super`]): a repeat can never create a second group.
    pub async fn create_group(&self, g: &NewGroup) -> Result<String, ApiError> {
        check::new_group(CREATE, g)?;
        self.create_like(CREATE, g).await
    }

    /// `import_group`: a group with its original creation time (not AVChatRoom; members go
    /// through [`Client::import_members`]).
    pub async fn import_group(&self, g: &NewGroup) -> Result<String, ApiError> {
        check::new_group(IMPORT, g)?;
        if !g.members.is_empty() {
            return Err(ApiError::invalid(IMPORT, "MemberList", "import_group takes no members; use import_group_member"));
        }
        if g.group_type == GroupType::AVChatRoom {
            return Err(ApiError::invalid(IMPORT, "Type", "an AVChatRoom cannot be imported"));
        }
        self.create_like(IMPORT, g).await
    }

    async fn create_like(&self, path: &'static str, g: &NewGroup) -> Result<String, ApiError> {
        let sent_at = unix_now();
        let mut resent = false;
        let mut last = None;
        for _ in 0..=self.config().max_retries {
            match self.call::<_, Created>(path, g).await {
                Ok(c) => return Ok(c.group_id),
                Err(e) if e.is_ambiguous() => match self.find_created(g, sent_at).await {
                    Found::Group(id) => return Ok(id),
                    Found::NotThere => {
                        resent = true;
                        last = Some(e);
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                    Found::CannotTell => return Err(e),
                },
                // Our earlier, lost attempt made it.
                Err(e) if resent && e.code.is_some_and(|c| i64::from(c) == wire_codes::GROUP_ID_USED) => {
                    if let Found::Group(id) = self.find_created(g, sent_at).await {
                        return Ok(id);
                    }
                    return Err(e);
                }
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| ApiError::transport(path, "", "the group could not be created")))
    }

    /// Looks for the group a lost create may have made: by its custom id, else among the owner's
    /// groups (same name and type, created since the first attempt, allowing for clock skew).
    async fn find_created(&self, g: &NewGroup, sent_at: u64) -> Found {
        if let Some(id) = &g.group_id {
            return match self.group_infos(std::slice::from_ref(id), &ResponseFilter::default()).await {
                Ok(v) => match v.first() {
                    Some(i) if i.error_code == 0 && i.group_type == Some(g.group_type) && i.name == g.name => Found::Group(id.clone()),
                    Some(i) if is_gone(i.error_code) => Found::NotThere,
                    _ => Found::CannotTell,
                },
                Err(_) => Found::CannotTell,
            };
        }
        let Some(owner) = &g.owner else { return Found::CannotTell };
        let Ok(joined) = self.all_joined(owner, Some(g.group_type)).await else { return Found::CannotTell };
        let since = sent_at.saturating_sub(300) as i64;
        let mut hits = joined.into_iter().filter(|j| j.name == g.name && j.group_type.is_none_or(|t| t == g.group_type) && j.create_time >= since);
        match (hits.next(), hits.next()) {
            (None, _) => Found::NotThere,
            (Some(one), None) => Found::Group(one.group_id),
            _ => Found::CannotTell,
        }
    }

    /// One page of the app's group ids (`next` 0 first; a returned 0 means done). Paced at the
    /// documented 1 call per second.
    pub async fn group_id_page(&self, limit: u32, next: u64, group_type: Option<GroupType>) -> Result<GroupIdPage, ApiError> {
        check::page_size(LIST, "Limit", limit, limits::GROUP_LIST_PAGE_MAX)?;
        let mut body = json!({"Limit": limit, "Next": next});
        if let Some(t) = group_type {
            body["GroupType"] = json!(t.wire());
        }
        self.call(LIST, &body).await
    }

    /// Every group id of the app (of one type), 10,000 per call.
    pub async fn all_group_ids(&self, group_type: Option<GroupType>) -> Result<Vec<String>, ApiError> {
        let mut out = Vec::new();
        let mut next = 0;
        loop {
            let page = self.group_id_page(limits::GROUP_LIST_PAGE_MAX, next, group_type).await?;
            out.extend(page.groups.into_iter().map(|g| g.group_id));
            if page.next == 0 || page.next == next {
                return Ok(out);
            }
            next = page.next;
        }
    }

    /// `get_group_info` for at most 50 groups: one element per group, each with its own
    /// `ErrorCode` (check it, or use [`Client::group`]).
    pub async fn group_infos(&self, ids: &[String], filter: &ResponseFilter) -> Result<Vec<GroupInfo>, ApiError> {
        if ids.is_empty() || ids.len() > limits::GROUP_INFO_MAX {
            return Err(ApiError::invalid(INFO, "GroupIdList", format!("1 to {} groups per call (got {})", limits::GROUP_INFO_MAX, ids.len())));
        }
        for id in ids {
            check::group_id(INFO, "GroupIdList", id)?;
        }
        for k in filter.group_keys.iter().chain(&filter.member_keys) {
            limits::check_key(k).map_err(|e| ApiError::invalid(INFO, "AppDefinedDataFilter", e))?;
        }
        #[derive(serde::Deserialize)]
        struct Answer {
            #[serde(rename = "GroupInfo", default)]
            groups: Vec<GroupInfo>,
        }
        let mut body = json!({"GroupIdList": ids});
        if *filter != ResponseFilter::default() {
            body["ResponseFilter"] = serde_json::to_value(filter).unwrap_or_default();
        }
        Ok(self.call::<_, Answer>(INFO, &body).await?.groups)
    }

    /// Any number of groups, 50 per call, concurrently, in the order given (per-group errors kept).
    pub async fn group_infos_all(&self, ids: &[String], filter: &ResponseFilter) -> Result<Vec<GroupInfo>, ApiError> {
        let chunks: Vec<Vec<String>> = ids.chunks(limits::GROUP_INFO_MAX).map(<[String]>::to_vec).collect();
        let pages: Vec<Vec<GroupInfo>> = futures::stream::iter(chunks)
            .map(|c| async move { self.group_infos(&c, filter).await })
            .buffered(self.config().bulk_concurrency.max(1))
            .try_collect()
            .await?;
        Ok(pages.into_iter().flatten().collect())
    }

    /// One group; its per-group error code becomes the error (10010/10015: no such group).
    pub async fn group(&self, id: &str, filter: &ResponseFilter) -> Result<GroupInfo, ApiError> {
        let (infos, request_id) = crate::backend::bulk::with_last_request_id(self.group_infos(&[id.to_owned()], filter)).await;
        let error = match infos?.into_iter().next() {
            Some(i) if i.error_code == 0 => return Ok(i),
            Some(i) => item_error(INFO, &format!("group {id}"), i.error_code, &i.error_info),
            None => item_error(INFO, &format!("group {id}"), wire_codes::GROUP_ID_INVALID, ""),
        };
        Err(ApiError { request_id, ..error })
    }

    pub async fn modify_group(&self, id: &str, change: &GroupChange) -> Result<(), ApiError> {
        check::group_id(MODIFY, "GroupId", id)?;
        check::group_change(MODIFY, change)?;
        self.call::<_, serde_json::Value>(MODIFY, &InGroup { group_id: id, body: change }).await.map(drop)
    }

    pub async fn change_owner(&self, id: &str, new_owner: &str) -> Result<(), ApiError> {
        check::group_id(OWNER, "GroupId", id)?;
        check::account(OWNER, "NewOwner_Account", new_owner)?;
        self.call::<_, serde_json::Value>(OWNER, &json!({"GroupId": id, "NewOwner_Account": new_owner})).await.map(drop)
    }

    /// Disbands a group (irreversible). After a lost answer the group is looked up: gone
    /// (10010/10015) is success; still there is sent again.
    pub async fn destroy_group(&self, id: &str) -> Result<(), ApiError> {
        check::group_id(DESTROY, "GroupId", id)?;
        let body = json!({"GroupId": id});
        let mut resent = false;
        let mut last = None;
        for _ in 0..=self.config().max_retries {
            match self.call::<_, serde_json::Value>(DESTROY, &body).await {
                Ok(_) => return Ok(()),
                Err(e) if resent && e.code.is_some_and(|c| is_gone(i64::from(c))) => return Ok(()),
                Err(e) if e.is_ambiguous() => match self.group_infos(&[id.to_owned()], &ResponseFilter::default()).await {
                    Ok(v) if v.first().is_some_and(|i| is_gone(i.error_code)) => return Ok(()),
                    Ok(v) if v.first().is_some_and(|i| i.error_code == 0) => {
                        resent = true;
                        last = Some(e);
                    }
                    _ => return Err(e),
                },
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| ApiError::transport(DESTROY, "", "the group could not be destroyed")))
    }

    /// One page of the groups a user belongs to (AVChatRooms and inactive Work groups included).
    pub async fn joined_page(&self, account: &str, group_type: Option<GroupType>, limit: u32, offset: u32) -> Result<JoinedPage, ApiError> {
        check::account(JOINED, "Member_Account", account)?;
        let mut body = json!({
            "Member_Account": account, "WithHugeGroups": 1, "WithNoActiveGroups": 1, "Limit": limit, "Offset": offset,
            "ResponseFilter": {"GroupBaseInfoFilter": ["Type", "Name", "CreateTime", "Owner_Account"], "SelfInfoFilter": ["Role", "JoinTime", "MsgFlag"]}
        });
        if let Some(t) = group_type {
            body["GroupType"] = json!(t.wire());
        }
        self.call(JOINED, &body).await
    }

    /// Every group a user belongs to.
    pub async fn all_joined(&self, account: &str, group_type: Option<GroupType>) -> Result<Vec<JoinedGroup>, ApiError> {
        const PAGE: u32 = 1000;
        let mut out = Vec::new();
        loop {
            let page = self.joined_page(account, group_type, PAGE, out.len() as u32).await?;
            let n = page.groups.len();
            out.extend(page.groups);
            if n < PAGE as usize || out.len() as u64 >= page.total_count {
                return Ok(out);
            }
        }
    }

    /// Roles of at most 500 accounts (`NotMember` for outsiders).
    pub async fn roles(&self, id: &str, accounts: &[String]) -> Result<Vec<RoleOf>, ApiError> {
        check::group_id(ROLES, "GroupId", id)?;
        check::accounts(ROLES, "User_Account", accounts, limits::ROLE_QUERY_MAX)?;
        Ok(self.call::<_, Roles>(ROLES, &json!({"GroupId": id, "User_Account": accounts})).await?.users)
    }

    /// Roles of any number of accounts, 500 per call, concurrently.
    pub async fn roles_all(&self, id: &str, accounts: &[String]) -> Result<Vec<RoleOf>, ApiError> {
        let chunks: Vec<Vec<String>> = accounts.chunks(limits::ROLE_QUERY_MAX).map(<[String]>::to_vec).collect();
        let pages: Vec<Vec<RoleOf>> = futures::stream::iter(chunks)
            .map(|c| async move { self.roles(id, &c).await })
            .buffer_unordered(self.config().bulk_concurrency.max(1))
            .try_collect()
            .await?;
        Ok(pages.into_iter().flatten().collect())
    }

    /// `import_group_member`: at most 300, with join times; only `Admin` as role.
    pub async fn import_members(&self, id: &str, members: &[ImportedMember]) -> Result<Vec<MemberResult>, ApiError> {
        check::group_id(IMPORT_MEMBERS, "GroupId", id)?;
        let accounts: Vec<&str> = members.iter().map(|m| m.account.as_str()).collect();
        check::accounts(IMPORT_MEMBERS, "MemberList", &accounts, limits::IMPORT_MEMBERS_MAX)?;
        if members.iter().any(|m| m.role.is_some_and(|r| r != Role::Admin)) {
            return Err(ApiError::invalid(IMPORT_MEMBERS, "MemberList.Role", "only Admin may be given"));
        }
        Ok(self.call::<_, MemberResults>(IMPORT_MEMBERS, &json!({"GroupId": id, "MemberList": members})).await?.members)
    }
}
