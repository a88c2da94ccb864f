//! Membership: the member counter, roles, capacity, hosted join/leave/kick and admins.

use rusqlite::{OptionalExtension, params};

use super::{Cleanup, Group, Member, ROLE_ADMIN, ROLE_MEMBER, ROLE_OWNER, Repo, RepoError, RepoResult};
use crate::protocol::rongcloud::limits;

impl Repo<'_> {
    pub fn member_count(&self, group_id: &str) -> RepoResult<i64> {
        let mut st = self.conn.prepare_cached("SELECT member_count FROM groups WHERE group_id = ?1")?;
        Ok(st.query_row([group_id], |r| r.get(0)).optional()?.unwrap_or(0))
    }

    /// Members with `role` (0 = all), without scanning the membership.
    pub fn count_role(&self, group_id: &str, role: i64) -> RepoResult<i64> {
        let mut by_role = self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM members WHERE group_id = ?1 AND role = ?2")?;
        let mut count = |r: i64| -> RepoResult<i64> { Ok(by_role.query_row(params![group_id, r], |x| x.get(0))?) };
        Ok(match role {
            0 => self.member_count(group_id)?,
            // Regular members are what is left once admins and the owner are counted.
            ROLE_MEMBER => self.member_count(group_id)? - count(ROLE_ADMIN)? - count(ROLE_OWNER)?,
            r => count(r)?,
        })
    }

    fn bump_count(&self, group_id: &str, delta: i64) -> RepoResult<()> {
        self.conn
            .prepare_cached("UPDATE groups SET member_count = member_count + ?2 WHERE group_id = ?1")?
            .execute(params![group_id, delta])?;
        Ok(())
    }

    /// The member's role, if they are a member.
    pub fn role(&self, group_id: &str, user_id: &str) -> RepoResult<Option<i64>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT role FROM members WHERE group_id = ?1 AND user_id = ?2")?;
        Ok(st.query_row([group_id, user_id], |r| r.get(0)).optional()?)
    }

    /// The member's role, else [`RepoError::NotMember`].
    pub fn require_member(&self, group_id: &str, user_id: &str) -> RepoResult<i64> {
        self.role(group_id, user_id)?
            .ok_or_else(|| RepoError::NotMember { user: user_id.to_owned() })
    }

    pub(super) fn set_role(&self, group_id: &str, user_id: &str, role: i64) -> RepoResult<()> {
        self.conn
            .prepare_cached("UPDATE members SET role = ?3 WHERE group_id = ?1 AND user_id = ?2")?
            .execute(params![group_id, user_id, role])?;
        Ok(())
    }

    /// Adds a member unless already present; returns whether a row was added.
    pub(super) fn add_member(&self, group_id: &str, user_id: &str, role: i64) -> RepoResult<bool> {
        let mut st = self.conn.prepare_cached(
            "INSERT OR IGNORE INTO members(group_id, user_id, role, join_time) VALUES(?1, ?2, ?3, ?4)",
        )?;
        let added = st.execute(params![group_id, user_id, role, self.now_ms])? > 0;
        if added {
            self.bump_count(group_id, 1)?;
        }
        Ok(added)
    }

    /// Removes a member with what belongs to the membership itself (the remark name).
    pub(super) fn remove_member(&self, group_id: &str, user_id: &str) -> RepoResult<()> {
        let mut st = self
            .conn
            .prepare_cached("DELETE FROM members WHERE group_id = ?1 AND user_id = ?2")?;
        if st.execute([group_id, user_id])? > 0 {
            self.bump_count(group_id, -1)?;
        }
        self.conn
            .prepare_cached("DELETE FROM remark_names WHERE group_id = ?1 AND user_id = ?2")?
            .execute([group_id, user_id])?;
        Ok(())
    }

    /// [`RepoError::GroupFull`] when adding `adding` members would pass `max_members`.
    pub(super) fn check_capacity(&self, group_id: &str, adding: usize, max_members: usize) -> RepoResult<()> {
        if adding == 0 {
            return Ok(());
        }
        let would_have = self.member_count(group_id)? as usize + adding;
        if would_have > max_members {
            return Err(RepoError::GroupFull { group: group_id.to_owned(), would_have, limit: max_members });
        }
        Ok(())
    }

    /// A member leaves a hosted group, with the `cleanup` asked for.
    pub(super) fn leave(&self, group_id: &str, user_id: &str, cleanup: Cleanup) -> RepoResult<()> {
        self.remove_member(group_id, user_id)?;
        for (wanted, sql) in [
            (cleanup.mutes, "DELETE FROM gags WHERE group_id = ?1 AND user_id = ?2"),
            (cleanup.allowlist, "DELETE FROM whitelist WHERE group_id = ?1 AND user_id = ?2"),
            (cleanup.follows, "DELETE FROM follows WHERE group_id = ?1 AND user_id = ?2"),
        ] {
            if wanted {
                self.conn.prepare_cached(sql)?.execute([group_id, user_id])?;
            }
        }
        Ok(())
    }

    /// Adds users to a hosted group, all or none; returns the group as it now is.
    pub fn join_hosted(&self, group_id: &str, users: &[String], max_members: usize) -> RepoResult<Group> {
        let mut group = self.hosted_group(group_id)?;
        let mut already = Vec::new();
        for u in users {
            if self.role(group_id, u)?.is_some() {
                already.push(u.clone());
            }
        }
        if !already.is_empty() {
            return Err(RepoError::AlreadyMembers(already));
        }
        self.check_capacity(group_id, users.len(), max_members)?;
        for u in users {
            self.add_member(group_id, u, ROLE_MEMBER)?;
        }
        group.member_count = self.member_count(group_id)?;
        Ok(group)
    }

    /// Removes users from a hosted group (non-members are ignored); never the owner.
    pub fn kick(&self, group_id: &str, users: &[String], cleanup: Cleanup) -> RepoResult<()> {
        let g = self.hosted_group(group_id)?;
        if users.contains(&g.owner) {
            return Err(RepoError::OwnerListed { owner: g.owner });
        }
        for u in users {
            self.leave(group_id, u, cleanup)?;
        }
        Ok(())
    }

    /// Removes a user from every group, unless they own one ([`RepoError::OwnsGroup`]).
    pub fn kick_everywhere(&self, user_id: &str) -> RepoResult<()> {
        let owned: Option<String> = self
            .conn
            .prepare_cached("SELECT group_id FROM members WHERE user_id = ?1 AND role = 3 LIMIT 1")?
            .query_row([user_id], |r| r.get(0))
            .optional()?;
        if let Some(group) = owned {
            return Err(RepoError::OwnsGroup { group });
        }
        let groups: Vec<String> = self
            .conn
            .prepare_cached("SELECT group_id FROM members WHERE user_id = ?1")?
            .query_map([user_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let cleanup = Cleanup { mutes: false, allowlist: false, follows: true };
        for g in groups {
            self.leave(&g, user_id, cleanup)?;
        }
        Ok(())
    }

    /// Makes members admins. Non-members are left out and returned, unless none is a member.
    pub fn add_admins(&self, group_id: &str, users: &[String]) -> RepoResult<Vec<String>> {
        let g = self.hosted_group(group_id)?;
        if users.contains(&g.owner) {
            return Err(RepoError::OwnerListed { owner: g.owner });
        }
        let mut outsiders = Vec::new();
        let mut promote = Vec::new();
        for u in users {
            match self.role(group_id, u)? {
                None => outsiders.push(u.clone()),
                Some(ROLE_MEMBER) => promote.push(u),
                Some(_) => {} // already an admin
            }
        }
        if outsiders.len() == users.len() {
            return Err(RepoError::NoMembers(outsiders));
        }
        let count = self.count_role(group_id, ROLE_ADMIN)?;
        if count + promote.len() as i64 > limits::ADMINS_MAX as i64 {
            return Err(RepoError::TooManyAdmins { count, adding: promote.len() });
        }
        for u in promote {
            self.set_role(group_id, u, ROLE_ADMIN)?;
        }
        Ok(outsiders)
    }

    /// Makes admins regular members again; all listed users must be admins.
    pub fn remove_admins(&self, group_id: &str, users: &[String]) -> RepoResult<()> {
        self.hosted_group(group_id)?;
        let mut not_admin = Vec::new();
        for u in users {
            if self.role(group_id, u)? != Some(ROLE_ADMIN) {
                not_admin.push(u.clone());
            }
        }
        if !not_admin.is_empty() {
            return Err(RepoError::NotAdmins(not_admin));
        }
        for u in users {
            self.set_role(group_id, u, ROLE_MEMBER)?;
        }
        Ok(())
    }

    /// The listed users who are members of a hosted group, in the order asked.
    pub fn members_of(&self, group_id: &str, users: &[String]) -> RepoResult<Vec<Member>> {
        self.hosted_group(group_id)?;
        let mut st = self.conn.prepare_cached(
            "SELECT user_id, nickname, role, join_time, extra FROM members WHERE group_id = ?1 AND user_id = ?2",
        )?;
        let mut members = Vec::new();
        for u in users {
            members.extend(st.query_row([group_id, u.as_str()], member_row).optional()?);
        }
        Ok(members)
    }

    /// Sets a member's nickname, and `extra` when given.
    pub fn set_member_info(
        &self,
        group_id: &str,
        user_id: &str,
        nickname: &str,
        extra: Option<&str>,
    ) -> RepoResult<()> {
        self.hosted_group(group_id)?;
        self.require_member(group_id, user_id)?;
        self.conn
            .prepare_cached(
                "UPDATE members SET nickname = ?3, extra = IFNULL(?4, extra) WHERE group_id = ?1 AND user_id = ?2",
            )?
            .execute(params![group_id, user_id, nickname, extra])?;
        Ok(())
    }
}

/// A [`Member`] from `user_id, nickname, role, join_time, extra`.
pub(super) fn member_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Member> {
    Ok(Member { user_id: r.get(0)?, nickname: r.get(1)?, role: r.get(2)?, join_time: r.get(3)?, extra: r.get(4)? })
}
