//! The app-wide mute of an account (`openconfigsvr/setnospeaking`), one row per account with the
//! end of its one-to-one (C2C) and group mutes (unix seconds; 0 = none; 4294967295 =
//! permanent).

use rusqlite::{OptionalExtension, params};

use super::{Repo, RepoResult};

impl Repo<'_> {
    /// Sets the end of the C2C and/or group mute (`None` leaves it as it is).
    pub fn set_nospeaking(&self, user_id: &str, c2c_until: Option<i64>, group_until: Option<i64>) -> RepoResult<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO tc_nospeaking(user_id, c2c_until, group_until) VALUES(?1, COALESCE(?2, 0), COALESCE(?3, 0)) \
                 ON CONFLICT(user_id) DO UPDATE SET c2c_until = COALESCE(?2, c2c_until), group_until = COALESCE(?3, group_until)",
            )?
            .execute(params![user_id, c2c_until, group_until])?;
        Ok(())
    }

    /// `(c2c_until, group_until)`, each 0 unless it runs now.
    pub fn nospeaking(&self, user_id: &str) -> RepoResult<(i64, i64)> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT CASE WHEN c2c_until > ?2 THEN c2c_until ELSE 0 END, CASE WHEN group_until > ?2 THEN group_until ELSE 0 END \
                 FROM tc_nospeaking WHERE user_id = ?1",
            )?
            .query_row(params![user_id, self.now], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(row.unwrap_or((0, 0)))
    }
}
