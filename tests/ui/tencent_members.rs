//! #13 items 5, 6 and 8 (members) on Tencent Cloud Chat, on the built-in Tencent sandbox: the
//! same members tab as RongCloud with Tencent's columns, mutes in seconds and permanent, admins,
//! Chinese name cards within 50 bytes, adds with per-user results, a Work group's disabled
//! mutes, an AVChatRoom without a member list, the 20,000-member Community loading page by page
//! (usable before it is complete), a bulk job on many members, CSV export, and the same audit
//! entry from the console and the CLI. Every result is checked on the server with a client.

use super::*;
use groupdesk::backend::tencent::members::MemberFilter;
use groupdesk::backend::tencent::types::Role as TcRole;
use groupdesk::protocol::tencent::wire::GroupType;

const PUBLIC: &str = "@TGS#public";

/// Whether the button `label` is shown disabled.
fn disabled(ui: &Ui, label: &str) -> bool {
    use egui_kittest::kittest::NodeT;
    ui.harness.get_by_role_and_label(Role::Button, label).accesskit_node().is_disabled()
}

fn tc_members_tab(ui: &mut Ui, group: &str) {
    ui.open(group);
    ui.click(Role::Button, "Members");
    ui.wait("members loaded", |a| a.group_page().is_some_and(|g| g.members.table.is_some() && !g.members.loading()));
}

fn job_done(a: &GroupdeskApp) -> bool {
    a.group_page().is_some_and(|g| g.members.jobs.job.as_ref().is_some_and(|j| j.report.is_some()))
}

fn report(ui: &Ui) -> groupdesk::model::BulkReport {
    ui.harness.state().group_page().unwrap().members.jobs.job.as_ref().unwrap().report.clone().unwrap()
}

/// Confirms the open bulk confirmation with `reason`.
fn confirm(ui: &mut Ui, reason: &str) {
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", reason);
    ui.click(Role::Button, "Confirm");
    ui.wait("job done", job_done);
}

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

fn muted_until(ui: &Ui, group: &str, user: &str) -> Option<u64> {
    let server = ui.tc_server();
    ui.runtime.block_on(server.muted(group, None)).unwrap().into_iter().find(|m| m.account == user).map(|m| m.muted_until)
}

#[test]
fn tencent_columns_and_mutes_in_seconds_and_permanent() {
    let mut ui = start_tencent();
    tc_members_tab(&mut ui, PUBLIC);
    assert_eq!(ui.harness.state().group_page().unwrap().members.table.as_ref().unwrap().len(), 500);
    for column in ["Name card", "Message flag", "头衔", "积分"] {
        assert!(ui.harness.query_by_label_contains(column).is_some(), "column {column}");
    }
    select_member(&mut ui, "user00012");
    ui.mute("Mute for 30 seconds");
    confirm(&mut ui, "spam");
    assert!(report(&ui).all_done(), "{:?}", report(&ui));
    let until = muted_until(&ui, PUBLIC, "user00012").expect("muted on the server");
    assert!(until > now() && until <= now() + 31, "30 seconds: {until} vs {}", now());
    select_member(&mut ui, "user00013");
    ui.mute("Mute permanently");
    confirm(&mut ui, "abuse");
    let until = muted_until(&ui, PUBLIC, "user00013").expect("muted on the server");
    assert!(until >= now() + 50 * 365 * 86_400, "permanent: {until}");
    let audit = groupdesk::ops::audit::AuditLog::new(ui._dir.path().join("audit.jsonl")).read().unwrap();
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"mute for 30 seconds") && actions.contains(&"mute permanently"), "{actions:?}");
}

#[test]
fn make_an_admin_and_edit_a_chinese_name_card_within_50_bytes() {
    let mut ui = start_tencent();
    tc_members_tab(&mut ui, PUBLIC);
    select_member(&mut ui, "user00010");
    ui.click(Role::Button, "Make admin");
    ui.wait("admin", |a| a.group_page().is_some_and(|g| g.confirmed().is_some() && g.members.table.is_some() && !g.members.loading()));
    let server = ui.tc_server();
    let roles = ui.runtime.block_on(server.roles_all(PUBLIC, &["user00010".to_owned()])).unwrap();
    assert_eq!(roles[0].role, Some(TcRole::Admin));

    select_member(&mut ui, "user00011");
    // 17 Chinese characters are 51 bytes: over the limit, and Save is disabled.
    ui.type_into("Name card", &"管".repeat(17));
    assert!(ui.harness.query_by_label_contains("51 / 50 bytes (17 characters").is_some(), "the byte counter shows both counts");
    assert!(disabled(&ui, "Save member"));
    ui.type_into("Name card", "社区管理员小王");
    // Member custom fields go by their registry labels, in the editor and as table columns.
    assert!(ui.harness.query_by_label("积分").is_some(), "the points column is headed by its label");
    ui.type_into("头衔 (title, member field)", "版主");
    ui.click(Role::Button, "Save member");
    ui.wait("member saved", |a| a.group_page().is_some_and(|g| g.confirmed().is_some() && g.members.table.is_some() && !g.members.loading()));
    let filter = MemberFilter { custom_keys: vec!["title".into()], ..Default::default() };
    let all = ui.runtime.block_on(server.all_members(PUBLIC, GroupType::Public, &filter, None)).unwrap();
    let m = all.iter().find(|m| m.account == "user00011").unwrap();
    assert_eq!(m.name_card, "社区管理员小王");
    assert!(m.custom.iter().any(|kv| kv.key == "title" && kv.value == "版主"), "{:?}", m.custom);
    let audit = groupdesk::ops::audit::AuditLog::new(ui._dir.path().join("audit.jsonl")).read().unwrap();
    assert_eq!(audit.last().unwrap().action, "set member name card, title");
}

#[test]
fn add_members_with_per_user_results() {
    let mut ui = start_tencent();
    tc_members_tab(&mut ui, PUBLIC);
    ui.harness.get_by_label("Act on a pasted list or a file").click();
    ui.harness.run_steps(3);
    ui.type_into("User ids: one per line, or CSV with a header", &format!("user00600\nuser00010\nnobody_here\n{}\n", "x".repeat(33)));
    ui.click(Role::Button, "Check list");
    let p = ui.harness.state().group_page().unwrap().members.import.preview.clone().unwrap().unwrap();
    assert_eq!((p.valid.len(), p.invalid.len()), (3, 1), "a Tencent account is at most 32 bytes: {p:?}");
    ui.click(Role::Button, "Add listed as members");
    confirm(&mut ui, "ticket 88");
    let r = report(&ui);
    assert_eq!(r.outcome_of("user00600"), Some(&groupdesk::model::Outcome::Done));
    assert_eq!(r.outcome_of("user00010"), Some(&groupdesk::model::Outcome::skipped("already a member")));
    assert!(matches!(r.outcome_of("nobody_here"), Some(groupdesk::model::Outcome::Failed { message, .. }) if message == "no such account"), "{r:?}");
    let server = ui.tc_server();
    let roles = ui.runtime.block_on(server.roles_all(PUBLIC, &["user00600".to_owned()])).unwrap();
    assert_eq!(roles[0].role, Some(TcRole::Member));
}

#[test]
fn a_work_group_disables_mutes_and_admins_and_an_avchatroom_has_no_member_list() {
    let mut ui = start_tencent();
    tc_members_tab(&mut ui, "@TGS#work");
    let any = ui.harness.state().group_page().unwrap().members.table.as_ref().unwrap().rows()[1].user_id.clone();
    select_member(&mut ui, &any);
    assert!(disabled(&ui, "Mute"), "a Work group cannot mute");
    assert!(disabled(&ui, "Make admin"), "a Work group has no admins");
    assert!(disabled(&ui, "Turn mute-all on…"));
    let caps = &ui.harness.state().group_page().unwrap().detail.as_ref().unwrap().caps;
    assert_eq!(groupdesk::ui::screens::members::missing_reason(caps, groupdesk::model::caps::Feature::Mute).as_deref(), Some("Members of this group cannot be muted (a Work group has no mutes)"));

    ui.open("@TGS#live");
    ui.click(Role::Button, "Members");
    ui.harness.run_steps(3);
    assert!(ui.harness.query_by_label_contains("has no member list").is_some(), "the tab explains");
    assert!(disabled(&ui, "Kick…"));
    assert!(ui.harness.state().group_page().unwrap().members.table.is_none(), "nothing is read");
}

#[test]
fn the_20000_member_community_loads_page_by_page_and_a_bulk_job_reports_every_member() {
    let mut ui = start_tencent();
    ui.open("@TGS#_community");
    ui.click(Role::Button, "Members");
    // The first page is on screen (and the table usable) before the rest has arrived.
    let t = Instant::now();
    while ui.harness.state().group_page().unwrap().members.table.is_none() {
        assert!(t.elapsed() < Duration::from_secs(20), "no first page");
        ui.harness.step();
        std::thread::sleep(Duration::from_millis(1));
    }
    {
        let m = &ui.harness.state().group_page().unwrap().members;
        let (loaded, stream) = (m.table.as_ref().unwrap().len(), m.stream.as_ref().expect("still loading"));
        assert!(loaded < 20_000 && stream.total == 20_000, "partial: {loaded} of {}", stream.total);
    }
    // Sort and select while the rest streams in; the selection survives the later pages.
    ui.click(Role::Button, "Role");
    let first = {
        let m = &mut ui.harness.state_mut().group_page_mut().unwrap().members;
        let v = m.visible();
        m.table.as_ref().unwrap().rows()[v[0] as usize].user_id.clone()
    };
    assert_eq!(first, "user00001", "the owner first, sorted by role");
    ui.click(Role::Button, "Select all shown");
    let early = ui.harness.state().group_page().unwrap().members.selected.len();
    assert!(early > 0);
    ui.wait("all loaded", |a| a.group_page().is_some_and(|g| !g.members.loading()));
    let m = &mut ui.harness.state_mut().group_page_mut().unwrap().members;
    assert_eq!(m.table.as_ref().unwrap().len(), 20_000);
    assert_eq!(m.selected.len(), early, "the selection made while loading is kept");
    assert_eq!(m.visible().len(), 20_000);
    // Everyone, muted for 10 minutes: progress while it runs, then one outcome per member.
    ui.click(Role::Button, "Select all shown");
    ui.mute("Mute for 10 minutes");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", "raid");
    ui.type_into("Type 20000 to confirm", "20000");
    ui.click(Role::Button, "Confirm");
    let saw_progress = ui.wait_for_job(20_000, Duration::from_secs(120));
    assert!(saw_progress, "progress was reported while the job ran");
    let r = report(&ui);
    assert_eq!(r.items.len(), 20_000, "one outcome per member");
    assert_eq!((r.count("done"), r.count("skipped")), (19_999, 1), "the owner is skipped");
    let server = ui.tc_server();
    // Too many for the muted list's one answer: each member's mute end from the member pages.
    let all = ui.runtime.block_on(server.all_members("@TGS#_community", GroupType::Community, &MemberFilter::default(), None)).unwrap();
    let muted = all.iter().filter(|m| m.mute_until > now()).count();
    assert_eq!(muted, 19_999);
}

#[test]
fn export_tencent_members_as_csv() {
    let mut ui = start_tencent();
    tc_members_tab(&mut ui, PUBLIC);
    let out = ui._dir.path().join("public.csv");
    ui.harness.state_mut().export_members(&out, groupdesk::ui::screens::members::ExportScope::All, false);
    ui.wait("exported", |a| a.notices().iter().any(|n| n.text.starts_with("Exported 500 members")));
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().next(), Some("userId,nameCard,role,joinTime,mutedUntil,msgFlag,lastSendTime,customFields"));
    assert_eq!(text.lines().count(), 501);
    assert!(text.lines().any(|l| l.starts_with("user00001,") && l.contains(",owner,")), "{}", &text[..400.min(text.len())]);
}

/// The same mute from the console and from the CLI writes the same audit entry on Tencent.
#[test]
fn the_console_and_the_cli_record_the_same_tencent_change_identically() {
    let mut ui = start_tencent();
    ui.click(Role::Button, "Connections");
    ui.type_into("Operator name (recorded in the audit log)", "ann");
    ui.click(Role::Button, "Groups");
    tc_members_tab(&mut ui, PUBLIC);
    select_member(&mut ui, "user00020");
    ui.mute("Mute for 10 minutes");
    confirm(&mut ui, "spam wave");

    let log = ui._dir.path().join("audit.jsonl");
    let ids = ui._dir.path().join("ids.txt");
    std::fs::write(&ids, "user00020\n").unwrap();
    let url = ui.harness.state().connection_url().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_groupdesk"))
        .args(["--service", "tencent", "--base-url", &url, "--audit-log", log.to_str().unwrap(), "members", "mute", PUBLIC, "--seconds", "600"])
        .args(["--from", ids.to_str().unwrap(), "--reason", "spam wave"])
        .env("GROUPDESK_OPERATOR", "ann")
        .env("GROUPDESK_TENCENT_SECRET_KEY", groupdesk::protocol::tencent::limits::DEMO_SECRET_KEY)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let (console, cli) = last_two_audit_entries(&log);
    assert_eq!(console["action"], "mute for 10 minutes");
    assert_eq!(console, cli, "console and CLI entries differ");
}

#[test]
fn stop_loading_keeps_the_members_already_in_and_leaving_cancels_the_read() {
    let mut ui = start_tencent();
    ui.open("@TGS#_community");
    ui.click(Role::Button, "Members");
    let t = Instant::now();
    while ui.harness.query_by_role_and_label(Role::Button, "Stop loading").is_none() {
        assert!(t.elapsed() < Duration::from_secs(20), "no progress bar while loading");
        ui.harness.step();
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(ui.harness.query_by_label_contains("Loading members: ").is_some(), "progress is shown");
    ui.click(Role::Button, "Stop loading");
    ui.wait("the read stopped", |a| a.group_page().is_some_and(|g| !g.members.loading()));
    let n = ui.harness.state().group_page().unwrap().members.table.as_ref().unwrap().len();
    assert!(n > 0 && n < 20_000, "the members already in are kept: {n}");
    ui.type_into("Filter members", "user0000");
    assert_eq!(ui.harness.state_mut().group_page_mut().unwrap().members.visible().len(), 9, "user00001…user00009");

    // Leaving the group cancels a running read: its cancellation token fires.
    ui.click(Role::Button, "Reload members");
    let cancel = ui.harness.state().group_page().unwrap().members.stream.as_ref().expect("reading again").cancel.clone();
    ui.open(PUBLIC);
    assert!(cancel.is_cancelled(), "the read of the Community was cancelled");
}

#[test]
fn kick_a_member_and_transfer_ownership_on_tencent() {
    let mut ui = start_tencent();
    tc_members_tab(&mut ui, PUBLIC);
    select_member(&mut ui, "user00030");
    ui.click(Role::Button, "Kick…");
    ui.harness.run_steps(6);
    assert!(ui.harness.query_by_role_and_label(Role::CheckBox, "also remove their mute in this group").is_none(), "RongCloud's clean-up choices are not offered");
    ui.type_into("Reason (recorded in the audit log)", "spam");
    ui.click(Role::Button, "Confirm");
    ui.wait("kicked", job_done);
    assert!(report(&ui).all_done(), "{:?}", report(&ui));
    let server = ui.tc_server();
    let roles = ui.runtime.block_on(server.roles_all(PUBLIC, &["user00030".to_owned()])).unwrap();
    assert!(roles[0].role.is_none_or(|r| r == TcRole::NotMember), "{roles:?}");

    ui.wait("reloaded", |a| a.group_page().is_some_and(|g| !g.members.loading()));
    select_member(&mut ui, "user00040");
    ui.click(Role::Button, "Make selected the owner…");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", "owner left");
    ui.type_into(&format!("Type the group id ({PUBLIC}) to confirm"), PUBLIC);
    ui.click(Role::Button, "Confirm");
    ui.wait("transferred", |a| a.group_page().is_some_and(|g| g.detail.as_ref().is_some_and(|d| d.owner == "user00040")));
    assert_eq!(ui.runtime.block_on(server.type_and_owner(PUBLIC)).unwrap().1, "user00040");
}
