//! The headless commands, on the same operations layer as the console: same validation,
//! chunking, outcomes and audit entries. Exit codes: 0 every item succeeded, 1 something failed
//! or was skipped, 2 bad usage.
//!
//! [`groups`] and [`members`] print; this module holds the options and the connection.

mod accounts;
mod groups;
mod members;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

pub use accounts::{AppMuteCmd, app_mute};
pub use groups::{custom_fields, groups};
pub use members::{allowlist, members, mute_all};

use crate::ops::connections::DataCenter;
use crate::model::{ApiError, ErrorKind};
use crate::ops::Session;
use crate::ops::audit::{AuditLog, operator_from_env};
use crate::ops::connections::{CliConnection, Target, TencentCliConnection};
use crate::ops::connections::Region;

/// The chat service a headless command talks to.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceArg {
    Rongcloud,
    Tencent,
}

/// Where and as whom to connect. Accepted before or after the subcommand.
#[derive(Args, Debug, Clone)]
pub struct Connection {
    /// The chat service [default: tencent with --region or --sdkappid, else rongcloud]. Goes
    /// before the command (`groupdesk sandbox` has its own `--service`).
    #[arg(long, value_enum, value_name = "SERVICE")]
    pub service: Option<ServiceArg>,
    /// Tencent Cloud Chat region (its domain, failing over to the standby domain).
    #[arg(long, global = true, value_enum, value_name = "REGION", conflicts_with_all = ["base_url", "data_center"])]
    pub region: Option<Region>,
    /// Tencent SDKAppID. On a loopback URL it defaults to the sandbox's demo app.
    #[arg(long, global = true, value_name = "N")]
    pub sdkappid: Option<u64>,
    /// Tencent App admin account the calls are signed for (the secret key is read from
    /// GROUPDESK_TENCENT_SECRET_KEY).
    #[arg(long, global = true, value_name = "ADMIN", default_value = crate::protocol::tencent::limits::DEFAULT_ADMIN)]
    pub identifier: String,
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
    /// Requests per second per endpoint [default: the service's documented limit: RongCloud
    /// 100, Tencent 200 per command].
    #[arg(long, global = true, value_name = "N")]
    pub rate_limit: Option<u32>,
    /// The audit log every change is appended to [default: audit.jsonl in the data directory].
    #[arg(long, global = true, value_name = "FILE", env = "GROUPDESK_AUDIT_LOG")]
    pub audit_log: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum GroupsCmd {
    /// All hosted groups of the app.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One group: profile, permissions (RongCloud) or type and join options (Tencent), owner,
    /// counts, mute-all.
    Show {
        group: String,
        #[arg(long)]
        json: bool,
    },
    /// Create a group; prints its id (the service's, when --id is not given on Tencent).
    Create {
        /// The group's name.
        #[arg(long)]
        name: String,
        /// The group id (RongCloud: required; Tencent: optional, a Community's starts with @TGS#_).
        #[arg(long)]
        id: Option<String>,
        /// The owner (RongCloud: required).
        #[arg(long)]
        owner: Option<String>,
        /// Tencent group type: Work (Private), Public, Meeting (ChatRoom), AVChatRoom, Community.
        #[arg(long = "type", value_name = "TYPE", default_value = "Public")]
        group_type: String,
        /// Members to add at creation, comma-separated.
        #[arg(long, value_delimiter = ',')]
        members: Vec<String>,
        /// Why, for the audit log.
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum CustomFieldsCmd {
    /// The app's configured custom-field keys (Tencent; the sandbox's registry).
    List {
        #[arg(long)]
        json: bool,
    },
}

/// A member's role as `members role` sets it.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleArg {
    Admin,
    Member,
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
    /// Mute members for N minutes (0 = permanent; RongCloud at most 43200) or N seconds
    /// (Tencent counts in seconds; 4294967295 = permanent).
    Mute {
        #[command(flatten)]
        bulk: BulkArgs,
        #[arg(long, value_name = "N", required_unless_present = "seconds", conflicts_with = "seconds")]
        minutes: Option<u32>,
        #[arg(long, value_name = "N")]
        seconds: Option<u64>,
    },
    /// Make a member an admin, or an ordinary member again.
    Role {
        group: String,
        user: String,
        #[arg(value_enum)]
        role: RoleArg,
        /// Why, for the audit log.
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
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
            ErrorKind::Invalid => CliError::Usage(e.message),
            _ => CliError::Failed(format!("{e}\n  {}", e.explanation())),
        }
    }
}

/// After the outcome was printed: an audit log that could not be written fails the command
/// (exit 1), saying what is known about the change (`known`).
pub(crate) fn audit_outcome(code: ExitCode, audit_error: Option<String>, known: &str) -> Result<ExitCode, CliError> {
    match audit_error {
        Some(e) => Err(CliError::Failed(format!("{known}, but {e}"))),
        None => Ok(code),
    }
}

/// A change that failed and whose audit entry could not be written either: both are reported.
pub(crate) fn audit_failure_after(failed: CliError, audit_error: Option<String>) -> CliError {
    match (failed, audit_error) {
        (CliError::Failed(m), Some(e)) => CliError::Failed(format!("{m}\n  and {e}")),
        (CliError::Usage(m), Some(e)) => CliError::Usage(format!("{m}\n  and {e}")),
        (failed, None) => failed,
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

/// Opens the session from the global options and `GROUPDESK_APP_SECRET` (RongCloud) or
/// `GROUPDESK_TENCENT_SECRET_KEY` (Tencent).
pub fn connect(c: &Connection) -> Result<Session, CliError> {
    let tencent = match c.service {
        Some(s) => s == ServiceArg::Tencent,
        None => c.region.is_some() || c.sdkappid.is_some(),
    };
    let audit = || AuditLog::new(c.audit_log.clone().unwrap_or_else(AuditLog::default_path));
    if tencent {
        if c.data_center.is_some() || c.app_key.is_some() {
            return Err(CliError::Usage("--data-center and --app-key are RongCloud's; Tencent takes --region or --base-url, --sdkappid and --identifier".into()));
        }
        let conn = TencentCliConnection {
            region: c.region,
            base_url: c.base_url.clone(),
            backup_url: c.backup_url.clone(),
            sdkappid: c.sdkappid,
            identifier: c.identifier.clone(),
            secret_key: std::env::var("GROUPDESK_TENCENT_SECRET_KEY").ok().map(secrecy::SecretString::from),
            rate_limit: c.rate_limit,
        };
        return crate::ops::connections::connect_tencent_cli(conn, &operator_from_env(), audit()).map_err(CliError::Usage);
    }
    if c.region.is_some() {
        return Err(CliError::Usage("--region is Tencent's; RongCloud takes --data-center".into()));
    }
    let target = match (&c.base_url, c.data_center) {
        (Some(url), None) => Target::Url(url.clone()),
        (None, Some(dc)) => Target::DataCenter(dc),
        _ => return Err(CliError::Usage("connection: give --base-url URL or --data-center bj|sg|sg-b|na|sau (or --service tencent with --region or --base-url)".into())),
    };
    let conn = CliConnection {
        target,
        backup_url: c.backup_url.clone(),
        app_key: c.app_key.clone(),
        secret: std::env::var("GROUPDESK_APP_SECRET").ok(),
        rate_limit: c.rate_limit.unwrap_or(crate::protocol::rongcloud::limits::RATE_PER_SECOND),
    };
    crate::ops::connections::connect_cli(conn, &operator_from_env(), audit()).map_err(CliError::Usage)
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v).map_err(|e| CliError::Failed(e.to_string()))?;
    let _ = writeln!(out);
    Ok(())
}

