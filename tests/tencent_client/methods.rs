//! Typed commands against the sandbox: lifecycle, per-group codes, checks before sending,
//! paging, roles, custom fields, accounts and errors.

use groupdesk::backend::tencent::members::{MemberFilter, PageAt};
use groupdesk::backend::tencent::types::*;
use groupdesk::model::ErrorKind;

use super::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_from_creation_to_destruction() {
    let env = empty().await;
    let c = &env.client;
    accounts(c, &ids("u", 5)).await;
    let mut g = NewGroup::new(GroupType::Public, "开发者群");
    g.owner = Some("u0".into());
    g.members = vec![InitialMember { account: "u1".into(), role: Some(Role::Admin), ..Default::default() }, InitialMember { account: "u2".into(), ..Default::default() }];
    g.introduction = Some("intro".into());
    let id = c.create_group(&g).await.unwrap();
    assert!(id.starts_with("@TGS#"), "a generated id: {id}");

    let info = c.group(&id, &ResponseFilter::default()).await.unwrap();
    assert_eq!((info.group_type, info.name.as_str(), info.owner.as_str(), info.member_num), (Some(GroupType::Public), "开发者群", "u0", 3));
    let seq = info.info_seq;

    c.modify_group(&id, &GroupChange { name: Some("新名字".into()), notification: Some("公告".into()), mute_all_member: Some(OnOff::On), ..Default::default() }).await.unwrap();
    let info = c.group(&id, &ResponseFilter::default()).await.unwrap();
    assert_eq!((info.name.as_str(), info.notification.as_str(), info.mute_all_member), ("新名字", "公告", Some(OnOff::On)));
    assert!(info.info_seq > seq, "InfoSeq grows on every change");

    c.change_owner(&id, "u1").await.unwrap();
    let roles = c.roles(&id, &ids("u", 5)).await.unwrap();
    let role = |u: &str| roles.iter().find(|r| r.account == u).and_then(|r| r.role);
    assert_eq!((role("u1"), role("u0"), role("u4")), (Some(Role::Owner), Some(Role::Member), Some(Role::NotMember)));

    let joined = c.all_joined("u2", None).await.unwrap();
    assert_eq!(joined.iter().map(|j| j.group_id.as_str()).collect::<Vec<_>>(), [id.as_str()]);

    c.destroy_group(&id).await.unwrap();
    let gone = c.group_infos(std::slice::from_ref(&id), &ResponseFilter::default()).await.unwrap();
    assert_eq!(gone[0].error_code, 10010, "per-group code of a destroyed group");
    let e = c.group(&id, &ResponseFilter::default()).await.unwrap_err();
    assert_eq!((e.kind.clone(), e.code), (ErrorKind::Server, Some(10010)));
    assert!(e.explanation().contains("disbanded"), "{}", e.explanation());
    let e = c.destroy_group(&id).await.unwrap_err();
    assert_eq!(e.code, Some(10010));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn limits_are_checked_before_sending() {
    let env = empty().await;
    let c = &env.client;
    let e = c.create_group(&NewGroup::new(GroupType::Public, "群".repeat(11))).await.unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (ErrorKind::Invalid, "Name: 33 bytes, at most 30 bytes (UTF-8; a Chinese character is 3 bytes)"));
    let e = c.forbid_send_msg("@TGS#x", &ids("u", 501), 60, None).await.unwrap_err();
    assert_eq!(e.message, "Members_Account: at most 500 per call (got 501)");
    let e = c.delete_members("@TGS#x", &ids("u", 101), false, "").await.unwrap_err();
    assert!(e.message.contains("at most 100"));
    let e = c.add_members("@TGS#x", &ids("u", 301), false).await.unwrap_err();
    assert!(e.message.contains("at most 300"));
    let card = MemberChange { name_card: Some("名".repeat(17)), ..Default::default() };
    let e = c.modify_member("@TGS#x", "u1", &card).await.unwrap_err();
    assert!(e.message.starts_with("NameCard: 51 bytes, at most 50 bytes"), "{}", e.message);
    let mut community = NewGroup::new(GroupType::Community, "c");
    community.group_id = Some("plain".into());
    assert!(c.create_group(&community).await.unwrap_err().message.contains("@TGS#_"));
    let kv = GroupChange { custom: vec![KeyValue::new("bad key", "v")], ..Default::default() };
    assert_eq!(c.modify_group("@TGS#x", &kv).await.unwrap_err().kind, ErrorKind::Invalid);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn member_pages_by_offset_in_parallel_and_by_community_cursor() {
    let env = empty().await;
    let c = &env.client;
    let members = ids("m", 699);
    let public = group(c, GroupType::Public, "pub1", "owner", &members).await;
    let all = c.all_members(&public, GroupType::Public, &MemberFilter::default(), None).await.unwrap();
    assert_eq!(all.len(), 700);
    let unique: std::collections::HashSet<_> = all.iter().map(|m| m.account.as_str()).collect();
    assert_eq!(unique.len(), 700);

    let community = group(c, GroupType::Community, "@TGS#_c1", "owner", &members).await;
    let seen = std::sync::Mutex::new(Vec::new());
    let progress = |n: usize, total: usize| seen.lock().unwrap().push((n, total));
    let all = c.all_members(&community, GroupType::Community, &MemberFilter::default(), Some(&progress)).await.unwrap();
    assert_eq!(all.len(), 700);
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.len(), 4, "200-member cursor pages: {seen:?}");
    assert_eq!(seen.last(), Some(&(700, 700)));
    // One page by cursor, then the next.
    let first = c.member_page(&community, PageAt::Next(String::new()), 10, &MemberFilter::default()).await.unwrap();
    assert!(!first.next.is_empty());
    let second = c.member_page(&community, PageAt::Next(first.next.clone()), 10, &MemberFilter::default()).await.unwrap();
    assert_ne!(first.members[0].account, second.members[0].account);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_name_cards_and_mutes_of_one_member() {
    let env = empty().await;
    let c = &env.client;
    let id = group(c, GroupType::Public, "roles1", "boss", &ids("p", 3)).await;
    c.set_admin(&id, "p0", true).await.unwrap();
    c.modify_member(&id, "p1", &MemberChange { name_card: Some("小明".into()), mute_time: Some(600), ..Default::default() }).await.unwrap();
    let page = c.member_page(&id, PageAt::Offset(0), 100, &MemberFilter::default()).await.unwrap();
    let m = |u: &str| page.members.iter().find(|m| m.account == u).unwrap().clone();
    assert_eq!(m("p0").role, Some(Role::Admin));
    assert_eq!(m("p1").name_card, "小明");
    assert!(m("p1").mute_until > 0);
    let muted = c.muted(&id, None).await.unwrap();
    assert_eq!(muted.iter().map(|m| m.account.as_str()).collect::<Vec<_>>(), ["p1"]);

    let work = group(c, GroupType::Private, "work1", "boss", &ids("p", 3)).await;
    let e = c.forbid_send_msg(&work, &["p0".into()], 60, None).await.unwrap_err();
    assert_eq!(e.code, Some(10007), "Work groups cannot mute");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accounts_and_the_custom_field_registry() {
    let env = empty().await;
    let c = &env.client;
    c.import_account(&AccountImport { user_id: "solo".into(), nick: Some("Solo".into()), face_url: None }).await.unwrap();
    let status = c.check_accounts(&["solo".into(), "ghost".into()]).await.unwrap();
    assert!(status.iter().find(|s| s.user_id == "solo").unwrap().imported());
    assert!(!status.iter().find(|s| s.user_id == "ghost").unwrap().imported());

    let def = |key: &str, t: ValueType, types: Vec<GroupType>| CustomFieldDef { key: key.into(), label: "标签".into(), value_type: t, read_level: Level::Anyone, write_level: Level::Admin, group_types: types };
    let fields = CustomFields { group_fields: vec![def("level", ValueType::Integer, vec![])], member_fields: vec![def("title", ValueType::String, vec![GroupType::Public])] };
    c.add_custom_fields(&fields).await.unwrap();
    let read = c.custom_fields().await.unwrap();
    assert_eq!(read.group_fields[0].key, "level");
    assert_eq!(read.member_fields[0].group_types, [GroupType::Public]);

    let id = group(c, GroupType::Public, "fields1", "solo", &[]).await;
    c.modify_group(&id, &GroupChange { custom: vec![KeyValue::new("level", "7")], ..Default::default() }).await.unwrap();
    let plain = c.group(&id, &ResponseFilter::default()).await.unwrap();
    assert!(plain.custom.is_empty(), "custom fields only when their keys are asked for");
    let asked = c.group(&id, &ResponseFilter { group_keys: vec!["level".into()], ..Default::default() }).await.unwrap();
    assert_eq!(asked.custom, [KeyValue::new("level", "7")]);
    c.modify_group(&id, &GroupChange { custom: vec![KeyValue::new("level", "")], ..Default::default() }).await.unwrap();
    let asked = c.group(&id, &ResponseFilter { group_keys: vec!["level".into()], ..Default::default() }).await.unwrap();
    assert!(asked.custom.iter().all(|kv| kv.value.is_empty()), "an empty value deletes: {:?}", asked.custom);

    // The neutral seam shows the custom field and the type.
    let backend = groupdesk::backend::Backend::Tencent(c.clone());
    c.modify_group(&id, &GroupChange { custom: vec![KeyValue::new("level", "3")], ..Default::default() }).await.unwrap();
    let d = backend.open_group(&id).await.unwrap();
    assert_eq!(d.custom.get("level").map(String::as_str), Some("3"));
    assert_eq!(d.tencent().unwrap().group_type, GroupType::Public);
    assert_eq!(d.tencent().unwrap().member_fields, ["title"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_carry_code_message_and_explanation_and_never_the_key() {
    let env = empty().await;
    let mut cfg = config(&env.url, None, 0);
    cfg.credentials = groupdesk::backend::tencent::Credentials::new(groupdesk::protocol::tencent::limits::DEMO_SDKAPPID, "administrator", "not-the-key");
    let wrong = groupdesk::backend::tencent::Client::new(cfg).unwrap();
    let e = wrong.all_group_ids(None).await.unwrap_err();
    assert_eq!((e.kind.clone(), e.code), (ErrorKind::Server, Some(70009)));
    assert!(e.explanation().contains("secret key"));
    assert!(!format!("{e} {e:?}").contains("not-the-key"));

    let mut cfg = config(&env.url, None, 0);
    cfg.credentials.identifier = "someone".into();
    let not_admin = groupdesk::backend::tencent::Client::new(cfg).unwrap();
    let e = not_admin.all_group_ids(None).await.unwrap_err();
    assert_eq!(e.code, Some(60010), "{e}");

    let e = env.client.group("@TGS#nothing", &ResponseFilter::default()).await.unwrap_err();
    assert_eq!(e.code, Some(10015));
    // A per-group code inside a successful answer still names the request that carried it.
    assert!(e.request_id.as_deref().is_some_and(|r| !r.is_empty()), "{e:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_short_lived_usersig_is_renewed_before_it_expires() {
    let env = empty().await;
    let mut cfg = config(&env.url, None, 0);
    cfg.usersig_seconds = 2;
    let c = groupdesk::backend::tencent::Client::new(cfg).unwrap();
    for _ in 0..4 {
        c.all_group_ids(None).await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(900)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn creates_and_destroys_under_faults_happen_exactly_once() {
    let env = start(Opts { fault_rate: 0.4, ..Default::default() }).await;
    let c = &env.client;
    accounts(c, &["boss".to_string()]).await;
    let mut made = Vec::new();
    for i in 0..12 {
        let mut g = NewGroup::new(GroupType::Public, format!("g{i}"));
        g.owner = Some("boss".into());
        if i % 2 == 0 {
            g.group_id = Some(format!("custom{i}"));
        }
        match c.create_group(&g).await {
            Ok(id) => made.push(id),
            Err(e) => assert!(e.is_ambiguous(), "only an unknown outcome may be an error: {e}"),
        }
    }
    // Exactly one group per name: a lost answer never created a second one.
    let joined = c.all_joined("boss", None).await.unwrap();
    let mut names: Vec<&str> = joined.iter().map(|j| j.name.as_str()).collect();
    names.sort();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "duplicate groups: {joined:?}");
    for id in &made {
        assert!(joined.iter().any(|j| &j.group_id == id), "{id} answered but not there");
        c.destroy_group(id).await.unwrap();
    }
    assert!(c.all_joined("boss", None).await.unwrap().iter().all(|j| !made.contains(&j.group_id)));
}
