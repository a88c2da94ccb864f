//! CSV in and out: user-id lists for bulk commands, member exports, outcome reports. UTF-8,
//! optional BOM for Excel, and every cell that a spreadsheet would read as a formula
//! (`=`, `+`, `-`, `@`, tab, carriage return at the start) neutralised with a leading `'`.

use std::io::Write;
use std::path::Path;

use crate::model::bulk::BulkReport;
pub use crate::model::Member as MemberRow;

/// Makes a cell safe against formula injection.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// Where the ids come from in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdList {
    pub ids: Vec<String>,
    /// The CSV column the ids were taken from, if the input was a CSV with a header.
    pub column: Option<String>,
}

/// Header names taken as the user id column (compared case-insensitively).
const ID_HEADERS: [&str; 4] = ["userid", "user_id", "id", "user id"];

mod records;

fn is_id_header(cell: &str) -> bool {
    ID_HEADERS.contains(&cell.trim().to_ascii_lowercase().as_str())
}

/// The records of an id list, BOM dropped; blank lines are kept (callers skip them).
fn parse(text: &str) -> Result<Vec<records::Record>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    records::records(text, records::guess_delimiter(text))
}

/// Reads user ids: a CSV with a `userId` column (any case; also `user_id`, `id`), or one id
/// per line (a one-column CSV, with or without that header). Quotes are CSV quotes, never part
/// of an id; blank lines are ignored; a BOM is stripped; CR, LF and CRLF all end a line.
///
/// Nothing is guessed: an id is exactly the field as written (unquoted), never trimmed, joined
/// or split. A line with more fields in a one-column list, text after a closing quote, a quote
/// never closed, an id with spaces around it and a row without the id column are errors naming
/// the line — a list is sent whole or not at all.
pub fn read_ids(text: &str) -> Result<IdList, String> {
    read_ids_column(text, None)
}

/// The header of a CSV input (None for plain one-id-per-line text).
pub fn csv_headers(text: &str) -> Option<Vec<String>> {
    let recs = parse(text).ok()?;
    let first = recs.into_iter().find(|r| !r.is_blank())?.fields;
    (first.len() > 1 || first.iter().any(|c| is_id_header(c))).then_some(first)
}

/// Ids from a chosen CSV column (by index), or the detected one when `column` is `None`.
pub fn read_ids_column(text: &str, column: Option<usize>) -> Result<IdList, String> {
    let mut recs = parse(text)?.into_iter().filter(|r| !r.is_blank());
    let Some(first) = recs.next() else {
        return Ok(IdList { ids: Vec::new(), column: None });
    };
    let header = first.fields.len() > 1 || first.fields.iter().any(|c| is_id_header(c));
    let width = first.fields.len();
    let col = match column {
        Some(c) if c < width => c,
        Some(c) => return Err(format!("the CSV has no column {}", c + 1)),
        None if !header => 0,
        None => first.fields.iter().position(|c| is_id_header(c)).ok_or_else(|| {
            format!("no userId column in the CSV header (found: {})", first.fields.join(", "))
        })?,
    };
    let mut ids = Vec::new();
    let mut take = |rec: &records::Record| -> Result<(), String> {
        if width == 1 && rec.fields.len() > 1 {
            return Err(format!(
                "line {}: {} fields in a one-column id list (one id per line; quote an id that contains the delimiter)",
                rec.line,
                rec.fields.len()
            ));
        }
        let Some(v) = rec.fields.get(col) else {
            return Err(format!("line {}: no column {} (the row has {} fields)", rec.line, col + 1, rec.fields.len()));
        };
        if v.trim() != v {
            return Err(format!("line {}: the id {:?} has spaces around it (user ids cannot)", rec.line, v));
        }
        if !v.is_empty() {
            ids.push(v.clone());
        }
        Ok(())
    };
    if !header {
        take(&first)?;
    }
    for rec in recs {
        take(&rec)?;
    }
    Ok(IdList { ids, column: header.then(|| first.fields[col].clone()) })
}

/// A dry run of an id list against the group: what would be sent and what would not.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    pub valid: Vec<String>,
    pub duplicates: Vec<String>,
    pub invalid: Vec<(String, String)>,
    pub non_members: Vec<String>,
}

pub fn preview_ids(ids: &[String], is_member: impl Fn(&str) -> bool) -> ImportPreview {
    preview_ids_for(crate::model::Service::RongCloud, ids, is_member)
}

/// [`preview_ids`] with the user id rules of `service` (Tencent accounts: at most 32 bytes).
pub fn preview_ids_for(service: crate::model::Service, ids: &[String], is_member: impl Fn(&str) -> bool) -> ImportPreview {
    let mut p = ImportPreview::default();
    let mut seen = std::collections::HashSet::new();
    for id in ids {
        let checked = match service {
            crate::model::Service::RongCloud => crate::backend::rongcloud::check::user_id("", "userId", id),
            crate::model::Service::Tencent => crate::backend::tencent::check::account("", "userId", id),
        };
        if let Err(e) = checked {
            p.invalid.push((id.clone(), e.message));
        } else if !seen.insert(id.clone()) {
            p.duplicates.push(id.clone());
        } else {
            if !is_member(id) {
                p.non_members.push(id.clone());
            }
            p.valid.push(id.clone());
        }
    }
    p
}

/// A text file (an id list to paste into the console), refused when it is not UTF-8.
pub fn read_text_file(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| format!("{}: not UTF-8 text (byte {} is invalid)", path.display(), e.utf8_error().valid_up_to()))
}

/// Reads an id list file; text that is not UTF-8 is refused with the offset of the first bad byte.
pub fn read_ids_file(path: &Path) -> Result<IdList, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| format!("{}: not UTF-8 text (byte {} is invalid)", path.display(), e.utf8_error().valid_up_to()))?;
    read_ids(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub const MEMBER_COLUMNS: [&str; 7] = ["userId", "nickname", "role", "joinTime", "extra", "mutedUntil", "allowlisted"];

/// Tencent Cloud Chat's member columns: the name card, message flag, last message time and the
/// member custom fields (`key=value; …`).
pub const TENCENT_MEMBER_COLUMNS: [&str; 8] = ["userId", "nameCard", "role", "joinTime", "mutedUntil", "msgFlag", "lastSendTime", "customFields"];

/// The member columns of a service's exports (the console's and the CLI's alike).
pub fn member_columns(service: crate::model::Service) -> &'static [&'static str] {
    match service {
        crate::model::Service::RongCloud => &MEMBER_COLUMNS,
        crate::model::Service::Tencent => &TENCENT_MEMBER_COLUMNS,
    }
}

/// UTC time as `YYYY-MM-DD HH:MM:SS`, empty for 0.
pub fn format_ms(ms: i64) -> String {
    if ms <= 0 {
        return String::new();
    }
    chrono::DateTime::from_timestamp_millis(ms).map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string()).unwrap_or_default()
}

/// Writes members as CSV with the chosen columns (all when empty).
pub fn write_members<W: Write>(out: W, rows: &[MemberRow], columns: &[&str], bom: bool) -> std::io::Result<()> {
    write_members_progress(out, rows, columns, bom, |_| {})
}

/// [`write_members`], reporting the rows written every 5,000 rows (for progress bars).
pub fn write_members_progress<W: Write>(out: W, rows: &[MemberRow], columns: &[&str], bom: bool, mut progress: impl FnMut(usize)) -> std::io::Result<()> {
    let cols: Vec<&str> = if columns.is_empty() { MEMBER_COLUMNS.to_vec() } else { columns.to_vec() };
    let mut out = out;
    if bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::Writer::from_writer(out);
    w.write_record(&cols)?;
    let mut cells: Vec<String> = Vec::with_capacity(cols.len());
    for (n, r) in rows.iter().enumerate() {
        if n % 5000 == 0 && n > 0 {
            progress(n);
        }
        cells.clear();
        for c in &cols {
            let v = match *c {
                "userId" => neutralise(&r.user_id).into_owned(),
                "nickname" | "nameCard" => neutralise(&r.nickname).into_owned(),
                "msgFlag" => crate::model::tencent::msg_flag_label(r.tencent.and_then(|t| t.msg_flag)).to_owned(),
                "lastSendTime" => format_ms(r.tencent.map_or(0, |t| t.last_send_ms)),
                "customFields" => neutralise(&r.custom.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")).into_owned(),
                "role" => r.role.map(|x| x.label()).unwrap_or("member").to_owned(),
                "joinTime" => format_ms(r.join_time_ms),
                "extra" => neutralise(&r.extra).into_owned(),
                "mutedUntil" => r.muted_until.clone().unwrap_or_default(),
                "allowlisted" => if r.allowlisted { "yes" } else { "no" }.to_owned(),
                _ => String::new(),
            };
            cells.push(v);
        }
        w.write_record(&cells)?;
    }
    progress(rows.len());
    w.flush()
}

/// Writes a bulk outcome report: one row per item; `explain` gives the service's meaning of a code.
pub fn write_report<W: Write>(out: W, report: &BulkReport, explain: impl Fn(u32) -> &'static str) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["userId", "outcome", "code", "message", "requestId"])?;
    for item in &report.items {
        let code = item.outcome.code().map(|c| c.to_string()).unwrap_or_default();
        let message = item.outcome.detail(&explain);
        let rid = item.outcome.request_id().unwrap_or_default();
        w.write_record([neutralise(&item.user_id).as_ref(), item.outcome.label(), &code, neutralise(&message).as_ref(), rid])?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        assert_eq!(neutralise("u1"), "u1");
    }

    #[test]
    fn chosen_column_and_dry_run() {
        let text = "name,userId,backup\nAnn,u1,x1\nBob,u2,x2\n";
        assert_eq!(csv_headers(text).unwrap(), ["name", "userId", "backup"]);
        assert_eq!(read_ids_column(text, Some(2)).unwrap().ids, ["x1", "x2"]);
        let long = "y".repeat(65);
        let ids = vec!["u1".to_owned(), "u1".to_owned(), long.clone(), "stranger".to_owned()];
        let p = preview_ids(&ids, |u| u == "u1");
        assert_eq!(p.valid, ["u1", "stranger"]);
        assert_eq!(p.duplicates, ["u1"]);
        assert_eq!(p.invalid[0].0, long);
        assert!(p.invalid[0].1.contains("at most 64 characters"));
        assert_eq!(p.non_members, ["stranger"]);
    }

    #[test]
    fn one_column_files_headers_quotes_and_line_endings() {
        assert_eq!(read_ids("userId\nu10003\n").unwrap().ids, ["u10003"], "the header is not an id");
        assert_eq!(read_ids("\"userId\"\n\"u10001\"\n").unwrap().ids, ["u10001"], "quotes are CSV quotes");
        assert!(read_ids("userId\n").unwrap().ids.is_empty(), "header only: no ids");
        assert_eq!(read_ids("u1\ru2\ru3").unwrap().ids, ["u1", "u2", "u3"], "CR-only line endings");
        assert_eq!(read_ids("u1\r\nu2").unwrap().ids, ["u1", "u2"]);
        assert_eq!(read_ids("").unwrap().ids, Vec::<String>::new());
    }

    #[test]
    fn nothing_dropped_or_invented() {
        assert!(read_ids("u10040\nu10041,u10042\n").unwrap_err().starts_with("line 2: 2 fields in a one-column"));
        assert!(read_ids("userId\nu10045, u10046\n").unwrap_err().starts_with("line 2: 2 fields"));
        assert!(read_ids("u1\n\"u10050\"x\n").unwrap_err().starts_with("line 2: text after a closing quote"));
        assert!(read_ids("name,userId\nAnn\n").unwrap_err().starts_with("line 2: no column 2"));
        assert_eq!(read_ids("\"a,b\"\n\"c\"\"d\"\n").unwrap().ids, ["a,b", "c\"d"]);
    }

    #[test]
    fn ids_from_text_and_csv() {
        assert_eq!(read_ids("u1\n\nu2\r\n").unwrap().ids, ["u1", "u2"]);
        assert!(read_ids("u1\n u2 \r\n").unwrap_err().starts_with("line 2: the id \" u2 \" has spaces"));
        let l = read_ids("\u{feff}name,UserId\nAnn,u1\n\"B, b\",u2\n").unwrap();
        assert_eq!(l.ids, ["u1", "u2"]);
        assert_eq!(l.column.as_deref(), Some("UserId"));
        assert!(read_ids("name,mail\na,b\n").unwrap_err().contains("no userId column"));
    }
}
