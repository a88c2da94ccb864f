//! [`Backend`]: the verbs every chat service has, in the neutral model. Each arm hands the call
//! to the service's own module, which maps its wire types to [`crate::model`].

use crate::model::bulk::{BulkReport, Control};
use crate::model::rongcloud::LeaveOptions;
pub use crate::model::action::MemberAction;
use crate::model::{ApiError, GroupDetail, GroupRow, JoinedRow, Member, NewGroup, ProfileChange, Service};

use super::{rongcloud, tencent};

/// A connected chat service.
#[derive(Clone)]
pub enum Backend {
    RongCloud(rongcloud::Client),
    Tencent(tencent::Client),
}

impl Backend {
    pub fn service(&self) -> Service {
        match self {
            Self::RongCloud(_) => Service::RongCloud,
            Self::Tencent(_) => Service::Tencent,
        }
    }

    /// The URL requests go to now (after any failover).
    pub fn current_url(&self) -> String {
        match self {
            Self::RongCloud(c) => c.current_url().to_owned(),
            Self::Tencent(c) => c.current_url().to_owned(),
        }
    }

    /// The service's plain-language meaning of an error code.
    pub fn explain(&self, code: u32) -> &'static str {
        match self {
            Self::RongCloud(_) => rongcloud::codes::explain(code),
            Self::Tencent(_) => tencent::codes::explain(code),
        }
    }

    /// Whether the server answered that the group does not exist (RongCloud 25410; Tencent 10010
    /// disbanded or 10015 never was).
    pub fn is_group_missing(&self, e: &ApiError) -> bool {
        let code = match e.code {
            Some(code) if e.kind == crate::model::ErrorKind::Server => code,
            _ => return false,
        };
        match self {
            Self::RongCloud(_) => rongcloud::codes::GROUP_MISSING.contains(&code),
            Self::Tencent(_) => tencent::codes::GROUP_MISSING.contains(&code),
        }
    }

    /// RongCloud's own features (legacy groups, allowlist, remarks, follows, ext keys).
    pub fn rongcloud(&self) -> Option<&rongcloud::Client> {
        match self {
            Self::RongCloud(c) => Some(c),
            Self::Tencent(_) => None,
        }
    }

    /// Tencent's own features (group types, custom fields, permission groups, topics, bans,
    /// accounts, the app-wide mute).
    pub fn tencent(&self) -> Option<&tencent::Client> {
        match self {
            Self::Tencent(c) => Some(c),
            Self::RongCloud(_) => None,
        }
    }

    /// Checks a group id the way the service's API does before anything is sent.
    pub fn check_group_id(&self, field: &str, group_id: &str) -> Result<(), ApiError> {
        match self {
            Self::RongCloud(_) => rongcloud::check::group_id("", field, group_id),
            Self::Tencent(_) => tencent::check::group_id("", field, group_id),
        }
    }

    pub fn check_user_id(&self, field: &str, user_id: &str) -> Result<(), ApiError> {
        match self {
            Self::RongCloud(_) => rongcloud::check::user_id("", field, user_id),
            Self::Tencent(_) => tencent::check::account("", field, user_id),
        }
    }

    /// Every group of the app with its member count, newest first.
    pub async fn list_groups(&self) -> Result<Vec<GroupRow>, ApiError> {
        match self {
            Self::RongCloud(c) => rongcloud::neutral::list_groups(c).await,
            Self::Tencent(c) => tencent::neutral::list_groups(c).await,
        }
    }

    /// Every group of the app, handed to `on_rows` batch by batch as they arrive (with the
    /// number of groups listed); answers how many rows were handed on. RongCloud lists in one go.
    pub async fn list_groups_progressive(&self, on_rows: &(dyn Fn(Vec<GroupRow>, usize) + Send + Sync)) -> Result<usize, ApiError> {
        match self {
            Self::RongCloud(c) => {
                let rows = rongcloud::neutral::list_groups(c).await?;
                let n = rows.len();
                on_rows(rows, n);
                Ok(n)
            }
            Self::Tencent(c) => tencent::browse::list_groups_progressive(c, on_rows).await,
        }
    }

    /// One group's profile, counts, mute-all state and capabilities.
    pub async fn open_group(&self, group_id: &str) -> Result<GroupDetail, ApiError> {
        match self {
            Self::RongCloud(c) => rongcloud::neutral::open_group(c, group_id).await,
            Self::Tencent(c) => tencent::neutral::open_group(c, group_id).await,
        }
    }

    pub async fn update_profile(&self, group_id: &str, change: &ProfileChange) -> Result<(), ApiError> {
        match self {
            Self::RongCloud(c) => rongcloud::neutral::update_profile(c, group_id, change).await,
            Self::Tencent(c) => tencent::neutral::update_profile(c, group_id, change).await,
        }
    }

    /// Creates a group; answers its id (the service's when none was given).
    pub async fn create_group(&self, group: &NewGroup) -> Result<String, ApiError> {
        match self {
            Self::RongCloud(c) => rongcloud::neutral::create_group(c, group).await.map(|()| group.group_id.clone()),
            Self::Tencent(c) => tencent::neutral::create_group(c, group).await,
        }
    }

    pub async fn dismiss(&self, detail: &GroupDetail) -> Result<(), ApiError> {
        match self {
            Self::RongCloud(c) => rongcloud::neutral::dismiss(c, detail).await,
            Self::Tencent(c) => c.destroy_group(&detail.group_id).await,
        }
    }

    /// Every member with mute end and allowlist state.
    pub async fn members(&self, detail: &GroupDetail) -> Result<Vec<Member>, ApiError> {
        match self {
            Self::RongCloud(c) => rongcloud::neutral::members(c, detail).await,
            Self::Tencent(c) => tencent::neutral::members(c, detail).await,
        }
    }

    /// Members page by page as they arrive: `on_page(rows, member count)` answers whether to go
    /// on. RongCloud reads the whole list at once and hands it on in slices of 2,000.
    pub async fn member_pages(&self, detail: &GroupDetail, on_page: &mut (dyn FnMut(Vec<Member>, usize) -> bool + Send)) -> Result<(), ApiError> {
        match self {
            Self::RongCloud(c) => {
                // Read as one list, handed on in slices so a screen merges them a slice at a time.
                let mut rows = rongcloud::neutral::members(c, detail).await?;
                let n = rows.len();
                while !rows.is_empty() {
                    let rest = rows.split_off(rows.len().min(2000));
                    if !on_page(std::mem::replace(&mut rows, rest), n) {
                        break;
                    }
                }
                Ok(())
            }
            Self::Tencent(c) => tencent::neutral::member_pages(c, detail, on_page).await,
        }
    }

    /// Applies `action` to `users` in chunks; one outcome per user, in the order given.
    pub async fn run_members(&self, group_id: &str, action: &MemberAction, users: &[String], ctl: &Control) -> BulkReport {
        match self {
            Self::RongCloud(c) => rongcloud::neutral::run_members(c, group_id, action, users, ctl).await,
            Self::Tencent(c) => tencent::neutral::run_members(c, group_id, action, users, ctl).await,
        }
    }

    /// Makes (`add`) or unmakes admins.
    pub async fn set_admins(&self, group_id: &str, users: &[String], add: bool) -> Result<(), ApiError> {
        match self {
            Self::RongCloud(c) => rongcloud::neutral::set_admins(c, group_id, users, add).await,
            Self::Tencent(c) => tencent::neutral::set_admins(c, group_id, users, add).await,
        }
    }

    /// A member's display name and extra text.
    pub async fn set_member(&self, group_id: &str, user_id: &str, nickname: &str, extra: &str) -> Result<(), ApiError> {
        match self {
            Self::RongCloud(c) => c.set_member(group_id, user_id, nickname, Some(extra)).await,
            Self::Tencent(c) => tencent::neutral::set_member(c, group_id, user_id, nickname, extra).await,
        }
    }

    pub async fn transfer_owner(&self, group_id: &str, new_owner: &str, old_owner_leaves: bool) -> Result<(), ApiError> {
        match self {
            Self::RongCloud(c) => c.transfer_owner(group_id, new_owner, old_owner_leaves.then(LeaveOptions::default)).await,
            Self::Tencent(c) => tencent::neutral::transfer_owner(c, group_id, new_owner, old_owner_leaves).await,
        }
    }

    pub async fn set_mute_all(&self, group_id: &str, on: bool) -> Result<(), ApiError> {
        match self {
            Self::RongCloud(c) if on => c.mute_all_on(&[group_id]).await,
            Self::RongCloud(c) => c.mute_all_off(&[group_id]).await,
            Self::Tencent(c) => tencent::neutral::set_mute_all(c, group_id, on).await,
        }
    }

    pub async fn mute_all(&self, group_id: &str) -> Result<bool, ApiError> {
        match self {
            Self::RongCloud(c) => Ok(c.mute_all_status(&[group_id]).await?.first().is_some_and(|(_, on)| *on)),
            Self::Tencent(c) => tencent::neutral::mute_all(c, group_id).await,
        }
    }

    /// The groups a user belongs to, with their role.
    pub async fn user_groups(&self, user_id: &str) -> Result<Vec<JoinedRow>, ApiError> {
        match self {
            Self::RongCloud(c) => rongcloud::neutral::user_groups(c, user_id).await,
            Self::Tencent(c) => tencent::neutral::user_groups(c, user_id).await,
        }
    }
}
