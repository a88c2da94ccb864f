//! Tencent-only operations (#13): the app's custom-field registry (read it, add keys to the
//! sandbox's, scan the groups for keys in use) and Community permission groups (list with their
//! members and topic bits; create, rename and edit bits, members in and out with the service's
//! result per member, the topics they apply to, destroy). Every change is recorded in the audit log like
//! the shared ones, the same words from the console and the CLI.

use std::collections::BTreeSet;

use crate::backend::tencent::Client;
use crate::backend::tencent::types::{CustomFields, PermissionGroup, ResponseFilter, TopicPermission};
use crate::model::ApiError;

use super::{Recorded, Session};

fn client(s: &Session) -> Result<&Client, ApiError> {
    s.backend.tencent().ok_or_else(|| ApiError::invalid("", "service", "this needs a Tencent Cloud Chat connection"))
}

// ----- custom fields -----

/// The app's configured keys (the sandbox answers; the live service keeps them in its console).
pub async fn custom_fields(s: &Session) -> Result<CustomFields, ApiError> {
    client(s)?.custom_fields().await
}

/// Adds keys to the sandbox's registry. Configured keys can never be changed or deleted (as on
/// the live service): re-sending a key's definition unchanged is harmless, another is refused.
pub async fn add_custom_fields(s: &Session, fields: &CustomFields, reason: Option<&str>) -> Recorded<Result<(), ApiError>> {
    let keys: Vec<&str> = fields.group_fields.iter().map(|f| f.key.as_str()).chain(fields.member_fields.iter().map(|f| f.key.as_str())).collect();
    let action = format!("add custom fields: {}", keys.join(", "));
    let result = match client(s) {
        Ok(c) => c.add_custom_fields(fields).await,
        Err(e) => Err(e),
    };
    s.record_change(&action, "", reason, result).await
}

/// The group-level keys that hold a value on at least one group (every group read, 50 a call):
/// `keys`, or when empty the registry's (the live service has no registry to read: its keys are
/// named by the operator).
pub async fn scan_fields_in_use(s: &Session, keys: &[String]) -> Result<Vec<String>, ApiError> {
    let c = client(s)?;
    let keys: Vec<String> = if keys.is_empty() { c.custom_fields().await?.group_fields.into_iter().map(|f| f.key).collect() } else { keys.to_vec() };
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let ids = c.all_group_ids(None).await?;
    let filter = ResponseFilter { base: Some(vec!["Type".into()]), group_keys: keys, ..Default::default() };
    let mut used = BTreeSet::new();
    for g in c.group_infos_all(&ids, &filter).await? {
        used.extend(g.custom.into_iter().filter(|kv| !kv.value.is_empty()).map(|kv| kv.key));
    }
    Ok(used.into_iter().collect())
}

// ----- permission groups -----

/// A permission group with its members and its bits per topic.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PermGroupView {
    pub group: PermissionGroup,
    pub members: Vec<String>,
    pub topics: Vec<TopicPermission>,
}

/// The permission groups of a Community and its topics (id, name).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommunityPermissions {
    pub groups: Vec<PermGroupView>,
    pub topics: Vec<(String, String)>,
}

/// Every permission group of `group_id` with members and topic bits, and the topics.
pub async fn permission_groups(s: &Session, group_id: &str) -> Result<CommunityPermissions, ApiError> {
    let c = client(s)?;
    let topics = c.topics(group_id, &[]).await?.into_iter().map(|t| (t.topic_id, t.topic_name)).collect();
    let mut groups = Vec::new();
    for g in c.permission_groups(group_id, &[]).await? {
        let members = c.permission_group_members(group_id, &g.permission_group_id).await?;
        let topics = c
            .topic_permission_group(group_id, &g.permission_group_id, &[])
            .await?
            .into_iter()
            .filter_map(|t| Some(TopicPermission { permission: t.permission?, topic_id: t.topic_id }))
            .collect();
        groups.push(PermGroupView { group: g, members, topics });
    }
    groups.sort_by(|a, b| a.group.permission_group_id.cmp(&b.group.permission_group_id));
    Ok(CommunityPermissions { groups, topics })
}

/// A change to a Community's permission groups.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PermChange {
    Create { name: String, permission: u64 },
    /// Rename and/or new group-level bits (what is `Some`).
    Modify { pg: String, name: Option<String>, permission: Option<u64> },
    Destroy { pg: String },
    /// Members in (`add`) or out.
    Members { pg: String, add: bool, users: Vec<String> },
    /// Topics newly attached, changed bits, detached.
    Topics { pg: String, add: Vec<TopicPermission>, set: Vec<TopicPermission>, remove: Vec<String> },
}

impl PermChange {
    /// The audit action ("modify permission group @PMG#_x: name, permissions").
    pub fn action(&self) -> String {
        match self {
            Self::Create { name, permission } => format!("create permission group {name} (permissions {permission})"),
            Self::Modify { pg, name, permission } => {
                let mut what = Vec::new();
                if let Some(n) = name {
                    what.push(format!("name {n}"));
                }
                if let Some(p) = permission {
                    what.push(format!("permissions {p}"));
                }
                format!("modify permission group {pg}: {}", what.join(", "))
            }
            Self::Destroy { pg } => format!("destroy permission group {pg}"),
            Self::Members { pg, add: true, users } => format!("add to permission group {pg}: {}", users.join(", ")),
            Self::Members { pg, add: false, users } => format!("remove from permission group {pg}: {}", users.join(", ")),
            Self::Topics { pg, add, set, remove } => {
                let ids = |v: &[TopicPermission]| v.iter().map(|t| format!("{}={}", t.topic_id, t.permission)).collect::<Vec<_>>().join(", ");
                format!("topic permissions of {pg}: add [{}], set [{}], remove [{}]", ids(add), ids(set), remove.join(", "))
            }
        }
    }
}

/// One account's result of a permission-group membership change (the service's `Result`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberResult {
    Added,
    AlreadyIn,
    /// Not a member of the Community (or not imported): not added.
    NotMember,
    Removed,
    /// Was not in the permission group.
    NotIn,
}

impl MemberResult {
    /// The member is now where asked.
    pub fn ok(self) -> bool {
        !matches!(self, Self::NotMember)
    }
}

/// What a permission-group change did: the new group's id, and for membership changes each
/// member's result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PermApplied {
    pub created: Option<String>,
    pub members: Vec<(String, MemberResult)>,
}

/// The first failed item of a per-item answer, as the error.
fn first_error(outcomes: Vec<crate::backend::tencent::types::Outcome>) -> Result<(), ApiError> {
    match outcomes.into_iter().find_map(|o| o.error) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Applies one change and records it.
pub async fn change_permissions(s: &Session, group_id: &str, change: &PermChange, reason: Option<&str>) -> Recorded<Result<PermApplied, ApiError>> {
    let result = match client(s) {
        Ok(c) => apply(c, group_id, change).await,
        Err(e) => Err(e),
    };
    s.record_change(&change.action(), group_id, reason, result).await
}

async fn apply(c: &Client, group_id: &str, change: &PermChange) -> Result<PermApplied, ApiError> {
    let mut out = PermApplied::default();
    match change {
        PermChange::Create { name, permission } => {
            let pg = PermissionGroup { permission_group_name: name.clone(), permission: *permission, ..Default::default() };
            out.created = Some(c.create_permission_group(group_id, &pg).await?);
        }
        PermChange::Modify { pg, name, permission } => c.modify_permission_group(group_id, pg, name.as_deref(), *permission, None).await?,
        PermChange::Destroy { pg } => first_error(c.destroy_permission_groups(group_id, std::slice::from_ref(pg)).await?)?,
        PermChange::Members { pg, add, users } => {
            let max = crate::backend::tencent::limits::PERMISSION_GROUP_MEMBERS_MAX;
            for chunk in users.chunks(max) {
                let results = if *add { c.add_permission_group_members(group_id, pg, chunk).await? } else { c.delete_permission_group_members(group_id, pg, chunk).await? };
                out.members.extend(results.into_iter().map(|m| {
                    let r = match (*add, m.result) {
                        (true, 1) => MemberResult::Added,
                        (true, 2) => MemberResult::AlreadyIn,
                        (true, _) => MemberResult::NotMember,
                        (false, 1) => MemberResult::Removed,
                        (false, _) => MemberResult::NotIn,
                    };
                    (m.account, r)
                }));
            }
        }
        PermChange::Topics { pg, add, set, remove } => {
            for chunk in add.chunks(crate::backend::tencent::limits::TOPIC_PERMISSIONS_MAX) {
                first_error(c.add_topic_permission_group(group_id, pg, chunk).await?)?;
            }
            for chunk in set.chunks(crate::backend::tencent::limits::TOPIC_PERMISSIONS_MAX) {
                first_error(c.set_topic_permission_group(group_id, pg, chunk).await?)?;
            }
            for chunk in remove.chunks(crate::backend::tencent::limits::TOPIC_PERMISSIONS_MAX) {
                first_error(c.delete_topic_permission_group(group_id, pg, chunk).await?)?;
            }
        }
    }
    Ok(out)
}

// ----- files -----

/// Writes keys as the JSON that `add_custom_fields` takes (and the console imports).
pub fn write_fields_file(path: &std::path::Path, fields: &CustomFields) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(fields).map_err(std::io::Error::other)?;
    std::fs::write(path, text + "\n")
}
