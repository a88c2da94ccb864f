//! `get_joined_group_list` (§4.12): the groups an account is a member of.

use serde_json::{Map, Value};

use super::info::{BASE_FIELDS, MEMBER_FIELDS, base_json, member_fields, names};
use super::{account, group_type};
use crate::protocol::tencent::wire::GroupType;
use crate::sandbox::tencent::Ctx;
use crate::sandbox::tencent::body::Obj;
use crate::sandbox::tencent::error::WireResult;

/// `Member_Account` (an imported account, else 10019); `Limit`/`Offset` (0 or absent: all);
/// `GroupType`; `WithHugeGroups`, `WithNoActiveGroups` (accepted, see the module docs of
/// `tencent`); `ResponseFilter` with `GroupBaseInfoFilter` and `SelfInfoFilter`. Without a
/// filter each entry is only its `GroupId`.
pub fn get_joined_group_list(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let user = account(o, "Member_Account")?;
    ctx.repo.require_accounts([user])?;
    o.flag("WithHugeGroups")?;
    o.flag("WithNoActiveGroups")?;
    o.flag("SupportTopic")?;
    let limit = o.u64("Limit")?.unwrap_or(0).min(i64::MAX as u64) as i64;
    let offset = o.u64("Offset")?.unwrap_or(0).min(i64::MAX as u64) as i64;
    let kinds: Vec<&str> = match group_type(o, "GroupType")? {
        Some(k) => vec![k.wire()],
        None => GroupType::ALL.iter().map(|k| k.wire()).collect(),
    };
    let f = o.object("ResponseFilter")?;
    let base = names(&f, "GroupBaseInfoFilter", BASE_FIELDS, &["GroupId"])?;
    let own = names(&f, "SelfInfoFilter", MEMBER_FIELDS, &["Account", "Member_Account"])?;
    let (total, rows) = ctx.repo.joined(user, &kinds, offset, limit)?;
    let list: Vec<Value> = rows
        .iter()
        .map(|(g, m)| {
            let mut out = Map::new();
            out.insert("GroupId".into(), g.group_id.clone().into());
            if let Some(which) = &base {
                base_json(ctx, g, Some(which), &mut out);
            }
            if let Some(which) = &own {
                let mut me = Map::new();
                member_fields(m, Some(which), &mut me);
                out.insert("SelfInfo".into(), Value::Object(me));
            }
            Value::Object(out)
        })
        .collect();
    let mut out = Map::new();
    out.insert("TotalCount".into(), total.into());
    out.insert("GroupIdList".into(), Value::Array(list));
    Ok(out)
}
