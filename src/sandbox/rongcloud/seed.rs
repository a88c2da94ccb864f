//! Demo data for a new data directory: hosted and legacy groups with realistic names, one group
//! with 3,000 members, some muted members, and a muted-all group with an allowlist. Generated
//! from a fixed seed so every fresh sandbox looks the same.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};

use super::repo::{Fixtures, Profile, ROLE_ADMIN, ROLE_MEMBER, ROLE_OWNER};

/// The group with 3,000 members.
const BIG_GROUP: &str = "community";
/// The muted-all group with an allowlist.
const MUTED_GROUP: &str = "announcements";
const DEMO_EXT_KEYS: [&str; 3] = ["ext_region", "ext_tier", "ext_category"];

const HOSTED: &[&str] = &[
    "Product Feedback", "Weekend Hikers", "Android Beta Testers", "Shanghai Foodies",
    "Customer Success APAC", "Parents of Class 3B", "Book Club", "Gaming Night",
    "Photography Lovers", "Marathon Training", "Premium Members", "VIP Support",
    "Campus Ambassadors", "Travel Deals", "Language Exchange", "Pet Owners",
    "Startup Founders", "Design Critique", "Music Producers", "Calculus Study Group",
    "Neighborhood Watch", "Fitness Challenge", "Sales Team EMEA", "iOS Beta Feedback",
    "Cooking Club", "Movie Buffs", "Remote Workers", "Chess Club", "Tennis Partners",
    "Volunteer Network",
];

const LEGACY: &[&str] = &[
    "Ops Alerts", "Night Shift", "Warehouse Crew", "Old Forum Migration", "Class of 2019",
    "Driver Dispatch", "Store 114 Staff", "Regional Managers", "Launch War Room",
    "Support Escalations", "QA Nightly", "Alumni Singapore",
];

const FIRST: &[&str] = &[
    "Wei", "Li", "Mei", "Chen", "Aisha", "Omar", "Sofia", "Lucas", "Yuki", "Hana", "Arjun", "Priya",
    "Noah", "Emma", "Mateo", "Lena", "Kai", "Zara", "Ivan", "Nina", "Tom", "Anna", "Leo", "Mia",
    "Ravi", "Sara", "Jin", "Min", "Ali", "Eva",
];
const LAST: &[&str] = &[
    "Zhang", "Wang", "Liu", "Tan", "Khan", "Haddad", "Rossi", "Silva", "Sato", "Kim", "Patel",
    "Singh", "Muller", "Novak", "Garcia", "Lopez", "Nguyen", "Park", "Ivanova", "Brown", "Smith",
    "Chen", "Lee", "Wong",
];

/// Chinese family and given names: a third of the community's nicknames, and the members of the
/// groups below, so a fresh console shows what most of this product's users see.
const SURNAMES: &[&str] = &["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙"];
const GIVEN: &[&str] = &["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "晓燕", "建华", "丽"];

/// Hosted groups named in Chinese: (id, name, introduction, announcement, members).
const CHINESE: &[(&str, &str, &str, &str, u32)] = &[
    ("beijingusers", "北京用户交流群", "欢迎北京地区的用户加入，请先阅读群公告。", "本周六下午两点线下见面会，地点见群文件。", 180),
    ("shanghaimoms", "上海宝妈互助群", "育儿经验交流，禁止广告。", "", 95),
    ("kefutest", "客服测试群", "客服团队内部测试用，请勿外传。", "新版工单系统下周一上线。", 24),
];

const USERS: u32 = 4000;

/// A Chinese name for user `n` (deterministic).
fn chinese_name(n: u32) -> String {
    let n = n as usize;
    format!("{}{}", SURNAMES[n % SURNAMES.len()], GIVEN[(n / SURNAMES.len()) % GIVEN.len()])
}

fn user_id(n: u32) -> String {
    format!("u{}", 10000 + n)
}

fn nickname(rng: &mut StdRng) -> String {
    format!("{} {}", FIRST[rng.random_range(0..FIRST.len())], LAST[rng.random_range(0..LAST.len())])
}

fn slug(name: &str) -> String {
    name.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase()
}

fn profile(profile: &Value, ext: &Value, permissions: &Value) -> Profile {
    Profile { profile: profile.to_string(), ext: ext.to_string(), permissions: permissions.to_string() }
}

fn permissions(rng: &mut StdRng) -> Value {
    json!({
        "joinPerm": rng.random_range(0..4),
        "removePerm": rng.random_range(0..3),
        "memInvitePerm": rng.random_range(0..3),
        "invitePerm": rng.random_range(0..2),
        "profilePerm": rng.random_range(0..3),
        "memProfilePerm": rng.random_range(0..3),
    })
}

const DAY: i64 = 86_400_000;

/// Fills a new database with the demo data of `app_key`, relative to `now`.
pub fn demo(f: &Fixtures, app_key: &str, now: i64) -> anyhow::Result<()> {
    let mut rng = StdRng::seed_from_u64(0x67d5);
    let keys: Vec<String> = DEMO_EXT_KEYS.iter().map(|s| s.to_string()).collect();
    f.ext_keys(app_key, &keys)?;
    big_group(f, &mut rng, now)?;
    muted_group(f, &mut rng, now)?;
    hosted_groups(f, &mut rng, now)?;
    legacy_groups(f, &mut rng, now)?;
    chinese_groups(f, now)?;
    f.recount_members()?;
    // One user muted in all groups.
    f.mute("", &user_id(3999), now - DAY, Some(now + 6 * DAY))?;
    Ok(())
}

/// The 3,000-member community group, with muted members: some for an hour or a day, two
/// permanently.
fn big_group(f: &Fixtures, rng: &mut StdRng, now: i64) -> anyhow::Result<()> {
    let created = now - 420 * DAY;
    let profile = profile(
        &json!({
            "introduction": "The main hangout for everyone using the app. Be kind, stay on topic.",
            "announcement": "Community guidelines were updated on Monday. Spam gets you muted.",
            "portraitUrl": "https://cdn.example.com/groups/community.png"
        }),
        &json!({"ext_region": "APAC", "ext_tier": "free", "ext_category": "community"}),
        &json!({"joinPerm": 1, "removePerm": 1, "memInvitePerm": 2, "invitePerm": 0, "profilePerm": 1, "memProfilePerm": 0}),
    );
    f.hosted_group(BIG_GROUP, "Global Community Lounge", &user_id(0), &profile, created)?;
    for n in 0..3000u32 {
        let role = match n {
            0 => ROLE_OWNER,
            1..=5 => ROLE_ADMIN,
            _ => ROLE_MEMBER,
        };
        let extra = if n % 97 == 0 { "verified" } else { "" };
        let t = created + i64::from(n) * (400 * DAY / 3000) + rng.random_range(0..60_000);
        let latin = nickname(rng);
        let nick = if n % 3 == 1 { chinese_name(n) } else { latin };
        f.member(BIG_GROUP, &user_id(n), role, &nick, extra, t)?;
    }
    for (i, n) in [120u32, 245, 377, 512, 640, 888, 1024, 1500, 2048, 2999].iter().enumerate() {
        let end = match i {
            0 | 1 => None,
            2..=5 => Some(now + 60 * 60_000),
            _ => Some(now + DAY),
        };
        f.mute(BIG_GROUP, &user_id(*n), now - 10 * 60_000, end)?;
    }
    Ok(())
}

/// The muted-all announcements group with its allowlist.
fn muted_group(f: &Fixtures, rng: &mut StdRng, now: i64) -> anyhow::Result<()> {
    let created = now - 300 * DAY;
    let profile = profile(
        &json!({
            "introduction": "Release notes and service notices. Only moderators can post.",
            "announcement": "Version 5.2 is rolling out this week.",
            "portraitUrl": "https://cdn.example.com/groups/announcements.png"
        }),
        &json!({"ext_category": "official"}),
        &json!({"joinPerm": 1, "removePerm": 0, "memInvitePerm": 0, "invitePerm": 0, "profilePerm": 0, "memProfilePerm": 0}),
    );
    f.hosted_group(MUTED_GROUP, "Official Announcements", &user_id(0), &profile, created)?;
    for n in 0..400u32 {
        let role = match n {
            0 => ROLE_OWNER,
            1..=3 => ROLE_ADMIN,
            _ => ROLE_MEMBER,
        };
        f.member(MUTED_GROUP, &user_id(n), role, &nickname(rng), "", created + i64::from(n) * 600_000)?;
    }
    f.ban(MUTED_GROUP, now - 2 * DAY)?;
    for n in [0u32, 1, 2, 3, 42] {
        f.allow(MUTED_GROUP, &user_id(n), now - 2 * DAY)?;
    }
    Ok(())
}

/// Ordinary hosted groups of random size, some with admins, extProfile and a muted member.
fn hosted_groups(f: &Fixtures, rng: &mut StdRng, now: i64) -> anyhow::Result<()> {
    let regions = ["APAC", "EMEA", "NA", "LATAM"];
    let tiers = ["free", "plus", "enterprise"];
    for (i, name) in HOSTED.iter().enumerate() {
        let gid = slug(name);
        let created = now - rng.random_range(5..400) * DAY - rng.random_range(0..DAY);
        let owner_n = rng.random_range(0..USERS);
        let owner = user_id(owner_n);
        let ext = if i % 3 == 0 {
            json!({"ext_region": regions[i % regions.len()], "ext_tier": tiers[i % tiers.len()]})
        } else {
            json!({})
        };
        let texts = json!({
            "introduction": format!("Welcome to {name}! Introduce yourself and read the pinned rules."),
            "announcement": if i % 2 == 0 { format!("{name} meets every Thursday.") } else { String::new() },
            "portraitUrl": format!("https://cdn.example.com/groups/{gid}.png"),
        });
        f.hosted_group(&gid, name, &owner, &profile(&texts, &ext, &permissions(rng)), created)?;
        f.member(&gid, &owner, ROLE_OWNER, &nickname(rng), "", created)?;
        let size = rng.random_range(5..120);
        let admins = rng.random_range(0..4);
        for k in 0..size {
            let n = rng.random_range(0..USERS);
            if n == owner_n {
                continue;
            }
            let role = if k < admins { ROLE_ADMIN } else { ROLE_MEMBER };
            let t = created + rng.random_range(0..(now - created).max(1));
            f.member(&gid, &user_id(n), role, &nickname(rng), "", t)?;
        }
        if i % 4 == 1 {
            let muted = user_id(rng.random_range(0..USERS));
            f.member(&gid, &muted, ROLE_MEMBER, &nickname(rng), "", now - DAY)?;
            f.mute(&gid, &muted, now - 5 * 60_000, Some(now + 30 * 60_000))?;
        }
    }
    Ok(())
}

/// Legacy groups: membership and push name only.
fn legacy_groups(f: &Fixtures, rng: &mut StdRng, now: i64) -> anyhow::Result<()> {
    for name in LEGACY {
        let gid = format!("legacy{}", slug(name));
        let created = now - rng.random_range(400..900) * DAY;
        f.legacy_group(&gid, name, created)?;
        for _ in 0..rng.random_range(3..40) {
            let n = rng.random_range(0..USERS);
            f.member(&gid, &user_id(n), ROLE_MEMBER, "", "", created + rng.random_range(0..DAY * 300))?;
        }
    }
    Ok(())
}

/// The groups named in Chinese, with Chinese nicknames (their own fixed sequence, so the other
/// groups stay as they were).
fn chinese_groups(f: &Fixtures, now: i64) -> anyhow::Result<()> {
    let mut rng = StdRng::seed_from_u64(0x4e2d);
    for (i, (gid, name, intro, announcement, size)) in CHINESE.iter().enumerate() {
        let created = now - (40 + 25 * i as i64) * DAY;
        let owner_n = 3000 + 100 * i as u32;
        let texts = json!({"introduction": intro, "announcement": announcement, "portraitUrl": format!("https://cdn.example.com/groups/{gid}.png")});
        f.hosted_group(gid, name, &user_id(owner_n), &profile(&texts, &json!({"ext_region": "APAC"}), &permissions(&mut rng)), created)?;
        f.member(gid, &user_id(owner_n), ROLE_OWNER, &chinese_name(owner_n), "", created)?;
        for k in 1..*size {
            let n = owner_n + k;
            let role = if k <= 2 { ROLE_ADMIN } else { ROLE_MEMBER };
            f.member(gid, &user_id(n), role, &chinese_name(n), "", created + rng.random_range(0..(now - created).max(1)))?;
        }
    }
    Ok(())
}
