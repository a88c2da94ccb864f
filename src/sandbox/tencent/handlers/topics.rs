//! Community topics (reference §0, §4.15): `create_topic`, `get_topic`, `destroy_topic`,
//! served under `million_group_open_http_svc` (the real service) and `group_open_http_svc`.
//!
//! Choices where the reference is `[I]`:
//! * Only a Community created with `SupportTopic: 1` has topics; any other group (another type,
//!   or a Community without topics) ⇒ **10007**.
//! * `TopicId` (optional) is the custom part: the topic's id is `GroupId + "@TOPIC#_" + part`,
//!   at most 96 bytes (10004). A full id (already starting with `GroupId@TOPIC#_`) is taken as
//!   it is. Without it: `GroupId@TOPIC#_@TOPIC#` and 12 random characters. An id in use ⇒ 10021.
//! * `TopicName` required, ≤ 150 bytes; `Introduction` ≤ 240, `Notification` ≤ 300, `FaceUrl`
//!   ≤ 100 (the group limits). At most 100 topics per Community (10004).
//! * `get_topic`: `TopicIdList` optional (absent = every topic, in creation order), ≤ 100 ids;
//!   answer `TopicInfo[{TopicId, ErrorCode, ErrorInfo, TopicName, Introduction, Notification,
//!   FaceUrl, CreateTime}]`; an unknown id gets only `TopicId` and `ErrorCode` **10010**.
//! * `destroy_topic`: `TopicIdList` required, ≤ 100; answer `DestroyResultItem[{TopicId,
//!   ErrorCode, ErrorInfo}]` (10010 for an unknown id). The topic's permissions go with it.

use rand::Rng;
use serde_json::{Map, Value, json};

use super::group_id;
use crate::protocol::tencent::limits;
use crate::protocol::tencent::wire::GroupType;
use crate::sandbox::tencent::Ctx;
use crate::sandbox::tencent::body::Obj;
use crate::sandbox::tencent::error::{WireError, WireResult};
use crate::sandbox::tencent::repo::{Group, RepoError, Topic};

pub const TOPIC_MARK: &str = "@TOPIC#_";

/// The group of `GroupId`, which must be a Community (10007 otherwise), with topics when
/// `topics` (10007 otherwise).
pub fn community(ctx: &Ctx, o: &Obj, topics: bool) -> WireResult<Group> {
    let gid = group_id(o)?;
    let g = ctx.repo.group(gid)?;
    if g.kind != GroupType::Community {
        return Err(WireError::forbidden(format!("{gid} is a {} group; this command is for Community groups only", g.kind.wire())));
    }
    if topics && !g.support_topic {
        return Err(WireError::forbidden(format!("Community {gid} was not created with SupportTopic: 1; it has no topics")));
    }
    Ok(g)
}

/// A list of topic ids: at most `max`, duplicates dropped; `None` when absent.
pub fn topic_ids<'a>(o: &Obj<'a, '_>, field: &str, max: usize) -> WireResult<Option<Vec<&'a str>>> {
    let Some(list) = o.strings(field)? else { return Ok(None) };
    if list.len() > max {
        return Err(WireError::param(format!("{} has {} ids; at most {max} per call", o.name(field), list.len())));
    }
    let mut out: Vec<&str> = Vec::with_capacity(list.len());
    for id in list {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(Some(out))
}

/// `ErrorCode`/`ErrorInfo` of a per-item result (0 and "" for `None`).
pub fn item_error(out: &mut Map<String, Value>, err: Option<WireError>) {
    let (code, info) = err.map_or((0, String::new()), |e| (e.code, e.info));
    out.insert("ErrorCode".into(), code.into());
    out.insert("ErrorInfo".into(), info.into());
}

/// The per-item error of a domain error that concerns one item; other errors end the call.
pub fn per_item<T>(r: Result<T, RepoError>) -> WireResult<Result<T, WireError>> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(e @ (RepoError::TopicNotFound { .. } | RepoError::PermissionGroupNotFound { .. })) => Ok(Err(e.into())),
        Err(e) => Err(e.into()),
    }
}

fn topic_id(g: &Group, o: &Obj) -> WireResult<String> {
    let prefix = format!("{}{TOPIC_MARK}", g.group_id);
    let id = match o.str("TopicId")? {
        Some(given) if given.starts_with(&prefix) => given.to_owned(),
        Some(part) => format!("{prefix}{part}"),
        None => {
            const CHARS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            let mut rng = rand::rng();
            let random: String = (0..12).map(|_| CHARS[rng.random_range(0..CHARS.len())] as char).collect();
            format!("{prefix}@TOPIC#{random}")
        }
    };
    if id.len() == prefix.len() {
        return Err(WireError::param("TopicId must not be empty"));
    }
    if id.chars().any(char::is_control) {
        return Err(WireError::param("TopicId must not contain control characters"));
    }
    if id.len() > limits::TOPIC_ID_BYTES {
        return Err(WireError::param(format!(
            "TopicId {id:?} is {} bytes with its GroupId@TOPIC#_ prefix; at most {} bytes",
            id.len(),
            limits::TOPIC_ID_BYTES
        )));
    }
    Ok(id)
}

/// `create_topic` → `TopicId`.
pub fn create(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = community(ctx, o, true)?;
    let id = topic_id(&g, o)?;
    let name = o.text("TopicName", limits::TOPIC_NAME_BYTES)?.ok_or_else(|| WireError::param("TopicName is required"))?;
    if name.trim().is_empty() {
        return Err(WireError::param("TopicName must not be empty"));
    }
    let t = Topic {
        topic_id: id.clone(),
        group_id: g.group_id.clone(),
        name: name.to_owned(),
        introduction: o.text("Introduction", limits::INTRODUCTION_BYTES)?.unwrap_or("").to_owned(),
        notification: o.text("Notification", limits::NOTIFICATION_BYTES)?.unwrap_or("").to_owned(),
        face_url: o.text("FaceUrl", limits::FACE_URL_BYTES)?.unwrap_or("").to_owned(),
        create_time: ctx.now,
    };
    if ctx.repo.count_topics(&g.group_id)? >= limits::TOPICS_PER_COMMUNITY {
        return Err(WireError::param(format!(
            "Community {} has {} topics already; at most {} per Community",
            g.group_id,
            limits::TOPICS_PER_COMMUNITY,
            limits::TOPICS_PER_COMMUNITY
        )));
    }
    ctx.repo.insert_topic(&t)?;
    let mut out = Map::new();
    out.insert("TopicId".into(), id.into());
    Ok(out)
}

fn topic_json(t: &Topic) -> Value {
    json!({
        "TopicId": t.topic_id, "ErrorCode": 0, "ErrorInfo": "", "TopicName": t.name, "Introduction": t.introduction,
        "Notification": t.notification, "FaceUrl": t.face_url, "CreateTime": t.create_time,
    })
}

/// `get_topic` → `TopicInfo[…]`.
pub fn get(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = community(ctx, o, true)?;
    let list = match topic_ids(o, "TopicIdList", limits::TOPIC_IDS_MAX)? {
        None => ctx.repo.topics(&g.group_id)?.iter().map(topic_json).collect(),
        Some(ids) => {
            let mut list = Vec::with_capacity(ids.len());
            for id in ids {
                match per_item(ctx.repo.topic(&g.group_id, id))? {
                    Ok(t) => list.push(topic_json(&t)),
                    Err(e) => {
                        let mut item = Map::new();
                        item.insert("TopicId".into(), id.into());
                        item_error(&mut item, Some(e));
                        list.push(Value::Object(item));
                    }
                }
            }
            list
        }
    };
    let mut out = Map::new();
    out.insert("GroupId".into(), g.group_id.into());
    out.insert("TopicInfo".into(), Value::Array(list));
    Ok(out)
}

/// `destroy_topic` → `DestroyResultItem[…]`.
pub fn destroy(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = community(ctx, o, true)?;
    let ids = topic_ids(o, "TopicIdList", limits::TOPIC_IDS_MAX)?.ok_or_else(|| WireError::param("TopicIdList is required"))?;
    if ids.is_empty() {
        return Err(WireError::param("TopicIdList must not be empty"));
    }
    let mut list = Vec::with_capacity(ids.len());
    for id in ids {
        let mut item = Map::new();
        item.insert("TopicId".into(), id.into());
        item_error(&mut item, per_item(ctx.repo.delete_topic(&g.group_id, id))?.err());
        list.push(Value::Object(item));
    }
    let mut out = Map::new();
    out.insert("DestroyResultItem".into(), Value::Array(list));
    Ok(out)
}

