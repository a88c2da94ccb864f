//! Custom fields: the app's registry of keys (what the Chat console configures) and the values
//! stored on groups and members. Values are text (JSON strings on the wire); an empty value is
//! never stored (it deletes).

use rusqlite::{OptionalExtension, params};

use super::{Repo, RepoResult};

/// Group-level (`AppDefinedData`) or member-level (`AppMemberDefinedData`) keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Group,
    Member,
}

impl Scope {
    fn sql(self) -> &'static str {
        match self {
            Scope::Group => "group",
            Scope::Member => "member",
        }
    }
}

/// A configured key. Levels and value type are stored as their wire spellings; `group_types`
/// (member keys only) lists the REST types the key is enabled for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDef {
    pub key: String,
    pub label: String,
    pub value_type: String,
    pub read_level: String,
    pub write_level: String,
    pub group_types: Vec<String>,
}

impl Repo<'_> {
    /// The configured keys of `scope`, in the order they were added.
    pub fn fields(&self, scope: Scope) -> RepoResult<Vec<FieldDef>> {
        let mut st = self.conn.prepare_cached(
            "SELECT key, label, value_type, read_level, write_level, group_types FROM tc_fields WHERE scope = ?1 ORDER BY ord",
        )?;
        let rows = st.query_map([scope.sql()], |r| {
            let types: String = r.get(5)?;
            Ok(FieldDef {
                key: r.get(0)?,
                label: r.get(1)?,
                value_type: r.get(2)?,
                read_level: r.get(3)?,
                write_level: r.get(4)?,
                group_types: types.split(',').filter(|t| !t.is_empty()).map(str::to_owned).collect(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds a key at the end of its scope (the caller checked it is new).
    pub fn add_field(&self, scope: Scope, def: &FieldDef) -> RepoResult<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO tc_fields(scope, key, ord, label, value_type, read_level, write_level, group_types) \
                 VALUES(?1, ?2, (SELECT IFNULL(MAX(ord), 0) + 1 FROM tc_fields WHERE scope = ?1), ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                scope.sql(), def.key, def.label, def.value_type, def.read_level, def.write_level, def.group_types.join(",")
            ])?;
        Ok(())
    }

    /// The group's values of `keys` that are set, in the order of `keys`.
    pub fn group_data(&self, group_id: &str, keys: &[&str]) -> RepoResult<Vec<(String, String)>> {
        let mut st = self.conn.prepare_cached("SELECT value FROM tc_group_data WHERE group_id = ?1 AND key = ?2")?;
        let mut out = Vec::new();
        for k in keys {
            if let Some(v) = st.query_row([group_id, k], |r| r.get::<_, String>(0)).optional()? {
                out.push(((*k).to_owned(), v));
            }
        }
        Ok(out)
    }

    /// Sets (or, with an empty value, deletes) a group value.
    pub fn set_group_data(&self, group_id: &str, key: &str, value: &str) -> RepoResult<()> {
        if value.is_empty() {
            self.conn.prepare_cached("DELETE FROM tc_group_data WHERE group_id = ?1 AND key = ?2")?.execute([group_id, key])?;
        } else {
            self.conn
                .prepare_cached("INSERT OR REPLACE INTO tc_group_data(group_id, key, value) VALUES(?1, ?2, ?3)")?
                .execute([group_id, key, value])?;
        }
        Ok(())
    }

    /// The member's values of `keys` that are set, in the order of `keys`.
    pub fn member_data(&self, group_id: &str, user_id: &str, keys: &[&str]) -> RepoResult<Vec<(String, String)>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT value FROM tc_member_data WHERE group_id = ?1 AND user_id = ?2 AND key = ?3")?;
        let mut out = Vec::new();
        for k in keys {
            if let Some(v) = st.query_row([group_id, user_id, k], |r| r.get::<_, String>(0)).optional()? {
                out.push(((*k).to_owned(), v));
            }
        }
        Ok(out)
    }

    /// Sets (or, with an empty value, deletes) a member value.
    pub fn set_member_data(&self, group_id: &str, user_id: &str, key: &str, value: &str) -> RepoResult<()> {
        if value.is_empty() {
            self.conn
                .prepare_cached("DELETE FROM tc_member_data WHERE group_id = ?1 AND user_id = ?2 AND key = ?3")?
                .execute([group_id, user_id, key])?;
        } else {
            self.conn
                .prepare_cached("INSERT OR REPLACE INTO tc_member_data(group_id, user_id, key, value) VALUES(?1, ?2, ?3, ?4)")?
                .execute([group_id, user_id, key, value])?;
        }
        Ok(())
    }
}
