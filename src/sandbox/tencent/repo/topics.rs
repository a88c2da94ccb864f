//! Community topics (`tc_topics`): insert, read, list, count, delete (with the topic
//! permissions of every permission group on it).

use rusqlite::{OptionalExtension, Row, params};

use super::{Repo, RepoError, RepoResult};

/// A stored topic of a Community. Times are unix seconds.
#[derive(Debug, Clone)]
pub struct Topic {
    pub topic_id: String,
    pub group_id: String,
    pub name: String,
    pub introduction: String,
    pub notification: String,
    pub face_url: String,
    pub create_time: i64,
}

const COLUMNS: &str = "topic_id, group_id, name, introduction, notification, face_url, create_time";

fn topic_row(r: &Row) -> rusqlite::Result<Topic> {
    Ok(Topic {
        topic_id: r.get(0)?,
        group_id: r.get(1)?,
        name: r.get(2)?,
        introduction: r.get(3)?,
        notification: r.get(4)?,
        face_url: r.get(5)?,
        create_time: r.get(6)?,
    })
}

impl Repo<'_> {
    /// Stores a topic; [`RepoError::TopicExists`] when its id is taken.
    pub fn insert_topic(&self, t: &Topic) -> RepoResult<()> {
        if self.conn.prepare_cached("SELECT 1 FROM tc_topics WHERE topic_id = ?1")?.exists([&t.topic_id])? {
            return Err(RepoError::TopicExists { topic: t.topic_id.clone() });
        }
        self.conn
            .prepare_cached(
                "INSERT INTO tc_topics(topic_id, group_id, name, introduction, notification, face_url, create_time) \
                 VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![t.topic_id, t.group_id, t.name, t.introduction, t.notification, t.face_url, t.create_time])?;
        Ok(())
    }

    /// The topic of `group_id`, else [`RepoError::TopicNotFound`].
    pub fn topic(&self, group_id: &str, topic_id: &str) -> RepoResult<Topic> {
        let sql = format!("SELECT {COLUMNS} FROM tc_topics WHERE group_id = ?1 AND topic_id = ?2");
        self.conn
            .prepare_cached(&sql)?
            .query_row([group_id, topic_id], topic_row)
            .optional()?
            .ok_or_else(|| RepoError::TopicNotFound { group: group_id.to_owned(), topic: topic_id.to_owned() })
    }

    /// Every topic of a group, in creation order.
    pub fn topics(&self, group_id: &str) -> RepoResult<Vec<Topic>> {
        let sql = format!("SELECT {COLUMNS} FROM tc_topics WHERE group_id = ?1 ORDER BY seq");
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([group_id], topic_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn count_topics(&self, group_id: &str) -> RepoResult<usize> {
        let n: i64 = self.conn.prepare_cached("SELECT COUNT(*) FROM tc_topics WHERE group_id = ?1")?.query_row([group_id], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Deletes a topic and the permissions set on it; [`RepoError::TopicNotFound`] if none.
    pub fn delete_topic(&self, group_id: &str, topic_id: &str) -> RepoResult<()> {
        let n = self.conn.prepare_cached("DELETE FROM tc_topics WHERE group_id = ?1 AND topic_id = ?2")?.execute([group_id, topic_id])?;
        if n == 0 {
            return Err(RepoError::TopicNotFound { group: group_id.to_owned(), topic: topic_id.to_owned() });
        }
        self.conn
            .prepare_cached("DELETE FROM tc_topic_permissions WHERE group_id = ?1 AND topic_id = ?2")?
            .execute([group_id, topic_id])?;
        Ok(())
    }

    /// Drops everything the extras keep for a group (topics, permission groups and their
    /// members and topic permissions, bans): part of destroying the group.
    pub(super) fn drop_group_extras(&self, group_id: &str) -> RepoResult<()> {
        for sql in [
            "DELETE FROM tc_topics WHERE group_id = ?1",
            "DELETE FROM tc_permission_groups WHERE group_id = ?1",
            "DELETE FROM tc_permission_members WHERE group_id = ?1",
            "DELETE FROM tc_topic_permissions WHERE group_id = ?1",
            "DELETE FROM tc_bans WHERE group_id = ?1",
        ] {
            self.conn.prepare_cached(sql)?.execute([group_id])?;
        }
        Ok(())
    }
}
