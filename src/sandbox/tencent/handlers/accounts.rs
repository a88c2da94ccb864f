//! Accounts (`v4/im_open_login_svc/…`): `account_import`, `multiaccount_import`,
//! `account_check`. Group members must be imported accounts.
//!
//! Choices [I]: an invalid `UserID` in `account_import` is 10004; in `multiaccount_import`
//! it is listed in `FailAccounts`. `Nick` ≤ 500 bytes, `FaceUrl` ≤ 500 bytes. Re-importing an
//! account updates nick and face URL. At most 100 accounts per multi-import or check (10005).

use serde_json::{Map, Value, json};

use super::{account, check_account, ok};
use crate::protocol::tencent::limits;
use crate::sandbox::tencent::Ctx;
use crate::sandbox::tencent::body::Obj;
use crate::sandbox::tencent::error::{WireError, WireResult};

const PROFILE_BYTES: usize = 500;

/// `account_import`: `UserID`, `Nick`, `FaceUrl`.
pub fn import(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let user = account(o, "UserID")?;
    let nick = o.text("Nick", PROFILE_BYTES)?;
    let face = o.text("FaceUrl", PROFILE_BYTES)?;
    ctx.repo.import_account(user, nick, face)?;
    Ok(ok())
}

/// `multiaccount_import`: `Accounts` (≤ 100) → `FailAccounts`.
pub fn import_many(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let list = o.strings("Accounts")?.ok_or_else(|| WireError::param("Accounts is required"))?;
    if list.is_empty() {
        return Err(WireError::param("Accounts must not be empty"));
    }
    if list.len() > limits::ACCOUNT_IMPORT_MAX {
        return Err(WireError::too_many("Accounts", list.len(), limits::ACCOUNT_IMPORT_MAX));
    }
    let mut failed = Vec::new();
    for u in list {
        if check_account("Accounts", u).is_err() {
            failed.push(u);
        } else {
            ctx.repo.import_account(u, None, None)?;
        }
    }
    let mut out = Map::new();
    out.insert("FailAccounts".into(), failed.into());
    Ok(out)
}

/// `account_check`: `CheckItem[{UserID}]` (≤ 100) →
/// `ResultItem[{UserID, ResultCode, ResultInfo, AccountStatus: Imported|NotImported}]`.
pub fn check(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let items = o.objects("CheckItem")?;
    if items.is_empty() {
        return Err(WireError::param("CheckItem is required and must not be empty"));
    }
    if items.len() > limits::ACCOUNT_IMPORT_MAX {
        return Err(WireError::too_many("CheckItem", items.len(), limits::ACCOUNT_IMPORT_MAX));
    }
    let mut results = Vec::with_capacity(items.len());
    for (name, map) in &items {
        let e = Obj::nested(map, name);
        let user = account(&e, "UserID")?;
        let status = if ctx.repo.account_exists(user)? { "Imported" } else { "NotImported" };
        results.push(json!({"UserID": user, "ResultCode": 0, "ResultInfo": "", "AccountStatus": status}));
    }
    let mut out = Map::new();
    out.insert("ResultItem".into(), Value::Array(results));
    Ok(out)
}
