//! Community permission groups and topics (reference §0, §4.16), and the sandbox-only
//! custom-field registry (`/v4/_sandbox/get_custom_fields`, `add_custom_fields`). The shapes the
//! reference leaves [I] are in [`super::types::admin`].

use serde_json::json;

use super::check;
use super::client::Client;
use super::groups::item_error;
use super::limits;
use super::types::*;
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
const TOPIC_CREATE: &str = "group_open_http_svc/create_topic";
const TOPIC_GET: &str = "group_open_http_svc/get_topic";
const TOPIC_DESTROY: &str = "group_open_http_svc/destroy_topic";
const FIELDS_GET: &str = "_sandbox/get_custom_fields";
const FIELDS_ADD: &str = "_sandbox/add_custom_fields";

fn pg_id(path: &str, id: &str) -> Result<(), ApiError> {
    check::required(path, "PermissionGroupId", id)?;
    if !id.starts_with("@PMG#_") {
        return Err(ApiError::invalid(path, "PermissionGroupId", format!("{id:?} must start with @PMG#_")));
    }
    Ok(())
}

fn topics_max(path: &str, n: usize) -> Result<(), ApiError> {
    if n == 0 || n > limits::TOPIC_PERMISSIONS_MAX {
        return Err(ApiError::invalid(path, "TopicPermissionList", format!("1 to {} topics per call (got {n})", limits::TOPIC_PERMISSIONS_MAX)));
    }
    Ok(())
}

type Bare = serde_json::Value;

impl Client {
    /// Creates a permission group in a Community; answers its `@PMG#_` id.
    pub async fn create_permission_group(&self, group_id: &str, pg: &PermissionGroup) -> Result<String, ApiError> {
        check::group_id(PG_CREATE, "GroupId", group_id)?;
        check::required(PG_CREATE, "PermissionGroupName", &pg.permission_group_name)?;
        if !pg.permission_group_id.is_empty() {
            pg_id(PG_CREATE, &pg.permission_group_id)?;
        }
        let body = super::groups::InGroup { group_id, body: pg };
        Ok(self.call::<_, PermissionGroupCreated>(PG_CREATE, &body).await?.permission_group_id)
    }

    /// Changes a permission group's name, bits or custom string (what is `Some`).
    pub async fn modify_permission_group(&self, group_id: &str, pg_id_: &str, name: Option<&str>, permission: Option<u64>, custom: Option<&str>) -> Result<(), ApiError> {
        check::group_id(PG_MODIFY, "GroupId", group_id)?;
        pg_id(PG_MODIFY, pg_id_)?;
        let mut body = json!({"GroupId": group_id, "PermissionGroupId": pg_id_});
        if let Some(n) = name {
            body["PermissionGroupName"] = json!(n);
        }
        if let Some(p) = permission {
            body["Permission"] = json!(p);
        }
        if let Some(c) = custom {
            body["CustomString"] = json!(c);
        }
        self.call::<_, Bare>(PG_MODIFY, &body).await.map(drop)
    }

    pub async fn destroy_permission_group(&self, group_id: &str, pg: &str) -> Result<(), ApiError> {
        check::group_id(PG_DESTROY, "GroupId", group_id)?;
        pg_id(PG_DESTROY, pg)?;
        self.call::<_, Bare>(PG_DESTROY, &json!({"GroupId": group_id, "PermissionGroupId": pg})).await.map(drop)
    }

    /// Permission groups of a Community: the listed ones, or all when `ids` is empty [I].
    pub async fn permission_groups(&self, group_id: &str, ids: &[String]) -> Result<Vec<PermissionGroup>, ApiError> {
        check::group_id(PG_INFO, "GroupId", group_id)?;
        for id in ids {
            pg_id(PG_INFO, id)?;
        }
        Ok(self.call::<_, PermissionGroups>(PG_INFO, &json!({"GroupId": group_id, "PermissionGroupIdList": ids})).await?.groups)
    }

    pub async fn add_permission_group_members(&self, group_id: &str, pg: &str, accounts: &[String]) -> Result<(), ApiError> {
        check::group_id(PG_ADD, "GroupId", group_id)?;
        pg_id(PG_ADD, pg)?;
        check::accounts(PG_ADD, "Member_Account", accounts, limits::ADD_MEMBERS_MAX)?;
        self.call::<_, Bare>(PG_ADD, &json!({"GroupId": group_id, "PermissionGroupId": pg, "Member_Account": accounts})).await.map(drop)
    }

    pub async fn delete_permission_group_members(&self, group_id: &str, pg: &str, accounts: &[String]) -> Result<(), ApiError> {
        check::group_id(PG_DELETE, "GroupId", group_id)?;
        pg_id(PG_DELETE, pg)?;
        check::accounts(PG_DELETE, "Member_Account", accounts, limits::DELETE_MEMBERS_MAX)?;
        self.call::<_, Bare>(PG_DELETE, &json!({"GroupId": group_id, "PermissionGroupId": pg, "Member_Account": accounts})).await.map(drop)
    }

    /// Every member of a permission group (cursor pages of 100).
    pub async fn permission_group_members(&self, group_id: &str, pg: &str) -> Result<Vec<String>, ApiError> {
        check::group_id(PG_MEMBERS, "GroupId", group_id)?;
        pg_id(PG_MEMBERS, pg)?;
        let mut out = Vec::new();
        let mut next = String::new();
        loop {
            let body = json!({"GroupId": group_id, "PermissionGroupId": pg, "Limit": limits::MEMBER_PAGE_DEFAULT, "Next": next});
            let page: PermissionMemberPage = self.call(PG_MEMBERS, &body).await?;
            out.extend(page.members.iter().map(|m| m.account().to_owned()));
            if page.next.is_empty() || page.next == next || page.members.is_empty() {
                return Ok(out);
            }
            next = page.next;
        }
    }

    /// Attaches a permission group to at most 50 topics with their topic-level bits.
    pub async fn add_topic_permission_group(&self, group_id: &str, pg: &str, topics: &[TopicPermission]) -> Result<(), ApiError> {
        self.topic_permissions(TP_ADD, group_id, pg, topics).await
    }

    /// Changes the topic-level bits of a permission group on at most 50 topics.
    pub async fn set_topic_permission_group(&self, group_id: &str, pg: &str, topics: &[TopicPermission]) -> Result<(), ApiError> {
        self.topic_permissions(TP_SET, group_id, pg, topics).await
    }

    async fn topic_permissions(&self, path: &'static str, group_id: &str, pg: &str, topics: &[TopicPermission]) -> Result<(), ApiError> {
        check::group_id(path, "GroupId", group_id)?;
        pg_id(path, pg)?;
        topics_max(path, topics.len())?;
        for t in topics {
            check::bytes(path, "TopicId", &t.topic_id, limits::TOPIC_ID_BYTES)?;
        }
        self.call::<_, Bare>(path, &json!({"GroupId": group_id, "PermissionGroupId": pg, "TopicPermissionList": topics})).await.map(drop)
    }

    pub async fn delete_topic_permission_group(&self, group_id: &str, pg: &str, topic_ids: &[String]) -> Result<(), ApiError> {
        check::group_id(TP_DELETE, "GroupId", group_id)?;
        pg_id(TP_DELETE, pg)?;
        topics_max(TP_DELETE, topic_ids.len())?;
        self.call::<_, Bare>(TP_DELETE, &json!({"GroupId": group_id, "PermissionGroupId": pg, "TopicIdList": topic_ids})).await.map(drop)
    }

    /// A permission group's bits per topic (all its topics when `topic_ids` is empty).
    pub async fn topic_permission_group(&self, group_id: &str, pg: &str, topic_ids: &[String]) -> Result<Vec<TopicPermission>, ApiError> {
        check::group_id(TP_GET, "GroupId", group_id)?;
        pg_id(TP_GET, pg)?;
        let body = json!({"GroupId": group_id, "PermissionGroupId": pg, "TopicIdList": topic_ids});
        Ok(self.call::<_, TopicPermissions>(TP_GET, &body).await?.topics)
    }

    /// Creates a topic in a Community; answers its id (`GroupId@TOPIC#_…`).
    pub async fn create_topic(&self, group_id: &str, topic: &NewTopic) -> Result<String, ApiError> {
        check::group_id(TOPIC_CREATE, "GroupId", group_id)?;
        check::required(TOPIC_CREATE, "TopicName", &topic.topic_name)?;
        if let Some(id) = &topic.topic_id {
            check::bytes(TOPIC_CREATE, "TopicId", id, limits::TOPIC_ID_BYTES)?;
            if !id.starts_with(&format!("{group_id}@TOPIC#_")) {
                return Err(ApiError::invalid(TOPIC_CREATE, "TopicId", format!("{id:?} must start with {group_id}@TOPIC#_")));
            }
        }
        let body = super::groups::InGroup { group_id, body: topic };
        Ok(self.call::<_, TopicCreated>(TOPIC_CREATE, &body).await?.topic_id)
    }

    /// Topics of a Community (all when `ids` is empty); a per-topic error code becomes the error.
    pub async fn topics(&self, group_id: &str, ids: &[String]) -> Result<Vec<TopicInfo>, ApiError> {
        check::group_id(TOPIC_GET, "GroupId", group_id)?;
        let mut body = json!({"GroupId": group_id});
        if !ids.is_empty() {
            body["TopicIdList"] = json!(ids);
        }
        let topics = self.call::<_, Topics>(TOPIC_GET, &body).await?.topics;
        if let Some(bad) = topics.iter().find(|t| t.error_code != 0) {
            return Err(item_error(TOPIC_GET, &format!("topic {}", bad.topic_id), bad.error_code, ""));
        }
        Ok(topics)
    }

    /// Destroys topics; each topic's own result is checked.
    pub async fn destroy_topics(&self, group_id: &str, ids: &[String]) -> Result<(), ApiError> {
        check::group_id(TOPIC_DESTROY, "GroupId", group_id)?;
        if ids.is_empty() {
            return Err(ApiError::invalid(TOPIC_DESTROY, "TopicIdList", "at least one topic is required"));
        }
        let r: TopicResults = self.call(TOPIC_DESTROY, &json!({"GroupId": group_id, "TopicIdList": ids})).await?;
        if let Some(bad) = r.items.iter().find(|t| t.error_code != 0) {
            return Err(item_error(TOPIC_DESTROY, &format!("topic {}", bad.topic_id), bad.error_code, &bad.error_info));
        }
        Ok(())
    }

    /// The app's configured custom-field keys (sandbox only; on the live service they are
    /// configured in the Chat console).
    pub async fn custom_fields(&self) -> Result<CustomFields, ApiError> {
        self.call(FIELDS_GET, &json!({})).await
    }

    /// Configures new custom-field keys (sandbox only). Configured keys can be neither changed
    /// nor deleted, as on the live service.
    pub async fn add_custom_fields(&self, fields: &CustomFields) -> Result<(), ApiError> {
        for f in fields.group_fields.iter().chain(&fields.member_fields) {
            limits::check_key(&f.key).map_err(|e| ApiError::invalid(FIELDS_ADD, "Key", e))?;
        }
        if fields.group_fields.len() > limits::GROUP_KEYS_MAX || fields.member_fields.len() > limits::MEMBER_KEYS_MAX {
            return Err(ApiError::invalid(FIELDS_ADD, "fields", format!("at most {} group and {} member keys per app", limits::GROUP_KEYS_MAX, limits::MEMBER_KEYS_MAX)));
        }
        let result = self.call::<_, Bare>(FIELDS_ADD, fields).await.map(drop);
        *self.registry_cache() = None;
        result
    }

    /// The registry for the console, read once per client and cached: `None` where the server
    /// has no registry (the live service, whose keys are configured in the Chat console). Read
    /// without retries, so a live server answers "no" quickly.
    pub async fn custom_field_registry(&self) -> Option<CustomFields> {
        if let Some(known) = self.registry_cache().clone() {
            return known;
        }
        match self.call_with::<_, CustomFields>(FIELDS_GET, &json!({}), super::Policy::Once).await {
            Ok(f) => {
                *self.registry_cache() = Some(Some(f.clone()));
                Some(f)
            }
            // A refusal is the server's answer; a transport failure is asked again next time.
            Err(e) if e.kind == crate::model::ErrorKind::Transport => None,
            Err(_) => {
                *self.registry_cache() = Some(None);
                None
            }
        }
    }
}
