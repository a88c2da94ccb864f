//! SQLite storage, owned by one dedicated thread so that blocking database work never runs on
//! the async executor. Requests reach it as closures over a channel; each request's mutation is
//! one transaction. WAL with `synchronous=NORMAL`: a committed transaction is in the WAL before
//! the answer leaves, so killing the process (even `kill -9`) loses nothing that was answered;
//! only a power loss could drop the last transactions.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use tokio::sync::oneshot;

use super::error::{WireError, WireResult};

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT NOT NULL);
-- One row per IM group. Legacy groups (hosted = 0) carry only the push name; hosted groups
-- (the /entrust/* family) add owner, profile, permissions and extProfile.
CREATE TABLE IF NOT EXISTS groups(
    group_id    TEXT PRIMARY KEY,
    name        TEXT NOT NULL DEFAULT '',
    hosted      INTEGER NOT NULL DEFAULT 0,
    owner       TEXT,
    creator     TEXT,
    profile     TEXT NOT NULL DEFAULT '{}',
    ext         TEXT NOT NULL DEFAULT '{}',
    permissions TEXT NOT NULL DEFAULT '{}',
    create_time INTEGER NOT NULL,
    -- kept by Ctx::add_member / Ctx::remove_member, so counts never scan 3,000 rows
    member_count INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS groups_by_time ON groups(hosted, create_time, group_id);
-- role: 1 member, 2 admin, 3 owner (legacy members are 1).
CREATE TABLE IF NOT EXISTS members(
    group_id  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    role      INTEGER NOT NULL DEFAULT 1,
    nickname  TEXT NOT NULL DEFAULT '',
    extra     TEXT NOT NULL DEFAULT '',
    join_time INTEGER NOT NULL,
    PRIMARY KEY(group_id, user_id)
) WITHOUT ROWID;
-- Covering index for member pages (no lookup into the table per row).
CREATE INDEX IF NOT EXISTS members_by_time ON members(group_id, join_time, user_id, role, nickname, extra);
CREATE INDEX IF NOT EXISTS members_by_role ON members(group_id, role);
CREATE INDEX IF NOT EXISTS members_by_user ON members(user_id, join_time, group_id);
-- Member mutes; group_id '' = muted in all groups. end_ms NULL = permanent.
CREATE TABLE IF NOT EXISTS gags(
    group_id TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms   INTEGER,
    PRIMARY KEY(group_id, user_id)
) WITHOUT ROWID;
-- Mute-all ("ban"); survives dismiss.
CREATE TABLE IF NOT EXISTS bans(group_id TEXT PRIMARY KEY, time INTEGER NOT NULL) WITHOUT ROWID;
-- Mute-all allowlist; survives leave and dismiss.
CREATE TABLE IF NOT EXISTS whitelist(
    group_id TEXT NOT NULL, user_id TEXT NOT NULL, time INTEGER NOT NULL,
    PRIMARY KEY(group_id, user_id)
) WITHOUT ROWID;
-- Legacy push remark (/group/remarks/*).
CREATE TABLE IF NOT EXISTS push_remarks(
    group_id TEXT NOT NULL, user_id TEXT NOT NULL, remark TEXT NOT NULL,
    PRIMARY KEY(group_id, user_id)
) WITHOUT ROWID;
-- Hosted per-user group alias (/entrust/group/remarkname/*).
CREATE TABLE IF NOT EXISTS remark_names(
    group_id TEXT NOT NULL, user_id TEXT NOT NULL, remark_name TEXT NOT NULL,
    PRIMARY KEY(group_id, user_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS follows(
    group_id TEXT NOT NULL, user_id TEXT NOT NULL, follow_user_id TEXT NOT NULL, time INTEGER NOT NULL,
    PRIMARY KEY(group_id, user_id, follow_user_id)
) WITHOUT ROWID;
-- The developer-console registry of allowed extProfile keys, per App Key.
CREATE TABLE IF NOT EXISTS ext_keys(
    app_key TEXT NOT NULL, key TEXT NOT NULL, time INTEGER NOT NULL,
    PRIMARY KEY(app_key, key)
) WITHOUT ROWID;
"#;

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
    pub path: PathBuf,
}

pub const DB_FILE: &str = "sandbox.sqlite3";

impl Store {
    /// Opens (creating if needed) the database in `data_dir` and starts the storage thread.
    /// `init` runs once on the thread before any request, with `fresh` telling whether the
    /// database is new.
    pub fn open(
        data_dir: &Path,
        init: impl FnOnce(&mut Connection, bool) -> anyhow::Result<()> + Send + 'static,
    ) -> anyhow::Result<Opened> {
        std::fs::create_dir_all(data_dir).map_err(|e| {
            anyhow::anyhow!("cannot create data directory {}: {e}", data_dir.display())
        })?;
        let path = data_dir.join(DB_FILE);
        let (jobs, rx) = mpsc::channel::<Job>();
        let (ready_tx, ready_rx) = mpsc::channel::<anyhow::Result<bool>>();
        let db_path = path.clone();
        let thread = std::thread::Builder::new()
            .name("sandbox-store".into())
            .spawn(move || {
                let mut conn = match open_connection(&db_path).and_then(|(mut c, fresh)| {
                    init(&mut c, fresh)?;
                    Ok((c, fresh))
                }) {
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
        Ok(Opened { store: Store { jobs }, thread, fresh, path })
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

fn open_connection(path: &Path) -> anyhow::Result<(Connection, bool)> {
    let existed = path.exists();
    let conn = Connection::open(path)
        .map_err(|e| anyhow::anyhow!("cannot open database {}: {e}", path.display()))?;
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; \
         PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY;",
    )?;
    conn.execute_batch(SCHEMA)?;
    // Every handler uses cached statements; keep them all (the default cache holds 16).
    conn.set_prepared_statement_cache_capacity(256);
    let initialised: Option<String> = conn
        .query_row("SELECT v FROM meta WHERE k='initialised'", [], |r| r.get(0))
        .optional()?;
    Ok((conn, !existed || initialised.is_none()))
}

/// Recomputes every group's member count (after bulk inserts that bypass [`Ctx::add_member`]).
pub fn recount_members(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE groups SET member_count = (SELECT COUNT(*) FROM members m WHERE m.group_id = groups.group_id)",
        [],
    )?;
    Ok(())
}

/// Marks the database as initialised so a restart never seeds it again.
pub fn mark_initialised(conn: &Connection, how: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO meta(k, v) VALUES('initialised', ?1)",
        params![how],
    )?;
    Ok(())
}

/// The context a request handler runs in: one open transaction plus request facts.
pub struct Ctx<'a> {
    pub tx: &'a Transaction<'a>,
    pub app_key: &'a str,
    pub now_ms: i64,
    pub max_members: usize,
}

pub const ROLE_MEMBER: i64 = 1;
pub const ROLE_ADMIN: i64 = 2;
pub const ROLE_OWNER: i64 = 3;

/// A row of `groups`.
#[derive(Debug, Clone)]
pub struct GroupRow {
    pub group_id: String,
    pub name: String,
    pub hosted: bool,
    pub owner: String,
    pub creator: String,
    pub profile: String,
    pub ext: String,
    pub permissions: String,
    pub create_time: i64,
}

impl Ctx<'_> {
    pub fn group(&self, group_id: &str) -> WireResult<Option<GroupRow>> {
        let mut st = self.tx.prepare_cached(
            "SELECT group_id, name, hosted, IFNULL(owner,''), IFNULL(creator,''), profile, ext, \
             permissions, create_time FROM groups WHERE group_id = ?1",
        )?;
        Ok(st
            .query_row([group_id], |r| {
                Ok(GroupRow {
                    group_id: r.get(0)?,
                    name: r.get(1)?,
                    hosted: r.get::<_, i64>(2)? != 0,
                    owner: r.get(3)?,
                    creator: r.get(4)?,
                    profile: r.get(5)?,
                    ext: r.get(6)?,
                    permissions: r.get(7)?,
                    create_time: r.get(8)?,
                })
            })
            .optional()?)
    }

    /// A hosted group, or 25410 (no such group) / 25429 (legacy group not imported).
    pub fn hosted_group(&self, group_id: &str) -> WireResult<GroupRow> {
        match self.group(group_id)? {
            Some(g) if g.hosted => Ok(g),
            Some(_) => Err(WireError::bad(
                25429,
                format!("group {group_id} is a legacy group; import it into hosting first (/entrust/group/import.json)"),
            )),
            None => Err(WireError::bad(25410, format!("group {group_id} does not exist"))),
        }
    }

    pub fn member_count(&self, group_id: &str) -> WireResult<i64> {
        let mut st = self
            .tx
            .prepare_cached("SELECT member_count FROM groups WHERE group_id = ?1")?;
        Ok(st.query_row([group_id], |r| r.get(0)).optional()?.unwrap_or(0))
    }

    /// Members with `role` (0 = all), without scanning the membership.
    pub fn count_role(&self, group_id: &str, role: i64) -> WireResult<i64> {
        let mut by_role = self
            .tx
            .prepare_cached("SELECT COUNT(*) FROM members WHERE group_id = ?1 AND role = ?2")?;
        let mut count = |r: i64| -> WireResult<i64> { Ok(by_role.query_row(rusqlite::params![group_id, r], |x| x.get(0))?) };
        Ok(match role {
            0 => self.member_count(group_id)?,
            // Regular members are what is left once admins and the owner are counted.
            1 => self.member_count(group_id)? - count(2)? - count(3)?,
            r => count(r)?,
        })
    }

    fn bump_count(&self, group_id: &str, delta: i64) -> WireResult<()> {
        self.tx
            .prepare_cached("UPDATE groups SET member_count = member_count + ?2 WHERE group_id = ?1")?
            .execute(rusqlite::params![group_id, delta])?;
        Ok(())
    }

    /// The member's role, if they are a member.
    pub fn role(&self, group_id: &str, user_id: &str) -> WireResult<Option<i64>> {
        let mut st = self
            .tx
            .prepare_cached("SELECT role FROM members WHERE group_id = ?1 AND user_id = ?2")?;
        Ok(st.query_row([group_id, user_id], |r| r.get(0)).optional()?)
    }

    /// Adds a member unless already present; returns whether a row was added.
    pub fn add_member(&self, group_id: &str, user_id: &str, role: i64) -> WireResult<bool> {
        let mut st = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO members(group_id, user_id, role, join_time) VALUES(?1, ?2, ?3, ?4)",
        )?;
        let added = st.execute(params![group_id, user_id, role, self.now_ms])? > 0;
        if added {
            self.bump_count(group_id, 1)?;
        }
        Ok(added)
    }

    pub fn remove_member(&self, group_id: &str, user_id: &str) -> WireResult<bool> {
        let mut st = self
            .tx
            .prepare_cached("DELETE FROM members WHERE group_id = ?1 AND user_id = ?2")?;
        let removed = st.execute([group_id, user_id])? > 0;
        if removed {
            self.bump_count(group_id, -1)?;
        }
        // What belongs to the membership itself goes with it.
        self.tx
            .prepare_cached("DELETE FROM remark_names WHERE group_id = ?1 AND user_id = ?2")?
            .execute([group_id, user_id])?;
        Ok(removed)
    }

    /// Fails with `code` when adding `adding` members would pass the member limit.
    pub fn check_capacity(&self, group_id: &str, adding: usize, code: u32) -> WireResult<()> {
        if adding == 0 {
            return Ok(());
        }
        let now = self.member_count(group_id)? as usize;
        if now + adding > self.max_members {
            return Err(WireError::bad(
                code,
                format!(
                    "group {group_id} would have {} members; the limit is {} per group",
                    now + adding,
                    self.max_members
                ),
            ));
        }
        Ok(())
    }

    /// Creates a group row if missing (legacy semantics: joining or naming creates it).
    pub fn ensure_legacy_group(&self, group_id: &str, name: Option<&str>) -> WireResult<()> {
        self.tx
            .prepare_cached(
                "INSERT OR IGNORE INTO groups(group_id, name, hosted, create_time) VALUES(?1, ?2, 0, ?3)",
            )?
            .execute(params![group_id, name.unwrap_or(""), self.now_ms])?;
        Ok(())
    }

    /// Removes a group and what belongs to it. Member mutes, mute-all and its allowlist survive,
    /// as the reference documents for dismiss + re-create.
    pub fn delete_group(&self, group_id: &str) -> WireResult<()> {
        for sql in [
            "DELETE FROM groups WHERE group_id = ?1",
            "DELETE FROM members WHERE group_id = ?1",
            "DELETE FROM push_remarks WHERE group_id = ?1",
            "DELETE FROM remark_names WHERE group_id = ?1",
            "DELETE FROM follows WHERE group_id = ?1",
        ] {
            self.tx.prepare_cached(sql)?.execute([group_id])?;
        }
        Ok(())
    }

    pub fn ext_key_allowed(&self, key: &str) -> WireResult<bool> {
        let mut st = self
            .tx
            .prepare_cached("SELECT 1 FROM ext_keys WHERE app_key = ?1 AND key = ?2")?;
        Ok(st.exists([self.app_key, key])?)
    }
}

/// Opaque page tokens: URL-safe base64 of `sort-key|id`. A token that does not decode is 25432.
pub mod page_token {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    use crate::sandbox::error::{WireError, WireResult};

    pub fn encode(time: i64, id: &str) -> String {
        URL_SAFE_NO_PAD.encode(format!("{time}|{id}"))
    }

    pub fn decode(token: &str) -> WireResult<(i64, String)> {
        let bad = || WireError::bad(25432, format!("pageToken {token:?} cannot be parsed"));
        let raw = URL_SAFE_NO_PAD.decode(token).map_err(|_| bad())?;
        let text = String::from_utf8(raw).map_err(|_| bad())?;
        let (t, id) = text.split_once('|').ok_or_else(bad)?;
        Ok((t.parse().map_err(|_| bad())?, id.to_owned()))
    }
}
