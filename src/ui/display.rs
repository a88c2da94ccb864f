//! How numbers, times and the model's fixed phrases are shown: thousands separators, times in
//! the operator's local time zone with the zone named (or in UTC, a setting), and English
//! phrases of the model in the console's language ([`model_text`]). The zone choice is one flag for the
//! whole console, set by the shell from the settings.

use std::sync::atomic::{AtomicBool, Ordering};

static UTC: AtomicBool = AtomicBool::new(false);

/// Shows times in UTC (`true`) or in the local time zone.
pub fn set_utc(utc: bool) {
    UTC.store(utc, Ordering::Relaxed);
}

pub fn utc() -> bool {
    UTC.load(Ordering::Relaxed)
}

/// `3000` ⇒ `3,000`.
pub fn number(n: impl TryInto<i64>) -> String {
    crate::i18n::number(n.try_into().unwrap_or(i64::MAX))
}

/// Epoch milliseconds in the chosen zone (`YYYY-MM-DD HH:MM:SS`); empty for 0.
pub fn time_ms(ms: i64) -> String {
    crate::i18n::time_ms(ms, utc())
}

/// The zone times are shown in, e.g. `UTC+08:00`.
pub fn zone() -> String {
    crate::i18n::utc_offset_label(utc())
}

/// An RFC 3339 time (audit entries) in the chosen zone; the text itself if it does not parse.
pub fn rfc3339(text: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(text).map(|t| time_ms(t.timestamp_millis())).unwrap_or_else(|_| text.to_owned())
}

/// A `YYYY-MM-DD HH:MM:SS` time in UTC (as the server's answers are kept) in the chosen zone.
pub fn utc_text(text: &str) -> String {
    chrono::NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M:%S")
        .map(|t| time_ms(t.and_utc().timestamp_millis()))
        .unwrap_or_else(|_| text.to_owned())
}

/// The local wall-clock time now, `HH:MM:SS` (notifications).
pub fn clock_now() -> String {
    let now = chrono::Utc::now();
    if utc() { now.format("%H:%M:%S").to_string() } else { now.with_timezone(&chrono::Local).format("%H:%M:%S").to_string() }
}

/// A fixed English phrase of the model (a permission's wording, a form field's name) in the
/// console's language: the catalogue's `m-<slug>` message, else the phrase itself.
pub fn model_text(phrase: &str) -> String {
    let mut id = String::from("m-");
    for c in phrase.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    let text = crate::i18n::text(id);
    if text == id { phrase.to_owned() } else { text }
}

/// [`model_text`] for any text (user data passes through unchanged).
pub fn model_text_owned(text: &str) -> String {
    if text.len() > 60 || !text.is_ascii() { text.to_owned() } else { model_text(text) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_utc_and_unparsable_text_kept() {
        set_utc(true);
        assert_eq!(rfc3339("2023-11-14T22:13:20.000Z"), "2023-11-14 22:13:20");
        assert_eq!(utc_text("2023-11-14 22:13:20"), "2023-11-14 22:13:20");
        assert_eq!(utc_text("soon"), "soon");
        assert_eq!(number(3000usize), "3,000");
        set_utc(false);
    }
}
