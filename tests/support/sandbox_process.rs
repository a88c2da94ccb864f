//! A `groupdesk sandbox` child process on loopback, as the sandbox tests and the benchmarks
//! start it: stdout piped, stderr dropped; its base URL read from the first line ("listening on
//! URL"); the rest of stdout read in the background so the child never blocks on a full pipe.
//! (Included with `#[path]` by the test and bench crates that start one.)

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

/// The `groupdesk` binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_groupdesk")
}

/// Spawns `cmd` (a `groupdesk sandbox …` command) and waits for its first line: the child, its
/// base URL, and the lines it prints afterwards (collected as they come).
pub fn spawn(cmd: &mut Command) -> (Child, String, Arc<Mutex<Vec<String>>>) {
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("spawn groupdesk sandbox");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    out.read_line(&mut first).expect("first line");
    let base = first
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
        .to_owned();
    let lines = Arc::new(Mutex::new(Vec::new()));
    let sink = lines.clone();
    std::thread::spawn(move || {
        for l in out.lines().map_while(Result::ok) {
            sink.lock().unwrap().push(l);
        }
    });
    (child, base, lines)
}
