//! Imported accounts (`im_open_login_svc`). Group members must be imported accounts.

use rusqlite::params;

use super::{Repo, RepoError, RepoResult};

impl Repo<'_> {
    /// Imports (or re-imports, updating nick and face URL) an account.
    pub fn import_account(&self, user_id: &str, nick: Option<&str>, face_url: Option<&str>) -> RepoResult<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO tc_accounts(user_id, nick, face_url, create_time) VALUES(?1, COALESCE(?2, ''), COALESCE(?3, ''), ?4) \
                 ON CONFLICT(user_id) DO UPDATE SET nick = COALESCE(?2, nick), face_url = COALESCE(?3, face_url)",
            )?
            .execute(params![user_id, nick, face_url, self.now])?;
        Ok(())
    }

    pub fn account_exists(&self, user_id: &str) -> RepoResult<bool> {
        Ok(self.conn.prepare_cached("SELECT 1 FROM tc_accounts WHERE user_id = ?1")?.exists([user_id])?)
    }

    /// The listed accounts that were never imported, in the order given.
    pub fn missing_accounts<'u>(&self, users: impl IntoIterator<Item = &'u str>) -> RepoResult<Vec<String>> {
        let mut st = self.conn.prepare_cached("SELECT 1 FROM tc_accounts WHERE user_id = ?1")?;
        let mut missing = Vec::new();
        for u in users {
            if !st.exists([u])? {
                missing.push(u.to_owned());
            }
        }
        Ok(missing)
    }

    /// [`RepoError::NoSuchAccounts`] unless every listed account was imported.
    pub fn require_accounts<'u>(&self, users: impl IntoIterator<Item = &'u str>) -> RepoResult<()> {
        let missing = self.missing_accounts(users)?;
        if missing.is_empty() { Ok(()) } else { Err(RepoError::NoSuchAccounts { users: missing }) }
    }
}
