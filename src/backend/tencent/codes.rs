//! Plain-language meaning of Tencent Cloud Chat's error codes (reference §1), for error
//! messages and bulk reports. The codes themselves and their classes are shared with the
//! sandbox in [`crate::protocol::tencent::codes`].

pub use crate::protocol::tencent::codes::{Class, class};

/// The answers that mean "no such group": disbanded (10010) or never created (10015).
pub const GROUP_MISSING: &[u32] = &[10010, 10015];

/// What a code means, in plain words.
pub fn explain(code: u32) -> &'static str {
    match code {
        0 => "Success.",
        60002 => "The request body or URL could not be parsed (HTTP or JSON format error).",
        60003 => "The request body is not valid JSON or is missing required fields.",
        60004 | 60005 => "The account or the UserSig in the URL is wrong: check the admin identifier and the secret key.",
        60006 => "The SDKAppID is not valid.",
        60007 => "Too many calls: the REST rate limit (200 per second per command; 1 per second for the group list) was exceeded; retry shortly.",
        60008 => "The service timed out or the HTTP request was malformed; retry.",
        60009 => "The URL or command does not exist.",
        60010 => "This call needs an App admin account: the identifier is not one of the app's admins.",
        60011 => "The app's total REST rate limit was exceeded; retry shortly.",
        60012 => "The SDKAppID is missing from the URL.",
        60013 => "The service could not parse its own JSON answer; retry.",
        60014 => "The account swap timed out; retry.",
        60015 => "The account type is wrong (the identifier must be a string).",
        60016 => "The SDKAppID is disabled.",
        60017 => "This request is disabled for the app.",
        60018 | 60019 => "Requests are too frequent; slow down and retry.",
        60020 => "The app's paid package has expired.",
        60021 => "The calling IP address is not allowed for this app.",
        70001 => "The UserSig has expired: sign a new one (the client does this itself; check the machine's clock).",
        70003 => "The UserSig is malformed.",
        70009 => "The UserSig does not verify: the secret key does not belong to this SDKAppID.",
        70013 => "The UserSig was made for another identifier than the one in the URL.",
        70014 => "The UserSig was made for another SDKAppID than the one in the URL.",
        70000..=70999 => "The UserSig was refused: check the SDKAppID, the admin identifier, the secret key and the clock.",
        80001 => "The text failed content moderation.",
        10002 => "The service had an internal error; retry later.",
        10003 => "The command word is not valid (no such API).",
        10004 => "A parameter is not valid; the service's message says which.",
        10005 => "Too many accounts in one request (e.g. more than 300 members added or 500 muted at once).",
        10006 => "The operation was rate-limited; retry shortly.",
        10007 => "No permission: the operator may not do this, or the group's type does not allow it (e.g. muting in a Work group, adding members to an AVChatRoom).",
        10008 => "The request is not valid (signature check failed).",
        10009 => "The owner may not leave this group; transfer ownership first.",
        10010 => "The group does not exist or was disbanded.",
        10011 => "The JSON body could not be parsed.",
        10012 => "The operator account is not valid.",
        10013 => "The user is already a member of the group.",
        10014 => "The group is full: reduce the batch or raise the group's maximum member count.",
        10015 => "The group ID is not valid, or there is no group with that ID.",
        10016 => "The app's backend rejected the operation through a third-party callback.",
        10017 => "The sender is muted and cannot send messages.",
        10018 => "The answer would exceed 1 MB: page with Limit/Offset/Next.",
        10019 => "An account does not exist: import it first (account_import).",
        10021 => "The group ID is already in use.",
        10023 => "The message rate limit was exceeded.",
        10024 => "The invitation or application was already processed.",
        10025 => "The group ID is already in use, and the operator owns that group.",
        10026 => "This command is disabled for the app.",
        10030..=10035 => "The message could not be recalled or deleted.",
        10036 => "The AVChatRoom creation quota is used up.",
        10037 => "The user has joined or created too many groups for the app's package.",
        10038 => "The member count exceeds the app's package limit.",
        10041 => "The app does not allow recalling group messages.",
        10050 => "The group attribute key does not exist.",
        10056 => "The group attributes were changed by someone else meanwhile; read them again.",
        10059 => "This feature needs the Premium (Ultimate) edition.",
        _ => "The service refused the request with an undocumented code.",
    }
}

/// Whether a code says the request was refused for rate and not applied: wait and repeat.
pub fn is_rate_limited(code: i64) -> bool {
    matches!(code, 60007 | 10006 | 60011 | 60018 | 60019)
}

/// Whether a code says the service failed internally: the change may or may not have been
/// applied ([I]; treated like a lost answer).
pub fn is_internal(code: i64) -> bool {
    matches!(code, 10002 | 60008 | 60013 | 60014)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_code_is_explained() {
        for code in [10002, 10003, 10004, 10005, 10006, 10007, 10010, 10014, 10015, 10016, 10019, 10021, 60007, 60010, 70001, 70009] {
            assert_ne!(explain(code), explain(1), "{code}");
        }
        assert!(is_rate_limited(60007) && is_rate_limited(10006) && !is_rate_limited(10002));
        assert!(is_internal(10002) && !is_internal(10007));
        assert_eq!(class(10010), Class::NotFound);
    }
}
