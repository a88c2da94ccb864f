//! Groups as screens and operations see them, whatever the service.

use std::collections::BTreeMap;

use super::caps::Capabilities;
use super::member::Role;

/// The chat service a connection talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Service {
    RongCloud,
    Tencent,
}

impl Service {
    pub fn label(self) -> &'static str {
        match self {
            Self::RongCloud => "RongCloud",
            Self::Tencent => "Tencent Cloud Chat",
        }
    }
}

/// A row of the group browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupRow {
    /// Tencent's group type (Work, Public, Meeting, AVChatRoom, Community); `None` on RongCloud.
    pub group_type: Option<super::tencent::GroupType>,
    pub group_id: String,
    pub name: String,
    pub owner: String,
    pub member_count: i64,
    /// Creation time, epoch milliseconds.
    pub created_ms: i64,
}

/// Everything the group page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupDetail {
    pub group_id: String,
    pub name: String,
    pub owner: String,
    pub created_ms: i64,
    pub member_count: i64,
    pub muted_all: bool,
    pub introduction: String,
    pub announcement: String,
    pub portrait_url: String,
    /// The app's custom group fields (RongCloud extProfile), by key.
    pub custom: BTreeMap<String, String>,
    pub caps: Capabilities,
    /// What only this group's service has.
    pub service: ServiceDetail,
}

/// The typed extension of [`GroupDetail`], one variant per service.
#[derive(Clone, Debug, PartialEq)]
pub enum ServiceDetail {
    RongCloud(super::rongcloud::RcGroup),
    Tencent(super::tencent::TcGroup),
}

impl GroupDetail {
    /// The RongCloud part, on a RongCloud connection.
    pub fn rongcloud(&self) -> Option<&super::rongcloud::RcGroup> {
        match &self.service {
            ServiceDetail::RongCloud(g) => Some(g),
            ServiceDetail::Tencent(_) => None,
        }
    }

    /// The Tencent part, on a Tencent connection.
    pub fn tencent(&self) -> Option<&super::tencent::TcGroup> {
        match &self.service {
            ServiceDetail::Tencent(g) => Some(g),
            ServiceDetail::RongCloud(_) => None,
        }
    }

    /// The service the group is on.
    pub fn service_kind(&self) -> Service {
        match &self.service {
            ServiceDetail::RongCloud(_) => Service::RongCloud,
            ServiceDetail::Tencent(_) => Service::Tencent,
        }
    }

    /// A RongCloud legacy group: ids only, no hosted profile.
    pub fn is_legacy(&self) -> bool {
        self.rongcloud().is_some_and(|g| !g.hosted)
    }
}

/// A group a user belongs to, for the user lookup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoinedRow {
    pub group_id: String,
    pub name: String,
    pub role: Role,
    pub join_time_ms: i64,
}

/// A partial profile change: only what is `Some` (or listed) is sent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProfileChange {
    pub name: Option<String>,
    pub introduction: Option<String>,
    pub announcement: Option<String>,
    pub portrait_url: Option<String>,
    /// Custom fields to set; an empty value removes the field.
    pub custom: BTreeMap<String, String>,
    /// RongCloud permissions (only the `Some` ones are sent).
    pub rongcloud: Option<super::rongcloud::Permissions>,
    /// Tencent join options and member cap (only the `Some` ones are sent).
    pub tencent: Option<super::tencent::TcChange>,
}

impl ProfileChange {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The names of the changed fields, for the audit log ("name, announcement").
    pub fn fields(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (set, name) in [
            (self.name.is_some(), "name"),
            (self.portrait_url.is_some(), "portrait URL"),
            (self.introduction.is_some(), "introduction"),
            (self.announcement.is_some(), "announcement"),
        ] {
            if set {
                out.push(name.to_owned());
            }
        }
        if let Some(p) = &self.rongcloud {
            if !p.is_empty() {
                out.push("permissions".to_owned());
            }
        }
        if let Some(t) = &self.tencent {
            for (set, name) in [(t.apply_join.is_some(), "apply-join option"), (t.invite_join.is_some(), "invite-join option"), (t.max_members.is_some(), "max members")] {
                if set {
                    out.push(name.to_owned());
                }
            }
        }
        out.extend(self.custom.keys().cloned());
        out
    }
}

/// A new group as the create dialog and the CLI describe it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewGroup {
    pub group_id: String,
    pub name: String,
    pub owner: String,
    /// Invited with the owner (RongCloud: at most 30; Tencent: at most 100).
    pub members: Vec<String>,
    /// Tencent: the group's type (Public when not given); ignored by RongCloud.
    pub tencent_type: Option<super::tencent::GroupType>,
}
