//! Groups: insert, read, list, patch, owner change, destroy.

use rusqlite::{OptionalExtension, Row, params};

use super::{Group, Repo, RepoError, RepoResult};
use crate::protocol::tencent::wire::GroupType;

const COLUMNS: &str = "seq, group_id, type, name, introduction, notification, face_url, owner, create_time, \
    info_seq, last_info_time, last_msg_time, next_msg_seq, member_num, max_member_num, apply_join, invite_join, \
    mute_all, support_topic";

fn group_row(r: &Row) -> rusqlite::Result<Group> {
    let kind: String = r.get(2)?;
    Ok(Group {
        seq: r.get(0)?,
        group_id: r.get(1)?,
        kind: GroupType::parse(&kind).unwrap_or(GroupType::Public),
        name: r.get(3)?,
        introduction: r.get(4)?,
        notification: r.get(5)?,
        face_url: r.get(6)?,
        owner: r.get(7)?,
        create_time: r.get(8)?,
        info_seq: r.get(9)?,
        last_info_time: r.get(10)?,
        last_msg_time: r.get(11)?,
        next_msg_seq: r.get(12)?,
        member_num: r.get(13)?,
        max_member_num: r.get(14)?,
        apply_join: r.get(15)?,
        invite_join: r.get(16)?,
        mute_all: r.get(17)?,
        support_topic: r.get(18)?,
    })
}

/// Profile changes; `None` leaves a field as it is.
#[derive(Debug, Default, Clone)]
pub struct GroupPatch {
    pub name: Option<String>,
    pub introduction: Option<String>,
    pub notification: Option<String>,
    pub face_url: Option<String>,
    pub max_member_num: Option<i64>,
    pub apply_join: Option<String>,
    pub invite_join: Option<String>,
    pub mute_all: Option<bool>,
}

impl Repo<'_> {
    /// The group, if it exists.
    pub fn group_opt(&self, group_id: &str) -> RepoResult<Option<Group>> {
        let sql = format!("SELECT {COLUMNS} FROM tc_groups WHERE group_id = ?1");
        Ok(self.conn.prepare_cached(&sql)?.query_row([group_id], group_row).optional()?)
    }

    /// The group, else [`RepoError::GroupNotFound`] (telling a destroyed one apart).
    pub fn group(&self, group_id: &str) -> RepoResult<Group> {
        match self.group_opt(group_id)? {
            Some(g) => Ok(g),
            None => {
                let destroyed = self
                    .conn
                    .prepare_cached("SELECT 1 FROM tc_destroyed WHERE group_id = ?1")?
                    .exists([group_id])?;
                Err(RepoError::GroupNotFound { group: group_id.to_owned(), destroyed })
            }
        }
    }

    /// Stores a new group (without members); [`RepoError::GroupExists`] when the id is taken.
    pub fn insert_group(&self, g: &Group) -> RepoResult<()> {
        if self.group_opt(&g.group_id)?.is_some() {
            return Err(RepoError::GroupExists { group: g.group_id.clone() });
        }
        self.conn
            .prepare_cached(
                "INSERT INTO tc_groups(group_id, type, name, introduction, notification, face_url, owner, create_time, \
                 info_seq, last_info_time, last_msg_time, next_msg_seq, member_num, max_member_num, apply_join, \
                 invite_join, mute_all, support_topic) \
                 VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,0,?13,?14,?15,?16,?17)",
            )?
            .execute(params![
                g.group_id, g.kind.wire(), g.name, g.introduction, g.notification, g.face_url, g.owner,
                g.create_time, g.info_seq, g.last_info_time, g.last_msg_time, g.next_msg_seq, g.max_member_num,
                g.apply_join, g.invite_join, g.mute_all, g.support_topic
            ])?;
        self.conn.prepare_cached("DELETE FROM tc_destroyed WHERE group_id = ?1")?.execute([&g.group_id])?;
        Ok(())
    }

    /// Whether a group id is taken.
    pub fn group_exists(&self, group_id: &str) -> RepoResult<bool> {
        Ok(self.conn.prepare_cached("SELECT 1 FROM tc_groups WHERE group_id = ?1")?.exists([group_id])?)
    }

    /// One page of the app's group ids (of `kind`, or all), after the sequence `after`:
    /// `(total of that kind, [(seq, id)])`, at most `limit + 1` rows so the caller sees whether
    /// more follow.
    pub fn group_ids(&self, kind: Option<&str>, after: i64, limit: i64) -> RepoResult<(i64, Vec<(i64, String)>)> {
        let total: i64 = self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM tc_groups WHERE (?1 IS NULL OR type = ?1)")?
            .query_row([kind], |r| r.get(0))?;
        let mut st = self.conn.prepare_cached(
            "SELECT seq, group_id FROM tc_groups WHERE (?1 IS NULL OR type = ?1) AND seq > ?2 ORDER BY seq LIMIT ?3",
        )?;
        let rows = st
            .query_map(params![kind, after, limit + 1], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok((total, rows))
    }

    /// How many groups the app has (of `kind`, or all): the edition quotas.
    pub fn count_groups(&self, kind: Option<&str>) -> RepoResult<usize> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM tc_groups WHERE (?1 IS NULL OR type = ?1)")?
            .query_row([kind], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Applies a profile patch; the InfoSeq grows and LastInfoTime is now when `changed`.
    pub fn patch_group(&self, group_id: &str, p: &GroupPatch) -> RepoResult<()> {
        self.conn
            .prepare_cached(
                "UPDATE tc_groups SET name = COALESCE(?2, name), introduction = COALESCE(?3, introduction), \
                 notification = COALESCE(?4, notification), face_url = COALESCE(?5, face_url), \
                 max_member_num = COALESCE(?6, max_member_num), apply_join = COALESCE(?7, apply_join), \
                 invite_join = COALESCE(?8, invite_join), mute_all = COALESCE(?9, mute_all) WHERE group_id = ?1",
            )?
            .execute(params![
                group_id, p.name, p.introduction, p.notification, p.face_url, p.max_member_num, p.apply_join,
                p.invite_join, p.mute_all
            ])?;
        Ok(())
    }

    /// A profile change happened: InfoSeq + 1, LastInfoTime = now.
    pub fn touch_info(&self, group_id: &str) -> RepoResult<()> {
        self.conn
            .prepare_cached("UPDATE tc_groups SET info_seq = info_seq + 1, last_info_time = ?2 WHERE group_id = ?1")?
            .execute(params![group_id, self.now])?;
        Ok(())
    }

    /// Sets the owner column (roles are the caller's business).
    pub fn set_owner(&self, group_id: &str, owner: &str) -> RepoResult<()> {
        self.conn
            .prepare_cached("UPDATE tc_groups SET owner = ?2 WHERE group_id = ?1")?
            .execute(params![group_id, owner])?;
        Ok(())
    }

    /// Destroys a group with its members, mutes, custom values, topics, permission groups and
    /// bans; the id is remembered as destroyed.
    pub fn destroy_group(&self, group_id: &str) -> RepoResult<()> {
        for sql in [
            "DELETE FROM tc_groups WHERE group_id = ?1",
            "DELETE FROM tc_members WHERE group_id = ?1",
            "DELETE FROM tc_mutes WHERE group_id = ?1",
            "DELETE FROM tc_group_data WHERE group_id = ?1",
            "DELETE FROM tc_member_data WHERE group_id = ?1",
            "INSERT OR IGNORE INTO tc_destroyed(group_id) VALUES(?1)",
        ] {
            self.conn.prepare_cached(sql)?.execute([group_id])?;
        }
        self.drop_group_extras(group_id)
    }
}
