//! Audit actions in the console's language. The log stores the action in English, the same
//! words from the console and the CLI (`MemberAction::audit_words`, the ops' `record_change`
//! actions); only the display is translated, by the known forms of those words. An action of
//! another form (an older or newer version's) is shown as stored.

use super::display::model_text;
use crate::tr;

/// The stored action in the console's language, or as stored when its form is unknown (and
/// always in English: the words are the log's).
pub fn action_text(action: &str) -> String {
    if crate::i18n::language() == crate::i18n::Language::English {
        return action.to_owned();
    }
    translate(action).unwrap_or_else(|| action.to_owned())
}

fn translate(a: &str) -> Option<String> {
    if let Some(text) = exact(a) {
        return Some(text);
    }
    if let Some(d) = a.strip_prefix("mute ") {
        return mute_duration(d).map(|d| tr!("audit-act-mute", duration = d));
    }
    if let Some(fields) = a.strip_prefix("save profile: ") {
        return Some(tr!("audit-act-save-profile", fields = fields_text(fields)));
    }
    if let Some(fields) = a.strip_prefix("set member ") {
        return Some(tr!("audit-act-set-member", fields = fields_text(fields)));
    }
    if let Some(user) = a.strip_prefix("set alias of ") {
        return Some(tr!("audit-act-set-alias", user = user));
    }
    if let Some(user) = a.strip_prefix("app-wide unmute ") {
        return Some(tr!("audit-act-app-unmute", user = user));
    }
    if let Some(rest) = a.strip_prefix("app-wide mute ") {
        if let Some(user) = rest.strip_suffix(" permanently") {
            return Some(tr!("audit-act-app-mute-permanent", user = user));
        }
        let (user, secs) = rest.strip_suffix(" seconds")?.rsplit_once(" for ")?;
        return Some(tr!("audit-act-app-mute", user = user, seconds = secs.parse::<u64>().ok()?));
    }
    if let Some(keys) = a.strip_prefix("add custom fields: ") {
        return Some(tr!("audit-act-add-custom-fields", keys = keys));
    }
    if let Some(rest) = a.strip_prefix("extProfile key ") {
        if let Some(key) = rest.strip_suffix(" defined") {
            return Some(tr!("audit-act-extkey-defined", key = key));
        }
        return rest.strip_suffix(" removed").map(|key| tr!("audit-act-extkey-removed", key = key));
    }
    permission_group(a)
}

fn exact(a: &str) -> Option<String> {
    Some(match a {
        "add members" => tr!("audit-act-add-members"),
        "kick" => tr!("audit-act-kick"),
        "unmute" => tr!("audit-act-unmute"),
        "allowlist add" => tr!("audit-act-allowlist-add"),
        "allowlist remove" => tr!("audit-act-allowlist-remove"),
        "make admin" => tr!("audit-act-make-admin"),
        "remove admin" => tr!("audit-act-remove-admin"),
        "set member nickname/extra" => tr!("audit-act-set-nickname"),
        "mute-all on" => tr!("audit-act-mute-all-on"),
        "mute-all off" => tr!("audit-act-mute-all-off"),
        "transfer ownership" => tr!("audit-act-transfer"),
        "transfer ownership (old owner leaves)" => tr!("audit-act-transfer-leave"),
        "create group" => tr!("audit-act-create-group"),
        "dismiss group" => tr!("audit-act-dismiss-group"),
        "import into hosting" => tr!("audit-act-import-hosting"),
        _ => return None,
    })
}

/// "permanently", "for 60 minutes", "for 90 seconds" (`MuteDuration`'s words).
fn mute_duration(d: &str) -> Option<String> {
    if d == "permanently" {
        return Some(tr!("audit-duration-permanent"));
    }
    let d = d.strip_prefix("for ")?;
    if let Some(m) = d.strip_suffix(" minutes") {
        return Some(tr!("audit-duration-minutes", minutes = m.parse::<u64>().ok()?));
    }
    Some(tr!("audit-duration-seconds", seconds = d.strip_suffix(" seconds")?.parse::<u64>().ok()?))
}

/// "name, portrait URL, team": the model's field names translated, custom keys as they are.
fn fields_text(fields: &str) -> String {
    fields.split(", ").map(model_text).collect::<Vec<_>>().join(&tr!("list-separator"))
}

/// The Tencent permission-group changes (`PermChange::action`).
fn permission_group(a: &str) -> Option<String> {
    if let Some(rest) = a.strip_prefix("create permission group ") {
        let (name, perms) = rest.strip_suffix(')')?.rsplit_once(" (permissions ")?;
        return Some(tr!("audit-act-pg-create", name = name, permissions = perms));
    }
    if let Some(rest) = a.strip_prefix("modify permission group ") {
        let (pg, what) = rest.split_once(": ")?;
        let what: Option<Vec<String>> = what
            .split(", ")
            .map(|w| match (w.strip_prefix("name "), w.strip_prefix("permissions ")) {
                (Some(n), _) => Some(tr!("audit-act-pg-name", name = n)),
                (_, Some(p)) => Some(tr!("audit-act-pg-permissions", permissions = p)),
                _ => None,
            })
            .collect();
        return Some(tr!("audit-act-pg-modify", group = pg, changes = what?.join(&tr!("list-separator"))));
    }
    if let Some(pg) = a.strip_prefix("destroy permission group ") {
        return Some(tr!("audit-act-pg-destroy", group = pg));
    }
    if let Some((pg, users)) = a.strip_prefix("add to permission group ").and_then(|r| r.split_once(": ")) {
        return Some(tr!("audit-act-pg-add", group = pg, users = users));
    }
    if let Some((pg, users)) = a.strip_prefix("remove from permission group ").and_then(|r| r.split_once(": ")) {
        return Some(tr!("audit-act-pg-remove", group = pg, users = users));
    }
    if let Some((pg, rest)) = a.strip_prefix("topic permissions of ").and_then(|r| r.split_once(": ")) {
        let rest = rest.strip_prefix("add [")?;
        let (add, rest) = rest.split_once("], set [")?;
        let (set, remove) = rest.split_once("], remove [")?;
        let remove = remove.strip_suffix(']')?;
        return Some(tr!("audit-act-pg-topics", group = pg, add = add, set = set, remove = remove));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MemberAction;
    use crate::model::mute::MuteDuration;

    /// Every form the ops write is recognised (compared with the catalogue, whatever the
    /// language of the running tests).
    #[test]
    fn known_forms_are_translated_and_others_kept() {
        for a in [
            MemberAction::Add.audit_words(),
            MemberAction::Mute(MuteDuration::Permanent).audit_words(),
            MemberAction::Mute(MuteDuration::from_minutes(60)).audit_words(),
            MemberAction::Mute(MuteDuration::Seconds(61)).audit_words(),
            MemberAction::AllowlistRemove.audit_words(),
            crate::ops::accounts::audit_words("u1", 0),
            crate::ops::accounts::audit_words("u1", 3600),
            crate::ops::accounts::audit_words("u1", u64::MAX),
            "save profile: name, portrait URL, team".into(),
            "set member name card, level".into(),
            "set alias of u2".into(),
            "extProfile key ext_a defined".into(),
            "add custom fields: a, b".into(),
            "create permission group Mods (permissions 3)".into(),
            "modify permission group @PMG#x: name Mods, permissions 7".into(),
            "destroy permission group @PMG#x".into(),
            "add to permission group @PMG#x: u1, u2".into(),
            "topic permissions of @PMG#x: add [t=1], set [], remove [t2]".into(),
            "transfer ownership (old owner leaves)".into(),
        ] {
            assert!(translate(&a).is_some(), "{a} is not recognised");
        }
        assert_eq!(action_text("some future action"), "some future action");
        assert_eq!(action_text("kick"), crate::i18n::text("audit-act-kick"));
        let zh = crate::i18n::Catalog::new(crate::i18n::Language::SimplifiedChinese);
        assert_eq!(zh.get("audit-act-kick", None), "移出成员");
    }
}
