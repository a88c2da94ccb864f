//! Fetches a group's portrait image for a preview. Not a RongCloud call, but it is network I/O,
//! so it lives with the services and runs on the runtime, never on the UI thread.

use std::time::Duration;

/// Largest portrait accepted for a preview.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// Downloads the image at `url` (https://, or http:// on loopback), at most 2 MiB, within 5 s.
pub async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let base = super::rongcloud::credentials::check_base_url(url)?;
    let _ = base;
    let client = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(3))
        .timeout(Duration::from_secs(5))
        .user_agent(concat!("groupdesk/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| e.to_string())?;
    let mut resp = client.get(url).send().await.map_err(|e| format!("cannot load the portrait: {e}"))?;
    if !resp.status().is_success() {
        return Err(format!("the portrait URL answered HTTP {}", resp.status().as_u16()));
    }
    let mut out = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(|e| format!("cannot load the portrait: {e}"))? {
        out.extend_from_slice(&chunk);
        if out.len() > MAX_BYTES {
            return Err(format!("the portrait is larger than {} MiB", MAX_BYTES / 1024 / 1024));
        }
    }
    Ok(out)
}
