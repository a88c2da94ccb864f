//! The transport: URL and UserSig, rate limiting, failover, retries and tracing for every call.
//!
//! Every request is `POST {base}/v4/{service}/{command}?sdkappid=…&identifier=…&usersig=…&
//! random=<u32>&contenttype=json` with a JSON body. The answer's envelope decides (HTTP is always
//! 200 unless the network failed): `ErrorCode != 0` is an [`ApiError`] with the code, the
//! service's `ErrorInfo` and a plain-language explanation ([`super::codes::explain`]).
//!
//! What is repeated after which failure is decided per command by [`super::policy`]:
//!
//! * a request that never reached the server (refused connection, DNS) is always repeated on the
//!   next domain; so is one refused for rate (60007, 10006, 60011, 60018, 60019 or HTTP 429:
//!   nothing was applied), after a wait, and one refused for an expired UserSig (re-signed);
//! * a lost answer (timeout, cut connection, HTTP 5xx, an answer that is not the envelope) or
//!   an internal error (10002, 60008, 60013, 60014) is repeated, with backoff, only for commands
//!   whose repeat can neither duplicate an effect nor turn a success into a reported failure
//!   ([`Policy::Read`], [`Policy::Repeatable`]). For the others the error comes back as
//!   [`ErrorKind::Transport`] (the effect is unknown) and the typed method reads the state back
//!   ([`Policy::ReadBack`]) or reports "unknown" ([`Policy::Once`]).
//!
//! The request's `random` is its id: logged at debug with command, code and latency, and kept in
//! errors and bulk reports. The usersig and the secret key are never logged; transport errors are
//! formatted without their URL (which carries the usersig).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};
use rand::Rng;

use crate::backend::transport::{backoff, root_cause};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::codes;
use super::credentials::{Credentials, DEFAULT_USERSIG_SECONDS, Endpoint, UserSigCache};
use super::{Policy, policy};
use crate::backend::bulk::record_request_id;
use crate::model::error::{ApiError, ErrorKind};
use crate::protocol::tencent::limits;

#[derive(Clone, Debug)]
pub struct ClientConfig {
    pub credentials: Credentials,
    pub endpoint: Endpoint,
    /// Calls per second per command; 0 = no client-side limit (documented: 200).
    pub rate_limit: u32,
    /// Calls per second of `get_appid_group_list`; 0 = no limit (documented: 1).
    pub group_list_rate: u32,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    /// Repeats after ambiguous failures, for the commands the policy lets repeat.
    pub max_retries: u32,
    /// Requests in flight at once within one bulk operation or parallel page fetch.
    pub bulk_concurrency: usize,
    /// Lifetime of the UserSigs the client signs, seconds.
    pub usersig_seconds: u64,
}

impl ClientConfig {
    pub fn new(credentials: Credentials, endpoint: Endpoint) -> Self {
        Self {
            credentials,
            endpoint,
            rate_limit: limits::RATE_PER_SECOND,
            group_list_rate: limits::GROUP_LIST_RATE_PER_SECOND,
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(30),
            max_retries: 5,
            bulk_concurrency: 16,
            usersig_seconds: DEFAULT_USERSIG_SECONDS,
        }
    }
}

struct Inner {
    http: reqwest::Client,
    sig: UserSigCache,
    urls: Vec<String>,
    current: AtomicUsize,
    limiter: Option<DefaultKeyedRateLimiter<&'static str>>,
    list_limiter: Option<DefaultDirectRateLimiter>,
    /// The custom-field registry once read (`Some(None)`: not available on this server).
    registry: std::sync::Mutex<Option<Option<super::types::CustomFields>>>,
    config: ClientConfig,
}

/// The Tencent Cloud Chat REST client. Cheap to clone; share one per connection.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("sdkappid", &self.inner.config.credentials.sdkappid).field("urls", &self.inner.urls).finish()
    }
}

/// The request URL of a command (the usersig goes in as-is: its alphabet is URL-safe).
pub fn request_url(base: &str, command: &str, sdkappid: u64, identifier: &str, usersig: &str, random: u32) -> String {
    let id = percent_encoding::utf8_percent_encode(identifier, percent_encoding::NON_ALPHANUMERIC);
    format!("{base}/v4/{command}?sdkappid={sdkappid}&identifier={id}&usersig={usersig}&random={random}&contenttype=json")
}

/// The envelope every answer carries.
#[derive(serde::Deserialize, Debug, Default)]
#[serde(rename_all = "PascalCase")]
pub struct Envelope {
    #[serde(default)]
    pub action_status: Option<String>,
    #[serde(default)]
    pub error_code: Option<i64>,
    #[serde(default)]
    pub error_info: Option<String>,
}

impl Envelope {
    /// The code of the answer: `ErrorCode`, or 0 for a bare `"ActionStatus": "OK"`; `None` when
    /// the text is not an envelope at all.
    pub fn code(&self) -> Option<i64> {
        self.error_code.or(match self.action_status.as_deref() {
            Some("OK") => Some(0),
            _ => None,
        })
    }
}

enum Answer {
    NotSent(String),
    Lost(String),
    Body { status: u16, text: String, retry_after: Option<u64> },
}

impl Client {
    pub fn new(config: ClientConfig) -> Result<Self, ApiError> {
        let urls = config.endpoint.urls().map_err(|e| ApiError::invalid("", "base URL", e))?;
        if config.credentials.sdkappid == 0 {
            return Err(ApiError::invalid("", "SDKAppID", "must not be 0"));
        }
        super::check::account("", "identifier", &config.credentials.identifier)?;
        if secrecy::ExposeSecret::expose_secret(&config.credentials.secret_key).is_empty() {
            return Err(ApiError::invalid("", "secret key", "must not be empty"));
        }
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            .user_agent(concat!("groupdesk/", env!("CARGO_PKG_VERSION")))
            .pool_idle_timeout(Duration::from_secs(50))
            .build()
            .map_err(|e| ApiError::invalid("", "HTTP client", e.to_string()))?;
        let limiter = std::num::NonZeroU32::new(config.rate_limit).map(|n| RateLimiter::keyed(Quota::per_second(n)));
        let list_limiter = std::num::NonZeroU32::new(config.group_list_rate).map(|n| RateLimiter::direct(Quota::per_second(n)));
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                sig: UserSigCache::new(config.credentials.clone(), config.usersig_seconds),
                urls,
                current: AtomicUsize::new(0),
                limiter,
                list_limiter,
                registry: std::sync::Mutex::new(None),
                config,
            }),
        })
    }

    /// The cached custom-field registry: `None` not read yet, `Some(None)` not available.
    pub(crate) fn registry_cache(&self) -> std::sync::MutexGuard<'_, Option<Option<super::types::CustomFields>>> {
        self.inner.registry.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    pub fn sdkappid(&self) -> u64 {
        self.inner.config.credentials.sdkappid
    }

    pub fn identifier(&self) -> &str {
        &self.inner.config.credentials.identifier
    }

    /// The base URL requests currently go to.
    pub fn current_url(&self) -> &str {
        &self.inner.urls[self.inner.current.load(Ordering::Relaxed) % self.inner.urls.len()]
    }

    fn fail_over(&self, from: usize) {
        let n = self.inner.urls.len();
        if n > 1 && self.inner.current.compare_exchange(from, (from + 1) % n, Ordering::SeqCst, Ordering::SeqCst).is_ok() {
            tracing::warn!(from = %self.inner.urls[from], to = %self.inner.urls[(from + 1) % n], "switching API domain");
        }
    }

    async fn pace(&self, command: &'static str) {
        if command.ends_with("/get_appid_group_list") {
            if let Some(l) = &self.inner.list_limiter {
                l.until_ready().await;
            }
        } else if let Some(l) = &self.inner.limiter {
            l.until_key_ready(&command).await;
        }
    }

    /// Sends one command with the retry policy of its name and parses a successful answer.
    pub async fn call<B: Serialize + ?Sized, T: DeserializeOwned>(&self, command: &'static str, body: &B) -> Result<T, ApiError> {
        let name = command.rsplit('/').next().unwrap_or(command);
        self.call_with(command, body, policy(name)).await
    }

    /// Sends one command with an explicit policy.
    pub async fn call_with<B: Serialize + ?Sized, T: DeserializeOwned>(&self, command: &'static str, body: &B, policy: Policy) -> Result<T, ApiError> {
        let body = serde_json::to_vec(body).map_err(|e| ApiError::invalid(command, "body", e.to_string()))?;
        let (text, rid) = self.send(command, body, policy).await?;
        serde_json::from_str(&text).map_err(|e| ApiError::transport(command, &rid, format!("unexpected answer shape: {e}")))
    }

    async fn send(&self, command: &'static str, body: Vec<u8>, policy: Policy) -> Result<(String, String), ApiError> {
        let repeatable = policy.repeatable();
        let started = Instant::now();
        let (mut ambiguous, mut rate, mut resigned) = (0u32, 0u32, false);
        let max = self.inner.config.max_retries;
        let creds = &self.inner.config.credentials;
        loop {
            self.pace(command).await;
            let idx = self.inner.current.load(Ordering::Relaxed) % self.inner.urls.len();
            let random: u32 = rand::rng().random();
            let rid = random.to_string();
            let url = request_url(&self.inner.urls[idx], command, creds.sdkappid, &creds.identifier, &self.inner.sig.get(), random);
            let attempt = Instant::now();
            let sent = self.inner.http.post(url).header("Content-Type", "application/json").body(body.clone()).send().await;
            let answer = match sent {
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    let retry_after = resp.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse::<u64>().ok());
                    match resp.text().await {
                        Ok(text) => Answer::Body { status, text, retry_after },
                        Err(e) => Answer::Lost(format!("the answer was cut off: {}", root_cause(&e.without_url()))),
                    }
                }
                Err(e) if e.is_connect() => Answer::NotSent(format!("cannot connect to {}: {}", self.inner.urls[idx], root_cause(&e.without_url()))),
                Err(e) if e.is_timeout() => Answer::Lost(format!("no answer within {:?}", self.inner.config.request_timeout)),
                Err(e) => Answer::Lost(format!("connection failed: {}", root_cause(&e.without_url()))),
            };
            let elapsed_ms = attempt.elapsed().as_millis() as u64;
            let retries = ambiguous + rate;
            let (status, text, retry_after) = match answer {
                Answer::NotSent(msg) => {
                    tracing::debug!(command, random = %rid, elapsed_ms, retries, "not sent: {msg}");
                    self.fail_over(idx);
                    if ambiguous < max {
                        ambiguous += 1;
                        backoff(ambiguous).await;
                        continue;
                    }
                    return Err(ApiError::transport(command, &rid, msg));
                }
                Answer::Lost(msg) => {
                    tracing::debug!(command, random = %rid, elapsed_ms, retries, "answer lost: {msg}");
                    self.fail_over(idx);
                    if repeatable && ambiguous < max {
                        ambiguous += 1;
                        backoff(ambiguous).await;
                        continue;
                    }
                    return Err(ApiError::transport(command, &rid, msg));
                }
                Answer::Body { status, text, retry_after } => (status, text, retry_after),
            };
            let head: Option<Envelope> = serde_json::from_str(&text).ok();
            let code = head.as_ref().and_then(Envelope::code);
            tracing::debug!(command, random = %rid, status, code, elapsed_ms, retries, total_ms = started.elapsed().as_millis() as u64, "answered");
            if (status == 429 || code.is_some_and(codes::is_rate_limited)) && rate < 50 {
                rate += 1;
                // Nothing was applied: wait as the server says (Retry-After), else a short,
                // growing pause (a second for the 1/s group list), and send again.
                let own = if command.ends_with("/get_appid_group_list") { 1_000 } else { 50 * u64::from(rate.min(10)) };
                let wait = retry_after.map(|s| (s * 1_000).min(2_000)).unwrap_or(own);
                tokio::time::sleep(Duration::from_millis(wait)).await;
                continue;
            }
            let Some(code) = code.filter(|_| status < 500) else {
                self.fail_over(idx);
                if repeatable && ambiguous < max {
                    ambiguous += 1;
                    backoff(ambiguous).await;
                    continue;
                }
                let shown: String = text.chars().take(200).collect();
                let mut e = ApiError::transport(command, &rid, format!("unexpected answer (HTTP {status}): {shown}"));
                e.http_status = Some(status);
                return Err(e);
            };
            if code == 0 {
                record_request_id(&rid);
                return Ok((text, rid));
            }
            if (70001..=70999).contains(&code) && !resigned {
                // An expired or refused UserSig: sign afresh once (nothing was applied).
                resigned = true;
                self.inner.sig.invalidate();
                continue;
            }
            if codes::is_internal(code) && repeatable && ambiguous < max {
                ambiguous += 1;
                backoff(ambiguous).await;
                continue;
            }
            let info = head.and_then(|h| h.error_info).unwrap_or_default();
            let c = u32::try_from(code).unwrap_or(u32::MAX);
            let explanation = codes::explain(c);
            return Err(ApiError {
                // After an internal error the change may or may not have been made.
                kind: if codes::is_internal(code) { ErrorKind::Transport } else { ErrorKind::Server },
                path: command.to_owned(),
                http_status: Some(status),
                code: Some(c),
                message: if info.is_empty() { explanation.to_owned() } else { info },
                request_id: Some(rid),
                field: None,
                details: serde_json::from_str(&text).ok(),
                server_explanation: Some(explanation),
            });
        }
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_carries_every_parameter() {
        let u = request_url("https://adminapisgp.im.qcloud.com", "group_open_http_svc/get_group_info", 1400000000, "administrator", "eJy*ab-c_", 42);
        assert_eq!(
            u,
            "https://adminapisgp.im.qcloud.com/v4/group_open_http_svc/get_group_info?sdkappid=1400000000&identifier=administrator&usersig=eJy*ab-c_&random=42&contenttype=json"
        );
        assert!(request_url("http://127.0.0.1:1", "x/y", 1, "a b", "s", 0).contains("identifier=a%20b&"));
    }

    #[test]
    fn envelope_codes() {
        let ok: Envelope = serde_json::from_str(r#"{"ActionStatus": "OK", "ErrorInfo": "", "ErrorCode": 0, "GroupId": "@TGS#2J4SZEAEL"}"#).unwrap();
        assert_eq!(ok.code(), Some(0));
        let bare: Envelope = serde_json::from_str(r#"{"ActionStatus": "OK"}"#).unwrap();
        assert_eq!(bare.code(), Some(0));
        let fail: Envelope = serde_json::from_str(r#"{"ActionStatus": "FAIL", "ErrorCode": 10010, "ErrorInfo": "group gone", "ErrorDisplay": "x"}"#).unwrap();
        assert_eq!((fail.code(), fail.error_info.as_deref()), (Some(10010), Some("group gone")));
        let other: Envelope = serde_json::from_str(r#"{"hello": 1}"#).unwrap();
        assert_eq!(other.code(), None);
    }

    #[test]
    fn the_secret_never_shows_in_debug() {
        let key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
        let cfg = ClientConfig::new(Credentials::new(1400000000, "administrator", key), Endpoint::custom("http://127.0.0.1:1"));
        let c = Client::new(cfg.clone()).unwrap();
        assert!(!format!("{cfg:?} {c:?}").contains(key));
    }
}
