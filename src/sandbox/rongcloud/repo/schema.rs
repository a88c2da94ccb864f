//! The tables of the RongCloud sandbox, created at every start if missing.

/// Every table and index; applied with `CREATE … IF NOT EXISTS` so existing data stays.
pub const SCHEMA: &str = r#"
-- One row per IM group. Legacy groups (hosted = 0) carry only the push name; hosted groups
-- (the /entrust/* family) add owner, profile, permissions and extProfile.
CREATE TABLE IF NOT EXISTS groups(
    group_id    TEXT PRIMARY KEY,
    name        TEXT NOT NULL DEFAULT '',
    hosted      INTEGER NOT NULL DEFAULT 0,
    owner       TEXT,
    creator     TEXT,
    profile     TEXT NOT NULL DEFAULT '{}',
    ext         TEXT NOT NULL DEFAULT '{}',
    permissions TEXT NOT NULL DEFAULT '{}',
    create_time INTEGER NOT NULL,
    -- kept by Repo::add_member / Repo::remove_member, so counts never scan 3,000 rows
    member_count INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS groups_by_time ON groups(hosted, create_time, group_id);
-- role: 1 member, 2 admin, 3 owner (legacy members are 1).
CREATE TABLE IF NOT EXISTS members(
    group_id  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    role      INTEGER NOT NULL DEFAULT 1,
    nickname  TEXT NOT NULL DEFAULT '',
    extra     TEXT NOT NULL DEFAULT '',
    join_time INTEGER NOT NULL,
    PRIMARY KEY(group_id, user_id)
) WITHOUT ROWID;
-- Covering index for member pages (no lookup into the table per row).
CREATE INDEX IF NOT EXISTS members_by_time ON members(group_id, join_time, user_id, role, nickname, extra);
CREATE INDEX IF NOT EXISTS members_by_role ON members(group_id, role);
CREATE INDEX IF NOT EXISTS members_by_user ON members(user_id, join_time, group_id);
-- Member mutes; group_id '' = muted in all groups. end_ms NULL = permanent.
CREATE TABLE IF NOT EXISTS gags(
    group_id TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms   INTEGER,
    PRIMARY KEY(group_id, user_id)
) WITHOUT ROWID;
-- Mute-all ("ban"); survives dismiss.
CREATE TABLE IF NOT EXISTS bans(group_id TEXT PRIMARY KEY, time INTEGER NOT NULL) WITHOUT ROWID;
-- Mute-all allowlist; survives leave and dismiss.
CREATE TABLE IF NOT EXISTS whitelist(
    group_id TEXT NOT NULL, user_id TEXT NOT NULL, time INTEGER NOT NULL,
    PRIMARY KEY(group_id, user_id)
) WITHOUT ROWID;
-- Legacy push remark (/group/remarks/*).
CREATE TABLE IF NOT EXISTS push_remarks(
    group_id TEXT NOT NULL, user_id TEXT NOT NULL, remark TEXT NOT NULL,
    PRIMARY KEY(group_id, user_id)
) WITHOUT ROWID;
-- Hosted per-user group alias (/entrust/group/remarkname/*).
CREATE TABLE IF NOT EXISTS remark_names(
    group_id TEXT NOT NULL, user_id TEXT NOT NULL, remark_name TEXT NOT NULL,
    PRIMARY KEY(group_id, user_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS follows(
    group_id TEXT NOT NULL, user_id TEXT NOT NULL, follow_user_id TEXT NOT NULL, time INTEGER NOT NULL,
    PRIMARY KEY(group_id, user_id, follow_user_id)
) WITHOUT ROWID;
-- The developer-console registry of allowed extProfile keys, per App Key.
CREATE TABLE IF NOT EXISTS ext_keys(
    app_key TEXT NOT NULL, key TEXT NOT NULL, time INTEGER NOT NULL,
    PRIMARY KEY(app_key, key)
) WITHOUT ROWID;
"#;
