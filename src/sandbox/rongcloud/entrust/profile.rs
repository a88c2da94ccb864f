//! The hosted profile parameters `groupProfile`, `permissions` and `groupExtProfile` (reference
//! §6.1), merged into a group's stored JSON, and the profile fields of answers.
//!
//! Choices where the reference is silent, [?] there:
//! * Updates are partial: keys not sent keep their values; an empty profile value clears it.
//! * extProfile: an empty value removes the key; at most 10 keys per group (25406); a key not in
//!   the App Key's registry ⇒ 25415.
//! * A new group's permissions all start at 0 (the documented defaults).

use serde_json::{Map, Value, json};

use crate::protocol::rongcloud::limits;
use crate::sandbox::rongcloud::Ctx;
use crate::sandbox::rongcloud::error::{WireError, WireResult};
use crate::sandbox::rongcloud::form::Params;
use crate::sandbox::rongcloud::repo::{Group, Profile};
use crate::sandbox::rongcloud::validate;

/// The stored profile after applying the request, and a name sent inside `groupProfile`.
pub struct Patched {
    pub name: Option<String>,
    pub profile: Profile,
    /// Whether any of the three parameters was sent.
    pub changed: bool,
}

pub fn parse_obj(raw: &str) -> Map<String, Value> {
    match serde_json::from_str(raw) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// The profile JSON as the wire carries it: JSON strings inside the JSON answer, as
/// `(groupProfile, groupExtProfile, permissions)`.
pub fn fields(g: &Group) -> (Value, Value, Value) {
    (json!(g.profile), json!(g.ext), json!(g.permissions))
}

/// Applies the optional profile parameters to `base` (a new group when `None`); `allow_name`
/// lets `groupProfile` carry `name`.
pub fn apply(ctx: &Ctx, p: &Params, base: Option<&Group>, allow_name: bool) -> WireResult<Patched> {
    let mut profile = base.map(|g| parse_obj(&g.profile)).unwrap_or_default();
    let mut ext = base.map(|g| parse_obj(&g.ext)).unwrap_or_default();
    let mut perms = match base {
        Some(g) => parse_obj(&g.permissions),
        None => validate::PERMISSIONS.iter().map(|(k, _)| (k.to_string(), json!(0))).collect(),
    };
    let mut name = None;
    let mut changed = false;
    if let Some(raw) = p.opt("groupProfile") {
        let patch = validate::profile_patch(raw, allow_name)?;
        merge(&mut profile, patch.fields);
        name = patch.name;
        changed = true;
    }
    if let Some(raw) = p.opt("permissions") {
        for (k, v) in validate::permissions_patch(raw)? {
            perms.insert(k, json!(v));
        }
        changed = true;
    }
    if let Some(raw) = p.opt("groupExtProfile") {
        apply_ext(ctx, &mut ext, validate::ext_patch(raw)?)?;
        changed = true;
    }
    let profile = Profile {
        profile: Value::Object(profile).to_string(),
        ext: Value::Object(ext).to_string(),
        permissions: Value::Object(perms).to_string(),
    };
    Ok(Patched { name, profile, changed })
}

/// Sets each key, or removes it for an empty value.
fn merge(target: &mut Map<String, Value>, pairs: Vec<(String, String)>) {
    for (k, v) in pairs {
        if v.is_empty() {
            target.remove(&k);
        } else {
            target.insert(k, json!(v));
        }
    }
}

fn apply_ext(ctx: &Ctx, ext: &mut Map<String, Value>, pairs: Vec<(String, String)>) -> WireResult<()> {
    for (k, _) in &pairs {
        if !ctx.repo.ext_key_registered(ctx.app_key, k)? {
            return Err(WireError::bad(
                25415,
                format!("extProfile key {k:?} is not configured for this App Key; add it to the app's extProfile keys first"),
            ));
        }
    }
    merge(ext, pairs);
    if ext.len() > limits::EXT_PAIRS_MAX {
        return Err(WireError::bad(
            25406,
            format!("groupExtProfile: at most {} keys per group (would be {})", limits::EXT_PAIRS_MAX, ext.len()),
        ));
    }
    Ok(())
}
