//! Bodies and answers the reference gives only in part or not at all ([I]): bans, accounts,
//! app-wide mute and the sandbox's custom-field registry, as the sandbox serves them (README,
//! "Tencent sandbox"). Community permission groups and topics are in [`super::community`].

use serde::{Deserialize, Serialize};

/// `ban_group_member`: `Members_Account` (≤ 20), `Duration` seconds, `Description`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Ban {
    pub group_id: String,
    #[serde(rename = "Members_Account")]
    pub accounts: Vec<String>,
    pub duration: u64,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Banned {
    #[serde(rename = "Member_Account")]
    pub account: String,
    #[serde(rename = "BannedUntil", default)]
    pub banned_until: u64,
}

/// A page of `get_group_ban_member`: `NextOffset` is the offset of the next page, **0 when this
/// page is the last** [I].
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct BanPage {
    #[serde(rename = "BannedAccountList", default)]
    pub banned: Vec<Banned>,
    #[serde(rename = "NextOffset", default)]
    pub next_offset: u64,
}

/// `account_import` (documented shape of the login service).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AccountImport {
    #[serde(rename = "UserID")]
    pub user_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nick: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub face_url: Option<String>,
}

/// `multiaccount_import` answer: the accounts that could not be imported.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct MultiImported {
    #[serde(rename = "FailAccounts", default)]
    pub failed: Vec<String>,
}

/// One account of `account_check`: `AccountStatus` is `Imported` or `NotImported`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct AccountStatus {
    #[serde(rename = "UserID")]
    pub user_id: String,
    #[serde(rename = "ResultCode", default)]
    pub result_code: i64,
    #[serde(rename = "AccountStatus", default)]
    pub status: String,
}

impl AccountStatus {
    pub fn imported(&self) -> bool {
        self.result_code == 0 && self.status == "Imported"
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct AccountCheck {
    #[serde(rename = "ResultItem", default)]
    pub items: Vec<AccountStatus>,
}

/// `getnospeaking` answer: the **remaining** seconds of each app-wide mute [I] (0 none,
/// 4294967295 permanent).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct NoSpeaking {
    #[serde(rename = "C2CmsgNospeakingTime", default)]
    pub c2c: u64,
    #[serde(rename = "GroupmsgNospeakingTime", default)]
    pub group: u64,
}
