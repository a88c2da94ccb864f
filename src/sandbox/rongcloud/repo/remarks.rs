//! Per-user names for a group: the legacy push remark and the hosted remark name.

use rusqlite::OptionalExtension;

use super::{Repo, RepoResult};

impl Repo<'_> {
    pub fn set_push_remark(&self, group_id: &str, user_id: &str, remark: &str) -> RepoResult<()> {
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO push_remarks(group_id, user_id, remark) VALUES(?1, ?2, ?3)")?
            .execute([group_id, user_id, remark])?;
        Ok(())
    }

    pub fn push_remark(&self, group_id: &str, user_id: &str) -> RepoResult<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT remark FROM push_remarks WHERE group_id = ?1 AND user_id = ?2")?
            .query_row([group_id, user_id], |r| r.get(0))
            .optional()?)
    }

    pub fn delete_push_remark(&self, group_id: &str, user_id: &str) -> RepoResult<()> {
        self.conn
            .prepare_cached("DELETE FROM push_remarks WHERE group_id = ?1 AND user_id = ?2")?
            .execute([group_id, user_id])?;
        Ok(())
    }

    /// Sets a member's remark name for a hosted group.
    pub fn set_remark_name(&self, group_id: &str, user_id: &str, remark_name: &str) -> RepoResult<()> {
        self.hosted_group(group_id)?;
        self.require_member(group_id, user_id)?;
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO remark_names(group_id, user_id, remark_name) VALUES(?1, ?2, ?3)")?
            .execute([group_id, user_id, remark_name])?;
        Ok(())
    }

    pub fn delete_remark_name(&self, group_id: &str, user_id: &str) -> RepoResult<()> {
        self.hosted_group(group_id)?;
        self.conn
            .prepare_cached("DELETE FROM remark_names WHERE group_id = ?1 AND user_id = ?2")?
            .execute([group_id, user_id])?;
        Ok(())
    }

    /// A user's remark name for a hosted group (empty when none is set).
    pub fn remark_name(&self, group_id: &str, user_id: &str) -> RepoResult<String> {
        self.hosted_group(group_id)?;
        self.remark_name_of(group_id, user_id)
    }

    pub(super) fn remark_name_of(&self, group_id: &str, user_id: &str) -> RepoResult<String> {
        let name = self
            .conn
            .prepare_cached("SELECT remark_name FROM remark_names WHERE group_id = ?1 AND user_id = ?2")?
            .query_row([group_id, user_id], |r| r.get::<_, String>(0))
            .optional()?;
        Ok(name.unwrap_or_default())
    }
}
