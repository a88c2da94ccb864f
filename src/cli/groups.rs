//! `groups list` and `groups show`.

use std::io::Write;
use std::process::ExitCode;

use super::{CliError, GroupsCmd, print_json};
use crate::ops::csv::format_ms;
use crate::ops::{Session, groups, members};

pub async fn groups(session: &Session, cmd: GroupsCmd) -> Result<ExitCode, CliError> {
    match cmd {
        GroupsCmd::List { json } => list(session, json).await,
        GroupsCmd::Show { group, json } => show(session, &group, json).await,
    }
}

async fn list(session: &Session, json: bool) -> Result<ExitCode, CliError> {
    let rows = groups::list(session).await?;
    if json {
        let v: Vec<serde_json::Value> = rows
            .iter()
            .map(|g| serde_json::json!({"groupId": g.group_id, "name": g.name, "owner": g.owner, "memberCount": g.member_count, "createTime": g.created_ms}))
            .collect();
        print_json(&v)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{:<24} {:<32} {:>8}  {:<12} {}", "GROUP", "NAME", "MEMBERS", "OWNER", "CREATED (UTC)");
    for g in &rows {
        let _ = writeln!(out, "{:<24} {:<32} {:>8}  {:<12} {}", g.group_id, g.name, g.member_count, g.owner, format_ms(g.created_ms));
    }
    let _ = writeln!(out, "{} hosted groups", rows.len());
    Ok(ExitCode::SUCCESS)
}

async fn show(session: &Session, group: &str, json: bool) -> Result<ExitCode, CliError> {
    let d = groups::open(session, group).await?;
    let (allowlist, muted) = futures::try_join!(members::allowlist(session, group), muted_count(session, group))?;
    let on_off = if d.muted_all { "on" } else { "off" };
    let Some(rc) = d.rongcloud().filter(|g| g.hosted) else {
        if json {
            print_json(&serde_json::json!({"groupId": d.group_id, "hosted": false, "memberCount": d.member_count,
                "mutedAll": d.muted_all, "allowlist": allowlist, "mutedCount": muted}))?;
        } else {
            println!("{group} (legacy group, not hosted)\n  members: {}\n  muted-all: {on_off}\n  allowlist: {}\n  muted members: {muted}", d.member_count, allowlist.len());
        }
        return Ok(ExitCode::SUCCESS);
    };
    let p = &rc.permissions;
    if json {
        print_json(&serde_json::json!({
            "groupId": d.group_id, "hosted": true, "name": d.name, "owner": d.owner,
            "createTime": d.created_ms, "memberCount": d.member_count,
            "introduction": d.introduction, "announcement": d.announcement,
            "portraitUrl": d.portrait_url, "extProfile": d.custom,
            "permissions": serde_json::from_str::<serde_json::Value>(&p.to_json()).unwrap_or_default(),
            "mutedAll": d.muted_all, "allowlist": allowlist, "mutedCount": muted,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    let label = |l: Option<&'static str>| l.unwrap_or("(not set)");
    println!("{} — {}", d.group_id, d.name);
    println!("  owner:          {}", d.owner);
    println!("  created (UTC):  {}", format_ms(d.created_ms));
    println!("  members:        {}", d.member_count);
    println!("  introduction:   {}", d.introduction);
    println!("  announcement:   {}", d.announcement);
    println!("  portrait URL:   {}", d.portrait_url);
    for (k, v) in &d.custom {
        println!("  {k}: {v}");
    }
    println!("  joining:        {}", label(p.join.map(|x| x.label())));
    println!("  removing:       {}", label(p.remove.map(|x| x.label())));
    println!("  inviting:       {}", label(p.invite.map(|x| x.label())));
    println!("  invitations:    {}", label(p.invite_handling.map(|x| x.label())));
    println!("  profile edits:  {}", label(p.profile_edit.map(|x| x.label())));
    println!("  member edits:   {}", label(p.member_edit.map(|x| x.label())));
    println!("  muted-all:      {on_off} (allowlist: {})", allowlist.len());
    println!("  muted members:  {muted}");
    Ok(ExitCode::SUCCESS)
}

/// Members muted in the group (RongCloud's gag list).
async fn muted_count(session: &Session, group: &str) -> Result<usize, crate::model::ApiError> {
    match session.backend.rongcloud() {
        Some(c) => Ok(c.muted(Some(group)).await?.len()),
        None => Ok(0),
    }
}
