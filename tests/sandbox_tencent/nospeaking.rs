//! The app-wide mute: `openconfigsvr/setnospeaking` and `getnospeaking` (remaining seconds,
//! permanent, lifting, one kind at a time), unknown accounts, and the demo account.

use serde_json::json;

use crate::common::Server;

const SET: &str = "openconfigsvr/setnospeaking";
const GET: &str = "openconfigsvr/getnospeaking";

#[test]
fn set_read_back_and_lift() {
    let s = Server::empty();
    s.accounts(&["a"]);
    let (_, text) = s.raw("/v4/openconfigsvr/getnospeaking", &s.query(), r#"{"Get_Account":"a"}"#);
    assert_eq!(text, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","C2CmsgNospeakingTime":0,"GroupmsgNospeakingTime":0}"#);
    let (_, text) = s.raw("/v4/openconfigsvr/setnospeaking", &s.query(), r#"{"Set_Account":"a","GroupmsgNospeakingTime":3600}"#);
    assert_eq!(text, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}"#);
    let v = s.ok(GET, r#"{"Get_Account":"a"}"#);
    let left = v["GroupmsgNospeakingTime"].as_i64().unwrap();
    assert!((3595..=3600).contains(&left), "remaining seconds: {v}");
    assert_eq!(v["C2CmsgNospeakingTime"], 0);
    // Setting one leaves the other; permanent answers 4294967295.
    s.ok(SET, r#"{"Set_Account":"a","C2CmsgNospeakingTime":4294967295}"#);
    let v = s.ok(GET, r#"{"Get_Account":"a"}"#);
    assert_eq!(v["C2CmsgNospeakingTime"], 4294967295u64);
    assert!(v["GroupmsgNospeakingTime"].as_i64().unwrap() > 3500);
    // 0 lifts.
    s.ok(SET, r#"{"Set_Account":"a","C2CmsgNospeakingTime":0,"GroupmsgNospeakingTime":0}"#);
    assert_eq!(s.ok(GET, r#"{"Get_Account":"a"}"#), json!({"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "", "C2CmsgNospeakingTime": 0, "GroupmsgNospeakingTime": 0}));
    // It is not a group mute.
    s.group("Public", "g", "o");
    s.add("g", &["a"]);
    s.ok(SET, r#"{"Set_Account":"a","GroupmsgNospeakingTime":60}"#);
    assert_eq!(s.ok("get_group_muted_account", r#"{"GroupId":"g"}"#)["MutedAccountList"], json!([]));
}

#[test]
fn errors() {
    let s = Server::empty();
    s.accounts(&["a"]);
    assert!(s.fail(SET, r#"{"Set_Account":"ghost","GroupmsgNospeakingTime":60}"#, 10019).contains("ghost"));
    s.fail(GET, r#"{"Get_Account":"ghost"}"#, 10019);
    assert!(s.fail(SET, r#"{"Set_Account":"a"}"#, 10004).contains("GroupmsgNospeakingTime"));
    s.fail(SET, r#"{"GroupmsgNospeakingTime":60}"#, 10004);
    s.fail(GET, r#"{}"#, 10004);
    s.fail(SET, r#"{"Set_Account":"a","GroupmsgNospeakingTime":4294967296}"#, 10004);
    s.fail(SET, r#"{"Set_Account":"a","GroupmsgNospeakingTime":-5}"#, 10004);
    s.fail("openconfigsvr/nosuch", r#"{}"#, 10003);
}

#[test]
fn the_demo_account_is_muted_app_wide() {
    let s = Server::demo();
    let v = s.ok(GET, r#"{"Get_Account":"user00666"}"#);
    assert_eq!(v["GroupmsgNospeakingTime"], 4294967295u64);
    let c2c = v["C2CmsgNospeakingTime"].as_i64().unwrap();
    assert!((86_000..=86_400).contains(&c2c), "{v}");
    assert_eq!(s.ok(GET, r#"{"Get_Account":"user00667"}"#)["GroupmsgNospeakingTime"], 0);
}
