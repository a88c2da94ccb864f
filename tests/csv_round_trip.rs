//! Member CSV exports survive a round trip through a CSV reader with commas, quotes, new lines,
//! Unicode and formula-like values — the latter neutralised.

use groupdesk::backend::rongcloud::types::MemberRole;
use groupdesk::ops::csv::{MemberRow, write_members};

#[test]
fn tricky_cells_round_trip_and_formulas_are_neutralised() {
    let rows = vec![
        MemberRow { user_id: "u1".into(), nickname: "Smith, Anna".into(), role: Some(MemberRole::Owner), join_time_ms: 1_700_000_000_000, extra: "say \"hi\"".into(), muted_until: None, allowlisted: true, custom: Default::default(), tencent: None },
        MemberRow { user_id: "u2".into(), nickname: "line one\nline two".into(), role: Some(MemberRole::Admin), join_time_ms: 0, extra: "测试 — ünïcode 👍".into(), muted_until: Some("2026-11-24 10:00:00".into()), allowlisted: false, custom: Default::default(), tencent: None },
        MemberRow { user_id: "=cmd".into(), nickname: "+SUM(A1:A9)".into(), role: Some(MemberRole::Member), join_time_ms: 0, extra: "@import".into(), muted_until: None, allowlisted: false, custom: Default::default(), tencent: None },
        MemberRow { user_id: "u4".into(), nickname: "-1".into(), role: None, join_time_ms: 0, extra: "\tx".into(), muted_until: None, allowlisted: false, custom: Default::default(), tencent: None },
    ];
    for bom in [false, true] {
        let mut out = Vec::new();
        write_members(&mut out, &rows, &[], bom).unwrap();
        assert_eq!(out.starts_with("\u{feff}".as_bytes()), bom);
        let text = String::from_utf8(out).unwrap();
        let body = text.trim_start_matches('\u{feff}');
        let mut r = csv::Reader::from_reader(body.as_bytes());
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), ["userId", "nickname", "role", "joinTime", "extra", "mutedUntil", "allowlisted"]);
        let recs: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(recs.len(), 4);
        assert_eq!(&recs[0][1], "Smith, Anna");
        assert_eq!(&recs[0][4], "say \"hi\"");
        assert_eq!(&recs[0][2], "owner");
        assert_eq!(&recs[0][3], "2023-11-14 22:13:20");
        assert_eq!(&recs[0][6], "yes");
        assert_eq!(&recs[1][1], "line one\nline two");
        assert_eq!(&recs[1][4], "测试 — ünïcode 👍");
        assert_eq!(&recs[1][5], "2026-11-24 10:00:00");
        assert_eq!(&recs[2][0], "'=cmd");
        assert_eq!(&recs[2][1], "'+SUM(A1:A9)");
        assert_eq!(&recs[2][4], "'@import");
        assert_eq!(&recs[3][1], "'-1");
        assert_eq!(&recs[3][4], "'\tx");
    }
}

#[test]
fn chosen_columns_only() {
    let rows = vec![MemberRow { user_id: "u1".into(), nickname: "N".into(), ..Default::default() }];
    let mut out = Vec::new();
    write_members(&mut out, &rows, &["userId", "nickname"], false).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), "userId,nickname\nu1,N\n");
}
