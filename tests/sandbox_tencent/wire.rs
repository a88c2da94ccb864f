//! The envelope, routing, JSON bodies and every authentication failure, each with its code.

use std::io::{Read, Write};

use base64::Engine;
use groupdesk::protocol::tencent::usersig;
use secrecy::SecretString;

use crate::common::{ADMIN, KEY, SDKAPPID, Server, json, now, sig};

const LIST: &str = "/v4/group_open_http_svc/get_appid_group_list";

fn code(s: &Server, query: &str) -> (i64, String) {
    let (status, text) = s.raw(LIST, query, "{}");
    assert_eq!(status, 200, "{text}");
    let v = json(&text);
    assert_eq!(v["ActionStatus"], "FAIL", "{text}");
    (v["ErrorCode"].as_i64().unwrap(), v["ErrorInfo"].as_str().unwrap().to_owned())
}

fn q(sdkappid: &str, identifier: &str, usersig: &str) -> String {
    format!("sdkappid={sdkappid}&identifier={identifier}&usersig={usersig}&random=99&contenttype=json")
}

#[test]
fn answers_are_exact_envelopes() {
    let s = Server::empty();
    let gid = s.group("Public", "g1", "owner");
    let (status, text) = s.raw("/v4/group_open_http_svc/destroy_group", &s.query(), r#"{"GroupId":"g1"}"#);
    assert_eq!((status, text.as_str()), (200, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}"#));
    let (status, text) = s.raw("/v4/group_open_http_svc/destroy_group", &s.query(), r#"{"GroupId":"g1"}"#);
    assert_eq!(status, 200);
    assert!(text.starts_with(r#"{"ActionStatus":"FAIL","ErrorCode":10010,"ErrorInfo":"group g1 was destroyed"#), "{text}");
    assert_eq!(gid, "g1");
    let (_, text) = s.raw(LIST, &s.query(), "{}");
    assert_eq!(text, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","TotalCount":0,"GroupIdList":[],"Next":0}"#);
}

#[test]
fn every_authentication_failure_has_its_own_code() {
    let s = Server::empty();
    let good = sig(KEY, SDKAPPID, ADMIN);
    let app = SDKAPPID.to_string();
    // The good one passes.
    let (status, text) = s.raw(LIST, &q(&app, ADMIN, &good), "{}");
    assert_eq!((status, json(&text)["ActionStatus"].as_str()), (200, Some("OK")), "{text}");
    assert_eq!(code(&s, &format!("identifier={ADMIN}&usersig={good}")).0, 60012);
    assert_eq!(code(&s, &q("", ADMIN, &good)).0, 60012);
    assert_eq!(code(&s, &q("abc", ADMIN, &good)).0, 60006);
    assert_eq!(code(&s, &q("1400000001", ADMIN, &good)).0, 60006);
    assert_eq!(code(&s, &format!("sdkappid={app}&usersig={good}")).0, 60004);
    assert_eq!(code(&s, &format!("sdkappid={app}&identifier={ADMIN}")).0, 60004);
    assert_eq!(code(&s, &q(&app, ADMIN, "")).0, 60004);
    // Malformed: not base64, and base64 of something that is not zlib.
    assert_eq!(code(&s, &q(&app, ADMIN, "%%%not-a-sig")).0, 70003);
    let not_zlib = base64::engine::general_purpose::STANDARD.encode(b"hello world").replace('=', "_");
    assert_eq!(code(&s, &q(&app, ADMIN, &not_zlib)).0, 70003);
    // zlib of JSON that is not a TLS document.
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(br#"{"a":1}"#).unwrap();
    let doc = base64::engine::general_purpose::STANDARD.encode(z.finish().unwrap()).replace('+', "*").replace('/', "-").replace('=', "_");
    assert_eq!(code(&s, &q(&app, ADMIN, &doc)).0, 70003);
    // Signed with another key.
    let (c, info) = code(&s, &q(&app, ADMIN, &sig("another-key", SDKAPPID, ADMIN)));
    assert_eq!(c, 70009, "{info}");
    // Expired: made two days ago, valid for one.
    let old = usersig::generate(&SecretString::from(KEY), SDKAPPID, ADMIN, now() - 2 * 86_400, 86_400);
    let (c, info) = code(&s, &q(&app, ADMIN, &old));
    assert_eq!(c, 70001, "{info}");
    assert!(info.contains("expired"), "{info}");
    // Made for another SDKAppID, for another identifier.
    assert_eq!(code(&s, &q(&app, ADMIN, &sig(KEY, 1_400_000_001, ADMIN))).0, 70014);
    assert_eq!(code(&s, &q(&app, ADMIN, &sig(KEY, SDKAPPID, "bob"))).0, 70013);
    // A valid UserSig of an account that is not an App admin.
    let (c, info) = code(&s, &q(&app, "bob", &sig(KEY, SDKAPPID, "bob")));
    assert_eq!(c, 60010, "{info}");
    assert!(info.contains("bob"), "{info}");
}

#[test]
fn admins_are_configurable_and_the_demo_key_is_the_default() {
    let tmp = tempfile::tempdir().unwrap();
    let s = Server::spawn_env(tmp.path(), &["--seed", "empty", "--rate-limit", "0", "--admin", "ops", "--admin", "root", "--sdkappid", "1400123456"], None);
    let key = groupdesk::sandbox::DEMO_TENCENT_SECRET_KEY;
    for admin in ["ops", "root"] {
        let (_, text) = s.raw(LIST, &q("1400123456", admin, &sig(key, 1_400_123_456, admin)), "{}");
        assert_eq!(json(&text)["ActionStatus"], "OK", "{admin}: {text}");
    }
    let (_, text) = s.raw(LIST, &q("1400123456", ADMIN, &sig(key, 1_400_123_456, ADMIN)), "{}");
    assert_eq!(json(&text)["ErrorCode"], 60010, "administrator is no admin here: {text}");
    let (_, text) = s.raw(LIST, &q(&SDKAPPID.to_string(), "ops", &sig(key, SDKAPPID, "ops")), "{}");
    assert_eq!(json(&text)["ErrorCode"], 60006, "{text}");
}

#[test]
fn unknown_commands_paths_and_methods() {
    let s = Server::empty();
    for (path, code) in [
        ("/v4/group_open_http_svc/no_such_command", 10003),
        ("/v4/im_open_login_svc/nope", 10003),
        ("/v4/openim/nope", 10003),
        ("/v4/no_such_service/create_group", 60009),
        ("/v3/group_open_http_svc/create_group", 60009),
        ("/", 60009),
    ] {
        let (status, text) = s.raw(path, &s.query(), "{}");
        assert_eq!(status, 200, "{path}: {text}");
        let v = json(&text);
        assert_eq!((v["ActionStatus"].as_str(), v["ErrorCode"].as_i64()), (Some("FAIL"), Some(code)), "{path}: {text}");
    }
    let r = s.http.get(format!("{}{LIST}?{}", s.base, s.query())).send().unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(json(&r.text().unwrap())["ErrorCode"], 60009);
}

#[test]
fn bodies_must_be_json_objects() {
    let s = Server::empty();
    for body in ["{", "not json", "[]", "42", "\"x\""] {
        let (status, text) = s.raw(LIST, &s.query(), body);
        assert_eq!(status, 200);
        assert_eq!(json(&text)["ErrorCode"], 60002, "{body}: {text}");
    }
    // An empty body counts as {}.
    let (_, text) = s.raw(LIST, &s.query(), "");
    assert_eq!(json(&text)["ActionStatus"], "OK", "{text}");
    // Over 1 MB (declared; the answer comes before the body is sent).
    let addr = s.base.trim_start_matches("http://");
    let mut tcp = std::net::TcpStream::connect(addr).unwrap();
    let head = format!("POST {LIST}?{} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n", s.query(), 1024 * 1024 + 1);
    tcp.write_all(head.as_bytes()).unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&out).contains("}") {
        let n = tcp.read(&mut buf).unwrap();
        assert!(n > 0, "closed early: {}", String::from_utf8_lossy(&out));
        out.extend_from_slice(&buf[..n]);
    }
    let out = String::from_utf8_lossy(&out);
    assert!(out.starts_with("HTTP/1.1 200"), "{out}");
    let v = json(&out[out.find("\r\n\r\n").unwrap() + 4..]);
    assert_eq!(v["ErrorCode"], 60002, "{out}");
    assert!(v["ErrorInfo"].as_str().unwrap().contains("1048576"), "{out}");
    // Just under 1 MB is read.
    let big = format!(r#"{{"x":"{}"}}"#, "a".repeat(1000 * 1000));
    let (status, text) = s.raw(LIST, &s.query(), &big);
    assert_eq!((status, json(&text)["ActionStatus"].as_str()), (200, Some("OK")), "{text}");
    // Wrong field types name the field.
    let info = s.fail("create_group", r#"{"Type":"Public","Name":5}"#, 10004);
    assert!(info.contains("Name must be a string"), "{info}");
    let info = s.fail("get_appid_group_list", r#"{"Limit":-1}"#, 10004);
    assert!(info.contains("Limit"), "{info}");
    // Numbers may come as digit strings.
    s.ok("get_appid_group_list", r#"{"Limit":"10","Next":"0"}"#);
}

#[test]
fn unparseable_http_gets_a_json_envelope_with_hyper_status() {
    let s = Server::empty();
    let addr = s.base.trim_start_matches("http://");
    let mut tcp = std::net::TcpStream::connect(addr).unwrap();
    tcp.write_all(b"GARBAGE \x01\x02 NOT HTTP\r\n\r\n").unwrap();
    let mut out = String::new();
    let _ = tcp.read_to_string(&mut out);
    assert!(out.starts_with("HTTP/1.1 400"), "{out}");
    let body = &out[out.find("\r\n\r\n").unwrap() + 4..];
    assert_eq!(json(body)["ErrorCode"], 60002, "{out}");
}

#[test]
fn a_body_that_never_arrives_is_408_with_60008() {
    let s = Server::empty();
    let addr = s.base.trim_start_matches("http://");
    let mut tcp = std::net::TcpStream::connect(addr).unwrap();
    let head = format!("POST {LIST}?{} HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{{}}", s.query());
    tcp.write_all(head.as_bytes()).unwrap();
    tcp.set_read_timeout(Some(std::time::Duration::from_secs(30))).unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&out).contains('}') {
        let n = tcp.read(&mut buf).unwrap();
        assert!(n > 0, "closed early: {}", String::from_utf8_lossy(&out));
        out.extend_from_slice(&buf[..n]);
    }
    let out = String::from_utf8_lossy(&out);
    assert!(out.starts_with("HTTP/1.1 408"), "{out}");
    assert_eq!(json(&out[out.find("\r\n\r\n").unwrap() + 4..])["ErrorCode"], 60008, "{out}");
}
