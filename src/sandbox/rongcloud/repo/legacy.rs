//! The legacy family's membership: joining creates the group, a push name, quit and sync.

use rusqlite::params;

use super::{ROLE_MEMBER, Repo, RepoError, RepoResult};

/// A group as a user's group list shows it.
#[derive(Debug, Clone)]
pub struct NamedGroup {
    pub group_id: String,
    pub name: String,
}

impl Repo<'_> {
    /// Creates a group row if missing (legacy semantics: joining or naming creates it).
    fn ensure_legacy_group(&self, group_id: &str, name: Option<&str>) -> RepoResult<()> {
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO groups(group_id, name, hosted, create_time) VALUES(?1, ?2, 0, ?3)",
            )?
            .execute(params![group_id, name.unwrap_or(""), self.now_ms])?;
        Ok(())
    }

    /// Sets the push name of a legacy group, creating the group if needed. A hosted group's
    /// name is left alone (it belongs to the hosting API).
    pub fn name_legacy_group(&self, group_id: &str, name: &str) -> RepoResult<()> {
        self.ensure_legacy_group(group_id, Some(name))?;
        self.conn
            .prepare_cached("UPDATE groups SET name = ?2 WHERE group_id = ?1 AND hosted = 0")?
            .execute([group_id, name])?;
        Ok(())
    }

    /// Adds users as regular members (creating the group, setting the push name when given);
    /// all or none, within `max_members`.
    pub fn legacy_join(
        &self,
        group_id: &str,
        users: &[String],
        name: Option<&str>,
        max_members: usize,
    ) -> RepoResult<()> {
        match name {
            Some(n) => self.name_legacy_group(group_id, n)?,
            None => self.ensure_legacy_group(group_id, None)?,
        }
        let mut new = 0;
        for u in users {
            if self.role(group_id, u)?.is_none() {
                new += 1;
            }
        }
        self.check_capacity(group_id, new, max_members)?;
        for u in users {
            self.add_member(group_id, u, ROLE_MEMBER)?;
        }
        Ok(())
    }

    /// Removes users; a hosted group's owner may not be among them.
    pub fn legacy_quit(&self, group_id: &str, users: &[String]) -> RepoResult<()> {
        let Some(g) = self.group(group_id)? else {
            return Ok(());
        };
        if g.hosted && users.contains(&g.owner) {
            return Err(RepoError::OwnerListed { owner: g.owner });
        }
        for u in users {
            self.remove_member(group_id, u)?;
        }
        Ok(())
    }

    /// Replaces the user's legacy memberships with `listed` (group id, push name; an empty name
    /// keeps the current one). Hosted memberships stay; a listed hosted group is joined.
    pub fn legacy_sync(&self, user_id: &str, listed: &[(String, String)], max_members: usize) -> RepoResult<()> {
        let current: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT m.group_id FROM members m JOIN groups g ON g.group_id = m.group_id \
                 WHERE m.user_id = ?1 AND g.hosted = 0",
            )?
            .query_map([user_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for gid in current {
            if !listed.iter().any(|(g, _)| *g == gid) {
                self.remove_member(&gid, user_id)?;
            }
        }
        let user = [user_id.to_owned()];
        for (gid, name) in listed {
            let name = (!name.is_empty()).then_some(name.as_str());
            self.legacy_join(gid, &user, name, max_members)?;
        }
        Ok(())
    }

    /// The members of a group by join time.
    pub fn member_ids(&self, group_id: &str) -> RepoResult<Vec<String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT user_id FROM members WHERE group_id = ?1 ORDER BY join_time, user_id")?;
        let ids = st.query_map([group_id], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// The groups of a user by join time, `limit` from `offset`.
    pub fn user_groups(&self, user_id: &str, limit: i64, offset: i64) -> RepoResult<Vec<NamedGroup>> {
        let mut st = self.conn.prepare_cached(
            "SELECT g.group_id, g.name FROM members m JOIN groups g ON g.group_id = m.group_id \
             WHERE m.user_id = ?1 ORDER BY m.join_time, m.group_id LIMIT ?2 OFFSET ?3",
        )?;
        let groups = st
            .query_map(params![user_id, limit, offset], |r| Ok(NamedGroup { group_id: r.get(0)?, name: r.get(1)? }))?
            .collect::<Result<_, _>>()?;
        Ok(groups)
    }
}
