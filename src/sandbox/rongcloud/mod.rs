//! The RongCloud group Server API (reference §5 legacy `/group/*`, §6 hosting `/entrust/*`, and
//! the sandbox-only `/_sandbox/*`) as a [`Protocol`] of the sandbox core.
//!
//! A request is signed per §2 ([`auth`]), carries a lenient form body ([`form`]), and is
//! answered with HTTP 200 + `{"code":200,…}` or a 4xx/5xx status + `{"code":N,"errorMessage":…}`
//! ([`error`]). Handlers ([`legacy`], [`entrust`], [`admin`]) validate parameters
//! ([`validate`], limits from [`crate::protocol::rongcloud::limits`]), call the repository
//! ([`repo`], which owns all SQL) and map its domain errors to wire codes.

mod admin;
mod auth;
mod entrust;
mod error;
mod form;
mod legacy;
mod repo;
mod routes;
mod seed;
mod validate;

use hyper::http::request::Parts;
use rusqlite::{Connection, Transaction};
use secrecy::SecretString;
use serde_json::Value;

use self::error::{WireError, WireResult};
use self::form::Params;
use self::repo::{Fixtures, Repo};
use crate::protocol::rongcloud::limits;
use crate::sandbox::core::{Answer, Protocol, Route, now_ms};

/// What a handler works with: the repository in the request's transaction, and request facts.
pub struct Ctx<'a> {
    pub repo: Repo<'a>,
    pub app_key: &'a str,
    pub now_ms: i64,
    pub max_members: usize,
}

/// An endpoint: validated parameters in, the success body out.
pub type Handler = fn(&Ctx, &Params) -> WireResult<Value>;

/// The RongCloud protocol for one App Key.
pub struct RongCloud {
    app_key: String,
    app_secret: SecretString,
    max_members: usize,
    /// extProfile keys registered for the App Key at every start.
    ext_keys: Vec<String>,
}

impl RongCloud {
    pub fn new(app_key: String, app_secret: SecretString, max_members: usize, ext_keys: Vec<String>) -> Self {
        Self { app_key, app_secret, max_members, ext_keys }
    }
}

/// All served paths (for documentation and tests).
pub fn paths() -> impl Iterator<Item = &'static str> {
    routes::ROUTES.iter().map(|(p, _)| *p)
}

impl Protocol for RongCloud {
    type Handler = Handler;
    type Params = Params;
    type Error = WireError;

    const DB_FILE: &'static str = "sandbox.sqlite3";
    const MAX_BODY_BYTES: usize = limits::BODY_BYTES_MAX;

    fn route(&self, path: &str) -> Option<Route<Handler>> {
        let (path, handler) = routes::ROUTES.iter().find(|(p, _)| *p == path)?;
        Some(Route { path, handler: *handler, per_second: None })
    }

    /// The caller is the one App Key the sandbox answers to.
    fn authenticate(&self, head: &Parts) -> Result<String, WireError> {
        auth::authenticate(&self.app_key, &self.app_secret, &head.headers)?;
        Ok(self.app_key.clone())
    }

    fn parse(&self, body: &[u8]) -> Result<Params, WireError> {
        Params::parse(body)
    }

    fn handle(&self, handler: Handler, tx: &Transaction<'_>, params: Params) -> Result<Answer, WireError> {
        let now_ms = now_ms();
        let ctx = Ctx { repo: Repo::new(tx, now_ms), app_key: &self.app_key, now_ms, max_members: self.max_members };
        let body = handler(&ctx, &params)?;
        Ok(Answer::new(200, body.to_string()))
    }

    fn render(&self, error: WireError) -> Answer {
        error.answer()
    }

    fn schema(&self) -> &'static str {
        repo::SCHEMA
    }

    fn seed_demo(&self, tx: &Transaction<'_>) -> anyhow::Result<()> {
        let now = now_ms();
        seed::demo(&Fixtures::new(tx, now), &self.app_key, now)
    }

    fn on_open(&self, conn: &Connection) -> anyhow::Result<()> {
        Repo::new(conn, now_ms()).add_ext_keys(&self.app_key, &self.ext_keys)?;
        Ok(())
    }
}

/// Checks an extProfile key given at start-up; the error names what is wrong.
pub fn check_ext_key(key: &str) -> Result<(), String> {
    validate::ext_key_value(key).map_err(|e| e.message)
}
