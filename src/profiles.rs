//! Connection profiles and where their App Secrets live. Profiles (name, endpoint, App Key,
//! environment) are plain settings; the App Secret goes to the OS keyring, or — where no keyring
//! service exists — stays in memory for this run only. It is never written to disk in plain text.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::api::{DataCenter, Endpoint};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Environment {
    Production,
    Staging,
    Sandbox,
}

impl Environment {
    pub const ALL: [Environment; 3] = [Self::Production, Self::Staging, Self::Sandbox];
    pub fn label(self) -> &'static str {
        match self {
            Self::Production => "production",
            Self::Staging => "staging",
            Self::Sandbox => "sandbox",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    DataCenter(DataCenter),
    Url(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub target: Target,
    pub app_key: String,
    pub environment: Environment,
}

impl Profile {
    pub fn endpoint(&self) -> Endpoint {
        match &self.target {
            Target::DataCenter(dc) => Endpoint::DataCenter(*dc),
            Target::Url(u) => Endpoint::custom(u.clone()),
        }
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("Name is required".into());
        }
        if self.app_key.trim().is_empty() {
            return Err("App Key is required".into());
        }
        self.endpoint().urls().map(|_| ())
    }
}

const SERVICE: &str = "groupdesk";

/// Secrets by profile name: the OS keyring when it works, else memory for this run.
#[derive(Default)]
pub struct SecretStore {
    memory: Mutex<HashMap<String, String>>,
    /// Set once the keyring failed; from then on only memory is used.
    keyring_unavailable: Mutex<bool>,
    /// Tests and the embedded sandbox use memory only.
    memory_only: bool,
}

impl SecretStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn memory_only() -> Self {
        Self { memory_only: true, ..Self::default() }
    }

    fn entry(profile: &str) -> Option<keyring::Entry> {
        keyring::Entry::new(SERVICE, profile).ok()
    }

    /// Stores a secret; returns whether it went to the OS keyring (else memory only).
    pub fn set(&self, profile: &str, secret: &str) -> bool {
        self.memory.lock().unwrap().insert(profile.to_owned(), secret.to_owned());
        if self.memory_only || *self.keyring_unavailable.lock().unwrap() {
            return false;
        }
        let stored = Self::entry(profile).is_some_and(|e| e.set_password(secret).is_ok());
        if !stored {
            tracing::warn!("no OS keyring available: the App Secret is kept in memory for this run only");
            *self.keyring_unavailable.lock().unwrap() = true;
        }
        stored
    }

    pub fn get(&self, profile: &str) -> Option<String> {
        if let Some(s) = self.memory.lock().unwrap().get(profile) {
            return Some(s.clone());
        }
        if self.memory_only || *self.keyring_unavailable.lock().unwrap() {
            return None;
        }
        let found = Self::entry(profile).and_then(|e| e.get_password().ok());
        if let Some(s) = &found {
            self.memory.lock().unwrap().insert(profile.to_owned(), s.clone());
        }
        found
    }

    pub fn forget(&self, profile: &str) {
        self.memory.lock().unwrap().remove(profile);
        if !self.memory_only {
            if let Some(e) = Self::entry(profile) {
                let _ = e.delete_credential();
            }
        }
    }

    pub fn keyring_available(&self) -> bool {
        !self.memory_only && !*self.keyring_unavailable.lock().unwrap()
    }
}
