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
    let open = OpenRequest { group: "@TGS#_community".into(), tab: Tab::Members, connection: Some("tencent-demo".into()) };
    // Started with no connection option: the link's connection is used.
    let mut ui = start_on(None, egui::vec2(1280.0, 800.0), Some(open));
    assert_eq!(ui.harness.state().connection_name(), Some("tencent-demo"));
    ui.wait("community members", |a| a.group_page().is_some_and(|g| g.group_id == "@TGS#_community" && g.members.table.is_some()));
    let page = ui.harness.state().group_page().unwrap();
    assert_eq!(page.tab, groupdesk::ui::screens::group::DetailTab::Members);
    assert_eq!(page.members.table.as_ref().unwrap().rows().len(), 20_000);
    assert!(ui.harness.query_by_role_and_label(Role::TextInput, "Filter members").is_some(), "the members tab is shown");
}
