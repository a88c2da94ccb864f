//! Community topics (reference §0, §4.15) under `million_group_open_http_svc` (the documented
//! service; the sandbox also serves them under `group_open_http_svc`), and the sandbox-only
//! custom-field registry (`/v4/_sandbox/get_custom_fields`, `add_custom_fields`). Permission
//! groups are in [`super::permissions`]; the shapes in [`super::types::community`].

use serde_json::json;

use super::check;
use super::client::Client;
use super::groups::item_error;
use super::limits;
use super::types::*;
use crate::model::error::ApiError;

const TOPIC_CREATE: &str = "million_group_open_http_svc/create_topic";
const TOPIC_GET: &str = "million_group_open_http_svc/get_topic";
const TOPIC_DESTROY: &str = "million_group_open_http_svc/destroy_topic";
const FIELDS_GET: &str = "_sandbox/get_custom_fields";
const FIELDS_ADD: &str = "_sandbox/add_custom_fields";

type Bare = serde_json::Value;

/// Between a topic id's Community id and its own part.
pub const TOPIC_MARK: &str = "@TOPIC#_";

impl Client {
    /// Creates a topic in a Community (created with `SupportTopic`); answers its id
    /// (`GroupId@TOPIC#_…`). `TopicId` may be the custom part or the full id.
    pub async fn create_topic(&self, group_id: &str, topic: &NewTopic) -> Result<String, ApiError> {
        check::group_id(TOPIC_CREATE, "GroupId", group_id)?;
        check::required(TOPIC_CREATE, "TopicName", &topic.topic_name)?;
        check::bytes(TOPIC_CREATE, "TopicName", &topic.topic_name, limits::TOPIC_NAME_BYTES)?;
        for (field, value, max) in [
            ("Introduction", &topic.introduction, limits::INTRODUCTION_BYTES),
            ("Notification", &topic.notification, limits::NOTIFICATION_BYTES),
            ("FaceUrl", &topic.face_url, limits::FACE_URL_BYTES),
        ] {
            if let Some(v) = value {
                check::bytes(TOPIC_CREATE, field, v, max)?;
            }
        }
        if let Some(id) = &topic.topic_id {
            let prefix = format!("{group_id}{TOPIC_MARK}");
            let full = if id.starts_with(&prefix) { id.clone() } else { format!("{prefix}{id}") };
            if full.len() == prefix.len() {
                return Err(ApiError::invalid(TOPIC_CREATE, "TopicId", "must not be empty (leave it out to let the service choose)"));
            }
            check::bytes(TOPIC_CREATE, "TopicId", &full, limits::TOPIC_ID_BYTES)
                .map_err(|e| ApiError::invalid(TOPIC_CREATE, "TopicId", format!("{} with its {prefix} prefix", e.message.trim_start_matches("TopicId: "))))?;
        }
        let body = super::groups::InGroup { group_id, body: topic };
        Ok(self.call::<_, TopicCreated>(TOPIC_CREATE, &body).await?.topic_id)
    }

    /// Topics of a Community: all (in creation order) when `ids` is empty, else the listed ones
    /// (at most 100), where an unknown id becomes the error naming it.
    pub async fn topics(&self, group_id: &str, ids: &[String]) -> Result<Vec<TopicInfo>, ApiError> {
        check::group_id(TOPIC_GET, "GroupId", group_id)?;
        check::id_list(TOPIC_GET, "TopicIdList", ids, limits::TOPIC_IDS_MAX, true)?;
        let mut body = json!({"GroupId": group_id});
        if !ids.is_empty() {
            body["TopicIdList"] = json!(ids);
        }
        let topics = self.call::<_, Topics>(TOPIC_GET, &body).await?.topics;
        if let Some(bad) = topics.iter().find(|t| t.error_code != 0) {
            return Err(item_error(TOPIC_GET, &format!("topic {}", bad.topic_id), bad.error_code, &bad.error_info));
        }
        Ok(topics)
    }

    /// Destroys 1–100 topics (with their permissions); one outcome per topic (10010: no such
    /// topic).
    pub async fn destroy_topics(&self, group_id: &str, ids: &[String]) -> Result<Vec<Outcome>, ApiError> {
        check::group_id(TOPIC_DESTROY, "GroupId", group_id)?;
        check::id_list(TOPIC_DESTROY, "TopicIdList", ids, limits::TOPIC_IDS_MAX, false)?;
        let r: ItemResults = self.call(TOPIC_DESTROY, &json!({"GroupId": group_id, "TopicIdList": ids})).await?;
        Ok(super::permissions::outcomes(TOPIC_DESTROY, "topic", ids, &r.items))
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
