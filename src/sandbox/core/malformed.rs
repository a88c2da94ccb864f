//! Requests hyper cannot parse (a garbage request line, a NUL or an unknown coding in a header,
//! too many or too long headers, a path over the limit) are answered by hyper itself, with an
//! empty body. This wrapper of the connection's stream replaces that automatic answer with the
//! protocol's own error answer (a JSON body with a code), so every error a client can get is
//! one it can read.
//!
//! Two ways hyper ends a connection write nothing at all: the header read timeout (a client
//! that starts a request and stalls) and an HTTP/2 preface (`PRI * HTTP/2.0`, which an
//! HTTP/1.1-only server cannot answer in kind). The wrapper watches the bytes read: when the
//! connection is dropped while a request's headers were still arriving (408), or after an
//! HTTP/2 preface (400), and no answer was written, it sends the protocol's error answer as its
//! last words (a non-blocking write; a peer that is gone simply misses it). A dropped
//! connection after complete headers (fault injection, shutdown of a request in flight) stays
//! a dropped connection.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::Answer;

/// Renders the protocol's answer for an automatic answer with this HTTP status.
pub type Render = Arc<dyn Fn(u16) -> Answer + Send + Sync>;

/// A stream that can send a few bytes without waiting (for the last words on drop).
pub trait TrySend {
    fn try_send(&self, bytes: &[u8]);
}

impl TrySend for tokio::net::TcpStream {
    fn try_send(&self, bytes: &[u8]) {
        let _ = self.try_write(bytes);
    }
}

/// Where the current request is, as seen from the bytes read and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Nothing of a new request read yet (a fresh or keep-alive connection).
    Idle,
    /// Some of a request's head read, the blank line ending it not yet.
    Head,
    /// The head is complete; hyper and the handler have it.
    Handed,
}

const PREFACE: &[u8] = b"PRI * HTTP/2.0";

pub struct Stream<S: TrySend> {
    inner: S,
    render: Render,
    /// A replacement being written: the bytes, how many are out, and the length hyper gave.
    pending: Option<(Vec<u8>, usize, usize)>,
    phase: Phase,
    /// The first bytes of the current request and the last four read (to find `\r\n\r\n`).
    start: Vec<u8>,
    tail: [u8; 4],
}

impl<S: TrySend> Stream<S> {
    pub fn new(inner: S, render: Render) -> Self {
        Self { inner, render, pending: None, phase: Phase::Idle, start: Vec::new(), tail: [0; 4] }
    }

    fn saw(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if self.phase == Phase::Idle {
                self.phase = Phase::Head;
                self.start.clear();
                self.tail = [0; 4];
            }
            if self.start.len() < PREFACE.len() {
                self.start.push(b);
            }
            self.tail = [self.tail[1], self.tail[2], self.tail[3], b];
            if self.phase == Phase::Head && &self.tail == b"\r\n\r\n" {
                self.phase = Phase::Handed;
            }
        }
    }

    /// The status of the answer owed when the connection ends now, if any.
    fn owed(&self) -> Option<u16> {
        if self.start.starts_with(PREFACE) && self.phase != Phase::Idle {
            Some(400)
        } else if self.phase == Phase::Head {
            Some(408)
        } else {
            None
        }
    }
}

impl<S: TrySend> Drop for Stream<S> {
    fn drop(&mut self) {
        if self.pending.is_none()
            && let Some(status) = self.owed()
        {
            self.inner.try_send(&encode(&(self.render)(status)));
        }
    }
}

/// The status of an automatic, empty-bodied error answer from hyper, if `buf` is one. The
/// sandbox's own answers always carry a body, so an empty 4xx can only be hyper's.
fn automatic_status(buf: &[u8]) -> Option<u16> {
    if !buf.starts_with(b"HTTP/1.1 4") || buf.len() > 512 {
        return None;
    }
    let text = std::str::from_utf8(buf).ok()?;
    let rest = text.strip_prefix("HTTP/1.1 ")?;
    let status: u16 = rest.get(..3)?.parse().ok()?;
    let empty = text.to_ascii_lowercase().contains("\r\ncontent-length: 0\r\n") && text.ends_with("\r\n\r\n");
    ((400..500).contains(&status) && empty).then_some(status)
}

fn encode(answer: &Answer) -> Vec<u8> {
    let reason = hyper::StatusCode::from_u16(answer.status).ok().and_then(|s| s.canonical_reason()).unwrap_or("");
    format!(
        "HTTP/1.1 {} {reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{}",
        answer.status,
        answer.body.len(),
        answer.body
    )
    .into_bytes()
}

impl<S: AsyncRead + Unpin + TrySend> AsyncRead for Stream<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = polled {
            let fresh = buf.filled()[before..].to_vec();
            self.saw(&fresh);
        }
        polled
    }
}

impl<S: AsyncWrite + Unpin + TrySend> AsyncWrite for Stream<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        // An answer is going out: the request it answers is over.
        self.phase = Phase::Idle;
        self.start.clear();
        if self.pending.is_none() {
            match automatic_status(buf) {
                Some(status) => {
                    let bytes = encode(&(self.render)(status));
                    self.pending = Some((bytes, 0, buf.len()));
                }
                None => return Pin::new(&mut self.inner).poll_write(cx, buf),
            }
        }
        let this = &mut *self;
        let (bytes, sent, reported) = this.pending.as_mut().expect("set above");
        while *sent < bytes.len() {
            match Pin::new(&mut this.inner).poll_write(cx, &bytes[*sent..]) {
                Poll::Ready(Ok(0)) => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                Poll::Ready(Ok(n)) => *sent += n,
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => return Poll::Pending,
            }
        }
        let n = *reported;
        this.pending = None;
        Poll::Ready(Ok(n))
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    fn is_write_vectored(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_empty_automatic_answers_are_replaced() {
        assert_eq!(automatic_status(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\ndate: x\r\n\r\n"), Some(400));
        assert_eq!(automatic_status(b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\n\r\n"), Some(431));
        assert_eq!(automatic_status(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 45\r\n\r\n{}"), None);
        assert_eq!(automatic_status(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n"), None);
    }

    struct Null;
    impl TrySend for Null {
        fn try_send(&self, _: &[u8]) {}
    }

    #[test]
    fn an_answer_is_owed_for_a_stalled_head_or_an_http2_preface() {
        let render: Render = Arc::new(|status| Answer::new(status, "{}"));
        let mut s = Stream::new(Null, render);
        assert_eq!(s.owed(), None, "an idle connection is just closed");
        s.saw(b"POST /x HTTP/1.1\r\nHost: x\r\n");
        assert_eq!(s.owed(), Some(408), "headers still arriving");
        s.saw(b"\r\nbody");
        assert_eq!(s.owed(), None, "a complete head is hyper's and the handler's");
        let mut s = Stream::new(Null, s.render.clone());
        s.saw(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assert_eq!(s.owed(), Some(400));
    }
}
