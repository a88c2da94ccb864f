//! groupdesk's Tencent client against `groupdesk sandbox --service tencent --latency-ms 40` with
//! the documented rate limits (200 calls/s per command, `get_appid_group_list` 1/s):
//!
//! 1. mute then unmute 10,000 members of the demo Community (`@TGS#_community`), 500 per call,
//!    each user's outcome read back — against the bound set by round trips and the rate limit;
//! 2. fetch every member of a **100,000-member Community**: its cursor is sequential, so the
//!    bound is pages × round trip (500 pages of 200 × 40 ms = 20 s); target ≤ 1.10× the bound;
//! 3. fetch a 6,000-member Public group with its Offset pages in parallel, against the bound of
//!    the rate limit and the first page's round trip.
//!
//! The large groups are built first through the API on a sandbox without latency or rate limit,
//! which is then restarted on the same data directory with the 40 ms round trip.
//!
//! Run: `cargo bench --bench tencent_members`.

mod common;

use std::time::{Duration, Instant};

use groupdesk::backend::tencent::members::MemberFilter;
use common::Sandbox;
use groupdesk::backend::tencent::Client;
use groupdesk::backend::tencent::types::NewGroup;
use groupdesk::model::bulk::Control;
use groupdesk::protocol::tencent::limits;
use groupdesk::protocol::tencent::wire::GroupType;

const LATENCY_MS: u64 = 40;
const BIG: &str = "@TGS#_big";
const WIDE: &str = "bench_wide";
const BIG_MEMBERS: u32 = 100_000;
const WIDE_MEMBERS: u32 = 6_000;

/// A Community of 100,000 and a Public group of 6,000 imported accounts.
async fn build(c: &Client) {
    common::import_accounts(c, BIG_MEMBERS).await;
    let mut big = NewGroup::new(GroupType::Community, "十万人社区 bench");
    big.group_id = Some(BIG.into());
    common::build_group(c, big, BIG_MEMBERS).await;
    let mut wide = NewGroup::new(GroupType::Public, "六千人群 bench");
    wide.group_id = Some(WIDE.into());
    wide.max_member_count = Some(WIDE_MEMBERS);
    common::build_group(c, wide, WIDE_MEMBERS).await;
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();

    let t = Instant::now();
    let fill = Sandbox::start(tmp.path(), &["--service", "tencent", "--seed", "demo", "--rate-limit", "0"], &[]);
    runtime.block_on(build(&fill.tencent_client(false)));
    fill.stop();
    println!("tencent_members: built a {BIG_MEMBERS}-member Community and a {WIDE_MEMBERS}-member Public group in {:.1} s", t.elapsed().as_secs_f64());

    let sandbox = Sandbox::start(tmp.path(), &["--service", "tencent", "--seed", "demo", "--latency-ms", &LATENCY_MS.to_string()], &[]);
    let client = sandbox.tencent_client(true);
    let rtt = Duration::from_millis(LATENCY_MS);
    runtime.block_on(async {
        // Let the server's per-command budget refill after start-up.
        tokio::time::sleep(Duration::from_millis(1100)).await;

        // 1. Mute, then unmute, 10,000 members of the demo Community.
        let users: Vec<String> = (2..=10_001).map(|n| format!("user{n:05}")).collect();
        let t = Instant::now();
        let muted = client.mute_members("@TGS#_community", &users, 3600, &Control::default()).await;
        let mute = t.elapsed();
        let t = Instant::now();
        let unmuted = client.unmute_members("@TGS#_community", &users, &Control::default()).await;
        let unmute = t.elapsed();
        assert_eq!(muted.count("done"), users.len(), "every user muted: {:?}", muted.items.iter().find(|i| i.outcome != groupdesk::model::bulk::Outcome::Done));
        assert_eq!(unmuted.count("done"), users.len(), "every user unmuted");
        let calls = users.len().div_ceil(limits::MUTE_ACCOUNTS_MAX) as u32;
        // Per job: one read of the group (type, owner), the calls (16 in flight), one read-back.
        let rounds = 2 + calls.div_ceil(client.config().bulk_concurrency as u32);
        let bound = (rtt * rounds).max(Duration::from_secs_f64(f64::from(calls) / f64::from(limits::RATE_PER_SECOND)));
        println!(
            "tencent_members: mute {:.2} s + unmute {:.2} s for 2 × {} users in 2 × {calls} calls; bound {:.2} s per job \
             ({rounds} round trips of {LATENCY_MS} ms) — {:.2}× / {:.2}× the bound",
            mute.as_secs_f64(),
            unmute.as_secs_f64(),
            users.len(),
            bound.as_secs_f64(),
            mute.as_secs_f64() / bound.as_secs_f64(),
            unmute.as_secs_f64() / bound.as_secs_f64(),
        );

        // 2. Every member of the 100,000-member Community, cursor page after cursor page.
        let filter = MemberFilter::default();
        let t = Instant::now();
        let members = client.all_members(BIG, GroupType::Community, &filter, None).await.expect("all members");
        let all = t.elapsed();
        assert_eq!(members.len(), BIG_MEMBERS as usize);
        let pages = BIG_MEMBERS.div_ceil(limits::MEMBER_PAGE_MAX);
        let bound = rtt * pages;
        println!(
            "tencent_members: {BIG_MEMBERS} Community members in {:.2} s ({pages} cursor pages of {}); bound {:.2} s \
             ({pages} × {LATENCY_MS} ms) — {:.3}× the bound (target ≤ 1.10×)",
            all.as_secs_f64(),
            limits::MEMBER_PAGE_MAX,
            bound.as_secs_f64(),
            all.as_secs_f64() / bound.as_secs_f64()
        );

        // 3. Every member of the 6,000-member Public group, Offset pages in parallel.
        let t = Instant::now();
        let members = client.all_members(WIDE, GroupType::Public, &filter, None).await.expect("all members");
        let wide = t.elapsed();
        assert_eq!(members.len(), WIDE_MEMBERS as usize);
        let pages = WIDE_MEMBERS.div_ceil(limits::MEMBER_PAGE_MAX);
        let rest = pages - 1;
        let rounds = 1 + rest.div_ceil(client.config().bulk_concurrency as u32);
        let bound = (rtt * rounds).max(Duration::from_secs_f64(f64::from(pages) / f64::from(limits::RATE_PER_SECOND)));
        println!(
            "tencent_members: {WIDE_MEMBERS} Public members in {:.3} s ({pages} Offset pages, {} in flight); bound {:.3} s \
             (rate {}/s, {rounds} round trips) — {:.2}× the bound; sequential would be {:.2} s",
            wide.as_secs_f64(),
            client.config().bulk_concurrency,
            bound.as_secs_f64(),
            limits::RATE_PER_SECOND,
            wide.as_secs_f64() / bound.as_secs_f64(),
            (rtt * pages).as_secs_f64()
        );
    });
    sandbox.stop();
}
