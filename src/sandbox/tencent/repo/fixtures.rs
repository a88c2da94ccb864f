//! Bulk inserts for demo data, with explicit times and no rule checks. Member counters are set
//! once at the end by [`Fixtures::recount_members`]. Every statement is prepared once and
//! reused, inside the one seeding transaction.

use rusqlite::{Connection, params};

use super::{FieldDef, Group, Repo, RepoResult, Scope};

pub struct Fixtures<'a> {
    pub repo: Repo<'a>,
}

impl<'a> Fixtures<'a> {
    pub fn new(conn: &'a Connection, now: i64) -> Self {
        Self { repo: Repo::new(conn, now) }
    }

    pub fn conn(&self) -> &'a Connection {
        self.repo.conn
    }

    pub fn account(&self, user_id: &str, nick: &str, created: i64) -> RepoResult<()> {
        self.conn()
            .prepare_cached("INSERT OR IGNORE INTO tc_accounts(user_id, nick, face_url, create_time) VALUES(?1, ?2, '', ?3)")?
            .execute(params![user_id, nick, created])?;
        Ok(())
    }

    pub fn group(&self, g: &Group) -> RepoResult<()> {
        self.repo.insert_group(g)
    }

    /// A member with all its columns.
    #[allow(clippy::too_many_arguments)]
    pub fn member(&self, group_id: &str, user_id: &str, role: &str, joined: i64, msg_flag: &str, name_card: &str, msg_seq: i64) -> RepoResult<()> {
        self.conn()
            .prepare_cached(
                "INSERT OR IGNORE INTO tc_members(group_id, user_id, role, join_time, msg_flag, name_card, msg_seq, last_send_msg_time) \
                 VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![group_id, user_id, role, joined, msg_flag, name_card, msg_seq, if msg_seq > 0 { joined + msg_seq * 60 } else { 0 }])?;
        Ok(())
    }

    pub fn mute(&self, group_id: &str, user_id: &str, until: i64) -> RepoResult<()> {
        self.repo.mute(group_id, user_id, until)
    }

    pub fn field(&self, scope: Scope, def: &FieldDef) -> RepoResult<()> {
        self.repo.add_field(scope, def)
    }

    pub fn group_value(&self, group_id: &str, key: &str, value: &str) -> RepoResult<()> {
        self.repo.set_group_data(group_id, key, value)
    }

    pub fn member_value(&self, group_id: &str, user_id: &str, key: &str, value: &str) -> RepoResult<()> {
        self.repo.set_member_data(group_id, user_id, key, value)
    }

    /// Sets every group's member count from its rows.
    pub fn recount_members(&self) -> RepoResult<()> {
        self.conn().execute(
            "UPDATE tc_groups SET member_num = (SELECT COUNT(*) FROM tc_members m WHERE m.group_id = tc_groups.group_id)",
            [],
        )?;
        Ok(())
    }
}
