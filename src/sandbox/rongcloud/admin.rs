//! Sandbox-only endpoints under `/_sandbox/`, signed like the rest. They stand in for what the
//! real service keeps in its developer console: the registry of allowed `ext_` keys per App Key.
//!
//! * `/_sandbox/extkeys/list.json` → `{"code":200,"keys":["ext_a",..]}`
//! * `/_sandbox/extkeys/set.json` `keys` (repeated or comma-joined) → adds them
//! * `/_sandbox/extkeys/delete.json` `keys` → removes them (values already stored on groups stay)

use serde_json::{Value, json};

use super::Ctx;
use super::error::{WireError, WireResult};
use super::form::Params;
use super::repo::RepoError;
use super::validate;

/// A registry larger than this is surely a mistake; the real console allows far fewer.
const REGISTRY_MAX: usize = 100;

fn keys(p: &Params) -> WireResult<Vec<String>> {
    let keys = p.list(&["keys", "key"])?;
    if keys.is_empty() {
        return Err(WireError::param("keys is required"));
    }
    for k in &keys {
        validate::ext_key_value(k)?;
    }
    Ok(keys)
}

pub fn list(ctx: &Ctx, _p: &Params) -> WireResult<Value> {
    Ok(json!({"code": 200, "keys": ctx.repo.ext_keys(ctx.app_key)?}))
}

pub fn set(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let keys = keys(p)?;
    ctx.repo.register_ext_keys(ctx.app_key, &keys, REGISTRY_MAX).map_err(|e| match e {
        RepoError::TooManyExtKeys { count } => WireError::param(format!(
            "keys: the registry holds at most {REGISTRY_MAX} keys (would be {count})"
        )),
        other => other.into(),
    })?;
    Ok(json!({"code": 200}))
}

pub fn delete(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    ctx.repo.remove_ext_keys(ctx.app_key, &keys(p)?)?;
    Ok(json!({"code": 200}))
}
