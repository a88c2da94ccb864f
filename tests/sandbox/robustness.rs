//! Bad input and bad clients: ill-formed UTF-8, ids no API could address, stalled and half-sent
//! requests, shutdown while a client hangs on to a connection.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::common::{Server, json};

fn addr(s: &Server) -> String {
    s.base.trim_start_matches("http://").to_owned()
}

#[test]
fn ids_that_are_not_utf8_are_refused_not_replaced() {
    let s = Server::empty();
    s.ok("/entrust/group/create.json", "groupId=g1&name=G&owner=o&userIds=a");
    for body in ["userId=%FF&groupId=g1&minute=10", "userId=%FE&groupId=g1&minute=10"] {
        let (status, text) = s.post("/group/user/gag/add.json", body);
        assert_eq!(status, 400, "{text}");
        let v = json(&text);
        assert_eq!(v["code"], 1002);
        assert!(v["errorMessage"].as_str().unwrap().contains("userId is not valid UTF-8"), "{text}");
    }
    assert_eq!(s.ok("/group/user/gag/list.json", "groupId=g1")["users"], serde_json::json!([]), "nothing was stored");
}

#[test]
fn padded_empty_and_comma_ids_are_refused_in_both_families() {
    let s = Server::empty();
    for (path, body) in [
        ("/group/create.json", "userId=%20pad%20&groupId=lg&groupName=L"),
        ("/group/create.json", "userId=a%2Cb&groupId=lg&groupName=L"),
        ("/group/join.json", "userId=%20&groupId=lg&groupName=L"),
        ("/group/user/gag/add.json", "userId=%20pad&groupId=lg&minute=1"),
        ("/entrust/group/create.json", "groupId=hg&name=H&owner=%20"),
        ("/entrust/group/create.json", "groupId=hg&name=H&owner=o%20"),
    ] {
        let (status, text) = s.post(path, body);
        assert_eq!((status, json(&text)["code"].as_u64()), (400, Some(1002)), "{path} {body}: {text}");
    }
    assert_eq!(s.ok("/group/user/query.json", "groupId=lg")["users"], serde_json::json!([]), "no legacy group was made");
}

/// Hosted list fields are never trimmed: a padded item is refused (400 + 1002 naming the
/// field), as the legacy family refuses the same id — no stored `pad` for ` pad `.
#[test]
fn padded_items_of_hosted_lists_are_refused_not_trimmed() {
    let s = Server::empty();
    s.ok("/entrust/group/create.json", "groupId=hg&name=H&owner=o");
    for (path, body, field) in [
        ("/entrust/group/join.json", "groupId=hg&userIds=%20pad%20", "userIds"),
        ("/entrust/group/join.json", "groupId=hg&userIds=a,%20pad", "userIds"),
        ("/entrust/group/join.json", "groupId=hg&userIds=a&userIds=pad%09", "userIds"),
        ("/entrust/group/member/kick.json", "groupId=hg&userIds=pad+", "userIds"),
        ("/entrust/group/profile/query.json", "groupIds=hg,%20hg", "groupIds"),
    ] {
        let (status, text) = s.post(path, body);
        let v = json(&text);
        assert_eq!((status, v["code"].as_u64()), (400, Some(1002)), "{path} {body}: {text}");
        let msg = v["errorMessage"].as_str().unwrap();
        assert!(msg.starts_with(&format!("{field}: the item")) && msg.contains("white space"), "names the field: {text}");
    }
    let legacy = s.post("/group/join.json", "userId=%20pad%20&groupId=lg&groupName=L");
    assert_eq!((legacy.0, json(&legacy.1)["code"].as_u64()), (400, Some(1002)), "the legacy family agrees: {}", legacy.1);
    let members = s.ok("/entrust/group/member/query.json", "groupId=hg&type=0&size=100");
    let ids: Vec<&str> = members["members"].as_array().unwrap().iter().map(|m| m["userId"].as_str().unwrap()).collect();
    assert_eq!(ids, ["o"], "nothing was stored: {members}");
    // Unpadded lists still work, repeated or comma-joined, a trailing comma ignored.
    s.ok("/entrust/group/join.json", "groupId=hg&userIds=a,b,&userIds=c");
}

#[test]
fn a_stalled_connection_is_closed_and_a_half_sent_body_times_out() {
    let s = Server::empty();
    let mut idle = TcpStream::connect(addr(&s)).unwrap();
    idle.set_read_timeout(Some(Duration::from_secs(40))).unwrap();
    let mut half = TcpStream::connect(addr(&s)).unwrap();
    half.set_read_timeout(Some(Duration::from_secs(40))).unwrap();
    let head = "POST /group/user/query.json HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ngroupId=g";
    half.write_all(head.as_bytes()).unwrap();
    let mut answer = String::new();
    let _ = half.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "a body that never arrives gets 408: {answer:?}");
    assert!(answer.contains(r#""code":1002"#), "with a JSON body naming the problem: {answer:?}");
    let mut buf = [0u8; 16];
    let n = idle.read(&mut buf).unwrap_or(0);
    assert_eq!(n, 0, "a connection that sends nothing is closed by the server");
}

#[test]
fn sigterm_completes_while_a_client_holds_a_half_sent_request() {
    let s = Server::empty();
    let mut hold = TcpStream::connect(addr(&s)).unwrap();
    hold.write_all(b"POST /entrust/group/query.json HTTP/1.1\r\nHost: x\r\n").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    s.terminate_within(Duration::from_secs(8));
    drop(hold);
}

/// Raw bytes on a fresh connection; the whole answer.
fn raw(s: &Server, request: &[u8]) -> String {
    let mut c = TcpStream::connect(addr(s)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    c.write_all(request).unwrap();
    let mut answer = Vec::new();
    let _ = c.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn protocol_level_errors_answer_with_a_json_body_and_a_code() {
    let s = Server::empty();
    let many: String = (0..200).map(|i| format!("X-H{i}: v\r\n")).collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("garbage request line", b"\x01\x02 nonsense\r\n\r\n".to_vec(), "HTTP/1.1 400"),
        ("NUL in a header", b"POST /group/user/query.json HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n".to_vec(), "HTTP/1.1 400"),
        ("too many headers", format!("POST /group/user/query.json HTTP/1.1\r\nHost: x\r\n{many}\r\n").into_bytes(), "HTTP/1.1 431"),
        ("long path", format!("POST /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(70_000)).into_bytes(), "HTTP/1.1 4"),
        ("unknown transfer coding", b"POST /group/user/query.json HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n".to_vec(), "HTTP/1.1 4"),
        ("oversized Content-Length", b"POST /group/user/query.json HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n".to_vec(), "HTTP/1.1 4"),
    ];
    for (what, request, status) in cases {
        let answer = raw(&s, &request);
        assert!(answer.starts_with(status), "{what}: {answer:?}");
        let body = answer.split("\r\n\r\n").nth(1).unwrap_or("");
        let v: serde_json::Value = serde_json::from_str(body).unwrap_or_else(|_| panic!("{what}: the body is not JSON: {answer:?}"));
        assert!(v["code"].as_u64().is_some() && v["errorMessage"].as_str().is_some_and(|m| !m.is_empty()), "{what}: {v}");
    }
}

/// A request whose headers stall gets 408 with a JSON body when the header read timeout
/// (10 s) closes it; an HTTP/2 preface gets 400 with a JSON body — never a silent close.
#[test]
fn a_stalled_head_gets_408_and_an_http2_preface_400_with_json_bodies() {
    let s = Server::empty();
    let mut h2 = TcpStream::connect(addr(&s)).unwrap();
    h2.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    h2.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n").unwrap();
    let mut answer = String::new();
    let _ = h2.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer:?}");
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or_default();
    assert_eq!(json(body)["code"], 1002, "{answer:?}");

    let started = std::time::Instant::now();
    let mut slow = TcpStream::connect(addr(&s)).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    slow.write_all(b"POST /group/user/query.json HTTP/1.1\r\nHost: x\r\n").unwrap();
    let mut answer = String::new();
    let _ = slow.read_to_string(&mut answer);
    let waited = started.elapsed();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or_default();
    let v = json(body);
    assert_eq!(v["code"], 1002, "{answer:?}");
    assert!(v["errorMessage"].as_str().unwrap().contains("headers did not arrive"), "{answer:?}");
    assert!(waited >= Duration::from_secs(9) && waited < Duration::from_secs(20), "after the 10 s header timeout: {waited:?}");
}
