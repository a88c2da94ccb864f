//! What a group allows, so screens and operations can offer (or disable, with the reason)
//! exactly the actions the group's service and type support.

use super::mute::MuteDuration;

/// The unit a service counts mute lengths in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MuteUnit {
    Minutes,
    Seconds,
}

/// Mutes of single members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MuteCaps {
    pub unit: MuteUnit,
    /// The longest timed mute, in seconds.
    pub max_seconds: u64,
    pub permanent: bool,
}

impl MuteCaps {
    /// The longest timed mute in the unit the service counts in (43,200 minutes on RongCloud).
    pub fn max_in_unit(&self) -> u64 {
        match self.unit {
            MuteUnit::Minutes => self.max_seconds / 60,
            MuteUnit::Seconds => self.max_seconds,
        }
    }

    /// Checks a requested mute against the group's range — the one check the console and the
    /// CLI both use before a job starts (the backend checks again before sending).
    pub fn check(&self, d: MuteDuration) -> Result<(), MuteRangeError> {
        match d {
            MuteDuration::Permanent if self.permanent => Ok(()),
            MuteDuration::Permanent => Err(MuteRangeError::NoPermanent),
            MuteDuration::Seconds(0) => Err(MuteRangeError::Zero),
            MuteDuration::Seconds(s) if s > self.max_seconds => Err(MuteRangeError::TooLong { max: self.max_in_unit(), unit: self.unit }),
            MuteDuration::Seconds(_) => Ok(()),
        }
    }
}

/// Why a mute length is outside a group's range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MuteRangeError {
    /// A mute of no time would be an unmute.
    Zero,
    NoPermanent,
    /// Longer than the longest timed mute, `max` in `unit`.
    TooLong { max: u64, unit: MuteUnit },
}

impl std::fmt::Display for MuteRangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Zero => write!(f, "at least 1 (0 would unmute)"),
            Self::NoPermanent => write!(f, "this group has no permanent mutes"),
            Self::TooLong { max, unit: MuteUnit::Minutes } => write!(f, "at most {max} minutes (0 = permanent)"),
            Self::TooLong { max, unit: MuteUnit::Seconds } => write!(f, "at most {max} seconds"),
        }
    }
}

/// Items per call of each bulk action (the endpoint's documented maximum).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BatchSizes {
    pub mute: usize,
    pub kick: usize,
    pub add: usize,
    pub allowlist: usize,
}

/// A custom field the app defines for groups or members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomField {
    pub key: String,
    pub max_len: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Capabilities {
    /// `None`: members of this group cannot be muted.
    pub mute: Option<MuteCaps>,
    pub mute_all: bool,
    /// A list of users who may speak while the group is muted-all.
    pub allowlist: bool,
    /// The most admins a group may have; `None`: no admins.
    pub max_admins: Option<usize>,
    pub transfer_owner: bool,
    /// Members can be listed, added and kicked.
    pub member_list: bool,
    /// Name, introduction, announcement and picture can be edited here.
    pub profile: bool,
    pub batch: BatchSizes,
    /// The longest user id, in characters.
    pub max_user_id: usize,
    /// Group-level custom fields and their limits.
    pub custom_fields: Vec<CustomField>,
    pub max_custom_fields: usize,
}

impl Capabilities {
    /// Why `what` is not possible in this group, for a disabled control's hover text.
    pub fn missing(&self, what: Feature) -> Option<&'static str> {
        let ok = match what {
            Feature::Mute => self.mute.is_some(),
            Feature::MuteAll => self.mute_all,
            Feature::Allowlist => self.allowlist,
            Feature::Admins => self.max_admins.is_some(),
            Feature::Transfer => self.transfer_owner,
            Feature::Members => self.member_list,
        };
        (!ok).then_some(what.reason())
    }
}

/// A capability a control depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    Mute,
    MuteAll,
    Allowlist,
    Admins,
    Transfer,
    Members,
}

impl Feature {
    fn reason(self) -> &'static str {
        match self {
            Self::Mute => "members of this group cannot be muted",
            Self::MuteAll => "this group cannot be muted as a whole",
            Self::Allowlist => "this group has no mute-all allowlist",
            Self::Admins => "this group cannot have admins",
            Self::Transfer => "this group's ownership cannot be transferred",
            Self::Members => "this group has no member list",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mute_range_per_unit() {
        let rc = MuteCaps { unit: MuteUnit::Minutes, max_seconds: 43_200 * 60, permanent: true };
        assert_eq!(rc.max_in_unit(), 43_200);
        assert_eq!(rc.check(MuteDuration::from_minutes(43_200)), Ok(()));
        assert_eq!(rc.check(MuteDuration::Permanent), Ok(()));
        let too_long = rc.check(MuteDuration::from_minutes(43_201)).unwrap_err();
        assert_eq!(too_long.to_string(), "at most 43200 minutes (0 = permanent)");
        let tc = MuteCaps { unit: MuteUnit::Seconds, max_seconds: 4_294_967_294, permanent: false };
        assert_eq!(tc.check(MuteDuration::Seconds(0)), Err(MuteRangeError::Zero));
        assert_eq!(tc.check(MuteDuration::Permanent), Err(MuteRangeError::NoPermanent));
        assert_eq!(tc.check(MuteDuration::Seconds(4_294_967_295)).unwrap_err().to_string(), "at most 4294967294 seconds");
    }
}
