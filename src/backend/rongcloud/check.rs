//! Client-side validation of every documented limit, before anything is sent. Each error names
//! the field and the limit.

use super::error::ApiError;
use super::limits;
use super::types::{ExtProfile, GroupProfile};

pub type Checked = Result<(), ApiError>;

fn chars(s: &str) -> usize {
    s.chars().count()
}

pub fn text(path: &str, field: &str, value: &str, max: usize) -> Checked {
    let n = chars(value);
    if n > max {
        return Err(ApiError::invalid(path, field, format!("at most {max} characters (got {n})")));
    }
    Ok(())
}

pub fn required(path: &str, field: &str, value: &str) -> Checked {
    if value.trim().is_empty() {
        return Err(ApiError::invalid(path, field, "is required"));
    }
    Ok(())
}

/// An existing group's id, to act on: 1 to 64 characters, no comma (it splits lists), no control
/// character, no surrounding white space. The documented letters-and-digits rule is for
/// *creating* groups ([`new_group_id`]); no official SDK checks it, and groups made by other
/// tools may contain `-` or `_`, so the verdict on an existing id is the server's.
pub fn group_id(path: &str, field: &str, value: &str) -> Checked {
    required(path, field, value)?;
    text(path, field, value, limits::ID_MAX)?;
    if value.contains(',') || value.chars().any(char::is_control) || value.trim() != value {
        return Err(ApiError::invalid(path, field, format!("{value:?} contains a comma, a control character or surrounding spaces")));
    }
    Ok(())
}

/// A new group's id: 1 to 64 letters and digits, as the documentation asks for creation.
pub fn new_group_id(path: &str, field: &str, value: &str) -> Checked {
    group_id(path, field, value)?;
    if let Some(c) = value.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return Err(ApiError::invalid(path, field, format!("only letters A-Z, a-z and digits 0-9 are allowed (found {c:?})")));
    }
    Ok(())
}

/// A user id: 1 to 64 characters, no commas (they split lists), no control characters.
pub fn user_id(path: &str, field: &str, value: &str) -> Checked {
    required(path, field, value)?;
    text(path, field, value, limits::ID_MAX)?;
    if value.contains(',') || value.chars().any(char::is_control) {
        return Err(ApiError::invalid(path, field, format!("{value:?} contains a comma or a control character")));
    }
    Ok(())
}

pub fn users(path: &str, field: &str, ids: &[impl AsRef<str>], max: usize) -> Checked {
    if ids.is_empty() {
        return Err(ApiError::invalid(path, field, "at least one user is required"));
    }
    if ids.len() > max {
        return Err(ApiError::invalid(path, field, format!("at most {max} per request (got {})", ids.len())));
    }
    for id in ids {
        user_id(path, field, id.as_ref())?;
    }
    Ok(())
}

pub fn profile(path: &str, p: &GroupProfile) -> Checked {
    for (field, value, max) in [
        ("introduction", &p.introduction, limits::INTRODUCTION_MAX),
        ("announcement", &p.announcement, limits::ANNOUNCEMENT_MAX),
        ("portraitUrl", &p.portrait_url, limits::PORTRAIT_URL_MAX),
    ] {
        if let Some(v) = value {
            text(path, field, v, max)?;
        }
    }
    Ok(())
}

pub fn ext_key(path: &str, key: &str) -> Checked {
    if !key.starts_with("ext_") {
        return Err(ApiError::invalid(path, "extProfile key", format!("{key:?} must start with \"ext_\"")));
    }
    text(path, &format!("extProfile key {key:?}"), key, limits::EXT_KEY_MAX)?;
    if !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err(ApiError::invalid(path, "extProfile key", format!("{key:?} may contain only letters, digits and _")));
    }
    Ok(())
}

pub fn ext(path: &str, ext: &ExtProfile) -> Checked {
    if ext.len() > limits::EXT_PAIRS_MAX {
        return Err(ApiError::invalid(path, "extProfile", format!("at most {} keys (got {})", limits::EXT_PAIRS_MAX, ext.len())));
    }
    for (k, v) in ext {
        ext_key(path, k)?;
        text(path, &format!("extProfile.{k}"), v, limits::EXT_VALUE_MAX)?;
    }
    Ok(())
}

pub fn page_size(path: &str, size: u32, max: u32) -> Checked {
    if size == 0 || size > max {
        return Err(ApiError::invalid(path, "size", format!("must be 1 to {max} (got {size})")));
    }
    Ok(())
}
