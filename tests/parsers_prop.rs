//! Property tests of the parsers that take outside input: the `--from` / paste id-list parser.
//! Arbitrary bytes never panic, and an id is never anything but bytes that were given.

use proptest::prelude::*;

use groupdesk::ops::csv::read_ids;

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any text: no panic; every id is non-empty, trimmed, and (without CSV quotes in play)
    /// a piece of the input as given.
    #[test]
    fn id_lists_never_invent_ids(text in "\\PC{0,200}") {
        if let Ok(list) = read_ids(&text) {
            for id in &list.ids {
                prop_assert!(!id.is_empty());
                prop_assert_eq!(id.trim(), id.as_str());
                if !text.contains('"') {
                    prop_assert!(text.contains(id.as_str()), "id {:?} is not in the input {:?}", id, text);
                }
            }
        }
    }

    /// One id per line, in any line ending: exactly those ids, in order.
    #[test]
    fn plain_lists_round_trip(ids in prop::collection::vec("[a-zA-Z0-9_@.-]{1,20}", 0..40), ending in prop::sample::select(vec!["\n", "\r\n", "\r"])) {
        let ids: Vec<String> = ids.into_iter().filter(|i| !["userid", "user_id", "id"].contains(&i.to_ascii_lowercase().as_str())).collect();
        let text = ids.join(ending);
        prop_assert_eq!(read_ids(&text).unwrap().ids, ids);
    }

    /// Arbitrary bytes in a file: either UTF-8 ids or an error naming the file — never a panic.
    #[test]
    fn id_files_of_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ids.txt");
        std::fs::write(&path, &bytes).unwrap();
        match groupdesk::ops::csv::read_ids_file(&path) {
            Ok(list) => prop_assert!(std::str::from_utf8(&bytes).is_ok() && list.ids.iter().all(|i| !i.is_empty())),
            Err(e) => prop_assert!(e.contains("ids.txt"), "{}", e),
        }
    }
}
