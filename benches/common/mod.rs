//! What the benchmarks share: a `groupdesk sandbox` process on loopback, and large Tencent
//! groups built through the API. Included by each bench with `mod common;` (a bench uses only
//! part of it).
#![allow(dead_code)]

#[path = "../../tests/support/sandbox_process.rs"]
mod sandbox_process;

use std::path::Path;
use std::process::{Child, Command};

use groupdesk::backend::tencent::types::{ImportedMember, NewGroup};
use groupdesk::backend::tencent::{Client, ClientConfig, Credentials, Endpoint};
use groupdesk::protocol::tencent::limits;

/// A `groupdesk sandbox` child process; its base URL is read from its first line.
pub struct Sandbox {
    child: Child,
    pub url: String,
}

impl Sandbox {
    /// `groupdesk sandbox --addr 127.0.0.1:0 --data-dir DIR ARGS…` with `env` set.
    pub fn start(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut cmd = Command::new(sandbox_process::bin());
        cmd.args(["sandbox", "--addr", "127.0.0.1:0"]).args(args).arg("--data-dir").arg(dir).envs(env.iter().copied());
        let (child, url, _) = sandbox_process::spawn(&mut cmd);
        Self { child, url }
    }

    /// A Tencent client for the demo app on this sandbox; `limits_on`: the documented rates.
    pub fn tencent_client(&self, limits_on: bool) -> Client {
        let mut config = ClientConfig::new(
            Credentials::new(limits::DEMO_SDKAPPID, limits::DEFAULT_ADMIN, limits::DEMO_SECRET_KEY),
            Endpoint::custom(&self.url),
        );
        if !limits_on {
            config.rate_limit = 0;
            config.group_list_rate = 0;
        }
        Client::new(config).unwrap()
    }

    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The account of the `n`th bench member.
pub fn bench_user(n: u32) -> String {
    format!("bench{n:06}")
}

/// Imports the accounts `bench000001`…`bench{members}` (once per sandbox).
pub async fn import_accounts(c: &Client, members: u32) {
    let accounts: Vec<String> = (1..=members).map(bench_user).collect();
    for chunk in accounts.chunks(limits::ACCOUNT_IMPORT_MAX) {
        let failed = c.import_accounts(chunk).await.expect("import accounts");
        assert!(failed.is_empty(), "accounts not imported: {failed:?}");
    }
}

/// Creates `group` owned by `bench000001` and imports `bench000002`…`bench{members}` into it.
pub async fn build_group(c: &Client, mut group: NewGroup, members: u32) {
    let id = group.group_id.clone().expect("a custom group id");
    group.owner = Some(bench_user(1));
    c.create_group(&group).await.expect("create the group");
    let list: Vec<ImportedMember> = (2..=members).map(|i| ImportedMember { account: bench_user(i), role: None, join_time: None, unread: None }).collect();
    for chunk in list.chunks(limits::IMPORT_MEMBERS_MAX) {
        let results = c.import_members(&id, chunk).await.expect("import members");
        assert!(results.iter().all(|r| r.result == 1), "every member imported");
    }
}

/// What a load run measured.
pub struct Load {
    /// Answered requests per second (after a one-second warm-up).
    pub rate: f64,
    pub failures: u64,
    /// Every request's latency in microseconds, sorted.
    pub latencies_us: Vec<u64>,
}

impl Load {
    /// The `p` quantile of the latencies, in milliseconds.
    pub fn percentile_ms(&self, p: f64) -> f64 {
        self.latencies_us[((self.latencies_us.len() as f64 - 1.0) * p) as usize] as f64 / 1000.0
    }

    /// The run in one line: "17513 req/s over 10 s, 32 clients, 70/30 read/write; latency …".
    pub fn summary(&self, unit: &str, seconds: u64, clients: usize) -> String {
        format!(
            "{:.0} {unit} over {seconds} s, {clients} clients, 70/30 read/write; latency p50 {:.2} ms, p99 {:.2} ms; failed requests: {}",
            self.rate,
            self.percentile_ms(0.5),
            self.percentile_ms(0.99),
            self.failures
        )
    }
}

/// `clients` concurrent keep-alive clients, each sending `request(http, client, i)` one after
/// another for one second of warm-up and then `seconds`; an answer counts when `ok(status,
/// body)` holds.
pub fn load<R>(clients: usize, seconds: u64, request: R, ok: fn(u16, &str) -> bool) -> Load
where
    R: Fn(&reqwest::Client, usize, u64) -> reqwest::RequestBuilder + Send + Sync + 'static,
{
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::time::{Duration, Instant};

    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    runtime.block_on(async {
        let http = reqwest::Client::builder().pool_max_idle_per_host(clients).build().unwrap();
        let request = Arc::new(request);
        let stop = Arc::new(AtomicBool::new(false));
        let count = Arc::new(AtomicU64::new(0));
        let errors = Arc::new(AtomicU64::new(0));
        let mut tasks = Vec::new();
        for c in 0..clients {
            let (http, request, stop, count, errors) = (http.clone(), request.clone(), stop.clone(), count.clone(), errors.clone());
            tasks.push(tokio::spawn(async move {
                let mut lat = Vec::with_capacity(100_000);
                let mut i: u64 = 0;
                while !stop.load(Ordering::Relaxed) {
                    let t = Instant::now();
                    let answered = match request(&http, c, i).send().await {
                        Ok(resp) => {
                            let status = resp.status().as_u16();
                            resp.text().await.is_ok_and(|body| ok(status, &body))
                        }
                        Err(_) => false,
                    };
                    i += 1;
                    lat.push(t.elapsed().as_micros() as u64);
                    let counter = if answered { &count } else { &errors };
                    counter.fetch_add(1, Ordering::Relaxed);
                }
                lat
            }));
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
        let start_count = count.load(Ordering::Relaxed);
        let started = Instant::now();
        tokio::time::sleep(Duration::from_secs(seconds)).await;
        let done = count.load(Ordering::Relaxed) - start_count;
        let elapsed = started.elapsed();
        stop.store(true, Ordering::Relaxed);
        let mut latencies_us = Vec::new();
        for t in tasks {
            latencies_us.extend(t.await.unwrap());
        }
        latencies_us.sort_unstable();
        Load { rate: done as f64 / elapsed.as_secs_f64(), failures: errors.load(Ordering::Relaxed), latencies_us }
    })
}

/// `BENCH_SECONDS` and `BENCH_CLIENTS` (defaults 10 s, 32 clients).
pub fn load_settings() -> (u64, usize) {
    let seconds = std::env::var("BENCH_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let clients = std::env::var("BENCH_CLIENTS").ok().and_then(|s| s.parse().ok()).unwrap_or(32);
    (seconds, clients)
}

/// The console, headless (egui_kittest), on its built-in sandboxes in `dir`, English labels, no
/// saved settings; `open`: a group to open once listed. Missing glyphs draw boxes until the
/// background font scan is done (the builder already runs frames).
pub fn headless_console(dir: &Path, open: Option<&str>, max_steps: u64) -> egui_kittest::Harness<'static, groupdesk::ui::GroupdeskApp> {
    use groupdesk::ui::{AppOptions, GroupdeskApp};
    let options = AppOptions {
        audit: groupdesk::ops::audit::AuditLog::new(dir.join("audit.jsonl")),
        bench: None,
        open_at_start: open.map(|g| groupdesk::ui::deeplink::OpenRequest { group: g.into(), ..Default::default() }),
        connection: None,
        sandbox_dir: dir.to_path_buf(),
        secrets: std::sync::Arc::new(groupdesk::ops::connections::SecretStore::memory_only()),
        persist: false,
        native_dialogs: false,
        language: Some(groupdesk::i18n::Language::English),
        startup_problem: None,
    };
    egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(max_steps)
        .allow_missing_glyphs()
        .build_eframe(move |cc| GroupdeskApp::new(&cc.egui_ctx, None, options))
}

/// CPU time of `frames` frames of the console (ms, sorted) while the mouse wheel scrolls what
/// is under `at` up and down, as a user flicking through a table; after 30 frames to settle.
pub fn scrolling_frame_times(h: &mut egui_kittest::Harness<'static, groupdesk::ui::GroupdeskApp>, at: egui::Pos2, frames: usize) -> Vec<f64> {
    h.event(egui::Event::PointerMoved(at));
    for _ in 0..30 {
        h.step();
    }
    let mut times = Vec::with_capacity(frames);
    for i in 0..frames {
        let delta = egui::vec2(0.0, if i % 100 < 50 { -120.0 } else { 120.0 });
        h.event(egui::Event::MouseWheel { unit: egui::MouseWheelUnit::Point, delta, modifiers: Default::default(), phase: egui::TouchPhase::Move, source: egui::MouseWheelSource::Wheel });
        let t = std::time::Instant::now();
        h.step();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    times
}
