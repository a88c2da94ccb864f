//! Community permission groups and their topic permissions (reference §0, §4.16), as the
//! sandbox serves them (README, "Tencent sandbox"; `src/sandbox/tencent/handlers/
//! {permissions,topic_permissions}.rs`). Shapes: [`super::types::community`].
//!
//! Per-item answers are never dropped: membership changes answer each account's `Result`
//! (every asked account must have one), destroy and topic-permission writes answer one
//! [`Outcome`] per id (an id the answer leaves out is an unknown outcome, not a success).

use std::collections::HashSet;

use serde_json::json;

use super::check;
use super::client::Client;
use super::groups::item_error;
use super::limits;
use super::types::*;
use super::wire::{GROUP_PERMISSION_BITS, TOPIC_PERMISSION_BITS};
use crate::model::error::ApiError;

const PG_CREATE: &str = "group_open_http_svc/create_permission_group";
const PG_MODIFY: &str = "group_open_http_svc/modify_permission_group";
const PG_DESTROY: &str = "group_open_http_svc/destroy_permission_group";
const PG_INFO: &str = "group_open_http_svc/get_permission_group_info";
const PG_ADD: &str = "group_open_http_svc/add_permission_group_member";
const PG_DELETE: &str = "group_open_http_svc/delete_permission_group_member";
const PG_MEMBERS: &str = "group_open_http_svc/get_permission_group_member_list";
const TP_ADD: &str = "group_open_http_svc/add_topic_permission_group";
const TP_SET: &str = "group_open_http_svc/set_topic_permission_group";
const TP_DELETE: &str = "group_open_http_svc/delete_topic_permission_group";
const TP_GET: &str = "group_open_http_svc/get_topic_permission_group";

/// Prefix of every permission-group id.
pub const PMG_PREFIX: &str = "@PMG#_";

fn pg_id(path: &str, id: &str) -> Result<(), ApiError> {
    check::required(path, "PermissionGroupId", id)?;
    check::bytes(path, "PermissionGroupId", id, limits::PERMISSION_GROUP_ID_BYTES)?;
    if !id.starts_with(PMG_PREFIX) || id.len() == PMG_PREFIX.len() {
        return Err(ApiError::invalid(path, "PermissionGroupId", format!("{id:?} must start with {PMG_PREFIX} and go on after it")));
    }
    Ok(())
}

fn pg_fields(path: &str, name: Option<&str>, permission: Option<u64>, custom: Option<&str>) -> Result<(), ApiError> {
    if let Some(n) = name {
        check::required(path, "PermissionGroupName", n)?;
        check::bytes(path, "PermissionGroupName", n, limits::PERMISSION_GROUP_NAME_BYTES)?;
    }
    if let Some(p) = permission {
        check::permission_bits(path, "Permission", p, &GROUP_PERMISSION_BITS, "group")?;
    }
    if let Some(c) = custom {
        check::bytes(path, "CustomString", c, limits::PERMISSION_GROUP_CUSTOM_BYTES)?;
    }
    Ok(())
}

fn topic_id(path: &str, field: &str, id: &str) -> Result<(), ApiError> {
    check::required(path, field, id)?;
    check::bytes(path, field, id, limits::TOPIC_ID_BYTES)
}

/// One [`Outcome`] per asked id (duplicates once, as the service drops them), from the answer's
/// per-item results; an id without a result is an unknown outcome.
pub(crate) fn outcomes(path: &str, what: &str, asked: &[String], items: &[ItemResult]) -> Vec<Outcome> {
    let mut seen = HashSet::new();
    asked
        .iter()
        .filter(|id| seen.insert(id.as_str()))
        .map(|id| {
            let error = match items.iter().find(|i| &i.id == id) {
                Some(i) if i.error_code == 0 => None,
                Some(i) => Some(item_error(path, &format!("{what} {id}"), i.error_code, &i.error_info)),
                None => Some(ApiError::transport(path, "", format!("the answer has no result for {what} {id}; it may or may not have been applied"))),
            };
            Outcome { id: id.clone(), error }
        })
        .collect()
}

/// Every asked account's `Result` from a `MemberList[{Member_Account, Result}]` answer; an
/// account the answer leaves out is an error (the outcome is unknown).
fn member_results(path: &str, asked: &[String], got: Vec<MemberResult>) -> Result<Vec<MemberResult>, ApiError> {
    if let Some(missing) = asked.iter().find(|a| !got.iter().any(|m| &m.account == *a)) {
        return Err(ApiError::transport(path, "", format!("the answer has no Result for {missing}; it may or may not have been applied")));
    }
    Ok(got)
}

impl Client {
    /// Creates a permission group in a Community; answers its `@PMG#_` id.
    pub async fn create_permission_group(&self, group_id: &str, pg: &PermissionGroup) -> Result<String, ApiError> {
        check::group_id(PG_CREATE, "GroupId", group_id)?;
        if !pg.permission_group_id.is_empty() {
            pg_id(PG_CREATE, &pg.permission_group_id)?;
        }
        pg_fields(PG_CREATE, Some(&pg.permission_group_name), Some(pg.permission), Some(&pg.custom_string))?;
        let body = super::groups::InGroup { group_id, body: pg };
        Ok(self.call::<_, PermissionGroupCreated>(PG_CREATE, &body).await?.permission_group_id)
    }

    /// Changes a permission group's name, bits or custom string (what is `Some`).
    pub async fn modify_permission_group(&self, group_id: &str, pg: &str, name: Option<&str>, permission: Option<u64>, custom: Option<&str>) -> Result<(), ApiError> {
        check::group_id(PG_MODIFY, "GroupId", group_id)?;
        pg_id(PG_MODIFY, pg)?;
        pg_fields(PG_MODIFY, name, permission, custom)?;
        let mut body = json!({"GroupId": group_id, "PermissionGroupId": pg});
        if let Some(n) = name {
            body["PermissionGroupName"] = json!(n);
        }
        if let Some(p) = permission {
            body["Permission"] = json!(p);
        }
        if let Some(c) = custom {
            body["CustomString"] = json!(c);
        }
        self.call::<_, serde_json::Value>(PG_MODIFY, &body).await.map(drop)
    }

    /// Destroys at most 20 permission groups (with their members and topic permissions); one
    /// outcome per id (10010: no such permission group).
    pub async fn destroy_permission_groups(&self, group_id: &str, ids: &[String]) -> Result<Vec<Outcome>, ApiError> {
        check::group_id(PG_DESTROY, "GroupId", group_id)?;
        check::id_list(PG_DESTROY, "PermissionGroupIdList", ids, limits::PERMISSION_GROUP_IDS_MAX, false)?;
        for id in ids {
            pg_id(PG_DESTROY, id)?;
        }
        let r: ItemResults = self.call(PG_DESTROY, &json!({"GroupId": group_id, "PermissionGroupIdList": ids})).await?;
        Ok(outcomes(PG_DESTROY, "permission group", ids, &r.items))
    }

    /// Permission groups of a Community: all (in creation order) when `ids` is empty, else the
    /// listed ones (at most 20), where an unknown id becomes the error naming it.
    pub async fn permission_groups(&self, group_id: &str, ids: &[String]) -> Result<Vec<PermissionGroup>, ApiError> {
        check::group_id(PG_INFO, "GroupId", group_id)?;
        check::id_list(PG_INFO, "PermissionGroupIdList", ids, limits::PERMISSION_GROUP_IDS_MAX, true)?;
        let mut body = json!({"GroupId": group_id});
        for id in ids {
            pg_id(PG_INFO, id)?;
        }
        if !ids.is_empty() {
            body["PermissionGroupIdList"] = json!(ids);
        }
        let groups = self.call::<_, PermissionGroups>(PG_INFO, &body).await?.groups;
        if let Some(bad) = groups.iter().find(|g| g.error_code != 0) {
            return Err(item_error(PG_INFO, &format!("permission group {}", bad.permission_group_id), bad.error_code, &bad.error_info));
        }
        Ok(groups)
    }

    /// Adds at most 100 Community members to a permission group; one `Result` per account:
    /// 1 added, 2 already in it, 0 not a member of the Community (or not imported).
    pub async fn add_permission_group_members(&self, group_id: &str, pg: &str, accounts: &[String]) -> Result<Vec<MemberResult>, ApiError> {
        check::group_id(PG_ADD, "GroupId", group_id)?;
        pg_id(PG_ADD, pg)?;
        check::accounts(PG_ADD, "Member_Account", accounts, limits::PERMISSION_GROUP_MEMBERS_MAX)?;
        let r: MemberResults = self.call(PG_ADD, &json!({"GroupId": group_id, "PermissionGroupId": pg, "Member_Account": accounts})).await?;
        member_results(PG_ADD, accounts, r.members)
    }

    /// Removes at most 100 accounts from a permission group; one `Result` per account: 1
    /// removed, 0 not in it.
    pub async fn delete_permission_group_members(&self, group_id: &str, pg: &str, accounts: &[String]) -> Result<Vec<MemberResult>, ApiError> {
        check::group_id(PG_DELETE, "GroupId", group_id)?;
        pg_id(PG_DELETE, pg)?;
        check::accounts(PG_DELETE, "Member_Account", accounts, limits::PERMISSION_GROUP_MEMBERS_MAX)?;
        let r: MemberResults = self.call(PG_DELETE, &json!({"GroupId": group_id, "PermissionGroupId": pg, "Member_Account": accounts})).await?;
        member_results(PG_DELETE, accounts, r.members)
    }

    /// One page (`limit` 1–50) of a permission group's members from cursor `next` (`""` first);
    /// the page's `next` is `""` on the last page.
    pub async fn permission_group_member_page(&self, group_id: &str, pg: &str, next: &str, limit: u32) -> Result<PermissionMemberPage, ApiError> {
        check::group_id(PG_MEMBERS, "GroupId", group_id)?;
        pg_id(PG_MEMBERS, pg)?;
        check::page_size(PG_MEMBERS, "Limit", limit, limits::PERMISSION_GROUP_MEMBER_PAGE_MAX)?;
        self.call(PG_MEMBERS, &json!({"GroupId": group_id, "PermissionGroupId": pg, "Limit": limit, "Next": next})).await
    }

    /// Every member of a permission group (cursor pages of 50).
    pub async fn permission_group_members(&self, group_id: &str, pg: &str) -> Result<Vec<String>, ApiError> {
        let mut out = Vec::new();
        let mut next = String::new();
        loop {
            let page = self.permission_group_member_page(group_id, pg, &next, limits::PERMISSION_GROUP_MEMBER_PAGE_MAX).await?;
            out.extend(page.members.into_iter().map(|m| m.account));
            if page.next.is_empty() {
                return Ok(out);
            }
            if page.next == next {
                return Err(ApiError::transport(PG_MEMBERS, "", format!("the cursor did not advance ({next:?})")));
            }
            next = page.next;
        }
    }

    /// Gives a permission group its bits on 1–50 topics; one outcome per topic (10021: it has
    /// one there already — use [`Self::set_topic_permission_group`]; 10010: no such topic).
    pub async fn add_topic_permission_group(&self, group_id: &str, pg: &str, topics: &[TopicPermission]) -> Result<Vec<Outcome>, ApiError> {
        self.topic_permissions(TP_ADD, group_id, pg, topics).await
    }

    /// Changes a permission group's bits on 1–50 topics; one outcome per topic (10010: no such
    /// topic, or no permission there yet — use [`Self::add_topic_permission_group`]).
    pub async fn set_topic_permission_group(&self, group_id: &str, pg: &str, topics: &[TopicPermission]) -> Result<Vec<Outcome>, ApiError> {
        self.topic_permissions(TP_SET, group_id, pg, topics).await
    }

    async fn topic_permissions(&self, path: &'static str, group_id: &str, pg: &str, topics: &[TopicPermission]) -> Result<Vec<Outcome>, ApiError> {
        check::group_id(path, "GroupId", group_id)?;
        pg_id(path, pg)?;
        check::id_list(path, "TopicPermissionList", &topics.iter().map(|t| t.topic_id.as_str()).collect::<Vec<_>>(), limits::TOPIC_PERMISSIONS_MAX, false)?;
        let mut seen = HashSet::new();
        for t in topics {
            topic_id(path, "TopicPermissionList.TopicId", &t.topic_id)?;
            check::permission_bits(path, "TopicPermissionList.Permission", t.permission, &TOPIC_PERMISSION_BITS, "topic")?;
            if !seen.insert(t.topic_id.as_str()) {
                return Err(ApiError::invalid(path, "TopicPermissionList.TopicId", format!("topic {} is listed twice", t.topic_id)));
            }
        }
        let r: ItemResults = self.call(path, &json!({"GroupId": group_id, "PermissionGroupId": pg, "TopicPermissionList": topics})).await?;
        let ids: Vec<String> = topics.iter().map(|t| t.topic_id.clone()).collect();
        Ok(outcomes(path, "topic", &ids, &r.items))
    }

    /// Removes a permission group's bits from 1–50 topics; one outcome per topic (a topic where
    /// it had none is done; 10010: no such topic).
    pub async fn delete_topic_permission_group(&self, group_id: &str, pg: &str, topic_ids: &[String]) -> Result<Vec<Outcome>, ApiError> {
        check::group_id(TP_DELETE, "GroupId", group_id)?;
        pg_id(TP_DELETE, pg)?;
        check::id_list(TP_DELETE, "TopicIdList", topic_ids, limits::TOPIC_PERMISSIONS_MAX, false)?;
        for t in topic_ids {
            topic_id(TP_DELETE, "TopicIdList", t)?;
        }
        let r: ItemResults = self.call(TP_DELETE, &json!({"GroupId": group_id, "PermissionGroupId": pg, "TopicIdList": topic_ids})).await?;
        Ok(outcomes(TP_DELETE, "topic", topic_ids, &r.items))
    }

    /// A permission group's bits per topic: every topic where it has some when `topic_ids` is
    /// empty, else the listed ones (at most 50), each with `permission: None` and its code
    /// (10010) where it has none.
    pub async fn topic_permission_group(&self, group_id: &str, pg: &str, topic_ids: &[String]) -> Result<Vec<TopicPermissionEntry>, ApiError> {
        check::group_id(TP_GET, "GroupId", group_id)?;
        pg_id(TP_GET, pg)?;
        check::id_list(TP_GET, "TopicIdList", topic_ids, limits::TOPIC_PERMISSIONS_MAX, true)?;
        let mut body = json!({"GroupId": group_id, "PermissionGroupId": pg});
        if !topic_ids.is_empty() {
            body["TopicIdList"] = json!(topic_ids);
        }
        Ok(self.call::<_, TopicPermissions>(TP_GET, &body).await?.topics)
    }
}
