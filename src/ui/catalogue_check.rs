//! Every message the console asks for by id (`tr!("id", …)` anywhere under `src/ui`) is in
//! both catalogues, so no screen ever shows a bare id in either language.

use std::path::Path;

use crate::i18n::{Catalog, Language};

fn used_ids(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            used_ids(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            let mut rest = text.as_str();
            while let Some(i) = rest.find("tr!(\"") {
                rest = &rest[i + 5..];
                let end = rest.find('"').unwrap();
                out.push((rest[..end].to_owned(), path.display().to_string()));
                rest = &rest[end..];
            }
        }
    }
}

#[test]
fn every_message_used_is_in_both_catalogues() {
    let mut used = Vec::new();
    used_ids(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"), &mut used);
    assert!(used.len() > 300, "the scan found the messages ({})", used.len());
    for lang in Language::ALL {
        let ids = Catalog::new(lang).ids();
        let missing: Vec<_> = used.iter().filter(|(id, _)| !ids.contains(id) && id != "id").collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}
