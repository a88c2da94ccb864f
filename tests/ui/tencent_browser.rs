//! #13 items 1 and 2 on Tencent Cloud Chat: the demo connections, Tencent profiles, the group
//! browser (types, progressive listing, open by id, user lookup with the app-wide mute) and the
//! deep link, on the built-in Tencent sandbox.

use super::*;

#[test]
fn tencent_demo_lists_every_group_type() {
    let mut ui = start_tencent();
    let app = ui.harness.state();
    assert!(app.on_built_in_sandbox());
    let ids: Vec<&str> = app.groups().iter().map(|g| g.group_id.as_str()).collect();
    for id in ["@TGS#_community", "@TGS#work", "@TGS#public", "@TGS#meeting", "@TGS#live"] {
        assert!(ids.contains(&id), "{id} listed: {ids:?}");
    }
    let community = app.groups().iter().find(|g| g.group_id == "@TGS#_community").unwrap();
    assert_eq!((community.member_count, community.owner.as_str()), (20_000, "user00001"));
    ui.open("@TGS#_community");
    let page = ui.harness.state().group_page().unwrap();
    assert!(matches!(page.detail.as_ref().unwrap().service, groupdesk::model::ServiceDetail::Tencent(_)));
}

#[test]
fn a_deep_link_opens_community_members_on_tencent_demo() {
    let open = OpenRequest::from_url("groupdesk://open?group=%40TGS%23_community&connection=tencent-demo&tab=members").unwrap();
    // Started with no connection option: the link's connection is used.
    let mut ui = start_on(None, egui::vec2(1280.0, 800.0), Some(open));
    assert_eq!(ui.harness.state().connection_name(), Some("tencent-demo"));
    ui.wait("community members", |a| a.group_page().is_some_and(|g| g.group_id == "@TGS#_community" && g.members.table.is_some()));
    let page = ui.harness.state().group_page().unwrap();
    assert_eq!(page.tab, groupdesk::ui::screens::group::DetailTab::Members);
    assert_eq!(page.members.table.as_ref().unwrap().rows().len(), 20_000);
    assert!(ui.harness.query_by_role_and_label(Role::TextInput, "Filter members").is_some(), "the members tab is shown");
}

/// Picks a connection from the top bar's menu and waits until its groups are listed.
fn switch_to(ui: &mut Ui, entry: &str, name: &str) {
    ui.click(Role::ComboBox, "Connection");
    ui.harness.get_by_label_contains(entry).click();
    ui.harness.run_steps(2);
    let tencent = entry.contains("Tencent Cloud Chat");
    ui.wait("switched", |a| a.connection_name() == Some(name) && !a.groups().is_empty() && a.groups().iter().all(|g| g.group_type.is_some() == tencent));
}

#[test]
fn both_demo_connections_are_offered_and_switching_works() {
    let mut ui = start();
    assert_eq!(ui.harness.state().connection_name(), Some("rongcloud-demo"));
    assert!(ui.harness.query_by_label("RongCloud").is_some(), "the current service is shown");
    let type_filter_disabled = |ui: &Ui| format!("{:?}", ui.harness.get_by_role_and_label(Role::ComboBox, "Group type")).contains("disabled: true");
    assert!(type_filter_disabled(&ui), "RongCloud groups have no type: the filter is disabled, not hidden");
    switch_to(&mut ui, "tencent-demo · Tencent Cloud Chat", "tencent-demo");
    assert!(!type_filter_disabled(&ui));
    assert!(ui.harness.state().on_built_in_sandbox());
    assert!(ui.harness.state().groups().iter().any(|g| g.group_id == "@TGS#_community"));
    assert!(ui.harness.query_by_label("Tencent Cloud Chat").is_some(), "the current service is shown");
    switch_to(&mut ui, "rongcloud-demo · RongCloud", "rongcloud-demo");
    assert!(ui.harness.state().groups().iter().any(|g| g.group_id == "community" && g.member_count == 3000));
    // The last demo connection used is remembered.
    assert_eq!(ui.harness.state().settings().last_profile.as_deref(), Some("rongcloud-demo"));
}

#[test]
fn a_tencent_profile_is_added_with_its_key_in_the_keyring_and_connects() {
    let mut ui = start_tencent();
    // A second Tencent sandbox of its own (the demo one stops when the console switches away).
    let dir = tempfile::tempdir().unwrap();
    let sandbox = ui.runtime.block_on(async {
        let mut config = groupdesk::sandbox::TencentConfig::new(dir.path());
        config.addr = ([127, 0, 0, 1], 0).into();
        groupdesk::sandbox::Sandbox::start_tencent(config).await.unwrap()
    });
    let url = sandbox.base_url();
    ui.click(Role::Button, "Connections");
    ui.type_into("Name", "support-tencent");
    ui.click(Role::Button, "Tencent Cloud Chat");
    ui.type_into("Base URL", &url);
    ui.type_into("SDKAppID", "14OO");
    ui.type_into("Secret key", groupdesk::backend::tencent::limits::DEMO_SECRET_KEY);
    ui.click(Role::Button, "Save connection");
    assert!(ui.harness.query_by_label_contains("SDKAppID: must be a positive number").is_some(), "the field is named");
    assert!(ui.harness.state().settings().profiles.is_empty());
    ui.type_into("SDKAppID", &groupdesk::backend::tencent::limits::DEMO_SDKAPPID.to_string());
    ui.click(Role::Button, "Save connection");
    ui.wait("profile saved", |a| !a.settings().profiles.is_empty());
    let p = ui.harness.state().settings().profiles[0].clone();
    assert_eq!(p.service(), groupdesk::model::Service::Tencent);
    let t = p.tencent.as_ref().unwrap();
    assert_eq!((t.sdkappid, t.identifier.as_str(), t.region), (1_400_000_000, "administrator", None));
    let saved = serde_json::to_string(&ui.harness.state().settings().profiles).unwrap();
    assert!(!saved.contains(groupdesk::backend::tencent::limits::DEMO_SECRET_KEY), "the key is not in the settings: {saved}");
    // The saved profile is in the top bar's menu, with its service and environment.
    switch_to(&mut ui, "support-tencent · Tencent Cloud Chat · staging", "support-tencent");
    assert!(ui.harness.state().groups().iter().any(|g| g.group_id == "@TGS#_community"));
    assert!(!ui.harness.state().on_built_in_sandbox());
    assert_eq!(ui.harness.state().connection_url().unwrap().trim_end_matches('/'), url.trim_end_matches('/'));
    drop(ui);
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(sandbox.shutdown());
}

#[test]
fn the_type_filter_narrows_the_list() {
    let mut ui = start_tencent();
    let app = ui.harness.state();
    let community = app.groups().iter().find(|g| g.group_id == "@TGS#_community").unwrap();
    assert_eq!(community.group_type, Some(groupdesk::model::tencent::GroupType::Community));
    assert!(ui.harness.query_by_label_contains("@TGS#_community · Community · 20,000 members\nowner user00001").is_some(), "type and owner in the row");
    ui.click(Role::ComboBox, "Group type");
    ui.click(Role::Button, "Work");
    assert_eq!(ui.harness.state().group_type_filter(), Some(groupdesk::model::tencent::GroupType::Private));
    let visible: Vec<String> = {
        let app = ui.harness.state_mut();
        let idx = app.visible_groups().to_vec();
        idx.into_iter().map(|i| app.groups()[i].group_id.clone()).collect()
    };
    assert_eq!(visible, ["@TGS#work"]);
    // Filter by name or id on top of the type.
    ui.click(Role::ComboBox, "Group type");
    ui.click(Role::Button, "All types");
    ui.type_into("Filter by id or name", "meeting");
    assert_eq!(ui.harness.state_mut().visible_groups().len(), 1);
}

#[test]
fn the_group_list_arrives_progressively() {
    let mut ui = start_tencent();
    let server = ui.tc_server();
    ui.runtime.block_on(async {
        let creates = (0..300).map(|i| {
            let server = groupdesk::backend::Backend::Tencent(server.clone());
            async move {
                let g = groupdesk::model::NewGroup { group_id: format!("bulk-{i:04}"), name: format!("批量群 {i}"), owner: "user00001".into(), ..Default::default() };
                server.create_group(&g).await.unwrap();
            }
        });
        futures::future::join_all(creates).await;
    });
    ui.click(Role::Button, "Refresh");
    assert!(ui.harness.state().group_list_loading());
    ui.wait("all groups", |a| !a.group_list_loading());
    let app = ui.harness.state();
    assert_eq!(app.groups().len(), 305);
    let (first, total) = app.first_group_batch().unwrap();
    assert_eq!(total, 305, "the total is known from the first batch");
    assert!(first > 0 && first <= 50, "the first rows were shown before the list was complete ({first} of {total})");
}

#[test]
fn open_a_tencent_group_by_exact_id() {
    let mut ui = start_tencent();
    ui.open("@TGS#work");
    let detail = ui.harness.state().group_page().unwrap().detail.clone().unwrap();
    match detail.service {
        groupdesk::model::ServiceDetail::Tencent(t) => assert_eq!(t.group_type, groupdesk::model::tencent::GroupType::Private),
        other => panic!("{other:?}"),
    }
    assert_eq!(detail.member_count, 12);
}

/// Steps until a modal has settled and shows `label`.
fn settle(ui: &mut Ui, role: Role, label: &str) {
    for _ in 0..30 {
        if ui.harness.query_by_role_and_label(role, label).is_some() {
            ui.harness.run_steps(4);
            return;
        }
        ui.harness.step();
    }
    panic!("{label} never shown");
}

/// Clicks a lookup button that opens the app-wide mute confirmation. The side panel may still
/// be laying out the lookup's results (the button moves), so the click is repeated until the
/// confirmation is open, a few frames at most.
fn open_app_mute_confirm(ui: &mut Ui, label: &str) {
    for _ in 0..10 {
        settle(ui, Role::Button, label);
        ui.click(Role::Button, label);
        if ui.harness.state().lookup().confirm.is_some() {
            return;
        }
    }
}

#[test]
fn user_lookup_shows_roles_and_sets_and_lifts_the_app_wide_mute() {
    let mut ui = start_tencent();
    ui.harness.get_by_label("User lookup").click();
    ui.harness.run_steps(3);
    ui.type_into("User id", "user00001");
    ui.click(Role::Button, "Find groups");
    ui.wait("lookup", |a| a.lookup().groups().is_some() && a.lookup().app_mute().is_some());
    let groups = ui.harness.state().lookup().groups().unwrap().clone().unwrap();
    let community = groups.iter().find(|g| g.group_id == "@TGS#_community").unwrap();
    assert_eq!(community.role, groupdesk::model::Role::Owner);
    assert!(community.join_time_ms > 0, "the join time is read");
    assert!(!ui.harness.state().lookup().app_mute().unwrap().as_ref().unwrap().muted());
    let shown: Vec<String> = ui.harness.query_all_by_label_contains("(@TGS#_community)").map(|n| format!("{n:?}")).collect();
    assert!(shown.iter().any(|l| l.contains("owner · joined")), "role and join time are shown: {shown:?}");

    open_app_mute_confirm(&mut ui, "Mute in every group…");
    assert!(ui.harness.state().lookup().confirm.is_some(), "a confirmation first");
    settle(&mut ui, Role::ComboBox, "Length");
    ui.click(Role::ComboBox, "Length");
    ui.click(Role::Button, "for 1 day");
    ui.type_into("Reason (recorded in the audit log)", "ticket 77");
    ui.click(Role::Button, "Mute app-wide");
    ui.wait("muted", |a| a.lookup().app_mute().is_some_and(|m| m.as_ref().is_ok_and(|m| m.muted())));
    let server = ui.tc_server();
    let left = ui.runtime.block_on(server.nospeaking("user00001")).unwrap().group;
    assert!((86_000..=86_400).contains(&left), "a day on the server: {left}");

    open_app_mute_confirm(&mut ui, "Lift app-wide mute…");
    settle(&mut ui, Role::TextInput, "Reason (recorded in the audit log)");
    ui.type_into("Reason (recorded in the audit log)", "ticket 78");
    ui.click(Role::Button, "Lift app-wide mute");
    ui.wait("lifted", |a| a.lookup().app_mute().is_some_and(|m| m.as_ref().is_ok_and(|m| !m.muted())));
    assert_eq!(ui.runtime.block_on(server.nospeaking("user00001")).unwrap().group, 0);

    let audit = groupdesk::ops::audit::AuditLog::new(ui._dir.path().join("audit.jsonl")).read().unwrap();
    let words: Vec<(&str, &str, Option<&str>)> = audit.iter().map(|e| (e.action.as_str(), e.group.as_str(), e.reason.as_deref())).collect();
    assert_eq!(words, [("app-wide mute user00001 for 86400 seconds", "*", Some("ticket 77")), ("app-wide unmute user00001", "*", Some("ticket 78"))]);
}
