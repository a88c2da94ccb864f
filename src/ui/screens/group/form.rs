//! The editable copy of a group's profile: built from the server's answer, checked against the
//! documented limits and the extProfile registry, and compared for the review before saving.

use std::collections::BTreeMap;

use crate::protocol::rongcloud::limits;
use crate::model::rongcloud::Permissions;
use crate::model::{GroupDetail, ProfileChange};
use crate::ops::extkeys::Registry;
use crate::tr;

/// The editable copy of a group's profile.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProfileForm {
    pub name: String,
    pub portrait_url: String,
    pub introduction: String,
    pub announcement: String,
    pub permissions: Permissions,
    pub ext: BTreeMap<String, String>,
}

impl ProfileForm {
    pub fn from_detail(d: &GroupDetail, registry: &Registry) -> Self {
        let mut ext: BTreeMap<String, String> = d.custom.clone();
        for k in &registry.keys {
            ext.entry(k.key.clone()).or_default();
        }
        Self {
            name: d.name.clone(),
            portrait_url: d.portrait_url.clone(),
            introduction: d.introduction.clone(),
            announcement: d.announcement.clone(),
            permissions: d.rongcloud().map(|g| g.permissions).unwrap_or_default(),
            ext,
        }
    }

    /// Every problem with the form, each naming the field and the limit.
    pub fn problems(&self, registry: &Registry) -> Vec<String> {
        let mut out = Vec::new();
        let mut len = |label: String, v: &str, max: usize| {
            let n = v.chars().count();
            if n > max {
                out.push(tr!("limit-chars", label = label, max = max, count = n));
            }
        };
        len(tr!("field-name"), &self.name, limits::GROUP_NAME_MAX);
        len(tr!("field-portrait"), &self.portrait_url, limits::PORTRAIT_URL_MAX);
        len(tr!("field-introduction"), &self.introduction, limits::INTRODUCTION_MAX);
        len(tr!("field-announcement"), &self.announcement, limits::ANNOUNCEMENT_MAX);
        if self.name.trim().is_empty() {
            out.push(tr!("field-required", label = tr!("field-name")));
        }
        for (k, v) in &self.ext {
            match registry.get(k) {
                Some(def) => {
                    if let Err(e) = def.check_value(v) {
                        out.push(e);
                    }
                }
                None if !v.is_empty() => out.push(tr!("ext-not-registered", key = k.as_str())),
                None => {}
            }
        }
        let set = self.ext.values().filter(|v| !v.is_empty()).count();
        if set > limits::EXT_PAIRS_MAX {
            out.push(tr!("ext-too-many", max = limits::EXT_PAIRS_MAX, count = set));
        }
        out
    }

    /// What changed: (field, before, after) for the review, and the update to send.
    pub fn diff(&self, before: &ProfileForm) -> (Vec<(String, String, String)>, ProfileChange) {
        let mut rows = Vec::new();
        let mut u = ProfileChange::default();
        let mut perms = Permissions::default();
        let mut text = |label: &str, a: &str, b: &str| {
            if a != b {
                rows.push((label.to_owned(), a.to_owned(), b.to_owned()));
                true
            } else {
                false
            }
        };
        if text("Name", &before.name, &self.name) {
            u.name = Some(self.name.clone());
        }
        if text("Portrait URL", &before.portrait_url, &self.portrait_url) {
            u.portrait_url = Some(self.portrait_url.clone());
        }
        if text("Introduction", &before.introduction, &self.introduction) {
            u.introduction = Some(self.introduction.clone());
        }
        if text("Announcement", &before.announcement, &self.announcement) {
            u.announcement = Some(self.announcement.clone());
        }
        let (p, q) = (&before.permissions, &self.permissions);
        macro_rules! perm {
            ($field:ident, $label:literal) => {
                if p.$field != q.$field {
                    rows.push(($label.to_owned(), p.$field.map(|x| x.label()).unwrap_or("-").to_owned(), q.$field.map(|x| x.label()).unwrap_or("-").to_owned()));
                    perms.$field = q.$field;
                }
            };
        }
        perm!(join, "Who can join");
        perm!(remove, "Who can remove members");
        perm!(invite, "Who can invite");
        perm!(invite_handling, "Invitations");
        perm!(profile_edit, "Who can edit the group profile");
        perm!(member_edit, "Who can edit a member's nickname");
        if !perms.is_empty() {
            u.rongcloud = Some(perms);
        }
        for (k, v) in &self.ext {
            let old = before.ext.get(k).cloned().unwrap_or_default();
            if &old != v {
                rows.push((k.clone(), old, v.clone()));
                u.custom.insert(k.clone(), v.clone());
            }
        }
        (rows, u)
    }
}

