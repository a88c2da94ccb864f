//! Typed methods for group information hosting (reference §6, all 23 endpoints). Lists are sent
//! comma-joined, as the Java and Go SDKs do.

use serde::Deserialize;

use super::check;
use super::client::{Client, Form, Retry};
use super::error::{ApiError, ErrorKind};
use super::limits;
use super::types::*;

#[derive(Deserialize)]
struct Empty {}

#[derive(Deserialize)]
struct Profiles {
    #[serde(default)]
    profiles: Vec<WireProfile>,
}

#[derive(Deserialize)]
struct Members {
    #[serde(default)]
    members: Vec<Member>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ManagerAdd {
    #[serde(default)]
    user_ids: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RemarkName {
    #[serde(default)]
    remark_name: String,
}

#[derive(Deserialize)]
struct FollowedList {
    #[serde(default, alias = "followedMembers")]
    members: Vec<Followed>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Joined {
    #[serde(default)]
    total_count: i64,
    #[serde(default)]
    page_token: String,
    #[serde(default)]
    groups: Vec<WireJoined>,
}

fn leave_form(form: Form, o: LeaveOptions) -> Form {
    let flag = |b: bool| if b { "1" } else { "0" };
    form.add("isDelBan", flag(o.remove_mute))
        .add("isDelWhite", flag(o.remove_allowlist))
        .add("isDelFollowed", flag(o.remove_follows))
}

fn profile_form(path: &str, mut form: Form, profile: &GroupProfile, name: Option<&str>, perms: &Permissions, ext: &ExtProfile) -> Result<Form, ApiError> {
    check::profile(path, profile)?;
    check::ext(path, ext)?;
    if !profile.is_empty() || name.is_some() {
        form = form.add("groupProfile", profile.to_json(name));
    }
    if !perms.is_empty() {
        form = form.add("permissions", perms.to_json());
    }
    if !ext.is_empty() {
        form = form.add("groupExtProfile", ext_to_json(ext));
    }
    Ok(form)
}

fn group_name(path: &str, name: &str) -> Result<(), ApiError> {
    check::required(path, "name", name)?;
    check::text(path, "name", name, limits::GROUP_NAME_MAX)
}

impl Client {
    /// 1. `/entrust/group/create.json`. A lost answer is reconciled by reading the group back.
    pub async fn create_group(&self, g: &NewGroup) -> Result<(), ApiError> {
        const P: &str = "/entrust/group/create.json";
        check::new_group_id(P, "groupId", &g.group_id)?;
        group_name(P, &g.name)?;
        check::user_id(P, "owner", &g.owner)?;
        let invitees: Vec<&String> = g.members.iter().filter(|m| **m != g.owner).collect();
        if invitees.len() > limits::CREATE_INVITEES_MAX {
            return Err(ApiError::invalid(P, "userIds", format!("at most {} invitees besides the owner (got {})", limits::CREATE_INVITEES_MAX, invitees.len())));
        }
        for m in &invitees {
            check::user_id(P, "userIds", m)?;
        }
        let mut form = Form::new().add("groupId", &g.group_id).add("name", &g.name).add("owner", &g.owner);
        if !invitees.is_empty() {
            form = form.joined("userIds", &invitees);
        }
        let form = profile_form(P, form, &g.profile, None, &g.permissions, &g.ext)?;
        match self.call::<Empty>(P, &form, Retry::IfNotSent).await {
            Ok(_) => Ok(()),
            Err(e) if e.is_ambiguous() => match self.group_info(&g.group_id).await {
                Ok(Some(info)) if info.owner == g.owner && info.name == g.name => Ok(()),
                _ => Err(e),
            },
            Err(e) => Err(e),
        }
    }

    /// 2. `/entrust/group/profile/update.json`: sends only what the update holds.
    pub async fn update_profile(&self, group_id: &str, u: &ProfileUpdate) -> Result<(), ApiError> {
        const P: &str = "/entrust/group/profile/update.json";
        check::group_id(P, "groupId", group_id)?;
        if u.is_empty() {
            return Err(ApiError::invalid(P, "update", "nothing to change"));
        }
        if let Some(n) = &u.name {
            group_name(P, n)?;
        }
        let form = profile_form(P, Form::new().add("groupId", group_id), &u.profile, u.name.as_deref(), &u.permissions, &u.ext)?;
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }

    /// 3. `/entrust/group/profile/query.json`: up to 50 groups; unknown ones are left out.
    pub async fn group_profiles(&self, group_ids: &[impl AsRef<str>]) -> Result<Vec<GroupInfo>, ApiError> {
        const P: &str = "/entrust/group/profile/query.json";
        if group_ids.is_empty() || group_ids.len() > limits::PROFILE_QUERY_MAX {
            return Err(ApiError::invalid(P, "groupIds", format!("1 to {} groups per request (got {})", limits::PROFILE_QUERY_MAX, group_ids.len())));
        }
        for g in group_ids {
            check::group_id(P, "groupIds", g.as_ref())?;
        }
        let r: Profiles = self.call(P, &Form::new().joined("groupIds", group_ids), Retry::Read).await?;
        Ok(r.profiles.into_iter().map(GroupInfo::from).collect())
    }

    /// One hosted group's profile, or `None` if there is no such hosted group.
    pub async fn group_info(&self, group_id: &str) -> Result<Option<GroupInfo>, ApiError> {
        Ok(self.group_profiles(&[group_id]).await?.into_iter().next())
    }

    /// 4. `/entrust/group/quit.json`: up to 100 users leave.
    pub async fn quit_group(&self, group_id: &str, user_ids: &[impl AsRef<str>], o: LeaveOptions) -> Result<(), ApiError> {
        self.leave("/entrust/group/quit.json", group_id, user_ids, o).await
    }

    /// 5. `/entrust/group/member/kick.json`: removes up to 100 users (never the owner: 25417).
    pub async fn kick(&self, group_id: &str, user_ids: &[impl AsRef<str>], o: LeaveOptions) -> Result<(), ApiError> {
        self.leave("/entrust/group/member/kick.json", group_id, user_ids, o).await
    }

    async fn leave(&self, path: &'static str, group_id: &str, user_ids: &[impl AsRef<str>], o: LeaveOptions) -> Result<(), ApiError> {
        check::group_id(path, "groupId", group_id)?;
        check::users(path, "userIds", user_ids, limits::ENTRUST_USERS_PER_CALL)?;
        let form = leave_form(Form::new().add("groupId", group_id).joined("userIds", user_ids), o);
        self.call::<Empty>(path, &form, Retry::Always).await.map(|_| ())
    }

    /// 6. `/entrust/group/member/kick/all.json`: removes the user from every group.
    pub async fn kick_everywhere(&self, user_id: &str) -> Result<(), ApiError> {
        const P: &str = "/entrust/group/member/kick/all.json";
        check::user_id(P, "userId", user_id)?;
        self.call::<Empty>(P, &Form::new().add("userId", user_id), Retry::Always).await.map(|_| ())
    }

    /// 7. `/entrust/group/dismiss.json`. A lost answer is reconciled by reading the group back.
    pub async fn dismiss_group(&self, group_id: &str) -> Result<(), ApiError> {
        const P: &str = "/entrust/group/dismiss.json";
        check::group_id(P, "groupId", group_id)?;
        match self.call::<Empty>(P, &Form::new().add("groupId", group_id), Retry::IfNotSent).await {
            Ok(_) => Ok(()),
            Err(e) if e.is_ambiguous() => match self.group_info(group_id).await {
                Ok(None) => Ok(()),
                _ => Err(e),
            },
            Err(e) => Err(e),
        }
    }

    /// 8. `/entrust/group/join.json`: up to 100 users; answers the group's profile.
    pub async fn join_group(&self, group_id: &str, user_ids: &[impl AsRef<str>]) -> Result<GroupInfo, ApiError> {
        const P: &str = "/entrust/group/join.json";
        check::group_id(P, "groupId", group_id)?;
        check::users(P, "userIds", user_ids, limits::ENTRUST_USERS_PER_CALL)?;
        let form = Form::new().add("groupId", group_id).joined("userIds", user_ids);
        let w: WireProfile = self.call(P, &form, Retry::IfNotSent).await?;
        Ok(w.into())
    }

    /// 9. `/entrust/group/transfer/owner.json`; with `leave`, the old owner quits with those options.
    pub async fn transfer_owner(&self, group_id: &str, new_owner: &str, leave: Option<LeaveOptions>) -> Result<(), ApiError> {
        const P: &str = "/entrust/group/transfer/owner.json";
        check::group_id(P, "groupId", group_id)?;
        check::user_id(P, "newOwner", new_owner)?;
        let mut form = Form::new().add("groupId", group_id).add("newOwner", new_owner);
        form = match leave {
            Some(o) => leave_form(form.add("isQuit", "1"), o),
            None => form.add("isQuit", "0"),
        };
        match self.call::<Empty>(P, &form, Retry::IfNotSent).await {
            Ok(_) => Ok(()),
            Err(e) if e.is_ambiguous() => match self.group_info(group_id).await {
                Ok(Some(info)) if info.owner == new_owner => Ok(()),
                _ => Err(e),
            },
            Err(e) => Err(e),
        }
    }

    /// 10. `/entrust/group/import.json`: a legacy group into hosting.
    pub async fn import_group(&self, g: &NewGroup) -> Result<(), ApiError> {
        const P: &str = "/entrust/group/import.json";
        check::group_id(P, "groupId", &g.group_id)?;
        group_name(P, &g.name)?;
        check::user_id(P, "owner", &g.owner)?;
        let form = Form::new().add("groupId", &g.group_id).add("name", &g.name).add("owner", &g.owner);
        let form = profile_form(P, form, &g.profile, None, &g.permissions, &g.ext)?;
        match self.call::<Empty>(P, &form, Retry::IfNotSent).await {
            Ok(_) => Ok(()),
            Err(e) if e.is_ambiguous() => match self.group_info(&g.group_id).await {
                Ok(Some(info)) if info.owner == g.owner => Ok(()),
                _ => Err(e),
            },
            Err(e) => Err(e),
        }
    }

    /// 11. `/entrust/group/manager/add.json`: up to 10; returns the listed users who are not
    ///     members (left out by the server). When every answer was lost, the roles are read back:
    ///     all listed members admins ⇒ done (the non-members returned); any still not ⇒ not
    ///     applied (a plain failure); the read fails too ⇒ the ambiguous error (unknown).
    pub async fn add_admins(&self, group_id: &str, user_ids: &[impl AsRef<str>]) -> Result<Vec<String>, ApiError> {
        const P: &str = "/entrust/group/manager/add.json";
        check::group_id(P, "groupId", group_id)?;
        check::users(P, "userIds", user_ids, limits::ADMINS_MAX)?;
        match self.call::<ManagerAdd>(P, &Form::new().add("groupId", group_id).joined("userIds", user_ids), Retry::Always).await {
            Ok(r) => Ok(r.user_ids),
            Err(e) if e.is_ambiguous() => {
                let now = self.members_by_id(group_id, user_ids).await.map_err(|_| e.clone())?;
                if now.iter().all(|m| m.role != MemberRole::Member) {
                    let members: std::collections::HashSet<&str> = now.iter().map(|m| m.user_id.as_str()).collect();
                    Ok(user_ids.iter().map(|u| u.as_ref()).filter(|u| !members.contains(u)).map(str::to_owned).collect())
                } else {
                    Err(crate::backend::bulk::not_applied(&e))
                }
            }
            Err(e) => Err(e),
        }
    }

    /// 12. `/entrust/group/manager/remove.json`: up to 10.
    pub async fn remove_admins(&self, group_id: &str, user_ids: &[impl AsRef<str>]) -> Result<(), ApiError> {
        const P: &str = "/entrust/group/manager/remove.json";
        check::group_id(P, "groupId", group_id)?;
        check::users(P, "userIds", user_ids, limits::ADMINS_MAX)?;
        let form = Form::new().add("groupId", group_id).joined("userIds", user_ids);
        match self.call::<Empty>(P, &form, Retry::IfNotSent).await {
            Ok(_) => Ok(()),
            Err(e) if e.is_ambiguous() => {
                let now = self.members_by_id(group_id, user_ids).await.map_err(|_| e.clone())?;
                if now.iter().all(|m| m.role != MemberRole::Admin) { Ok(()) } else { Err(crate::backend::bulk::not_applied(&e)) }
            }
            Err(e) => Err(e),
        }
    }

    /// 13. `/entrust/group/member/query.json`: one page (size ≤ 100).
    pub async fn member_page(&self, group_id: &str, role: RoleFilter, page_token: &str, size: u32, order: Order) -> Result<MemberPage, ApiError> {
        const P: &str = "/entrust/group/member/query.json";
        check::group_id(P, "groupId", group_id)?;
        check::page_size(P, size, limits::MEMBER_PAGE_MAX)?;
        let form = Form::new()
            .add("groupId", group_id)
            .add("type", role.wire().to_string())
            .opt("pageToken", (!page_token.is_empty()).then_some(page_token))
            .add("size", size.to_string())
            .add("order", order.wire().to_string());
        self.call(P, &form, Retry::Read).await
    }

    /// 14. `/entrust/group/member/specific/query.json`: up to 100 users; non-members are left out.
    pub async fn members_by_id(&self, group_id: &str, user_ids: &[impl AsRef<str>]) -> Result<Vec<Member>, ApiError> {
        const P: &str = "/entrust/group/member/specific/query.json";
        check::group_id(P, "groupId", group_id)?;
        check::users(P, "userIds", user_ids, limits::ENTRUST_USERS_PER_CALL)?;
        let r: Members = self.call(P, &Form::new().add("groupId", group_id).joined("userIds", user_ids), Retry::Read).await?;
        Ok(r.members)
    }

    /// 15. `/entrust/group/member/set.json`: nickname (required, ≤ 64) and extra (≤ 128).
    pub async fn set_member(&self, group_id: &str, user_id: &str, nickname: &str, extra: Option<&str>) -> Result<(), ApiError> {
        const P: &str = "/entrust/group/member/set.json";
        check::group_id(P, "groupId", group_id)?;
        check::user_id(P, "userId", user_id)?;
        check::required(P, "nickname", nickname)?;
        check::text(P, "nickname", nickname, limits::NICKNAME_MAX)?;
        if let Some(e) = extra {
            check::text(P, "extra", e, limits::EXTRA_MAX)?;
        }
        let form = Form::new().add("groupId", group_id).add("userId", user_id).add("nickname", nickname).opt("extra", extra);
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }

    /// 16. `/entrust/group/remarkname/set.json`: the user's own alias for the group.
    pub async fn set_remark_name(&self, group_id: &str, user_id: &str, remark: &str) -> Result<(), ApiError> {
        const P: &str = "/entrust/group/remarkname/set.json";
        check::group_id(P, "groupId", group_id)?;
        check::user_id(P, "userId", user_id)?;
        check::required(P, "remarkName", remark)?;
        check::text(P, "remarkName", remark, limits::REMARK_NAME_MAX)?;
        let form = Form::new().add("groupId", group_id).add("userId", user_id).add("remarkName", remark);
        self.call::<Empty>(P, &form, Retry::Always).await.map(|_| ())
    }

    /// 17. `/entrust/group/remarkname/delete.json`
    pub async fn delete_remark_name(&self, group_id: &str, user_id: &str) -> Result<(), ApiError> {
        const P: &str = "/entrust/group/remarkname/delete.json";
        check::group_id(P, "groupId", group_id)?;
        check::user_id(P, "userId", user_id)?;
        self.call::<Empty>(P, &Form::new().add("groupId", group_id).add("userId", user_id), Retry::Always).await.map(|_| ())
    }

    /// 18. `/entrust/group/remarkname/query.json` (empty when none is set).
    pub async fn remark_name(&self, group_id: &str, user_id: &str) -> Result<String, ApiError> {
        const P: &str = "/entrust/group/remarkname/query.json";
        check::group_id(P, "groupId", group_id)?;
        check::user_id(P, "userId", user_id)?;
        let r: RemarkName = self.call(P, &Form::new().add("groupId", group_id).add("userId", user_id), Retry::Read).await?;
        Ok(r.remark_name)
    }

    /// 19. `/entrust/group/member/follow.json`: up to 100 members to follow.
    pub async fn follow(&self, group_id: &str, user_id: &str, follow: &[impl AsRef<str>]) -> Result<(), ApiError> {
        self.follow_call("/entrust/group/member/follow.json", group_id, user_id, follow).await
    }

    /// 20. `/entrust/group/member/unfollow.json`
    pub async fn unfollow(&self, group_id: &str, user_id: &str, follow: &[impl AsRef<str>]) -> Result<(), ApiError> {
        self.follow_call("/entrust/group/member/unfollow.json", group_id, user_id, follow).await
    }

    async fn follow_call(&self, path: &'static str, group_id: &str, user_id: &str, follow: &[impl AsRef<str>]) -> Result<(), ApiError> {
        check::group_id(path, "groupId", group_id)?;
        check::user_id(path, "userId", user_id)?;
        check::users(path, "followUserIds", follow, limits::ENTRUST_USERS_PER_CALL)?;
        let form = Form::new().add("groupId", group_id).add("userId", user_id).joined("followUserIds", follow);
        self.call::<Empty>(path, &form, Retry::Always).await.map(|_| ())
    }

    /// 21. `/entrust/group/member/followed/get.json`
    pub async fn followed(&self, group_id: &str, user_id: &str) -> Result<Vec<Followed>, ApiError> {
        const P: &str = "/entrust/group/member/followed/get.json";
        check::group_id(P, "groupId", group_id)?;
        check::user_id(P, "userId", user_id)?;
        let r: FollowedList = self.call(P, &Form::new().add("groupId", group_id).add("userId", user_id), Retry::Read).await?;
        Ok(r.members)
    }

    /// 22. `/entrust/group/query.json`: one page of the app's hosted groups (size ≤ 1000).
    pub async fn group_page(&self, page_token: &str, size: u32, order: Order) -> Result<GroupPage, ApiError> {
        const P: &str = "/entrust/group/query.json";
        check::page_size(P, size, limits::GROUP_PAGE_MAX)?;
        let form = Form::new()
            .opt("pageToken", (!page_token.is_empty()).then_some(page_token))
            .add("size", size.to_string())
            .add("order", order.wire().to_string());
        self.call(P, &form, Retry::Read).await
    }

    /// 23. `/entrust/joined/group/query.json`: one page of a user's hosted groups (size ≤ 100).
    pub async fn joined_page(&self, user_id: &str, role: RoleFilter, page_token: &str, size: u32, order: Order) -> Result<JoinedPage, ApiError> {
        const P: &str = "/entrust/joined/group/query.json";
        check::user_id(P, "userId", user_id)?;
        check::page_size(P, size, limits::JOINED_PAGE_MAX)?;
        let form = Form::new()
            .add("userId", user_id)
            .add("role", role.wire().to_string())
            .opt("pageToken", (!page_token.is_empty()).then_some(page_token))
            .add("size", size.to_string())
            .add("order", order.wire().to_string());
        let r: Joined = self.call(P, &form, Retry::Read).await?;
        Ok(JoinedPage { total_count: r.total_count, page_token: r.page_token, groups: r.groups.into_iter().map(JoinedGroup::from).collect() })
    }

    /// Whether `group_id` is a legacy group that must be imported first (25429).
    pub fn is_legacy_error(e: &ApiError) -> bool {
        e.kind == ErrorKind::Server && e.code == Some(25429)
    }
}
