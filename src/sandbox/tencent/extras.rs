//! The commands added on top of the skeleton — Community topics and permission groups, bans,
//! the app-wide mute, `get_specified_group_member_info` — wired in here: their routes, their
//! tables and their demo rows. The wire of each (fields, limits, codes, every `[I]` choice) is
//! documented in its handler module: `handlers::topics`, `handlers::permissions`,
//! `handlers::topic_permissions`, `handlers::bans`, `handlers::nospeaking`, `handlers::quotas`;
//! README's "Tencent sandbox" section has the same in one table.
//!
//! * [`EXTRA_ROUTES`] — looked up after `routes::ROUTES`. Topic commands are served where the
//!   real API has them, `million_group_open_http_svc`, and also under `group_open_http_svc`
//!   (where the permission-group commands live) [I].
//! * [`SCHEMA`] — applied after `repo::schema::SCHEMA` at every start.
//! * [`seed`] — demo rows, after the groups and members of `seed::demo`.

use super::Command;
use super::handlers::{bans, info, nospeaking, permissions, topic_permissions, topics};
use super::repo::Fixtures;

pub static EXTRA_ROUTES: &[Command] = &[
    cmd!("million_group_open_http_svc", "create_topic", topics::create),
    cmd!("million_group_open_http_svc", "get_topic", topics::get),
    cmd!("million_group_open_http_svc", "destroy_topic", topics::destroy),
    cmd!("group_open_http_svc", "create_topic", topics::create),
    cmd!("group_open_http_svc", "get_topic", topics::get),
    cmd!("group_open_http_svc", "destroy_topic", topics::destroy),
    cmd!("group_open_http_svc", "create_permission_group", permissions::create),
    cmd!("group_open_http_svc", "modify_permission_group", permissions::modify),
    cmd!("group_open_http_svc", "destroy_permission_group", permissions::destroy),
    cmd!("group_open_http_svc", "get_permission_group_info", permissions::info),
    cmd!("group_open_http_svc", "add_permission_group_member", permissions::add_members),
    cmd!("group_open_http_svc", "delete_permission_group_member", permissions::delete_members),
    cmd!("group_open_http_svc", "get_permission_group_member_list", permissions::member_list),
    cmd!("group_open_http_svc", "add_topic_permission_group", topic_permissions::add),
    cmd!("group_open_http_svc", "set_topic_permission_group", topic_permissions::set),
    cmd!("group_open_http_svc", "delete_topic_permission_group", topic_permissions::delete),
    cmd!("group_open_http_svc", "get_topic_permission_group", topic_permissions::get),
    cmd!("group_open_http_svc", "ban_group_member", bans::ban),
    cmd!("group_open_http_svc", "unban_group_member", bans::unban),
    cmd!("group_open_http_svc", "get_group_ban_member", bans::list),
    cmd!("group_open_http_svc", "get_specified_group_member_info", info::get_specified_group_member_info),
    cmd!("openconfigsvr", "setnospeaking", nospeaking::set),
    cmd!("openconfigsvr", "getnospeaking", nospeaking::get),
];

pub const SCHEMA: &str = r#"
-- Community topics; topic_id = group_id || '@TOPIC#_' || custom part. seq = creation order.
CREATE TABLE IF NOT EXISTS tc_topics(
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    topic_id     TEXT NOT NULL UNIQUE,
    group_id     TEXT NOT NULL,
    name         TEXT NOT NULL,
    introduction TEXT NOT NULL DEFAULT '',
    notification TEXT NOT NULL DEFAULT '',
    face_url     TEXT NOT NULL DEFAULT '',
    create_time  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tc_topics_by_group ON tc_topics(group_id, seq);
-- Permission groups of a Community (ids unique per Community). permission: the u64 bits.
CREATE TABLE IF NOT EXISTS tc_permission_groups(
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id    TEXT NOT NULL,
    pg_id       TEXT NOT NULL,
    name        TEXT NOT NULL,
    permission  INTEGER NOT NULL,
    custom      TEXT NOT NULL DEFAULT '',
    create_time INTEGER NOT NULL,
    UNIQUE(group_id, pg_id)
);
-- Their members; seq (insertion order) is the cursor `Next` of the member list.
CREATE TABLE IF NOT EXISTS tc_permission_members(
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id TEXT NOT NULL,
    pg_id    TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    UNIQUE(group_id, pg_id, user_id)
);
CREATE INDEX IF NOT EXISTS tc_permission_members_page ON tc_permission_members(group_id, pg_id, seq);
CREATE INDEX IF NOT EXISTS tc_permission_members_by_user ON tc_permission_members(group_id, user_id);
-- A permission group's permission on a topic (topic bits).
CREATE TABLE IF NOT EXISTS tc_topic_permissions(
    group_id   TEXT NOT NULL,
    pg_id      TEXT NOT NULL,
    topic_id   TEXT NOT NULL,
    permission INTEGER NOT NULL,
    PRIMARY KEY(group_id, pg_id, topic_id)
) WITHOUT ROWID;
-- Bans: kick + no rejoin while until > now (unix seconds; 4294967295 = permanent).
CREATE TABLE IF NOT EXISTS tc_bans(
    group_id    TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    until       INTEGER NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    banned_at   INTEGER NOT NULL,
    PRIMARY KEY(group_id, user_id)
) WITHOUT ROWID;
-- The app-wide mute of an account: ends of its C2C and group mutes (0 = none).
CREATE TABLE IF NOT EXISTS tc_nospeaking(
    user_id     TEXT PRIMARY KEY,
    c2c_until   INTEGER NOT NULL DEFAULT 0,
    group_until INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
"#;

/// Demo data of the extras (after the groups and members of `seed::demo`); see
/// `seed_extras.rs`.
pub fn seed(f: &Fixtures, now: i64) -> anyhow::Result<()> {
    super::seed_extras::demo(f, now)
}
