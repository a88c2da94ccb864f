//! The group browser on Tencent, progressively: `get_appid_group_list` (10,000 ids a page,
//! paced at its documented 1 call per second), then `get_group_info` in batches of 50, a few at
//! a time, each batch handed on as soon as it is answered (in the order listed), so the first
//! rows are on screen at once for apps with tens of thousands of groups.

use futures::StreamExt;

use super::client::Client;
use super::limits;
use super::types::{GroupInfo, ResponseFilter};
use crate::model::{ApiError, GroupRow};

/// The browser's row of a group (`None` when the service answered an error for it).
pub fn row(g: GroupInfo) -> Option<GroupRow> {
    (g.error_code == 0).then(|| GroupRow {
        group_type: g.group_type,
        group_id: g.group_id,
        name: g.name,
        owner: g.owner,
        member_count: g.member_num as i64,
        created_ms: g.create_time * 1000,
    })
}

/// The fields the browser shows.
pub fn row_filter() -> ResponseFilter {
    ResponseFilter { base: Some(["Type", "Name", "Owner_Account", "MemberNum", "CreateTime"].map(String::from).to_vec()), ..Default::default() }
}

/// Every group of the app: `on_rows(rows, total)` is called with each batch as it arrives
/// (`total`: the number of groups the list reported); answers how many rows were handed on.
pub async fn list_groups_progressive(c: &Client, on_rows: &(dyn Fn(Vec<GroupRow>, usize) + Send + Sync)) -> Result<usize, ApiError> {
    let filter = row_filter();
    let mut next = 0;
    let mut sent = 0;
    loop {
        let page = c.group_id_page(limits::GROUP_LIST_PAGE_MAX, next, None).await?;
        let total = (page.total_count as usize).max(page.groups.len());
        let ids: Vec<String> = page.groups.into_iter().map(|g| g.group_id).collect();
        let batches: Vec<Vec<String>> = ids.chunks(limits::GROUP_INFO_MAX).map(<[String]>::to_vec).collect();
        let filter = &filter;
        let mut answers = futures::stream::iter(batches).map(|b| async move { c.group_infos(&b, filter).await }).buffered(c.config().bulk_concurrency.max(1));
        while let Some(answer) = answers.next().await {
            let rows: Vec<GroupRow> = answer?.into_iter().filter_map(row).collect();
            sent += rows.len();
            on_rows(rows, total);
        }
        if page.next == 0 || page.next == next {
            return Ok(sent);
        }
        next = page.next;
    }
}
