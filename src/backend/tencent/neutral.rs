//! Tencent behind the neutral verbs of [`crate::backend::Backend`]: wire types mapped to the
//! model, and the capabilities of each group type (Work: no mute, no admins; AVChatRoom: no
//! member list, add or kick; Community: cursor paging, permission groups; mutes in seconds with
//! "permanent").

use std::collections::BTreeMap;

use chrono::TimeZone;

use super::client::Client;
use super::credentials::unix_now;
use super::limits;
use super::members::MemberFilter;
use super::types::{self as wire, CustomFields, GroupChange, GroupInfo, GroupType, InitialMember, KeyValue, OnOff, ResponseFilter};
use crate::model::MemberAction;
use crate::model::bulk::{BulkReport, Control};
use crate::model::caps::{BatchSizes, CustomField, MuteCaps, MuteUnit};
use crate::model::tencent::TcGroup;
use crate::model::{ApiError, Capabilities, GroupDetail, GroupRow, JoinedRow, Member, MuteDuration, NewGroup, ProfileChange, Role, ServiceDetail};

/// What a group of this type allows; `group_keys` are the app's group-level custom fields.
pub fn capabilities(t: GroupType, group_keys: &[String]) -> Capabilities {
    Capabilities {
        mute: t.can_mute().then_some(MuteCaps { unit: MuteUnit::Seconds, max_seconds: limits::MUTE_PERMANENT - 1, permanent: true }),
        mute_all: t.can_mute(),
        allowlist: false,
        max_admins: t.has_admins().then_some(usize::MAX),
        transfer_owner: true,
        member_list: t.has_member_list(),
        profile: true,
        batch: BatchSizes { mute: limits::MUTE_ACCOUNTS_MAX, kick: limits::DELETE_MEMBERS_MAX, add: limits::ADD_MEMBERS_MAX, allowlist: 0 },
        max_user_id: limits::ACCOUNT_BYTES,
        custom_fields: group_keys.iter().map(|k| CustomField { key: k.clone(), max_len: limits::GROUP_VALUE_BYTES }).collect(),
        max_custom_fields: limits::GROUP_KEYS_MAX,
    }
}

/// The model's role of a wire role (`NotMember` has none).
pub fn role(r: Option<wire::Role>) -> Option<Role> {
    match r? {
        wire::Role::Owner => Some(Role::Owner),
        wire::Role::Admin => Some(Role::Admin),
        wire::Role::Member => Some(Role::Member),
        wire::Role::NotMember => None,
    }
}

/// A mute end as the console shows it: `None` when over, `permanent` for a permanent mute
/// (answered as 4294967295 itself, or as an end more than 50 years ahead), else
/// `YYYY-MM-DD HH:MM:SS UTC`.
pub fn mute_end(until: u64, now: u64) -> Option<String> {
    if until <= now {
        return None;
    }
    if until >= limits::MUTE_PERMANENT || until - now > 50 * 365 * 86_400 {
        return Some("permanent".into());
    }
    let t = chrono::Utc.timestamp_opt(until as i64, 0).single()?;
    Some(format!("{} UTC", t.format("%Y-%m-%d %H:%M:%S")))
}

/// A mute length in the seconds `forbid_send_msg` takes.
pub fn mute_seconds(d: MuteDuration) -> u64 {
    match d {
        MuteDuration::Permanent => limits::MUTE_PERMANENT,
        MuteDuration::Seconds(s) => s.clamp(1, limits::MUTE_PERMANENT - 1),
    }
}

/// Group-level keys, and the member-level (key, label) pairs available in `group_type`.
fn keys(fields: &Option<CustomFields>, group_type: Option<GroupType>) -> (Vec<String>, Vec<(String, String)>) {
    let Some(f) = fields else { return (Vec::new(), Vec::new()) };
    let group = f.group_fields.iter().map(|d| d.key.clone()).collect();
    let member = f
        .member_fields
        .iter()
        .filter(|d| d.group_types.is_empty() || group_type.is_none_or(|t| d.group_types.contains(&t)))
        .map(|d| (d.key.clone(), d.label.clone()))
        .collect();
    (group, member)
}

fn custom_map(data: Vec<KeyValue>) -> BTreeMap<String, String> {
    data.into_iter().map(|kv| (kv.key, kv.value)).collect()
}

pub async fn list_groups(c: &Client) -> Result<Vec<GroupRow>, ApiError> {
    let ids = c.all_group_ids(None).await?;
    let filter = super::browse::row_filter();
    let mut rows: Vec<GroupRow> = c.group_infos_all(&ids, &filter).await?.into_iter().filter_map(super::browse::row).collect();
    rows.sort_by(|a, b| b.created_ms.cmp(&a.created_ms).then_with(|| a.group_id.cmp(&b.group_id)));
    Ok(rows)
}

fn detail(g: GroupInfo, group_keys: &[String], member_keys: Vec<(String, String)>) -> GroupDetail {
    let (member_fields, member_field_labels) = member_keys.into_iter().unzip();
    let t = g.group_type.unwrap_or(GroupType::Public);
    GroupDetail {
        caps: capabilities(t, group_keys),
        muted_all: g.mute_all_member == Some(OnOff::On),
        introduction: g.introduction,
        announcement: g.notification,
        portrait_url: g.face_url,
        custom: custom_map(g.custom),
        service: ServiceDetail::Tencent(TcGroup {
            group_type: t,
            apply_join: g.apply_join_option,
            invite_join: g.invite_join_option,
            max_members: g.max_member_num,
            info_seq: g.info_seq,
            last_info_time: g.last_info_time,
            last_msg_time: g.last_msg_time,
            permission_groups: g.enable_permission == Some(1),
            default_permission: g.default_permission,
            member_fields,
            member_field_labels,
        }),
        group_id: g.group_id,
        name: g.name,
        owner: g.owner,
        created_ms: g.create_time * 1000,
        member_count: g.member_num as i64,
    }
}

/// One group with every base field and the app's custom fields (their keys must be asked for).
pub async fn open_group(c: &Client, group_id: &str) -> Result<GroupDetail, ApiError> {
    let registry = c.custom_field_registry().await;
    let (group_keys, _) = keys(&registry, None);
    let filter = ResponseFilter { group_keys: group_keys.clone(), ..Default::default() };
    let g = c.group(group_id, &filter).await?;
    let (_, member_keys) = keys(&registry, g.group_type);
    Ok(detail(g, &group_keys, member_keys))
}

pub async fn update_profile(c: &Client, group_id: &str, change: &ProfileChange) -> Result<(), ApiError> {
    let t = change.tencent.unwrap_or_default();
    let wire = GroupChange {
        name: change.name.clone(),
        introduction: change.introduction.clone(),
        notification: change.announcement.clone(),
        face_url: change.portrait_url.clone(),
        max_member_num: t.max_members,
        apply_join_option: t.apply_join,
        invite_join_option: t.invite_join,
        mute_all_member: None,
        custom: change.custom.iter().map(|(k, v)| KeyValue::new(k, v)).collect(),
    };
    c.modify_group(group_id, &wire).await
}

pub async fn create_group(c: &Client, g: &NewGroup) -> Result<String, ApiError> {
    let mut wire = wire::NewGroup::new(g.tencent_type.unwrap_or(GroupType::Public), g.name.clone());
    wire.group_id = Some(g.group_id.trim().to_owned()).filter(|s| !s.is_empty());
    wire.owner = Some(g.owner.trim().to_owned()).filter(|s| !s.is_empty());
    wire.members = g.members.iter().filter(|m| Some(m.as_str()) != wire.owner.as_deref()).map(|m| InitialMember { account: m.clone(), ..Default::default() }).collect();
    wire.support_topic = wire.group_type == GroupType::Community;
    c.create_group(&wire).await
}

/// What a member page asks for: the default fields and the group's member custom fields.
fn member_filter(d: &GroupDetail) -> MemberFilter {
    MemberFilter { fields: None, roles: None, custom_keys: d.tencent().map(|g| g.member_fields.clone()).unwrap_or_default() }
}

fn group_type(d: &GroupDetail) -> GroupType {
    d.tencent().map(|g| g.group_type).unwrap_or(GroupType::Public)
}

/// A wire member in the model (mute end relative to `now`).
pub fn member(m: wire::MemberInfo, now: u64) -> Member {
    Member {
        role: role(m.role),
        nickname: m.name_card,
        join_time_ms: m.join_time * 1000,
        muted_until: mute_end(m.mute_until, now),
        custom: custom_map(m.custom),
        tencent: Some(crate::model::tencent::TcMember { msg_flag: m.msg_flag, last_send_ms: m.last_send_msg_time * 1000 }),
        user_id: m.account,
        ..Default::default()
    }
}

/// Every member with role, name card, join time, mute end and custom fields (AVChatRoom: none).
pub async fn members(c: &Client, d: &GroupDetail) -> Result<Vec<Member>, ApiError> {
    let now = unix_now();
    Ok(c.all_members(&d.group_id, group_type(d), &member_filter(d), None).await?.into_iter().map(|m| member(m, now)).collect())
}

/// Members page by page as they arrive (a Community's cursor pages one after the other), each
/// account once: `on_page(rows, member count)` for each page; it answers whether to go on
/// (false stops reading). A type without a member list has no page.
pub async fn member_pages(c: &Client, d: &GroupDetail, on_page: &mut (dyn FnMut(Vec<Member>, usize) -> bool + Send)) -> Result<(), ApiError> {
    use futures::TryStreamExt;
    let t = group_type(d);
    if !t.has_member_list() {
        return Ok(());
    }
    let filter = member_filter(d);
    let mut seen = std::collections::HashSet::new();
    let mut pages = c.member_pages(&d.group_id, t, &filter);
    while let Some(page) = pages.try_next().await? {
        let now = unix_now();
        let total = page.member_num as usize;
        let rows: Vec<Member> = page.members.into_iter().filter(|m| seen.insert(m.account.clone())).map(|m| member(m, now)).collect();
        if !on_page(rows, total) {
            break;
        }
    }
    Ok(())
}

pub async fn run_members(c: &Client, group_id: &str, action: &MemberAction, users: &[String], ctl: &Control) -> BulkReport {
    match action {
        MemberAction::Add => c.add_members_bulk(group_id, users, ctl).await,
        MemberAction::Kick(_) => c.kick_members(group_id, users, ctl).await,
        MemberAction::Mute(d) => c.mute_members(group_id, users, mute_seconds(*d), ctl).await,
        MemberAction::Unmute => c.unmute_members(group_id, users, ctl).await,
        MemberAction::AllowlistAdd | MemberAction::AllowlistRemove => {
            super::bulk::failed_report(users, &ApiError::invalid("", "action", "Tencent Cloud Chat has no mute-all allowlist"))
        }
    }
}

/// Admin changes, one member per call (`modify_group_member_info`), concurrently.
pub async fn set_admins(c: &Client, group_id: &str, users: &[String], add: bool) -> Result<(), ApiError> {
    use futures::TryStreamExt;
    futures::stream::iter(users.iter().map(Ok))
        .try_for_each_concurrent(c.config().bulk_concurrency.max(1), |u| async move { c.set_admin(group_id, u, add).await })
        .await
}

/// A member's name card; Tencent keeps no per-member extra text (use a member custom field).
pub async fn set_member(c: &Client, group_id: &str, user_id: &str, nickname: &str, extra: &str) -> Result<(), ApiError> {
    if !extra.is_empty() {
        return Err(ApiError::invalid("", "extra", "Tencent Cloud Chat keeps no member extra text; use a member custom field"));
    }
    c.modify_member(group_id, user_id, &wire::MemberChange { name_card: Some(nickname.to_owned()), ..Default::default() }).await
}

/// Transfers ownership; when the old owner leaves, they are removed afterwards.
pub async fn transfer_owner(c: &Client, group_id: &str, new_owner: &str, old_owner_leaves: bool) -> Result<(), ApiError> {
    let old = if old_owner_leaves { Some(c.type_and_owner(group_id).await?.1) } else { None };
    c.change_owner(group_id, new_owner).await?;
    match old.filter(|o| !o.is_empty() && o != new_owner) {
        Some(o) => c.delete_members(group_id, &[o], false, "").await,
        None => Ok(()),
    }
}

pub async fn set_mute_all(c: &Client, group_id: &str, on: bool) -> Result<(), ApiError> {
    c.modify_group(group_id, &GroupChange { mute_all_member: Some(if on { OnOff::On } else { OnOff::Off }), ..Default::default() }).await
}

pub async fn mute_all(c: &Client, group_id: &str) -> Result<bool, ApiError> {
    let filter = ResponseFilter { base: Some(vec!["MuteAllMember".into()]), ..Default::default() };
    Ok(c.group(group_id, &filter).await?.mute_all_member == Some(OnOff::On))
}

pub async fn user_groups(c: &Client, user_id: &str) -> Result<Vec<JoinedRow>, ApiError> {
    Ok(c.all_joined(user_id, None)
        .await?
        .into_iter()
        .map(|g| JoinedRow { role: role(g.self_info.role).unwrap_or(Role::Member), group_id: g.group_id, name: g.name, join_time_ms: g.self_info.join_time * 1000 })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capabilities_by_type() {
        let work = capabilities(GroupType::Private, &[]);
        assert!(work.mute.is_none() && work.max_admins.is_none() && work.member_list);
        let av = capabilities(GroupType::AVChatRoom, &[]);
        assert!(av.mute.is_some() && !av.member_list && av.max_admins.is_none());
        let c = capabilities(GroupType::Community, &["level".into()]);
        assert_eq!(c.mute.unwrap().unit, MuteUnit::Seconds);
        assert!(c.mute.unwrap().permanent && c.max_admins.is_some() && c.custom_fields[0].max_len == 512);
        assert_eq!((c.batch.mute, c.batch.kick, c.batch.add), (500, 100, 300));
    }

    #[test]
    fn mute_lengths_and_ends() {
        assert_eq!(mute_seconds(MuteDuration::Permanent), 4_294_967_295);
        assert_eq!(mute_seconds(MuteDuration::from_minutes(2)), 120);
        assert_eq!(mute_end(0, 100), None);
        assert_eq!(mute_end(50, 100), None);
        assert_eq!(mute_end(1_700_000_000, 1_600_000_000).as_deref(), Some("2023-11-14 22:13:20 UTC"));
        assert_eq!(mute_end(1_700_000_000 + 4_294_967_295, 1_700_000_000).as_deref(), Some("permanent"));
        assert_eq!(mute_end(4_294_967_295, 1_700_000_000).as_deref(), Some("permanent"));
    }
}
