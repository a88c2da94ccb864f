//! Documented limits of Tencent Cloud Chat's group REST API (reference §0, §1, §4), shared by
//! the client's checks and the sandbox's enforcement. Text limits are **UTF-8 bytes**, not
//! characters: a Chinese character is 3 bytes.

/// The demo SDKAppID of the sandbox (public, like the official examples').
pub const DEMO_SDKAPPID: u64 = 1_400_000_000;
/// The sandbox's demo secret key: public (the official UserSig examples' key), printed by the
/// sandbox at start, and used by the CLI on a loopback URL when no key is given — shared here so
/// the client side never needs to reach into the sandbox for it.
pub const DEMO_SECRET_KEY: &str = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
/// The default App admin account.
pub const DEFAULT_ADMIN: &str = "administrator";

/// Group profile fields, bytes.
pub const NAME_BYTES: usize = 30;
pub const INTRODUCTION_BYTES: usize = 240;
pub const NOTIFICATION_BYTES: usize = 300;
pub const FACE_URL_BYTES: usize = 100;
/// A member's name card in a group, bytes.
pub const NAME_CARD_BYTES: usize = 50;
/// Account ids (UserSig library comments: ≤ 32 bytes). Group ids [I]: 48 bytes; topic ids 96.
pub const ACCOUNT_BYTES: usize = 32;
pub const GROUP_ID_BYTES: usize = 48;
pub const TOPIC_ID_BYTES: usize = 96;

/// Custom fields: keys per app, key bytes (strictly less than 16), value bytes.
pub const GROUP_KEYS_MAX: usize = 10;
pub const MEMBER_KEYS_MAX: usize = 5;
pub const KEY_BYTES_LT: usize = 16;
pub const GROUP_VALUE_BYTES: usize = 512;
pub const MEMBER_VALUE_BYTES: usize = 64;

/// Accounts per call.
pub const CREATE_MEMBERS_MAX: usize = 100;
pub const ADD_MEMBERS_MAX: usize = 300;
pub const IMPORT_MEMBERS_MAX: usize = 300;
pub const DELETE_MEMBERS_MAX: usize = 100;
pub const MUTE_ACCOUNTS_MAX: usize = 500;
pub const ROLE_QUERY_MAX: usize = 500;
pub const BAN_ACCOUNTS_MAX: usize = 20;
/// Accounts per `multiaccount_import` / `account_check` call.
pub const ACCOUNT_IMPORT_MAX: usize = 100;
/// Groups per `get_group_info` call [I]: the commonly quoted 50.
pub const GROUP_INFO_MAX: usize = 50;
/// Accounts per `get_specified_group_member_info` call [I].
pub const SPECIFIED_MEMBERS_MAX: usize = 100;
/// Topics per permission-group topic call.
pub const TOPIC_PERMISSIONS_MAX: usize = 50;

/// `get_group_member_info` page size: at most 200, 100 recommended.
pub const MEMBER_PAGE_MAX: u32 = 200;
pub const MEMBER_PAGE_DEFAULT: u32 = 100;
/// `get_appid_group_list`: at most 10,000 ids per call (also without `Limit`).
pub const GROUP_LIST_PAGE_MAX: u32 = 10_000;
/// `get_group_ban_member` page size.
pub const BAN_PAGE_MAX: u32 = 100;

/// Mute seconds meaning "permanent" (`MuteTime`, `GroupmsgNospeakingTime`).
pub const MUTE_PERMANENT: u64 = 4_294_967_295;

/// Documented REST rate limit per command ("200 calls per second")…
pub const RATE_PER_SECOND: u32 = 200;
/// …except `get_appid_group_list`: 1 call per second.
pub const GROUP_LIST_RATE_PER_SECOND: u32 = 1;

/// Members per group by edition (Community: 100,000 on premium only; AVChatRoom: unlimited).
pub const DEVELOPER_MEMBERS: u32 = 20;
pub const STANDARD_MEMBERS: u32 = 200;
pub const PREMIUM_MEMBERS: u32 = 2_000;
pub const COMMUNITY_MEMBERS: u32 = 100_000;
/// Developer edition: groups per app.
pub const DEVELOPER_GROUPS_MAX: usize = 100;
/// AVChatRooms per app: developer 10, standard 50 (premium unlimited).
pub const DEVELOPER_AVCHATROOMS_MAX: usize = 10;
pub const STANDARD_AVCHATROOMS_MAX: usize = 50;
/// Premium: Work/Public/Meeting groups may be raised to 6,000 members (the paid extension [I];
/// the default stays [`PREMIUM_MEMBERS`]).
pub const PREMIUM_MEMBERS_PAID: u32 = 6_000;

/// Community topics: name bytes [I] (like a permission group's), topics per Community [I],
/// ids per `get_topic`/`destroy_topic` call [I].
pub const TOPIC_NAME_BYTES: usize = 150;
pub const TOPICS_PER_COMMUNITY: usize = 100;
pub const TOPIC_IDS_MAX: usize = 100;
/// Permission groups: name ≤ 150 bytes and `CustomString` ≤ 3,000 bytes (documented); id bytes,
/// groups per Community and ids per call [I]; members per add/delete call [I]; member page
/// ≤ 50 (documented).
pub const PERMISSION_GROUP_NAME_BYTES: usize = 150;
pub const PERMISSION_GROUP_CUSTOM_BYTES: usize = 3_000;
pub const PERMISSION_GROUP_ID_BYTES: usize = 64;
pub const PERMISSION_GROUPS_PER_COMMUNITY: usize = 20;
pub const PERMISSION_GROUP_IDS_MAX: usize = 20;
pub const PERMISSION_GROUP_MEMBERS_MAX: usize = 100;
pub const PERMISSION_GROUP_MEMBER_PAGE_MAX: u32 = 50;
/// `ban_group_member` `Description` bytes [I].
pub const BAN_DESCRIPTION_BYTES: usize = 1_000;

/// Request bodies the sandbox accepts [I]: 1 MB, the documented response limit.
pub const BODY_BYTES_MAX: usize = 1024 * 1024;

/// `value` fits in `max` UTF-8 bytes.
pub fn fits(value: &str, max: usize) -> bool {
    value.len() <= max
}

/// A custom-field key: fewer than 16 bytes of `[A-Za-z0-9_]`, not empty.
pub fn check_key(key: &str) -> Result<(), String> {
    if key.is_empty() || key.len() >= KEY_BYTES_LT {
        return Err(format!("custom field key {key:?} must be 1 to {} bytes", KEY_BYTES_LT - 1));
    }
    if !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err(format!("custom field key {key:?} may contain only letters, digits and _"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_characters_count_three_bytes() {
        assert!(fits(&"群".repeat(10), NAME_BYTES));
        assert!(!fits(&"群".repeat(11), NAME_BYTES));
    }

    #[test]
    fn keys() {
        assert!(check_key("level_1").is_ok());
        assert!(check_key("abcdefghijklmno").is_ok());
        assert!(check_key("abcdefghijklmnop").is_err());
        assert!(check_key("").is_err());
        assert!(check_key("bad-key").is_err());
    }
}
