//! A change applied to many members of one group, as a bulk job, and the words the audit log
//! records it with (the same from the console and the CLI).

use super::mute::MuteDuration;
use super::rongcloud::LeaveOptions;

/// A change applied to many members of one group, as a bulk job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MemberAction {
    Add,
    /// RongCloud also takes what to clean up with the membership.
    Kick(LeaveOptions),
    Mute(MuteDuration),
    Unmute,
    AllowlistAdd,
    AllowlistRemove,
}

impl MemberAction {
    /// The words of the audit log, the same from the console and the CLI.
    pub fn audit_words(&self) -> String {
        match self {
            Self::Add => "add members".into(),
            Self::Kick(_) => "kick".into(),
            Self::Mute(d) => format!("mute {d}"),
            Self::Unmute => "unmute".into(),
            Self::AllowlistAdd => "allowlist add".into(),
            Self::AllowlistRemove => "allowlist remove".into(),
        }
    }

    /// Whether the action removes or silences people (asks for a typed count when large).
    pub fn is_punitive(&self) -> bool {
        matches!(self, Self::Kick(_) | Self::Mute(_))
    }
}

