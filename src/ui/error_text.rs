//! Errors in the console's language. The model's [`ApiError`] stays English (the CLI, the
//! logs and the audit file use it as is); here its explanation, and its message where it is
//! one of ours, are looked up in the catalogue, falling back to the English text:
//!
//! * one message per [`ErrorKind`] (`err-kind-*`);
//! * one per explained service code (`err-rc-<code>`, `err-tc-<code>`): the English catalogue
//!   holds each code table's own text (`src/backend/*/codes.rs`), so an explanation is found by
//!   its text — a code the catalogue does not know, or an explanation that changed, shows the
//!   English text (the tests below keep the tables and the catalogue in step);
//! * the console's own refusals (`ApiError::invalid` of ops and the limit checks) by form.
//!
//! In English the model's own words are shown exactly.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::i18n::{Catalog, Language};
use crate::model::{ApiError, ErrorKind};
use crate::tr;

/// The English text of every service-code message → its id.
fn by_english() -> &'static HashMap<String, String> {
    static MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        let en = Catalog::new(Language::English);
        en.ids().into_iter().filter(|id| id.starts_with("err-rc-") || id.starts_with("err-tc-")).map(|id| (en.get(&id, None), id)).collect()
    })
}

/// A service code's English explanation in the console's language, if the catalogue has it.
pub fn service_text(english: &str) -> Option<String> {
    by_english().get(english).map(|id| crate::i18n::text(id))
}

/// The plain-language explanation of an error, in the console's language.
pub fn explanation(e: &ApiError) -> String {
    if crate::i18n::language() == Language::English {
        return e.explanation().to_owned();
    }
    match e.kind {
        ErrorKind::Invalid => tr!("err-kind-invalid"),
        ErrorKind::Transport => tr!("err-kind-transport"),
        ErrorKind::Cancelled => tr!("err-kind-cancelled"),
        ErrorKind::Server => match e.server_explanation {
            Some(s) => service_text(s).unwrap_or_else(|| s.to_owned()),
            None => tr!("err-kind-server"),
        },
    }
}

/// The error's message: the server's own words as sent, ours in the console's language where
/// the form is known.
pub fn message(e: &ApiError) -> String {
    if crate::i18n::language() == Language::English {
        return e.message.clone();
    }
    match e.kind {
        ErrorKind::Cancelled => tr!("err-msg-cancelled"),
        // Tencent answers without ErrorInfo get the code's explanation as their message.
        ErrorKind::Server => service_text(&e.message).or_else(|| invalid_problem(&e.message)).unwrap_or_else(|| e.message.clone()),
        ErrorKind::Invalid => invalid_message(e).unwrap_or_else(|| e.message.clone()),
        ErrorKind::Transport => e.message.clone(),
    }
}

/// `field: problem` of an [`ErrorKind::Invalid`] error, when the problem has a known form.
fn invalid_message(e: &ApiError) -> Option<String> {
    let field = e.field.as_deref()?;
    let problem = e.message.strip_prefix(field)?.strip_prefix(": ")?;
    let text = invalid_problem(problem)?;
    Some(tr!("err-invalid-field", field = super::display::model_text(field), problem = text))
}

/// The known problems of `ApiError::invalid` (ops and the limit checks), translated.
fn invalid_problem(p: &str) -> Option<String> {
    let exact = match p {
        "this needs a Tencent Cloud Chat connection" => Some(tr!("err-invalid-needs-tencent")),
        "member custom fields are Tencent Cloud Chat's" => Some(tr!("err-invalid-member-fields-tencent")),
        "only Tencent Cloud Chat has an app-wide mute" => Some(tr!("err-invalid-app-mute-tencent")),
        "extProfile keys are RongCloud's" => Some(tr!("err-invalid-extkeys-rongcloud")),
        "it stopped unexpectedly" => Some(tr!("err-invalid-task-stopped")),
        "is required" => Some(tr!("err-invalid-required")),
        "must not be empty" => Some(tr!("err-invalid-not-empty")),
        "nothing to change" => Some(tr!("err-invalid-nothing")),
        "at least one user is required" | "at least one account is required" => Some(tr!("err-invalid-one-user")),
        "Tencent Cloud Chat has no mute-all allowlist" => Some(tr!("err-invalid-no-allowlist")),
        "an AVChatRoom has no member list: members cannot be kicked (mute or ban them)" => Some(tr!("err-invalid-avchat-kick")),
        "members cannot be added to an AVChatRoom (10007)" => Some(tr!("err-invalid-avchat-add")),
        _ => None,
    };
    if exact.is_some() {
        return exact;
    }
    if let Some(what) = p.strip_suffix(" is not available on this service") {
        return Some(tr!("err-invalid-not-available", what = super::display::model_text(what)));
    }
    if let Some(group) = p.strip_prefix("group ").and_then(|r| r.strip_suffix(" does not exist (no hosted profile and no members)")) {
        return Some(tr!("err-invalid-no-group", group = group));
    }
    // "at most 64 characters (got 70)" (the numbers as written: no separators added)
    if let Some((max, got)) = p.strip_prefix("at most ").and_then(|r| r.strip_suffix(')')).and_then(|r| r.split_once(" characters (got ")) {
        if max.parse::<u64>().is_ok() && got.parse::<u64>().is_ok() {
            return Some(tr!("err-invalid-too-long", max = max, got = got));
        }
    }
    if let Some(value) = p.strip_suffix(" contains a comma, a control character or surrounding spaces") {
        return Some(tr!("err-invalid-id-chars", value = value));
    }
    if let Some(value) = p.strip_suffix(" contains a comma or a control character") {
        return Some(tr!("err-invalid-user-id-chars", value = value));
    }
    if let Some(found) = p.strip_prefix("only letters A-Z, a-z and digits 0-9 are allowed (found ").and_then(|r| r.strip_suffix(')')) {
        return Some(tr!("err-invalid-letters-digits", found = found));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::{rongcloud, tencent};

    fn server_error(code: u32, explanation: &'static str) -> ApiError {
        let mut e = ApiError::transport("/x", "", "refused");
        e.kind = ErrorKind::Server;
        e.code = Some(code);
        e.server_explanation = Some(explanation);
        e
    }

    /// Every explanation of both code tables is in the catalogue (by its exact English text),
    /// so a code added to a table without its messages fails here.
    #[test]
    fn every_service_explanation_is_in_the_catalogue() {
        let zh = Catalog::new(Language::SimplifiedChinese);
        let mut missing = Vec::new();
        for code in 0..100_000u32 {
            for text in [rongcloud::codes::explain(code), tencent::codes::explain(code)] {
                if text == "Success." {
                    continue;
                }
                match by_english().get(text) {
                    Some(id) => assert!(!zh.get(id, None).is_ascii(), "{id} is not translated"),
                    None => missing.push((code, text)),
                }
            }
        }
        missing.dedup();
        assert!(missing.is_empty(), "not in the catalogue: {missing:?}");
    }

    /// (The language is global: these compare with the catalogue rather than switch it.)
    #[test]
    fn explanations_and_messages_by_form() {
        let zh = Catalog::new(Language::SimplifiedChinese);
        assert_eq!(by_english().get(rongcloud::codes::explain(25410)).map(|id| zh.get(id, None)).as_deref(), Some("群组不存在。"));
        let gone = server_error(25410, rongcloud::codes::explain(25410));
        assert_eq!(explanation(&gone), crate::i18n::text("err-rc-25410"));
        let unknown = server_error(7, "Something new.");
        assert_eq!(explanation(&unknown), "Something new.", "unknown texts stay English");
        for (field, problem) in [
            ("service", "this needs a Tencent Cloud Chat connection"),
            ("Group ID", "at most 64 characters (got 70)"),
            ("Group ID", "\"a,b\" contains a comma, a control character or surrounding spaces"),
            ("Group ID", "only letters A-Z, a-z and digits 0-9 are allowed (found '-')"),
            ("Owner", "\"a,b\" contains a comma or a control character"),
            ("groupId", "group x does not exist (no hosted profile and no members)"),
            ("service", "a group alias is not available on this service"),
        ] {
            assert!(invalid_problem(problem).is_some(), "{problem}");
            let e = ApiError::invalid("", field, problem);
            assert!(invalid_message(&e).is_some(), "{problem}");
        }
        let other = ApiError::invalid("", "x", "some new problem");
        assert_eq!(message(&other), "x: some new problem");
    }
}
