//! Typed requests and answers of the group Server API.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Map, Value};

pub use crate::model::rongcloud::*;

impl Permissions {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    pub fn to_json(&self) -> String {
        let mut m = Map::new();
        let mut put = |k: &str, v: Option<i64>| {
            if let Some(v) = v {
                m.insert(k.to_owned(), Value::from(v));
            }
        };
        put(JoinPermission::KEY, self.join.map(|p| p.value()));
        put(RemovePermission::KEY, self.remove.map(|p| p.value()));
        put(InvitePermission::KEY, self.invite.map(|p| p.value()));
        put(InviteHandling::KEY, self.invite_handling.map(|p| p.value()));
        put(ProfileEditPermission::KEY, self.profile_edit.map(|p| p.value()));
        put(MemberEditPermission::KEY, self.member_edit.map(|p| p.value()));
        Value::Object(m).to_string()
    }

    pub fn from_json(raw: &str) -> Self {
        let m: Map<String, Value> = serde_json::from_str(raw).unwrap_or_default();
        let get = |k: &str| m.get(k).and_then(|v| v.as_i64().or_else(|| v.as_str().and_then(|s| s.parse().ok())));
        Self {
            join: get(JoinPermission::KEY).and_then(JoinPermission::from_value),
            remove: get(RemovePermission::KEY).and_then(RemovePermission::from_value),
            invite: get(InvitePermission::KEY).and_then(InvitePermission::from_value),
            invite_handling: get(InviteHandling::KEY).and_then(InviteHandling::from_value),
            profile_edit: get(ProfileEditPermission::KEY).and_then(ProfileEditPermission::from_value),
            member_edit: get(MemberEditPermission::KEY).and_then(MemberEditPermission::from_value),
        }
    }
}

/// Member roles as the hosting API numbers them: 1 member, 2 admin, 3 owner.
pub use crate::model::Role as MemberRole;

impl MemberRole {
    pub fn from_wire(v: i64) -> Self {
        match v {
            3 => Self::Owner,
            2 => Self::Admin,
            _ => Self::Member,
        }
    }
}

/// Filter for member and joined-group queries: 0 all, 1 member, 2 admin, 3 owner.
///
/// One definition for both endpoints, though the documentation is ambiguous: the member-query
/// page (`/entrust/group/member/query.json`, `type`) numbers 1 member, 2 admin, 3 owner, while
/// one SDK's documentation of `/entrust/joined/group/query.json` (`role`) numbers 1 owner,
/// 2 admin, 3 member. The console therefore never trusts a filter or a returned role number to
/// say who owns a group: it reads ownership from the group's `owner` field
/// ([`super::neutral::joined_role`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RoleFilter {
    #[default]
    All,
    Member,
    Admin,
    Owner,
}

impl RoleFilter {
    pub fn wire(self) -> u8 {
        match self {
            Self::All => 0,
            Self::Member => 1,
            Self::Admin => 2,
            Self::Owner => 3,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    Ascending,
    /// The API's default.
    #[default]
    Descending,
}

impl Order {
    pub fn wire(self) -> u8 {
        match self {
            Self::Ascending => 0,
            Self::Descending => 1,
        }
    }
}

/// The `groupProfile` fields; in updates `None` = unchanged and `Some("")` = clear.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupProfile {
    pub introduction: Option<String>,
    pub announcement: Option<String>,
    pub portrait_url: Option<String>,
}

impl GroupProfile {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    pub fn to_json(&self, name: Option<&str>) -> String {
        let mut m = Map::new();
        for (k, v) in [("introduction", &self.introduction), ("announcement", &self.announcement), ("portraitUrl", &self.portrait_url)] {
            if let Some(v) = v {
                m.insert(k.to_owned(), Value::from(v.clone()));
            }
        }
        if let Some(n) = name {
            m.insert("name".into(), Value::from(n));
        }
        Value::Object(m).to_string()
    }

    pub fn from_json(raw: &str) -> Self {
        let m: Map<String, Value> = serde_json::from_str(raw).unwrap_or_default();
        let get = |k: &str| m.get(k).and_then(Value::as_str).map(str::to_owned);
        Self { introduction: get("introduction"), announcement: get("announcement"), portrait_url: get("portraitUrl") }
    }
}

/// extProfile: `ext_` keys to string values.
pub type ExtProfile = BTreeMap<String, String>;

pub fn ext_from_json(raw: &str) -> ExtProfile {
    let m: Map<String, Value> = serde_json::from_str(raw).unwrap_or_default();
    m.into_iter()
        .map(|(k, v)| (k, v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string())))
        .collect()
}

pub fn ext_to_json(ext: &ExtProfile) -> String {
    serde_json::to_string(ext).unwrap_or_else(|_| "{}".into())
}

/// A hosted group's full profile (`/entrust/group/profile/query.json`).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupInfo {
    pub group_id: String,
    pub name: String,
    pub profile: GroupProfile,
    pub ext: ExtProfile,
    pub permissions: Permissions,
    pub owner: String,
    pub create_time: i64,
    pub member_count: i64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireProfile {
    pub group_id: String,
    #[serde(alias = "name")]
    pub group_name: String,
    #[serde(default)]
    pub group_profile: String,
    #[serde(default)]
    pub group_ext_profile: String,
    #[serde(default)]
    pub permissions: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub create_time: i64,
    #[serde(default)]
    pub member_count: i64,
}

impl From<WireProfile> for GroupInfo {
    fn from(w: WireProfile) -> Self {
        Self {
            group_id: w.group_id,
            name: w.group_name,
            profile: GroupProfile::from_json(&w.group_profile),
            ext: ext_from_json(&w.group_ext_profile),
            permissions: Permissions::from_json(&w.permissions),
            owner: w.owner,
            create_time: w.create_time,
            member_count: w.member_count,
        }
    }
}

/// A member of a hosted group.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    pub user_id: String,
    #[serde(default)]
    pub nickname: String,
    #[serde(deserialize_with = "role_de")]
    pub role: MemberRole,
    /// Join time, epoch milliseconds.
    #[serde(default)]
    pub time: i64,
    #[serde(default)]
    pub extra: String,
}

fn role_de<'de, D: serde::Deserializer<'de>>(d: D) -> Result<MemberRole, D::Error> {
    Ok(MemberRole::from_wire(i64::deserialize(d)?))
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberPage {
    #[serde(default)]
    pub total_count: i64,
    #[serde(default)]
    pub page_token: String,
    #[serde(default)]
    pub members: Vec<Member>,
}

/// A row of `/entrust/group/query.json`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupSummary {
    pub group_id: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub creator: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub portrait_url: String,
    /// Creation time, epoch milliseconds.
    #[serde(default)]
    pub time: i64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupPage {
    #[serde(default)]
    pub page_token: String,
    #[serde(default)]
    pub groups: Vec<GroupSummary>,
}

/// A row of `/entrust/joined/group/query.json`.
#[derive(Clone, Debug, PartialEq)]
pub struct JoinedGroup {
    pub group_id: String,
    pub name: String,
    pub remark_name: String,
    pub role: MemberRole,
    pub join_time: i64,
    pub member_count: i64,
    pub owner: String,
    pub create_time: i64,
    pub profile: GroupProfile,
    pub ext: ExtProfile,
    pub permissions: Permissions,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireJoined {
    pub group_id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub remark_name: String,
    #[serde(default)]
    pub group_profile: String,
    #[serde(default)]
    pub group_ext_profile: String,
    #[serde(default)]
    pub permissions: String,
    #[serde(default)]
    pub create_time: i64,
    #[serde(default)]
    pub join_time: i64,
    #[serde(default)]
    pub role: i64,
    #[serde(default)]
    pub count: i64,
    #[serde(default)]
    pub owner: String,
}

impl From<WireJoined> for JoinedGroup {
    fn from(w: WireJoined) -> Self {
        Self {
            group_id: w.group_id,
            name: w.name,
            remark_name: w.remark_name,
            role: MemberRole::from_wire(w.role),
            join_time: w.join_time,
            member_count: w.count,
            owner: w.owner,
            create_time: w.create_time,
            profile: GroupProfile::from_json(&w.group_profile),
            ext: ext_from_json(&w.group_ext_profile),
            permissions: Permissions::from_json(&w.permissions),
        }
    }
}

#[derive(Clone, Debug)]
pub struct JoinedPage {
    pub total_count: i64,
    pub page_token: String,
    pub groups: Vec<JoinedGroup>,
}

/// A muted member (`/group/user/gag/list.json`); times as the server formats them.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MutedUser {
    pub user_id: String,
    #[serde(default)]
    pub start_time: String,
    /// Unmute time; `9999-12-31 23:59:59` on the sandbox for a permanent mute.
    #[serde(default)]
    pub time: String,
}

/// A group of `/user/group/query.json`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct LegacyGroup {
    pub id: String,
    #[serde(default)]
    pub name: String,
}

/// A followed member and when they were followed.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Followed {
    pub user_id: String,
    #[serde(default)]
    pub timestamp: i64,
}

/// What a new hosted group starts with.
#[derive(Clone, Debug, Default)]
pub struct NewGroup {
    pub group_id: String,
    pub name: String,
    pub owner: String,
    /// At most 30 besides the owner.
    pub members: Vec<String>,
    pub profile: GroupProfile,
    pub permissions: Permissions,
    pub ext: ExtProfile,
}

/// A partial profile update: only what is `Some` (or non-empty) is sent.
#[derive(Clone, Debug, Default)]
pub struct ProfileUpdate {
    pub name: Option<String>,
    pub profile: GroupProfile,
    pub permissions: Permissions,
    /// Keys to set; an empty value removes the key.
    pub ext: ExtProfile,
}

impl ProfileUpdate {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.profile.is_empty() && self.permissions.is_empty() && self.ext.is_empty()
    }
}
