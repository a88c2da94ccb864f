//! Demo data of the extras, on the demo Community `@TGS#_community` (created with
//! `SupportTopic: 1`) and the accounts of `seed.rs`:
//!
//! | what | ids |
//! |---|---|
//! | topics | `@TGS#_community@TOPIC#_announce` 公告板, `…@TOPIC#_rust` 技术讨论, `…@TOPIC#_chat` 闲聊灌水 |
//! | permission groups | `@PMG#_admins` 管理组 (every group bit but ManagePermissionGroupInfo = 2043; `user00002`…`user00011`), `@PMG#_speakers` 发言组 (SendGroupMessage + GetGroupHistoryMessage = 320; `user00012`…`user00111`), `@PMG#_readonly` 只读组 (GetGroupHistoryMessage = 256; `user00112`…`user00161`) |
//! | topic permissions | 管理组: 127 on every topic; 发言组: 16 (history) on 公告板, 24 (send + history) on the others; 只读组: 16 everywhere |
//! | bans | `@TGS#_community`: `banned01` (7 days), `banned02` (permanent); `@TGS#live`: `user00005` (1 day) |
//! | app-wide mute | `user00666`: group messages permanently, C2C for a day |

use super::repo::{Fixtures, PermissionGroup, Topic};
use super::seed::{COMMUNITY, LIVE, user};
use crate::protocol::tencent::limits::MUTE_PERMANENT;

const DAY: i64 = 86_400;

/// A demo permission group: id, name, group bits, custom string, members `userNNNNN`, and its
/// bits on the three topics.
type DemoGroup = (&'static str, &'static str, u64, &'static str, std::ops::RangeInclusive<u32>, [u64; 3]);

pub fn topic_id(part: &str) -> String {
    format!("{COMMUNITY}@TOPIC#_{part}")
}

pub fn demo(f: &Fixtures, now: i64) -> anyhow::Result<()> {
    let topics = [
        ("announce", "公告板", "社区公告与活动通知", "只读：请勿在此发言。"),
        ("rust", "技术讨论", "Rust 与云开发技术问答", "提问请附上代码与报错。"),
        ("chat", "闲聊灌水", "轻松聊天，友善交流", ""),
    ];
    for (i, (part, name, intro, notice)) in topics.iter().enumerate() {
        f.repo.insert_topic(&Topic {
            topic_id: topic_id(part),
            group_id: COMMUNITY.into(),
            name: (*name).into(),
            introduction: (*intro).into(),
            notification: (*notice).into(),
            face_url: format!("https://cdn.example.com/t/{part}.png"),
            create_time: now - (30 - i as i64) * DAY,
        })?;
    }
    let groups: [DemoGroup; 3] = [
        ("@PMG#_admins", "管理组", 0x7FF & !(1 << 2), "社区管理员", 2..=11, [127, 127, 127]),
        ("@PMG#_speakers", "发言组", (1 << 6) | (1 << 8), "可以发言的成员", 12..=111, [16, 24, 24]),
        ("@PMG#_readonly", "只读组", 1 << 8, "只能浏览历史消息", 112..=161, [16, 16, 16]),
    ];
    for (i, (id, name, permission, custom, members, topic_bits)) in groups.into_iter().enumerate() {
        let pg = PermissionGroup {
            id: id.into(),
            name: name.into(),
            permission,
            custom: custom.into(),
            create_time: now - (20 - i as i64) * DAY,
            member_num: 0,
        };
        f.repo.insert_permission_group(COMMUNITY, &pg)?;
        for n in members {
            f.repo.add_permission_member(COMMUNITY, id, &user(n))?;
        }
        for ((part, ..), bits) in topics.iter().zip(topic_bits) {
            f.repo.set_topic_permission(COMMUNITY, id, &topic_id(part), bits)?;
        }
    }
    f.account("banned01", "广告号", now - 60 * DAY)?;
    f.account("banned02", "刷屏号", now - 60 * DAY)?;
    f.repo.ban(COMMUNITY, "banned01", now + 7 * DAY, "发广告")?;
    f.repo.ban(COMMUNITY, "banned02", MUTE_PERMANENT as i64, "刷屏")?;
    f.repo.ban(LIVE, &user(5), now + DAY, "直播间骚扰")?;
    f.repo.set_nospeaking(&user(666), Some(now + DAY), Some(MUTE_PERMANENT as i64))?;
    Ok(())
}
