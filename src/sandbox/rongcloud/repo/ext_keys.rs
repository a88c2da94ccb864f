//! The registry of allowed extProfile keys per App Key (the real service keeps it in its
//! developer console).

use rusqlite::params;

use super::{Repo, RepoError, RepoResult};

impl Repo<'_> {
    /// The App Key's keys in name order.
    pub fn ext_keys(&self, app_key: &str) -> RepoResult<Vec<String>> {
        let keys = self
            .conn
            .prepare_cached("SELECT key FROM ext_keys WHERE app_key = ?1 ORDER BY key")?
            .query_map([app_key], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(keys)
    }

    pub fn ext_key_registered(&self, app_key: &str, key: &str) -> RepoResult<bool> {
        let mut st = self
            .conn
            .prepare_cached("SELECT 1 FROM ext_keys WHERE app_key = ?1 AND key = ?2")?;
        Ok(st.exists([app_key, key])?)
    }

    /// Adds keys to the App Key's registry (known ones stay as they are).
    pub fn add_ext_keys(&self, app_key: &str, keys: &[String]) -> RepoResult<()> {
        let mut st = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO ext_keys(app_key, key, time) VALUES(?1, ?2, ?3)")?;
        for k in keys {
            st.execute(params![app_key, k, self.now_ms])?;
        }
        Ok(())
    }

    /// Adds keys, keeping the registry at `max` keys at most.
    pub fn register_ext_keys(&self, app_key: &str, keys: &[String], max: usize) -> RepoResult<()> {
        self.add_ext_keys(app_key, keys)?;
        let count: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM ext_keys WHERE app_key = ?1", [app_key], |r| r.get(0))?;
        if count as usize > max {
            return Err(RepoError::TooManyExtKeys { count });
        }
        Ok(())
    }

    /// Removes keys from the registry; values already stored on groups stay.
    pub fn remove_ext_keys(&self, app_key: &str, keys: &[String]) -> RepoResult<()> {
        let mut st = self
            .conn
            .prepare_cached("DELETE FROM ext_keys WHERE app_key = ?1 AND key = ?2")?;
        for k in keys {
            st.execute([app_key, k.as_str()])?;
        }
        Ok(())
    }
}
