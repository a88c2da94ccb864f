//! The console's cold start and memory, in a real window under Xvfb:
//! * time from launching the binary to the first frame that shows groups (built-in sandbox,
//!   fresh data directory, so it includes seeding the demo data);
//! * resident memory once the 3,000-member demo group's members tab is on screen, every row
//!   loaded, its Chinese nicknames drawn with the CJK face (a few frames after all of that).
//!
//! Run: `cargo bench --bench ui_startup` (needs Xvfb; uses a display of its own).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn launch(display: &str, hook: &str, fresh: bool, home: &std::path::Path) -> (Duration, String) {
    if fresh {
        let _ = std::fs::remove_dir_all(home.join("data"));
    }
    let t = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_groupdesk"))
        .env("DISPLAY", display)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .env("GROUPDESK_BENCH", hook)
        .env("GROUPDESK_LOG", "warn")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("launch groupdesk");
    let err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    for l in err.lines() {
        let l = l.unwrap();
        if l.starts_with("bench: ") {
            line = l;
            break;
        }
    }
    let elapsed = t.elapsed();
    let _ = child.wait();
    (elapsed, line)
}

fn main() {
    if Command::new("Xvfb").arg("-help").stderr(Stdio::null()).status().is_err() {
        println!("ui_startup: skipped (Xvfb is not installed)");
        return;
    }
    let display = ":93";
    let mut xvfb = Command::new("Xvfb").args([display, "-screen", "0", "1360x860x24", "-nolisten", "tcp"]).stderr(Stdio::null()).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(800));
    let home = tempfile::tempdir().unwrap();
    let (cold, line) = launch(display, "first-groups", true, home.path());
    println!("ui_startup: cold start (new data directory, demo data seeded) to first frame with groups: {} ms ({line})", cold.as_millis());
    let mut warm = Vec::new();
    for _ in 0..5 {
        warm.push(launch(display, "first-groups", false, home.path()).0.as_millis());
    }
    warm.sort();
    println!("ui_startup: start on existing data to first frame with groups: median {} ms of {warm:?}", warm[2]);
    let (_, line) = launch(display, "memory", false, home.path());
    let kb: f64 = line.trim_start_matches("bench: rss_kb ").trim().parse().unwrap_or(0.0);
    println!("ui_startup: resident memory with the 3,000-member members tab on screen and a CJK face installed: {:.0} MB", kb / 1024.0);
    let _ = xvfb.kill();
    let _ = xvfb.wait();
}
