//! The editable copy of a Tencent group's profile: text limits in UTF-8 **bytes** (a Chinese
//! character is 3), the join and invite options, the member cap, mute-all, and the custom
//! fields typed from the app's registry (String, Integer, Boolean, Json; empty = delete).

use std::collections::BTreeMap;

use crate::model::tencent::{CustomFields, ValueType};
use crate::model::tencent::{ApplyJoinOption, InviteJoinOption, TcChange};
use crate::model::{GroupDetail, ProfileChange};
use crate::protocol::tencent::limits;
use crate::tr;

/// The byte limits of the four text fields, with their message ids.
pub const TEXT_LIMITS: [usize; 4] = [limits::NAME_BYTES, limits::INTRODUCTION_BYTES, limits::NOTIFICATION_BYTES, limits::FACE_URL_BYTES];

/// The label of the `i`th text of [`TEXT_LIMITS`] (literal ids, so the catalogue check sees them).
pub fn text_label(i: usize) -> String {
    match i {
        0 => tr!("field-name"),
        1 => tr!("field-introduction"),
        2 => tr!("tc-field-notification"),
        _ => tr!("tc-field-face-url"),
    }
}

/// Whether the `i`th text is long (a multi-line field).
pub fn text_is_long(i: usize) -> bool {
    matches!(i, 1 | 2)
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TcForm {
    pub name: String,
    pub introduction: String,
    pub notification: String,
    pub face_url: String,
    pub apply_join: Option<ApplyJoinOption>,
    pub invite_join: Option<InviteJoinOption>,
    /// As typed (checked to be a number).
    pub max_members: String,
    pub muted_all: bool,
    /// Every registry key (empty = not set) and any value the group holds.
    pub custom: BTreeMap<String, String>,
}

/// A changed field for the review: (label, before, after).
pub type Row = (String, String, String);

impl TcForm {
    pub fn from_detail(d: &GroupDetail, fields: Option<&CustomFields>) -> Self {
        let t = d.tencent();
        let mut custom = d.custom.clone();
        for f in fields.map(|f| f.group_fields.as_slice()).unwrap_or_default() {
            custom.entry(f.key.clone()).or_default();
        }
        Self {
            name: d.name.clone(),
            introduction: d.introduction.clone(),
            notification: d.announcement.clone(),
            face_url: d.portrait_url.clone(),
            apply_join: t.and_then(|t| t.apply_join),
            invite_join: t.and_then(|t| t.invite_join),
            max_members: t.map(|t| t.max_members.to_string()).unwrap_or_default(),
            muted_all: d.muted_all,
            custom,
        }
    }

    pub fn texts(&mut self) -> [&mut String; 4] {
        [&mut self.name, &mut self.introduction, &mut self.notification, &mut self.face_url]
    }

    fn text(&self, i: usize) -> &str {
        [&self.name, &self.introduction, &self.notification, &self.face_url][i]
    }

    /// Every problem, each naming the field and its limit.
    pub fn problems(&self, fields: Option<&CustomFields>) -> Vec<String> {
        let mut out = Vec::new();
        for (i, max) in TEXT_LIMITS.iter().enumerate() {
            let v = self.text(i);
            if v.len() > *max {
                out.push(tr!("tc-limit-bytes", label = text_label(i), max = *max, bytes = v.len(), chars = v.chars().count()));
            }
        }
        if self.name.trim().is_empty() {
            out.push(tr!("field-required", label = tr!("field-name")));
        }
        if self.max_members.trim().parse::<u32>().is_err() {
            out.push(tr!("tc-max-members-number", label = tr!("tc-field-max-members")));
        }
        for (k, v) in &self.custom {
            if let Some(e) = check_value(k, v, value_type(fields, k)) {
                out.push(e);
            }
        }
        out
    }

    /// What changed, for the review, the profile update and the mute-all switch (if changed).
    pub fn diff(&self, before: &TcForm) -> (Vec<Row>, ProfileChange, Option<bool>) {
        let mut rows = Vec::new();
        let mut u = ProfileChange::default();
        let mut t = TcChange::default();
        let mut row = |label: String, a: String, b: String| rows.push((label, a, b));
        if before.name != self.name {
            row(tr!("field-name"), before.name.clone(), self.name.clone());
            u.name = Some(self.name.clone());
        }
        if before.introduction != self.introduction {
            row(tr!("field-introduction"), before.introduction.clone(), self.introduction.clone());
            u.introduction = Some(self.introduction.clone());
        }
        if before.notification != self.notification {
            row(tr!("tc-field-notification"), before.notification.clone(), self.notification.clone());
            u.announcement = Some(self.notification.clone());
        }
        if before.face_url != self.face_url {
            row(tr!("tc-field-face-url"), before.face_url.clone(), self.face_url.clone());
            u.portrait_url = Some(self.face_url.clone());
        }
        if before.apply_join != self.apply_join {
            row(tr!("tc-field-apply-join"), opt_name(before.apply_join.map(apply_name)), opt_name(self.apply_join.map(apply_name)));
            t.apply_join = self.apply_join;
        }
        if before.invite_join != self.invite_join {
            row(tr!("tc-field-invite-join"), opt_name(before.invite_join.map(invite_name)), opt_name(self.invite_join.map(invite_name)));
            t.invite_join = self.invite_join;
        }
        if before.max_members.trim() != self.max_members.trim() {
            row(tr!("tc-field-max-members"), before.max_members.clone(), self.max_members.trim().to_owned());
            t.max_members = self.max_members.trim().parse().ok();
        }
        if !t.is_empty() {
            u.tencent = Some(t);
        }
        for (k, v) in &self.custom {
            let old = before.custom.get(k).cloned().unwrap_or_default();
            if &old != v {
                row(k.clone(), old, v.clone());
                u.custom.insert(k.clone(), v.clone());
            }
        }
        let mute = (before.muted_all != self.muted_all).then_some(self.muted_all);
        if let Some(on) = mute {
            row(tr!("tc-field-mute-all"), on_off(!on), on_off(on));
        }
        (rows, u, mute)
    }
}

fn on_off(on: bool) -> String {
    if on { tr!("on") } else { tr!("off") }
}

fn opt_name(s: Option<String>) -> String {
    s.unwrap_or_default()
}

pub fn apply_name(o: ApplyJoinOption) -> String {
    match o {
        ApplyJoinOption::FreeAccess => tr!("tc-join-free"),
        ApplyJoinOption::NeedPermission => tr!("tc-join-approval"),
        ApplyJoinOption::DisableApply => tr!("tc-join-disabled"),
    }
}

pub fn invite_name(o: InviteJoinOption) -> String {
    match o {
        InviteJoinOption::FreeAccess => tr!("tc-invite-free"),
        InviteJoinOption::NeedPermission => tr!("tc-invite-approval"),
        InviteJoinOption::DisableInvite => tr!("tc-invite-disabled"),
    }
}

/// The registry's type of a group-level key (`None`: not in the registry).
pub fn value_type(fields: Option<&CustomFields>, key: &str) -> Option<ValueType> {
    fields?.group_fields.iter().find(|f| f.key == key).map(|f| f.value_type)
}

/// Why a custom value is refused: over 512 bytes, or not of the key's type (empty = delete).
pub fn check_value(key: &str, v: &str, t: Option<ValueType>) -> Option<String> {
    if v.len() > limits::GROUP_VALUE_BYTES {
        return Some(tr!("tc-limit-bytes", label = key, max = limits::GROUP_VALUE_BYTES, bytes = v.len(), chars = v.chars().count()));
    }
    if v.is_empty() {
        return None;
    }
    let ok = match t {
        Some(ValueType::Integer) => v.trim().parse::<i64>().is_ok(),
        Some(ValueType::Boolean) => matches!(v, "true" | "false"),
        Some(ValueType::Json) => serde_json::from_str::<serde_json::Value>(v).is_ok(),
        Some(ValueType::String) | None => true,
    };
    (!ok).then(|| tr!("tc-value-type", key = key, kind = type_name(t.unwrap_or(ValueType::String))))
}

pub fn type_name(t: ValueType) -> String {
    match t {
        ValueType::String => tr!("tc-type-string"),
        ValueType::Integer => tr!("tc-type-integer"),
        ValueType::Boolean => tr!("tc-type-boolean"),
        ValueType::Json => tr!("tc-type-json"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tencent::{CustomFieldDef, Level};

    fn registry() -> CustomFields {
        let def = |key: &str, value_type| CustomFieldDef { key: key.into(), label: key.into(), value_type, read_level: Level::Anyone, write_level: Level::Admin, group_types: Vec::new() };
        CustomFields { group_fields: vec![def("level", ValueType::Integer), def("on", ValueType::Boolean), def("cfg", ValueType::Json)], member_fields: Vec::new() }
    }

    fn form() -> TcForm {
        TcForm { name: "读书会".into(), max_members: "200".into(), ..Default::default() }
    }

    #[test]
    fn limits_are_bytes_not_characters() {
        let mut f = form();
        f.name = "一二三四五六七八九十".into(); // 10 characters, 30 bytes: at the limit
        assert!(f.problems(None).is_empty());
        f.name.push('一');
        assert_eq!(f.problems(None).len(), 1, "33 bytes is over");
        f.name = "a".repeat(30);
        f.face_url = "u".repeat(101);
        assert_eq!(f.problems(None).len(), 1);
    }

    #[test]
    fn custom_values_follow_their_registered_type() {
        let r = registry();
        let mut f = form();
        for (k, good, bad) in [("level", "7", "seven"), ("on", "true", "yes"), ("cfg", r#"{"a":1}"#, "{a")] {
            f.custom.insert(k.into(), good.into());
            assert!(f.problems(Some(&r)).is_empty(), "{k}={good}");
            f.custom.insert(k.into(), bad.into());
            assert_eq!(f.problems(Some(&r)).len(), 1, "{k}={bad}");
            f.custom.insert(k.into(), String::new());
            assert!(f.problems(Some(&r)).is_empty(), "empty deletes");
        }
        f.custom.insert("free".into(), "x".repeat(513));
        assert_eq!(f.problems(Some(&r)).len(), 1, "512 bytes at most");
    }

    #[test]
    fn the_diff_sends_only_changes_and_mute_all_apart() {
        let before = form();
        let mut after = before.clone();
        assert!(after.diff(&before).0.is_empty());
        after.notification = "公告".into();
        after.apply_join = Some(ApplyJoinOption::NeedPermission);
        after.custom.insert("level".into(), "3".into());
        after.muted_all = true;
        let (rows, change, mute) = after.diff(&before);
        assert_eq!(rows.len(), 4);
        assert_eq!(change.announcement.as_deref(), Some("公告"));
        assert_eq!(change.name, None);
        assert_eq!(change.tencent.unwrap().apply_join, Some(ApplyJoinOption::NeedPermission));
        assert_eq!(change.custom.get("level").map(String::as_str), Some("3"));
        assert_eq!(mute, Some(true));
    }
}
