//! The service-neutral server core of `groupdesk sandbox`: HTTP/1 serving on hyper, the body size
//! limit, added latency, fault injection, per-caller per-route rate limiting, the dedicated
//! SQLite storage thread with one transaction per request, graceful shutdown and the running
//! [`Sandbox`] handle.
//!
//! The core knows no service. A service's wire protocol implements [`Protocol`]: its routes, how
//! a caller authenticates, how a body becomes parameters, what a handler does inside the
//! request's transaction, how an error is rendered, and the schema and demo data of its own
//! SQLite file. Every request goes through the same steps, in this order:
//!
//! 1. route lookup (unknown path ⇒ [`Rejection::NotFound`]), then POST only
//!    ([`Rejection::MethodNotAllowed`]);
//! 2. the body, at most [`Protocol::MAX_BODY_BYTES`] ([`Rejection::BodyTooLarge`]);
//! 3. [`Protocol::authenticate`], which names the caller;
//! 4. the rate limit per caller and route — the configured quota or the route's own
//!    ([`Route::per_second`]) — ([`Rejection::RateLimited`], with `Retry-After`);
//! 5. fault injection before applying (503 [`Rejection::Unavailable`] or a dropped connection);
//! 6. [`Protocol::parse`], then [`Protocol::handle`] on the storage thread in one transaction,
//!    committed before the answer leaves and rolled back when the handler fails;
//! 7. fault injection after applying (the change stays, the answer is lost);
//! 8. the configured latency, then the answer (JSON, `X-Request-ID` echoed).

mod faults;
mod malformed;
mod rate;
mod running;
mod server;
mod store;
#[cfg(test)]
mod tests;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use hyper::http::request::Parts;
use hyper::{HeaderMap, Method};
use rusqlite::{Connection, Transaction};

pub use running::Sandbox;

/// A service's wire protocol, served by the core. `tencent/` or `rongcloud/` implement it; the
/// core never looks inside the associated types.
pub trait Protocol: Send + Sync + 'static {
    /// What a route runs (typically a function pointer).
    type Handler: Copy + Send + 'static;
    /// A request's decoded parameters (a form, a JSON document).
    type Params: Send + 'static;
    /// A refused request, in the protocol's terms; the core's own refusals convert into it.
    type Error: From<Rejection> + Send + 'static;

    /// The SQLite file of this protocol inside the data directory.
    const DB_FILE: &'static str;
    /// Bodies larger than this are refused with [`Rejection::BodyTooLarge`].
    const MAX_BODY_BYTES: usize;

    /// The route serving `path`, if any.
    fn route(&self, path: &str) -> Option<Route<Self::Handler>>;

    /// Checks the request's credentials (headers, query string). Returns the caller's key (an
    /// App Key, an SDKAppID), which the rate limit counts per route.
    fn authenticate(&self, head: &Parts) -> Result<String, Self::Error>;

    /// Decodes a request body.
    fn parse(&self, body: &[u8]) -> Result<Self::Params, Self::Error>;

    /// Runs `handler` inside the request's transaction; an error rolls it back. Called on the
    /// storage thread.
    fn handle(&self, handler: Self::Handler, tx: &Transaction<'_>, params: Self::Params) -> Result<Answer, Self::Error>;

    /// The answer that carries `error` (status and body are the protocol's choice).
    fn render(&self, error: Self::Error) -> Answer;

    /// `CREATE TABLE IF NOT EXISTS …` statements, applied at every start.
    fn schema(&self) -> &'static str;

    /// Fills a new database with demo data (inside the transaction that marks it initialised).
    fn seed_demo(&self, tx: &Transaction<'_>) -> anyhow::Result<()>;

    /// Runs once at every start, after seeding and before the first request.
    fn on_open(&self, conn: &Connection) -> anyhow::Result<()>;
}

/// One served path and its handler.
#[derive(Clone, Copy)]
pub struct Route<H> {
    /// The path, also the rate limiter's per-route key.
    pub path: &'static str,
    pub handler: H,
    /// The route's own documented rate limit (requests per second per caller), used instead of
    /// the configured one while rate limiting is on (`None`: the configured one).
    pub per_second: Option<u32>,
}

/// What goes back to the client: an HTTP status and a JSON body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: String,
}

impl Answer {
    pub fn new(status: u16, body: impl Into<String>) -> Self {
        Self { status, body: body.into() }
    }
}

/// A request the core refuses (or fails) on its own, before or around the protocol's handler.
#[derive(Debug)]
pub enum Rejection {
    NotFound { path: String },
    MethodNotAllowed { method: Method, path: String },
    BodyTooLarge { limit: usize },
    BodyUnreadable,
    /// Not HTTP/1.1 hyper could parse (request line, headers, path); `status` is the HTTP
    /// status hyper chose (400, 414, 431).
    Malformed { status: u16 },
    /// The body did not arrive within the read timeout.
    BodyTimeout { seconds: u64 },
    /// Over `per_second` requests per second for this caller and route.
    RateLimited { per_second: u32 },
    /// Fault injection: a 503-style refusal.
    Unavailable,
    /// The storage could not begin or commit the transaction.
    Storage(rusqlite::Error),
}

/// How the core serves, whatever the protocol.
#[derive(Clone, Debug)]
pub struct Options {
    pub addr: SocketAddr,
    pub data_dir: PathBuf,
    /// Fill a new database with the protocol's demo data (else leave it empty).
    pub demo_data: bool,
    /// Requests per second per caller per route; 0 = off.
    pub rate_limit: u32,
    /// Added before every answer.
    pub latency: Duration,
    /// Fraction of requests that get a 503 or a dropped connection, before or after applying.
    pub fault_rate: f64,
}

/// The first non-empty value among header `names` (alternative spellings), trimmed.
pub fn header<'a>(headers: &'a HeaderMap, names: &[&str]) -> Option<&'a str> {
    names
        .iter()
        .find_map(|n| headers.get(*n))
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
