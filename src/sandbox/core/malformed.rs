//! Requests hyper cannot parse (a garbage request line, a NUL or an unknown coding in a header,
//! too many or too long headers, a path over the limit) are answered by hyper itself, with an
//! empty body. This wrapper of the connection's stream replaces that automatic answer with the
//! protocol's own error answer (a JSON body with a code), so every error a client can get is
//! one it can read.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::Answer;

/// Renders the protocol's answer for an automatic answer with this HTTP status.
pub type Render = Arc<dyn Fn(u16) -> Answer + Send + Sync>;

pub struct Stream<S> {
    inner: S,
    render: Render,
    /// A replacement being written: the bytes, how many are out, and the length hyper gave.
    pending: Option<(Vec<u8>, usize, usize)>,
}

impl<S> Stream<S> {
    pub fn new(inner: S, render: Render) -> Self {
        Self { inner, render, pending: None }
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

impl<S: AsyncRead + Unpin> AsyncRead for Stream<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Stream<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
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
}
