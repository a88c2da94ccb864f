//! The JSON body of a request and typed access to its fields. A body must be a JSON object
//! (`{}` allowed); an empty body counts as `{}` [I]; anything else is 60002. Unknown fields are
//! ignored [I]. A field of the wrong type, out of range or over its byte limit is 10004 with an
//! `ErrorInfo` that names the field (with its path inside lists, e.g. `MemberList[2].Role`) and
//! the rule. Numbers may also be sent as strings of digits [I] (some SDKs do).

use serde_json::{Map, Value};

use super::error::{WireError, WireResult};
use crate::protocol::tencent::codes;

/// A parsed request body.
pub type Params = Map<String, Value>;

/// Parses a body: a JSON object, or nothing.
pub fn parse(body: &[u8]) -> WireResult<Params> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(WireError::new(codes::PARSE, "Fail to Parse json data of body: the body must be a JSON object")),
        Err(e) => Err(WireError::new(codes::PARSE, format!("Fail to Parse json data of body, Please check it ({e})"))),
    }
}

/// A view of one JSON object with the path used to name its fields in errors.
#[derive(Clone, Copy)]
pub struct Obj<'a, 'n> {
    map: &'a Map<String, Value>,
    at: &'n str,
}

/// The byte-limit message: `Name is 33 bytes; at most 30 bytes (UTF-8)`.
pub fn too_long(field: &str, len: usize, max: usize) -> WireError {
    WireError::param(format!("{field} is {len} bytes; at most {max} bytes (UTF-8)"))
}

impl<'a, 'n> Obj<'a, 'n> {
    pub fn new(map: &'a Map<String, Value>) -> Self {
        Self { map, at: "" }
    }

    /// A nested object named `at` (e.g. `MemberList[2]`).
    pub fn nested(map: &'a Map<String, Value>, at: &'n str) -> Self {
        Self { map, at }
    }

    /// The full name of `field` for messages.
    pub fn name(&self, field: &str) -> String {
        if self.at.is_empty() { field.to_owned() } else { format!("{}.{field}", self.at) }
    }

    pub fn has(&self, field: &str) -> bool {
        self.map.get(field).is_some_and(|v| !v.is_null())
    }

    pub fn raw(&self, field: &str) -> Option<&'a Value> {
        self.map.get(field).filter(|v| !v.is_null())
    }

    /// An optional object field as an [`Obj`] of its own (absent: an empty one, so its fields
    /// read as absent); any other value is refused naming the field.
    pub fn object(&self, field: &'n str) -> WireResult<Obj<'a, 'n>> {
        static EMPTY: std::sync::LazyLock<Map<String, Value>> = std::sync::LazyLock::new(Map::new);
        match self.raw(field) {
            None => Ok(Obj::nested(&EMPTY, field)),
            Some(Value::Object(m)) => Ok(Obj::nested(m, field)),
            Some(_) => Err(WireError::param(format!("{} must be an object", self.name(field)))),
        }
    }

    /// A string field, absent as `None`.
    pub fn str(&self, field: &str) -> WireResult<Option<&'a str>> {
        match self.raw(field) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(WireError::param(format!("{} must be a string", self.name(field)))),
        }
    }

    pub fn req_str(&self, field: &str) -> WireResult<&'a str> {
        self.str(field)?.ok_or_else(|| WireError::param(format!("{} is required", self.name(field))))
    }

    /// A string of at most `max` bytes.
    pub fn text(&self, field: &str, max: usize) -> WireResult<Option<&'a str>> {
        let s = self.str(field)?;
        if let Some(s) = s
            && s.len() > max
        {
            return Err(too_long(&self.name(field), s.len(), max));
        }
        Ok(s)
    }

    /// An unsigned integer field (a JSON number, or a string of digits).
    pub fn u64(&self, field: &str) -> WireResult<Option<u64>> {
        let bad = || WireError::param(format!("{} must be an unsigned integer", self.name(field)));
        match self.raw(field) {
            None => Ok(None),
            Some(Value::Number(n)) => n.as_u64().map(Some).ok_or_else(bad),
            Some(Value::String(s)) => s.trim().parse().map(Some).map_err(|_| bad()),
            Some(_) => Err(bad()),
        }
    }

    /// An unsigned integer no larger than `max`.
    pub fn u64_max(&self, field: &str, max: u64) -> WireResult<Option<u64>> {
        match self.u64(field)? {
            Some(v) if v > max => Err(WireError::param(format!("{} is {v}; at most {max}", self.name(field)))),
            v => Ok(v),
        }
    }

    /// A 0/1 flag.
    pub fn flag(&self, field: &str) -> WireResult<bool> {
        match self.u64(field)? {
            None | Some(0) => Ok(false),
            Some(1) => Ok(true),
            Some(v) => Err(WireError::param(format!("{} is {v}; must be 0 or 1", self.name(field)))),
        }
    }

    /// An array field, absent as empty.
    pub fn array(&self, field: &str) -> WireResult<&'a [Value]> {
        match self.raw(field) {
            None => Ok(&[]),
            Some(Value::Array(a)) => Ok(a.as_slice()),
            Some(_) => Err(WireError::param(format!("{} must be an array", self.name(field)))),
        }
    }

    /// An array of strings, absent as `None`.
    pub fn strings(&self, field: &str) -> WireResult<Option<Vec<&'a str>>> {
        if !self.has(field) {
            return Ok(None);
        }
        self.array(field)?
            .iter()
            .enumerate()
            .map(|(i, v)| v.as_str().ok_or_else(|| WireError::param(format!("{}[{i}] must be a string", self.name(field)))))
            .collect::<WireResult<Vec<_>>>()
            .map(Some)
    }

    /// The objects of an array field, with their names (`Field[i]`).
    pub fn objects(&self, field: &str) -> WireResult<Vec<(String, &'a Map<String, Value>)>> {
        self.array(field)?
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let name = format!("{}[{i}]", self.name(field));
                match v {
                    Value::Object(m) => Ok((name, m)),
                    _ => Err(WireError::param(format!("{name} must be an object"))),
                }
            })
            .collect()
    }

    /// A string field that must be one of `values`.
    pub fn one_of(&self, field: &str, values: &[&'static str]) -> WireResult<Option<&'static str>> {
        match self.str(field)? {
            None => Ok(None),
            Some(s) => values.iter().find(|v| **v == s).copied().map(Some).ok_or_else(|| {
                WireError::param(format!("{} is {s:?}; must be one of {}", self.name(field), values.join(", ")))
            }),
        }
    }
}
