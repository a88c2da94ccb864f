//! The HTTP side: hyper on loopback, signature check (reference §2), rate limit, injected
//! latency and faults, then one storage transaction per request.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderMap, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use rand::Rng;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use super::error::WireError;
use super::form::Params;
use super::store::{Ctx, Store};
use super::{Config, Handler, MAX_BODY_BYTES, now_ms, route};
use crate::protocol::rongcloud::sign;

pub struct Shared {
    config: Config,
    store: Store,
    limiter: Option<DefaultKeyedRateLimiter<(String, &'static str)>>,
}

impl Shared {
    pub fn new(config: Config, store: Store) -> Self {
        let limiter = NonZeroU32::new(config.rate_limit)
            .map(|n| RateLimiter::keyed(Quota::per_second(n)));
        Self { config, store, limiter }
    }
}

/// Serves until `stop` fires, then lets open requests finish (up to 5 s).
pub async fn serve(listener: TcpListener, shared: Arc<Shared>, mut stop: oneshot::Receiver<()>) {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, _) = match accepted {
                    Ok(a) => a,
                    Err(err) => {
                        tracing::warn!(%err, "accept failed");
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let shared = shared.clone();
                let service = hyper::service::service_fn(move |req| handle(shared.clone(), req));
                let conn = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service);
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    let _ = conn.await;
                });
            }
            _ = &mut stop => break,
        }
    }
    drop(listener);
    let _ = tokio::time::timeout(Duration::from_secs(5), graceful.shutdown()).await;
}

/// Returned as the service error to make hyper close the connection without an answer.
#[derive(Debug)]
struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("sandbox fault injection: connection dropped")
    }
}

impl std::error::Error for DropConnection {}

enum Outcome {
    Answer(WireAnswer),
    Drop,
}

struct WireAnswer {
    status: u16,
    body: String,
    retry_after: Option<u64>,
}

impl From<WireError> for WireAnswer {
    fn from(e: WireError) -> Self {
        Self { status: e.http, body: e.body(), retry_after: None }
    }
}

#[derive(Clone, Copy, Debug)]
enum Fault {
    UnavailableBefore,
    DropBefore,
    UnavailableAfter,
    DropAfter,
}

async fn handle(shared: Arc<Shared>, req: Request<Incoming>) -> Result<Response<Full<Bytes>>, DropConnection> {
    let started = Instant::now();
    let path = req.uri().path().to_owned();
    let request_id = header(req.headers(), &["x-request-id"]).map(str::to_owned);
    let outcome = process(&shared, req).await;
    if !shared.config.latency.is_zero() {
        tokio::time::sleep(shared.config.latency).await;
    }
    match outcome {
        Outcome::Drop => {
            tracing::debug!(%path, request_id, "dropped connection (fault injection)");
            Err(DropConnection)
        }
        Outcome::Answer(a) => {
            tracing::debug!(%path, request_id, status = a.status, elapsed_us = started.elapsed().as_micros() as u64, "answered");
            let mut resp = Response::new(Full::new(Bytes::from(a.body)));
            *resp.status_mut() = StatusCode::from_u16(a.status).unwrap_or(StatusCode::BAD_REQUEST);
            let h = resp.headers_mut();
            h.insert("content-type", HeaderValue::from_static("application/json; charset=utf-8"));
            if let Some(id) = request_id.and_then(|id| HeaderValue::from_str(&id).ok()) {
                h.insert("x-request-id", id);
            }
            if let Some(secs) = a.retry_after {
                h.insert("retry-after", HeaderValue::from(secs));
            }
            Ok(resp)
        }
    }
}

fn header<'a>(headers: &'a HeaderMap, names: &[&str]) -> Option<&'a str> {
    names
        .iter()
        .find_map(|n| headers.get(*n))
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// §2: App-Key/Nonce/Timestamp/Signature (or their `RC-` spellings), SHA-1 hex in any case,
/// timestamp in seconds or milliseconds, no replay check.
fn authenticate(config: &Config, headers: &HeaderMap) -> Result<(), WireError> {
    let app_key = header(headers, &["app-key", "rc-app-key"])
        .ok_or_else(|| WireError::new(401, 1002, "App-Key header is required"))?;
    if app_key != config.app_key {
        return Err(WireError::new(401, 1002, "Invalidate App-Key."));
    }
    let missing = |name: &str| WireError::new(401, 1004, format!("Signature error: {name} header is required"));
    let nonce = header(headers, &["nonce", "rc-nonce"]).ok_or_else(|| missing("Nonce"))?;
    let timestamp = header(headers, &["timestamp", "rc-timestamp"]).ok_or_else(|| missing("Timestamp"))?;
    let signature = header(headers, &["signature", "rc-signature"]).ok_or_else(|| missing("Signature"))?;
    if timestamp.is_empty() || !timestamp.bytes().all(|b| b.is_ascii_digit()) {
        return Err(WireError::new(401, 1004, "Signature error: Timestamp must be seconds or milliseconds since 1970"));
    }
    let expected = sign::signature(&config.app_secret, nonce, timestamp);
    if !sign::signature_matches(&expected, signature) {
        return Err(WireError::new(401, 1004, "Signature error: Signature does not match App-Key, Nonce and Timestamp"));
    }
    Ok(())
}

async fn read_body(body: Incoming, headers: &HeaderMap) -> Result<Bytes, WireError> {
    let too_large = || {
        WireError::new(413, 1508, format!("HTTP body too large: at most {MAX_BODY_BYTES} bytes"))
    };
    if let Some(len) = header(headers, &["content-length"]).and_then(|v| v.parse::<usize>().ok()) {
        if len > MAX_BODY_BYTES {
            return Err(too_large());
        }
    }
    match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(e) if e.downcast_ref::<http_body_util::LengthLimitError>().is_some() => Err(too_large()),
        Err(_) => Err(WireError::new(400, 1002, "the request body could not be read")),
    }
}

fn pick_fault(rate: f64) -> Option<Fault> {
    if rate <= 0.0 {
        return None;
    }
    let mut rng = rand::rng();
    if !rng.random_bool(rate.min(1.0)) {
        return None;
    }
    Some(match rng.random_range(0..4) {
        0 => Fault::UnavailableBefore,
        1 => Fault::DropBefore,
        2 => Fault::UnavailableAfter,
        _ => Fault::DropAfter,
    })
}

fn unavailable() -> Outcome {
    Outcome::Answer(WireError::new(503, 1000, "service unavailable (sandbox fault injection), retry later").into())
}

async fn process(shared: &Shared, req: Request<Incoming>) -> Outcome {
    let path = req.uri().path().to_owned();
    let Some((route_path, handler)) = route(&path) else {
        return Outcome::Answer(WireError::new(404, 404, format!("endpoint not found: {path}")).into());
    };
    if req.method() != Method::POST {
        return Outcome::Answer(
            WireError::new(405, 405, format!("method {} not allowed: {path} takes POST", req.method())).into(),
        );
    }
    let (parts, body) = req.into_parts();
    let body = match read_body(body, &parts.headers).await {
        Ok(b) => b,
        Err(e) => return Outcome::Answer(e.into()),
    };
    if let Err(e) = authenticate(&shared.config, &parts.headers) {
        return Outcome::Answer(e.into());
    }
    if let Some(limiter) = &shared.limiter {
        if let Err(not_until) = limiter.check_key(&(shared.config.app_key.clone(), route_path)) {
            let wait = not_until.wait_time_from(governor::clock::Clock::now(&governor::clock::DefaultClock::default()));
            let mut a: WireAnswer = WireError::new(
                429,
                1008,
                format!(
                    "The API rate limit has been exceeded ({} requests per second per App Key per endpoint). Retry after a short delay",
                    shared.config.rate_limit
                ),
            )
            .into();
            a.retry_after = Some(wait.as_secs().max(1));
            return Outcome::Answer(a);
        }
    }
    let fault = pick_fault(shared.config.fault_rate);
    match fault {
        Some(Fault::UnavailableBefore) => return unavailable(),
        Some(Fault::DropBefore) => return Outcome::Drop,
        _ => {}
    }
    let params = Params::parse(&body);
    let answer = execute(shared, handler, params).await;
    match fault {
        Some(Fault::UnavailableAfter) => unavailable(),
        Some(Fault::DropAfter) => Outcome::Drop,
        _ => Outcome::Answer(answer),
    }
}

/// One transaction per request: committed when the handler succeeds, rolled back otherwise.
async fn execute(shared: &Shared, handler: Handler, params: Params) -> WireAnswer {
    let app_key = shared.config.app_key.clone();
    let max_members = shared.config.max_members;
    let result = shared
        .store
        .call(move |conn| -> Result<String, WireError> {
            let tx = conn.transaction()?;
            let ctx = Ctx { tx: &tx, app_key: &app_key, now_ms: now_ms(), max_members };
            let value = handler(&ctx, &params)?;
            drop(ctx);
            tx.commit()?;
            Ok(value.to_string())
        })
        .await;
    match result {
        Ok(body) => WireAnswer { status: 200, body, retry_after: None },
        Err(e) => e.into(),
    }
}
