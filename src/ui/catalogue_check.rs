//! Every message the console asks for by id (`tr!("id", …)` anywhere under `src/ui`) is in
//! both catalogues, so no screen ever shows a bare id in either language; and every id is
//! written out where it is used (a `tr!(variable)` would escape this check), except in the
//! few lookups whose ids come from the catalogue itself or fall back to the text they stand for.

use std::path::Path;

use crate::i18n::{Catalog, Language};

/// Files whose computed ids are checked otherwise: `display.rs` (`model_text`: an `m-` id, else
/// the English phrase) and `error_text.rs` (ids read from the catalogue). (This file is not scanned.)
const COMPUTED_IDS_ALLOWED: [&str; 2] = ["display.rs", "error_text.rs"];

struct Uses {
    /// (id, file)
    literal: Vec<(String, String)>,
    /// (file, line) of a lookup with a computed id.
    computed: Vec<(String, usize)>,
}

fn scan(dir: &Path, out: &mut Uses) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            scan(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("catalogue_check.rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            let file = path.display().to_string();
            let mut rest = text.as_str();
            while let Some(i) = rest.find("tr!(\"") {
                rest = &rest[i + 5..];
                let end = rest.find('"').unwrap();
                out.literal.push((rest[..end].to_owned(), file.clone()));
                rest = &rest[end..];
            }
            if COMPUTED_IDS_ALLOWED.iter().any(|f| path.ends_with(f)) {
                continue;
            }
            for (n, line) in text.lines().enumerate() {
                for call in ["tr!(", "i18n::text(", "i18n::text_args("] {
                    let mut rest = line;
                    while let Some(i) = rest.find(call) {
                        rest = &rest[i + call.len()..];
                        if !rest.starts_with('"') {
                            out.computed.push((file.clone(), n + 1));
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn every_message_used_is_in_both_catalogues() {
    let mut uses = Uses { literal: Vec::new(), computed: Vec::new() };
    scan(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"), &mut uses);
    assert!(uses.literal.len() > 300, "the scan found the messages ({})", uses.literal.len());
    assert!(uses.computed.is_empty(), "ids must be literal (write a match): {:?}", uses.computed);
    for lang in Language::ALL {
        let ids = Catalog::new(lang).ids();
        let missing: Vec<_> = uses.literal.iter().filter(|(id, _)| !ids.contains(id) && id != "id").collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}
