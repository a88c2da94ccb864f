//! The transport: signing, rate limiting, failover, retries and tracing for every call.
//!
//! Retry policy. A request that never reached the server (connection refused, DNS failure) or
//! that the server refused for rate (429/1008) was not applied, so it is always retried. A
//! request whose answer was lost (timeout, dropped connection, 5xx) may or may not have been
//! applied; it is repeated only for endpoints where a repeat can neither duplicate an effect nor
//! turn a success into a reported failure ([`Retry::Always`]: queries and state-setting calls
//! such as mute, allowlist, profile update, kick). Endpoints whose repeat would fail after a
//! success (create ⇒ 25409, hosted join ⇒ 25412, dismiss ⇒ 25410, transfer ⇒ "already owner",
//! import ⇒ 25409, manager remove ⇒ 25420) use [`Retry::IfNotSent`]; their typed methods
//! reconcile an ambiguous failure by reading the state back where they can.
//!
//! Reads ([`Retry::Read`]: every query, including the membership pre-checks of bulk work and
//! the read-backs that settle lost answers) change nothing however often they are repeated, so
//! they get their own, larger budget, [`ClientConfig::read_retries`] (16 by default, backoff
//! doubling from 50 ms and capped at 2 s: about 25 s before giving up). A bulk job then fails
//! a row only when the *change* could not be made, not because a check before or after it was
//! unlucky: at a 70 % fault rate a read still fails only once in ~400 (0.7^17), where the
//! change budget of 5 repeats would fail one check in eight.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use rand::Rng;

use crate::backend::transport::{backoff, root_cause};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::credentials::{Credentials, Endpoint};
use super::error::{ApiError, ErrorKind};
use super::sign::SignedHeaders;

/// Whether a call may be repeated after an ambiguous failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    /// Repeating cannot duplicate an effect or turn success into failure.
    Always,
    /// Repeat only when the request surely did not reach the server.
    IfNotSent,
    /// A query: repeating has no effect at all; up to [`ClientConfig::read_retries`] repeats.
    Read,
}

#[derive(Clone, Debug)]
pub struct ClientConfig {
    pub credentials: Credentials,
    pub endpoint: Endpoint,
    /// Requests per second per endpoint path; 0 = no client-side limit.
    pub rate_limit: u32,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    /// Repeats after ambiguous failures (transport errors, 5xx) for [`Retry::Always`] calls.
    pub max_retries: u32,
    /// Repeats after ambiguous failures for [`Retry::Read`] calls (queries and read-backs).
    pub read_retries: u32,
    /// Requests in flight at once within one bulk operation.
    pub bulk_concurrency: usize,
    /// The clock of mute end times; `None`: the endpoint's ([`Endpoint::clock`]).
    pub clock: Option<super::credentials::ServerClock>,
}

impl ClientConfig {
    pub fn new(credentials: Credentials, endpoint: Endpoint) -> Self {
        Self {
            credentials,
            endpoint,
            rate_limit: super::limits::RATE_PER_SECOND,
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(30),
            max_retries: 5,
            read_retries: 16,
            bulk_concurrency: 16,
            clock: None,
        }
    }
}

/// A form body in send order; list parameters are repeated keys or comma-joined per endpoint.
#[derive(Default, Debug, Clone)]
pub struct Form(Vec<(&'static str, String)>, Option<String>);

impl Form {
    pub fn new() -> Self {
        Self::default()
    }
    /// An already encoded body (for keys built at run time, like `group[ID]`).
    pub fn raw(encoded: String) -> Self {
        Self(Vec::new(), Some(encoded))
    }
    pub fn add(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.0.push((key, value.into()));
        self
    }
    pub fn opt(self, key: &'static str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(v) => self.add(key, v),
            None => self,
        }
    }
    /// Legacy style: `userId=a&userId=b`.
    pub fn repeated(mut self, key: &'static str, values: &[impl AsRef<str>]) -> Self {
        for v in values {
            self.0.push((key, v.as_ref().to_owned()));
        }
        self
    }
    /// Hosting style as the Java and Go SDKs send it: `userIds=a,b`.
    pub fn joined(self, key: &'static str, values: &[impl AsRef<str>]) -> Self {
        let v: Vec<&str> = values.iter().map(|v| v.as_ref()).collect();
        self.add(key, v.join(","))
    }
    pub fn encode(&self) -> String {
        if let Some(raw) = &self.1 {
            return raw.clone();
        }
        let mut s = form_urlencoded::Serializer::new(String::with_capacity(64));
        for (k, v) in &self.0 {
            s.append_pair(k, v);
        }
        s.finish()
    }
}

struct Inner {
    http: reqwest::Client,
    credentials: Credentials,
    urls: Vec<String>,
    current: AtomicUsize,
    limiter: Option<DefaultKeyedRateLimiter<&'static str>>,
    config: ClientConfig,
}

/// The signed RongCloud Server API client. Cheap to clone; share one per connection.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("app_key", &self.inner.credentials.app_key).field("urls", &self.inner.urls).finish()
    }
}

fn request_id() -> String {
    let n: u128 = rand::rng().random();
    format!("{n:032x}")
}

impl Client {
    pub fn new(config: ClientConfig) -> Result<Self, ApiError> {
        let urls = config
            .endpoint
            .urls()
            .map_err(|e| ApiError::invalid("", "base URL", e))?;
        if config.credentials.app_key.trim().is_empty() {
            return Err(ApiError::invalid("", "App Key", "must not be empty"));
        }
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            .user_agent(concat!("groupdesk/", env!("CARGO_PKG_VERSION")))
            // The docs advise short-lived keep-alive (idle < 55 s).
            .pool_idle_timeout(Duration::from_secs(50))
            .build()
            .map_err(|e| ApiError::invalid("", "HTTP client", e.to_string()))?;
        let limiter = std::num::NonZeroU32::new(config.rate_limit).map(|n| RateLimiter::keyed(Quota::per_second(n)));
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                credentials: config.credentials.clone(),
                urls,
                current: AtomicUsize::new(0),
                limiter,
                config,
            }),
        })
    }

    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    pub fn app_key(&self) -> &str {
        &self.inner.credentials.app_key
    }

    /// The base URL requests currently go to.
    pub fn current_url(&self) -> &str {
        &self.inner.urls[self.inner.current.load(Ordering::Relaxed) % self.inner.urls.len()]
    }

    /// Moves to the next domain unless another request already did.
    fn fail_over(&self, from: usize) {
        let n = self.inner.urls.len();
        if n > 1 && self.inner.current.compare_exchange(from, (from + 1) % n, Ordering::SeqCst, Ordering::SeqCst).is_ok() {
            tracing::warn!(from = %self.inner.urls[from], to = %self.inner.urls[(from + 1) % n], "switching API domain");
        }
    }

    /// Sends one signed call and parses a successful answer into `T`.
    pub async fn call<T: DeserializeOwned>(&self, path: &'static str, form: &Form, retry: Retry) -> Result<T, ApiError> {
        let (text, rid) = self.call_text(path, form, retry).await?;
        decode(&text).map_err(|e| ApiError::transport(path, &rid, format!("unexpected answer shape: {e}")))
    }

    /// Sends one signed call; returns the JSON body of a `code: 200` answer.
    pub async fn call_value(&self, path: &'static str, form: &Form, retry: Retry) -> Result<Value, ApiError> {
        self.call(path, form, retry).await
    }

    /// Sends one signed call; returns the raw text of a `code: 200` answer and its request id.
    async fn call_text(&self, path: &'static str, form: &Form, retry: Retry) -> Result<(String, String), ApiError> {
        let body = form.encode();
        let span = tracing::debug_span!("rc_call", path, request_id = tracing::field::Empty);
        let started = Instant::now();
        let mut ambiguous_retries = 0u32;
        let mut rate_retries = 0u32;
        let budget = if retry == Retry::Read { self.inner.config.read_retries } else { self.inner.config.max_retries };
        let repeatable = retry != Retry::IfNotSent;
        loop {
            if let Some(limiter) = &self.inner.limiter {
                limiter.until_key_ready(&path).await;
            }
            let idx = self.inner.current.load(Ordering::Relaxed) % self.inner.urls.len();
            let rid = request_id();
            span.record("request_id", rid.as_str());
            let signed = SignedHeaders::new(&self.inner.credentials.app_key, &self.inner.credentials.app_secret);
            let attempt = Instant::now();
            let sent = self
                .inner
                .http
                .post(format!("{}{}", self.inner.urls[idx], path))
                .header("App-Key", signed.app_key)
                .header("Nonce", signed.nonce)
                .header("Timestamp", signed.timestamp)
                .header("Signature", signed.signature)
                .header("X-Request-ID", &rid)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(body.clone())
                .send()
                .await;
            let outcome = match sent {
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    let retry_after = resp
                        .headers()
                        .get("retry-after")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.parse::<u64>().ok());
                    match resp.text().await {
                        Ok(text) => Answer::Body { status, text, retry_after },
                        Err(e) => Answer::Lost(format!("the answer was cut off: {e}")),
                    }
                }
                Err(e) if e.is_connect() => Answer::NotSent(format!("cannot connect to {}: {}", self.inner.urls[idx], root_cause(&e))),
                Err(e) if e.is_timeout() => Answer::Lost(format!("no answer within {:?}", self.inner.config.request_timeout)),
                Err(e) => Answer::Lost(format!("connection failed: {}", root_cause(&e))),
            };
            let elapsed_ms = attempt.elapsed().as_millis() as u64;
            let retries = ambiguous_retries + rate_retries;
            let (status, text, retry_after) = match outcome {
                Answer::NotSent(msg) => {
                    tracing::debug!(parent: &span, path, request_id = %rid, elapsed_ms, retries, "not sent: {msg}");
                    self.fail_over(idx);
                    if ambiguous_retries < budget {
                        ambiguous_retries += 1;
                        backoff(ambiguous_retries).await;
                        continue;
                    }
                    return Err(ApiError::transport(path, &rid, msg));
                }
                Answer::Lost(msg) => {
                    tracing::debug!(parent: &span, path, request_id = %rid, elapsed_ms, retries, "answer lost: {msg}");
                    self.fail_over(idx);
                    if repeatable && ambiguous_retries < budget {
                        ambiguous_retries += 1;
                        backoff(ambiguous_retries).await;
                        continue;
                    }
                    return Err(ApiError::transport(path, &rid, msg));
                }
                Answer::Body { status, text, retry_after } => (status, text, retry_after),
            };
            // Only the code and message are read here; the caller parses the rest once, typed.
            let parsed: Option<Head> = serde_json::from_str(&text).ok();
            let code = parsed.as_ref().and_then(|h| h.code);
            tracing::debug!(parent: &span, path, request_id = %rid, status, code, elapsed_ms, retries, total_ms = started.elapsed().as_millis() as u64, "answered");
            if status == 429 || code == Some(1008) {
                // Not applied: wait for the limit to refill and try again.
                if rate_retries < 50 {
                    rate_retries += 1;
                    let wait = retry_after.map(Duration::from_secs).unwrap_or(Duration::from_millis(100)).min(Duration::from_secs(2));
                    tokio::time::sleep(wait.min(Duration::from_millis(100 * u64::from(rate_retries)))).await;
                    continue;
                }
            }
            let server_error = |message: String| ApiError {
                kind: ErrorKind::Server,
                path: path.to_owned(),
                http_status: Some(status),
                code,
                message,
                request_id: Some(rid.clone()),
                field: None,
                details: None,
                server_explanation: code.map(super::codes::explain),
            };
            if status >= 500 || parsed.is_none() {
                // The SDKs switch domain on 5xx and on answers that are not JSON.
                self.fail_over(idx);
                if repeatable && ambiguous_retries < budget {
                    ambiguous_retries += 1;
                    backoff(ambiguous_retries).await;
                    continue;
                }
                let msg = parsed
                    .as_ref()
                    .and_then(|h| h.error_message.clone())
                    .unwrap_or_else(|| format!("unexpected answer: {}", text.chars().take(200).collect::<String>()));
                let mut err = server_error(msg);
                if parsed.is_none() {
                    err.kind = ErrorKind::Transport;
                }
                return Err(err);
            }
            let head = parsed.expect("checked above");
            if code == Some(200) {
                record_request_id(&rid);
                return Ok((text, rid));
            }
            let msg = head.error_message.unwrap_or_default();
            let mut err = server_error(if msg.is_empty() { super::codes::explain(code.unwrap_or(0)).to_owned() } else { msg });
            // Keep extra fields (userIds, managerCount) readable for callers.
            err.details = serde_json::from_str(&text).ok();
            return Err(err);
        }
    }
}

use crate::backend::bulk::record_request_id;

/// The part of every answer the transport looks at.
#[derive(serde::Deserialize)]
struct Head {
    code: Option<u32>,
    #[serde(rename = "errorMessage")]
    error_message: Option<String>,
}

/// The `code` of an answer, as the transport reads it (public for the overhead benchmark).
pub fn answer_code(text: &str) -> Option<u32> {
    serde_json::from_str::<Head>(text).ok().and_then(|h| h.code)
}

/// Parses a successful answer's text into `T` (public for the overhead benchmark).
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str(text)
}

enum Answer {
    NotSent(String),
    Lost(String),
    Body { status: u16, text: String, retry_after: Option<u64> },
}

