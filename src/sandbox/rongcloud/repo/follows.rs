//! "Special follow" between members of a hosted group.

use rusqlite::params;

use super::{Followed, Repo, RepoError, RepoResult};
use crate::protocol::rongcloud::limits;

impl Repo<'_> {
    /// `user_id` follows `targets`; all must be members, and a member follows at most
    /// [`limits::FOLLOWS_MAX`] members of a group.
    pub fn follow(&self, group_id: &str, user_id: &str, targets: &[String]) -> RepoResult<()> {
        self.hosted_group(group_id)?;
        self.require_member(group_id, user_id)?;
        for t in targets {
            self.require_member(group_id, t)?;
        }
        let mut st = self.conn.prepare_cached(
            "INSERT OR IGNORE INTO follows(group_id, user_id, follow_user_id, time) VALUES(?1, ?2, ?3, ?4)",
        )?;
        for t in targets {
            st.execute(params![group_id, user_id, t, self.now_ms])?;
        }
        let count: i64 = self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM follows WHERE group_id = ?1 AND user_id = ?2")?
            .query_row([group_id, user_id], |r| r.get(0))?;
        if count > limits::FOLLOWS_MAX as i64 {
            return Err(RepoError::TooManyFollows { count });
        }
        Ok(())
    }

    /// `user_id` (a member) stops following `targets`.
    pub fn unfollow(&self, group_id: &str, user_id: &str, targets: &[String]) -> RepoResult<()> {
        self.hosted_group(group_id)?;
        self.require_member(group_id, user_id)?;
        let mut st = self
            .conn
            .prepare_cached("DELETE FROM follows WHERE group_id = ?1 AND user_id = ?2 AND follow_user_id = ?3")?;
        for t in targets {
            st.execute([group_id, user_id, t.as_str()])?;
        }
        Ok(())
    }

    /// Whom `user_id` follows in a hosted group, oldest first.
    pub fn followed(&self, group_id: &str, user_id: &str) -> RepoResult<Vec<Followed>> {
        self.hosted_group(group_id)?;
        let followed = self
            .conn
            .prepare_cached(
                "SELECT follow_user_id, time FROM follows WHERE group_id = ?1 AND user_id = ?2 ORDER BY time, follow_user_id",
            )?
            .query_map([group_id, user_id], |r| Ok(Followed { user_id: r.get(0)?, time: r.get(1)? }))?
            .collect::<Result<_, _>>()?;
        Ok(followed)
    }
}
