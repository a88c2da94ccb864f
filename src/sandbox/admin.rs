//! Sandbox-only endpoints under `/_sandbox/`, signed like the rest. They stand in for what the
//! real service keeps in its developer console: the registry of allowed `ext_` keys per App Key.
//!
//! * `/_sandbox/extkeys/list.json` → `{"code":200,"keys":["ext_a",..]}`
//! * `/_sandbox/extkeys/set.json` `keys` (repeated or comma-joined) → adds them
//! * `/_sandbox/extkeys/delete.json` `keys` → removes them (values already stored on groups stay)

use serde_json::{Value, json};

use super::error::{WireError, WireResult};
use super::form::Params;
use super::store::Ctx;
use super::validate;

/// A registry larger than this is surely a mistake; the real console allows far fewer.
pub const REGISTRY_MAX: usize = 100;

fn keys(p: &Params) -> WireResult<Vec<String>> {
    let keys = p.list(&["keys", "key"]);
    if keys.is_empty() {
        return Err(WireError::param("keys is required"));
    }
    for k in &keys {
        validate::ext_key_value(k)?;
    }
    Ok(keys)
}

pub fn list(ctx: &Ctx, _p: &Params) -> WireResult<Value> {
    let keys: Vec<String> = ctx
        .tx
        .prepare_cached("SELECT key FROM ext_keys WHERE app_key = ?1 ORDER BY key")?
        .query_map([ctx.app_key], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(json!({"code": 200, "keys": keys}))
}

pub fn set(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let keys = keys(p)?;
    add_keys(ctx.tx, ctx.app_key, &keys, ctx.now_ms)?;
    let n: i64 = ctx
        .tx
        .query_row("SELECT COUNT(*) FROM ext_keys WHERE app_key = ?1", [ctx.app_key], |r| r.get(0))?;
    if n as usize > REGISTRY_MAX {
        return Err(WireError::param(format!(
            "keys: the registry holds at most {REGISTRY_MAX} keys (would be {n})"
        )));
    }
    Ok(json!({"code": 200}))
}

pub fn delete(ctx: &Ctx, p: &Params) -> WireResult<Value> {
    let keys = keys(p)?;
    let mut st = ctx
        .tx
        .prepare_cached("DELETE FROM ext_keys WHERE app_key = ?1 AND key = ?2")?;
    for k in &keys {
        st.execute([ctx.app_key, k.as_str()])?;
    }
    Ok(json!({"code": 200}))
}

/// Adds keys to an App Key's registry (also used at start-up for `--ext-key`).
pub fn add_keys(conn: &rusqlite::Connection, app_key: &str, keys: &[String], now_ms: i64) -> rusqlite::Result<()> {
    let mut st = conn.prepare_cached("INSERT OR IGNORE INTO ext_keys(app_key, key, time) VALUES(?1, ?2, ?3)")?;
    for k in keys {
        st.execute(rusqlite::params![app_key, k, now_ms])?;
    }
    Ok(())
}
