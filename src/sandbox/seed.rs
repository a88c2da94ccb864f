//! Demo data for a new data directory: hosted and legacy groups with realistic names, one group
//! with 3,000 members, some muted members, and a muted-all group with an allowlist. Generated
//! from a fixed seed so every fresh sandbox looks the same.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rusqlite::{Connection, params};
use serde_json::json;

use super::admin;

/// The group with 3,000 members.
pub const BIG_GROUP: &str = "community";
/// The muted-all group with an allowlist.
pub const MUTED_GROUP: &str = "announcements";
pub const DEMO_EXT_KEYS: [&str; 3] = ["ext_region", "ext_tier", "ext_category"];

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

const USERS: u32 = 4000;

fn user_id(n: u32) -> String {
    format!("u{}", 10000 + n)
}

fn nickname(rng: &mut StdRng) -> String {
    format!("{} {}", FIRST[rng.random_range(0..FIRST.len())], LAST[rng.random_range(0..LAST.len())])
}

fn slug(name: &str) -> String {
    name.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase()
}

struct Members<'a> {
    conn: &'a Connection,
}

impl Members<'_> {
    fn add(&self, gid: &str, uid: &str, role: i64, nickname: &str, extra: &str, t: i64) -> rusqlite::Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO members(group_id, user_id, role, nickname, extra, join_time) VALUES(?1,?2,?3,?4,?5,?6)",
            )?
            .execute(params![gid, uid, role, nickname, extra, t])?;
        Ok(())
    }
}

#[allow(clippy::too_many_arguments)]
fn hosted_group(
    conn: &Connection,
    gid: &str,
    name: &str,
    owner: &str,
    profile: &serde_json::Value,
    ext: &serde_json::Value,
    perms: &serde_json::Value,
    created: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO groups(group_id, name, hosted, owner, creator, profile, ext, permissions, create_time) \
         VALUES(?1, ?2, 1, ?3, ?3, ?4, ?5, ?6, ?7)",
        params![gid, name, owner, profile.to_string(), ext.to_string(), perms.to_string(), created],
    )?;
    Ok(())
}

fn permissions(rng: &mut StdRng) -> serde_json::Value {
    json!({
        "joinPerm": rng.random_range(0..4),
        "removePerm": rng.random_range(0..3),
        "memInvitePerm": rng.random_range(0..3),
        "invitePerm": rng.random_range(0..2),
        "profilePerm": rng.random_range(0..3),
        "memProfilePerm": rng.random_range(0..3),
    })
}

pub fn demo(conn: &Connection, app_key: &str, now: i64) -> anyhow::Result<()> {
    let mut rng = StdRng::seed_from_u64(0x67d5);
    let day = 86_400_000i64;
    let m = Members { conn };
    let keys: Vec<String> = DEMO_EXT_KEYS.iter().map(|s| s.to_string()).collect();
    admin::add_keys(conn, app_key, &keys, now)?;
    let regions = ["APAC", "EMEA", "NA", "LATAM"];
    let tiers = ["free", "plus", "enterprise"];

    // The 3,000-member community group.
    let created = now - 420 * day;
    hosted_group(
        conn,
        BIG_GROUP,
        "Global Community Lounge",
        &user_id(0),
        &json!({
            "introduction": "The main hangout for everyone using the app. Be kind, stay on topic.",
            "announcement": "Community guidelines were updated on Monday. Spam gets you muted.",
            "portraitUrl": "https://cdn.example.com/groups/community.png"
        }),
        &json!({"ext_region": "APAC", "ext_tier": "free", "ext_category": "community"}),
        &json!({"joinPerm": 1, "removePerm": 1, "memInvitePerm": 2, "invitePerm": 0, "profilePerm": 1, "memProfilePerm": 0}),
        created,
    )?;
    for n in 0..3000u32 {
        let role = match n {
            0 => 3,
            1..=5 => 2,
            _ => 1,
        };
        let extra = if n % 97 == 0 { "verified" } else { "" };
        let t = created + i64::from(n) * (400 * day / 3000) + rng.random_range(0..60_000);
        m.add(BIG_GROUP, &user_id(n), role, &nickname(&mut rng), extra, t)?;
    }
    // Muted members of the big group: some for an hour or a day, two permanently.
    for (i, n) in [120u32, 245, 377, 512, 640, 888, 1024, 1500, 2048, 2999].iter().enumerate() {
        let end = match i {
            0 | 1 => None,
            2..=5 => Some(now + 60 * 60_000),
            _ => Some(now + day),
        };
        conn.execute(
            "INSERT INTO gags(group_id, user_id, start_ms, end_ms) VALUES(?1, ?2, ?3, ?4)",
            params![BIG_GROUP, user_id(*n), now - 10 * 60_000, end],
        )?;
    }

    // The muted-all announcements group with its allowlist.
    let created = now - 300 * day;
    hosted_group(
        conn,
        MUTED_GROUP,
        "Official Announcements",
        &user_id(0),
        &json!({
            "introduction": "Release notes and service notices. Only moderators can post.",
            "announcement": "Version 5.2 is rolling out this week.",
            "portraitUrl": "https://cdn.example.com/groups/announcements.png"
        }),
        &json!({"ext_category": "official"}),
        &json!({"joinPerm": 1, "removePerm": 0, "memInvitePerm": 0, "invitePerm": 0, "profilePerm": 0, "memProfilePerm": 0}),
        created,
    )?;
    for n in 0..400u32 {
        let role = match n {
            0 => 3,
            1..=3 => 2,
            _ => 1,
        };
        m.add(MUTED_GROUP, &user_id(n), role, &nickname(&mut rng), "", created + i64::from(n) * 600_000)?;
    }
    conn.execute("INSERT INTO bans(group_id, time) VALUES(?1, ?2)", params![MUTED_GROUP, now - 2 * day])?;
    for n in [0u32, 1, 2, 3, 42] {
        conn.execute(
            "INSERT INTO whitelist(group_id, user_id, time) VALUES(?1, ?2, ?3)",
            params![MUTED_GROUP, user_id(n), now - 2 * day],
        )?;
    }

    // Ordinary hosted groups.
    for (i, name) in HOSTED.iter().enumerate() {
        let gid = slug(name);
        let created = now - rng.random_range(5..400) * day - rng.random_range(0..day);
        let owner_n = rng.random_range(0..USERS);
        let owner = user_id(owner_n);
        let ext = if i % 3 == 0 {
            json!({"ext_region": regions[i % regions.len()], "ext_tier": tiers[i % tiers.len()]})
        } else {
            json!({})
        };
        hosted_group(
            conn,
            &gid,
            name,
            &owner,
            &json!({
                "introduction": format!("Welcome to {name}! Introduce yourself and read the pinned rules."),
                "announcement": if i % 2 == 0 { format!("{name} meets every Thursday.") } else { String::new() },
                "portraitUrl": format!("https://cdn.example.com/groups/{gid}.png"),
            }),
            &ext,
            &permissions(&mut rng),
            created,
        )?;
        m.add(&gid, &owner, 3, &nickname(&mut rng), "", created)?;
        let size = rng.random_range(5..120);
        let admins = rng.random_range(0..4);
        for k in 0..size {
            let n = rng.random_range(0..USERS);
            if n == owner_n {
                continue;
            }
            let role = if k < admins { 2 } else { 1 };
            let t = created + rng.random_range(0..(now - created).max(1));
            m.add(&gid, &user_id(n), role, &nickname(&mut rng), "", t)?;
        }
        if i % 4 == 1 {
            let muted = rng.random_range(0..USERS);
            m.add(&gid, &user_id(muted), 1, &nickname(&mut rng), "", now - day)?;
            conn.execute(
                "INSERT OR REPLACE INTO gags(group_id, user_id, start_ms, end_ms) VALUES(?1, ?2, ?3, ?4)",
                params![gid, user_id(muted), now - 5 * 60_000, now + 30 * 60_000],
            )?;
        }
    }

    // Legacy groups: membership and push name only.
    for name in LEGACY {
        let gid = format!("legacy{}", slug(name));
        let created = now - rng.random_range(400..900) * day;
        conn.execute(
            "INSERT INTO groups(group_id, name, hosted, create_time) VALUES(?1, ?2, 0, ?3)",
            params![gid, name, created],
        )?;
        for _ in 0..rng.random_range(3..40) {
            let n = rng.random_range(0..USERS);
            m.add(&gid, &user_id(n), 1, "", "", created + rng.random_range(0..day * 300))?;
        }
    }
    super::store::recount_members(conn)?;
    // One user muted in all groups.
    conn.execute(
        "INSERT INTO gags(group_id, user_id, start_ms, end_ms) VALUES('', ?1, ?2, ?3)",
        params![user_id(3999), now - day, now + 6 * day],
    )?;
    Ok(())
}
