//! egui_kittest tests: the real app against an in-process sandbox, driven through its widgets.

use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use groupdesk::backend::rongcloud::{Client, ClientConfig, Credentials, Endpoint};
use groupdesk::i18n::Language;
use groupdesk::ops::connections::SecretStore;
use groupdesk::ui::deeplink::{OpenRequest, Tab};
use groupdesk::ui::{AppOptions, GroupdeskApp};

mod chinese;
mod desk;
mod tencent_browser;
mod tencent_group;
mod tencent_members;

struct Ui {
    harness: Harness<'static, GroupdeskApp>,
    _dir: tempfile::TempDir,
    runtime: tokio::runtime::Runtime,
}

fn start() -> Ui {
    start_with(egui::vec2(1400.0, 1000.0), None)
}

/// The app at a window size, opening a deep link's group once the list is loaded.
fn start_with(size: egui::Vec2, open: Option<OpenRequest>) -> Ui {
    start_on(None, size, open)
}

/// The app on the built-in sandbox's `tencent-demo` connection, once its groups are listed and
/// the fonts are ready.
#[allow(dead_code)]
fn start_tencent() -> Ui {
    start_tencent_with(egui::vec2(1400.0, 1000.0), None)
}

/// [`start_tencent`] at a window size, opening a deep link's group once the list is loaded.
#[allow(dead_code)]
fn start_tencent_with(size: egui::Vec2, open: Option<OpenRequest>) -> Ui {
    let ui = start_on(Some(groupdesk::ops::connections::TENCENT_DEMO), size, open);
    assert_eq!(ui.harness.state().connection_name(), Some(groupdesk::ops::connections::TENCENT_DEMO));
    ui
}

/// The app started on a named connection (`None`: the default, `rongcloud-demo`).
fn start_on(connection: Option<&str>, size: egui::Vec2, open: Option<OpenRequest>) -> Ui {
    let connection = connection.map(str::to_owned);
    let dir = tempfile::tempdir().unwrap();
    let options = AppOptions {
        audit: groupdesk::ops::audit::AuditLog::new(dir.path().join("audit.jsonl")),
        bench: None,
        open_at_start: open,
        connection,
        sandbox_dir: dir.path().to_path_buf(),
        secrets: Arc::new(SecretStore::memory_only()),
        persist: false,
        // The in-app path chooser, never the system's dialog.
        native_dialogs: false,
        // Tests read English labels whatever the machine's locale.
        language: Some(Language::English),
        startup_problem: None,
    };
    // The system fonts are scanned in the background and may arrive after the (Chinese) group
    // names do — even within the frames the builder runs: draw boxes until the fonts are
    // installed, then panic on any glyph no font has.
    let harness = Harness::builder()
        .with_size(size)
        .with_max_steps(50)
        .allow_missing_glyphs()
        .build_eframe(move |cc| GroupdeskApp::new(&cc.egui_ctx, None, options));
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let mut ui = Ui { harness, _dir: dir, runtime };
    ui.wait("groups listed and fonts installed", |a| !a.groups().is_empty() && a.fonts_ready());
    ui.harness.ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Panic);
    ui.harness.run_steps(2);
    ui
}

impl Ui {
    /// Steps frames until `pred` holds (background work runs on real threads).
    fn wait(&mut self, what: &str, pred: impl Fn(&GroupdeskApp) -> bool) {
        let t = Instant::now();
        loop {
            self.harness.step();
            if pred(self.harness.state()) && !self.harness.state().busy() {
                self.harness.run_steps(2);
                return;
            }
            assert!(t.elapsed() < Duration::from_secs(20), "timed out waiting for {what}; log: {:?}", self.harness.state().notices().iter().map(|n| &n.text).collect::<Vec<_>>());
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Steps until the running members job has its report; whether progress was seen between
    /// the first and the `total`th user.
    fn wait_for_job(&mut self, total: usize, limit: Duration) -> bool {
        let mut saw_progress = false;
        let t = Instant::now();
        loop {
            self.harness.step();
            let job = self.harness.state().group_page().unwrap().members.jobs.job.as_ref().map(|j| (j.progress.finished, j.report.is_some()));
            if let Some((finished, done)) = job {
                saw_progress |= finished > 0 && finished < total && !done;
                if done {
                    return saw_progress;
                }
            }
            assert!(t.elapsed() < limit, "the job did not finish");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Steps frames until a label containing `text` is shown (results arrive on real threads).
    fn wait_for_label_containing(&mut self, text: &str) {
        let t = Instant::now();
        while self.harness.query_all_by_label_contains(text).next().is_none() {
            assert!(t.elapsed() < Duration::from_secs(20), "timed out waiting for {text:?}");
            self.harness.step();
            std::thread::sleep(Duration::from_millis(10));
        }
        self.wait(text, |_| true);
    }

    /// A client on the same sandbox, to check the server's state independently of the UI.
    fn server(&self) -> Client {
        let url = self.harness.state().connection_url().unwrap();
        Client::new(ClientConfig::new(Credentials::new(groupdesk::sandbox::DEMO_APP_KEY, groupdesk::sandbox::DEMO_APP_SECRET), Endpoint::custom(url))).unwrap()
    }

    /// A Tencent client on the same (Tencent) sandbox, signed as the demo App admin.
    #[allow(dead_code)]
    fn tc_server(&self) -> groupdesk::backend::tencent::Client {
        use groupdesk::backend::tencent::{self, limits};
        let url = self.harness.state().connection_url().unwrap();
        let credentials = tencent::Credentials::new(limits::DEMO_SDKAPPID, limits::DEFAULT_ADMIN, limits::DEMO_SECRET_KEY);
        tencent::Client::new(tencent::ClientConfig::new(credentials, tencent::Endpoint::custom(url))).unwrap()
    }

    fn text_role(&self, label: &str) -> Role {
        [Role::TextInput, Role::PasswordInput, Role::MultilineTextInput]
            .into_iter()
            .find(|r| self.harness.query_by_role_and_label(*r, label).is_some())
            .unwrap_or(Role::TextInput)
    }

    fn type_into(&mut self, label: &str, text: &str) {
        let role = self.text_role(label);
        self.harness.get_by_role_and_label(role, label).click();
        self.harness.run_steps(2);
        self.harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        self.harness.get_by_role_and_label(role, label).type_text(text);
        self.harness.run_steps(2);
    }

    /// A duration from the Mute menu.
    fn mute(&mut self, choice: &str) {
        self.click(Role::Button, "Mute");
        self.click(Role::Button, choice);
    }

    fn click(&mut self, role: Role, label: &str) {
        self.harness.get_by_role_and_label(role, label).click();
        self.harness.run_steps(2);
    }

    fn open(&mut self, group: &str) {
        self.type_into("Open by exact group id", group);
        self.click(Role::Button, "Open");
        self.wait("group loaded", |a| a.group_page().is_some_and(|g| g.detail.is_some() && !g.busy));
    }

    fn save_reviewed(&mut self) {
        self.click(Role::Button, "Review and save…");
        assert!(self.harness.state().group_page().unwrap().profile.review.is_some(), "the review dialog opens first");
        // A modal sizes itself over a few frames; click once it has settled.
        self.harness.run_steps(6);
        self.click(Role::Button, "Save");
        assert!(self.harness.state().group_page().unwrap().profile.review.is_some(), "a reason is asked for first");
        self.type_into("Reason (recorded in the audit log)", "ticket 1234");
        self.click(Role::Button, "Save");
        self.wait("saved and read back", |a| a.group_page().is_some_and(|g| g.confirmed().is_some() && !g.busy));
    }
}

#[test]
fn starts_on_the_built_in_sandbox_with_demo_groups() {
    let ui = start();
    let app = ui.harness.state();
    assert!(app.on_built_in_sandbox());
    assert!(app.groups().iter().any(|g| g.group_id == "community" && g.member_count == 3000));
    assert!(ui.harness.query_by_label_contains("Shanghai Foodies").is_some(), "the newest group is listed first");
}

#[test]
fn filter_narrows_the_group_list() {
    let mut ui = start();
    ui.type_into("Filter by id or name", "hikers");
    assert_eq!(ui.harness.state_mut().visible_groups().len(), 1);
    assert!(ui.harness.query_by_label_contains("Weekend Hikers").is_some());
    assert!(ui.harness.query_by_label_contains("Global Community Lounge").is_none());
}

#[test]
fn open_a_group_edit_the_profile_and_save() {
    let mut ui = start();
    ui.open("bookclub");
    ui.type_into("Name", "Book Club (moderated)");
    ui.type_into("Announcement", "Meeting moved to Friday");
    ui.save_reviewed();
    let confirmed = ui.harness.state().group_page().unwrap().confirmed().unwrap().to_owned();
    assert!(confirmed.contains("confirmed"), "{confirmed}");
    let server = ui.server();
    let info = ui.runtime.block_on(server.group_info("bookclub")).unwrap().unwrap();
    assert_eq!(info.name, "Book Club (moderated)");
    assert_eq!(info.profile.announcement.as_deref(), Some("Meeting moved to Friday"));
    let audit = groupdesk::ops::audit::AuditLog::new(ui._dir.path().join("audit.jsonl")).read().unwrap();
    assert_eq!(audit.last().unwrap().action, "save profile: name, announcement");
    assert_eq!(audit.last().unwrap().reason.as_deref(), Some("ticket 1234"), "a profile save records its reason");
    assert_eq!((audit.last().unwrap().group.as_str(), audit.last().unwrap().result.as_str()), ("bookclub", "done"));
}

#[test]
fn an_over_long_name_is_refused_with_the_limit_named() {
    let mut ui = start();
    ui.open("bookclub");
    ui.type_into("Name", &"n".repeat(65));
    assert!(ui.harness.query_all_by_label("Name: at most 64 characters (got 65)").count() >= 1);
    ui.click(Role::Button, "Review and save…");
    assert!(ui.harness.state().group_page().unwrap().profile.review.is_none(), "save stays disabled");
    let server = ui.server();
    assert_eq!(ui.runtime.block_on(server.group_info("bookclub")).unwrap().unwrap().name, "Book Club");
}

#[test]
fn change_a_permission() {
    let mut ui = start();
    ui.open("chessclub");
    ui.click(Role::ComboBox, "Who can join");
    ui.click(Role::Button, "Nobody can join");
    ui.harness.run_steps(3);
    let form = ui.harness.state().group_page().unwrap().form();
    assert_eq!(form.permissions.join, Some(groupdesk::backend::rongcloud::types::JoinPermission::Nobody), "the choice is in the form");
    ui.save_reviewed();
    let server = ui.server();
    let info = ui.runtime.block_on(server.group_info("chessclub")).unwrap().unwrap();
    assert_eq!(info.permissions.join, Some(groupdesk::backend::rongcloud::types::JoinPermission::Nobody));
}

#[test]
fn define_an_ext_key_and_set_it_on_a_group() {
    let mut ui = start();
    ui.click(Role::Button, "extProfile keys");
    ui.type_into("Key (ext_…)", "ext_team");
    ui.type_into("Label", "Team");
    ui.type_into("Maximum length (1-256)", "20");
    ui.click(Role::Button, "Save key");
    ui.wait("key enabled on the sandbox", |a| a.sandbox_ext_keys().is_some_and(|k| k.iter().any(|k| k == "ext_team")));
    let audit = groupdesk::ops::audit::AuditLog::new(ui._dir.path().join("audit.jsonl")).read().unwrap();
    assert_eq!(audit.last().unwrap().action, "extProfile key ext_team defined");
    ui.open("bookclub");
    ui.type_into("Team (ext_team)", "support-emea");
    ui.save_reviewed();
    let server = ui.server();
    let info = ui.runtime.block_on(server.group_info("bookclub")).unwrap().unwrap();
    assert_eq!(info.ext.get("ext_team").map(String::as_str), Some("support-emea"));
    // A value over the key's maximum is refused before sending.
    ui.type_into("Team (ext_team)", &"x".repeat(21));
    assert!(ui.harness.query_all_by_label("Team (ext_team): at most 20 characters (got 21)").count() >= 1);
}

#[test]
fn dismiss_asks_for_the_group_id() {
    let mut ui = start();
    ui.open("moviebuffs");
    ui.click(Role::Button, "Dismiss group…");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", "abandoned");
    ui.type_into("Type the group id (moviebuffs) to confirm", "moviebuf");
    ui.click(Role::Button, "Dismiss");
    assert!(ui.harness.state().group_page().unwrap().profile.dismiss.typed.is_some(), "a wrong id does not dismiss");
    ui.type_into("Type the group id (moviebuffs) to confirm", "moviebuffs");
    ui.click(Role::Button, "Dismiss");
    ui.wait("dismissed", |a| a.group_page().is_none());
    let server = ui.server();
    assert!(ui.runtime.block_on(server.group_info("moviebuffs")).unwrap().is_none());
    let audit = groupdesk::ops::audit::AuditLog::new(ui._dir.path().join("audit.jsonl")).read().unwrap();
    let last = audit.last().unwrap();
    assert_eq!((last.action.as_str(), last.reason.as_deref()), ("dismiss group", Some("abandoned")));
}

#[test]
fn create_a_group_from_the_dialog() {
    let mut ui = start();
    ui.click(Role::Button, "New group");
    ui.type_into("Group ID", "supportdesk");
    ui.type_into("Group name", "Support desk");
    ui.type_into("Owner user id", "u10001");
    ui.type_into("Members to add (up to 30; commas or new lines)", "u10002, u10003");
    ui.click(Role::Button, "Create");
    ui.wait("created and opened", |a| a.group_page().is_some_and(|g| g.group_id == "supportdesk" && g.detail.is_some()));
    let server = ui.server();
    assert_eq!(ui.runtime.block_on(server.group_info("supportdesk")).unwrap().unwrap().member_count, 3);
}

#[test]
fn user_lookup_lists_groups_with_roles() {
    let mut ui = start();
    ui.harness.get_by_label("User lookup").click();
    ui.harness.run_steps(3);
    ui.type_into("User id", "u10000");
    ui.click(Role::Button, "Find groups");
    ui.wait_for_label_containing("Global Community Lounge (community)");
    assert!(ui.harness.query_by_label_contains("Global Community Lounge (community) — owner").is_some());
}

#[test]
fn set_a_users_alias_for_the_group() {
    let mut ui = start();
    ui.open("bookclub");
    let member = {
        let server = ui.server();
        ui.runtime.block_on(server.member_page("bookclub", groupdesk::backend::rongcloud::types::RoleFilter::All, "", 1, groupdesk::backend::rongcloud::types::Order::Ascending)).unwrap().members[0].user_id.clone()
    };
    ui.type_into("Member user id", &member);
    ui.type_into("Alias", "Readers");
    ui.click(Role::Button, "Set alias");
    ui.wait("alias saved", |a| a.group_page().is_some_and(|g| g.confirmed().is_some()));
    let server = ui.server();
    assert_eq!(ui.runtime.block_on(server.remark_name("bookclub", &member)).unwrap(), "Readers");
}

#[test]
fn import_a_legacy_group_into_hosting() {
    let mut ui = start();
    ui.open("legacyopsalerts");
    assert!(ui.harness.query_by_label_contains("(legacy group)").is_some());
    let server = ui.server();
    let owner = ui.runtime.block_on(server.group_members("legacyopsalerts")).unwrap()[0].clone();
    ui.type_into("Owner after import", &owner);
    ui.click(Role::Button, "Import into group hosting");
    ui.wait("imported", |a| a.group_page().is_some_and(|g| g.detail.as_ref().is_some_and(|d| !d.is_legacy())));
    assert_eq!(ui.runtime.block_on(server.group_info("legacyopsalerts")).unwrap().unwrap().owner, owner);
}

#[test]
fn add_a_connection_profile_and_connect() {
    let mut ui = start();
    // A second sandbox stands in for a remote server (connecting elsewhere stops the built-in one).
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = groupdesk::sandbox::Config::new(dir.path());
    cfg.addr = "127.0.0.1:0".parse().unwrap();
    let other = ui.runtime.block_on(groupdesk::sandbox::Sandbox::start(cfg)).unwrap();
    let url = other.base_url();
    ui.click(Role::Button, "Connections");
    ui.type_into("Name", "Staging copy");
    ui.type_into("Base URL", &url);
    ui.type_into("App Key", groupdesk::sandbox::DEMO_APP_KEY);
    ui.type_into("App Secret", groupdesk::sandbox::DEMO_APP_SECRET);
    ui.click(Role::Button, "production");
    ui.click(Role::Button, "Save connection");
    // The App Secret is stored in the background; the profile is listed once it is.
    ui.wait("connection saved", |a| !a.settings().profiles.is_empty());
    let app = ui.harness.state();
    assert_eq!(app.settings().profiles.len(), 1);
    assert!(!format!("{:?}", app.settings().profiles).contains(groupdesk::sandbox::DEMO_APP_SECRET), "no secret in settings");
    let nav_before = ui.harness.get_by_role_and_label(Role::Button, "Connections").rect();
    ui.click(Role::Button, "Connect to Staging copy");
    ui.wait("connected", |a| a.connection_name() == Some("Staging copy") && !a.groups().is_empty());
    assert!(ui.harness.query_by_label("PRODUCTION — changes affect real users").is_some(), "the production banner shows");
    let nav_after = ui.harness.get_by_role_and_label(Role::Button, "Connections").rect();
    assert_eq!(nav_before, nav_after, "the banner's space is reserved: nothing moves under the pointer");
}

/// The last two entries of an audit log (the console's, then the CLI's), without what differs
/// between any two runs (time, request ids).
fn last_two_audit_entries(log: &std::path::Path) -> (serde_json::Value, serde_json::Value) {
    let mut lines: Vec<serde_json::Value> = std::fs::read_to_string(log).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(lines.len() >= 2, "two entries: {lines:?}");
    for v in &mut lines {
        let o = v.as_object_mut().unwrap();
        o.remove("time");
        o.remove("requestIds");
    }
    let cli = lines.pop().unwrap();
    (lines.pop().unwrap(), cli)
}

/// Serves one PNG over HTTP on loopback, for the portrait preview.
fn serve_png() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        let png = include_bytes!("../../assets/icon-64.png");
        for stream in listener.incoming().take(4) {
            let mut s = stream.unwrap();
            let mut buf = [0u8; 2048];
            let _ = s.read(&mut buf);
            let _ = write!(s, "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", png.len());
            let _ = s.write_all(png);
        }
    });
    format!("http://{addr}/portrait.png")
}

#[test]
fn portrait_preview_loads_the_image() {
    let mut ui = start();
    ui.open("bookclub");
    let url = serve_png();
    ui.type_into("Portrait URL", &url);
    ui.click(Role::Button, "Preview portrait");
    ui.wait("portrait loaded", |a| a.group_page().is_some_and(|g| matches!(g.portrait(), Some((_, Some(_))))));
    match ui.harness.state().group_page().unwrap().portrait() {
        Some((u, Some(Ok(bytes)))) => {
            assert_eq!(u, url);
            assert!(bytes.starts_with(b"\x89PNG"));
        }
        other => panic!("{other:?}"),
    }
    ui.harness.run_steps(3);
    assert!(ui.harness.query_by_label("Portrait preview").is_some(), "the image is shown");
    // A URL that does not answer explains itself.
    ui.type_into("Portrait URL", "http://127.0.0.1:9/none.png");
    ui.click(Role::Button, "Preview portrait");
    ui.wait("portrait failed", |a| a.group_page().is_some_and(|g| matches!(g.portrait(), Some((_, Some(Err(_)))))));
}

fn members_tab(ui: &mut Ui, group: &str) {
    ui.open(group);
    ui.click(Role::Button, "Members");
    ui.wait("members loaded", |a| a.group_page().is_some_and(|g| g.members.table.is_some()));
}

/// Selects the first plain member of `bookclub` in the table and mutes them for an hour with
/// `reason`; the user id.
fn mute_first_member_for_an_hour(ui: &mut Ui, reason: &str) -> String {
    members_tab(ui, "bookclub");
    let server = ui.server();
    let first = server.member_page("bookclub", groupdesk::backend::rongcloud::types::RoleFilter::Member, "", 1, groupdesk::backend::rongcloud::types::Order::Ascending);
    let target = ui.runtime.block_on(first).unwrap().members[0].user_id.clone();
    ui.type_into("Filter members", &target);
    ui.harness.get_by_label(&target).click();
    ui.harness.run_steps(2);
    assert_eq!(ui.harness.state().group_page().unwrap().members.selected.len(), 1);
    ui.mute("Mute for 1 hour");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", reason);
    ui.click(Role::Button, "Confirm");
    ui.wait("job done", |a| a.group_page().is_some_and(|g| g.members.jobs.job.as_ref().is_some_and(|j| j.report.is_some())));
    target
}

#[test]
fn select_a_member_and_mute_for_an_hour() {
    let mut ui = start();
    let target = mute_first_member_for_an_hour(&mut ui, "spam");
    let server = ui.server();
    let report = ui.harness.state().group_page().unwrap().members.jobs.job.as_ref().unwrap().report.clone().unwrap();
    assert!(report.all_done(), "{report:?}");
    let muted = ui.runtime.block_on(server.muted(Some("bookclub"))).unwrap();
    assert!(muted.iter().any(|m| m.user_id == target));
    let audit = groupdesk::ops::audit::AuditLog::new(ui._dir.path().join("audit.jsonl")).read().unwrap();
    let last = audit.last().unwrap();
    assert_eq!((last.action.as_str(), last.reason.as_deref(), last.users.clone()), ("mute for 60 minutes", Some("spam"), vec![target]));
}

#[test]
fn kicking_many_asks_for_the_count_and_skips_the_owner() {
    let mut ui = start();
    members_tab(&mut ui, "bookclub");
    let n = ui.harness.state().group_page().unwrap().members.table.as_ref().unwrap().len();
    assert!(n > 20);
    ui.click(Role::Button, "Select all shown");
    assert_eq!(ui.harness.state().group_page().unwrap().members.selected.len(), n);
    ui.click(Role::Button, "Kick…");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", "raid");
    ui.click(Role::CheckBox, "also remove their mute in this group");
    assert!(!ui.harness.state().group_page().unwrap().members.pending.as_ref().unwrap().leave.remove_mute, "keep their mute");
    ui.click(Role::Button, "Confirm");
    assert!(ui.harness.state().group_page().unwrap().members.pending.is_some(), "the count must be typed first");
    ui.type_into(&format!("Type {n} to confirm"), &n.to_string());
    ui.click(Role::Button, "Confirm");
    ui.wait("job done", |a| a.group_page().is_some_and(|g| g.members.jobs.job.as_ref().is_some_and(|j| j.report.is_some())));
    let report = ui.harness.state().group_page().unwrap().members.jobs.job.as_ref().unwrap().report.clone().unwrap();
    assert_eq!((report.count("done"), report.count("skipped")), (n - 1, 1), "the owner is skipped");
    // The outcome table shows the skipped owner and exports every user's outcome.
    ui.harness.run_steps(3);
    ui.click(Role::Button, "Skipped");
    assert!(ui.harness.query_by_label("group owner: transfer ownership first").is_some());
    let out = ui._dir.path().join("outcomes.csv");
    ui.harness.state_mut().export_outcomes(&out);
    ui.wait("outcomes written", |a| a.notices().iter().any(|n| n.text.starts_with("Outcomes written")));
    let csv = std::fs::read_to_string(&out).unwrap();
    assert_eq!(csv.lines().count(), n + 1);
    assert!(csv.contains(",skipped,,group owner: transfer ownership first,"), "{csv}");
    let server = ui.server();
    assert_eq!(ui.runtime.block_on(server.group_info("bookclub")).unwrap().unwrap().member_count, 1);
}

#[test]
fn members_table_sorts_and_filters() {
    let mut ui = start();
    members_tab(&mut ui, "community");
    assert_eq!(ui.harness.state().group_page().unwrap().members.table.as_ref().unwrap().len(), 3000);
    ui.click(Role::Button, "Role");
    let first = {
        let m = &mut ui.harness.state_mut().group_page_mut().unwrap().members;
        let v = m.visible();
        m.table.as_ref().unwrap().rows()[v[0] as usize].user_id.clone()
    };
    assert_eq!(first, "u10000", "owner first when sorted by role");
    ui.type_into("Filter members", "u1299");
    assert_eq!(ui.harness.state_mut().group_page_mut().unwrap().members.visible().len(), 10);
}

#[test]
fn retry_failed_sends_only_the_failed_users() {
    use groupdesk::backend::rongcloud::bulk::{BulkReport, ItemOutcome, Outcome};
    use groupdesk::ui::command::BulkAction;
    use groupdesk::ui::screens::members::Job;
    let mut ui = start();
    members_tab(&mut ui, "bookclub");
    let server = ui.server();
    let page = ui.runtime.block_on(server.member_page("bookclub", groupdesk::backend::rongcloud::types::RoleFilter::Member, "", 2, groupdesk::backend::rongcloud::types::Order::Ascending)).unwrap();
    let (a, b) = (page.members[0].user_id.clone(), page.members[1].user_id.clone());
    // A finished job where `b` failed (as under a network fault).
    let report = BulkReport {
        request_ids: vec![],
        items: vec![
            ItemOutcome { user_id: a.clone(), outcome: Outcome::Done },
            ItemOutcome { user_id: b.clone(), outcome: Outcome::Failed { code: None, message: "no answer".into(), request_id: None } },
        ],
    };
    ui.harness.state_mut().group_page_mut().unwrap().members.jobs.job = Some(Job {
        label: "mute".into(),
        started: None,
        action: BulkAction::Mute(60),
        reason: "spam".into(),
        progress: Default::default(),
        report: Some(report),
        cancel: Default::default(),
        show: None,
    });
    ui.harness.run_steps(2);
    ui.click(Role::Button, "Retry failed");
    ui.wait("retry done", |app| app.group_page().is_some_and(|g| g.members.jobs.job.as_ref().is_some_and(|j| j.report.as_ref().is_some_and(|r| r.items.len() == 1))));
    let muted: Vec<String> = ui.runtime.block_on(server.muted(Some("bookclub"))).unwrap().into_iter().map(|m| m.user_id).collect();
    assert!(muted.contains(&b) && !muted.contains(&a), "only the failed user was sent: {muted:?}");
}

#[test]
fn audit_panel_lists_filters_and_exports_changes() {
    let mut ui = start();
    ui.click(Role::Button, "Connections");
    ui.type_into("Operator name (recorded in the audit log)", "Ana (support)");
    ui.click(Role::Button, "Groups");
    ui.open("chessclub");
    ui.type_into("Announcement", "Tournament on Sunday");
    ui.save_reviewed();
    ui.click(Role::Button, "Audit");
    ui.wait_for_label_containing("save profile: announcement");
    assert!(ui.harness.query_by_label("save profile: announcement").is_some(), "the change is listed");
    ui.type_into("Filter entries", "nothing-matches-this");
    assert!(ui.harness.query_by_label("save profile: announcement").is_none());
    ui.type_into("Filter entries", "chessclub");
    assert!(ui.harness.query_by_label("save profile: announcement").is_some());
    let out = ui._dir.path().join("export.jsonl");
    ui.harness.state_mut().export_audit(&out);
    ui.wait("audit exported", |a| a.notices().iter().any(|n| n.text.contains("1 audit entry exported")));
    let text = std::fs::read_to_string(&out).unwrap();
    let e: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!((e["action"].as_str(), e["group"].as_str(), e["result"].as_str()), (Some("save profile: announcement"), Some("chessclub"), Some("done")));
    assert_eq!(e["operator"], "Ana (support)", "the operator name from settings");
}

fn select_member(ui: &mut Ui, user: &str) {
    ui.type_into("Filter members", user);
    ui.harness.get_by_label(user).click();
    ui.harness.run_steps(2);
}

#[test]
fn allowlist_a_moderator_then_mute_all() {
    let mut ui = start();
    members_tab(&mut ui, "bookclub");
    let server = ui.server();
    let moderator = ui.runtime.block_on(server.member_page("bookclub", groupdesk::backend::rongcloud::types::RoleFilter::Member, "", 1, groupdesk::backend::rongcloud::types::Order::Ascending)).unwrap().members[0].user_id.clone();
    select_member(&mut ui, &moderator);
    ui.click(Role::Button, "Allowlist add");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", "moderator");
    ui.click(Role::Button, "Confirm");
    ui.wait("allowlisted", |a| a.group_page().is_some_and(|g| g.members.jobs.job.as_ref().is_some_and(|j| j.report.is_some())));
    assert_eq!(ui.runtime.block_on(server.allowlist("bookclub")).unwrap(), [moderator.clone()]);
    ui.click(Role::Button, "Show allowlist");
    ui.wait("allowlist listed", |a| a.group_page().is_some_and(|g| g.members.allowlist.as_ref().is_some_and(|p| p.ready().is_some())));
    assert!(ui.harness.query_by_label(&format!("Allowlist (1): {moderator}")).is_some());
    ui.click(Role::Button, "Turn mute-all on…");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", "raid in progress");
    ui.click(Role::Button, "Confirm");
    assert!(ui.harness.state().group_page().unwrap().members.group_pending.is_some(), "the group id must be typed");
    ui.type_into("Type the group id (bookclub) to confirm", "bookclub");
    ui.click(Role::Button, "Confirm");
    ui.wait("mute-all on", |a| a.group_page().is_some_and(|g| g.detail.as_ref().is_some_and(|d| d.muted_all)));
    assert_eq!(ui.runtime.block_on(server.mute_all_status(&["bookclub"])).unwrap(), [("bookclub".to_owned(), true)]);
    let audit = groupdesk::ops::audit::AuditLog::new(ui._dir.path().join("audit.jsonl")).read().unwrap();
    assert!(audit.iter().any(|e| e.action == "mute-all on" && e.reason.as_deref() == Some("raid in progress")), "{audit:?}");
}

#[test]
fn transfer_ownership_to_a_selected_member() {
    let mut ui = start();
    members_tab(&mut ui, "bookclub");
    let server = ui.server();
    let heir = ui.runtime.block_on(server.member_page("bookclub", groupdesk::backend::rongcloud::types::RoleFilter::Member, "", 1, groupdesk::backend::rongcloud::types::Order::Ascending)).unwrap().members[0].user_id.clone();
    let old_owner = ui.runtime.block_on(server.group_info("bookclub")).unwrap().unwrap().owner;
    select_member(&mut ui, &heir);
    ui.click(Role::Button, "Make selected the owner…");
    ui.harness.run_steps(6);
    // Whether the old owner leaves is asked in the confirmation.
    ui.click(Role::CheckBox, "old owner leaves");
    ui.type_into("Reason (recorded in the audit log)", "owner left the company");
    ui.type_into("Type the group id (bookclub) to confirm", "bookclub");
    ui.click(Role::Button, "Confirm");
    ui.wait("transferred", |a| a.group_page().is_some_and(|g| g.detail.as_ref().is_some_and(|i| i.owner == heir)));
    let info = ui.runtime.block_on(server.group_info("bookclub")).unwrap().unwrap();
    assert_eq!(info.owner, heir);
    assert!(ui.runtime.block_on(server.members_by_id("bookclub", &[old_owner])).unwrap().is_empty(), "the old owner left");
}

#[test]
fn export_members_as_csv() {
    let mut ui = start();
    members_tab(&mut ui, "community");
    let out = ui._dir.path().join("community.csv");
    ui.harness.state_mut().export_members(&out, groupdesk::ui::screens::members::ExportScope::All, true);
    ui.wait("exported", |a| a.notices().iter().any(|n| n.text.starts_with("Exported 3,000 members")));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "BOM for Excel");
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.lines().count(), 3001);
    // Only the shown rows.
    ui.type_into("Filter members", "u1299");
    let shown = ui._dir.path().join("shown.csv");
    ui.harness.state_mut().export_members(&shown, groupdesk::ui::screens::members::ExportScope::Shown, false);
    ui.wait("exported shown", |a| a.notices().iter().any(|n| n.text.starts_with("Exported 10 members")));
    assert_eq!(std::fs::read_to_string(&shown).unwrap().lines().count(), 11);
    // Chosen columns only.
    ui.harness.state_mut().group_page_mut().unwrap().members.export.skip.extend(["extra", "mutedUntil", "allowlisted", "joinTime"]);
    let cols = ui._dir.path().join("cols.csv");
    ui.harness.state_mut().export_members(&cols, groupdesk::ui::screens::members::ExportScope::Shown, false);
    ui.wait("exported columns", |a| a.notices().iter().filter(|n| n.text.starts_with("Exported 10 members")).count() == 2);
    assert_eq!(std::fs::read_to_string(&cols).unwrap().lines().next(), Some("userId,nickname,role"));
}

#[test]
fn paste_a_list_check_it_and_add_the_members() {
    let mut ui = start();
    members_tab(&mut ui, "bookclub");
    ui.harness.get_by_label("Act on a pasted list or a file").click();
    ui.harness.run_steps(3);
    let long = "z".repeat(65);
    ui.type_into("User ids: one per line, or CSV with a header", &format!("name,userId\nNew One,new1\nNew Two,new2\nAgain,new1\nBad,{long}\n"));
    ui.click(Role::Button, "Check list");
    let p = ui.harness.state().group_page().unwrap().members.import.preview.clone().unwrap().unwrap();
    assert_eq!((p.valid.len(), p.duplicates.len(), p.invalid.len(), p.non_members.len()), (2, 1, 1, 2));
    assert!(ui.harness.query_by_label_contains("2 valid ids (2 not members of this group)").is_some());
    ui.click(Role::Button, "Add listed as members");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", "ticket 4711");
    ui.click(Role::Button, "Confirm");
    ui.wait("added", |a| a.group_page().is_some_and(|g| g.members.jobs.job.as_ref().is_some_and(|j| j.report.is_some())));
    let server = ui.server();
    assert_eq!(ui.runtime.block_on(server.members_by_id("bookclub", &["new1", "new2"])).unwrap().len(), 2);
}

#[test]
fn appoint_an_admin_and_set_a_nickname() {
    let mut ui = start();
    members_tab(&mut ui, "bookclub");
    let server = ui.server();
    let who = ui.runtime.block_on(server.member_page("bookclub", groupdesk::backend::rongcloud::types::RoleFilter::Member, "", 1, groupdesk::backend::rongcloud::types::Order::Ascending)).unwrap().members[0].user_id.clone();
    select_member(&mut ui, &who);
    ui.click(Role::Button, "Make admin");
    ui.wait("admin", |a| a.group_page().is_some_and(|g| g.confirmed().is_some() && g.members.table.is_some()));
    let m = ui.runtime.block_on(server.members_by_id("bookclub", &[who.clone()])).unwrap();
    assert_eq!(m[0].role, groupdesk::backend::rongcloud::types::MemberRole::Admin);
    ui.harness.run_steps(3);
    ui.type_into("Nickname", "Head Librarian");
    ui.type_into("Extra", "since 2024");
    ui.click(Role::Button, "Save member");
    ui.wait("member saved", |a| a.group_page().is_some_and(|g| g.members.table.is_some() && !g.busy));
    let m = ui.runtime.block_on(server.members_by_id("bookclub", &[who])).unwrap();
    assert_eq!((m[0].nickname.as_str(), m[0].extra.as_str()), ("Head Librarian", "since 2024"));
}

#[test]
fn a_second_job_waits_for_the_running_one() {
    use groupdesk::ui::command::BulkAction;
    use groupdesk::ui::screens::members::Job;
    let mut ui = start();
    members_tab(&mut ui, "bookclub");
    let server = ui.server();
    let who = ui.runtime.block_on(server.member_page("bookclub", groupdesk::backend::rongcloud::types::RoleFilter::Member, "", 1, groupdesk::backend::rongcloud::types::Order::Ascending)).unwrap().members[0].user_id.clone();
    // A job that is still running.
    ui.harness.state_mut().group_page_mut().unwrap().members.jobs.job = Some(Job {
        label: "running".into(),
        started: None,
        action: BulkAction::Unmute,
        reason: "x".into(),
        progress: Default::default(),
        report: None,
        cancel: Default::default(),
        show: None,
    });
    select_member(&mut ui, &who);
    ui.mute("Mute for 1 hour");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", "spam");
    ui.click(Role::Button, "Confirm");
    assert_eq!(ui.harness.state().group_page().unwrap().members.jobs.queue.len(), 1, "queued, not started");
    assert!(ui.harness.query_by_label("1 more job queued").is_some());
    assert!(ui.runtime.block_on(server.muted(Some("bookclub"))).unwrap().iter().all(|m| m.user_id != who));
}

#[test]
fn mute_3000_members_with_progress_and_a_complete_outcome_table() {
    let mut ui = start();
    members_tab(&mut ui, "community");
    ui.click(Role::Button, "Select all shown");
    ui.mute("Mute for 1 hour");
    ui.harness.run_steps(6);
    ui.type_into("Reason (recorded in the audit log)", "spam wave");
    ui.type_into("Type 3000 to confirm", "3000");
    ui.click(Role::Button, "Confirm");
    let saw_progress = ui.wait_for_job(3000, Duration::from_secs(60));
    assert!(saw_progress, "progress was reported while the job ran");
    let report = ui.harness.state().group_page().unwrap().members.jobs.job.as_ref().unwrap().report.clone().unwrap();
    assert_eq!(report.items.len(), 3000, "one outcome per member");
    assert_eq!((report.count("done"), report.count("skipped")), (2999, 1));
    let server = ui.server();
    assert_eq!(ui.runtime.block_on(server.muted(Some("community"))).unwrap().len(), 2999);
}

#[test]
fn unmute_allowlist_remove_and_remove_admin() {
    let mut ui = start();
    members_tab(&mut ui, "announcements");
    let server = ui.server();
    // u10001 is an admin and on the allowlist in the demo data.
    let who = "u10001".to_owned();
    ui.runtime.block_on(server.mute(Some("announcements"), &[who.clone()], 60)).unwrap();
    ui.click(Role::Button, "Reload members");
    ui.wait("reloaded", |a| a.group_page().is_some_and(|g| g.members.table.is_some() && !g.members.loading()));
    select_member(&mut ui, &who);
    for (button, check) in [("Unmute", 0), ("Allowlist remove", 1)] {
        ui.click(Role::Button, button);
        ui.harness.run_steps(6);
        ui.type_into("Reason (recorded in the audit log)", "cleanup");
        ui.click(Role::Button, "Confirm");
        ui.wait("job done", |a| a.group_page().is_some_and(|g| g.members.jobs.job.as_ref().is_some_and(|j| j.report.is_some() && j.label.contains(if check == 0 { "unmute" } else { "allowlist" }))));
        select_member(&mut ui, &who);
    }
    assert!(ui.runtime.block_on(server.muted(Some("announcements"))).unwrap().iter().all(|m| m.user_id != who));
    assert!(!ui.runtime.block_on(server.allowlist("announcements")).unwrap().contains(&who));
    ui.click(Role::Button, "Remove admin");
    ui.wait("admin removed", |a| a.group_page().is_some_and(|g| g.confirmed().is_some() && g.members.table.is_some()));
    assert_eq!(ui.runtime.block_on(server.members_by_id("announcements", &[who])).unwrap()[0].role, groupdesk::backend::rongcloud::types::MemberRole::Member);
}

/// The same change from the console and from the CLI writes the same audit entry (all but the
/// time and the request ids): both go through the operations layer.
#[test]
fn the_console_and_the_cli_record_the_same_change_identically() {
    let mut ui = start();
    ui.click(Role::Button, "Connections");
    ui.type_into("Operator name (recorded in the audit log)", "ann");
    ui.click(Role::Button, "Groups");
    let target = mute_first_member_for_an_hour(&mut ui, "spam wave");

    let log = ui._dir.path().join("audit.jsonl");
    let ids = ui._dir.path().join("ids.txt");
    std::fs::write(&ids, format!("{target}\n")).unwrap();
    let url = ui.harness.state().connection_url().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_groupdesk"))
        .args(["--base-url", &url, "--audit-log", log.to_str().unwrap(), "members", "mute", "bookclub", "--minutes", "60"])
        .args(["--from", ids.to_str().unwrap(), "--reason", "spam wave"])
        .env("GROUPDESK_OPERATOR", "ann")
        .env_remove("GROUPDESK_APP_SECRET")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let (console, cli) = last_two_audit_entries(&log);
    assert_eq!(console["action"], "mute for 60 minutes");
    assert_eq!(console, cli, "console and CLI entries differ");
}
