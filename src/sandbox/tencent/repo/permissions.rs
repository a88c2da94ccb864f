//! Community permission groups: the groups (`tc_permission_groups`, ids unique per Community),
//! their members (`tc_permission_members`, in insertion order, which is the member-list cursor)
//! and their permissions on topics (`tc_topic_permissions`). A member leaving the Community
//! leaves its permission groups (see `members.rs`); destroying a permission group drops its
//! members and topic permissions.

use rusqlite::{OptionalExtension, Row, params};

use super::{Repo, RepoError, RepoResult};

/// A stored permission group; `member_num` is counted from its members.
#[derive(Debug, Clone)]
pub struct PermissionGroup {
    pub id: String,
    pub name: String,
    pub permission: u64,
    pub custom: String,
    pub create_time: i64,
    pub member_num: i64,
}

/// Changes of `modify_permission_group`; `None` leaves a field as it is.
#[derive(Debug, Default, Clone)]
pub struct PermissionGroupPatch {
    pub name: Option<String>,
    pub permission: Option<u64>,
    pub custom: Option<String>,
}

const COLUMNS: &str = "p.pg_id, p.name, p.permission, p.custom, p.create_time, \
    (SELECT COUNT(*) FROM tc_permission_members m WHERE m.group_id = p.group_id AND m.pg_id = p.pg_id)";

fn pg_row(r: &Row) -> rusqlite::Result<PermissionGroup> {
    Ok(PermissionGroup {
        id: r.get(0)?,
        name: r.get(1)?,
        permission: r.get::<_, i64>(2)? as u64,
        custom: r.get(3)?,
        create_time: r.get(4)?,
        member_num: r.get(5)?,
    })
}

fn not_found(group_id: &str, id: &str) -> RepoError {
    RepoError::PermissionGroupNotFound { group: group_id.to_owned(), id: id.to_owned() }
}

impl Repo<'_> {
    /// Stores a permission group; [`RepoError::PermissionGroupExists`] when the id is taken in
    /// this Community.
    pub fn insert_permission_group(&self, group_id: &str, pg: &PermissionGroup) -> RepoResult<()> {
        let added = self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO tc_permission_groups(group_id, pg_id, name, permission, custom, create_time) \
                 VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![group_id, pg.id, pg.name, pg.permission as i64, pg.custom, pg.create_time])?;
        if added == 0 {
            return Err(RepoError::PermissionGroupExists { group: group_id.to_owned(), id: pg.id.clone() });
        }
        Ok(())
    }

    /// The permission group, else [`RepoError::PermissionGroupNotFound`].
    pub fn permission_group(&self, group_id: &str, id: &str) -> RepoResult<PermissionGroup> {
        let sql = format!("SELECT {COLUMNS} FROM tc_permission_groups p WHERE p.group_id = ?1 AND p.pg_id = ?2");
        self.conn.prepare_cached(&sql)?.query_row([group_id, id], pg_row).optional()?.ok_or_else(|| not_found(group_id, id))
    }

    /// Every permission group of a Community, in creation order.
    pub fn permission_groups(&self, group_id: &str) -> RepoResult<Vec<PermissionGroup>> {
        let sql = format!("SELECT {COLUMNS} FROM tc_permission_groups p WHERE p.group_id = ?1 ORDER BY p.seq");
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([group_id], pg_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn count_permission_groups(&self, group_id: &str) -> RepoResult<usize> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM tc_permission_groups WHERE group_id = ?1")?
            .query_row([group_id], |r| r.get(0))?;
        Ok(n as usize)
    }

    pub fn patch_permission_group(&self, group_id: &str, id: &str, p: &PermissionGroupPatch) -> RepoResult<()> {
        let n = self
            .conn
            .prepare_cached(
                "UPDATE tc_permission_groups SET name = COALESCE(?3, name), permission = COALESCE(?4, permission), \
                 custom = COALESCE(?5, custom) WHERE group_id = ?1 AND pg_id = ?2",
            )?
            .execute(params![group_id, id, p.name, p.permission.map(|v| v as i64), p.custom])?;
        if n == 0 { Err(not_found(group_id, id)) } else { Ok(()) }
    }

    /// Deletes a permission group with its members and topic permissions.
    pub fn delete_permission_group(&self, group_id: &str, id: &str) -> RepoResult<()> {
        let n = self
            .conn
            .prepare_cached("DELETE FROM tc_permission_groups WHERE group_id = ?1 AND pg_id = ?2")?
            .execute([group_id, id])?;
        if n == 0 {
            return Err(not_found(group_id, id));
        }
        for sql in [
            "DELETE FROM tc_permission_members WHERE group_id = ?1 AND pg_id = ?2",
            "DELETE FROM tc_topic_permissions WHERE group_id = ?1 AND pg_id = ?2",
        ] {
            self.conn.prepare_cached(sql)?.execute([group_id, id])?;
        }
        Ok(())
    }

    /// Adds a member to a permission group; whether a row was added (false: already in it).
    pub fn add_permission_member(&self, group_id: &str, id: &str, user_id: &str) -> RepoResult<bool> {
        Ok(self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO tc_permission_members(group_id, pg_id, user_id) VALUES(?1, ?2, ?3)")?
            .execute([group_id, id, user_id])?
            > 0)
    }

    /// Removes a member from a permission group; whether they were in it.
    pub fn remove_permission_member(&self, group_id: &str, id: &str, user_id: &str) -> RepoResult<bool> {
        Ok(self
            .conn
            .prepare_cached("DELETE FROM tc_permission_members WHERE group_id = ?1 AND pg_id = ?2 AND user_id = ?3")?
            .execute([group_id, id, user_id])?
            > 0)
    }

    /// A member left the group: they leave its permission groups too.
    pub(super) fn leave_permission_groups(&self, group_id: &str, user_id: &str) -> RepoResult<()> {
        self.conn
            .prepare_cached("DELETE FROM tc_permission_members WHERE group_id = ?1 AND user_id = ?2")?
            .execute([group_id, user_id])?;
        Ok(())
    }

    /// Members of a permission group after the insertion sequence `after`, at most `limit + 1`
    /// rows (so the caller sees whether more follow): `[(seq, account)]`.
    pub fn permission_members_page(&self, group_id: &str, id: &str, after: i64, limit: i64) -> RepoResult<Vec<(i64, String)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT seq, user_id FROM tc_permission_members WHERE group_id = ?1 AND pg_id = ?2 AND seq > ?3 ORDER BY seq LIMIT ?4",
        )?;
        let rows = st.query_map(params![group_id, id, after, limit + 1], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The permission of a permission group on a topic, if one is set.
    pub fn topic_permission(&self, group_id: &str, id: &str, topic_id: &str) -> RepoResult<Option<u64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT permission FROM tc_topic_permissions WHERE group_id = ?1 AND pg_id = ?2 AND topic_id = ?3")?
            .query_row([group_id, id, topic_id], |r| r.get::<_, i64>(0))
            .optional()?
            .map(|v| v as u64))
    }

    /// Sets (adds or replaces) the permission of a permission group on a topic.
    pub fn set_topic_permission(&self, group_id: &str, id: &str, topic_id: &str, permission: u64) -> RepoResult<()> {
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO tc_topic_permissions(group_id, pg_id, topic_id, permission) VALUES(?1, ?2, ?3, ?4)",
            )?
            .execute(params![group_id, id, topic_id, permission as i64])?;
        Ok(())
    }

    /// Removes the permission of a permission group on a topic; whether one was set.
    pub fn delete_topic_permission(&self, group_id: &str, id: &str, topic_id: &str) -> RepoResult<bool> {
        Ok(self
            .conn
            .prepare_cached("DELETE FROM tc_topic_permissions WHERE group_id = ?1 AND pg_id = ?2 AND topic_id = ?3")?
            .execute([group_id, id, topic_id])?
            > 0)
    }

    /// Every topic permission of a permission group, in topic creation order.
    pub fn topic_permissions(&self, group_id: &str, id: &str) -> RepoResult<Vec<(String, u64)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT tp.topic_id, tp.permission FROM tc_topic_permissions tp JOIN tc_topics t ON t.topic_id = tp.topic_id \
             WHERE tp.group_id = ?1 AND tp.pg_id = ?2 ORDER BY t.seq",
        )?;
        let rows = st.query_map([group_id, id], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
