//! Issue 10, "for real support desks": CJK names with real glyphs, every members action on
//! screen at the smallest and the default window, dialogs driven from the keyboard, the in-app
//! path chooser, notifications that stay, the audit detail, the group list, deep links and the
//! ext-key editor.

use super::*;

/// The bookclub members tab at a window size, opened by a deep link.
fn members_at(size: egui::Vec2) -> Ui {
    let mut ui = start_with(size, Some(OpenRequest { group: "bookclub".into(), tab: Tab::Members, connection: None }));
    ui.wait("members tab loaded", |a| a.group_page().is_some_and(|g| g.detail.is_some() && g.members.table.is_some()));
    ui
}

/// The one node with this label (and role) lies inside the window.
fn assert_on_screen(ui: &Ui, role: Option<Role>, label: &str, size: egui::Vec2) -> egui::Rect {
    let node = match role {
        Some(r) => ui.harness.get_by_role_and_label(r, label),
        None => ui.harness.get_by_label(label),
    };
    let rect = node.rect();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size).expand(0.5);
    assert!(rect.width() > 1.0 && rect.height() > 1.0, "{label:?} has no size: {rect:?}");
    assert!(screen.contains_rect(rect), "{label:?} is off the {size:?} window: {rect:?}");
    rect
}

fn every_members_action_is_on_screen(size: egui::Vec2) {
    let mut ui = members_at(size);
    // The identity and the environment badge, never under the navigation.
    let name = assert_on_screen(&ui, None, "groupdesk", size);
    let badge = assert_on_screen(&ui, None, "SANDBOX", size);
    for nav in ["Groups", "extProfile keys", "Connections", "Audit", "Log", "View"] {
        let r = assert_on_screen(&ui, Some(Role::Button), nav, size);
        assert!(!r.intersects(badge) && !r.intersects(name), "{nav} overprints the identity row");
    }
    // The group header stays on the members tab.
    assert_on_screen(&ui, None, "Book Club", size);
    assert_on_screen(&ui, None, "bookclub", size);
    let member = ui.harness.state().group_page().unwrap().members.table.as_ref().unwrap().rows().iter().find(|r| r.role == Some(groupdesk::model::Role::Member)).unwrap().user_id.clone();
    // A click on the row's nickname cell selects the whole row.
    let nickname = ui.harness.state().group_page().unwrap().members.table.as_ref().unwrap().rows().iter().find(|r| r.user_id == member).unwrap().nickname.clone();
    ui.type_into("Filter members", &member);
    ui.harness.get_by_label(&nickname).click();
    ui.harness.run_steps(3);
    assert_eq!(ui.harness.state().group_page().unwrap().members.selected.len(), 1, "a click anywhere on the row selects it");
    for label in [
        "Filter members",
        "Select all shown",
        "Clear selection",
        "Reload members",
        "Mute",
        "Unmute",
        "Kick…",
        "Allowlist add",
        "Allowlist remove",
        "Show allowlist",
        "Turn mute-all on…",
        "Export",
        "Make admin",
        "Remove admin",
        "Save member",
        "Make selected the owner…",
    ] {
        let role = if label == "Filter members" { Role::TextInput } else { Role::Button };
        assert_on_screen(&ui, Some(role), label, size);
    }
    for label in ["Act on a pasted list or a file", &format!("Select {member}")] {
        assert_on_screen(&ui, None, label, size);
    }
    assert_on_screen(&ui, Some(Role::TextInput), "Nickname", size);
    assert_on_screen(&ui, Some(Role::TextInput), "Extra", size);
    // The menus: every duration, and every export choice.
    ui.click(Role::Button, "Mute");
    for minutes in groupdesk::ui::screens::members::MUTE_CHOICES {
        assert_on_screen(&ui, Some(Role::Button), &groupdesk::ui::screens::members::mute_choice_label(minutes), size);
    }
    assert_on_screen(&ui, Some(Role::Button), "Mute for minutes", size);
    ui.harness.key_press(egui::Key::Escape);
    ui.harness.run_steps(3);
    ui.click(Role::Button, "Export");
    for label in ["Export CSV…", "Columns"] {
        assert_on_screen(&ui, Some(Role::Button), label, size);
    }
    assert_on_screen(&ui, Some(Role::CheckBox), "BOM for Excel", size);
    assert_on_screen(&ui, None, "selected members", size);
    ui.harness.key_press(egui::Key::Escape);
    ui.harness.run_steps(3);
    // The biggest confirmation (kick everyone: skips, options, typed count) fits too.
    ui.type_into("Filter members", "");
    ui.click(Role::Button, "Select all shown");
    ui.click(Role::Button, "Kick…");
    ui.harness.run_steps(6);
    for label in ["Confirm", "Cancel"] {
        assert_on_screen(&ui, Some(Role::Button), label, size);
    }
    assert_on_screen(&ui, Some(Role::TextInput), "Reason (recorded in the audit log)", size);
}

#[test]
fn every_members_action_is_reachable_at_800_by_500() {
    every_members_action_is_on_screen(egui::vec2(800.0, 500.0));
}

#[test]
fn every_members_action_is_reachable_at_1280_by_800() {
    every_members_action_is_on_screen(egui::vec2(1280.0, 800.0));
}

#[test]
fn chinese_group_and_member_names_render_with_real_glyphs() {
    let mut ui = start();
    assert!(ui.harness.state().fonts_ready());
    ui.click(Role::Button, "New group");
    ui.harness.run_steps(6);
    ui.type_into("Group ID", "shenzhen");
    ui.type_into("Group name", "深圳客服交流群");
    ui.type_into("Owner user id", "u10001");
    ui.type_into("Members to add (up to 30; commas or new lines)", "u10002, u10003");
    ui.click(Role::Button, "Create");
    ui.wait("created and opened", |a| a.group_page().is_some_and(|g| g.group_id == "shenzhen" && g.detail.is_some()));
    ui.click(Role::Button, "Members");
    ui.wait("members loaded", |a| a.group_page().is_some_and(|g| g.members.table.is_some()));
    ui.harness.get_by_label("u10002").click();
    ui.harness.run_steps(3);
    ui.type_into("Nickname", "张三");
    ui.click(Role::Button, "Save member");
    ui.wait("nickname saved", |a| a.group_page().is_some_and(|g| g.members.table.as_ref().is_some_and(|t| t.rows().iter().any(|r| r.nickname == "张三"))));
    // Shown in the list, the page header and the table (the harness panics on a missing glyph).
    ui.harness.run_steps(3);
    assert!(ui.harness.query_by_label_contains("深圳客服交流群\nshenzhen").is_some(), "the group list row");
    assert!(ui.harness.query_by_label("张三").is_some(), "the members table");
    let font = egui::FontId::proportional(14.0);
    assert!(ui.harness.ctx.fonts_mut(|f| f.has_glyphs(&font, "深圳客服交流群张三北京用户")), "real glyphs, not boxes");
    assert!(ui.harness.state().font_status().has_cjk());
}

#[test]
fn a_deep_link_opens_the_members_tab_once_the_list_is_loaded() {
    let mut ui = start_with(egui::vec2(1280.0, 800.0), Some(OpenRequest { group: "community".into(), tab: Tab::Members, connection: Some("Built-in sandbox".into()) }));
    ui.wait("community members", |a| a.group_page().is_some_and(|g| g.group_id == "community" && g.members.table.is_some()));
    assert_eq!(ui.harness.state().group_page().unwrap().tab, groupdesk::ui::screens::group::DetailTab::Members);
    assert!(ui.harness.query_by_role_and_label(Role::TextInput, "Filter members").is_some(), "the members tab is shown");
    assert!(ui.harness.query_by_label_contains("3,000 members").is_some(), "the header, with thousands separators");
}

#[test]
fn a_confirmation_is_driven_from_the_keyboard_and_names_the_skipped_owner() {
    let mut ui = members_at(egui::vec2(1280.0, 800.0));
    let (owner, member) = {
        let rows = ui.harness.state().group_page().unwrap().members.table.as_ref().unwrap().rows().to_vec();
        let pick = |role| rows.iter().find(|r| r.role == Some(role)).unwrap().user_id.clone();
        (pick(groupdesk::model::Role::Owner), pick(groupdesk::model::Role::Member))
    };
    // Owner and a member: the owner is named as skipped before anything is sent.
    ui.harness.get_by_label(&format!("Select {owner}")).click();
    ui.harness.get_by_label(&format!("Select {member}")).click();
    ui.harness.run_steps(2);
    ui.mute("Mute for 1 hour");
    ui.harness.run_steps(6);
    assert!(ui.harness.query_by_label("Mute 2 users for 1 hour?").is_some(), "plural and wording");
    assert!(ui.harness.query_by_label_contains("1 user will be skipped").is_some());
    assert!(ui.harness.query_by_label_contains(&format!("{owner}: group owner: transfer ownership first")).is_some());
    assert!(ui.harness.get_by_role_and_label(Role::TextInput, "Reason (recorded in the audit log)").is_focused(), "the reason has the focus");
    // Enter does nothing without a reason; Escape cancels.
    ui.harness.key_press(egui::Key::Enter);
    ui.harness.run_steps(2);
    assert!(ui.harness.state().group_page().unwrap().members.pending.is_some());
    ui.harness.key_press(egui::Key::Escape);
    ui.harness.run_steps(2);
    assert!(ui.harness.state().group_page().unwrap().members.pending.is_none(), "Escape cancels");
    // Typed reason, Enter confirms.
    ui.mute("Mute for 1 hour");
    ui.harness.run_steps(6);
    ui.harness.get_by_role_and_label(Role::TextInput, "Reason (recorded in the audit log)").type_text("spam");
    ui.harness.run_steps(1);
    ui.harness.key_press(egui::Key::Enter);
    ui.harness.run_steps(2);
    ui.wait("job done", |a| a.group_page().is_some_and(|g| g.members.jobs.job.as_ref().is_some_and(|j| j.report.is_some())));
    let report = ui.harness.state().group_page().unwrap().members.jobs.job.as_ref().unwrap().report.clone().unwrap();
    assert_eq!((report.count("done"), report.count("skipped")), (1, 1));
    // The next confirmation offers the last reason; a typed-id confirmation starts empty.
    ui.click(Role::Button, "Turn mute-all on…");
    ui.harness.run_steps(6);
    assert_eq!(ui.harness.get_by_role_and_label(Role::TextInput, "Type the group id (bookclub) to confirm").value().unwrap_or_default(), "");
    ui.click(Role::Button, "Use the last reason: “spam”");
    assert_eq!(ui.harness.state().group_page().unwrap().members.group_pending.as_ref().unwrap().reason, "spam");
}

#[test]
fn export_asks_for_a_path_in_the_app_when_there_is_no_system_dialog() {
    let mut ui = members_at(egui::vec2(1280.0, 800.0));
    ui.click(Role::Button, "Export");
    ui.click(Role::Button, "Export CSV…");
    ui.harness.run_steps(6);
    assert!(ui.harness.state().file_chooser_open(), "the in-app path chooser");
    ui.wait("default folder filled in", |a| a.file_chooser_open());
    let folder = ui._dir.path().display().to_string();
    ui.type_into("Folder", &folder);
    assert_eq!(ui.harness.get_by_role_and_label(Role::TextInput, "File name").value().as_deref(), Some("bookclub-members.csv"), "the suggested name");
    ui.click(Role::Button, "Save file");
    ui.wait("exported", |a| a.notices().iter().any(|n| n.text.starts_with("Exported ")));
    let text = std::fs::read_to_string(ui._dir.path().join("bookclub-members.csv")).unwrap();
    assert!(text.starts_with("userId,"), "{text}");
}

#[test]
fn problems_stay_in_the_status_bar_until_dismissed_and_the_log_has_times() {
    let mut ui = start();
    let first = &ui.harness.state().notices()[0];
    assert!(first.text.starts_with("Connected to rongcloud-demo (35 groups)"), "connected only once the groups loaded: {}", first.text);
    ui.type_into("Open by exact group id", "nosuchgroup");
    ui.click(Role::Button, "Open");
    ui.wait("open failed", |a| a.notices().iter().any(|n| n.text.starts_with("Opening group nosuchgroup failed")));
    let problem = ui.harness.state().notices().iter().find(|n| n.text.starts_with("Opening group")).unwrap().clone();
    assert!(problem.sticky() && !problem.dismissed);
    assert!(ui.harness.query_by_label_contains("Opening group nosuchgroup failed").is_some(), "in the status bar");
    ui.click(Role::Button, "Dismiss notice");
    assert!(ui.harness.query_by_role_and_label(Role::Button, "Dismiss notice").is_none(), "dismissed");
    ui.click(Role::Button, "Log");
    assert!(ui.harness.query_all_by_label(&problem.time).count() >= 1, "the Log shows the time {}", problem.time);
    assert!(problem.time.len() == 8 && problem.time.as_bytes()[2] == b':', "HH:MM:SS: {}", problem.time);
}

#[test]
fn the_audit_detail_shows_every_user_outcome_and_the_full_reason() {
    let mut ui = members_at(egui::vec2(1280.0, 800.0));
    let owner = ui.harness.state().group_page().unwrap().detail.as_ref().unwrap().owner.clone();
    let long_reason = "raid from a spam network reported in ticket 4711 by three moderators, see the thread for the full list";
    ui.harness.get_by_label(&format!("Select {owner}")).click();
    ui.harness.run_steps(2);
    ui.click(Role::Button, "Kick…");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", long_reason);
    ui.click(Role::Button, "Confirm");
    ui.wait("job done", |a| a.group_page().is_some_and(|g| g.members.jobs.job.as_ref().is_some_and(|j| j.report.is_some())));
    ui.click(Role::Button, "Audit");
    ui.wait_for_label_containing(long_reason);
    assert!(ui.harness.query_by_label(&format!("Reason: {long_reason}")).is_some(), "the whole reason");
    ui.harness.get_by_label("kick").click();
    ui.harness.run_steps(3);
    assert_eq!(ui.harness.query_all_by_label("0 done, 0 failed, 1 skipped").count(), 2, "skipped is not failed (the entry and its detail)");
    assert!(ui.harness.query_by_label("group owner: transfer ownership first").is_some(), "the per-user outcome");
    assert!(ui.harness.query_by_label(&owner).is_some(), "the user");
}

#[test]
fn the_group_list_sorts_shows_separators_and_follows_member_changes() {
    let mut ui = start();
    ui.click(Role::ComboBox, "Sort by");
    ui.click(Role::Button, "Member count");
    let first = {
        let app = ui.harness.state_mut();
        let v = app.visible_groups().to_vec();
        app.groups()[v[0]].group_id.clone()
    };
    assert_eq!(first, "community", "largest first");
    assert!(ui.harness.query_by_label_contains("3,000 members").is_some());
    ui.click(Role::Button, "Reverse");
    let last = {
        let app = ui.harness.state_mut();
        let v = app.visible_groups().to_vec();
        app.groups()[*v.last().unwrap()].group_id.clone()
    };
    assert_eq!(last, "community", "reversed: largest last");
    // By name (case-insensitive, A to Z) and by creation time (newest first): the whole order.
    let order = |ui: &mut Ui| -> Vec<(String, i64)> {
        let app = ui.harness.state_mut();
        let v = app.visible_groups().to_vec();
        v.iter().map(|&i| (app.groups()[i].name.to_lowercase(), app.groups()[i].created_ms)).collect()
    };
    ui.click(Role::Button, "Reverse");
    ui.click(Role::ComboBox, "Sort by");
    ui.click(Role::Button, "Name");
    let names: Vec<String> = order(&mut ui).into_iter().map(|(n, _)| n).collect();
    assert!(names.len() > 2 && names.windows(2).all(|w| w[0] <= w[1]), "A to Z: {names:?}");
    ui.click(Role::ComboBox, "Sort by");
    ui.click(Role::Button, "Creation time");
    let created: Vec<i64> = order(&mut ui).into_iter().map(|(_, c)| c).collect();
    assert!(created.windows(2).all(|w| w[0] >= w[1]), "newest first: {created:?}");
    ui.click(Role::Button, "Reverse");
    let created: Vec<i64> = order(&mut ui).into_iter().map(|(_, c)| c).collect();
    assert!(created.windows(2).all(|w| w[0] <= w[1]), "reversed: oldest first: {created:?}");
    // A kick changes the count in the list without a manual refresh.
    members_tab(&mut ui, "bookclub");
    let before = ui.harness.state().groups().iter().find(|g| g.group_id == "bookclub").unwrap().member_count;
    let member = ui.harness.state().group_page().unwrap().members.table.as_ref().unwrap().rows().iter().find(|r| r.role == Some(groupdesk::model::Role::Member)).unwrap().user_id.clone();
    ui.harness.get_by_label(&format!("Select {member}")).click();
    ui.harness.run_steps(2);
    ui.click(Role::Button, "Kick…");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", "spam");
    ui.click(Role::Button, "Confirm");
    ui.wait("list refreshed", |a| a.groups().iter().any(|g| g.group_id == "bookclub" && g.member_count == before - 1));
}

#[test]
fn saving_an_ext_key_that_exists_asks_first_and_the_review_shows_labels() {
    let mut ui = start();
    ui.click(Role::Button, "extProfile keys");
    ui.type_into("Key (ext_…)", "ext_team");
    ui.type_into("Label", "Team");
    ui.click(Role::Button, "Save key");
    ui.wait("key saved", |a| a.sandbox_ext_keys().is_some_and(|k| k.iter().any(|k| k == "ext_team")));
    // The same name again, not picked with Edit: asked before replacing.
    ui.type_into("Key (ext_…)", "ext_team");
    ui.type_into("Label", "Squad");
    ui.click(Role::Button, "Save key");
    ui.harness.run_steps(6);
    assert!(ui.harness.query_by_label("Replace the key ext_team?").is_some());
    ui.click(Role::Button, "Cancel");
    ui.harness.run_steps(2);
    assert_eq!(ui.harness.state().settings().registries.values().flat_map(|r| r.keys.iter()).find(|k| k.key == "ext_team").unwrap().label, "Team", "kept");
    ui.click(Role::Button, "Save key");
    ui.harness.run_steps(6);
    ui.click(Role::Button, "Replace");
    ui.harness.run_steps(2);
    assert_eq!(ui.harness.state().settings().registries.values().flat_map(|r| r.keys.iter()).find(|k| k.key == "ext_team").unwrap().label, "Squad", "replaced");
    // The review names the key by its label.
    ui.click(Role::Button, "Groups");
    ui.open("bookclub");
    ui.type_into("Squad (ext_team)", "emea");
    let before = ui.harness.query_all_by_label("Squad (ext_team)").count();
    ui.click(Role::Button, "Review and save…");
    ui.harness.run_steps(6);
    assert_eq!(ui.harness.query_all_by_label("Squad (ext_team)").count(), before + 1, "the review's row names the key by its label");
    assert!(ui.harness.query_by_label("ext_team").is_none(), "not the raw key alone");
}

#[test]
fn ext_key_changes_record_their_reason_and_a_removal_is_confirmed() {
    let mut ui = start();
    ui.click(Role::Button, "extProfile keys");
    ui.type_into("Key (ext_…)", "ext_team");
    ui.type_into("Label", "Team");
    ui.type_into("Reason for the change (audit log)", "ticket 77");
    ui.click(Role::Button, "Save key");
    ui.wait("key enabled on the sandbox", |a| a.sandbox_ext_keys().is_some_and(|k| k.iter().any(|k| k == "ext_team")));
    assert_eq!(audit_entry(&mut ui, "extProfile key ext_team defined").reason.as_deref(), Some("ticket 77"));
    // Removing asks first, naming the key by its label; Escape keeps it.
    ui.click(Role::Button, "Remove ext_team");
    ui.harness.run_steps(6);
    assert!(ui.harness.query_by_label("Remove the key Team (ext_team)?").is_some());
    ui.harness.key_press(egui::Key::Escape);
    ui.harness.run_steps(4);
    assert!(ui.harness.query_by_label("Remove the key Team (ext_team)?").is_none());
    assert!(ui.harness.state().settings().registries.values().flat_map(|r| r.keys.iter()).any(|k| k.key == "ext_team"), "kept");
    // Confirmed with a reason (the field has the focus) and Enter.
    ui.click(Role::Button, "Remove ext_team");
    ui.harness.run_steps(6);
    ui.harness.get_by_role_and_label(Role::TextInput, "Reason (recorded in the audit log)").type_text("ticket 78");
    ui.harness.run_steps(2);
    ui.harness.key_press(egui::Key::Enter);
    ui.wait("key disabled on the sandbox", |a| a.sandbox_ext_keys().is_some_and(|k| !k.iter().any(|k| k == "ext_team")));
    assert!(!ui.harness.state().settings().registries.values().flat_map(|r| r.keys.iter()).any(|k| k.key == "ext_team"), "removed");
    assert_eq!(audit_entry(&mut ui, "extProfile key ext_team removed").reason.as_deref(), Some("ticket 78"));
}

/// The audit entry with this action, once the background task has written it.
fn audit_entry(ui: &mut Ui, action: &str) -> groupdesk::ops::audit::AuditEntry {
    for _ in 0..500 {
        let log = groupdesk::ops::audit::AuditLog::new(ui._dir.path().join("audit.jsonl"));
        if let Some(e) = log.read().unwrap_or_default().into_iter().find(|e| e.action == action) {
            return e;
        }
        ui.harness.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no audit entry {action:?}");
}

/// A CJK font file of the system (the UI tests need one anyway: the demo names are Chinese).
fn system_cjk_font_file() -> std::path::PathBuf {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| ["ttc", "ttf", "otf"].contains(&x.to_string_lossy().to_lowercase().as_str())) {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(std::path::Path::new("/usr/share/fonts"), &mut files);
    files.sort();
    let cjk = |p: &std::path::Path| ["wqy", "cjk", "uming", "ukai", "droidsansfallback"].iter().any(|k| p.to_string_lossy().to_lowercase().contains(k));
    files.into_iter().find(|p| cjk(p)).expect("a CJK font under /usr/share/fonts (Debian: fonts-wqy-microhei)")
}

#[test]
fn a_cjk_font_file_is_chosen_with_the_in_app_chooser() {
    let mut ui = start();
    ui.wait("fonts installed", |a| a.fonts_ready());
    ui.click(Role::Button, "Connections");
    ui.click(Role::Button, "Choose…");
    ui.harness.run_steps(6);
    ui.wait("the in-app chooser (no system dialog in tests)", |a| a.file_chooser_open());
    let font = system_cjk_font_file();
    ui.type_into("Folder", &font.parent().unwrap().display().to_string());
    ui.type_into("File name (ttf, otf, ttc)", &font.file_name().unwrap().to_string_lossy());
    ui.click(Role::Button, "Open file");
    ui.wait("the chosen file is the CJK font", |a| a.font_status().file.as_ref().is_some_and(|(p, face)| p == &font && face.is_some()));
}

#[test]
fn the_in_app_chooser_lists_folders_and_matching_files() {
    let mut ui = start();
    let root = ui._dir.path().join("exports");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(root.join("notes.txt"), "not json").unwrap();
    ui.click(Role::Button, "extProfile keys");
    // Save: into a sub-folder picked from the list.
    ui.click(Role::Button, "Export registry…");
    ui.wait("the in-app chooser", |a| a.file_chooser_open());
    ui.type_into("Folder", &root.display().to_string());
    let listed = |ui: &mut Ui, label: &str| {
        for _ in 0..300 {
            ui.harness.run_steps(1);
            if ui.harness.query_by_label(label).is_some() {
                // The modal sizes itself to the list over a few frames: click once it is still.
                ui.harness.run_steps(6);
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("{label} not listed");
    };
    listed(&mut ui, "sub/");
    ui.harness.get_by_label("sub/").click();
    ui.harness.run_steps(2);
    assert_eq!(ui.harness.get_by_role_and_label(Role::TextInput, "Folder").value().as_deref(), Some(root.join("sub").display().to_string().as_str()));
    listed(&mut ui, "No matching files in this folder.");
    ui.click(Role::Button, "Save file");
    let saved = root.join("sub").join("extprofile-keys.json");
    ui.wait("exported", |_| saved.exists());
    // Open: only the JSON files are offered; "..", then the sub-folder, then the file.
    ui.click(Role::Button, "Import registry…");
    ui.wait("the in-app chooser", |a| a.file_chooser_open());
    ui.type_into("Folder", &root.join("sub").display().to_string());
    listed(&mut ui, "extprofile-keys.json");
    ui.harness.get_by_label(".. (up one folder)").click();
    ui.harness.run_steps(2);
    listed(&mut ui, "sub/");
    assert!(ui.harness.query_by_label("notes.txt").is_none(), "only the dialog's file types are listed");
    ui.harness.get_by_label("sub/").click();
    listed(&mut ui, "extprofile-keys.json");
    ui.harness.get_by_label("extprofile-keys.json").click();
    ui.harness.run_steps(2);
    assert_eq!(ui.harness.get_by_role_and_label(Role::TextInput, "File name (json)").value().as_deref(), Some("extprofile-keys.json"));
    ui.click(Role::Button, "Open file");
    ui.wait("the chooser closed", |a| !a.file_chooser_open());
}
