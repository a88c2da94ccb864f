//! The headless commands: the same client, validation, chunking and outcomes as the console.
//! Exit codes: 0 every item succeeded, 1 something failed, 2 bad usage.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Subcommand};

use crate::api::bulk::{BulkReport, Control, Progress};
use crate::api::types::LeaveOptions;
use crate::api::{ApiError, Client, ClientConfig, Credentials, DataCenter, Endpoint};
use crate::csv_io;

/// Where and as whom to connect. Accepted before or after the subcommand.
#[derive(Args, Debug, Clone)]
pub struct Connection {
    /// Base URL of the API (https://…, or http:// on loopback such as a sandbox).
    #[arg(long, global = true, value_name = "URL", conflicts_with = "data_center")]
    pub base_url: Option<String>,
    /// A second URL to fail over to, with --base-url.
    #[arg(long, global = true, value_name = "URL", requires = "base_url")]
    pub backup_url: Option<String>,
    /// A RongCloud data centre (its primary domain, failing over to its backup).
    #[arg(long, global = true, value_enum, value_name = "DC")]
    pub data_center: Option<DataCenter>,
    /// App Key. On a loopback URL it defaults to the sandbox's demo key.
    #[arg(long, global = true, value_name = "KEY")]
    pub app_key: Option<String>,
    /// Requests per second per endpoint (the service allows 100).
    #[arg(long, global = true, value_name = "N", default_value_t = crate::api::limits::RATE_PER_SECOND)]
    pub rate_limit: u32,
    /// The audit log every change is appended to [default: audit.jsonl in the data directory].
    #[arg(long, global = true, value_name = "FILE", env = "GROUPDESK_AUDIT_LOG")]
    pub audit_log: Option<PathBuf>,
}

/// A connected client plus what the audit log needs to know.
pub struct Session {
    pub client: Client,
    pub audit: crate::audit::AuditLog,
    pub connection: String,
    pub operator: String,
}

impl Session {
    /// Appends an entry; a change that cannot be recorded is reported as a failure.
    fn record(&self, entry: crate::audit::AuditEntry) -> Result<(), CliError> {
        self.audit
            .append(&entry)
            .map_err(|e| CliError::Failed(format!("the change was made, but the audit log {} could not be written: {e}", self.audit.path().display())))
    }

    fn entry(&self, action: &str, group: &str) -> crate::audit::AuditEntry {
        crate::audit::AuditEntry::new(&self.operator, &self.connection, action, group)
    }
}

#[derive(Subcommand, Debug)]
pub enum GroupsCmd {
    /// All hosted groups of the app.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One group: profile, permissions, owner, counts, mute-all.
    Show {
        group: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug)]
pub struct BulkArgs {
    pub group: String,
    /// File of user ids: one per line, or a CSV with a userId column.
    #[arg(long, value_name = "FILE")]
    pub from: PathBuf,
    /// Write one row per user (outcome, code, message, request id) to this CSV file.
    #[arg(long, value_name = "FILE.csv")]
    pub report: Option<PathBuf>,
    /// Why, for the audit log.
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum MembersCmd {
    /// All members of a group.
    List {
        group: String,
        #[arg(long)]
        json: bool,
    },
    /// All members of a group, as CSV.
    Export {
        group: String,
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
        /// Start the file with a byte-order mark (for Excel).
        #[arg(long)]
        bom: bool,
    },
    /// Remove members (the owner is skipped). Requires --yes.
    Kick {
        #[command(flatten)]
        bulk: BulkArgs,
        /// Keep their mute in this group.
        #[arg(long)]
        keep_mute: bool,
        /// Keep their mute-all allowlist entry.
        #[arg(long)]
        keep_allowlist: bool,
        /// Keep the members they follow.
        #[arg(long)]
        keep_follows: bool,
        /// Confirm removing the listed users.
        #[arg(long)]
        yes: bool,
    },
    /// Mute members for N minutes (0 = permanent; at most 43200).
    Mute {
        #[command(flatten)]
        bulk: BulkArgs,
        #[arg(long, value_name = "N")]
        minutes: u32,
    },
    /// Unmute users.
    Unmute {
        #[command(flatten)]
        bulk: BulkArgs,
    },
}

#[derive(Subcommand, Debug)]
pub enum AllowlistCmd {
    /// Let users speak while the group is muted-all.
    Add {
        #[command(flatten)]
        bulk: BulkArgs,
    },
    Remove {
        #[command(flatten)]
        bulk: BulkArgs,
    },
    List {
        group: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum MuteAllCmd {
    /// Mute everyone except the allowlist.
    On { group: String },
    Off { group: String },
}

/// A usage problem (exit 2) or a failure (exit 1).
pub enum CliError {
    Usage(String),
    Failed(String),
}

impl From<ApiError> for CliError {
    fn from(e: ApiError) -> Self {
        match e.kind {
            crate::api::ErrorKind::Invalid => CliError::Usage(e.message),
            _ => CliError::Failed(format!("{e}\n  {}", e.explanation())),
        }
    }
}

pub fn exit(result: Result<ExitCode, CliError>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(CliError::Usage(m)) => {
            eprintln!("groupdesk: {m}");
            ExitCode::from(2)
        }
        Err(CliError::Failed(m)) => {
            eprintln!("groupdesk: {m}");
            ExitCode::from(1)
        }
    }
}

fn is_loopback(url: &str) -> bool {
    crate::api::credentials::check_base_url(url).is_ok() && url.trim().starts_with("http://")
}

/// Builds the client from the global options and `GROUPDESK_APP_SECRET`.
pub fn connect(c: &Connection) -> Result<Session, CliError> {
    let endpoint = match (&c.base_url, c.data_center) {
        (Some(url), None) => Endpoint::Custom { primary: url.clone(), backup: c.backup_url.clone() },
        (None, Some(dc)) => Endpoint::DataCenter(dc),
        _ => {
            return Err(CliError::Usage(
                "connection: give --base-url URL or --data-center bj|sg|sg-b|na|sau".into(),
            ));
        }
    };
    endpoint.urls().map_err(CliError::Usage)?;
    let sandbox = c.base_url.as_deref().is_some_and(is_loopback);
    let app_key = match (&c.app_key, sandbox) {
        (Some(k), _) => k.clone(),
        (None, true) => crate::sandbox::DEMO_APP_KEY.to_owned(),
        (None, false) => return Err(CliError::Usage("--app-key is required".into())),
    };
    let secret = match std::env::var("GROUPDESK_APP_SECRET") {
        Ok(s) if !s.is_empty() => s,
        _ if sandbox && app_key == crate::sandbox::DEMO_APP_KEY => crate::sandbox::DEMO_APP_SECRET.to_owned(),
        _ => {
            return Err(CliError::Usage(
                "the App Secret is read from the environment variable GROUPDESK_APP_SECRET, which is not set".into(),
            ));
        }
    };
    let connection = c.base_url.clone().or_else(|| c.data_center.map(|d| d.code().to_owned())).unwrap_or_default();
    let mut config = ClientConfig::new(Credentials::new(app_key, secret), endpoint);
    config.rate_limit = c.rate_limit;
    let client = Client::new(config).map_err(CliError::from)?;
    let audit = crate::audit::AuditLog::new(c.audit_log.clone().unwrap_or_else(crate::audit::AuditLog::default_path));
    Ok(Session { client, audit, connection, operator: crate::audit::operator_from_env() })
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v).map_err(|e| CliError::Failed(e.to_string()))?;
    let _ = writeln!(out);
    Ok(())
}

pub async fn groups(session: &Session, cmd: GroupsCmd) -> Result<ExitCode, CliError> {
    let client = &session.client;
    match cmd {
        GroupsCmd::List { json } => {
            let groups = client.all_groups().await?;
            let ids: Vec<String> = groups.iter().map(|g| g.group_id.clone()).collect();
            let counts: std::collections::HashMap<String, i64> =
                client.group_profiles_all(&ids).await?.into_iter().map(|p| (p.group_id, p.member_count)).collect();
            if json {
                let rows: Vec<serde_json::Value> = groups
                    .iter()
                    .map(|g| {
                        serde_json::json!({
                            "groupId": g.group_id, "name": g.name, "owner": g.owner,
                            "memberCount": counts.get(&g.group_id).copied().unwrap_or(0),
                            "createTime": g.time, "portraitUrl": g.portrait_url,
                        })
                    })
                    .collect();
                print_json(&rows)?;
            } else {
                let mut out = std::io::stdout().lock();
                let _ = writeln!(out, "{:<24} {:<32} {:>8}  {:<12} {}", "GROUP", "NAME", "MEMBERS", "OWNER", "CREATED (UTC)");
                for g in &groups {
                    let _ = writeln!(
                        out,
                        "{:<24} {:<32} {:>8}  {:<12} {}",
                        g.group_id,
                        g.name,
                        counts.get(&g.group_id).copied().unwrap_or(0),
                        g.owner,
                        csv_io::format_ms(g.time)
                    );
                }
                let _ = writeln!(out, "{} hosted groups", groups.len());
            }
            Ok(ExitCode::SUCCESS)
        }
        GroupsCmd::Show { group, json } => {
            crate::api::check::group_id("", "GROUP", &group)?;
            let info = client.group_info(&group).await?;
            let muted_all = client.mute_all_status(&[&group]).await?.first().is_some_and(|(_, on)| *on);
            let allowlist = client.allowlist(&group).await?;
            let muted = client.muted(Some(&group)).await?;
            let Some(info) = info else {
                let members = client.group_members(&group).await?;
                if members.is_empty() {
                    return Err(CliError::Failed(format!("group {group} does not exist (no hosted profile, no members)")));
                }
                if json {
                    print_json(&serde_json::json!({"groupId": group, "hosted": false, "memberCount": members.len(),
                        "mutedAll": muted_all, "allowlist": allowlist, "mutedCount": muted.len()}))?;
                } else {
                    println!("{group} (legacy group, not hosted)\n  members: {}\n  muted-all: {}\n  allowlist: {}\n  muted members: {}",
                        members.len(), if muted_all { "on" } else { "off" }, allowlist.len(), muted.len());
                }
                return Ok(ExitCode::SUCCESS);
            };
            let p = &info.permissions;
            if json {
                print_json(&serde_json::json!({
                    "groupId": info.group_id, "hosted": true, "name": info.name, "owner": info.owner,
                    "createTime": info.create_time, "memberCount": info.member_count,
                    "introduction": info.profile.introduction, "announcement": info.profile.announcement,
                    "portraitUrl": info.profile.portrait_url, "extProfile": info.ext,
                    "permissions": serde_json::from_str::<serde_json::Value>(&p.to_json()).unwrap_or_default(),
                    "mutedAll": muted_all, "allowlist": allowlist, "mutedCount": muted.len(),
                }))?;
            } else {
                let label = |l: Option<&'static str>| l.unwrap_or("(not set)");
                println!("{} — {}", info.group_id, info.name);
                println!("  owner:          {}", info.owner);
                println!("  created (UTC):  {}", csv_io::format_ms(info.create_time));
                println!("  members:        {}", info.member_count);
                println!("  introduction:   {}", info.profile.introduction.as_deref().unwrap_or(""));
                println!("  announcement:   {}", info.profile.announcement.as_deref().unwrap_or(""));
                println!("  portrait URL:   {}", info.profile.portrait_url.as_deref().unwrap_or(""));
                for (k, v) in &info.ext {
                    println!("  {k}: {v}");
                }
                println!("  joining:        {}", label(p.join.map(|x| x.label())));
                println!("  removing:       {}", label(p.remove.map(|x| x.label())));
                println!("  inviting:       {}", label(p.invite.map(|x| x.label())));
                println!("  invitations:    {}", label(p.invite_handling.map(|x| x.label())));
                println!("  profile edits:  {}", label(p.profile_edit.map(|x| x.label())));
                println!("  member edits:   {}", label(p.member_edit.map(|x| x.label())));
                println!("  muted-all:      {} (allowlist: {})", if muted_all { "on" } else { "off" }, allowlist.len());
                println!("  muted members:  {}", muted.len());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Member rows with mute and allowlist state; legacy groups list ids only.
async fn member_rows(client: &Client, group: &str) -> Result<Vec<csv_io::MemberRow>, CliError> {
    crate::api::check::group_id("", "GROUP", group)?;
    let hosted = client.group_info(group).await?.is_some();
    Ok(crate::members::fetch_rows(client, group, hosted).await?)
}

pub async fn members(session: &Session, cmd: MembersCmd) -> Result<ExitCode, CliError> {
    let client = &session.client;
    match cmd {
        MembersCmd::List { group, json } => {
            let rows = member_rows(client, &group).await?;
            if json {
                let v: Vec<serde_json::Value> = rows
                    .iter()
                    .map(|r| serde_json::json!({"userId": r.user_id, "nickname": r.nickname,
                        "role": r.role.map(|x| x.label()), "joinTime": r.join_time_ms, "extra": r.extra,
                        "mutedUntil": r.muted_until, "allowlisted": r.allowlisted}))
                    .collect();
                print_json(&v)?;
            } else {
                let mut out = std::io::stdout().lock();
                let _ = writeln!(out, "{:<24} {:<6} {:<24} {:<19}  {}", "USER", "ROLE", "NICKNAME", "JOINED (UTC)", "MUTED UNTIL");
                for r in &rows {
                    let _ = writeln!(out, "{:<24} {:<6} {:<24} {:<19}  {}", r.user_id, r.role.map(|x| x.label()).unwrap_or(""),
                        r.nickname, csv_io::format_ms(r.join_time_ms), r.muted_until.as_deref().unwrap_or(""));
                }
                let _ = writeln!(out, "{} members", rows.len());
            }
            Ok(ExitCode::SUCCESS)
        }
        MembersCmd::Export { group, out, bom } => {
            let rows = member_rows(client, &group).await?;
            let file = std::fs::File::create(&out).map_err(|e| CliError::Failed(format!("cannot write {}: {e}", out.display())))?;
            csv_io::write_members(std::io::BufWriter::new(file), &rows, &[], bom)
                .map_err(|e| CliError::Failed(format!("writing {}: {e}", out.display())))?;
            println!("exported {} members of {group} to {}", rows.len(), out.display());
            Ok(ExitCode::SUCCESS)
        }
        MembersCmd::Kick { bulk, keep_mute, keep_allowlist, keep_follows, yes } => {
            if !yes {
                return Err(CliError::Usage("kick removes members from the group: add --yes to confirm".into()));
            }
            let users = read_list(&bulk)?;
            let opts = LeaveOptions { remove_mute: !keep_mute, remove_allowlist: !keep_allowlist, remove_follows: !keep_follows };
            let (bar, ctl) = progress("kicking", users.len());
            let report = client.kick_members(&bulk.group, &users, opts, &ctl).await;
            finish(session, bar, "kicked", &bulk, &report)
        }
        MembersCmd::Mute { bulk, minutes } => {
            if minutes > crate::api::limits::MUTE_MINUTES_MAX {
                return Err(CliError::Usage(format!("--minutes: at most {} (30 days; 0 = permanent), got {minutes}", crate::api::limits::MUTE_MINUTES_MAX)));
            }
            let users = read_list(&bulk)?;
            let (bar, ctl) = progress("muting", users.len());
            let report = client.mute_members(&bulk.group, &users, minutes, &ctl).await;
            finish(session, bar, "muted", &bulk, &report)
        }
        MembersCmd::Unmute { bulk } => {
            let users = read_list(&bulk)?;
            let (bar, ctl) = progress("unmuting", users.len());
            let report = client.unmute_members(&bulk.group, &users, &ctl).await;
            finish(session, bar, "unmuted", &bulk, &report)
        }
    }
}

pub async fn allowlist(session: &Session, cmd: AllowlistCmd) -> Result<ExitCode, CliError> {
    let client = &session.client;
    match cmd {
        AllowlistCmd::Add { bulk } => {
            let users = read_list(&bulk)?;
            let (bar, ctl) = progress("allowlisting", users.len());
            let report = client.allowlist_add_users(&bulk.group, &users, &ctl).await;
            finish(session, bar, "added to the allowlist", &bulk, &report)
        }
        AllowlistCmd::Remove { bulk } => {
            let users = read_list(&bulk)?;
            let (bar, ctl) = progress("removing", users.len());
            let report = client.allowlist_remove_users(&bulk.group, &users, &ctl).await;
            finish(session, bar, "removed from the allowlist", &bulk, &report)
        }
        AllowlistCmd::List { group, json } => {
            let ids = client.allowlist(&group).await?;
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
    let client = &session.client;
    let (group, on) = match cmd {
        MuteAllCmd::On { group } => (group, true),
        MuteAllCmd::Off { group } => (group, false),
    };
    let result = if on { client.mute_all_on(&[&group]).await } else { client.mute_all_off(&[&group]).await };
    let action = if on { "mute-all on" } else { "mute-all off" };
    if let Err(e) = &result {
        if e.kind == crate::api::ErrorKind::Invalid {
            return Err(e.clone().into());
        }
    }
    session.record(session.entry(action, &group).with_result(&result))?;
    result?;
    let state = client.mute_all_status(&[&group]).await?;
    let now = state.first().is_some_and(|(_, s)| *s);
    println!("mute-all for {group} is now {}", if now { "on" } else { "off" });
    Ok(if now == on { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn read_list(bulk: &BulkArgs) -> Result<Vec<String>, CliError> {
    let list = csv_io::read_ids_file(&bulk.from).map_err(CliError::Usage)?;
    if list.ids.is_empty() {
        return Err(CliError::Usage(format!("{}: no user ids found", bulk.from.display())));
    }
    Ok(list.ids)
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
    let ctl = Control {
        progress: Some(Arc::new(move |p: Progress| b.set_position(p.finished as u64))),
        ..Default::default()
    };
    (bar, ctl)
}

fn finish(session: &Session, bar: indicatif::ProgressBar, verb: &str, bulk: &BulkArgs, report: &BulkReport) -> Result<ExitCode, CliError> {
    bar.finish_and_clear();
    let mut entry = session.entry(verb, &bulk.group).with_report(report);
    entry.reason = bulk.reason.clone();
    session.record(entry)?;
    if let Some(path) = &bulk.report {
        let file = std::fs::File::create(path).map_err(|e| CliError::Failed(format!("cannot write {}: {e}", path.display())))?;
        csv_io::write_report(std::io::BufWriter::new(file), report)
            .map_err(|e| CliError::Failed(format!("writing {}: {e}", path.display())))?;
    }
    let (done, failed, skipped) = (report.count("done"), report.count("failed"), report.count("skipped"));
    println!("{verb} {done} of {} users in {}: {done} done, {failed} failed, {skipped} skipped", report.items.len(), bulk.group);
    for item in report.items.iter().filter(|i| i.outcome.label() != "done").take(10) {
        match &item.outcome {
            crate::api::bulk::Outcome::Failed { code, message, .. } => {
                eprintln!("  {}: failed: {message}{}", item.user_id, code.map(|c| format!(" (code {c})")).unwrap_or_default())
            }
            crate::api::bulk::Outcome::Skipped { reason } => eprintln!("  {}: skipped: {reason}", item.user_id),
            crate::api::bulk::Outcome::Done => {}
        }
    }
    if failed + skipped > 10 {
        eprintln!("  … {} more; see --report FILE.csv for every user", failed + skipped - 10);
    }
    Ok(if failed == 0 && skipped == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
