//! Groups: lookup, hosted create/import/update/transfer, and removal.

use rusqlite::{OptionalExtension, params};

use super::{Cleanup, Group, Profile, ROLE_MEMBER, ROLE_OWNER, Repo, RepoError, RepoResult};

impl Repo<'_> {
    pub fn group(&self, group_id: &str) -> RepoResult<Option<Group>> {
        let mut st = self.conn.prepare_cached(
            "SELECT group_id, name, hosted, IFNULL(owner,''), profile, ext, permissions, create_time, \
             member_count FROM groups WHERE group_id = ?1",
        )?;
        let group = st
            .query_row([group_id], |r| {
                Ok(Group {
                    group_id: r.get(0)?,
                    name: r.get(1)?,
                    hosted: r.get::<_, i64>(2)? != 0,
                    owner: r.get(3)?,
                    profile: r.get(4)?,
                    ext: r.get(5)?,
                    permissions: r.get(6)?,
                    create_time: r.get(7)?,
                    member_count: r.get(8)?,
                })
            })
            .optional()?;
        Ok(group)
    }

    /// A hosted group, else [`RepoError::NotFound`] or [`RepoError::NotHosted`].
    pub fn hosted_group(&self, group_id: &str) -> RepoResult<Group> {
        match self.group(group_id)? {
            Some(g) if g.hosted => Ok(g),
            Some(_) => Err(RepoError::NotHosted { group: group_id.to_owned() }),
            None => Err(RepoError::NotFound { group: group_id.to_owned() }),
        }
    }

    /// A new hosted group: `owner` joins as owner, `invitees` (without the owner) as members.
    pub fn create_hosted(
        &self,
        group_id: &str,
        name: &str,
        owner: &str,
        profile: &Profile,
        invitees: &[String],
        max_members: usize,
    ) -> RepoResult<()> {
        if self.group(group_id)?.is_some() {
            return Err(RepoError::Exists);
        }
        let would_have = 1 + invitees.len();
        if would_have > max_members {
            return Err(RepoError::GroupFull { group: group_id.to_owned(), would_have, limit: max_members });
        }
        self.insert_hosted(group_id, name, owner, profile, self.now_ms)?;
        self.add_member(group_id, owner, ROLE_OWNER)?;
        for u in invitees {
            self.add_member(group_id, u, ROLE_MEMBER)?;
        }
        Ok(())
    }

    pub(super) fn insert_hosted(
        &self,
        group_id: &str,
        name: &str,
        owner: &str,
        profile: &Profile,
        created: i64,
    ) -> RepoResult<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO groups(group_id, name, hosted, owner, creator, profile, ext, permissions, create_time) \
                 VALUES(?1, ?2, 1, ?3, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![group_id, name, owner, profile.profile, profile.ext, profile.permissions, created])?;
        Ok(())
    }

    /// Replaces the profile texts, and the name when given.
    pub fn update_profile(&self, group_id: &str, name: Option<&str>, profile: &Profile) -> RepoResult<()> {
        self.conn
            .prepare_cached(
                "UPDATE groups SET name = IFNULL(?2, name), profile = ?3, ext = ?4, permissions = ?5 WHERE group_id = ?1",
            )?
            .execute(params![group_id, name, profile.profile, profile.ext, profile.permissions])?;
        Ok(())
    }

    /// Makes a legacy group hosted: its members stay, the owner is added if missing.
    pub fn import(
        &self,
        group_id: &str,
        name: &str,
        owner: &str,
        profile: &Profile,
        max_members: usize,
    ) -> RepoResult<()> {
        match self.group(group_id)? {
            Some(g) if g.hosted => return Err(RepoError::AlreadyHosted),
            Some(_) => {}
            None => return Err(RepoError::NotFound { group: group_id.to_owned() }),
        }
        match self.role(group_id, owner)? {
            Some(_) => self.set_role(group_id, owner, ROLE_OWNER)?,
            None => {
                self.check_capacity(group_id, 1, max_members)?;
                self.add_member(group_id, owner, ROLE_OWNER)?;
            }
        }
        self.conn
            .prepare_cached(
                "UPDATE groups SET hosted = 1, name = ?2, owner = ?3, creator = ?3, profile = ?4, ext = ?5, \
                 permissions = ?6 WHERE group_id = ?1",
            )?
            .execute(params![group_id, name, owner, profile.profile, profile.ext, profile.permissions])?;
        Ok(())
    }

    /// Hands a hosted group to a member; the old owner becomes a member, or leaves with `quit`.
    pub fn transfer_owner(&self, group_id: &str, new_owner: &str, quit: Option<Cleanup>) -> RepoResult<()> {
        let g = self.hosted_group(group_id)?;
        if new_owner == g.owner {
            return Err(RepoError::AlreadyOwner);
        }
        self.require_member(group_id, new_owner)?;
        self.set_role(group_id, &g.owner, ROLE_MEMBER)?;
        self.set_role(group_id, new_owner, ROLE_OWNER)?;
        self.conn
            .prepare_cached("UPDATE groups SET owner = ?2 WHERE group_id = ?1")?
            .execute([group_id, new_owner])?;
        if let Some(cleanup) = quit {
            self.leave(group_id, &g.owner, cleanup)?;
        }
        Ok(())
    }

    pub fn dismiss_hosted(&self, group_id: &str) -> RepoResult<()> {
        self.hosted_group(group_id)?;
        self.delete_group(group_id)
    }

    /// Removes a group and what belongs to it. Member mutes, mute-all and its allowlist survive,
    /// as the reference documents for dismiss + re-create.
    pub fn delete_group(&self, group_id: &str) -> RepoResult<()> {
        for sql in [
            "DELETE FROM groups WHERE group_id = ?1",
            "DELETE FROM members WHERE group_id = ?1",
            "DELETE FROM push_remarks WHERE group_id = ?1",
            "DELETE FROM remark_names WHERE group_id = ?1",
            "DELETE FROM follows WHERE group_id = ?1",
        ] {
            self.conn.prepare_cached(sql)?.execute([group_id])?;
        }
        Ok(())
    }
}
