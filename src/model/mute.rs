//! How long a mute lasts, independent of the unit a service counts in.

use std::fmt;

/// A mute's length. Services count in minutes (RongCloud) or seconds (Tencent); the backend
/// converts and checks the range from the group's [`crate::model::Capabilities`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MuteDuration {
    Permanent,
    Seconds(u64),
}

impl MuteDuration {
    /// From a RongCloud-style minute count, where 0 means permanent.
    pub fn from_minutes(minutes: u32) -> Self {
        if minutes == 0 { Self::Permanent } else { Self::Seconds(u64::from(minutes) * 60) }
    }

    /// Whole minutes, 0 for permanent (rounded up: a mute is never shorter than asked).
    pub fn minutes(self) -> u64 {
        match self {
            Self::Permanent => 0,
            Self::Seconds(s) => s.div_ceil(60),
        }
    }
}

impl fmt::Display for MuteDuration {
    /// The words the audit log and the console use: "permanently", "for 60 minutes".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Permanent => write!(f, "permanently"),
            Self::Seconds(s) if s % 60 == 0 => write!(f, "for {} minutes", s / 60),
            Self::Seconds(s) => write!(f, "for {s} seconds"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_round_trip_and_words() {
        assert_eq!(MuteDuration::from_minutes(0), MuteDuration::Permanent);
        assert_eq!(MuteDuration::from_minutes(60).minutes(), 60);
        assert_eq!(MuteDuration::Seconds(61).minutes(), 2);
        assert_eq!(MuteDuration::from_minutes(60).to_string(), "for 60 minutes");
        assert_eq!(MuteDuration::Permanent.to_string(), "permanently");
    }
}
