//! `groups list`, `groups show`, `groups create` and `custom-fields list`.

use std::io::Write;
use std::process::ExitCode;

use super::{CliError, CustomFieldsCmd, GroupsCmd, print_json};
use crate::model::Service;
use crate::ops::csv::format_ms;
use crate::ops::{Session, groups, members};

pub async fn groups(session: &Session, cmd: GroupsCmd) -> Result<ExitCode, CliError> {
    match cmd {
        GroupsCmd::List { json } => list(session, json).await,
        GroupsCmd::Show { group, json } => show(session, &group, json).await,
        GroupsCmd::Create { name, id, owner, group_type, members, reason } => {
            let tencent_type = match session.service() {
                Service::Tencent => Some(crate::model::tencent::GroupType::parse(group_type.trim()).ok_or_else(|| {
                    CliError::Usage(format!("--type: {group_type:?} is not a group type (Work, Public, Meeting, AVChatRoom, Community)"))
                })?),
                Service::RongCloud => None,
            };
            if session.service() == Service::RongCloud {
                if id.is_none() || owner.is_none() {
                    return Err(CliError::Usage("RongCloud groups need --id and --owner".into()));
                }
                crate::ops::rules::new_group_id("--id", id.as_deref().unwrap_or_default())?;
            }
            let g = crate::model::NewGroup {
                group_id: id.unwrap_or_default(),
                name,
                owner: owner.unwrap_or_default(),
                members: members.into_iter().map(|m| m.trim().to_owned()).filter(|m| !m.is_empty()).collect(),
                tencent_type,
            };
            let done = groups::create_with_id(session, &g, reason.as_deref()).await;
            let id = done.result?;
            println!("{id}");
            match done.audit_error {
                Some(e) => Err(CliError::Failed(format!("the group was created, but {e}"))),
                None => Ok(ExitCode::SUCCESS),
            }
        }
    }
}

/// `custom-fields list`: the app's configured keys (Tencent's sandbox registry).
pub async fn custom_fields(session: &Session, cmd: CustomFieldsCmd) -> Result<ExitCode, CliError> {
    let CustomFieldsCmd::List { json } = cmd;
    if session.service() != Service::Tencent {
        return Err(CliError::Usage("custom-fields is Tencent's (RongCloud's extProfile keys are in `groups show`)".into()));
    }
    let fields = crate::ops::tencent::custom_fields(session).await?;
    if json {
        print_json(&fields)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{:<7} {:<16} {:<8} {:<9} {:<9} {:<24} LABEL", "LEVEL", "KEY", "TYPE", "READ", "WRITE", "GROUP TYPES");
    for (level, list) in [("group", &fields.group_fields), ("member", &fields.member_fields)] {
        for f in list.iter() {
            let types: Vec<&str> = f.group_types.iter().map(|t| t.product_name()).collect();
            let types = if types.is_empty() { "all".to_owned() } else { types.join(",") };
            let _ = writeln!(out, "{level:<7} {:<16} {:<8} {:<9} {:<9} {types:<24} {}", f.key, format!("{:?}", f.value_type), format!("{:?}", f.read_level), format!("{:?}", f.write_level), f.label);
        }
    }
    let _ = writeln!(out, "{} group and {} member keys", fields.group_fields.len(), fields.member_fields.len());
    Ok(ExitCode::SUCCESS)
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
    let kind = if session.service() == Service::RongCloud { "hosted groups" } else { "groups" };
    let _ = writeln!(out, "{} {kind}", rows.len());
    Ok(ExitCode::SUCCESS)
}

async fn show(session: &Session, group: &str, json: bool) -> Result<ExitCode, CliError> {
    let d = groups::open(session, group).await?;
    let (allowlist, muted) = futures::try_join!(members::allowlist(session, group), members::muted_count(session, group))?;
    let on_off = if d.muted_all { "on" } else { "off" };
    if let Some(tc) = d.tencent() {
        if json {
            print_json(&serde_json::json!({
                "groupId": d.group_id, "type": tc.group_type.wire(), "name": d.name, "owner": d.owner,
                "createTime": d.created_ms, "memberCount": d.member_count, "maxMemberNum": tc.max_members,
                "introduction": d.introduction, "notification": d.announcement, "faceUrl": d.portrait_url,
                "applyJoinOption": tc.apply_join, "inviteJoinOption": tc.invite_join, "infoSeq": tc.info_seq,
                "appDefinedData": d.custom, "mutedAll": d.muted_all, "mutedCount": muted,
                "permissionGroups": tc.permission_groups,
            }))?;
            return Ok(ExitCode::SUCCESS);
        }
        println!("{} — {}", d.group_id, d.name);
        println!("  type:           {} ({})", tc.group_type.product_name(), tc.group_type.wire());
        println!("  owner:          {}", d.owner);
        println!("  created (UTC):  {}", format_ms(d.created_ms));
        println!("  members:        {} of at most {}", d.member_count, tc.max_members);
        println!("  introduction:   {}", d.introduction);
        println!("  announcement:   {}", d.announcement);
        println!("  face URL:       {}", d.portrait_url);
        for (k, v) in &d.custom {
            println!("  {:<16}{v}", format!("{k}:"));
        }
        println!("  applying:       {}", tc.apply_join.map(|o| format!("{o:?}")).unwrap_or_else(|| "(not set)".into()));
        println!("  inviting:       {}", tc.invite_join.map(|o| format!("{o:?}")).unwrap_or_else(|| "(not set)".into()));
        println!("  info seq:       {}", tc.info_seq);
        println!("  muted-all:      {on_off}");
        println!("  muted members:  {muted}");
        return Ok(ExitCode::SUCCESS);
    }
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

