//! `members …`, `allowlist …` and `mute-all …`: member lists and exports, and bulk changes run
//! as jobs of the operations layer with a progress bar, a per-user report and the exit code.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use super::{AllowlistCmd, BulkArgs, CliError, MembersCmd, MuteAllCmd, RoleArg, print_json};
use crate::model::MemberAction;
use crate::model::bulk::{BulkReport, Control, Outcome, Progress};
use crate::model::rongcloud::LeaveOptions;
use crate::model::{Member, MuteDuration};
use crate::ops::csv::{self, format_ms};
use crate::ops::{Session, groups, members};

pub async fn members(session: &Session, cmd: MembersCmd) -> Result<ExitCode, CliError> {
    match cmd {
        MembersCmd::List { group, json } => list(session, &group, json).await,
        MembersCmd::Export { group, out, bom } => {
            let rows = rows(session, &group).await?;
            let columns = csv::member_columns(session.service()).to_vec();
            let n = members::export_csv(out.clone(), rows, columns, bom, |_| {})
                .await
                .map_err(|e| CliError::Failed(format!("writing {}: {e}", out.display())))?;
            println!("exported {n} members of {group} to {}", out.display());
            Ok(ExitCode::SUCCESS)
        }
        MembersCmd::Kick { bulk, keep_mute, keep_allowlist, keep_follows, yes } => {
            if !yes {
                return Err(CliError::Usage("kick removes members from the group: add --yes to confirm".into()));
            }
            let o = LeaveOptions { remove_mute: !keep_mute, remove_allowlist: !keep_allowlist, remove_follows: !keep_follows };
            job(session, &bulk, MemberAction::Kick(o), "kicking").await
        }
        MembersCmd::Mute { bulk, minutes, seconds } => {
            let d = mute_duration(session, minutes, seconds)?;
            check_mute(session, &bulk.group, d, if minutes.is_some() { "--minutes" } else { "--seconds" }).await?;
            job(session, &bulk, MemberAction::Mute(d), "muting").await
        }
        MembersCmd::Role { group, user, role, reason } => {
            check_group(session, &group).await?;
            let admin = role == RoleArg::Admin;
            let done = members::set_admins(session, &group, std::slice::from_ref(&user), admin, reason.as_deref()).await;
            // The outcome first, then an audit failure: what happened is never hidden by it.
            if let Err(e) = done.result {
                return Err(super::audit_failure_after(e.into(), done.audit_error));
            }
            println!("{user} is now {} of {group}", if admin { "an admin" } else { "an ordinary member" });
            super::audit_outcome(ExitCode::SUCCESS, done.audit_error, "the change was made")
        }
        MembersCmd::Unmute { bulk } => job(session, &bulk, MemberAction::Unmute, "unmuting").await,
    }
}

pub async fn allowlist(session: &Session, cmd: AllowlistCmd) -> Result<ExitCode, CliError> {
    if session.service() != crate::model::Service::RongCloud {
        return Err(CliError::Usage(format!("allowlist: {} groups have no mute-all allowlist (mute-all silences everyone but the owner and admins)", session.service().label())));
    }
    match cmd {
        AllowlistCmd::Add { bulk } => job(session, &bulk, MemberAction::AllowlistAdd, "allowlisting").await,
        AllowlistCmd::Remove { bulk } => job(session, &bulk, MemberAction::AllowlistRemove, "removing").await,
        AllowlistCmd::List { group, json } => {
            check_group(session, &group).await?;
            let ids = members::allowlist(session, &group).await?;
            if json {
                print_json(&ids)?;
            } else {
                for id in &ids {
                    println!("{id}");
                }
                eprintln!("{} users on the allowlist of {group}", ids.len());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub async fn mute_all(session: &Session, cmd: MuteAllCmd) -> Result<ExitCode, CliError> {
    let (group, on) = match cmd {
        MuteAllCmd::On { group } => (group, true),
        MuteAllCmd::Off { group } => (group, false),
    };
    check_group(session, &group).await?;
    let done = members::set_mute_all(session, &group, on, None).await;
    // The state (read back from the server) first, then an audit failure.
    let now = match done.result {
        Ok(now) => now,
        Err(e) => return Err(super::audit_failure_after(e.into(), done.audit_error)),
    };
    println!("mute-all for {group} is now {}", if now { "on" } else { "off" });
    let code = if now == on { ExitCode::SUCCESS } else { ExitCode::from(1) };
    super::audit_outcome(code, done.audit_error, "the state above was read back from the server")
}

/// The mute length asked for: `--minutes N` (0 = permanent) or `--seconds N` (on Tencent
/// 4294967295, the wire's "permanent", is taken as permanent). The range is the group's
/// ([`crate::model::caps::MuteCaps::check`], the check the console makes too).
fn mute_duration(session: &Session, minutes: Option<u32>, seconds: Option<u64>) -> Result<MuteDuration, CliError> {
    let tencent = session.service() == crate::model::Service::Tencent;
    Ok(match (minutes, seconds) {
        (Some(m), _) => MuteDuration::from_minutes(m),
        (None, Some(0)) => return Err(CliError::Usage("--seconds: at least 1 (0 would unmute; use `members unmute`, or --minutes 0 for permanent)".into())),
        (None, Some(crate::protocol::tencent::limits::MUTE_PERMANENT)) if tencent => MuteDuration::Permanent,
        (None, Some(s)) => MuteDuration::Seconds(s),
        (None, None) => return Err(CliError::Usage("give --minutes N or --seconds N".into())),
    })
}

/// Checks the mute against the group's range before anything is sent.
async fn check_mute(session: &Session, group: &str, d: MuteDuration, flag: &str) -> Result<(), CliError> {
    let detail = open_checked(session, group).await?;
    let Some(range) = detail.caps.mute else {
        return Err(CliError::Usage(format!("GROUP: members of {group} cannot be muted (its type does not allow it)")));
    };
    range.check(d).map_err(|e| CliError::Usage(format!("{flag}: {e}")))
}

/// A group that does not exist is a usage error (exit 2), before anything is sent.
async fn check_group(session: &Session, group: &str) -> Result<(), CliError> {
    open_checked(session, group).await.map(|_| ())
}

/// The group's detail; a group that does not exist is a usage error (exit 2).
async fn open_checked(session: &Session, group: &str) -> Result<crate::model::GroupDetail, CliError> {
    match groups::open(session, group).await {
        Ok(d) => Ok(d),
        Err(e) if session.is_group_missing(&e) => {
            Err(CliError::Usage(format!("GROUP: group {group} does not exist")))
        }
        Err(e) => Err(e.into()),
    }
}

/// Every member of the group (after checking it exists).
async fn rows(session: &Session, group: &str) -> Result<Vec<Member>, CliError> {
    let detail = groups::open(session, group).await?;
    Ok(members::list(session, &detail).await?)
}

async fn list(session: &Session, group: &str, json: bool) -> Result<ExitCode, CliError> {
    let rows = rows(session, group).await?;
    if json {
        let v: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| serde_json::json!({"userId": r.user_id, "nickname": r.nickname,
                "role": r.role.map(|x| x.label()), "joinTime": r.join_time_ms, "extra": r.extra,
                "mutedUntil": r.muted_until, "allowlisted": r.allowlisted}))
            .collect();
        print_json(&v)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{:<24} {:<6} {:<24} {:<19}  {}", "USER", "ROLE", "NICKNAME", "JOINED (UTC)", "MUTED UNTIL");
    for r in &rows {
        let role = r.role.map(|x| x.label()).unwrap_or("");
        let _ = writeln!(out, "{:<24} {:<6} {:<24} {:<19}  {}", r.user_id, role, r.nickname, format_ms(r.join_time_ms), r.muted_until.as_deref().unwrap_or(""));
    }
    let _ = writeln!(out, "{} members", rows.len());
    Ok(ExitCode::SUCCESS)
}

fn read_list(bulk: &BulkArgs) -> Result<Vec<String>, CliError> {
    let list = csv::read_ids_file(&bulk.from).map_err(CliError::Usage)?;
    if list.ids.is_empty() {
        return Err(CliError::Usage(format!("{}: no user ids found", bulk.from.display())));
    }
    Ok(list.ids)
}

/// Runs one bulk job through the operations layer (which records it), then writes the report.
async fn job(session: &Session, bulk: &BulkArgs, action: MemberAction, verb: &str) -> Result<ExitCode, CliError> {
    let users = read_list(bulk)?;
    check_group(session, &bulk.group).await?;
    let (bar, ctl) = progress(verb, users.len());
    let done = members::run_job(session, &bulk.group, &action, &users, bulk.reason.as_deref(), &ctl).await;
    bar.finish_and_clear();
    // The report and the summary come first: they say what happened even if the audit failed.
    let code = finish(session, &action, bulk, &done.result)?;
    match done.audit_error {
        Some(e) => Err(CliError::Failed(format!("the report above says what changed, but {e}"))),
        None => Ok(code),
    }
}

fn progress(verb: &str, total: usize) -> (indicatif::ProgressBar, Control) {
    let bar = indicatif::ProgressBar::with_draw_target(Some(total as u64), indicatif::ProgressDrawTarget::stderr());
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg:>12} [{bar:30}] {pos}/{len} users, {per_sec}, eta {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(verb.to_owned());
    let b = bar.clone();
    let ctl = Control { progress: Some(Arc::new(move |p: Progress| b.set_position(p.finished as u64))), ..Default::default() };
    (bar, ctl)
}

fn finish(session: &Session, action: &MemberAction, bulk: &BulkArgs, report: &BulkReport) -> Result<ExitCode, CliError> {
    if let Some(path) = &bulk.report {
        members::write_report(session, path, report).map_err(|e| CliError::Failed(format!("writing {}: {e}", path.display())))?;
    }
    let p = report.progress();
    println!(
        "{}: {} of {} users in {}: {} done, {} failed, {} skipped, {} unknown",
        action.audit_words(), p.done, p.total, bulk.group, p.done, p.failed, p.skipped, p.unknown
    );
    let explain = |c| session.explain(c);
    let not_done: Vec<_> = report.items.iter().filter(|i| i.outcome != Outcome::Done).collect();
    for item in not_done.iter().take(10) {
        let code = item.outcome.code().map(|c| format!(" (code {c})")).unwrap_or_default();
        eprintln!("  {}: {}: {}{code}", item.user_id.escape_debug(), item.outcome.label(), item.outcome.detail(explain));
    }
    if not_done.len() > 10 {
        eprintln!("  … {} more; see --report FILE.csv for every user", not_done.len() - 10);
    }
    Ok(if not_done.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
