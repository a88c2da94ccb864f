//! Membership: the member counter, pages (by Offset or by the insertion-sequence cursor), roles
//! and member profiles, and the groups of a user.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Row, params, params_from_iter};

use super::{Group, Member, Repo, RepoError, RepoResult};

/// The member columns, with the running mute (`?now` is parameter 1 of every query using it).
const COLUMNS: &str = "m.seq, m.user_id, m.role, m.join_time, m.msg_seq, m.msg_flag, m.last_send_msg_time, m.name_card, \
    CASE WHEN mu.until > ?1 THEN mu.until ELSE 0 END";
const MUTE_JOIN: &str = "LEFT JOIN tc_mutes mu ON mu.group_id = m.group_id AND mu.user_id = m.user_id";

fn member_row(r: &Row) -> rusqlite::Result<Member> {
    Ok(Member {
        seq: r.get(0)?,
        user_id: r.get(1)?,
        role: r.get(2)?,
        join_time: r.get(3)?,
        msg_seq: r.get(4)?,
        msg_flag: r.get(5)?,
        last_send_msg_time: r.get(6)?,
        name_card: r.get(7)?,
        mute_until: r.get(8)?,
    })
}

/// Which members a page holds.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    /// Only these roles (empty = all).
    pub roles: &'a [&'a str],
    /// Cursor: members after this insertion sequence (Community); else `offset` rows skipped.
    pub after: Option<i64>,
    pub offset: i64,
    pub limit: i64,
}

/// Member profile changes; `None` leaves a field as it is.
#[derive(Debug, Default, Clone)]
pub struct MemberPatch {
    pub role: Option<String>,
    pub name_card: Option<String>,
    pub msg_flag: Option<String>,
}

impl Repo<'_> {
    pub fn member(&self, group_id: &str, user_id: &str) -> RepoResult<Option<Member>> {
        let sql = format!("SELECT {COLUMNS} FROM tc_members m {MUTE_JOIN} WHERE m.group_id = ?2 AND m.user_id = ?3");
        Ok(self.conn.prepare_cached(&sql)?.query_row(params![self.now, group_id, user_id], member_row).optional()?)
    }

    /// The member, else [`RepoError::NotMember`].
    pub fn require_member(&self, group_id: &str, user_id: &str) -> RepoResult<Member> {
        self.member(group_id, user_id)?
            .ok_or_else(|| RepoError::NotMember { group: group_id.to_owned(), user: user_id.to_owned() })
    }

    /// One page of members in insertion order; `limit + 1` rows are read so the caller can tell
    /// whether more follow.
    pub fn members_page(&self, group_id: &str, page: Page) -> RepoResult<Vec<Member>> {
        let roles = if page.roles.is_empty() {
            String::new()
        } else {
            let marks: Vec<String> = (0..page.roles.len()).map(|i| format!("?{}", i + 6)).collect();
            format!("AND m.role IN ({})", marks.join(","))
        };
        let sql = format!(
            "SELECT {COLUMNS} FROM tc_members m {MUTE_JOIN} WHERE m.group_id = ?2 AND m.seq > ?3 {roles} \
             ORDER BY m.seq LIMIT ?4 OFFSET ?5"
        );
        let mut values: Vec<rusqlite::types::Value> = vec![
            self.now.into(),
            group_id.to_owned().into(),
            page.after.unwrap_or(0).into(),
            (page.limit + 1).into(),
            page.offset.into(),
        ];
        values.extend(page.roles.iter().map(|r| rusqlite::types::Value::from(r.to_string())));
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(values), member_row)?.collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    fn bump_count(&self, group_id: &str, delta: i64) -> RepoResult<()> {
        self.conn
            .prepare_cached("UPDATE tc_groups SET member_num = member_num + ?2 WHERE group_id = ?1")?
            .execute(params![group_id, delta])?;
        Ok(())
    }

    /// Adds a member unless already one; returns whether a row was added.
    pub fn add_member(&self, group_id: &str, user_id: &str, role: &str, join_time: i64) -> RepoResult<bool> {
        let added = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO tc_members(group_id, user_id, role, join_time) VALUES(?1,?2,?3,?4)")?
            .execute(params![group_id, user_id, role, join_time])?
            > 0;
        if added {
            self.bump_count(group_id, 1)?;
        }
        Ok(added)
    }

    /// Removes a member with their member custom values and permission-group memberships (their
    /// mute and ban stay); returns whether
    /// they were a member.
    pub fn remove_member(&self, group_id: &str, user_id: &str) -> RepoResult<bool> {
        let removed = self
            .conn
            .prepare_cached("DELETE FROM tc_members WHERE group_id = ?1 AND user_id = ?2")?
            .execute([group_id, user_id])?
            > 0;
        if removed {
            self.bump_count(group_id, -1)?;
            self.conn
                .prepare_cached("DELETE FROM tc_member_data WHERE group_id = ?1 AND user_id = ?2")?
                .execute([group_id, user_id])?;
            self.leave_permission_groups(group_id, user_id)?;
        }
        Ok(removed)
    }

    /// [`RepoError::GroupFull`] when `adding` more members would pass `limit` (0 = unlimited).
    pub fn check_capacity(&self, g: &Group, adding: i64, limit: i64) -> RepoResult<()> {
        let would_have = g.member_num + adding;
        if adding > 0 && limit > 0 && would_have > limit {
            return Err(RepoError::GroupFull { group: g.group_id.clone(), would_have, limit });
        }
        Ok(())
    }

    pub fn patch_member(&self, group_id: &str, user_id: &str, p: &MemberPatch) -> RepoResult<()> {
        self.conn
            .prepare_cached(
                "UPDATE tc_members SET role = COALESCE(?3, role), name_card = COALESCE(?4, name_card), \
                 msg_flag = COALESCE(?5, msg_flag) WHERE group_id = ?1 AND user_id = ?2",
            )?
            .execute(params![group_id, user_id, p.role, p.name_card, p.msg_flag])?;
        Ok(())
    }

    /// The roles of the listed users who are members.
    pub fn roles(&self, group_id: &str, users: &[&str]) -> RepoResult<HashMap<String, String>> {
        let mut st = self.conn.prepare_cached("SELECT role FROM tc_members WHERE group_id = ?1 AND user_id = ?2")?;
        let mut out = HashMap::new();
        for u in users {
            if let Some(role) = st.query_row([group_id, u], |r| r.get::<_, String>(0)).optional()? {
                out.insert((*u).to_owned(), role);
            }
        }
        Ok(out)
    }

    /// The groups `user_id` is a member of (of `kind`, or all), in join order:
    /// `(total, page of (group, membership))`; `limit` 0 = all.
    pub fn joined(&self, user_id: &str, kinds: &[&str], offset: i64, limit: i64) -> RepoResult<(i64, Vec<(Group, Member)>)> {
        let marks: Vec<String> = (0..kinds.len()).map(|i| format!("?{}", i + 5)).collect();
        let filter = format!("g.type IN ({})", marks.join(","));
        let base = format!("FROM tc_members m JOIN tc_groups g ON g.group_id = m.group_id {MUTE_JOIN} WHERE m.user_id = ?2 AND {filter}");
        let mut values: Vec<rusqlite::types::Value> =
            vec![self.now.into(), user_id.to_owned().into(), (if limit == 0 { -1 } else { limit }).into(), offset.into()];
        values.extend(kinds.iter().map(|k| rusqlite::types::Value::from(k.to_string())));
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT COUNT(*), ?1, ?3, ?4 {base}"))?
            .query_row(params_from_iter(values.clone()), |r| r.get(0))?;
        let sql = format!("SELECT {COLUMNS}, g.group_id {base} ORDER BY m.seq LIMIT ?3 OFFSET ?4");
        let mut st = self.conn.prepare_cached(&sql)?;
        let pairs: Vec<(Member, String)> = st
            .query_map(params_from_iter(values), |r| Ok((member_row(r)?, r.get(9)?)))?
            .collect::<Result<_, _>>()?;
        let mut out = Vec::with_capacity(pairs.len());
        for (m, gid) in pairs {
            if let Some(g) = self.group_opt(&gid)? {
                out.push((g, m));
            }
        }
        Ok((total, out))
    }
}
