//! The paged hosted queries (members of a group, hosted groups of the app, groups of a user),
//! with their opaque page tokens: URL-safe base64 of `sort-key|id`, the last row of the page.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rusqlite::params;

use super::members::member_row;
use super::{Group, Member, Repo, RepoError, RepoResult};

/// Which page of a paged query: `token` `None` for the first page.
#[derive(Debug, Clone, Copy)]
pub struct Listing<'a> {
    pub size: i64,
    pub descending: bool,
    pub token: Option<&'a str>,
}

/// One page of a group's members; `token` is empty on the last page.
#[derive(Debug)]
pub struct MemberPage {
    pub total: i64,
    pub token: String,
    pub members: Vec<Member>,
}

/// A hosted group as the app's group list shows it.
#[derive(Debug)]
pub struct Summary {
    pub group_id: String,
    pub owner: String,
    pub creator: String,
    pub name: String,
    pub profile: String,
    pub create_time: i64,
}

#[derive(Debug)]
pub struct SummaryPage {
    pub token: String,
    pub groups: Vec<Summary>,
}

/// A hosted group a user belongs to, with their membership.
#[derive(Debug)]
pub struct Joined {
    pub group: Group,
    pub join_time: i64,
    pub role: i64,
    pub remark_name: String,
}

#[derive(Debug)]
pub struct JoinedPage {
    pub total: i64,
    pub token: String,
    pub groups: Vec<Joined>,
}

fn encode(time: i64, id: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{time}|{id}"))
}

/// The cursor `(time, id)` of a token, else [`RepoError::BadPageToken`].
fn decode(token: &str) -> RepoResult<(i64, String)> {
    let bad = || RepoError::BadPageToken { token: token.to_owned() };
    let raw = URL_SAFE_NO_PAD.decode(token).map_err(|_| bad())?;
    let text = String::from_utf8(raw).map_err(|_| bad())?;
    let (t, id) = text.split_once('|').ok_or_else(bad)?;
    Ok((t.parse().map_err(|_| bad())?, id.to_owned()))
}

/// The cursor of `listing` as SQL parameters (both `NULL` on the first page).
fn cursor(listing: &Listing) -> RepoResult<(Option<i64>, Option<String>)> {
    Ok(match listing.token.map(decode).transpose()? {
        Some((t, id)) => (Some(t), Some(id)),
        None => (None, None),
    })
}

/// Cuts the extra row fetched to see whether more follow; the token points at the last row kept.
fn finish<T>(mut rows: Vec<T>, size: i64, key: impl Fn(&T) -> (i64, &str)) -> (Vec<T>, String) {
    let more = rows.len() as i64 > size;
    rows.truncate(size as usize);
    let token = match rows.last() {
        Some(last) if more => {
            let (time, id) = key(last);
            encode(time, id)
        }
        _ => String::new(),
    };
    (rows, token)
}

const MEMBERS_DESC: &str = "SELECT user_id, nickname, role, join_time, extra FROM members \
     WHERE group_id = ?1 AND (?2 = 0 OR role = ?2) AND (?3 IS NULL OR (join_time, user_id) < (?3, ?4)) \
     ORDER BY join_time DESC, user_id DESC LIMIT ?5";
const MEMBERS_ASC: &str = "SELECT user_id, nickname, role, join_time, extra FROM members \
     WHERE group_id = ?1 AND (?2 = 0 OR role = ?2) AND (?3 IS NULL OR (join_time, user_id) > (?3, ?4)) \
     ORDER BY join_time ASC, user_id ASC LIMIT ?5";

const GROUPS_DESC: &str = "SELECT group_id, IFNULL(owner,''), IFNULL(creator,''), name, profile, create_time FROM groups \
     WHERE hosted = 1 AND (?1 IS NULL OR (create_time, group_id) < (?1, ?2)) \
     ORDER BY create_time DESC, group_id DESC LIMIT ?3";
const GROUPS_ASC: &str = "SELECT group_id, IFNULL(owner,''), IFNULL(creator,''), name, profile, create_time FROM groups \
     WHERE hosted = 1 AND (?1 IS NULL OR (create_time, group_id) > (?1, ?2)) \
     ORDER BY create_time ASC, group_id ASC LIMIT ?3";

const JOINED_TOTAL: &str = "SELECT COUNT(*) FROM members m JOIN groups g ON g.group_id = m.group_id \
     WHERE m.user_id = ?1 AND g.hosted = 1 AND (?2 = 0 OR m.role = ?2)";
const JOINED_DESC: &str = "SELECT m.group_id, m.join_time, m.role FROM members m JOIN groups g ON g.group_id = m.group_id \
     WHERE m.user_id = ?1 AND g.hosted = 1 AND (?2 = 0 OR m.role = ?2) \
     AND (?3 IS NULL OR (m.join_time, m.group_id) < (?3, ?4)) \
     ORDER BY m.join_time DESC, m.group_id DESC LIMIT ?5";
const JOINED_ASC: &str = "SELECT m.group_id, m.join_time, m.role FROM members m JOIN groups g ON g.group_id = m.group_id \
     WHERE m.user_id = ?1 AND g.hosted = 1 AND (?2 = 0 OR m.role = ?2) \
     AND (?3 IS NULL OR (m.join_time, m.group_id) > (?3, ?4)) \
     ORDER BY m.join_time ASC, m.group_id ASC LIMIT ?5";

impl Repo<'_> {
    /// A page of a hosted group's members with `role` (0 = any) by join time.
    pub fn member_page(&self, group_id: &str, role: i64, listing: Listing) -> RepoResult<MemberPage> {
        let (time, user) = cursor(&listing)?;
        self.hosted_group(group_id)?;
        let total = self.count_role(group_id, role)?;
        let sql = if listing.descending { MEMBERS_DESC } else { MEMBERS_ASC };
        let rows: Vec<Member> = self
            .conn
            .prepare_cached(sql)?
            .query_map(params![group_id, role, time, user, listing.size + 1], member_row)?
            .collect::<Result<_, _>>()?;
        let (members, token) = finish(rows, listing.size, |m| (m.join_time, m.user_id.as_str()));
        Ok(MemberPage { total, token, members })
    }

    /// A page of the app's hosted groups by creation time.
    pub fn group_page(&self, listing: Listing) -> RepoResult<SummaryPage> {
        let (time, group) = cursor(&listing)?;
        let sql = if listing.descending { GROUPS_DESC } else { GROUPS_ASC };
        let rows: Vec<Summary> = self
            .conn
            .prepare_cached(sql)?
            .query_map(params![time, group, listing.size + 1], |r| {
                Ok(Summary {
                    group_id: r.get(0)?,
                    owner: r.get(1)?,
                    creator: r.get(2)?,
                    name: r.get(3)?,
                    profile: r.get(4)?,
                    create_time: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let (groups, token) = finish(rows, listing.size, |g| (g.create_time, g.group_id.as_str()));
        Ok(SummaryPage { token, groups })
    }

    /// A page of the hosted groups a user belongs to with `role` (0 = any), by join time.
    pub fn joined_page(&self, user_id: &str, role: i64, listing: Listing) -> RepoResult<JoinedPage> {
        let (time, group) = cursor(&listing)?;
        let total: i64 = self
            .conn
            .prepare_cached(JOINED_TOTAL)?
            .query_row(params![user_id, role], |r| r.get(0))?;
        let sql = if listing.descending { JOINED_DESC } else { JOINED_ASC };
        let rows: Vec<(String, i64, i64)> = self
            .conn
            .prepare_cached(sql)?
            .query_map(params![user_id, role, time, group, listing.size + 1], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<Result<_, _>>()?;
        let (rows, token) = finish(rows, listing.size, |(g, t, _)| (*t, g.as_str()));
        let mut groups = Vec::with_capacity(rows.len());
        for (group_id, join_time, role) in rows {
            let group = self.group(&group_id)?.expect("joined on groups");
            let remark_name = self.remark_name_of(&group_id, user_id)?;
            groups.push(Joined { group, join_time, role, remark_name });
        }
        Ok(JoinedPage { total, token, groups })
    }
}
