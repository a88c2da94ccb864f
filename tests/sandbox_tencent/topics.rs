//! Community topics: create (custom, full and generated ids, byte limits), get (all, listed,
//! unknown), destroy (per-item results), the type rules, and the demo topics.

use serde_json::json;

use crate::common::Server;

const MS: &str = "million_group_open_http_svc";

fn topic_community(s: &Server, id: &str) {
    s.accounts(&["o"]);
    s.ok("create_group", &json!({"Type": "Community", "GroupId": id, "Name": "c", "Owner_Account": "o", "SupportTopic": 1}).to_string());
}

#[test]
fn create_get_and_destroy_topics() {
    let s = Server::empty();
    topic_community(&s, "@TGS#_c");
    let (_, text) = s.raw(&format!("/v4/{MS}/create_topic"), &s.query(), r#"{"GroupId":"@TGS#_c","TopicId":"news","TopicName":"新闻","Introduction":"i","Notification":"n","FaceUrl":"http://f"}"#);
    assert_eq!(text, r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","TopicId":"@TGS#_c@TOPIC#_news"}"#);
    // A full id is taken as it is; generated ids carry the prefix; the group_open_http_svc alias.
    assert_eq!(s.ok(&format!("{MS}/create_topic"), r#"{"GroupId":"@TGS#_c","TopicId":"@TGS#_c@TOPIC#_full","TopicName":"t"}"#)["TopicId"], "@TGS#_c@TOPIC#_full");
    let generated = s.ok("create_topic", r#"{"GroupId":"@TGS#_c","TopicName":"t3"}"#)["TopicId"].as_str().unwrap().to_owned();
    assert!(generated.starts_with("@TGS#_c@TOPIC#_@TOPIC#") && generated.len() == "@TGS#_c@TOPIC#_@TOPIC#".len() + 12, "{generated}");
    assert!(s.fail(&format!("{MS}/create_topic"), r#"{"GroupId":"@TGS#_c","TopicId":"news","TopicName":"again"}"#, 10021).contains("@TGS#_c@TOPIC#_news"));
    // All topics in creation order, with every field.
    let v = s.ok(&format!("{MS}/get_topic"), r#"{"GroupId":"@TGS#_c"}"#);
    assert_eq!(v["GroupId"], "@TGS#_c");
    let list = v["TopicInfo"].as_array().unwrap();
    assert_eq!(list.len(), 3);
    let t = list[0].as_object().unwrap();
    assert_eq!(t.keys().map(String::as_str).collect::<Vec<_>>(),
        ["TopicId", "ErrorCode", "ErrorInfo", "TopicName", "Introduction", "Notification", "FaceUrl", "CreateTime"]);
    assert_eq!((t["TopicName"].as_str(), t["Introduction"].as_str(), t["Notification"].as_str(), t["FaceUrl"].as_str()), (Some("新闻"), Some("i"), Some("n"), Some("http://f")));
    assert!(t["CreateTime"].as_i64().unwrap() > 1_600_000_000);
    assert_eq!(list[2]["TopicId"], generated);
    // Listed ids: unknown ones get 10010 per item.
    let v = s.ok("get_topic", r#"{"GroupId":"@TGS#_c","TopicIdList":["@TGS#_c@TOPIC#_full","@TGS#_c@TOPIC#_nope"]}"#);
    assert_eq!(v["TopicInfo"][0]["TopicName"], "t");
    assert_eq!(v["TopicInfo"][1]["ErrorCode"], 10010);
    assert_eq!(v["TopicInfo"][1].as_object().unwrap().len(), 3, "{v}");
    // Destroy with per-item results.
    let (_, text) = s.raw(&format!("/v4/{MS}/destroy_topic"), &s.query(), r#"{"GroupId":"@TGS#_c","TopicIdList":["@TGS#_c@TOPIC#_news","@TGS#_c@TOPIC#_news2"]}"#);
    let v = crate::common::json(&text);
    assert_eq!(v["DestroyResultItem"][0], json!({"TopicId": "@TGS#_c@TOPIC#_news", "ErrorCode": 0, "ErrorInfo": ""}));
    assert_eq!(v["DestroyResultItem"][1]["ErrorCode"], 10010);
    assert_eq!(s.ok("get_topic", r#"{"GroupId":"@TGS#_c"}"#)["TopicInfo"].as_array().unwrap().len(), 2);
    s.fail("destroy_topic", r#"{"GroupId":"@TGS#_c"}"#, 10004);
    s.fail("destroy_topic", r#"{"GroupId":"@TGS#_c","TopicIdList":[]}"#, 10004);
    // Destroying the Community takes its topics with it.
    s.ok("destroy_group", r#"{"GroupId":"@TGS#_c"}"#);
    topic_community(&s, "@TGS#_c");
    assert_eq!(s.ok("get_topic", r#"{"GroupId":"@TGS#_c"}"#)["TopicInfo"], json!([]));
}

#[test]
fn topic_rules_and_limits() {
    let s = Server::empty();
    topic_community(&s, "@TGS#_c");
    s.fail("create_topic", r#"{"GroupId":"@TGS#_c"}"#, 10004);
    s.fail("create_topic", r#"{"GroupId":"@TGS#_c","TopicName":" "}"#, 10004);
    s.fail("create_topic", r#"{"TopicName":"t"}"#, 10004);
    s.fail("create_topic", r#"{"GroupId":"@TGS#_none","TopicName":"t"}"#, 10015);
    let info = s.fail("create_topic", &json!({"GroupId": "@TGS#_c", "TopicName": "话".repeat(51)}).to_string(), 10004);
    assert_eq!(info, "TopicName is 153 bytes; at most 150 bytes (UTF-8)");
    s.ok("create_topic", &json!({"GroupId": "@TGS#_c", "TopicName": "话".repeat(50)}).to_string());
    s.fail("create_topic", &json!({"GroupId": "@TGS#_c", "TopicName": "t", "Introduction": "x".repeat(241)}).to_string(), 10004);
    s.fail("create_topic", &json!({"GroupId": "@TGS#_c", "TopicName": "t", "FaceUrl": "x".repeat(101)}).to_string(), 10004);
    // 96 bytes in all, prefix included ("@TGS#_c@TOPIC#_" is 15).
    s.ok("create_topic", &json!({"GroupId": "@TGS#_c", "TopicName": "t", "TopicId": "a".repeat(81)}).to_string());
    assert!(s.fail("create_topic", &json!({"GroupId": "@TGS#_c", "TopicName": "t", "TopicId": "b".repeat(82)}).to_string(), 10004).contains("at most 96"));
    s.fail("create_topic", r#"{"GroupId":"@TGS#_c","TopicName":"t","TopicId":""}"#, 10004);
    // Only topic-enabled Communities.
    s.ok("create_group", r#"{"Type":"Community","GroupId":"@TGS#_plain","Name":"p"}"#);
    assert!(s.fail("create_topic", r#"{"GroupId":"@TGS#_plain","TopicName":"t"}"#, 10007).contains("SupportTopic"));
    s.fail("get_topic", r#"{"GroupId":"@TGS#_plain"}"#, 10007);
    s.group("Public", "pub", "o");
    assert!(s.fail("create_topic", r#"{"GroupId":"pub","TopicName":"t"}"#, 10007).contains("Community"));
    s.fail("destroy_topic", r#"{"GroupId":"pub","TopicIdList":["x"]}"#, 10007);
    // Over 100 ids per call.
    let ids: Vec<String> = (0..101).map(|i| format!("@TGS#_c@TOPIC#_{i}")).collect();
    assert!(s.fail("get_topic", &json!({"GroupId": "@TGS#_c", "TopicIdList": ids}).to_string(), 10004).contains("at most 100"));
}

#[test]
fn a_community_has_at_most_100_topics() {
    let s = Server::empty();
    topic_community(&s, "@TGS#_c");
    for i in 0..100 {
        s.ok("create_topic", &json!({"GroupId": "@TGS#_c", "TopicName": "t", "TopicId": format!("t{i}")}).to_string());
    }
    assert!(s.fail("create_topic", r#"{"GroupId":"@TGS#_c","TopicName":"t"}"#, 10004).contains("at most 100"));
    s.ok("destroy_topic", r#"{"GroupId":"@TGS#_c","TopicIdList":["@TGS#_c@TOPIC#_t0"]}"#);
    s.ok("create_topic", r#"{"GroupId":"@TGS#_c","TopicName":"t"}"#);
}

#[test]
fn the_demo_community_has_three_topics() {
    let s = Server::demo();
    let v = s.ok(&format!("{MS}/get_topic"), r#"{"GroupId":"@TGS#_community"}"#);
    let names: Vec<(&str, &str)> = v["TopicInfo"].as_array().unwrap().iter().map(|t| (t["TopicId"].as_str().unwrap(), t["TopicName"].as_str().unwrap())).collect();
    assert_eq!(names, [
        ("@TGS#_community@TOPIC#_announce", "公告板"),
        ("@TGS#_community@TOPIC#_rust", "技术讨论"),
        ("@TGS#_community@TOPIC#_chat", "闲聊灌水"),
    ]);
}
