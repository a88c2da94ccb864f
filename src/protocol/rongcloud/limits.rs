//! Documented per-request limits (reference §5, §6), shared by the client's validation and the
//! sandbox's enforcement.

/// Group and user ids: at most 64 characters; group ids letters and digits only.
pub const ID_MAX: usize = 64;
/// Legacy create/join/quit: users per request.
pub const LEGACY_MEMBERS_PER_CALL: usize = 1000;
/// Legacy member mute, mute-all and allowlist: items per request.
pub const GAG_PER_CALL: usize = 20;
/// Users muted in all groups at once (a mute without `groupId`).
pub const GLOBAL_MUTES_MAX: usize = 100;
/// Mute duration in minutes (0 = permanent).
pub const MUTE_MINUTES_MAX: u32 = 43_200;
/// Legacy group push name (SDKs disagree between 64 and 255; we allow 128).
pub const LEGACY_NAME_MAX: usize = 128;
/// Legacy push remark.
pub const PUSH_REMARK_MAX: usize = 64;
/// Hosted create: invitees besides the owner.
pub const CREATE_INVITEES_MAX: usize = 30;
/// Hosted join/quit/kick/specific query/follow: users per request.
pub const ENTRUST_USERS_PER_CALL: usize = 100;
/// Hosted profile query: groups per request.
pub const PROFILE_QUERY_MAX: usize = 50;
/// Admins per group (and per manager add/remove call).
pub const ADMINS_MAX: usize = 10;
/// Hosted group name.
pub const GROUP_NAME_MAX: usize = 64;
pub const INTRODUCTION_MAX: usize = 512;
pub const ANNOUNCEMENT_MAX: usize = 1024;
pub const PORTRAIT_URL_MAX: usize = 128;
pub const NICKNAME_MAX: usize = 64;
pub const EXTRA_MAX: usize = 128;
pub const REMARK_NAME_MAX: usize = 64;
pub const EXT_KEY_MAX: usize = 32;
pub const EXT_VALUE_MAX: usize = 256;
pub const EXT_PAIRS_MAX: usize = 10;
/// Members one member may follow in a group (a cap exists, its value is undocumented [?]).
pub const FOLLOWS_MAX: usize = 100;
/// Page size when a paged query names none.
pub const PAGE_SIZE_DEFAULT: u32 = 50;
/// Page sizes.
pub const MEMBER_PAGE_MAX: u32 = 100;
pub const GROUP_PAGE_MAX: u32 = 1000;
pub const JOINED_PAGE_MAX: u32 = 100;
pub const BAN_PAGE_MAX: u32 = 200;
pub const USER_GROUPS_PAGE_MAX: u32 = 1000;
/// Groups a user's group query returns without `page`.
pub const USER_GROUPS_UNPAGED_MAX: u32 = 5000;
/// Request body size ("HTTP body too large", 1508, documented as under 100 KB).
pub const BODY_BYTES_MAX: usize = 100 * 1024;
/// Requests per second per App Key per endpoint.
pub const RATE_PER_SECOND: u32 = 100;
/// Members per group (default; raised by ticket).
pub const MEMBERS_PER_GROUP: usize = 3000;
