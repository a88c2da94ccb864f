//! Error codes of Tencent Cloud Chat's REST API (reference §1), named once for the client and
//! the sandbox. Answers are HTTP 200 with `ActionStatus`/`ErrorCode`/`ErrorInfo`; only transport
//! problems differ.
//!
//! The UserSig failures are **[I]**: the reference only says they are in the 70xxx range. We use
//! the codes of Tencent's public error table as we know them — 70001 expired, 70003 malformed,
//! 70009 signature not made with this app's key, 70013 identifier mismatch, 70014 SDKAppID
//! mismatch — and the sandbox's tests pin them.

pub const OK: i64 = 0;

/// HTTP or JSON parse error.
pub const PARSE: i64 = 60002;
/// Account or signature wrong in the URL.
pub const ACCOUNT_OR_SIG: i64 = 60004;
/// SDKAppID invalid (not this app).
pub const SDKAPPID_INVALID: i64 = 60006;
/// REST call rate limit exceeded.
pub const RATE_LIMITED: i64 = 60007;
/// Timeout or bad HTTP format.
pub const TIMEOUT: i64 = 60008;
/// Bad request resource / URL (no such command).
pub const BAD_URL: i64 = 60009;
/// The request needs App admin permission.
pub const NOT_ADMIN: i64 = 60010;
/// SDKAppID missing from the URL.
pub const SDKAPPID_MISSING: i64 = 60012;
/// Account type wrong (identifier missing or not a string).
pub const ACCOUNT_TYPE: i64 = 60015;

/// UserSig expired [I].
pub const USERSIG_EXPIRED: i64 = 70001;
/// UserSig malformed (not base64url zlib JSON) [I].
pub const USERSIG_MALFORMED: i64 = 70003;
/// UserSig signature does not verify with the app's key [I].
pub const USERSIG_SIGNATURE: i64 = 70009;
/// UserSig made for another identifier [I].
pub const USERSIG_IDENTIFIER: i64 = 70013;
/// UserSig made for another SDKAppID [I].
pub const USERSIG_SDKAPPID: i64 = 70014;

pub const INTERNAL: i64 = 10002;
pub const BAD_COMMAND: i64 = 10003;
pub const INVALID_PARAM: i64 = 10004;
pub const TOO_MANY_ACCOUNTS: i64 = 10005;
pub const OP_RATE_LIMITED: i64 = 10006;
pub const NO_PERMISSION: i64 = 10007;
pub const OWNER_CANNOT_QUIT: i64 = 10009;
pub const GROUP_GONE: i64 = 10010;
pub const JSON_BODY: i64 = 10011;
pub const OPERATOR_INVALID: i64 = 10012;
pub const ALREADY_MEMBER: i64 = 10013;
pub const GROUP_FULL: i64 = 10014;
pub const GROUP_ID_INVALID: i64 = 10015;
pub const CALLBACK_REJECTED: i64 = 10016;
pub const RESPONSE_TOO_LARGE: i64 = 10018;
pub const NO_SUCH_ACCOUNT: i64 = 10019;
pub const GROUP_ID_USED: i64 = 10021;
pub const AVCHATROOM_QUOTA: i64 = 10036;
pub const TOO_MANY_GROUPS_JOINED: i64 = 10037;
/// The app has as many groups as its edition allows (developer: 100) [I]: the reference has no
/// code of its own for it, so the sandbox answers the package-limit code 10037.
pub const APP_GROUP_QUOTA: i64 = TOO_MANY_GROUPS_JOINED;
pub const MEMBER_QUOTA: i64 = 10038;
/// Not the Ultimate (premium) edition.
pub const NOT_ULTIMATE: i64 = 10059;

/// `add_group_member` / `import_group_member` per-member `Result`.
pub const RESULT_FAILED: u8 = 0;
pub const RESULT_OK: u8 = 1;
pub const RESULT_ALREADY_MEMBER: u8 = 2;
pub const RESULT_AWAITING: u8 = 3;

/// What a client may do about a code: the console's error classes ([I], reference §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    NotFound,
    Forbidden,
    Validation,
    /// Back off and retry.
    Retryable,
    Quota,
    RejectedByWebhook,
    /// Credentials: UserSig, SDKAppID, admin account.
    Auth,
    Other,
}

pub fn class(code: i64) -> Class {
    match code {
        GROUP_GONE | GROUP_ID_INVALID | NO_SUCH_ACCOUNT => Class::NotFound,
        NO_PERMISSION | NOT_ADMIN | NOT_ULTIMATE => Class::Forbidden,
        INVALID_PARAM | TOO_MANY_ACCOUNTS | PARSE | JSON_BODY | BAD_COMMAND | BAD_URL | GROUP_ID_USED | ALREADY_MEMBER => Class::Validation,
        INTERNAL | OP_RATE_LIMITED | RATE_LIMITED | 60011 | 60018 | 60019 | TIMEOUT => Class::Retryable,
        GROUP_FULL | TOO_MANY_GROUPS_JOINED | MEMBER_QUOTA | AVCHATROOM_QUOTA => Class::Quota,
        CALLBACK_REJECTED => Class::RejectedByWebhook,
        ACCOUNT_OR_SIG | SDKAPPID_INVALID | SDKAPPID_MISSING | ACCOUNT_TYPE | 70000..=70999 => Class::Auth,
        _ => Class::Other,
    }
}
