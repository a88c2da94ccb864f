//! Client-side checks of the documented limits (reference §0, §4), before anything is sent. Text
//! limits are UTF-8 **bytes**; each error names the field and the limit, e.g. `Name: 33 bytes,
//! at most 30 bytes (UTF-8; a Chinese character is 3 bytes)`.

use super::limits;
use super::types::{GroupChange, GroupType, KeyValue, MemberChange, NewGroup};
use crate::model::error::ApiError;

pub type Checked = Result<(), ApiError>;

pub fn bytes(path: &str, field: &str, value: &str, max: usize) -> Checked {
    let n = value.len();
    if n > max {
        return Err(ApiError::invalid(path, field, format!("{n} bytes, at most {max} bytes (UTF-8; a Chinese character is 3 bytes)")));
    }
    Ok(())
}

pub fn required(path: &str, field: &str, value: &str) -> Checked {
    if value.trim().is_empty() {
        return Err(ApiError::invalid(path, field, "is required"));
    }
    Ok(())
}

fn plain(path: &str, field: &str, value: &str, max: usize) -> Checked {
    required(path, field, value)?;
    bytes(path, field, value, max)?;
    if value.chars().any(char::is_control) || value.trim() != value {
        return Err(ApiError::invalid(path, field, format!("{value:?} contains a control character or surrounding spaces")));
    }
    Ok(())
}

/// An account id (UserID): 1 to 32 bytes, no control characters or surrounding spaces.
pub fn account(path: &str, field: &str, value: &str) -> Checked {
    plain(path, field, value, limits::ACCOUNT_BYTES)
}

/// An existing group's id: 1 to 48 bytes (the verdict on its form is the server's).
pub fn group_id(path: &str, field: &str, value: &str) -> Checked {
    plain(path, field, value, limits::GROUP_ID_BYTES)
}

/// A custom id for a new group: printable ASCII, at most 48 bytes; a Community's must start
/// with `@TGS#_`, another type's must not start with the generated ids' `@TGS#`.
pub fn new_group_id(path: &str, field: &str, value: &str, group_type: GroupType) -> Checked {
    group_id(path, field, value)?;
    if let Some(c) = value.chars().find(|c| !(' '..='~').contains(c)) {
        return Err(ApiError::invalid(path, field, format!("only printable ASCII is allowed (found {c:?})")));
    }
    match (group_type == GroupType::Community, value.starts_with("@TGS#_"), value.starts_with("@TGS#")) {
        (true, false, _) => Err(ApiError::invalid(path, field, format!("{value:?}: a Community's id must start with @TGS#_"))),
        (false, _, true) => Err(ApiError::invalid(path, field, format!("{value:?}: @TGS# is the prefix of generated ids; choose another id or let the service generate one"))),
        _ => Ok(()),
    }
}

/// A list of accounts for one call: 1 to `max`, each valid.
pub fn accounts(path: &str, field: &str, ids: &[impl AsRef<str>], max: usize) -> Checked {
    if ids.is_empty() {
        return Err(ApiError::invalid(path, field, "at least one account is required"));
    }
    if ids.len() > max {
        return Err(ApiError::invalid(path, field, format!("at most {max} per call (got {})", ids.len())));
    }
    for id in ids {
        account(path, field, id.as_ref())?;
    }
    Ok(())
}

/// Custom fields: key syntax, value bytes (512 group-level, 64 member-level) and key count.
pub fn custom(path: &str, field: &str, data: &[KeyValue], member_level: bool) -> Checked {
    let (max_keys, max_value) = if member_level { (limits::MEMBER_KEYS_MAX, limits::MEMBER_VALUE_BYTES) } else { (limits::GROUP_KEYS_MAX, limits::GROUP_VALUE_BYTES) };
    if data.len() > max_keys {
        return Err(ApiError::invalid(path, field, format!("at most {max_keys} keys (got {})", data.len())));
    }
    for kv in data {
        limits::check_key(&kv.key).map_err(|e| ApiError::invalid(path, field, e))?;
        bytes(path, &format!("{field}.{}", kv.key), &kv.value, max_value)?;
    }
    Ok(())
}

fn profile(path: &str, name: Option<&str>, intro: Option<&str>, notification: Option<&str>, face: Option<&str>) -> Checked {
    for (field, value, max) in [
        ("Name", name, limits::NAME_BYTES),
        ("Introduction", intro, limits::INTRODUCTION_BYTES),
        ("Notification", notification, limits::NOTIFICATION_BYTES),
        ("FaceUrl", face, limits::FACE_URL_BYTES),
    ] {
        if let Some(v) = value {
            bytes(path, field, v, max)?;
        }
    }
    Ok(())
}

pub fn new_group(path: &str, g: &NewGroup) -> Checked {
    required(path, "Name", &g.name)?;
    profile(path, Some(&g.name), g.introduction.as_deref(), g.notification.as_deref(), g.face_url.as_deref())?;
    if let Some(id) = &g.group_id {
        new_group_id(path, "GroupId", id, g.group_type)?;
    }
    if let Some(o) = &g.owner {
        account(path, "Owner_Account", o)?;
    }
    if g.members.len() > limits::CREATE_MEMBERS_MAX {
        return Err(ApiError::invalid(path, "MemberList", format!("at most {} members at creation (got {}); add the rest afterwards", limits::CREATE_MEMBERS_MAX, g.members.len())));
    }
    if !g.members.is_empty() && !g.group_type.has_member_list() {
        return Err(ApiError::invalid(path, "MemberList", "an AVChatRoom stores no members"));
    }
    for m in &g.members {
        account(path, "MemberList.Member_Account", &m.account)?;
        if m.role.is_some_and(|r| r != super::types::Role::Admin) {
            return Err(ApiError::invalid(path, "MemberList.Role", "only Admin may be given at creation"));
        }
        custom(path, "AppMemberDefinedData", &m.custom, true)?;
    }
    if (g.support_topic || g.enable_permission) && g.group_type != GroupType::Community {
        return Err(ApiError::invalid(path, "SupportTopic", "topics and permission groups exist only in a Community"));
    }
    custom(path, "AppDefinedData", &g.custom, false)
}

pub fn group_change(path: &str, c: &GroupChange) -> Checked {
    if let Some(n) = &c.name {
        required(path, "Name", n)?;
    }
    profile(path, c.name.as_deref(), c.introduction.as_deref(), c.notification.as_deref(), c.face_url.as_deref())?;
    custom(path, "AppDefinedData", &c.custom, false)
}

pub fn member_change(path: &str, c: &MemberChange) -> Checked {
    if let Some(card) = &c.name_card {
        bytes(path, "NameCard", card, limits::NAME_CARD_BYTES)?;
    }
    if c.role.is_some_and(|r| !matches!(r, super::types::Role::Admin | super::types::Role::Member)) {
        return Err(ApiError::invalid(path, "Role", "only Admin (grant) or Member (revoke) may be set"));
    }
    if let Some(t) = c.mute_time {
        mute_seconds(path, "MuteTime", t)?;
    }
    custom(path, "AppMemberDefinedData", &c.custom, true)
}

/// Mute seconds: 0 unmutes, up to 4294967295 (permanent).
pub fn mute_seconds(path: &str, field: &str, seconds: u64) -> Checked {
    if seconds > limits::MUTE_PERMANENT {
        return Err(ApiError::invalid(path, field, format!("at most {} seconds (permanent), got {seconds}", limits::MUTE_PERMANENT)));
    }
    Ok(())
}

pub fn page_size(path: &str, field: &str, size: u32, max: u32) -> Checked {
    if size == 0 || size > max {
        return Err(ApiError::invalid(path, field, format!("must be 1 to {max} (got {size})")));
    }
    Ok(())
}

/// A permission value whose bits must all be in `bits` (§0's group or topic bits); the error
/// names the first other bit and the allowed ones.
pub fn permission_bits(path: &str, field: &str, value: u64, bits: &[(&str, u64)], kind: &str) -> Checked {
    if let Some((bit, i)) = crate::protocol::tencent::wire::unknown_bits(value, bits).first() {
        let allowed: Vec<String> = bits.iter().map(|(n, b)| format!("{n} ({b})")).collect();
        return Err(ApiError::invalid(path, field, format!("bit 1<<{i} ({bit}) is not a {kind} permission bit; allowed: {}", allowed.join(", "))));
    }
    Ok(())
}

/// A list of ids for one call: 1 to `max` (`0..=max` when `empty_ok`), none blank.
pub fn id_list(path: &str, field: &str, ids: &[impl AsRef<str>], max: usize, empty_ok: bool) -> Checked {
    if ids.is_empty() && !empty_ok {
        return Err(ApiError::invalid(path, field, "at least one id is required"));
    }
    if ids.len() > max {
        return Err(ApiError::invalid(path, field, format!("at most {max} per call (got {})", ids.len())));
    }
    for id in ids {
        required(path, field, id.as_ref())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_field_and_the_limit() {
        let mut g = NewGroup::new(GroupType::Public, "群".repeat(11));
        let e = new_group("p", &g).unwrap_err();
        assert_eq!(e.message, "Name: 33 bytes, at most 30 bytes (UTF-8; a Chinese character is 3 bytes)");
        g.name = "群".repeat(10);
        assert!(new_group("p", &g).is_ok());
        g.group_id = Some("@TGS#mine".into());
        assert!(new_group("p", &g).unwrap_err().message.contains("@TGS#"));
        g.group_type = GroupType::Community;
        assert!(new_group("p", &g).unwrap_err().message.contains("@TGS#_"));
        g.group_id = Some("@TGS#_mine".into());
        assert!(new_group("p", &g).is_ok());
        let e = accounts("p", "Members_Account", &vec!["a".to_string(); 501], limits::MUTE_ACCOUNTS_MAX).unwrap_err();
        assert_eq!(e.message, "Members_Account: at most 500 per call (got 501)");
        let e = custom("p", "AppDefinedData", &[KeyValue::new("bad-key", "x")], false).unwrap_err();
        assert!(e.message.contains("letters, digits and _"), "{}", e.message);
        let e = custom("p", "AppMemberDefinedData", &[KeyValue::new("k", "x".repeat(65))], true).unwrap_err();
        assert!(e.message.starts_with("AppMemberDefinedData.k: 65 bytes, at most 64"), "{}", e.message);
        let card = MemberChange { name_card: Some("x".repeat(51)), ..Default::default() };
        assert!(member_change("p", &card).unwrap_err().message.starts_with("NameCard: 51 bytes"));
        assert!(mute_seconds("p", "MuteTime", limits::MUTE_PERMANENT).is_ok());
        assert!(mute_seconds("p", "MuteTime", limits::MUTE_PERMANENT + 1).is_err());
        assert!(account("p", "Member_Account", &"a".repeat(33)).is_err());
        let bits = crate::protocol::tencent::wire::TOPIC_PERMISSION_BITS;
        assert!(permission_bits("p", "Permission", 127, &bits, "topic").is_ok());
        let e = permission_bits("p", "Permission", 128 | 1, &bits, "topic").unwrap_err();
        assert!(e.message.starts_with("Permission: bit 1<<7 (128) is not a topic permission bit; allowed: ManageTopicInfo (1)"), "{}", e.message);
        assert_eq!(id_list("p", "TopicIdList", &["a"; 51], 50, false).unwrap_err().message, "TopicIdList: at most 50 per call (got 51)");
        assert_eq!(id_list("p", "TopicIdList", &[] as &[&str], 50, false).unwrap_err().message, "TopicIdList: at least one id is required");
        assert!(id_list("p", "TopicIdList", &[] as &[&str], 50, true).is_ok());
        assert_eq!(id_list("p", "TopicIdList", &[" "], 50, true).unwrap_err().message, "TopicIdList: is required");
    }
}
