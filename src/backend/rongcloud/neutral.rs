//! RongCloud behind the neutral verbs of [`crate::backend::Backend`]: wire types mapped to the
//! model, hosted and legacy groups told apart, and the capabilities of each kind of group.

use std::collections::{HashMap, HashSet};

use super::client::Client;
use super::limits;
use super::types::{GroupInfo, NewGroup as WireNewGroup, ProfileUpdate};
use crate::model::MemberAction;
use crate::model::bulk::{BulkReport, Control};
use crate::model::caps::{BatchSizes, MuteCaps, MuteUnit};
use crate::model::rongcloud::RcGroup;
use crate::model::{ApiError, Capabilities, GroupDetail, GroupRow, JoinedRow, Member, NewGroup, ProfileChange, Role, ServiceDetail};

/// What a hosted (`hosted`) or legacy RongCloud group allows.
pub fn capabilities(hosted: bool) -> Capabilities {
    Capabilities {
        mute: Some(MuteCaps { unit: MuteUnit::Minutes, max_seconds: u64::from(limits::MUTE_MINUTES_MAX) * 60, permanent: true }),
        mute_all: true,
        allowlist: true,
        max_admins: hosted.then_some(limits::ADMINS_MAX),
        transfer_owner: hosted,
        member_list: true,
        profile: hosted,
        batch: BatchSizes {
            mute: limits::GAG_PER_CALL,
            kick: if hosted { limits::ENTRUST_USERS_PER_CALL } else { limits::LEGACY_MEMBERS_PER_CALL },
            add: if hosted { limits::ENTRUST_USERS_PER_CALL } else { limits::LEGACY_MEMBERS_PER_CALL },
            allowlist: limits::GAG_PER_CALL,
        },
        max_user_id: limits::ID_MAX,
        custom_fields: Vec::new(),
        max_custom_fields: if hosted { limits::EXT_PAIRS_MAX } else { 0 },
    }
}

/// Every hosted group and the profiles of all of them (the group list, the ext-key scan).
pub async fn all_groups_with_profiles(c: &Client) -> Result<(Vec<super::types::GroupSummary>, Vec<GroupInfo>), ApiError> {
    let groups = c.all_groups().await?;
    let ids: Vec<String> = groups.iter().map(|g| g.group_id.clone()).collect();
    let profiles = c.group_profiles_all(&ids).await?;
    Ok((groups, profiles))
}

pub async fn list_groups(c: &Client) -> Result<Vec<GroupRow>, ApiError> {
    let (groups, profiles) = all_groups_with_profiles(c).await?;
    let counts: HashMap<String, i64> = profiles.into_iter().map(|p| (p.group_id, p.member_count)).collect();
    Ok(groups
        .into_iter()
        .map(|g| GroupRow {
            group_type: None,
            member_count: counts.get(&g.group_id).copied().unwrap_or(0),
            group_id: g.group_id,
            name: g.name,
            owner: g.owner,
            created_ms: g.time,
        })
        .collect())
}

fn hosted_detail(info: GroupInfo, muted_all: bool) -> GroupDetail {
    GroupDetail {
        group_id: info.group_id,
        name: info.name,
        owner: info.owner,
        created_ms: info.create_time,
        member_count: info.member_count,
        muted_all,
        introduction: info.profile.introduction.unwrap_or_default(),
        announcement: info.profile.announcement.unwrap_or_default(),
        portrait_url: info.profile.portrait_url.unwrap_or_default(),
        custom: info.ext,
        caps: capabilities(true),
        service: ServiceDetail::RongCloud(RcGroup { hosted: true, permissions: info.permissions }),
    }
}

/// There is no group `group_id`: no hosted profile and no legacy members. Reported with the
/// hosted API's code for it (25410), though neither read refused.
pub(super) fn no_such_group(group_id: &str) -> ApiError {
    let code = super::codes::GROUP_MISSING[0];
    ApiError {
        kind: crate::model::ErrorKind::Server,
        path: "/entrust/group/profile/query.json".into(),
        http_status: None,
        code: Some(code),
        message: format!("group {group_id} does not exist (no hosted profile and no members)"),
        request_id: None,
        field: Some("groupId".into()),
        details: None,
        server_explanation: Some(super::codes::explain(code)),
    }
}

/// A hosted group's profile, or a legacy group's member count; an unknown id is an error (a
/// legacy call would create the group silently; a console must not).
pub async fn open_group(c: &Client, group_id: &str) -> Result<GroupDetail, ApiError> {
    let ids = [group_id];
    let (info, muted) = futures::try_join!(c.group_info(group_id), c.mute_all_status(&ids))?;
    let muted_all = muted.first().is_some_and(|(_, on)| *on);
    if let Some(info) = info {
        return Ok(hosted_detail(info, muted_all));
    }
    let members = c.group_members(group_id).await?.len();
    if members == 0 {
        return Err(no_such_group(group_id));
    }
    Ok(GroupDetail {
        group_id: group_id.to_owned(),
        name: group_id.to_owned(),
        owner: String::new(),
        created_ms: 0,
        member_count: members as i64,
        muted_all,
        introduction: String::new(),
        announcement: String::new(),
        portrait_url: String::new(),
        custom: Default::default(),
        caps: capabilities(false),
        service: ServiceDetail::RongCloud(RcGroup { hosted: false, permissions: Default::default() }),
    })
}

pub async fn update_profile(c: &Client, group_id: &str, change: &ProfileChange) -> Result<(), ApiError> {
    let mut u = ProfileUpdate { name: change.name.clone(), ..Default::default() };
    u.profile.introduction = change.introduction.clone();
    u.profile.announcement = change.announcement.clone();
    u.profile.portrait_url = change.portrait_url.clone();
    u.permissions = change.rongcloud.unwrap_or_default();
    u.ext = change.custom.clone();
    c.update_profile(group_id, &u).await
}

pub async fn create_group(c: &Client, g: &NewGroup) -> Result<(), ApiError> {
    let wire = WireNewGroup { group_id: g.group_id.clone(), name: g.name.clone(), owner: g.owner.clone(), members: g.members.clone(), ..Default::default() };
    c.create_group(&wire).await
}

/// Hosted groups are dismissed through hosting; legacy ones through `/group/dismiss.json`.
pub async fn dismiss(c: &Client, detail: &GroupDetail) -> Result<(), ApiError> {
    if detail.is_legacy() { c.group_dismiss("groupdesk", &detail.group_id).await } else { c.dismiss_group(&detail.group_id).await }
}

/// Every member with mute end and allowlist state: hosted groups with role, nickname, join
/// time and extra; legacy groups with their ids (role member).
pub async fn members(c: &Client, detail: &GroupDetail) -> Result<Vec<Member>, ApiError> {
    let group_id = detail.group_id.as_str();
    let (muted, allow) = futures::try_join!(c.muted(Some(group_id)), c.allowlist(group_id))?;
    let mut rows: Vec<Member> = if detail.is_legacy() {
        c.group_members(group_id).await?.into_iter().map(|u| Member { user_id: u, role: Some(Role::Member), ..Default::default() }).collect()
    } else {
        c.all_members(group_id, None)
            .await?
            .into_iter()
            .map(|m| Member { user_id: m.user_id, nickname: m.nickname, role: Some(m.role), join_time_ms: m.time, extra: m.extra, ..Default::default() })
            .collect()
    };
    let clock = c.config().clock.unwrap_or_else(|| c.config().endpoint.clock());
    let muted: HashMap<String, String> = muted.into_iter().map(|m| (m.user_id, clock.to_utc(&m.time))).collect();
    let allow: HashSet<String> = allow.into_iter().collect();
    for r in &mut rows {
        r.muted_until = muted.get(&r.user_id).cloned();
        r.allowlisted = allow.contains(&r.user_id);
    }
    Ok(rows)
}

pub async fn run_members(c: &Client, group_id: &str, action: &MemberAction, users: &[String], ctl: &Control) -> BulkReport {
    match action {
        MemberAction::Add => c.add_members(group_id, users, ctl).await,
        MemberAction::Kick(o) => c.kick_members(group_id, users, *o, ctl).await,
        MemberAction::Mute(d) => c.mute_members(group_id, users, u32::try_from(d.minutes()).unwrap_or(u32::MAX), ctl).await,
        MemberAction::Unmute => c.unmute_members(group_id, users, ctl).await,
        MemberAction::AllowlistAdd => c.allowlist_add_users(group_id, users, ctl).await,
        MemberAction::AllowlistRemove => c.allowlist_remove_users(group_id, users, ctl).await,
    }
}

/// Admin changes; making a non-member an admin is an error naming them.
pub async fn set_admins(c: &Client, group_id: &str, users: &[String], add: bool) -> Result<(), ApiError> {
    if !add {
        return c.remove_admins(group_id, users).await;
    }
    let outsiders = c.add_admins(group_id, users).await?;
    if !outsiders.is_empty() {
        return Err(ApiError::invalid("", "userIds", format!("not members: {}", outsiders.join(", "))));
    }
    Ok(())
}

pub async fn user_groups(c: &Client, user_id: &str) -> Result<Vec<JoinedRow>, ApiError> {
    Ok(c.all_joined(user_id)
        .await?
        .into_iter()
        .map(|g| JoinedRow { role: joined_role(user_id, &g.owner, g.role), group_id: g.group_id, name: g.name, join_time_ms: g.join_time })
        .collect())
}

/// A user's role in a joined group. The role number's meaning is documented two ways (see
/// [`super::types::RoleFilter`]), so ownership comes from the group's owner alone: a guess the
/// wrong way round can never show a plain member's group as owned.
pub fn joined_role(user_id: &str, owner: &str, reported: Role) -> Role {
    match reported {
        _ if owner == user_id => Role::Owner,
        Role::Owner => Role::Member,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ownership_comes_from_the_owner_field() {
        assert_eq!(joined_role("u1", "u1", Role::Member), Role::Owner, "reported the other way round");
        assert_eq!(joined_role("u2", "u1", Role::Owner), Role::Member, "a member reported as 3 is not an owner");
        assert_eq!(joined_role("u2", "u1", Role::Admin), Role::Admin);
    }
}
