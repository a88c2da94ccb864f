//! Bans (`ban_group_member`): kept apart from membership, like mutes; a ban runs while
//! `until` > now and blocks joining the group until then.

use std::collections::HashSet;

use rusqlite::params;

use super::{Repo, RepoResult};

impl Repo<'_> {
    /// Bans `user_id` from the group until `until` (unix seconds), replacing an earlier ban.
    pub fn ban(&self, group_id: &str, user_id: &str, until: i64, description: &str) -> RepoResult<()> {
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO tc_bans(group_id, user_id, until, description, banned_at) VALUES(?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![group_id, user_id, until, description, self.now])?;
        Ok(())
    }

    pub fn unban(&self, group_id: &str, user_id: &str) -> RepoResult<()> {
        self.conn.prepare_cached("DELETE FROM tc_bans WHERE group_id = ?1 AND user_id = ?2")?.execute([group_id, user_id])?;
        Ok(())
    }

    /// The listed accounts whose ban of the group runs now.
    pub fn banned_among(&self, group_id: &str, users: &[&str]) -> RepoResult<HashSet<String>> {
        let mut st = self.conn.prepare_cached("SELECT 1 FROM tc_bans WHERE group_id = ?1 AND user_id = ?2 AND until > ?3")?;
        let mut out = HashSet::new();
        for u in users {
            if st.exists(params![group_id, u, self.now])? {
                out.insert((*u).to_owned());
            }
        }
        Ok(out)
    }

    /// A page of the running bans, ordered by account: `(total, [(account, until)])`.
    pub fn bans_page(&self, group_id: &str, offset: i64, limit: i64) -> RepoResult<(i64, Vec<(String, i64)>)> {
        let total: i64 = self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM tc_bans WHERE group_id = ?1 AND until > ?2")?
            .query_row(params![group_id, self.now], |r| r.get(0))?;
        let mut st = self.conn.prepare_cached(
            "SELECT user_id, until FROM tc_bans WHERE group_id = ?1 AND until > ?2 ORDER BY user_id LIMIT ?3 OFFSET ?4",
        )?;
        let rows = st.query_map(params![group_id, self.now, limit, offset], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok((total, rows.collect::<Result<_, _>>()?))
    }
}
