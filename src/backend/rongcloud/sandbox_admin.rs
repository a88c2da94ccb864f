//! Client side of the sandbox-only `/_sandbox/` endpoints (the extProfile key registry that
//! stands in for RongCloud's developer console).

use serde::Deserialize;

use super::check;
use super::client::{Client, Form, Retry};
use super::error::ApiError;

#[derive(Deserialize)]
struct Keys {
    #[serde(default)]
    keys: Vec<String>,
}

#[derive(Deserialize)]
struct Empty {}

impl Client {
    /// The App Key's allowed extProfile keys (sandbox only).
    pub async fn sandbox_ext_keys(&self) -> Result<Vec<String>, ApiError> {
        let r: Keys = self.call("/_sandbox/extkeys/list.json", &Form::new(), Retry::Read).await?;
        Ok(r.keys)
    }

    /// Adds allowed extProfile keys (sandbox only).
    pub async fn sandbox_add_ext_keys(&self, keys: &[impl AsRef<str>]) -> Result<(), ApiError> {
        const P: &str = "/_sandbox/extkeys/set.json";
        for k in keys {
            check::ext_key(P, k.as_ref())?;
        }
        self.call::<Empty>(P, &Form::new().joined("keys", keys), Retry::Always).await.map(|_| ())
    }

    /// Removes allowed extProfile keys (sandbox only).
    pub async fn sandbox_remove_ext_keys(&self, keys: &[impl AsRef<str>]) -> Result<(), ApiError> {
        const P: &str = "/_sandbox/extkeys/delete.json";
        for k in keys {
            check::ext_key(P, k.as_ref())?;
        }
        self.call::<Empty>(P, &Form::new().joined("keys", keys), Retry::Always).await.map(|_| ())
    }
}
