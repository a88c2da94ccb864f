//! Bulk inserts with explicit times, for demo data. They bypass the member counter:
//! [`Fixtures::recount_members`] sets it once at the end.

use rusqlite::{Connection, params};

use super::{Profile, Repo, RepoResult};

pub struct Fixtures<'a> {
    repo: Repo<'a>,
}

impl<'a> Fixtures<'a> {
    /// Fixtures written at `now_ms` (where a row has no time of its own).
    pub fn new(conn: &'a Connection, now_ms: i64) -> Self {
        Self { repo: Repo::new(conn, now_ms) }
    }

    fn conn(&self) -> &Connection {
        self.repo.conn
    }

    pub fn ext_keys(&self, app_key: &str, keys: &[String]) -> RepoResult<()> {
        self.repo.add_ext_keys(app_key, keys)
    }

    pub fn hosted_group(
        &self,
        group_id: &str,
        name: &str,
        owner: &str,
        profile: &Profile,
        created: i64,
    ) -> RepoResult<()> {
        self.repo.insert_hosted(group_id, name, owner, profile, created)
    }

    pub fn legacy_group(&self, group_id: &str, name: &str, created: i64) -> RepoResult<()> {
        self.conn().execute(
            "INSERT INTO groups(group_id, name, hosted, create_time) VALUES(?1, ?2, 0, ?3)",
            params![group_id, name, created],
        )?;
        Ok(())
    }

    /// A member (ignored when already one).
    pub fn member(
        &self,
        group_id: &str,
        user_id: &str,
        role: i64,
        nickname: &str,
        extra: &str,
        joined: i64,
    ) -> RepoResult<()> {
        self.conn()
            .prepare_cached(
                "INSERT OR IGNORE INTO members(group_id, user_id, role, nickname, extra, join_time) VALUES(?1,?2,?3,?4,?5,?6)",
            )?
            .execute(params![group_id, user_id, role, nickname, extra, joined])?;
        Ok(())
    }

    /// A mute from `start_ms` to `end_ms` (`None` = permanent); group `""` = all groups.
    pub fn mute(&self, group_id: &str, user_id: &str, start_ms: i64, end_ms: Option<i64>) -> RepoResult<()> {
        self.conn().execute(
            "INSERT OR REPLACE INTO gags(group_id, user_id, start_ms, end_ms) VALUES(?1, ?2, ?3, ?4)",
            params![group_id, user_id, start_ms, end_ms],
        )?;
        Ok(())
    }

    pub fn ban(&self, group_id: &str, time: i64) -> RepoResult<()> {
        self.conn().execute("INSERT INTO bans(group_id, time) VALUES(?1, ?2)", params![group_id, time])?;
        Ok(())
    }

    pub fn allow(&self, group_id: &str, user_id: &str, time: i64) -> RepoResult<()> {
        self.conn().execute(
            "INSERT INTO whitelist(group_id, user_id, time) VALUES(?1, ?2, ?3)",
            params![group_id, user_id, time],
        )?;
        Ok(())
    }

    /// Sets every group's member count from its rows.
    pub fn recount_members(&self) -> RepoResult<()> {
        self.conn().execute(
            "UPDATE groups SET member_count = (SELECT COUNT(*) FROM members m WHERE m.group_id = groups.group_id)",
            [],
        )?;
        Ok(())
    }
}
