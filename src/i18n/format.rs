//! Numbers and times as the operator reads them.

use chrono::{Local, TimeZone, Utc};
use fluent_bundle::FluentValue;
use num_format::{Locale, ToFormattedString};

/// `3000` ⇒ `3,000` (the grouping English and Chinese share).
pub fn number(n: i64) -> String {
    n.to_formatted_string(&Locale::en)
}

/// Fluent's formatter: whole numbers with thousands separators, the rest as Fluent does.
pub(super) fn fluent_value<M>(v: &FluentValue, _: &M) -> Option<String> {
    match v {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e15 && n.options.minimum_fraction_digits.is_none() => Some(number(n.value as i64)),
        _ => None,
    }
}

/// Epoch milliseconds as `YYYY-MM-DD HH:MM:SS` in local time (or UTC); empty for 0.
pub fn time_ms(ms: i64, utc: bool) -> String {
    if ms <= 0 {
        return String::new();
    }
    let Some(t) = Utc.timestamp_millis_opt(ms).single() else { return String::new() };
    if utc { t.format("%Y-%m-%d %H:%M:%S").to_string() } else { t.with_timezone(&Local).format("%Y-%m-%d %H:%M:%S").to_string() }
}

/// The zone times are shown in: `UTC` or the local offset, e.g. `UTC+08:00`.
pub fn utc_offset_label(utc: bool) -> String {
    if utc {
        return "UTC".to_owned();
    }
    let secs = Local::now().offset().local_minus_utc();
    if secs == 0 {
        return "UTC".to_owned();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let s = secs.abs();
    format!("UTC{sign}{:02}:{:02}", s / 3600, (s % 3600) / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_times() {
        assert_eq!(number(100_000), "100,000");
        assert_eq!(number(3), "3");
        assert_eq!(time_ms(0, true), "");
        assert_eq!(time_ms(1_700_000_000_000, true), "2023-11-14 22:13:20");
        assert_eq!(utc_offset_label(true), "UTC");
    }
}
