//! The headless commands, on the same operations layer as the console: same validation,
//! chunking, outcomes and audit entries. Exit codes: 0 every item succeeded, 1 something failed
//! or was skipped, 2 bad usage.
//!
//! [`groups`] and [`members`] print; this module holds the options and the connection.

mod groups;
mod members;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

pub use groups::groups;
pub use members::{allowlist, members, mute_all};

use crate::ops::connections::DataCenter;
use crate::model::{ApiError, ErrorKind};
use crate::ops::Session;
use crate::ops::audit::{AuditLog, operator_from_env};
use crate::ops::connections::{CliConnection, Target};

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
    #[arg(long, global = true, value_name = "N", default_value_t = crate::protocol::rongcloud::limits::RATE_PER_SECOND)]
    pub rate_limit: u32,
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
            ErrorKind::Invalid => CliError::Usage(e.message),
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

/// Opens the session from the global options and `GROUPDESK_APP_SECRET`.
pub fn connect(c: &Connection) -> Result<Session, CliError> {
    let target = match (&c.base_url, c.data_center) {
        (Some(url), None) => Target::Url(url.clone()),
        (None, Some(dc)) => Target::DataCenter(dc),
        _ => return Err(CliError::Usage("connection: give --base-url URL or --data-center bj|sg|sg-b|na|sau".into())),
    };
    let conn = CliConnection {
        target,
        backup_url: c.backup_url.clone(),
        app_key: c.app_key.clone(),
        secret: std::env::var("GROUPDESK_APP_SECRET").ok(),
        rate_limit: c.rate_limit,
    };
    let audit = AuditLog::new(c.audit_log.clone().unwrap_or_else(AuditLog::default_path));
    crate::ops::connections::connect_cli(conn, &operator_from_env(), audit).map_err(CliError::Usage)
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v).map_err(|e| CliError::Failed(e.to_string()))?;
    let _ = writeln!(out);
    Ok(())
}

