//! The member list model behind the members tab and exports: rows plus a cached filtered and
//! sorted index. Sort orders are computed once per key when the data changes, so changing the
//! filter or the sort column is a linear pass over at most one precomputed order — fast enough
//! to redo on every keystroke with 100,000 members.
//!
//! Large groups arrive page by page ([`MemberTable::append`]): each page is sorted on its own
//! and merged into every order (binary searches plus one copy: no full re-sort), and the cached
//! view merges the page's matching rows into its index the same way ([`CachedView::get`]).

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
    /// Tencent: the member's last message.
    LastSend,
}

impl SortKey {
    pub const ALL: [SortKey; 7] = [Self::UserId, Self::Nickname, Self::Role, Self::JoinTime, Self::MutedUntil, Self::Allowlisted, Self::LastSend];

    fn slot(self) -> usize {
        self as usize
    }
}

/// Rows with lower-cased search keys and one precomputed ascending order per sort key.
#[derive(Default)]
pub struct MemberTable {
    rows: Vec<MemberRow>,
    /// `user id \0 nickname`, lower-cased: one haystack per row for the filter.
    search: Vec<String>,
    nick_lower: Vec<String>,
    orders: Vec<Vec<u32>>,
}

fn last_send(r: &MemberRow) -> i64 {
    r.tencent.map_or(0, |t| t.last_send_ms)
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

    /// Adds a page of rows: the page is sorted on its own and merged into every order (no full
    /// re-sort). Answers the indices of the new rows.
    pub fn append(&mut self, page: Vec<MemberRow>) -> std::ops::Range<usize> {
        let start = self.rows.len();
        for r in &page {
            let n = r.nickname.to_lowercase();
            self.search.push(format!("{}\0{n}", r.user_id.to_lowercase()));
            self.nick_lower.push(n);
        }
        self.rows.extend(page);
        let end = self.rows.len();
        if self.orders.len() != SortKey::ALL.len() {
            self.orders = SortKey::ALL.iter().map(|k| self.order_for(*k)).collect();
            return start..end;
        }
        for key in SortKey::ALL {
            let mut fresh: Vec<u32> = (start as u32..end as u32).collect();
            fresh.sort_unstable_by(|a, b| self.compare(key, *a as usize, *b as usize));
            let old = std::mem::take(&mut self.orders[key.slot()]);
            self.orders[key.slot()] = self.merge(key, &old, &fresh, false);
        }
        start..end
    }

    /// Merges `fresh` (sorted by `key`) into `old` (sorted by `key`, descending when `desc`).
    fn merge(&self, key: SortKey, old: &[u32], fresh: &[u32], desc: bool) -> Vec<u32> {
        let mut out = Vec::with_capacity(old.len() + fresh.len());
        let mut from = 0;
        let cmp = |a: u32, b: u32| {
            let o = self.compare(key, a as usize, b as usize);
            if desc { o.reverse() } else { o }
        };
        let iter: Box<dyn Iterator<Item = &u32>> = if desc { Box::new(fresh.iter().rev()) } else { Box::new(fresh.iter()) };
        for &f in iter {
            let at = from + old[from..].partition_point(|&o| cmp(o, f) == Ordering::Less);
            out.extend_from_slice(&old[from..at]);
            out.push(f);
            from = at;
        }
        out.extend_from_slice(&old[from..]);
        out
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
            SortKey::LastSend => last_send(x).cmp(&last_send(y)),
        };
        primary.then_with(|| x.user_id.cmp(&y.user_id)).then_with(|| a.cmp(&b))
    }

    fn order_for(&self, key: SortKey) -> Vec<u32> {
        let mut idx: Vec<u32> = (0..self.rows.len() as u32).collect();
        idx.sort_unstable_by(|a, b| self.compare(key, *a as usize, *b as usize));
        idx
    }

    fn finder(filter: &str) -> (String, impl Fn(&Self, u32) -> bool) {
        let f = filter.trim().to_lowercase().replace('\0', "");
        let finder = memchr::memmem::Finder::new(f.as_bytes()).into_owned();
        let empty = f.is_empty();
        (f, move |t: &Self, i: u32| empty || finder.find(t.search[i as usize].as_bytes()).is_some())
    }

    /// Row indices matching `filter` (case-insensitive substring of id or nickname), in the
    /// order of `key` (descending when `desc`).
    pub fn view(&self, filter: &str, key: SortKey, desc: bool) -> Vec<u32> {
        let order = &self.orders[key.slot()];
        // One SIMD substring finder for the whole pass; the separator keeps matches inside a field.
        let (_, keep) = Self::finder(filter);
        if desc { order.iter().rev().copied().filter(|i| keep(self, *i)).collect() } else { order.iter().copied().filter(|i| keep(self, *i)).collect() }
    }

    /// `index` (a [`Self::view`] of the rows before `new`) with the matching rows of `new`
    /// merged in: the cost of the page, not of the table.
    fn view_extend(&self, index: &[u32], new: std::ops::Range<usize>, filter: &str, key: SortKey, desc: bool) -> Vec<u32> {
        let (_, keep) = Self::finder(filter);
        let mut fresh: Vec<u32> = (new.start as u32..new.end as u32).filter(|i| keep(self, *i)).collect();
        if fresh.is_empty() {
            return index.to_vec();
        }
        fresh.sort_unstable_by(|a, b| self.compare(key, *a as usize, *b as usize));
        self.merge(key, index, &fresh, desc)
    }
}

/// A filtered and sorted view that recomputes only when the data, the filter or the sort change;
/// rows appended to the same table are merged into the cached index.
#[derive(Default)]
pub struct CachedView {
    key: Option<(usize, String, SortKey, bool)>,
    /// How many rows of the table the index covers.
    rows: usize,
    index: Vec<u32>,
}

impl CachedView {
    /// `generation` changes whenever the table is replaced (not when rows are appended).
    pub fn get(&mut self, table: &MemberTable, generation: usize, filter: &str, key: SortKey, desc: bool) -> &[u32] {
        let k = (generation, filter.to_owned(), key, desc);
        if self.key.as_ref() != Some(&k) || self.rows > table.len() {
            self.index = table.view(filter, key, desc);
            self.key = Some(k);
        } else if self.rows < table.len() {
            self.index = table.view_extend(&self.index, self.rows..table.len(), filter, key, desc);
        }
        self.rows = table.len();
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

    #[test]
    fn appended_pages_merge_into_the_orders_and_the_cached_view() {
        let all: Vec<MemberRow> = (0..1000).map(|i| row(&format!("u{}", (i * 7919) % 1000), &format!("N{}", (i * 31) % 97), if i % 10 == 0 { MemberRole::Admin } else { MemberRole::Member }, (i * 13 % 1000) as i64)).collect();
        let whole = MemberTable::new(all.clone());
        let mut paged = MemberTable::default();
        let mut caches: Vec<(CachedView, &str, SortKey, bool)> = Vec::new();
        for key in SortKey::ALL {
            for (filter, desc) in [("", false), ("n1", true), ("u9", false)] {
                caches.push((CachedView::default(), filter, key, desc));
            }
        }
        let ids = |t: &MemberTable, v: &[u32]| v.iter().map(|i| t.rows()[*i as usize].user_id.clone()).collect::<Vec<_>>();
        for page in all.chunks(200) {
            paged.append(page.to_vec());
            for (cache, filter, key, desc) in &mut caches {
                let got = ids(&paged, cache.get(&paged, 1, filter, *key, *desc));
                assert_eq!(got, ids(&paged, &paged.view(filter, *key, *desc)), "{key:?} {filter:?} {desc}");
            }
        }
        for key in SortKey::ALL {
            assert_eq!(ids(&paged, &paged.view("", key, false)), ids(&whole, &whole.view("", key, false)), "{key:?}");
        }
    }
}
