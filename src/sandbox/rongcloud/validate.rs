//! Limits of reference §5/§6, checked before anything is written. Every error names the
//! parameter and the limit it broke.
//!
//! Code choices (reference leaves the per-endpoint codes open, [?]):
//! * legacy `/group/*`: missing or ill-formed ⇒ 1002, too long ⇒ 1005, too many items ⇒ 1002;
//! * entrust `/entrust/*`: missing or ill-formed ⇒ 1002, too long ⇒ 25406, bad group id
//!   characters ⇒ 25430, too many items ⇒ 1002 (25422 for profile queries over 50 groups).

use serde_json::{Map, Value};

use super::error::{WireError, WireResult};
use super::form::Params;
use crate::protocol::rongcloud::limits;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Family {
    Legacy,
    Entrust,
}

impl Family {
    pub fn too_long(self, field: &str, max: usize, got: usize) -> WireError {
        let code = match self {
            Family::Legacy => 1005,
            Family::Entrust => 25406,
        };
        WireError::bad(code, format!("{field} is too long: at most {max} characters (got {got})"))
    }

    fn bad_group_id(self, field: &str, value: &str) -> WireError {
        let code = match self {
            Family::Legacy => 1002,
            Family::Entrust => 25430,
        };
        WireError::bad(
            code,
            format!("{field} may contain only letters A-Z, a-z and digits 0-9 (got {value:?})"),
        )
    }
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// A text value of at most `max` characters.
pub fn check_len(family: Family, field: &str, value: &str, max: usize) -> WireResult<()> {
    let n = char_len(value);
    if n > max {
        return Err(family.too_long(field, max, n));
    }
    Ok(())
}

/// A group id: required, at most 64 characters, ASCII letters and digits.
pub fn group_id_value(family: Family, field: &str, value: &str) -> WireResult<()> {
    check_len(family, field, value, limits::ID_MAX)?;
    if !value.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(family.bad_group_id(field, value));
    }
    Ok(())
}

pub fn group_id<'a>(family: Family, p: &'a Params, field: &str) -> WireResult<&'a str> {
    let v = p.req(field)?;
    group_id_value(family, field, v)?;
    Ok(v)
}

/// A user id: 1 to 64 characters; no control character, no comma (it separates list items) and
/// no surrounding white space — such ids could be stored by one family and never addressed by
/// the other. The same rule in both families.
pub fn user_id_value(family: Family, field: &str, value: &str) -> WireResult<()> {
    check_len(family, field, value, limits::ID_MAX)?;
    if value.trim().is_empty() {
        return Err(WireError::param(format!("{field} is empty")));
    }
    if value.chars().any(char::is_control) {
        return Err(WireError::param(format!("{field} contains a control character ({value:?})")));
    }
    if value.contains(',') {
        return Err(WireError::param(format!("{field} contains a comma, which separates list items ({value:?})")));
    }
    if value.trim() != value {
        return Err(WireError::param(format!("{field} has white space at its start or end ({value:?})")));
    }
    Ok(())
}

pub fn user_id<'a>(family: Family, p: &'a Params, field: &str) -> WireResult<&'a str> {
    let v = p.req(field)?;
    user_id_value(family, field, v)?;
    Ok(v)
}

/// A list of user ids with a per-request maximum; `required` demands at least one.
pub fn user_list(
    family: Family,
    field: &str,
    ids: Vec<String>,
    max: usize,
    required: bool,
) -> WireResult<Vec<String>> {
    if required && ids.is_empty() {
        return Err(WireError::param(format!("{field} is required")));
    }
    if ids.len() > max {
        return Err(WireError::param(format!(
            "{field}: at most {max} users per request (got {})",
            ids.len()
        )));
    }
    for id in &ids {
        user_id_value(family, field, id)?;
    }
    Ok(ids)
}

/// Legacy lists are repeated keys; duplicates are collapsed (first wins).
pub fn legacy_users(p: &Params, field: &str, max: usize) -> WireResult<Vec<String>> {
    let mut ids = p.repeated(field);
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    user_list(Family::Legacy, field, ids, max, true)
}

pub fn entrust_users(p: &Params, field: &str, max: usize, required: bool) -> WireResult<Vec<String>> {
    user_list(Family::Entrust, field, p.list(&[field])?, max, required)
}

// ----- hosted profile JSON (reference §6.1) -----

/// `groupProfile` keys and their length limits.
const PROFILE_FIELDS: [(&str, usize); 3] = [
    ("introduction", limits::INTRODUCTION_MAX),
    ("announcement", limits::ANNOUNCEMENT_MAX),
    ("portraitUrl", limits::PORTRAIT_URL_MAX),
];

/// The six permissions with their allowed values (0..=max).
pub const PERMISSIONS: [(&str, i64); 6] = [
    ("joinPerm", 3),
    ("removePerm", 2),
    ("memInvitePerm", 2),
    ("invitePerm", 1),
    ("profilePerm", 2),
    ("memProfilePerm", 2),
];

fn json_object(field: &str, raw: &str) -> WireResult<Map<String, Value>> {
    match serde_json::from_str::<Value>(raw) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(WireError::param(format!("{field} must be a JSON object"))),
        Err(e) => Err(WireError::param(format!("{field} is not valid JSON: {e}"))),
    }
}

/// A string field inside a JSON parameter (numbers are accepted and stringified, as lenient
/// SDK maps may send them).
fn json_text(field: &str, key: &str, v: &Value) -> WireResult<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Null => Ok(String::new()),
        _ => Err(WireError::param(format!("{field}.{key} must be a string"))),
    }
}

/// Parsed `groupProfile`: profile fields (empty string = clear) and an optional `name`.
#[derive(Default, Debug)]
pub struct ProfilePatch {
    pub fields: Vec<(String, String)>,
    pub name: Option<String>,
}

pub fn profile_patch(raw: &str, allow_name: bool) -> WireResult<ProfilePatch> {
    let obj = json_object("groupProfile", raw)?;
    let mut patch = ProfilePatch::default();
    for (k, v) in &obj {
        let text = json_text("groupProfile", k, v)?;
        if k == "name" && allow_name {
            check_len(Family::Entrust, "groupProfile.name", &text, limits::GROUP_NAME_MAX)?;
            patch.name = Some(text);
            continue;
        }
        let Some((_, max)) = PROFILE_FIELDS.iter().find(|(f, _)| f == k) else {
            return Err(WireError::param(format!(
                "groupProfile has an unknown key {k:?}; allowed: introduction, announcement, portraitUrl{}",
                if allow_name { ", name" } else { "" }
            )));
        };
        check_len(Family::Entrust, &format!("groupProfile.{k}"), &text, *max)?;
        patch.fields.push((k.clone(), text));
    }
    Ok(patch)
}

pub fn permissions_patch(raw: &str) -> WireResult<Vec<(String, i64)>> {
    let obj = json_object("permissions", raw)?;
    let mut out = Vec::new();
    for (k, v) in &obj {
        let Some((_, max)) = PERMISSIONS.iter().find(|(f, _)| f == k) else {
            return Err(WireError::param(format!(
                "permissions has an unknown key {k:?}; allowed: joinPerm, removePerm, memInvitePerm, invitePerm, profilePerm, memProfilePerm"
            )));
        };
        let n = match v {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        };
        match n {
            Some(n) if (0..=*max).contains(&n) => out.push((k.clone(), n)),
            _ => {
                return Err(WireError::param(format!(
                    "permissions.{k} must be an integer from 0 to {max} (got {v})"
                )));
            }
        }
    }
    Ok(out)
}

/// Parsed `groupExtProfile` (empty value = remove the key). Registry membership is checked by
/// the caller, which has the database.
pub fn ext_patch(raw: &str) -> WireResult<Vec<(String, String)>> {
    let obj = json_object("groupExtProfile", raw)?;
    let mut out = Vec::new();
    for (k, v) in &obj {
        ext_key_value(k)?;
        let text = json_text("groupExtProfile", k, v)?;
        check_len(Family::Entrust, &format!("groupExtProfile.{k}"), &text, limits::EXT_VALUE_MAX)?;
        out.push((k.clone(), text));
    }
    Ok(out)
}

/// An extProfile key: `ext_` prefix, at most 32 characters, letters, digits and `_`.
pub fn ext_key_value(key: &str) -> WireResult<()> {
    if !key.starts_with("ext_") {
        return Err(WireError::param(format!("extProfile key {key:?} must start with \"ext_\"")));
    }
    check_len(Family::Entrust, &format!("extProfile key {key:?}"), key, limits::EXT_KEY_MAX)?;
    if !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err(WireError::param(format!(
            "extProfile key {key:?} may contain only letters, digits and _"
        )));
    }
    Ok(())
}
