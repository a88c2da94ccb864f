//! The app's extProfile key registry, console-style: each allowed `ext_` key with a label, a
//! description, a value type and a maximum length. Shared as JSON so a team uses one
//! definition; group forms render and validate extProfile values from it. On the built-in
//! sandbox the registry is applied to the server; on a data centre the keys in use can be scanned.

use serde::{Deserialize, Serialize};

use crate::backend::rongcloud::limits;
use crate::model::ApiError;

use super::{Recorded, Session};

/// Keys a registry holds by default at most (the service's default per-app allowance).
pub const DEFAULT_MAX_KEYS: usize = 10;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum ValueKind {
    Text,
    Number,
    Boolean,
    /// One of the listed values.
    Choice { options: Vec<String> },
    Url,
}

impl ValueKind {
    pub fn label(&self) -> &'static str {
        match self {
            Self::Text => "Text",
            Self::Number => "Number",
            Self::Boolean => "Yes / no",
            Self::Choice { .. } => "Choice list",
            Self::Url => "URL",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtKeyDef {
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    pub kind: ValueKind,
    /// At most 256 (the service's value limit).
    pub max_len: usize,
}

impl ExtKeyDef {
    pub fn new(key: &str, label: &str, kind: ValueKind) -> Self {
        Self { key: key.into(), label: label.into(), description: String::new(), kind, max_len: limits::EXT_VALUE_MAX }
    }

    /// Checks the definition itself.
    pub fn validate(&self) -> Result<(), String> {
        crate::backend::rongcloud::check::ext_key("", &self.key).map_err(|e| e.message)?;
        if self.label.trim().is_empty() {
            return Err(format!("{}: label is required", self.key));
        }
        if self.max_len == 0 || self.max_len > limits::EXT_VALUE_MAX {
            return Err(format!("{}: maximum length must be 1 to {} (got {})", self.key, limits::EXT_VALUE_MAX, self.max_len));
        }
        if let ValueKind::Choice { options } = &self.kind {
            if options.is_empty() {
                return Err(format!("{}: a choice list needs at least one option", self.key));
            }
            if let Some(o) = options.iter().find(|o| o.chars().count() > self.max_len) {
                return Err(format!("{}: option {o:?} is longer than {} characters", self.key, self.max_len));
            }
        }
        Ok(())
    }

    /// Checks a value for this key; empty means "not set" and is always fine.
    pub fn check_value(&self, value: &str) -> Result<(), String> {
        if value.is_empty() {
            return Ok(());
        }
        let n = value.chars().count();
        if n > self.max_len {
            return Err(format!("{}: at most {} characters (got {n})", self.label, self.max_len));
        }
        match &self.kind {
            ValueKind::Text => Ok(()),
            ValueKind::Number => value
                .trim()
                .parse::<f64>()
                .map(|_| ())
                .map_err(|_| format!("{}: must be a number (got {value:?})", self.label)),
            ValueKind::Boolean => match value {
                "true" | "false" => Ok(()),
                _ => Err(format!("{}: must be true or false (got {value:?})", self.label)),
            },
            ValueKind::Choice { options } => {
                if options.iter().any(|o| o == value) {
                    Ok(())
                } else {
                    Err(format!("{}: must be one of {} (got {value:?})", self.label, options.join(", ")))
                }
            }
            ValueKind::Url => {
                if value.starts_with("https://") || value.starts_with("http://") {
                    Ok(())
                } else {
                    Err(format!("{}: must be a URL starting with https:// (got {value:?})", self.label))
                }
            }
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registry {
    pub keys: Vec<ExtKeyDef>,
    /// The per-app allowance (10 unless raised with RongCloud).
    #[serde(default = "default_max")]
    pub max_keys: usize,
}

fn default_max() -> usize {
    DEFAULT_MAX_KEYS
}

impl Registry {
    pub fn new() -> Self {
        Self { keys: Vec::new(), max_keys: DEFAULT_MAX_KEYS }
    }

    pub fn get(&self, key: &str) -> Option<&ExtKeyDef> {
        self.keys.iter().find(|k| k.key == key)
    }

    /// Adds or replaces a definition, after validating it and the registry size.
    pub fn upsert(&mut self, def: ExtKeyDef) -> Result<(), String> {
        def.validate()?;
        match self.keys.iter_mut().find(|k| k.key == def.key) {
            Some(existing) => *existing = def,
            None => {
                if self.keys.len() >= self.max_keys {
                    return Err(format!("at most {} keys are allowed (the app's allowance)", self.max_keys));
                }
                self.keys.push(def);
            }
        }
        self.keys.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(())
    }

    pub fn remove(&mut self, key: &str) -> bool {
        let before = self.keys.len();
        self.keys.retain(|k| k.key != key);
        before != self.keys.len()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Parses and validates a shared registry file.
    /// Writes the registry as JSON (an export for teammates).
    pub fn write_file(&self, path: &std::path::Path) -> std::io::Result<()> {
        std::fs::write(path, self.to_json())
    }

    /// Reads a registry exported with [`Registry::write_file`].
    pub fn read_file(path: &std::path::Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        Self::from_json(&text)
    }

    pub fn from_json(text: &str) -> Result<Self, String> {
        let r: Registry = serde_json::from_str(text).map_err(|e| format!("not a registry file: {e}"))?;
        if r.keys.len() > r.max_keys {
            return Err(format!("{} keys, but at most {} are allowed", r.keys.len(), r.max_keys));
        }
        let mut seen = std::collections::HashSet::new();
        for k in &r.keys {
            k.validate()?;
            if !seen.insert(&k.key) {
                return Err(format!("{} is defined twice", k.key));
            }
        }
        Ok(r)
    }

    /// Plain keys with no definition yet (e.g. found on the server), as text definitions.
    pub fn adopt(&mut self, keys: &[String]) {
        for k in keys {
            if self.get(k).is_none() && self.keys.len() < self.max_keys && crate::backend::rongcloud::check::ext_key("", k).is_ok() {
                let label = k.trim_start_matches("ext_").replace('_', " ");
                self.keys.push(ExtKeyDef::new(k, &label, ValueKind::Text));
            }
        }
        self.keys.sort_by(|a, b| a.key.cmp(&b.key));
    }
}

/// The keys the built-in sandbox allows (its stand-in for RongCloud's developer console).
pub async fn sandbox_keys(s: &Session) -> Result<Vec<String>, ApiError> {
    rongcloud(s)?.sandbox_ext_keys().await
}

/// Enables `keys` on the built-in sandbox; answers the keys it allows now.
pub async fn apply_to_sandbox(s: &Session, keys: &[String]) -> Result<Vec<String>, ApiError> {
    let c = rongcloud(s)?;
    if !keys.is_empty() {
        c.sandbox_add_ext_keys(keys).await?;
    }
    c.sandbox_ext_keys().await
}

/// Disables `key` on the built-in sandbox; answers the keys it allows now.
pub async fn remove_from_sandbox(s: &Session, key: &str) -> Result<Vec<String>, ApiError> {
    let c = rongcloud(s)?;
    c.sandbox_remove_ext_keys(&[key]).await?;
    c.sandbox_ext_keys().await
}

/// The extProfile keys set on any group of the app, sorted.
pub async fn scan_in_use(s: &Session) -> Result<Vec<String>, ApiError> {
    let (_, profiles) = crate::backend::rongcloud::neutral::all_groups_with_profiles(rongcloud(s)?).await?;
    let mut keys: Vec<String> = profiles.into_iter().flat_map(|p| p.ext.into_keys()).collect();
    keys.sort();
    keys.dedup();
    Ok(keys)
}

/// A change of the registry, as the audit log words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegistryChange {
    Defined,
    Removed,
}

impl RegistryChange {
    /// `"extProfile key ext_team defined"`: the audit log's action words for the change.
    pub fn audit_words(self, key: &str) -> String {
        match self {
            Self::Defined => format!("extProfile key {key} defined"),
            Self::Removed => format!("extProfile key {key} removed"),
        }
    }
}

/// Records a change of the registry (which sends no request) in the audit log.
pub async fn record(s: &Session, change: RegistryChange, key: &str, reason: Option<&str>) -> Recorded<()> {
    s.record(s.entry(&change.audit_words(key), "", reason), ()).await
}

fn rongcloud(s: &Session) -> Result<&crate::backend::rongcloud::Client, ApiError> {
    s.backend.rongcloud().ok_or_else(|| ApiError::invalid("", "service", "extProfile keys are RongCloud's"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked_by_kind() {
        let n = ExtKeyDef::new("ext_score", "Score", ValueKind::Number);
        assert!(n.check_value("12.5").is_ok());
        assert_eq!(n.check_value("abc").unwrap_err(), "Score: must be a number (got \"abc\")");
        let c = ExtKeyDef::new("ext_tier", "Tier", ValueKind::Choice { options: vec!["free".into(), "gold".into()] });
        assert!(c.check_value("gold").is_ok());
        assert!(c.check_value("silver").unwrap_err().contains("one of free, gold"));
        let mut t = ExtKeyDef::new("ext_note", "Note", ValueKind::Text);
        t.max_len = 5;
        assert_eq!(t.check_value("123456").unwrap_err(), "Note: at most 5 characters (got 6)");
    }

    #[test]
    fn registry_limits_and_round_trip() {
        let mut r = Registry::new();
        for i in 0..10 {
            r.upsert(ExtKeyDef::new(&format!("ext_k{i}"), "K", ValueKind::Text)).unwrap();
        }
        assert!(r.upsert(ExtKeyDef::new("ext_more", "M", ValueKind::Text)).unwrap_err().contains("at most 10"));
        assert!(r.upsert(ExtKeyDef::new("bad", "B", ValueKind::Text)).is_err());
        let back = Registry::from_json(&r.to_json()).unwrap();
        assert_eq!(back, r);
        assert!(Registry::from_json("{\"keys\":[{\"key\":\"ext_a\",\"label\":\"\",\"kind\":{\"type\":\"text\"},\"max_len\":10}]}").is_err());
    }
}
