//! Member commands (reference §4.4–4.9, 4.15): member pages, add, delete, modify (role, name
//! card, mute, custom fields), mute many, the muted list, bans, accounts and the app-wide mute.
//! Each is one call within its documented maximum; lists of any length go through [`super::bulk`].

use serde_json::json;

use super::check;
use super::client::Client;
use super::groups::InGroup;
use super::limits;
use super::types::*;
use crate::model::error::ApiError;

const MEMBERS: &str = "group_open_http_svc/get_group_member_info";
const SPECIFIED: &str = "group_open_http_svc/get_specified_group_member_info";
const ADD: &str = "group_open_http_svc/add_group_member";
const DELETE: &str = "group_open_http_svc/delete_group_member";
const MODIFY: &str = "group_open_http_svc/modify_group_member_info";
const FORBID: &str = "group_open_http_svc/forbid_send_msg";
const MUTED: &str = "group_open_http_svc/get_group_muted_account";
const BAN: &str = "group_open_http_svc/ban_group_member";
const UNBAN: &str = "group_open_http_svc/unban_group_member";
const BANNED: &str = "group_open_http_svc/get_group_ban_member";
const ACCOUNT_IMPORT: &str = "im_open_login_svc/account_import";
const MULTI_IMPORT: &str = "im_open_login_svc/multiaccount_import";
const ACCOUNT_CHECK: &str = "im_open_login_svc/account_check";
const SET_NOSPEAKING: &str = "openconfigsvr/setnospeaking";
const GET_NOSPEAKING: &str = "openconfigsvr/getnospeaking";

/// Where a member page starts: an offset (every type but Community) or the Community cursor
/// (`""` for the first page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageAt {
    Offset(u32),
    Next(String),
}

/// What a member page asks for besides the account: `None` fields = the service's default set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemberFilter {
    pub fields: Option<Vec<String>>,
    pub roles: Option<Vec<Role>>,
    /// Member custom-field keys to return.
    pub custom_keys: Vec<String>,
}

impl Client {
    /// One page of members (at most 200; Community pages by cursor, the others by offset).
    pub async fn member_page(&self, group_id: &str, at: PageAt, limit: u32, filter: &MemberFilter) -> Result<MemberPage, ApiError> {
        check::group_id(MEMBERS, "GroupId", group_id)?;
        check::page_size(MEMBERS, "Limit", limit, limits::MEMBER_PAGE_MAX)?;
        let mut body = json!({"GroupId": group_id, "Limit": limit});
        match at {
            PageAt::Offset(o) => body["Offset"] = json!(o),
            PageAt::Next(n) => body["Next"] = json!(n),
        }
        if let Some(f) = &filter.fields {
            body["MemberInfoFilter"] = json!(f);
        }
        if let Some(r) = &filter.roles {
            body["MemberRoleFilter"] = json!(r);
        }
        if !filter.custom_keys.is_empty() {
            for k in &filter.custom_keys {
                limits::check_key(k).map_err(|e| ApiError::invalid(MEMBERS, "AppDefinedDataFilter_GroupMember", e))?;
            }
            body["AppDefinedDataFilter_GroupMember"] = json!(filter.custom_keys);
        }
        self.call(MEMBERS, &body).await
    }

    /// Adds at most 300 members; one `Result` per member (0 failed, 1 added, 2 already a
    /// member, 3 awaiting approval). `silence`: no group notification.
    pub async fn add_members(&self, group_id: &str, accounts: &[String], silence: bool) -> Result<Vec<MemberResult>, ApiError> {
        check::group_id(ADD, "GroupId", group_id)?;
        check::accounts(ADD, "MemberList", accounts, limits::ADD_MEMBERS_MAX)?;
        let list: Vec<_> = accounts.iter().map(|a| json!({"Member_Account": a})).collect();
        let mut body = json!({"GroupId": group_id, "MemberList": list});
        if silence {
            body["Silence"] = json!(1);
        }
        Ok(self.call::<_, MemberResults>(ADD, &body).await?.members)
    }

    /// Removes at most 100 members. The answer has no per-member result.
    pub async fn delete_members(&self, group_id: &str, accounts: &[String], silence: bool, reason: &str) -> Result<(), ApiError> {
        check::group_id(DELETE, "GroupId", group_id)?;
        check::accounts(DELETE, "MemberToDel_Account", accounts, limits::DELETE_MEMBERS_MAX)?;
        let mut body = json!({"GroupId": group_id, "MemberToDel_Account": accounts});
        if silence {
            body["Silence"] = json!(1);
        }
        if !reason.is_empty() {
            body["Reason"] = json!(reason);
        }
        self.call::<_, serde_json::Value>(DELETE, &body).await.map(drop)
    }

    /// Changes one member: role, message flag, name card (≤ 50 bytes), mute, custom fields.
    pub async fn modify_member(&self, group_id: &str, account: &str, change: &MemberChange) -> Result<(), ApiError> {
        check::group_id(MODIFY, "GroupId", group_id)?;
        check::account(MODIFY, "Member_Account", account)?;
        check::member_change(MODIFY, change)?;
        #[derive(serde::Serialize)]
        struct Body<'a> {
            #[serde(rename = "Member_Account")]
            account: &'a str,
            #[serde(flatten)]
            change: &'a MemberChange,
        }
        let body = InGroup { group_id, body: &Body { account, change } };
        self.call::<_, serde_json::Value>(MODIFY, &body).await.map(drop)
    }

    /// Makes a member an admin (`true`) or an ordinary member again.
    pub async fn set_admin(&self, group_id: &str, account: &str, admin: bool) -> Result<(), ApiError> {
        let change = MemberChange { role: Some(if admin { Role::Admin } else { Role::Member }), ..Default::default() };
        self.modify_member(group_id, account, &change).await
    }

    /// Mutes at most 500 accounts for `seconds` (0 unmutes, 4294967295 is permanent), in the
    /// group or in one of a Community's topics. The answer has no per-member result.
    pub async fn forbid_send_msg(&self, group_id: &str, accounts: &[String], seconds: u64, topic: Option<&str>) -> Result<(), ApiError> {
        check::group_id(FORBID, "GroupId", group_id)?;
        check::accounts(FORBID, "Members_Account", accounts, limits::MUTE_ACCOUNTS_MAX)?;
        check::mute_seconds(FORBID, "MuteTime", seconds)?;
        let mut body = json!({"GroupId": group_id, "Members_Account": accounts, "MuteTime": seconds});
        if let Some(t) = topic {
            check::bytes(FORBID, "TopicId", t, limits::TOPIC_ID_BYTES)?;
            body["TopicId"] = json!(t);
        }
        self.call::<_, serde_json::Value>(FORBID, &body).await.map(drop)
    }

    /// The muted members of a group (or topic), with the unix time each mute ends.
    pub async fn muted(&self, group_id: &str, topic: Option<&str>) -> Result<Vec<Muted>, ApiError> {
        check::group_id(MUTED, "GroupId", group_id)?;
        let mut body = json!({"GroupId": group_id});
        if let Some(t) = topic {
            body["TopicId"] = json!(t);
        }
        Ok(self.call::<_, MutedList>(MUTED, &body).await?.muted)
    }

    /// The listed accounts' member profiles (1–100 accounts), in the order asked; accounts that
    /// are not members are left out of the answer. `fields`: `MemberInfoFilter` (`None` = the
    /// service's default set); `custom_keys`: member custom fields to return.
    pub async fn specified_members(&self, group_id: &str, accounts: &[String], fields: Option<&[String]>, custom_keys: &[String]) -> Result<Vec<MemberInfo>, ApiError> {
        check::group_id(SPECIFIED, "GroupId", group_id)?;
        check::accounts(SPECIFIED, "Member_List_Account", accounts, limits::SPECIFIED_MEMBERS_MAX)?;
        let mut body = json!({"GroupId": group_id, "Member_List_Account": accounts});
        if let Some(f) = fields {
            body["MemberInfoFilter"] = json!(f);
        }
        if !custom_keys.is_empty() {
            for k in custom_keys {
                limits::check_key(k).map_err(|e| ApiError::invalid(SPECIFIED, "AppDefinedDataFilter_GroupMember", e))?;
            }
            body["AppDefinedDataFilter_GroupMember"] = json!(custom_keys);
        }
        Ok(self.call::<_, MemberPage>(SPECIFIED, &body).await?.members)
    }

    /// Bans (kicks and blocks from rejoining) at most 20 accounts for 1–4294967295 `seconds`
    /// (4294967295 = permanent; lift a ban with [`Self::unban`]); `description` ≤ 1,000 bytes.
    pub async fn ban(&self, group_id: &str, accounts: &[String], seconds: u64, description: &str) -> Result<(), ApiError> {
        check::group_id(BAN, "GroupId", group_id)?;
        check::accounts(BAN, "Members_Account", accounts, limits::BAN_ACCOUNTS_MAX)?;
        if seconds == 0 {
            return Err(ApiError::invalid(BAN, "Duration", "must be 1 to 4294967295 seconds (got 0); lift a ban with unban_group_member"));
        }
        check::mute_seconds(BAN, "Duration", seconds)?;
        check::bytes(BAN, "Description", description, limits::BAN_DESCRIPTION_BYTES)?;
        let body = Ban { group_id: group_id.to_owned(), accounts: accounts.to_vec(), duration: seconds, description: description.to_owned() };
        self.call::<_, serde_json::Value>(BAN, &body).await.map(drop)
    }

    pub async fn unban(&self, group_id: &str, accounts: &[String]) -> Result<(), ApiError> {
        check::group_id(UNBAN, "GroupId", group_id)?;
        check::accounts(UNBAN, "Members_Account", accounts, limits::BAN_ACCOUNTS_MAX)?;
        self.call::<_, serde_json::Value>(UNBAN, &json!({"GroupId": group_id, "Members_Account": accounts})).await.map(drop)
    }

    /// One page (`limit` 1–100) of running bans from `offset`, ordered by account; the page's
    /// `next_offset` is 0 on the last page.
    pub async fn banned_page(&self, group_id: &str, limit: u32, offset: u64) -> Result<BanPage, ApiError> {
        check::group_id(BANNED, "GroupId", group_id)?;
        check::page_size(BANNED, "Limit", limit, limits::BAN_PAGE_MAX)?;
        self.call(BANNED, &json!({"GroupId": group_id, "Limit": limit, "Offset": offset})).await
    }

    /// Every banned account of a group.
    pub async fn all_banned(&self, group_id: &str) -> Result<Vec<Banned>, ApiError> {
        let mut out = Vec::new();
        let mut offset = 0;
        loop {
            let page = self.banned_page(group_id, limits::BAN_PAGE_MAX, offset).await?;
            let n = page.banned.len();
            out.extend(page.banned);
            if page.next_offset == 0 {
                return Ok(out);
            }
            if n == 0 || page.next_offset <= offset {
                return Err(ApiError::transport(BANNED, "", format!("NextOffset {} does not advance past {offset}", page.next_offset)));
            }
            offset = page.next_offset;
        }
    }

    /// Imports one account (members must be existing accounts, else 10019).
    pub async fn import_account(&self, account: &AccountImport) -> Result<(), ApiError> {
        check::account(ACCOUNT_IMPORT, "UserID", &account.user_id)?;
        self.call::<_, serde_json::Value>(ACCOUNT_IMPORT, account).await.map(drop)
    }

    /// Imports at most 100 accounts; answers the ones that failed.
    pub async fn import_accounts(&self, accounts: &[String]) -> Result<Vec<String>, ApiError> {
        check::accounts(MULTI_IMPORT, "Accounts", accounts, limits::ACCOUNT_IMPORT_MAX)?;
        Ok(self.call::<_, MultiImported>(MULTI_IMPORT, &json!({"Accounts": accounts})).await?.failed)
    }

    /// Whether at most 100 accounts exist.
    pub async fn check_accounts(&self, accounts: &[String]) -> Result<Vec<AccountStatus>, ApiError> {
        check::accounts(ACCOUNT_CHECK, "CheckItem", accounts, limits::ACCOUNT_IMPORT_MAX)?;
        let items: Vec<_> = accounts.iter().map(|a| json!({"UserID": a})).collect();
        Ok(self.call::<_, AccountCheck>(ACCOUNT_CHECK, &json!({"CheckItem": items})).await?.items)
    }

    /// App-wide mute of an account in every group: seconds (0 lifts it, 4294967295 permanent).
    pub async fn set_group_nospeaking(&self, account: &str, seconds: u64) -> Result<(), ApiError> {
        self.set_nospeaking(account, None, Some(seconds)).await
    }

    /// App-wide mute of an account: one-to-one (`c2c`) and/or group messages, in seconds (0
    /// lifts that mute, 4294967295 permanent); at least one; the other is left as it is.
    pub async fn set_nospeaking(&self, account: &str, c2c: Option<u64>, group: Option<u64>) -> Result<(), ApiError> {
        check::account(SET_NOSPEAKING, "Set_Account", account)?;
        let mut body = json!({"Set_Account": account});
        for (field, value) in [("C2CmsgNospeakingTime", c2c), ("GroupmsgNospeakingTime", group)] {
            if let Some(v) = value {
                check::mute_seconds(SET_NOSPEAKING, field, v)?;
                body[field] = json!(v);
            }
        }
        if c2c.is_none() && group.is_none() {
            return Err(ApiError::invalid(SET_NOSPEAKING, "GroupmsgNospeakingTime", "C2CmsgNospeakingTime or GroupmsgNospeakingTime is required"));
        }
        self.call::<_, serde_json::Value>(SET_NOSPEAKING, &body).await.map(drop)
    }

    /// The **remaining** seconds of an account's app-wide mutes (0 none, 4294967295 permanent).
    pub async fn nospeaking(&self, account: &str) -> Result<NoSpeaking, ApiError> {
        check::account(GET_NOSPEAKING, "Get_Account", account)?;
        self.call(GET_NOSPEAKING, &json!({"Get_Account": account})).await
    }
}
