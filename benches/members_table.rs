//! The member list model with 100,000 members: building the sort orders, filtering and sorting,
//! and exporting CSV (compared with Python's `csv` module writing the same rows).
//!
//! Run: `cargo bench --bench members_table`.

use std::time::Instant;

use groupdesk::backend::rongcloud::types::MemberRole;
use groupdesk::ops::csv::{MemberRow, write_members};
use groupdesk::model::table::{MemberTable, SortKey};

fn rows(n: usize) -> Vec<MemberRow> {
    let first = ["Wei", "Li", "Mei", "Aisha", "Omar", "Sofia", "Lucas", "Yuki", "Hana", "Arjun"];
    let last = ["Zhang", "Wang", "Khan", "Rossi", "Silva", "Sato", "Kim", "Patel", "Novak", "Lee"];
    // A shuffled-looking order, as an API returns by join time.
    (0..n)
        .map(|i| {
            let k = (i * 7919) % n;
            MemberRow {
                user_id: format!("u{}", 100000 + k),
                nickname: format!("{} {} {}", first[k % 10], last[(k / 10) % 10], k % 1000),
                role: Some(if k == 0 { MemberRole::Owner } else if k < 10 { MemberRole::Admin } else { MemberRole::Member }),
                join_time_ms: 1_700_000_000_000 + (k as i64) * 1000,
                extra: if k % 97 == 0 { "verified".into() } else { String::new() },
                muted_until: (k % 50 == 0).then(|| "2026-11-24 10:00:00".into()),
                allowlisted: k % 200 == 0,
                custom: Default::default(),
                tencent: None,
            }
        })
        .collect()
}

fn best_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let data = rows(100_000);
    let t = Instant::now();
    let table = MemberTable::new(data.clone());
    println!("members_table: build (lower-cased keys + 6 sort orders) for 100,000 members: {:.1} ms (once per load)", t.elapsed().as_secs_f64() * 1000.0);
    for (label, filter) in [("no filter", ""), ("filter \"wang\" (10%)", "wang"), ("filter \"u1234\" (id prefix)", "u1234")] {
        let ms = best_ms(20, || {
            std::hint::black_box(table.view(filter, SortKey::Nickname, false));
        });
        println!("members_table: filter + sort by nickname, {label}: {ms:.2} ms");
    }
    for key in SortKey::ALL {
        let ms = best_ms(20, || {
            std::hint::black_box(table.view("", key, true));
        });
        println!("members_table: sort by {key:?} descending, 100,000 rows: {ms:.2} ms");
    }
    let mut buf = Vec::with_capacity(16 << 20);
    let ms = best_ms(5, || {
        buf.clear();
        write_members(&mut buf, table.rows(), &[], false).unwrap();
    });
    println!("members_table: CSV export of 100,000 members (7 columns, {:.1} MB): {ms:.1} ms", buf.len() as f64 / 1e6);
    let python = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/sdk-venv/bin/python");
    let python = if python.exists() { python } else { "python3".into() };
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/python_csv_export.py");
    if let Ok(out) = std::process::Command::new(python).arg(script).output() {
        if let Ok(py) = String::from_utf8_lossy(&out.stdout).trim().parse::<f64>() {
            println!("members_table: Python csv module, same rows: {py:.1} ms ({:.1}x groupdesk)", py / ms);
        }
    }
}
