//! Property tests of the `--from` / paste id-list parser.
//!
//! * Round trip: lists of ids made of arbitrary characters (quotes, commas, semicolons, tabs,
//!   spaces, CR and LF included) are written with the `csv` crate's writer — one column with or
//!   without a `userId` header, or three columns with comma, tab or semicolon — with CRLF, CR or
//!   LF line ends and an optional BOM. Reading must give back exactly the ids written, in order,
//!   or an error naming a line; never an altered, dropped or invented id.
//! * Arbitrary text and bytes: no panic, and every id returned is a whole field of the input
//!   (as written, or quoted with doubled quotes).

use proptest::prelude::*;

use groupdesk::ops::csv::{read_ids, read_ids_file};

const HEADERS: [&str; 4] = ["userid", "user_id", "id", "user id"];
const CASES: u32 = 3000;

/// An id: mostly ordinary characters, often with the CSV-special ones.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z0-9_@.-]{1,16}",
        3 => "[a-z0-9\",; \t\r\n]{1,10}",
        2 => "\\PC{1,8}",
        1 => "[a-z]{1,4}[\r\n\"]{1,3}[a-z]{0,4}",
    ]
}

/// A first line that reads as a header is a header (that ambiguity is the format's, not the
/// parser's): ids whose pieces spell a header name are left out of the round trip.
fn spells_a_header(id: &str) -> bool {
    id.split([',', ';', '\t', '\r', '\n', '"']).any(|p| HEADERS.contains(&p.trim().to_ascii_lowercase().as_str()))
}

#[derive(Debug, Clone, Copy)]
enum Form {
    OneColumn,
    OneColumnWithHeader,
    Columns(u8),
}

fn write(ids: &[String], form: Form, ending: csv::Terminator, bom: bool) -> String {
    let delim = if let Form::Columns(d) = form { d } else { b',' };
    let mut w = csv::WriterBuilder::new().delimiter(delim).terminator(ending).from_writer(Vec::new());
    match form {
        Form::OneColumn => {}
        Form::OneColumnWithHeader => w.write_record(["userId"]).unwrap(),
        Form::Columns(_) => w.write_record(["name", "userId", "note"]).unwrap(),
    }
    for (n, id) in ids.iter().enumerate() {
        match form {
            Form::Columns(_) => w.write_record([format!("n{n}").as_str(), id, "x"]).unwrap(),
            _ => w.write_record([id]).unwrap(),
        }
    }
    let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
    if bom { format!("\u{feff}{text}") } else { text }
}

/// `id` occurs in `text` as a whole field: as written or quoted, between field boundaries.
fn is_whole_field(text: &str, id: &str) -> bool {
    let quoted = format!("\"{}\"", id.replace('"', "\"\""));
    let before_ok = |i: usize| i == 0 || text[..i].ends_with([',', ';', '\t', '\r', '\n', '\u{feff}']);
    let after_ok = |j: usize| j == text.len() || text[j..].starts_with([',', ';', '\t', '\r', '\n']);
    [id, quoted.as_str()].iter().any(|form| text.match_indices(form).any(|(i, m)| before_ok(i) && after_ok(i + m.len())))
}

fn is_clear_error(e: &str) -> bool {
    e.starts_with("line ") || e.starts_with("no userId column")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    /// Written by a CSV writer, read back equal — or refused with an error naming the line.
    #[test]
    fn written_lists_read_back_equal_or_refused(
        ids in prop::collection::vec(id(), 1..25),
        form in prop::sample::select(vec![Form::OneColumn, Form::OneColumnWithHeader, Form::Columns(b','), Form::Columns(b'\t'), Form::Columns(b';')]),
        ending in prop::sample::select(vec![csv::Terminator::CRLF, csv::Terminator::Any(b'\r'), csv::Terminator::Any(b'\n')]),
        bom in any::<bool>(),
    ) {
        let ids: Vec<String> = ids.into_iter().filter(|i| !spells_a_header(i)).collect();
        prop_assume!(!ids.is_empty());
        let text = write(&ids, form, ending, bom);
        match read_ids(&text) {
            Ok(list) => prop_assert_eq!(&list.ids, &ids, "text {:?}", text),
            Err(e) => {
                prop_assert!(is_clear_error(&e), "unclear error {:?} for {:?}", e, text);
                // Refusals are for ids a list cannot carry as they are: padded with spaces, or
                // (unquoted in a one-column list) holding another delimiter on the first line.
                let padded = ids.iter().any(|i| i.trim() != i);
                let first_has_delim = matches!(form, Form::OneColumn) && ids[0].contains([';', '\t']);
                prop_assert!(padded || first_has_delim, "{:?} refused: {:?}", text, e);
            }
        }
    }

    /// Plain ordinary ids, one per line in any line ending: always read back equal.
    #[test]
    fn plain_lists_round_trip(ids in prop::collection::vec("[a-zA-Z0-9_@.-]{1,20}", 1..40), ending in prop::sample::select(vec!["\n", "\r\n", "\r"]), trailing in any::<bool>()) {
        let ids: Vec<String> = ids.into_iter().filter(|i| !spells_a_header(i)).collect();
        let mut text = ids.join(ending);
        if trailing {
            text.push_str(ending);
        }
        prop_assert_eq!(read_ids(&text).unwrap().ids, ids);
    }

    /// Any text (CSV-heavy or arbitrary): no panic; every id is non-empty, unpadded and a whole
    /// field of the input; errors name a line.
    #[test]
    fn ids_are_whole_fields_of_the_input(text in prop_oneof!["[a-z\",;\t \r\n]{0,60}", "\\PC{0,120}", "[a-z\"]{0,6}[,\r\n]{0,2}[a-z\" ]{0,6}[\r\n]{0,2}"]) {
        match read_ids(&text) {
            Ok(list) => {
                for id in &list.ids {
                    prop_assert!(!id.is_empty() && id.trim() == id);
                    prop_assert!(is_whole_field(&text, id), "id {:?} is not a whole field of {:?}", id, text);
                }
            }
            Err(e) => prop_assert!(is_clear_error(&e), "{:?} for {:?}", e, text),
        }
    }

    /// Arbitrary bytes in a file: either ids that are whole fields of the text, or an error
    /// naming the file — never a panic.
    #[test]
    fn id_files_of_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ids.txt");
        std::fs::write(&path, &bytes).unwrap();
        match read_ids_file(&path) {
            Ok(list) => {
                let text = std::str::from_utf8(&bytes);
                prop_assert!(text.is_ok());
                for id in &list.ids {
                    prop_assert!(is_whole_field(text.unwrap(), id), "{:?}", id);
                }
            }
            Err(e) => prop_assert!(e.contains("ids.txt"), "{}", e),
        }
    }
}

/// The examples the audit found, as fixed cases.
#[test]
fn audit_examples() {
    assert!(read_ids("u10040\nu10041,u10042").unwrap_err().starts_with("line 2:"));
    assert!(read_ids("userId\nu10045, u10046").unwrap_err().starts_with("line 2:"));
    assert!(read_ids("u1\n\"u10050\"x").unwrap_err().starts_with("line 2:"));
    assert_eq!(read_ids("\"u1\r\nx\"\r\n\"a\"\"b\"").unwrap().ids, ["u1\r\nx", "a\"b"], "quoted line ends and quotes kept as written");
}
