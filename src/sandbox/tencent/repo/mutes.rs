//! Member mutes, kept apart from membership so they survive leave and rejoin. A mute runs while
//! `until` > now; expired rows are ignored (and overwritten by the next mute).

use rusqlite::params;

use super::{Repo, RepoResult};

impl Repo<'_> {
    /// Mutes `user_id` in the group until `until` (unix seconds).
    pub fn mute(&self, group_id: &str, user_id: &str, until: i64) -> RepoResult<()> {
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO tc_mutes(group_id, user_id, until) VALUES(?1, ?2, ?3)")?
            .execute(params![group_id, user_id, until])?;
        Ok(())
    }

    pub fn unmute(&self, group_id: &str, user_id: &str) -> RepoResult<()> {
        self.conn
            .prepare_cached("DELETE FROM tc_mutes WHERE group_id = ?1 AND user_id = ?2")?
            .execute([group_id, user_id])?;
        Ok(())
    }

    /// The running mutes of a group: of its current members (`members_only`), or of every
    /// account (AVChatRoom, which stores no members). Ordered by account.
    pub fn muted(&self, group_id: &str, members_only: bool) -> RepoResult<Vec<(String, i64)>> {
        let sql = if members_only {
            "SELECT mu.user_id, mu.until FROM tc_mutes mu JOIN tc_members m ON m.group_id = mu.group_id AND m.user_id = mu.user_id \
             WHERE mu.group_id = ?1 AND mu.until > ?2 ORDER BY mu.user_id"
        } else {
            "SELECT user_id, until FROM tc_mutes WHERE group_id = ?1 AND until > ?2 ORDER BY user_id"
        };
        let mut st = self.conn.prepare_cached(sql)?;
        let rows = st.query_map(params![group_id, self.now], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
