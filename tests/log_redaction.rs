//! The client's and the sandbox's logs at trace level hold neither the App Secret nor a
//! signature.

#[path = "client/common.rs"]
mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::{Opts, start};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn trace_logs_never_hold_the_secret_or_a_signature() {
    // The only test in this binary: the subscriber is process-wide, so no other test's
    // threads can race its callsite registration.
    let captured = Captured::default();
    let sink = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || sink.clone())
        .with_ansi(false)
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    {
        runtime.block_on(async {
            let env = start(Opts { fault_rate: 0.2, ..Default::default() }).await;
            env.client.group_create("g1", "G", &["u1", "u2"]).await.unwrap();
            env.client.mute(Some("g1"), &["u1"], 5).await.unwrap();
            let _ = env.client.join_group("nope", &["x"]).await;
        })
    }
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("/group/create.json"), "requests are logged: {}", &log[..log.len().min(500)]);
    assert!(log.contains("request_id"), "with their request ids");
    assert!(!log.contains(common::SECRET), "the secret leaked into the log");
    // A signature is 40 hex digits; request ids are 32. No 40-hex run may appear.
    let bytes = log.as_bytes();
    let mut run = 0;
    for b in bytes {
        if b.is_ascii_hexdigit() {
            run += 1;
        } else {
            assert_ne!(run, 40, "a 40-hex-digit value (a signature?) is in the log");
            run = 0;
        }
    }
    assert!(!log.to_ascii_lowercase().contains("signature:"), "signature headers in the log");
}
