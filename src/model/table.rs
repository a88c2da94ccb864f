//! The member list model behind the members tab and exports: rows plus a cached filtered and
//! sorted index. Sort orders are computed once per key when the data changes, so changing the
//! filter or the sort column is a linear pass over at most one precomputed order — fast enough
//! to redo on every keystroke with 100,000 members.

use std::cmp::Ordering;

use super::member::Member as MemberRow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    UserId,
    Nickname,
    Role,
    JoinTime,
    MutedUntil,
    Allowlisted,
}

impl SortKey {
    pub const ALL: [SortKey; 6] = [Self::UserId, Self::Nickname, Self::Role, Self::JoinTime, Self::MutedUntil, Self::Allowlisted];

    fn slot(self) -> usize {
        self as usize
    }
}

/// Rows with lower-cased search keys and one precomputed ascending order per sort key.
pub struct MemberTable {
    rows: Vec<MemberRow>,
    /// `user id \0 nickname`, lower-cased: one haystack per row for the filter.
    search: Vec<String>,
    nick_lower: Vec<String>,
    orders: Vec<Vec<u32>>,
}

impl MemberTable {
    pub fn new(rows: Vec<MemberRow>) -> Self {
        let nick_lower: Vec<String> = rows.iter().map(|r| r.nickname.to_lowercase()).collect();
        let search = rows.iter().zip(&nick_lower).map(|(r, n)| format!("{}\0{n}", r.user_id.to_lowercase())).collect();
        let mut t = Self { rows, search, nick_lower, orders: Vec::new() };
        t.orders = SortKey::ALL.iter().map(|k| t.order_for(*k)).collect();
        t
    }

    pub fn rows(&self) -> &[MemberRow] {
        &self.rows
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn compare(&self, key: SortKey, a: usize, b: usize) -> Ordering {
        let (x, y) = (&self.rows[a], &self.rows[b]);
        let primary = match key {
            SortKey::UserId => x.user_id.cmp(&y.user_id),
            SortKey::Nickname => self.nick_lower[a].cmp(&self.nick_lower[b]),
            SortKey::Role => y.role.cmp(&x.role),
            SortKey::JoinTime => x.join_time_ms.cmp(&y.join_time_ms),
            SortKey::MutedUntil => x.muted_until.cmp(&y.muted_until),
            SortKey::Allowlisted => y.allowlisted.cmp(&x.allowlisted),
        };
        primary.then_with(|| x.user_id.cmp(&y.user_id))
    }

    fn order_for(&self, key: SortKey) -> Vec<u32> {
        let mut idx: Vec<u32> = (0..self.rows.len() as u32).collect();
        idx.sort_unstable_by(|a, b| self.compare(key, *a as usize, *b as usize));
        idx
    }

    /// Row indices matching `filter` (case-insensitive substring of id or nickname), in the
    /// order of `key` (descending when `desc`).
    pub fn view(&self, filter: &str, key: SortKey, desc: bool) -> Vec<u32> {
        let f = filter.trim().to_lowercase().replace('\0', "");
        let order = &self.orders[key.slot()];
        // One SIMD substring finder for the whole pass; the separator keeps matches inside a field.
        let finder = memchr::memmem::Finder::new(f.as_bytes());
        let keep = |i: &u32| f.is_empty() || finder.find(self.search[*i as usize].as_bytes()).is_some();
        if desc { order.iter().rev().copied().filter(keep).collect() } else { order.iter().copied().filter(keep).collect() }
    }
}

/// A filtered and sorted view that recomputes only when the data, the filter or the sort change.
#[derive(Default)]
pub struct CachedView {
    key: Option<(usize, String, SortKey, bool)>,
    index: Vec<u32>,
}

impl CachedView {
    /// `generation` changes whenever the table's data does.
    pub fn get(&mut self, table: &MemberTable, generation: usize, filter: &str, key: SortKey, desc: bool) -> &[u32] {
        let k = (generation, filter.to_owned(), key, desc);
        if self.key.as_ref() != Some(&k) {
            self.index = table.view(filter, key, desc);
            self.key = Some(k);
        }
        &self.index
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role as MemberRole;

    fn row(id: &str, nick: &str, role: MemberRole, t: i64) -> MemberRow {
        MemberRow { user_id: id.into(), nickname: nick.into(), role: Some(role), join_time_ms: t, ..Default::default() }
    }

    #[test]
    fn filters_and_sorts() {
        let t = MemberTable::new(vec![
            row("u3", "Carol", MemberRole::Member, 30),
            row("u1", "alice", MemberRole::Owner, 10),
            row("u2", "Bob", MemberRole::Admin, 20),
        ]);
        let ids = |v: Vec<u32>| v.into_iter().map(|i| t.rows()[i as usize].user_id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(t.view("", SortKey::Nickname, false)), ["u1", "u2", "u3"]);
        assert_eq!(ids(t.view("", SortKey::JoinTime, true)), ["u3", "u2", "u1"]);
        assert_eq!(ids(t.view("", SortKey::Role, false)), ["u1", "u2", "u3"], "owner, admin, member");
        assert_eq!(ids(t.view("BO", SortKey::UserId, false)), ["u2"]);
        assert_eq!(ids(t.view("u", SortKey::UserId, false)).len(), 3);
        let mut cache = CachedView::default();
        assert_eq!(cache.get(&t, 1, "car", SortKey::UserId, false), &[0]);
    }
}
