//! Demo data for a new `tencent.db` (made for the premium edition; seeding does not check
//! caps): accounts `administrator` and `user00001`…`user20000`, a custom field registry with
//! Chinese labels, and one group of every type with stable ids:
//!
//! | id | type | members |
//! |---|---|---|
//! | `@TGS#_community` | Community | 20,000 (owner `user00001`, 10 admins, 25 muted, custom values) |
//! | `@TGS#work` | Private (Work) | 12 |
//! | `@TGS#public` | Public | 500 (3 admins, 5 muted) |
//! | `@TGS#meeting` | ChatRoom (Meeting) | 40 |
//! | `@TGS#live` | AVChatRoom | none stored (owner `user00001`, 2 muted accounts) |
//!
//! Topics, permission groups, bans and the app-wide mute of the demo: `seed_extras.rs`.
//!
//! Every statement is prepared once and reused inside the one seeding transaction.

use super::repo::{FieldDef, Fixtures, Group, Scope};
use crate::protocol::tencent::wire::GroupType;

pub const COMMUNITY: &str = "@TGS#_community";
pub const WORK: &str = "@TGS#work";
pub const PUBLIC: &str = "@TGS#public";
pub const MEETING: &str = "@TGS#meeting";
pub const LIVE: &str = "@TGS#live";
pub const USERS: u32 = 20_000;
const DAY: i64 = 86_400;

const SURNAMES: &[&str] = &["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙"];
const GIVEN: &[&str] = &["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "晓燕"];

pub fn user(n: u32) -> String {
    format!("user{n:05}")
}

fn chinese_name(n: u32) -> String {
    let n = n as usize;
    format!("{}{}", SURNAMES[n % SURNAMES.len()], GIVEN[(n / SURNAMES.len()) % GIVEN.len()])
}

fn def(key: &str, label: &str, value_type: &str, read: &str, write: &str, types: &[GroupType]) -> FieldDef {
    FieldDef {
        key: key.into(),
        label: label.into(),
        value_type: value_type.into(),
        read_level: read.into(),
        write_level: write.into(),
        group_types: types.iter().map(|t| t.wire().to_owned()).collect(),
    }
}

fn registry(f: &Fixtures) -> anyhow::Result<()> {
    use GroupType::*;
    f.field(Scope::Group, &def("level", "等级", "Integer", "Anyone", "Admin", &[]))?;
    f.field(Scope::Group, &def("region", "地区", "String", "Anyone", "Admin", &[]))?;
    f.field(Scope::Group, &def("verified", "已认证", "Boolean", "Anyone", "AppAdmin", &[]))?;
    f.field(Scope::Group, &def("settings", "群配置", "Json", "Admin", "Owner", &[]))?;
    f.field(Scope::Member, &def("title", "头衔", "String", "Anyone", "Admin", &[Public, Community]))?;
    f.field(Scope::Member, &def("points", "积分", "Integer", "Member", "Admin", &[Private, Public, ChatRoom, Community]))?;
    f.field(Scope::Member, &def("vip", "会员", "Boolean", "Anyone", "AppAdmin", &[Community]))?;
    Ok(())
}

struct Spec<'a> {
    id: &'a str,
    kind: GroupType,
    name: &'a str,
    intro: &'a str,
    notice: &'a str,
    max: i64,
    age_days: i64,
}

fn group(f: &Fixtures, s: &Spec, now: i64) -> anyhow::Result<i64> {
    let created = now - s.age_days * DAY;
    let mut g = Group::new(s.id, s.kind, s.name, s.max, created);
    g.introduction = s.intro.into();
    g.notification = s.notice.into();
    g.face_url = format!("https://cdn.example.com/g/{}.png", s.id.trim_start_matches("@TGS#").trim_start_matches('_'));
    g.owner = user(1);
    g.info_seq = 3;
    g.last_info_time = now - 2 * DAY;
    g.last_msg_time = now - 3600;
    g.next_msg_seq = 1000;
    match s.kind {
        GroupType::Private => (g.apply_join, g.invite_join) = ("DisableApply".into(), "FreeAccess".into()),
        GroupType::Public => (g.apply_join, g.invite_join) = ("NeedPermission".into(), "DisableInvite".into()),
        GroupType::Community => {
            (g.apply_join, g.invite_join) = ("FreeAccess".into(), "FreeAccess".into());
            g.support_topic = true;
        }
        _ => (g.apply_join, g.invite_join) = ("FreeAccess".into(), "DisableInvite".into()),
    }
    f.group(&g)?;
    Ok(created)
}

/// Members `user00001`… of a group: the first is the owner, the next `admins` are admins.
fn members(f: &Fixtures, gid: &str, count: u32, admins: u32, created: i64, now: i64) -> anyhow::Result<()> {
    let span = (now - created).max(1);
    for n in 1..=count {
        let role = match n {
            1 => "Owner",
            n if n <= 1 + admins => "Admin",
            _ => "Member",
        };
        let joined = created + span * i64::from(n - 1) / i64::from(count) / 2;
        let flag = if n % 17 == 0 { "AcceptNotNotify" } else { "AcceptAndNotify" };
        let card = if n % 5 == 0 { chinese_name(n) } else { String::new() };
        f.member(gid, &user(n), role, joined, flag, &card, i64::from(n % 40))?;
    }
    Ok(())
}

/// Fills a new database relative to `now` (unix seconds).
pub fn demo(f: &Fixtures, now: i64) -> anyhow::Result<()> {
    f.account("administrator", "管理员", now - 400 * DAY)?;
    for n in 1..=USERS {
        let nick = if n % 3 == 0 { chinese_name(n) } else { format!("User {n}") };
        f.account(&user(n), &nick, now - 400 * DAY + i64::from(n))?;
    }
    registry(f)?;

    let created = group(f, &Spec {
        id: COMMUNITY, kind: GroupType::Community, name: "腾讯云开发者社区",
        intro: "欢迎来到开发者社区！分享经验，互相帮助。", notice: "社区公约已更新：禁止广告和刷屏。",
        max: 100_000, age_days: 300,
    }, now)?;
    members(f, COMMUNITY, USERS, 10, created, now)?;
    for (i, n) in (0..25u32).map(|i| (i, 150 + i * 797)) {
        let until = match i % 3 {
            0 => crate::protocol::tencent::limits::MUTE_PERMANENT as i64,
            1 => now + 3600,
            _ => now + 7 * DAY,
        };
        f.mute(COMMUNITY, &user(n), until)?;
    }
    f.group_value(COMMUNITY, "level", "5")?;
    f.group_value(COMMUNITY, "region", "华南")?;
    f.group_value(COMMUNITY, "verified", "true")?;
    f.group_value(COMMUNITY, "settings", r#"{"slowMode":10}"#)?;
    for n in 2..=11 {
        f.member_value(COMMUNITY, &user(n), "title", "版主")?;
    }
    for n in (10..=USERS).step_by(10) {
        f.member_value(COMMUNITY, &user(n), "points", &(n % 1000).to_string())?;
    }
    for n in (7..=USERS).step_by(50) {
        f.member_value(COMMUNITY, &user(n), "vip", "true")?;
    }

    let created = group(f, &Spec {
        id: WORK, kind: GroupType::Private, name: "项目组 Project Team",
        intro: "内部项目协作群 / internal project chat", notice: "每周一上午十点例会。", max: 2000, age_days: 90,
    }, now)?;
    members(f, WORK, 12, 0, created, now)?;

    let created = group(f, &Spec {
        id: PUBLIC, kind: GroupType::Public, name: "Rust 爱好者 Rustaceans",
        intro: "Rust 语言学习与交流。Learn and share Rust.", notice: "提问前请先搜索。Search before asking.",
        max: 2000, age_days: 200,
    }, now)?;
    members(f, PUBLIC, 500, 3, created, now)?;
    for n in [40u32, 41, 99, 250, 444] {
        f.mute(PUBLIC, &user(n), now + DAY)?;
    }
    f.group_value(PUBLIC, "level", "2")?;
    f.member_value(PUBLIC, &user(2), "title", "管理员")?;

    let created = group(f, &Spec {
        id: MEETING, kind: GroupType::ChatRoom, name: "周会 Weekly Sync",
        intro: "每周同步会议 / weekly sync", notice: "", max: 2000, age_days: 30,
    }, now)?;
    members(f, MEETING, 40, 2, created, now)?;

    group(f, &Spec {
        id: LIVE, kind: GroupType::AVChatRoom, name: "直播间 Live Room",
        intro: "产品发布会直播 / launch livestream", notice: "直播今晚八点开始。", max: 0, age_days: 7,
    }, now)?;
    f.mute(LIVE, &user(3), now + 600)?;
    f.mute(LIVE, &user(4), now + DAY)?;

    f.recount_members()?;
    Ok(())
}
