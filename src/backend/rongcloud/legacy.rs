//! Typed methods for the legacy group family (reference §5). Lists are sent as repeated keys.

use serde::Deserialize;

use super::check;
use super::client::{Client, Form, Retry};
use super::error::ApiError;
use super::limits;
use super::types::{LegacyGroup, MutedUser};

#[derive(Deserialize)]
struct Empty {}

#[derive(Deserialize)]
struct Users {
    #[serde(default)]
    users: Vec<IdOnly>,
}
#[derive(Deserialize)]
struct IdOnly {
    id: String,
}
#[derive(Deserialize)]
struct Groups {
    #[serde(default)]
    groups: Vec<LegacyGroup>,
}
#[derive(Deserialize)]
struct Muted {
    #[serde(default)]
    users: Vec<MutedUser>,
}
#[derive(Deserialize)]
struct BanInfo {
    #[serde(default)]
    groupinfo: Vec<BanStat>,
}
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BanStat {
    group_id: String,
    #[serde(default)]
    stat: i64,
}
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct UserIds {
    #[serde(default, alias = "userids")]
    user_ids: Vec<String>,
}
#[derive(Deserialize)]
struct Remark {
    #[serde(default)]
    remark: String,
}

fn opt_group(path: &str, group_id: Option<&str>) -> Result<(), ApiError> {
    match group_id {
        Some(g) => check::group_id(path, "groupId", g),
        None => Ok(()),
    }
}

fn check_groups(path: &str, ids: &[impl AsRef<str>], max: usize) -> Result<(), ApiError> {
    if ids.is_empty() {
        return Err(ApiError::invalid(path, "groupId", "at least one group is required"));
    }
    if ids.len() > max {
        return Err(ApiError::invalid(path, "groupId", format!("at most {max} per request (got {})", ids.len())));
    }
    ids.iter().try_for_each(|g| check::group_id(path, "groupId", g.as_ref()))
}

impl Client {
    /// `/group/create.json`: creates the group (or adds to it) with up to 1000 users.
    pub async fn group_create(&self, group_id: &str, name: &str, user_ids: &[impl AsRef<str>]) -> Result<(), ApiError> {
        const P: &str = "/group/create.json";
        check::users(P, "userId", user_ids, limits::LEGACY_MEMBERS_PER_CALL)?;
        check::new_group_id(P, "groupId", group_id)?;
        check::required(P, "groupName", name)?;
        check::text(P, "groupName", name, limits::LEGACY_NAME_MAX)?;
        let form = Form::new().repeated("userId", user_ids).add("groupId", group_id).add("groupName", name);
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }

    /// `/group/join.json`: adds up to 1000 users; a name refreshes the push name.
    pub async fn group_join(&self, group_id: &str, user_ids: &[impl AsRef<str>], name: Option<&str>) -> Result<(), ApiError> {
        const P: &str = "/group/join.json";
        check::users(P, "userId", user_ids, limits::LEGACY_MEMBERS_PER_CALL)?;
        check::group_id(P, "groupId", group_id)?;
        if let Some(n) = name {
            check::text(P, "groupName", n, limits::LEGACY_NAME_MAX)?;
        }
        let form = Form::new().repeated("userId", user_ids).add("groupId", group_id).opt("groupName", name);
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }

    /// `/group/quit.json`: removes up to 1000 users.
    pub async fn group_quit(&self, group_id: &str, user_ids: &[impl AsRef<str>]) -> Result<(), ApiError> {
        const P: &str = "/group/quit.json";
        check::users(P, "userId", user_ids, limits::LEGACY_MEMBERS_PER_CALL)?;
        check::group_id(P, "groupId", group_id)?;
        let form = Form::new().repeated("userId", user_ids).add("groupId", group_id);
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }

    /// `/group/dismiss.json`: `operator` may be any user id.
    pub async fn group_dismiss(&self, operator: &str, group_id: &str) -> Result<(), ApiError> {
        const P: &str = "/group/dismiss.json";
        check::user_id(P, "userId", operator)?;
        check::group_id(P, "groupId", group_id)?;
        let form = Form::new().add("userId", operator).add("groupId", group_id);
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }

    /// `/group/refresh.json`: the push name.
    pub async fn group_refresh(&self, group_id: &str, name: &str) -> Result<(), ApiError> {
        const P: &str = "/group/refresh.json";
        check::group_id(P, "groupId", group_id)?;
        check::required(P, "groupName", name)?;
        check::text(P, "groupName", name, limits::LEGACY_NAME_MAX)?;
        let form = Form::new().add("groupId", group_id).add("groupName", name);
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }

    /// `/group/user/query.json`: member ids.
    pub async fn group_members(&self, group_id: &str) -> Result<Vec<String>, ApiError> {
        const P: &str = "/group/user/query.json";
        check::group_id(P, "groupId", group_id)?;
        let r: Users = self.call(P, &Form::new().add("groupId", group_id), Retry::Read).await?;
        Ok(r.users.into_iter().map(|u| u.id).collect())
    }

    /// `/user/group/query.json`: without `page`, the first 5000 groups.
    pub async fn user_groups(&self, user_id: &str, page: Option<(u32, u32)>) -> Result<Vec<LegacyGroup>, ApiError> {
        const P: &str = "/user/group/query.json";
        check::user_id(P, "userId", user_id)?;
        let mut form = Form::new().add("userId", user_id);
        if let Some((page, size)) = page {
            check::page_size(P, size, limits::USER_GROUPS_PAGE_MAX)?;
            form = form.add("page", page.to_string()).add("size", size.to_string());
        }
        let r: Groups = self.call(P, &form, Retry::Read).await?;
        Ok(r.groups)
    }

    /// `/group/sync.json`: replaces the user's legacy memberships with `groups` (id, name).
    pub async fn group_sync(&self, user_id: &str, groups: &[(String, String)]) -> Result<(), ApiError> {
        const P: &str = "/group/sync.json";
        check::user_id(P, "userId", user_id)?;
        let mut body = form_urlencoded::Serializer::new(String::new());
        body.append_pair("userId", user_id);
        for (id, name) in groups {
            check::group_id(P, "group id", id)?;
            check::text(P, &format!("group[{id}]"), name, limits::LEGACY_NAME_MAX)?;
            body.append_pair(&format!("group[{id}]"), name);
        }
        // Bracketed keys are dynamic, so this form is built by hand.
        let form = Form::raw(body.finish());
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }

    /// `/group/user/gag/add.json`: mutes up to 20 users for `minutes` (0 = permanent, at most
    /// 43200) in `group_id`, or in all their groups when `None`.
    pub async fn mute(&self, group_id: Option<&str>, user_ids: &[impl AsRef<str>], minutes: u32) -> Result<(), ApiError> {
        const P: &str = "/group/user/gag/add.json";
        check::users(P, "userId", user_ids, limits::GAG_PER_CALL)?;
        opt_group(P, group_id)?;
        if minutes > limits::MUTE_MINUTES_MAX {
            return Err(ApiError::invalid(P, "minute", format!("at most {} (30 days; 0 = permanent), got {minutes}", limits::MUTE_MINUTES_MAX)));
        }
        let form = Form::new().repeated("userId", user_ids).opt("groupId", group_id).add("minute", minutes.to_string());
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }

    /// `/group/user/gag/rollback.json`
    pub async fn unmute(&self, group_id: Option<&str>, user_ids: &[impl AsRef<str>]) -> Result<(), ApiError> {
        const P: &str = "/group/user/gag/rollback.json";
        check::users(P, "userId", user_ids, limits::GAG_PER_CALL)?;
        opt_group(P, group_id)?;
        let form = Form::new().repeated("userId", user_ids).opt("groupId", group_id);
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }

    /// `/group/user/gag/list.json`: muted users of a group, or muted in all groups with `None`.
    pub async fn muted(&self, group_id: Option<&str>) -> Result<Vec<MutedUser>, ApiError> {
        const P: &str = "/group/user/gag/list.json";
        opt_group(P, group_id)?;
        let r: Muted = self.call(P, &Form::new().opt("groupId", group_id), Retry::Read).await?;
        Ok(r.users)
    }

    /// `/group/ban/add.json`: mute-all on, up to 20 groups.
    pub async fn mute_all_on(&self, group_ids: &[impl AsRef<str>]) -> Result<(), ApiError> {
        const P: &str = "/group/ban/add.json";
        check_groups(P, group_ids, limits::GAG_PER_CALL)?;
        self.call::<Empty>(P, &Form::new().repeated("groupId", group_ids), Retry::Always).await.map(|_| ())
    }

    /// `/group/ban/rollback.json`: mute-all off.
    pub async fn mute_all_off(&self, group_ids: &[impl AsRef<str>]) -> Result<(), ApiError> {
        const P: &str = "/group/ban/rollback.json";
        check_groups(P, group_ids, limits::GAG_PER_CALL)?;
        self.call::<Empty>(P, &Form::new().repeated("groupId", group_ids), Retry::Always).await.map(|_| ())
    }

    /// `/group/ban/query.json` for up to 20 groups: (group id, muted-all).
    pub async fn mute_all_status(&self, group_ids: &[impl AsRef<str>]) -> Result<Vec<(String, bool)>, ApiError> {
        const P: &str = "/group/ban/query.json";
        check_groups(P, group_ids, limits::GAG_PER_CALL)?;
        let r: BanInfo = self.call(P, &Form::new().repeated("groupId", group_ids), Retry::Read).await?;
        Ok(r.groupinfo.into_iter().map(|g| (g.group_id, g.stat == 1)).collect())
    }

    /// `/group/ban/query.json` paged: every muted-all group (page from 1, size ≤ 200).
    pub async fn muted_all_groups(&self, page: u32, size: u32) -> Result<Vec<String>, ApiError> {
        const P: &str = "/group/ban/query.json";
        check::page_size(P, size, limits::BAN_PAGE_MAX)?;
        let form = Form::new().add("page", page.max(1).to_string()).add("size", size.to_string());
        let r: BanInfo = self.call(P, &form, Retry::Read).await?;
        Ok(r.groupinfo.into_iter().map(|g| g.group_id).collect())
    }

    /// `/group/user/ban/whitelist/add.json`: up to 20 users.
    pub async fn allowlist_add(&self, group_id: &str, user_ids: &[impl AsRef<str>]) -> Result<(), ApiError> {
        const P: &str = "/group/user/ban/whitelist/add.json";
        check::users(P, "userId", user_ids, limits::GAG_PER_CALL)?;
        check::group_id(P, "groupId", group_id)?;
        let form = Form::new().repeated("userId", user_ids).add("groupId", group_id);
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }

    /// `/group/user/ban/whitelist/rollback.json`
    pub async fn allowlist_remove(&self, group_id: &str, user_ids: &[impl AsRef<str>]) -> Result<(), ApiError> {
        const P: &str = "/group/user/ban/whitelist/rollback.json";
        check::users(P, "userId", user_ids, limits::GAG_PER_CALL)?;
        check::group_id(P, "groupId", group_id)?;
        let form = Form::new().repeated("userId", user_ids).add("groupId", group_id);
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }

    /// `/group/user/ban/whitelist/query.json`
    pub async fn allowlist(&self, group_id: &str) -> Result<Vec<String>, ApiError> {
        const P: &str = "/group/user/ban/whitelist/query.json";
        check::group_id(P, "groupId", group_id)?;
        let r: UserIds = self.call(P, &Form::new().add("groupId", group_id), Retry::Read).await?;
        Ok(r.user_ids)
    }

    /// `/group/remarks/set.json`: a member's push alias for the group.
    pub async fn push_remark_set(&self, group_id: &str, user_id: &str, remark: &str) -> Result<(), ApiError> {
        const P: &str = "/group/remarks/set.json";
        check::user_id(P, "userId", user_id)?;
        check::group_id(P, "groupId", group_id)?;
        check::required(P, "remark", remark)?;
        check::text(P, "remark", remark, limits::PUSH_REMARK_MAX)?;
        let form = Form::new().add("userId", user_id).add("groupId", group_id).add("remark", remark);
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }

    /// `/group/remarks/get.json` (empty when none is set).
    pub async fn push_remark(&self, group_id: &str, user_id: &str) -> Result<String, ApiError> {
        const P: &str = "/group/remarks/get.json";
        check::user_id(P, "userId", user_id)?;
        check::group_id(P, "groupId", group_id)?;
        let r: Remark = self.call(P, &Form::new().add("userId", user_id).add("groupId", group_id), Retry::Read).await?;
        Ok(r.remark)
    }

    /// `/group/remarks/del.json`
    pub async fn push_remark_delete(&self, group_id: &str, user_id: &str) -> Result<(), ApiError> {
        const P: &str = "/group/remarks/del.json";
        check::user_id(P, "userId", user_id)?;
        check::group_id(P, "groupId", group_id)?;
        let form = Form::new().add("userId", user_id).add("groupId", group_id);
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }
}
