//! Accounts: import one, import many, check.

use serde_json::json;

use crate::common::Server;

#[test]
fn import_and_check_accounts() {
    let s = Server::empty();
    let (_, text) = s.raw("/v4/im_open_login_svc/account_import", &s.query(), r#"{"UserID":"alice","Nick":"爱丽丝","FaceUrl":"http://f"}"#);
    assert_eq!(text, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}"#);
    s.ok("im_open_login_svc/account_import", r#"{"UserID":"alice","Nick":"again"}"#);
    s.fail("im_open_login_svc/account_import", r#"{"Nick":"x"}"#, 10004);
    assert_eq!(
        s.fail("im_open_login_svc/account_import", &json!({"UserID": "u".repeat(33)}).to_string(), 10004),
        "UserID is 33 bytes; at most 32 bytes (UTF-8)"
    );
    let v = s.ok("im_open_login_svc/multiaccount_import", &json!({"Accounts": ["bob", "carol", "x".repeat(33)]}).to_string());
    assert_eq!(v["FailAccounts"], json!(["x".repeat(33)]));
    let many: Vec<String> = (0..101).map(|i| format!("u{i}")).collect();
    s.fail("im_open_login_svc/multiaccount_import", &json!({"Accounts": many}).to_string(), 10005);
    s.fail("im_open_login_svc/multiaccount_import", r#"{"Accounts":[]}"#, 10004);
    let (_, text) = s.raw("/v4/im_open_login_svc/account_check", &s.query(), r#"{"CheckItem":[{"UserID":"alice"},{"UserID":"dave"},{"UserID":"administrator"}]}"#);
    assert_eq!(text, concat!(
        r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":["#,
        r#"{"UserID":"alice","ResultCode":0,"ResultInfo":"","AccountStatus":"Imported"},"#,
        r#"{"UserID":"dave","ResultCode":0,"ResultInfo":"","AccountStatus":"NotImported"},"#,
        r#"{"UserID":"administrator","ResultCode":0,"ResultInfo":"","AccountStatus":"Imported"}]}"#
    ));
    let many: Vec<_> = (0..101).map(|i| json!({"UserID": format!("u{i}")})).collect();
    s.fail("im_open_login_svc/account_check", &json!({"CheckItem": many}).to_string(), 10005);
    s.fail("im_open_login_svc/account_check", r#"{"CheckItem":[]}"#, 10004);
    // Members must be imported accounts.
    s.ok("create_group", r#"{"Type":"Public","GroupId":"g","Name":"n"}"#);
    s.fail("add_group_member", r#"{"GroupId":"g","MemberList":[{"Member_Account":"dave"}]}"#, 10019);
    s.ok("im_open_login_svc/account_import", r#"{"UserID":"dave"}"#);
    assert_eq!(s.ok("add_group_member", r#"{"GroupId":"g","MemberList":[{"Member_Account":"dave"}]}"#)["MemberList"][0]["Result"], 1);
}
