//! Issue 10, "a Chinese UI": the console switched to 简体中文 the way an operator does (the
//! language menu of the top bar), at the smallest window (800×500): the navigation, the
//! environment badge, the connection switcher, every members action and an error's
//! explanation read in Chinese, and no English message of the catalogue is left on screen.
//!
//! The language is the process's; each test here scopes it to its own thread, so the apps of
//! the other (English) tests running alongside are not switched too.

use egui_kittest::kittest::NodeT;

use super::*;

fn size() -> egui::Vec2 {
    egui::vec2(800.0, 500.0)
}

/// Switches to 简体中文 through the language menu.
fn switch_to_chinese(ui: &mut Ui) {
    ui.harness.get_by(|n| n.role() == Role::ComboBox && n.value().as_deref() == Some("English")).click();
    ui.harness.run_steps(2);
    ui.click(Role::Button, "简体中文");
    ui.harness.run_steps(3);
    assert_eq!(groupdesk::i18n::language(), Language::SimplifiedChinese, "switched");
    assert!(ui.harness.query_by(|n| n.role() == Role::ComboBox && n.value().as_deref() == Some("简体中文")).is_some(), "the menu shows the choice");
}

/// The one node with this label (and role) lies inside the window.
fn on_screen(ui: &Ui, role: Option<Role>, label: &str) {
    let node = match role {
        Some(r) => ui.harness.get_by_role_and_label(r, label),
        None => ui.harness.get_by_label(label),
    };
    let rect = node.rect();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size()).expand(0.5);
    assert!(rect.width() > 1.0 && rect.height() > 1.0, "{label:?} has no size: {rect:?}");
    assert!(screen.contains_rect(rect), "{label:?} is off the window: {rect:?}");
}

/// Every node whose label or value is, word for word, an English message of the catalogue
/// that Chinese words differently (names such as "CSV" read the same in both).
fn english_left(ui: &Ui) -> Vec<String> {
    use groupdesk::i18n::Catalog;
    let (en, zh) = (Catalog::new(Language::English), Catalog::new(Language::SimplifiedChinese));
    let english: std::collections::HashSet<String> = en
        .ids()
        .iter()
        .map(|id| (en.get(id, None), zh.get(id, None)))
        .filter(|(e, z)| e != z && e.chars().any(|c| c.is_ascii_alphabetic()) && !e.contains('{'))
        .map(|(e, _)| e)
        .collect();
    ui.harness
        .query_all_by(move |n| [n.label(), n.value()].into_iter().flatten().any(|t| english.contains(t.trim())))
        .map(|n| format!("{:?}: {:?} {:?}", n.accesskit_node().role(), n.accesskit_node().label(), n.accesskit_node().value()))
        .collect()
}

#[test]
fn the_console_switched_to_chinese_at_800_by_500() {
    groupdesk::i18n::scope_language_to_this_thread();
    let mut ui = start_with(size(), Some(OpenRequest { group: "bookclub".into(), tab: Tab::Members, connection: None }));
    ui.wait("members tab loaded", |a| a.group_page().is_some_and(|g| g.detail.is_some() && g.members.table.is_some()));
    assert!(ui.harness.query_by_role_and_label(Role::Button, "Groups").is_some(), "English first");
    assert!(english_left(&ui).len() > 10, "the check sees English: {:?}", english_left(&ui));
    switch_to_chinese(&mut ui);

    // The navigation, the environment badge and the connection switcher.
    for nav in ["群组", "扩展资料键", "连接与设置", "审计", "日志", "视图"] {
        on_screen(&ui, Some(Role::Button), nav);
    }
    on_screen(&ui, None, "沙箱");
    on_screen(&ui, Some(Role::ComboBox), "连接");
    for english in ["Groups", "Connections", "Audit", "Log", "View", "SANDBOX", "Members", "Profile"] {
        assert!(ui.harness.query_by_label(english).is_none(), "{english:?} is still shown");
    }

    // Every members action, with one member selected.
    let member = ui.harness.state().group_page().unwrap().members.table.as_ref().unwrap().rows().iter().find(|r| r.role == Some(groupdesk::model::Role::Member)).unwrap().user_id.clone();
    ui.type_into("筛选成员", &member);
    ui.harness.get_by_label(&format!("选择 {member}")).click();
    ui.harness.run_steps(3);
    assert_eq!(ui.harness.state().group_page().unwrap().members.selected.len(), 1);
    for label in [
        "全选显示的成员",
        "清除选择",
        "重新加载成员",
        "禁言",
        "解除禁言",
        "移出群组…",
        "加入白名单",
        "移出白名单",
        "查看白名单",
        "开启全员禁言…",
        "导出",
        "设为管理员",
        "保存成员",
        "将选中成员设为群主…",
    ] {
        on_screen(&ui, Some(Role::Button), label);
    }
    on_screen(&ui, Some(Role::TextInput), "筛选成员");
    on_screen(&ui, Some(Role::TextInput), "群昵称");
    on_screen(&ui, Some(Role::TextInput), "附加信息");
    let left = english_left(&ui);
    assert!(left.is_empty(), "English left on the members tab: {left:?}");

    // The connection switcher lists the demo connections with their services in Chinese.
    ui.click(Role::ComboBox, "连接");
    assert!(ui.harness.query_by_label_contains("rongcloud-demo · 融云 · 内置演示").is_some(), "the switcher's entries");
    ui.harness.key_press(egui::Key::Escape);
    ui.harness.run_steps(3);

    // A change: its audit entry is stored in English and shown in Chinese.
    ui.click(Role::Button, "禁言");
    ui.click(Role::Button, &groupdesk::ui::screens::members::mute_choice_label(60));
    ui.harness.run_steps(6);
    ui.type_into("原因（记录在审计日志中）", "工单 1234");
    ui.click(Role::Button, "确认");
    ui.wait("job done", |a| a.group_page().is_some_and(|g| g.members.jobs.job.as_ref().is_some_and(|j| j.report.is_some())));
    let audit = groupdesk::ops::audit::AuditLog::new(ui._dir.path().join("audit.jsonl")).read().unwrap();
    assert_eq!(audit.last().unwrap().action, "mute for 60 minutes", "stored as the CLI stores it");
    ui.click(Role::Button, "审计");
    ui.wait_for_label_containing("工单 1234");
    on_screen(&ui, None, "禁言（60 分钟）");
    assert!(ui.harness.query_by_label("mute for 60 minutes").is_none(), "shown in Chinese");

    // The profile tab, the extProfile keys, the audit and the log screens.
    ui.click(Role::Button, "群组");
    ui.click(Role::Button, "资料");
    let mut left = english_left(&ui);
    for screen in ["扩展资料键", "审计", "日志"] {
        ui.click(Role::Button, screen);
        left.extend(english_left(&ui));
    }
    assert!(left.is_empty(), "English left on the other screens: {left:?}");

    // The settings: the font file can be chosen as well as typed.
    ui.click(Role::Button, "连接与设置");
    ui.harness.get_by_role_and_label(Role::Button, "选择…").scroll_to_me();
    ui.harness.run_steps(3);
    on_screen(&ui, Some(Role::Button), "选择…");
    let left = english_left(&ui);
    assert!(left.is_empty(), "English left in the settings: {left:?}");
}

#[test]
fn an_error_is_explained_in_chinese_with_its_code() {
    groupdesk::i18n::scope_language_to_this_thread();
    let mut ui = start_tencent_with(size(), None);
    switch_to_chinese(&mut ui);
    ui.click(Role::Button, "群组");
    ui.type_into("按确切的群组 ID 打开", "nosuchgroup");
    ui.click(Role::Button, "打开");
    ui.wait("open failed", |a| a.notices().iter().any(|n| n.text.starts_with("打开群组 nosuchgroup 失败")));
    let notice = ui.harness.state().notices().iter().find(|n| n.text.starts_with("打开群组 nosuchgroup 失败")).unwrap().clone();
    // The service's own message stays as sent; the code and the explanation are the console's.
    assert!(notice.text.contains("错误码 10015"), "{}", notice.text);
    assert!(notice.text.contains("群组 ID 无效，或不存在使用此 ID 的群组。"), "the explanation in Chinese: {}", notice.text);
    assert!(!notice.text.contains("The group ID is not valid"), "no English explanation: {}", notice.text);
    assert!(ui.harness.query_by_label_contains("打开群组 nosuchgroup 失败").is_some_and(|n| n.accesskit_node().value().is_some_and(|l| l.contains("群组 ID 无效"))), "in the status bar, explained");
}
