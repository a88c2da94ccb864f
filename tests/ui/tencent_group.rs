//! #13 items 3, 4 and 7 on the built-in Tencent sandbox: the group page per type (byte counters,
//! typed custom fields, capabilities, review and read-back), the custom-fields console (typed
//! confirmation, immutability) and Community permission groups (named permission checkboxes).

use egui_kittest::kittest::NodeT;
use groupdesk::backend::tencent::types::ResponseFilter;

use super::*;

const COMMUNITY: &str = "@TGS#_community";

impl Ui {
    /// Review, reason, save; waits for the read-back of a Tencent group.
    fn tc_save_reviewed(&mut self, reason: &str) {
        self.click(Role::Button, "Review and save…");
        assert!(self.harness.state().group_page().unwrap().tc.review.is_some(), "the review dialog opens first");
        self.harness.run_steps(6);
        self.click(Role::Button, "Save");
        assert!(self.harness.state().group_page().unwrap().tc.review.is_some(), "a reason is asked for first");
        self.type_into("Reason (recorded in the audit log)", reason);
        self.click(Role::Button, "Save");
        self.wait("saved and read back", |a| a.group_page().is_some_and(|g| g.confirmed().is_some() && !g.busy));
    }

    fn audit(&self) -> Vec<groupdesk::ops::audit::AuditEntry> {
        groupdesk::ops::audit::AuditLog::new(self._dir.path().join("audit.jsonl")).read().unwrap()
    }

    fn perm_groups_tab(&mut self) {
        self.open(COMMUNITY);
        self.click(Role::Button, "Permission groups");
        self.wait("permission groups", |a| a.group_page().is_some_and(|g| g.perms.data.is_some() && !g.perms.busy()));
    }

    /// Confirms the permission-group dialog with a reason and waits for the read-back.
    fn perm_apply(&mut self, reason: &str) {
        assert!(self.harness.state().group_page().unwrap().perms.confirm.is_some(), "a confirmation comes first");
        self.harness.run_steps(6);
        self.type_into("Reason (recorded in the audit log)", reason);
        self.click(Role::Button, "Apply");
        self.wait("permission change read back", |a| a.group_page().is_some_and(|g| g.perms.confirm.is_none() && !g.perms.busy() && g.perms.done.is_some()));
        assert!(self.harness.state().group_page().unwrap().perms.error.is_none(), "{:?}", self.harness.state().group_page().unwrap().perms.error);
    }
}

#[test]
fn a_chinese_name_is_counted_in_bytes_and_refused_over_the_limit() {
    let mut ui = start_tencent();
    ui.open("@TGS#public");
    ui.type_into("Name", "读书会交流群");
    assert!(ui.harness.query_by_label("6 chars · 18/30 bytes").is_some(), "characters and bytes are both shown");
    ui.type_into("Name", "一二三四五六七八九十一");
    assert!(ui.harness.query_by_label("11 chars · 33/30 bytes").is_some());
    let refusal = "Name: at most 30 bytes (got 33 bytes in 11 characters; a Chinese character is 3 bytes)";
    assert!(ui.harness.query_by_label(refusal).is_some(), "the refusal names the field and the byte limit");
    ui.click(Role::Button, "Review and save…");
    assert!(ui.harness.state().group_page().unwrap().tc.review.is_none(), "save stays disabled");
    let server = ui.tc_server();
    let g = ui.runtime.block_on(server.group("@TGS#public", &ResponseFilter::default())).unwrap();
    assert_ne!(g.name, "一二三四五六七八九十一");
}

#[test]
fn save_the_profile_and_a_typed_custom_field_with_review_and_read_back() {
    let mut ui = start_tencent();
    ui.open("@TGS#public");
    ui.type_into("Name", "读书会");
    ui.type_into("Announcement (Notification)", "周五晚八点线上分享");
    ui.type_into("等级 (level) · integer", "abc");
    assert!(ui.harness.query_by_label("level: must be integer").is_some(), "the value is checked against its registered type");
    ui.type_into("等级 (level) · integer", "7");
    assert!(ui.harness.query_by_label("level: must be integer").is_none());
    ui.tc_save_reviewed("ticket 13");
    let confirmed = ui.harness.state().group_page().unwrap().confirmed().unwrap().to_owned();
    assert!(confirmed.contains("exactly"), "{confirmed}");
    let server = ui.tc_server();
    let filter = ResponseFilter { group_keys: vec!["level".into()], ..Default::default() };
    let g = ui.runtime.block_on(server.group("@TGS#public", &filter)).unwrap();
    assert_eq!((g.name.as_str(), g.notification.as_str()), ("读书会", "周五晚八点线上分享"));
    assert_eq!(g.custom.iter().find(|kv| kv.key == "level").map(|kv| kv.value.as_str()), Some("7"));
    let last = ui.audit().pop().unwrap();
    assert_eq!((last.group.as_str(), last.reason.as_deref()), ("@TGS#public", Some("ticket 13")));
}

#[test]
fn a_work_group_cannot_mute_all_and_says_why() {
    let mut ui = start_tencent();
    ui.open("@TGS#work");
    assert!(ui.harness.query_by_label_contains("Type: Work (Private").is_some(), "the type is shown, read-only");
    let mute = ui.harness.get_by_role_and_label(Role::CheckBox, "Mute all members");
    assert!(mute.accesskit_node().is_disabled(), "Work groups cannot be muted");
    mute.hover();
    ui.harness.run_steps(4);
    assert!(ui.harness.query_all_by_label_contains("cannot be muted as a whole").next().is_some(), "the reason is given on hover");
    // On a Public group the same control is enabled.
    ui.open("@TGS#public");
    assert!(!ui.harness.get_by_role_and_label(Role::CheckBox, "Mute all members").accesskit_node().is_disabled());
}

#[test]
fn mute_all_is_saved_through_the_review() {
    let mut ui = start_tencent();
    ui.open("@TGS#meeting");
    ui.click(Role::CheckBox, "Mute all members");
    ui.type_into("Introduction", "会议群");
    ui.tc_save_reviewed("ticket 14");
    assert!(ui.harness.state().group_page().unwrap().confirmed().unwrap().contains("exactly"));
    let g = ui.runtime.block_on(ui.tc_server().group("@TGS#meeting", &ResponseFilter::default())).unwrap();
    assert_eq!(g.introduction, "会议群");
    assert_eq!(g.mute_all_member, Some(groupdesk::backend::tencent::types::OnOff::On));
}

#[test]
fn custom_fields_console_adds_a_key_after_typed_confirmation_and_refuses_changes() {
    let mut ui = start_tencent();
    ui.click(Role::Button, "Custom fields");
    ui.wait("registry read", |a| a.tc_fields().configured.is_some());
    assert!(ui.harness.query_all_by_label_contains("can never be deleted or changed").next().is_some(), "the screen says keys are permanent");
    // A configured key with another definition is refused.
    ui.type_into("Key", "level");
    ui.type_into("Label", "Level");
    assert!(ui.harness.query_by_label("level is configured already and can never be changed or deleted").is_some());
    ui.click(Role::Button, "Add to drafts");
    assert!(ui.harness.state().tc_fields().drafts.group_fields.is_empty(), "refused");
    // A new key: drafted, then applied with the key typed.
    ui.type_into("Key", "team");
    ui.type_into("Label", "团队");
    ui.click(Role::Button, "Add to drafts");
    assert_eq!(ui.harness.state().tc_fields().drafts.group_fields.len(), 1);
    ui.click(Role::Button, "Apply 1 keys to the sandbox…");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", "ticket 15");
    ui.click(Role::Button, "Add for good");
    assert!(ui.harness.state().tc_fields().apply.is_some(), "the keys must be typed");
    ui.type_into("Type the new keys to confirm: team", "team");
    ui.click(Role::Button, "Add for good");
    ui.wait("applied and read back", |a| a.tc_fields().configured.as_ref().is_some_and(|c| c.group_fields.iter().any(|f| f.key == "team")));
    let fields = ui.runtime.block_on(ui.tc_server().custom_fields()).unwrap();
    let team = fields.group_fields.iter().find(|f| f.key == "team").expect("on the server");
    assert_eq!(team.label, "团队");
    assert_eq!(ui.audit().pop().unwrap().action, "add custom fields: team");
    // The server refuses a changed definition too (configured keys are immutable).
    let mut changed = fields.clone();
    changed.member_fields.clear();
    changed.group_fields.retain(|f| f.key == "team");
    changed.group_fields[0].label = "Team".into();
    assert!(ui.runtime.block_on(ui.tc_server().add_custom_fields(&changed)).is_err());
}

#[test]
fn rename_a_permission_group_and_toggle_named_permissions() {
    let mut ui = start_tencent();
    ui.perm_groups_tab();
    ui.click(Role::Button, "只读组 (@PMG#_readonly) · 50 members");
    ui.type_into("Permission group name", "只读观察组");
    ui.click(Role::CheckBox, "Send group messages");
    ui.click(Role::CheckBox, "技术讨论: Send topic messages");
    ui.click(Role::Button, "Save permission group…");
    ui.perm_apply("ticket 16");
    let server = ui.tc_server();
    let pg = ui.runtime.block_on(server.permission_groups(COMMUNITY, &["@PMG#_readonly".into()])).unwrap();
    assert_eq!((pg[0].permission_group_name.as_str(), pg[0].permission), ("只读观察组", 256 | 64));
    let rust = format!("{COMMUNITY}@TOPIC#_rust");
    let topics = ui.runtime.block_on(server.topic_permission_group(COMMUNITY, "@PMG#_readonly", std::slice::from_ref(&rust))).unwrap();
    assert_eq!(topics.iter().find(|t| t.topic_id == rust).map(|t| t.permission), Some(Some(16 | 8)));
    let actions: Vec<String> = ui.audit().into_iter().map(|e| e.action).collect();
    assert!(actions.iter().any(|a| a.starts_with("modify permission group @PMG#_readonly")), "{actions:?}");
}

#[test]
fn add_members_to_a_permission_group_with_per_member_results() {
    let mut ui = start_tencent();
    ui.perm_groups_tab();
    ui.click(Role::Button, "发言组 (@PMG#_speakers) · 100 members");
    ui.type_into("User IDs (comma or space separated)", "user00500 user00501 nobody_here");
    ui.click(Role::Button, "Add to permission group…");
    ui.perm_apply("ticket 17");
    let results = ui.harness.state().group_page().unwrap().perms.results.clone();
    use groupdesk::ops::tencent::MemberResult;
    assert_eq!(results, vec![("user00500".to_owned(), MemberResult::Added), ("user00501".to_owned(), MemberResult::Added), ("nobody_here".to_owned(), MemberResult::NotMember)]);
    let members = ui.runtime.block_on(ui.tc_server().permission_group_members(COMMUNITY, "@PMG#_speakers")).unwrap();
    assert!(members.contains(&"user00500".to_owned()) && members.contains(&"user00501".to_owned()));
}

#[test]
fn custom_fields_export_import_and_scan() {
    let mut ui = start_tencent();
    ui.click(Role::Button, "Custom fields");
    ui.wait("registry read", |a| a.tc_fields().configured.is_some());
    ui.click(Role::Button, "Scan groups for keys in use");
    ui.wait("scanned", |a| a.tc_fields().in_use.is_some());
    let used = ui.harness.state().tc_fields().in_use.clone().unwrap();
    assert_eq!(used, ["level", "region", "settings", "verified"], "values present on the demo groups");
    // Export through the in-app path chooser.
    ui.click(Role::Button, "Export JSON…");
    ui.harness.run_steps(6);
    ui.wait("path chooser", |a| a.file_chooser_open());
    let folder = ui._dir.path().display().to_string();
    ui.type_into("Folder", &folder);
    assert_eq!(ui.harness.get_by_role_and_label(Role::TextInput, "File name").value().as_deref(), Some("tencent-custom-fields.json"));
    ui.click(Role::Button, "Save file");
    ui.wait("exported", |a| a.notices().iter().any(|n| n.text.starts_with("Custom-field keys exported to")));
    let path = ui._dir.path().join("tencent-custom-fields.json");
    let mut fields: groupdesk::backend::tencent::types::CustomFields = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(fields.group_fields.len(), 4);
    assert_eq!(fields.member_fields.len(), 3);
    // Import: configured keys as they are are skipped, a new one becomes a draft…
    let mut mood = fields.group_fields[1].clone();
    mood.key = "mood".into();
    mood.label = "心情".into();
    fields.group_fields.push(mood);
    std::fs::write(&path, serde_json::to_string(&fields).unwrap()).unwrap();
    let import = |ui: &mut Ui| {
        ui.click(Role::Button, "Import JSON…");
        ui.harness.run_steps(6);
        ui.wait("path chooser", |a| a.file_chooser_open());
        ui.type_into("Folder", &folder);
        ui.type_into("File name (json)", "tencent-custom-fields.json");
        ui.click(Role::Button, "Open file");
    };
    import(&mut ui);
    ui.wait("imported", |a| !a.tc_fields().drafts.group_fields.is_empty());
    let drafts: Vec<String> = ui.harness.state().tc_fields().drafts.group_fields.iter().map(|f| f.key.clone()).collect();
    assert_eq!(drafts, ["mood"]);
    // …and a file that would change a configured key is refused, naming it.
    ui.click(Role::Button, "Discard drafts");
    fields.group_fields[0].label = "Level".into();
    std::fs::write(&path, serde_json::to_string(&fields).unwrap()).unwrap();
    import(&mut ui);
    ui.wait("refused", |a| a.tc_fields().error.is_some());
    let key = fields.group_fields[0].key.clone();
    assert_eq!(ui.harness.state().tc_fields().error.as_deref(), Some(format!("{key} is configured already and can never be changed or deleted").as_str()));
    assert!(ui.harness.state().tc_fields().drafts.group_fields.is_empty());
}

#[test]
fn disband_asks_for_the_group_id_typed() {
    let mut ui = start_tencent();
    ui.open("@TGS#meeting");
    ui.click(Role::Button, "Disband group…");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", "ticket 18");
    ui.type_into("Type the group id (@TGS#meeting) to confirm", "@TGS#meet");
    ui.click(Role::Button, "Dismiss");
    assert!(ui.harness.state().group_page().is_some(), "a wrong id does nothing");
    ui.type_into("Type the group id (@TGS#meeting) to confirm", "@TGS#meeting");
    ui.click(Role::Button, "Dismiss");
    ui.wait("disbanded", |a| a.group_page().is_none());
    let err = ui.runtime.block_on(ui.tc_server().group("@TGS#meeting", &ResponseFilter::default())).unwrap_err();
    assert!(err.code.is_some(), "{err:?}");
    assert_eq!(ui.audit().pop().unwrap().action, "dismiss group");
}

#[test]
fn create_then_destroy_a_permission_group_with_its_id_typed() {
    let mut ui = start_tencent();
    ui.perm_groups_tab();
    ui.type_into("New permission group name", "值班组");
    ui.click(Role::Button, "Create permission group…");
    ui.perm_apply("ticket 19");
    let page = ui.harness.state().group_page().unwrap();
    let id = page.perms.selected.clone().expect("the new group is selected");
    assert_eq!(page.perms.edit.as_ref().unwrap().name, "值班组");
    let server = ui.tc_server();
    assert!(ui.runtime.block_on(server.permission_groups(COMMUNITY, &[])).unwrap().iter().any(|g| g.permission_group_id == id));
    ui.click(Role::Button, "Destroy permission group…");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", "ticket 20");
    ui.click(Role::Button, "Destroy");
    assert!(ui.harness.state().group_page().unwrap().perms.confirm.is_some(), "the id must be typed");
    ui.type_into(&format!("Type {id} to confirm"), &id);
    ui.click(Role::Button, "Destroy");
    ui.wait("destroyed", |a| a.group_page().is_some_and(|g| g.perms.confirm.is_none() && !g.perms.busy() && g.perms.selected.is_none()));
    assert!(!ui.runtime.block_on(server.permission_groups(COMMUNITY, &[])).unwrap().iter().any(|g| g.permission_group_id == id));
}
