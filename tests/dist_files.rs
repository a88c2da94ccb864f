//! The desktop entry and the AppStream metainfo validate with the distributions' own tools
//! (`desktop-file-validate` from desktop-file-utils, `appstreamcli` from appstream; CI installs
//! both), and the entry registers the `groupdesk://` URL handler the deep links use.

use std::process::Command;

fn validate(tool: &str, package: &str, args: &[&str]) {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} could not run ({e}): install the {package} package"));
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{tool} {args:?} failed:\n{text}");
}

#[test]
fn the_desktop_entry_validates_and_handles_groupdesk_links() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/dist/groupdesk.desktop");
    validate("desktop-file-validate", "desktop-file-utils", &[path]);
    let entry = std::fs::read_to_string(path).unwrap();
    assert!(entry.lines().any(|l| l == "Exec=groupdesk %u"), "the link is passed to the binary");
    assert!(entry.lines().any(|l| l == "MimeType=x-scheme-handler/groupdesk;"), "the URL scheme is registered");
    assert!(entry.lines().any(|l| l.starts_with("Name[zh_CN]=")), "a Chinese name");
}

#[test]
fn the_metainfo_validates() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/dist/io.github.groupdesk.metainfo.xml");
    validate("appstreamcli", "appstream", &["validate", "--no-net", path]);
}
