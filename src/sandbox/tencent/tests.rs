//! Unit tests of the pieces that need no server: body parsing and field access, the mapping of
//! the core's refusals, mute ends, the schema and the demo seed on an in-memory database.

use rusqlite::Connection;
use serde_json::json;

use super::body::{Obj, parse};
use super::error::WireError;
use super::handlers::{mute_until, member_cap};
use super::repo::{Fixtures, Page, Repo};
use super::{Protocol, Tencent};
use crate::protocol::tencent::wire::{Edition, GroupType};
use crate::sandbox::core::Rejection;

#[test]
fn bodies_are_objects_and_fields_are_named() {
    assert!(parse(b"").unwrap().is_empty());
    assert!(parse(b" \n").unwrap().is_empty());
    assert_eq!(parse(b"[]").unwrap_err().code, 60002);
    assert_eq!(parse(b"{").unwrap_err().code, 60002);
    let map = parse(r#"{"Name":"群群群群群群群群群群群","N":"42","F":2,"L":["a",1]}"#.as_bytes()).unwrap();
    let o = Obj::new(&map);
    assert_eq!(o.text("Name", 30).unwrap_err().info, "Name is 33 bytes; at most 30 bytes (UTF-8)");
    assert_eq!(o.u64("N").unwrap(), Some(42));
    assert_eq!(o.flag("F").unwrap_err().info, "F is 2; must be 0 or 1");
    assert_eq!(o.strings("L").unwrap_err().info, "L[1] must be a string");
    let inner = json!({"Role": 5});
    let nested = Obj::nested(inner.as_object().unwrap(), "MemberList[3]");
    assert_eq!(nested.str("Role").unwrap_err().info, "MemberList[3].Role must be a string");
}

#[test]
fn core_refusals_map_to_wire_codes_in_http_200() {
    let e = WireError::from(Rejection::NotFound { path: "/v4/group_open_http_svc/x".into() });
    assert_eq!((e.http, e.code), (200, 10003));
    let e = WireError::from(Rejection::NotFound { path: "/v4/x/y".into() });
    assert_eq!((e.http, e.code), (200, 60009));
    let e = WireError::from(Rejection::RateLimited { per_second: 1 });
    assert_eq!((e.http, e.code), (200, 60007));
    let e = WireError::from(Rejection::Unavailable);
    assert_eq!((e.http, e.code), (503, 10002));
    let e = WireError::from(Rejection::Malformed { status: 431 });
    assert_eq!((e.http, e.code), (431, 60002));
    assert!(e.body().starts_with(r#"{"ActionStatus":"FAIL","ErrorCode":60002,"ErrorInfo":"#));
}

#[test]
fn mutes_end_and_caps() {
    assert_eq!(mute_until(1_000, 60), 1_060);
    assert_eq!(mute_until(1_000, 4_294_967_295), 4_294_967_295);
    assert_eq!(mute_until(4_294_967_000, 1_000), 4_294_967_295);
    assert_eq!(member_cap(Edition::Developer, GroupType::Public), 20);
    assert_eq!(member_cap(Edition::Standard, GroupType::Community), 100_000);
    assert_eq!(member_cap(Edition::Premium, GroupType::AVChatRoom), 0);
}

#[test]
fn the_demo_seed_fills_a_fresh_schema_and_pages_by_cursor() {
    let proto = Tencent::new(1, secrecy::SecretString::from("k"), vec!["administrator".into()], Edition::Premium);
    let mut conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(proto.schema()).unwrap();
    let tx = conn.transaction().unwrap();
    proto.seed_demo(&tx).unwrap();
    tx.commit().unwrap();
    proto.on_open(&conn).unwrap();
    let repo = Repo::new(&conn, 2_000_000_000);
    let g = repo.group("@TGS#_community").unwrap();
    assert_eq!((g.kind, g.member_num), (GroupType::Community, 20_000));
    let page = repo.members_page("@TGS#_community", Page { roles: &[], after: Some(19_990), offset: 0, limit: 200 }).unwrap();
    assert_eq!(page.len(), 10);
    assert!(repo.account_exists("administrator").unwrap());
    let _ = Fixtures::new(&conn, 0);
}
