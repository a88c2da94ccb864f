//! The tables of the Tencent sandbox (`tencent.db`), created at every start if missing. Every
//! table is prefixed `tc_`. Extras (permission groups, topics, bans, app-wide mute) add their own
//! statements in `super::super::extras::SCHEMA`, applied after these.

pub const SCHEMA: &str = r#"
-- Imported accounts (im_open_login_svc). Members must be imported accounts.
CREATE TABLE IF NOT EXISTS tc_accounts(
    user_id     TEXT PRIMARY KEY,
    nick        TEXT NOT NULL DEFAULT '',
    face_url    TEXT NOT NULL DEFAULT '',
    create_time INTEGER NOT NULL
) WITHOUT ROWID;
-- One row per group. seq (insertion order) is the uint64 `Next` of get_appid_group_list.
-- type is the REST spelling; times are unix seconds; owner '' = no owner.
CREATE TABLE IF NOT EXISTS tc_groups(
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id       TEXT NOT NULL UNIQUE,
    type           TEXT NOT NULL,
    name           TEXT NOT NULL,
    introduction   TEXT NOT NULL DEFAULT '',
    notification   TEXT NOT NULL DEFAULT '',
    face_url       TEXT NOT NULL DEFAULT '',
    owner          TEXT NOT NULL DEFAULT '',
    create_time    INTEGER NOT NULL,
    info_seq       INTEGER NOT NULL DEFAULT 1,
    last_info_time INTEGER NOT NULL,
    last_msg_time  INTEGER NOT NULL DEFAULT 0,
    next_msg_seq   INTEGER NOT NULL DEFAULT 1,
    -- kept by the repository on every join and leave, so counts never scan 100,000 rows
    member_num     INTEGER NOT NULL DEFAULT 0,
    max_member_num INTEGER NOT NULL,
    apply_join     TEXT NOT NULL DEFAULT 'NeedPermission',
    invite_join    TEXT NOT NULL DEFAULT 'FreeAccess',
    mute_all       INTEGER NOT NULL DEFAULT 0,
    support_topic  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS tc_groups_by_type ON tc_groups(type, seq);
-- Ids of destroyed groups: a later call on one answers 10010 (destroyed), not 10015 (never was).
CREATE TABLE IF NOT EXISTS tc_destroyed(group_id TEXT PRIMARY KEY) WITHOUT ROWID;
-- Members. seq (insertion order) is the order of pages and the Community cursor `Next`.
-- role: Owner | Admin | Member. AVChatRoom groups store no members.
CREATE TABLE IF NOT EXISTS tc_members(
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id           TEXT NOT NULL,
    user_id            TEXT NOT NULL,
    role               TEXT NOT NULL DEFAULT 'Member',
    join_time          INTEGER NOT NULL,
    msg_seq            INTEGER NOT NULL DEFAULT 0,
    msg_flag           TEXT NOT NULL DEFAULT 'AcceptAndNotify',
    last_send_msg_time INTEGER NOT NULL DEFAULT 0,
    name_card          TEXT NOT NULL DEFAULT '',
    UNIQUE(group_id, user_id)
);
-- A page (Offset or cursor) walks this index from the group's first or the cursor's row.
CREATE INDEX IF NOT EXISTS tc_members_page ON tc_members(group_id, seq);
CREATE INDEX IF NOT EXISTS tc_members_by_user ON tc_members(user_id, seq);
-- Mutes, apart from membership: a mute survives leave and rejoin. until = unix seconds.
CREATE TABLE IF NOT EXISTS tc_mutes(
    group_id TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    until    INTEGER NOT NULL,
    PRIMARY KEY(group_id, user_id)
) WITHOUT ROWID;
-- Custom field values (AppDefinedData / AppMemberDefinedData).
CREATE TABLE IF NOT EXISTS tc_group_data(
    group_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY(group_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tc_member_data(
    group_id TEXT NOT NULL, user_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY(group_id, user_id, key)
) WITHOUT ROWID;
-- The app's custom field registry (the Chat console's configuration). scope: group | member.
-- group_types: comma-separated REST types a member key is enabled for.
CREATE TABLE IF NOT EXISTS tc_fields(
    scope       TEXT NOT NULL,
    key         TEXT NOT NULL,
    ord         INTEGER NOT NULL,
    label       TEXT NOT NULL,
    value_type  TEXT NOT NULL,
    read_level  TEXT NOT NULL,
    write_level TEXT NOT NULL,
    group_types TEXT NOT NULL DEFAULT '',
    PRIMARY KEY(scope, key)
) WITHOUT ROWID;
"#;
