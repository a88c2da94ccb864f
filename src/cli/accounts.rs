//! `groupdesk app-mute show|set|lift USER`: a user's app-wide mute on Tencent Cloud Chat, on the
//! same operation as the console's user lookup (the same audit entry for the same change).

use std::process::ExitCode;

use clap::Subcommand;

use super::CliError;
use crate::ops::Session;
use crate::ops::accounts::{self, AppMute};
use crate::protocol::tencent::limits::MUTE_PERMANENT;

#[derive(Subcommand, Debug)]
pub enum AppMuteCmd {
    /// Shows whether the user is muted in every group, and for how long.
    Show { user: String },
    /// Mutes the user in every group: --seconds N (1 to 4294967294) or --permanent.
    Set {
        user: String,
        #[arg(long, value_name = "N", required_unless_present = "permanent", conflicts_with = "permanent")]
        seconds: Option<u64>,
        #[arg(long)]
        permanent: bool,
        /// Recorded in the audit log.
        #[arg(long)]
        reason: Option<String>,
    },
    /// Lifts the app-wide mute.
    Lift {
        user: String,
        #[arg(long)]
        reason: Option<String>,
    },
}

fn describe(user: &str, m: &AppMute) -> String {
    match m.group_seconds {
        0 => format!("{user}: not muted app-wide"),
        s if s >= MUTE_PERMANENT => format!("{user}: muted in every group permanently"),
        s => format!("{user}: muted in every group for {s} more seconds"),
    }
}

pub async fn app_mute(session: &Session, cmd: AppMuteCmd) -> Result<ExitCode, CliError> {
    if session.service() != crate::model::Service::Tencent {
        return Err(CliError::Usage("app-mute is Tencent Cloud Chat's (use --service tencent)".into()));
    }
    let (user, seconds, reason) = match cmd {
        AppMuteCmd::Show { user } => {
            println!("{}", describe(&user, &accounts::app_mute(session, &user).await?));
            return Ok(ExitCode::SUCCESS);
        }
        AppMuteCmd::Set { user, permanent: true, reason, .. } => (user, MUTE_PERMANENT, reason),
        AppMuteCmd::Set { seconds: Some(0), .. } => return Err(CliError::Usage("--seconds: at least 1 (use `app-mute lift` to lift it)".into())),
        AppMuteCmd::Set { user, seconds, reason, .. } => (user, seconds.unwrap_or(MUTE_PERMANENT).min(MUTE_PERMANENT), reason),
        AppMuteCmd::Lift { user, reason } => (user, 0, reason),
    };
    let done = accounts::set_app_mute(session, &user, seconds, reason.as_deref()).await;
    // The state (read back from the server) first, then an audit failure.
    let now = match done.result {
        Ok(now) => now,
        Err(e) => return Err(super::audit_failure_after(e.into(), done.audit_error)),
    };
    println!("{}", describe(&user, &now));
    let code = if now.muted() == (seconds > 0) { ExitCode::SUCCESS } else { ExitCode::from(1) };
    super::audit_outcome(code, done.audit_error, "the state above was read back from the server")
}
