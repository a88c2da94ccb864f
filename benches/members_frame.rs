//! Frame time of the members tab with 100,000 members, measured headless (egui_kittest, no GPU):
//! the CPU time of one full `App::ui` pass while the table scrolls.
//!
//! Run: `cargo bench --bench members_frame`.

use std::time::{Duration, Instant};

use groupdesk::backend::rongcloud::types::MemberRole;
use groupdesk::ops::csv::MemberRow;
use groupdesk::model::table::MemberTable;

mod common;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = common::headless_console(dir.path(), Some("community"), 10_000);
    let t = Instant::now();
    while h.state().group_page().is_none_or(|g| g.detail.is_none()) || h.state().busy() || !h.state().fonts_ready() {
        h.step();
        std::thread::sleep(Duration::from_millis(5));
        assert!(t.elapsed() < Duration::from_secs(30), "the demo group did not open");
    }
    let rows: Vec<MemberRow> = (0..100_000)
        .map(|i| MemberRow {
            user_id: format!("u{}", 100_000 + i),
            nickname: format!("Member {i}"),
            role: Some(if i == 0 { MemberRole::Owner } else { MemberRole::Member }),
            join_time_ms: 1_700_000_000_000 + i as i64 * 1000,
            extra: String::new(),
            muted_until: (i % 50 == 0).then(|| "2026-11-24 10:00:00".into()),
            allowlisted: i % 200 == 0,
            custom: Default::default(),
            tencent: None,
        })
        .collect();
    {
        let g = h.state_mut().group_page_mut().unwrap();
        g.members.set_table(MemberTable::new(rows));
        g.tab = groupdesk::ui::screens::group::DetailTab::Members;
    }
    let times = common::scrolling_frame_times(&mut h, egui::pos2(900.0, 600.0), 300);
    println!(
        "members_frame: members tab with 100,000 rows, headless, per frame: median {:.2} ms, p95 {:.2} ms, max {:.2} ms (300 frames, scrolling)",
        times[150],
        times[285],
        times[299]
    );
}
