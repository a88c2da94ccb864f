//! HTTP/1 on hyper: the accept loop with graceful shutdown, and the request pipeline (see the
//! steps in the module docs of `core`).

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderMap, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use rusqlite::Connection;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use super::faults::{DropConnection, Fault};
use super::rate::RateLimit;
use super::store::Store;
use super::{Answer, Options, Protocol, Rejection, header};

/// What every connection task shares.
pub struct Shared<P> {
    protocol: Arc<P>,
    store: Store,
    limit: Option<RateLimit>,
    latency: Duration,
    fault_rate: f64,
}

impl<P: Protocol> Shared<P> {
    pub fn new(options: &Options, protocol: Arc<P>, store: Store) -> Self {
        Self {
            protocol,
            store,
            limit: RateLimit::new(options.rate_limit),
            latency: options.latency,
            fault_rate: options.fault_rate,
        }
    }

    fn reject(&self, rejection: Rejection) -> Outcome {
        self.protocol.render(rejection.into()).into()
    }

    fn fault(&self, fault: Fault) -> Outcome {
        if fault.drops() { Outcome::Drop } else { self.reject(Rejection::Unavailable) }
    }

    /// The rate limit for `caller` on `route`; over it, the rejection with its `Retry-After`.
    fn over_limit(&self, caller: String, route: &'static str, quota: Option<u32>) -> Option<Outcome> {
        let limit = self.limit.as_ref()?;
        let wait = limit.check(caller, route, quota).err()?;
        let answer = self.protocol.render(Rejection::RateLimited { per_second: limit.per_second(quota) }.into());
        Some(Outcome::Answer { answer, retry_after: Some(wait.as_secs().max(1)) })
    }
}

/// A client has this long to send a request's headers — and an idle keep-alive connection this
/// long before its next request — before the connection is closed.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// A request's body must arrive within this (else 408).
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);
/// On shutdown, requests in flight get this long to finish; then every connection is closed,
/// stalled or half-sent ones included.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// Serves until `stop` fires, then lets open requests finish (up to [`SHUTDOWN_GRACE`]) and
/// closes whatever is left.
pub async fn serve<P: Protocol>(listener: TcpListener, shared: Arc<Shared<P>>, mut stop: oneshot::Receiver<()>) {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut connections = tokio::task::JoinSet::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(hyper_util::rt::TokioTimer::new()).header_read_timeout(HEADER_TIMEOUT);
    loop {
        while connections.try_join_next().is_some() {}
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
                let protocol = shared.protocol.clone();
                let render: super::malformed::Render = Arc::new(move |status| protocol.render(Rejection::Malformed { status }.into()));
                let stream = super::malformed::Stream::new(stream, render);
                let shared = shared.clone();
                let service = hyper::service::service_fn(move |req| handle(shared.clone(), req));
                let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
                connections.spawn(async move {
                    let _ = conn.await;
                });
            }
            _ = &mut stop => break,
        }
    }
    drop(listener);
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await.is_err() {
        tracing::info!(open = connections.len(), "closing connections that did not finish in time");
    }
    // A connection that never finished its request (or never sent one) must not keep the
    // server — and with it the storage thread — alive.
    connections.abort_all();
    while connections.join_next().await.is_some() {}
}

/// How a request ends.
enum Outcome {
    Answer { answer: Answer, retry_after: Option<u64> },
    Drop,
}

impl From<Answer> for Outcome {
    fn from(answer: Answer) -> Self {
        Outcome::Answer { answer, retry_after: None }
    }
}

async fn handle<P: Protocol>(
    shared: Arc<Shared<P>>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, DropConnection> {
    let started = Instant::now();
    let path = req.uri().path().to_owned();
    let request_id = header(req.headers(), &["x-request-id"]).map(str::to_owned);
    let outcome = process(&shared, req).await;
    if !shared.latency.is_zero() {
        tokio::time::sleep(shared.latency).await;
    }
    match outcome {
        Outcome::Drop => {
            tracing::debug!(%path, request_id, "dropped connection (fault injection)");
            Err(DropConnection)
        }
        Outcome::Answer { answer, retry_after } => {
            tracing::debug!(%path, request_id, status = answer.status, elapsed_us = started.elapsed().as_micros() as u64, "answered");
            Ok(response(answer, request_id, retry_after))
        }
    }
}

fn response(answer: Answer, request_id: Option<String>, retry_after: Option<u64>) -> Response<Full<Bytes>> {
    let mut resp = Response::new(Full::new(Bytes::from(answer.body)));
    *resp.status_mut() = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::BAD_REQUEST);
    let h = resp.headers_mut();
    h.insert("content-type", HeaderValue::from_static("application/json; charset=utf-8"));
    if let Some(id) = request_id.and_then(|id| HeaderValue::from_str(&id).ok()) {
        h.insert("x-request-id", id);
    }
    if let Some(secs) = retry_after {
        h.insert("retry-after", HeaderValue::from(secs));
    }
    resp
}

async fn process<P: Protocol>(shared: &Shared<P>, req: Request<Incoming>) -> Outcome {
    let path = req.uri().path().to_owned();
    let Some(route) = shared.protocol.route(&path) else {
        return shared.reject(Rejection::NotFound { path });
    };
    if req.method() != Method::POST {
        return shared.reject(Rejection::MethodNotAllowed { method: req.method().clone(), path });
    }
    let (head, body) = req.into_parts();
    let body = match tokio::time::timeout(BODY_TIMEOUT, read_body(body, &head.headers, P::MAX_BODY_BYTES)).await {
        Ok(Ok(b)) => b,
        Ok(Err(rejection)) => return shared.reject(rejection),
        Err(_) => return shared.reject(Rejection::BodyTimeout { seconds: BODY_TIMEOUT.as_secs() }),
    };
    let caller = match shared.protocol.authenticate(&head) {
        Ok(caller) => caller,
        Err(e) => return shared.protocol.render(e).into(),
    };
    if let Some(refused) = shared.over_limit(caller, route.path, route.per_second) {
        return refused;
    }
    let fault = Fault::pick(shared.fault_rate);
    if let Some(f) = fault.filter(|f| f.before()) {
        return shared.fault(f);
    }
    let answer = match shared.protocol.parse(&body) {
        Ok(params) => execute(shared, route.handler, params).await,
        Err(e) => shared.protocol.render(e),
    };
    match fault {
        Some(f) => shared.fault(f),
        None => answer.into(),
    }
}

async fn read_body(body: Incoming, headers: &HeaderMap, limit: usize) -> Result<Bytes, Rejection> {
    let declared = header(headers, &["content-length"]).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > limit) {
        return Err(Rejection::BodyTooLarge { limit });
    }
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => Err(Rejection::BodyTooLarge { limit }),
        Err(_) => Err(Rejection::BodyUnreadable),
    }
}

/// Runs the handler on the storage thread in one transaction.
async fn execute<P: Protocol>(shared: &Shared<P>, handler: P::Handler, params: P::Params) -> Answer {
    let protocol = shared.protocol.clone();
    let result = shared.store.call(move |conn| transact(&*protocol, conn, handler, params)).await;
    result.unwrap_or_else(|e| shared.protocol.render(e))
}

/// Committed when the handler succeeds, rolled back (dropped) otherwise.
fn transact<P: Protocol>(
    protocol: &P,
    conn: &mut Connection,
    handler: P::Handler,
    params: P::Params,
) -> Result<Answer, P::Error> {
    let tx = conn.transaction().map_err(Rejection::Storage)?;
    let answer = protocol.handle(handler, &tx, params)?;
    tx.commit().map_err(Rejection::Storage)?;
    Ok(answer)
}
