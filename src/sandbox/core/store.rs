//! SQLite storage, owned by one dedicated thread so that blocking database work never runs on
//! the async executor. Requests reach it as closures over a channel; each request's mutation is
//! one transaction. WAL with `synchronous=NORMAL`: a committed transaction is in the WAL before
//! the answer leaves, so killing the process (even `kill -9`) loses nothing that was answered;
//! only a power loss could drop the last transactions.
//!
//! The core keeps one table of its own, `meta`, which records that a database was initialised
//! (seeded or deliberately left empty) so that a restart never seeds it again.

use std::path::Path;
use std::sync::mpsc;

use rusqlite::{Connection, OptionalExtension, params};
use tokio::sync::oneshot;

const META_SCHEMA: &str = "CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT NOT NULL);";

type Job = Box<dyn FnOnce(&mut Connection) + Send>;

/// Handle to the storage thread. Cloning is cheap; the thread ends when the last handle drops.
#[derive(Clone)]
pub struct Store {
    jobs: mpsc::Sender<Job>,
}

/// What opening found.
pub struct Opened {
    pub store: Store,
    pub thread: std::thread::JoinHandle<()>,
    /// True when the database was created just now (so it may be seeded).
    pub fresh: bool,
}

impl Store {
    /// Opens (creating if needed) `file` in `data_dir`, applies `schema` and starts the storage
    /// thread. `init` runs once on the thread before any request, with `fresh` telling whether
    /// the database is new.
    pub fn open(
        data_dir: &Path,
        file: &str,
        schema: &'static str,
        init: impl FnOnce(&mut Connection, bool) -> anyhow::Result<()> + Send + 'static,
    ) -> anyhow::Result<Opened> {
        std::fs::create_dir_all(data_dir).map_err(|e| {
            anyhow::anyhow!("cannot create data directory {}: {e}", data_dir.display())
        })?;
        let path = data_dir.join(file);
        let (jobs, rx) = mpsc::channel::<Job>();
        let (ready_tx, ready_rx) = mpsc::channel::<anyhow::Result<bool>>();
        let thread = std::thread::Builder::new()
            .name("sandbox-store".into())
            .spawn(move || {
                let opened = open_connection(&path, schema).and_then(|(mut c, fresh)| {
                    init(&mut c, fresh)?;
                    Ok((c, fresh))
                });
                let mut conn = match opened {
                    Ok((c, fresh)) => {
                        let _ = ready_tx.send(Ok(fresh));
                        c
                    }
                    Err(e) => {
                        let _ = ready_tx.send(Err(e));
                        return;
                    }
                };
                while let Ok(job) = rx.recv() {
                    job(&mut conn);
                }
                // Fold the WAL back into the main file on a clean shutdown.
                let _ = conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);");
            })?;
        let fresh = ready_rx
            .recv()
            .map_err(|_| anyhow::anyhow!("storage thread ended during start-up"))??;
        Ok(Opened { store: Store { jobs }, thread, fresh })
    }

    /// Runs `f` on the storage thread and waits for its result without blocking the executor.
    pub async fn call<R: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> R + Send + 'static,
    ) -> R {
        let (tx, rx) = oneshot::channel();
        let job: Job = Box::new(move |conn| {
            let _ = tx.send(f(conn));
        });
        self.jobs.send(job).expect("storage thread is gone");
        rx.await.expect("storage thread dropped a job")
    }
}

fn open_connection(path: &Path, schema: &str) -> anyhow::Result<(Connection, bool)> {
    let existed = path.exists();
    let conn = Connection::open(path)
        .map_err(|e| anyhow::anyhow!("cannot open database {}: {e}", path.display()))?;
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; \
         PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY;",
    )?;
    conn.execute_batch(META_SCHEMA)?;
    conn.execute_batch(schema)?;
    // Handlers use cached statements; keep them all (the default cache holds 16).
    conn.set_prepared_statement_cache_capacity(256);
    let initialised: Option<String> = conn
        .query_row("SELECT v FROM meta WHERE k='initialised'", [], |r| r.get(0))
        .optional()?;
    Ok((conn, !existed || initialised.is_none()))
}

/// Marks the database as initialised (`how`: "demo" or "empty") so a restart never seeds it again.
pub fn mark_initialised(conn: &Connection, how: &str) -> rusqlite::Result<()> {
    conn.execute("INSERT OR REPLACE INTO meta(k, v) VALUES('initialised', ?1)", params![how])?;
    Ok(())
}
