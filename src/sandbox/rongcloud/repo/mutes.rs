//! Member mutes ("gags", per group or in all groups under group id `""`), mute-all ("bans")
//! and the mute-all allowlist ("whitelist").

use rusqlite::params;

use super::{Mute, Repo, RepoError, RepoResult};
use crate::protocol::rongcloud::limits;

impl Repo<'_> {
    /// Mutes users in a group (`""` = all groups) until `end_ms` (`None` = permanently). At most
    /// [`limits::GLOBAL_MUTES_MAX`] users stay muted in all groups.
    pub fn mute(&self, group_id: &str, users: &[String], end_ms: Option<i64>) -> RepoResult<()> {
        let mut st = self.conn.prepare_cached(
            "INSERT OR REPLACE INTO gags(group_id, user_id, start_ms, end_ms) VALUES(?1, ?2, ?3, ?4)",
        )?;
        for u in users {
            st.execute(params![group_id, u, self.now_ms, end_ms])?;
        }
        if group_id.is_empty() {
            let count: i64 = self.conn.query_row(
                "SELECT COUNT(*) FROM gags WHERE group_id = '' AND (end_ms IS NULL OR end_ms > ?1)",
                [self.now_ms],
                |r| r.get(0),
            )?;
            if count > limits::GLOBAL_MUTES_MAX as i64 {
                return Err(RepoError::TooManyGlobalMutes { count });
            }
        }
        Ok(())
    }

    pub fn unmute(&self, group_id: &str, users: &[String]) -> RepoResult<()> {
        let mut st = self
            .conn
            .prepare_cached("DELETE FROM gags WHERE group_id = ?1 AND user_id = ?2")?;
        for u in users {
            st.execute([group_id, u.as_str()])?;
        }
        Ok(())
    }

    /// The mutes of a group (`""` = all groups) still in force, oldest first.
    pub fn mutes(&self, group_id: &str) -> RepoResult<Vec<Mute>> {
        let mut st = self.conn.prepare_cached(
            "SELECT user_id, start_ms, end_ms FROM gags WHERE group_id = ?1 \
             AND (end_ms IS NULL OR end_ms > ?2) ORDER BY start_ms, user_id",
        )?;
        let mutes = st
            .query_map(params![group_id, self.now_ms], |r| {
                Ok(Mute { user_id: r.get(0)?, start_ms: r.get(1)?, end_ms: r.get(2)? })
            })?
            .collect::<Result<_, _>>()?;
        Ok(mutes)
    }

    /// Mutes all of each group (no change where it is on already).
    pub fn ban(&self, group_ids: &[String]) -> RepoResult<()> {
        let mut st = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO bans(group_id, time) VALUES(?1, ?2)")?;
        for g in group_ids {
            st.execute(params![g, self.now_ms])?;
        }
        Ok(())
    }

    pub fn unban(&self, group_ids: &[String]) -> RepoResult<()> {
        let mut st = self.conn.prepare_cached("DELETE FROM bans WHERE group_id = ?1")?;
        for g in group_ids {
            st.execute([g])?;
        }
        Ok(())
    }

    pub fn is_banned(&self, group_id: &str) -> RepoResult<bool> {
        Ok(self.conn.prepare_cached("SELECT 1 FROM bans WHERE group_id = ?1")?.exists([group_id])?)
    }

    /// Muted-all groups by the time they were muted, `limit` from `offset`.
    pub fn banned(&self, limit: i64, offset: i64) -> RepoResult<Vec<String>> {
        let ids = self
            .conn
            .prepare_cached("SELECT group_id FROM bans ORDER BY time, group_id LIMIT ?1 OFFSET ?2")?
            .query_map([limit, offset], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Adds users to a group's mute-all allowlist.
    pub fn allow(&self, group_id: &str, users: &[String]) -> RepoResult<()> {
        let mut st = self.conn.prepare_cached(
            "INSERT OR IGNORE INTO whitelist(group_id, user_id, time) VALUES(?1, ?2, ?3)",
        )?;
        for u in users {
            st.execute(params![group_id, u, self.now_ms])?;
        }
        Ok(())
    }

    pub fn disallow(&self, group_id: &str, users: &[String]) -> RepoResult<()> {
        let mut st = self
            .conn
            .prepare_cached("DELETE FROM whitelist WHERE group_id = ?1 AND user_id = ?2")?;
        for u in users {
            st.execute([group_id, u.as_str()])?;
        }
        Ok(())
    }

    /// A group's mute-all allowlist, oldest first.
    pub fn allowlist(&self, group_id: &str) -> RepoResult<Vec<String>> {
        let ids = self
            .conn
            .prepare_cached("SELECT user_id FROM whitelist WHERE group_id = ?1 ORDER BY time, user_id")?
            .query_map([group_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }
}
