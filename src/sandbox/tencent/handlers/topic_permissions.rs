//! A permission group's permissions on the topics of its Community (reference §4.16):
//! `add_topic_permission_group`, `set_topic_permission_group`, `delete_topic_permission_group`,
//! `get_topic_permission_group`. Premium (10059) and Community (10007) as every
//! permission-group command; the Community must have topics (10007).
//!
//! Choices where the reference is `[I]`:
//! * Request: `GroupId`, `PermissionGroupId` (unknown ⇒ 10010 for the call) and, for add/set,
//!   `TopicPermissionList[{TopicId, Permission}]` (1–50 entries, else 10004; each `Permission`
//!   only the topic bits 1<<0 … 1<<6, else 10004 naming the bit; a topic listed twice ⇒ 10004);
//!   for delete `TopicIdList` (1–50).
//! * The answer of add/set/delete is per topic: `TopicResultItem[{TopicId, ErrorCode,
//!   ErrorInfo}]`. Per-topic codes: 10010 the topic does not exist in this Community (or, for
//!   set, the permission group has no permission on it yet: set changes, add creates); 10021
//!   add on a topic that already has one. Delete of a topic without one is 0 (nothing to do).
//! * `get_topic_permission_group`: optional `TopicIdList` (≤ 50; absent = every topic with a
//!   permission, in topic creation order) → `TopicPermissionList[{TopicId, ErrorCode,
//!   ErrorInfo, Permission}]`; a listed topic without a permission (or unknown) has
//!   `ErrorCode` 10010 and no `Permission`.

use std::collections::HashSet;

use serde_json::{Map, Value, json};

use super::permissions::{existing, permission, pg_community};
use super::topics::{item_error, per_item, topic_ids};
use crate::protocol::tencent::wire::TOPIC_PERMISSION_BITS;
use crate::protocol::tencent::{codes, limits};
use crate::sandbox::tencent::Ctx;
use crate::sandbox::tencent::body::Obj;
use crate::sandbox::tencent::error::{WireError, WireResult};
use crate::sandbox::tencent::repo::Group;

fn community_with_topics(ctx: &Ctx, o: &Obj) -> WireResult<Group> {
    let g = pg_community(ctx, o)?;
    if !g.support_topic {
        return Err(WireError::forbidden(format!("Community {} was not created with SupportTopic: 1; it has no topics", g.group_id)));
    }
    Ok(g)
}

/// `TopicPermissionList`: 1–50 `{TopicId, Permission}` with topic bits only.
fn entries<'a>(o: &Obj<'a, '_>) -> WireResult<Vec<(&'a str, u64)>> {
    let list = o.objects("TopicPermissionList")?;
    if list.is_empty() {
        return Err(WireError::param("TopicPermissionList is required and must not be empty"));
    }
    if list.len() > limits::TOPIC_PERMISSIONS_MAX {
        return Err(WireError::param(format!(
            "TopicPermissionList has {} entries; at most {} per call",
            list.len(),
            limits::TOPIC_PERMISSIONS_MAX
        )));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(list.len());
    for (name, map) in &list {
        let e = Obj::nested(map, name);
        let topic = e.req_str("TopicId")?;
        let bits = permission(&e, "Permission", &TOPIC_PERMISSION_BITS, "topic")?
            .ok_or_else(|| WireError::param(format!("{} is required", e.name("Permission"))))?;
        if !seen.insert(topic) {
            return Err(WireError::param(format!("{}: topic {topic} is listed twice", e.name("TopicId"))));
        }
        out.push((topic, bits));
    }
    Ok(out)
}

fn answer(items: Vec<Value>) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("TopicResultItem".into(), Value::Array(items));
    out
}

/// add (`replace` false) or set (`replace` true).
fn write(ctx: &Ctx, o: &Obj, replace: bool) -> WireResult<Map<String, Value>> {
    let g = community_with_topics(ctx, o)?;
    let (id, _) = existing(ctx, &g, o)?;
    let list = entries(o)?;
    let mut items = Vec::with_capacity(list.len());
    for (topic, bits) in list {
        let mut item = Map::new();
        item.insert("TopicId".into(), topic.into());
        let err = match per_item(ctx.repo.topic(&g.group_id, topic))? {
            Err(e) => Some(e),
            Ok(_) => match (ctx.repo.topic_permission(&g.group_id, id, topic)?, replace) {
                (Some(_), false) => Some(WireError::new(
                    codes::GROUP_ID_USED,
                    format!("permission group {id} already has a permission on topic {topic}; change it with set_topic_permission_group"),
                )),
                (None, true) => Some(WireError::new(
                    codes::GROUP_GONE,
                    format!("permission group {id} has no permission on topic {topic}; add it with add_topic_permission_group"),
                )),
                _ => {
                    ctx.repo.set_topic_permission(&g.group_id, id, topic, bits)?;
                    None
                }
            },
        };
        item_error(&mut item, err);
        items.push(Value::Object(item));
    }
    Ok(answer(items))
}

pub fn add(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    write(ctx, o, false)
}

pub fn set(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    write(ctx, o, true)
}

/// `delete_topic_permission_group`: `TopicIdList`.
pub fn delete(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = community_with_topics(ctx, o)?;
    let (id, _) = existing(ctx, &g, o)?;
    let topics = topic_ids(o, "TopicIdList", limits::TOPIC_PERMISSIONS_MAX)?.ok_or_else(|| WireError::param("TopicIdList is required"))?;
    if topics.is_empty() {
        return Err(WireError::param("TopicIdList must not be empty"));
    }
    let mut items = Vec::with_capacity(topics.len());
    for topic in topics {
        let mut item = Map::new();
        item.insert("TopicId".into(), topic.into());
        let err = per_item(ctx.repo.topic(&g.group_id, topic))?.err();
        if err.is_none() {
            ctx.repo.delete_topic_permission(&g.group_id, id, topic)?;
        }
        item_error(&mut item, err);
        items.push(Value::Object(item));
    }
    Ok(answer(items))
}

/// `get_topic_permission_group` → `TopicPermissionList[…]`.
pub fn get(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let g = community_with_topics(ctx, o)?;
    let (id, _) = existing(ctx, &g, o)?;
    let list: Vec<Value> = match topic_ids(o, "TopicIdList", limits::TOPIC_PERMISSIONS_MAX)? {
        None => ctx
            .repo
            .topic_permissions(&g.group_id, id)?
            .into_iter()
            .map(|(t, p)| json!({"TopicId": t, "ErrorCode": 0, "ErrorInfo": "", "Permission": p}))
            .collect(),
        Some(topics) => {
            let mut items = Vec::with_capacity(topics.len());
            for topic in topics {
                let mut item = Map::new();
                item.insert("TopicId".into(), topic.into());
                let found = match per_item(ctx.repo.topic(&g.group_id, topic))? {
                    Err(e) => Err(e),
                    Ok(_) => ctx.repo.topic_permission(&g.group_id, id, topic)?.ok_or_else(|| {
                        WireError::new(codes::GROUP_GONE, format!("permission group {id} has no permission on topic {topic}"))
                    }),
                };
                match found {
                    Ok(p) => {
                        item_error(&mut item, None);
                        item.insert("Permission".into(), p.into());
                    }
                    Err(e) => item_error(&mut item, Some(e)),
                }
                items.push(Value::Object(item));
            }
            items
        }
    };
    let mut out = Map::new();
    out.insert("PermissionGroupId".into(), id.into());
    out.insert("TopicPermissionList".into(), Value::Array(list));
    Ok(out)
}
