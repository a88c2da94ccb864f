//! Custom fields (`AppDefinedData`, `AppMemberDefinedData`): checking values and filters
//! against the app's registry, and the sandbox-only endpoints that configure the registry —
//! what the real service keeps in its Chat console. Both are signed like every other call:
//!
//! * `POST /v4/_sandbox/get_custom_fields` `{}` →
//!   `{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","GroupFields":[{"Key":"level","Label":"等级",
//!   "ValueType":"Integer","ReadLevel":"Anyone","WriteLevel":"Admin"}],"MemberFields":[{…,
//!   "GroupTypes":["Public","Community"]}]}`
//! * `POST /v4/_sandbox/add_custom_fields` `{"GroupFields":[…],"MemberFields":[…]}`: new keys are
//!   added; re-adding a key with an identical definition is a no-op; another definition of a
//!   configured key ⇒ 10004 "configured custom field keys cannot be changed or deleted"; more
//!   than 10 group or 5 member keys ⇒ 10004 naming the limit. There is no delete.
//!
//! Defaults of a definition: `Label` = the key, `ValueType` `String`, `ReadLevel` `Anyone`,
//! `WriteLevel` `Admin`, member `GroupTypes` = every type with members (AVChatRoom has none, so
//! naming it is 10004). `ValueType` and the levels are for the console: the wire stores any
//! string value, and REST calls are made by the App admin, who may read and write every key.

use serde_json::{Map, Value, json};

use super::super::Ctx;
use super::super::body::{Obj, too_long};
use super::super::error::{WireError, WireResult};
use super::super::repo::{FieldDef, Scope};
use crate::protocol::tencent::limits;
use crate::protocol::tencent::wire::GroupType;

const VALUE_TYPES: &[&str] = &["String", "Integer", "Boolean", "Json"];
const LEVELS: &[&str] = &["AppAdmin", "Owner", "Admin", "Member", "Anyone"];
const LABEL_BYTES: usize = 64;

/// The app's configured keys, loaded once per request.
pub struct Registry {
    pub group: Vec<FieldDef>,
    pub member: Vec<FieldDef>,
}

impl Registry {
    pub fn load(ctx: &Ctx) -> WireResult<Self> {
        Ok(Self { group: ctx.repo.fields(Scope::Group)?, member: ctx.repo.fields(Scope::Member)? })
    }

    fn group_key(&self, key: &str) -> bool {
        self.group.iter().any(|f| f.key == key)
    }

    fn member_key(&self, key: &str) -> Option<&FieldDef> {
        self.member.iter().find(|f| f.key == key)
    }

    /// Whether member key `key` is enabled for groups of `kind`.
    pub fn member_key_on(&self, key: &str, kind: GroupType) -> bool {
        self.member_key(key).is_some_and(|f| f.group_types.iter().any(|t| t == kind.wire()))
    }
}

/// `[{"Key","Value"}]` entries of `field`, checked against the registry; an empty value deletes.
fn entries<'a>(o: &Obj<'a, '_>, field: &str, max_value: usize, known: impl Fn(&str, &str) -> WireResult<()>) -> WireResult<Vec<(&'a str, &'a str)>> {
    let mut out = Vec::new();
    for (name, map) in o.objects(field)? {
        let e = Obj::nested(map, &name);
        let key = e.req_str("Key")?;
        known(&e.name("Key"), key)?;
        let value = e.str("Value")?.unwrap_or("");
        if value.len() > max_value {
            return Err(too_long(&e.name("Value"), value.len(), max_value));
        }
        out.push((key, value));
    }
    Ok(out)
}

/// `AppDefinedData` of a create, import or modify.
pub fn group_values<'a>(reg: &Registry, o: &Obj<'a, '_>) -> WireResult<Vec<(&'a str, &'a str)>> {
    entries(o, "AppDefinedData", limits::GROUP_VALUE_BYTES, |name, key| {
        if reg.group_key(key) { Ok(()) } else { Err(unknown_key(name, key, "group")) }
    })
}

/// `AppMemberDefinedData` for a member of a group of `kind`.
pub fn member_values<'a>(reg: &Registry, o: &Obj<'a, '_>, kind: GroupType) -> WireResult<Vec<(&'a str, &'a str)>> {
    entries(o, "AppMemberDefinedData", limits::MEMBER_VALUE_BYTES, |name, key| member_key_on(reg, name, key, kind))
}

fn unknown_key(name: &str, key: &str, scope: &str) -> WireError {
    WireError::param(format!("{name} {key:?} is not a configured {scope} custom field key"))
}

fn member_key_on(reg: &Registry, name: &str, key: &str, kind: GroupType) -> WireResult<()> {
    if reg.member_key(key).is_none() {
        return Err(unknown_key(name, key, "member"));
    }
    if !reg.member_key_on(key, kind) {
        return Err(WireError::param(format!("{name} {key:?} is not enabled for {} groups", kind.wire())));
    }
    Ok(())
}

/// `AppDefinedDataFilter_Group` of a response filter: configured keys only.
pub fn group_filter<'a>(reg: &Registry, f: &Obj<'a, '_>) -> WireResult<Option<Vec<&'a str>>> {
    let Some(keys) = f.strings("AppDefinedDataFilter_Group")? else { return Ok(None) };
    for (i, k) in keys.iter().enumerate() {
        if !reg.group_key(k) {
            return Err(unknown_key(&format!("{}[{i}]", f.name("AppDefinedDataFilter_Group")), k, "group"));
        }
    }
    Ok(Some(keys))
}

/// `AppDefinedDataFilter_GroupMember` of a request or response filter: configured keys only.
pub fn member_filter<'a>(reg: &Registry, f: &Obj<'a, '_>) -> WireResult<Option<Vec<&'a str>>> {
    let Some(keys) = f.strings("AppDefinedDataFilter_GroupMember")? else { return Ok(None) };
    for (i, k) in keys.iter().enumerate() {
        if reg.member_key(k).is_none() {
            return Err(unknown_key(&format!("{}[{i}]", f.name("AppDefinedDataFilter_GroupMember")), k, "member"));
        }
    }
    Ok(Some(keys))
}

/// `[{"Key","Value"}]` on the wire.
pub fn render(values: Vec<(String, String)>) -> Value {
    Value::Array(values.into_iter().map(|(k, v)| json!({"Key": k, "Value": v})).collect())
}

fn def_json(def: &FieldDef, member: bool) -> Value {
    let mut m = Map::new();
    m.insert("Key".into(), def.key.clone().into());
    m.insert("Label".into(), def.label.clone().into());
    m.insert("ValueType".into(), def.value_type.clone().into());
    m.insert("ReadLevel".into(), def.read_level.clone().into());
    m.insert("WriteLevel".into(), def.write_level.clone().into());
    if member {
        m.insert("GroupTypes".into(), def.group_types.clone().into());
    }
    Value::Object(m)
}

/// `POST /v4/_sandbox/get_custom_fields`
pub fn get(ctx: &Ctx, _o: &Obj) -> WireResult<Map<String, Value>> {
    let reg = Registry::load(ctx)?;
    let mut out = Map::new();
    out.insert("GroupFields".into(), reg.group.iter().map(|d| def_json(d, false)).collect());
    out.insert("MemberFields".into(), reg.member.iter().map(|d| def_json(d, true)).collect());
    Ok(out)
}

/// One definition of `GroupFields` / `MemberFields`, with defaults applied.
fn definition(e: &Obj, member: bool) -> WireResult<FieldDef> {
    let key = e.req_str("Key")?;
    limits::check_key(key).map_err(|m| WireError::param(format!("{}: {m}", e.name("Key"))))?;
    let label = e.text("Label", LABEL_BYTES)?.unwrap_or(key);
    let value_type = e.one_of("ValueType", VALUE_TYPES)?.unwrap_or("String");
    let read_level = e.one_of("ReadLevel", LEVELS)?.unwrap_or("Anyone");
    let write_level = e.one_of("WriteLevel", LEVELS)?.unwrap_or("Admin");
    let group_types = if member {
        let given = e.strings("GroupTypes")?;
        let mut kinds = Vec::new();
        for (i, t) in given.iter().flatten().enumerate() {
            let name = format!("{}[{i}]", e.name("GroupTypes"));
            let kind = GroupType::parse(t).ok_or_else(|| WireError::param(format!("{name} {t:?} is not a group type")))?;
            if !kind.has_member_list() {
                return Err(WireError::param(format!("{name}: AVChatRoom has no member-level custom fields")));
            }
            kinds.push(kind);
        }
        GroupType::ALL
            .into_iter()
            .filter(|k| k.has_member_list() && (given.as_ref().is_none_or(|g| g.is_empty()) || kinds.contains(k)))
            .map(|k| k.wire().to_owned())
            .collect()
    } else {
        if e.has("GroupTypes") {
            return Err(WireError::param(format!("{}: only member fields are limited to group types", e.name("GroupTypes"))));
        }
        Vec::new()
    };
    Ok(FieldDef {
        key: key.to_owned(),
        label: label.to_owned(),
        value_type: value_type.to_owned(),
        read_level: read_level.to_owned(),
        write_level: write_level.to_owned(),
        group_types,
    })
}

/// `POST /v4/_sandbox/add_custom_fields`
pub fn add(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>> {
    let reg = Registry::load(ctx)?;
    for (field, scope, max, existing) in [
        ("GroupFields", Scope::Group, limits::GROUP_KEYS_MAX, &reg.group),
        ("MemberFields", Scope::Member, limits::MEMBER_KEYS_MAX, &reg.member),
    ] {
        let mut all = existing.clone();
        for (name, map) in o.objects(field)? {
            let def = definition(&Obj::nested(map, &name), scope == Scope::Member)?;
            match all.iter().find(|d| d.key == def.key) {
                Some(d) if *d == def => continue,
                Some(_) => {
                    return Err(WireError::param(format!(
                        "{name}: configured custom field keys cannot be changed or deleted ({:?} is configured with another definition)",
                        def.key
                    )));
                }
                None => {}
            }
            if all.len() >= max {
                let what = if scope == Scope::Group { "group" } else { "member" };
                return Err(WireError::param(format!("{field}: at most {max} {what} custom field keys per app")));
            }
            ctx.repo.add_field(scope, &def)?;
            all.push(def);
        }
    }
    Ok(super::ok())
}
