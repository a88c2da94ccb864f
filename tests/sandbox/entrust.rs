//! Reference §6: all 23 `/entrust/*` endpoints with the request bodies the docs and SDKs send
//! (repeated and comma-joined lists, empty fields), raw answers and state read back.

use crate::common::{Server, json};
use serde_json::Value;

const OK: &str = r#"{"code":200}"#;

fn with_keys(keys: &[&str]) -> Server {
    let mut args = vec!["--seed", "empty", "--rate-limit", "0"];
    for k in keys {
        args.push("--ext-key");
        args.push(k);
    }
    Server::with(&args)
}

/// A hosted group `g1` owned by `o` with members a, b, c.
fn group(s: &Server) {
    assert_eq!(s.post("/entrust/group/create.json", "groupId=g1&name=Group%201&owner=o&userIds=a,b&userIds=c").1, OK);
}

fn profile(s: &Server, gid: &str) -> Value {
    let v = s.ok("/entrust/group/profile/query.json", &format!("groupIds={gid}"));
    v["profiles"][0].clone()
}

fn member_ids(s: &Server, gid: &str) -> Vec<String> {
    let v = s.ok("/entrust/group/member/query.json", &format!("groupId={gid}&size=100&order=0"));
    let mut ids: Vec<String> = v["members"].as_array().unwrap().iter().map(|m| m["userId"].as_str().unwrap().to_owned()).collect();
    ids.sort();
    ids
}

#[test]
fn create_and_profile_query_shapes() {
    let s = with_keys(&["ext_tier"]);
    let body = "groupId=g1&name=Parents&owner=o&userIds=a&userIds=b\
        &groupProfile=%7B%22introduction%22%3A%22hi%22%2C%22portraitUrl%22%3A%22https%3A%2F%2Fx%2Fp.png%22%7D\
        &permissions=%7B%22joinPerm%22%3A1%7D&groupExtProfile=%7B%22ext_tier%22%3A%22gold%22%7D";
    assert_eq!(s.post("/entrust/group/create.json", body).1, OK);
    let text = s.post("/entrust/group/profile/query.json", "groupIds=g1").1;
    let v = json(&text);
    let p = &v["profiles"][0];
    assert_eq!(
        p.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["groupId", "groupName", "groupProfile", "groupExtProfile", "permissions", "owner", "createTime", "memberCount"]
    );
    assert_eq!(p["groupName"], "Parents");
    assert_eq!(p["groupProfile"], r#"{"introduction":"hi","portraitUrl":"https://x/p.png"}"#);
    assert_eq!(p["groupExtProfile"], r#"{"ext_tier":"gold"}"#);
    assert_eq!(
        p["permissions"],
        r#"{"joinPerm":1,"removePerm":0,"memInvitePerm":0,"invitePerm":0,"profilePerm":0,"memProfilePerm":0}"#
    );
    assert_eq!(p["owner"], "o");
    assert_eq!(p["memberCount"], 3);
    assert!(p["createTime"].as_i64().unwrap() > 1_700_000_000_000, "milliseconds");
    // Existing id.
    let t = s.err("/entrust/group/create.json", "groupId=g1&name=X&owner=o", 25409);
    assert!(t.contains("groupId g1 already exists"), "{t}");
    // Docs-example key `groupId` is accepted leniently for the list.
    assert_eq!(json(&s.post("/entrust/group/profile/query.json", "groupId=g1&groupId=nope").1)["profiles"].as_array().unwrap().len(), 1);
}

#[test]
fn profile_update_merges_and_accepts_top_level_name() {
    let s = with_keys(&["ext_a", "ext_b"]);
    group(&s);
    s.ok("/entrust/group/profile/update.json", r#"groupId=g1&groupProfile={"introduction":"one","announcement":"news"}"#);
    s.ok("/entrust/group/profile/update.json", r#"groupId=g1&groupProfile={"introduction":"two","name":"Renamed"}"#);
    let p = profile(&s, "g1");
    assert_eq!(p["groupName"], "Renamed");
    assert_eq!(p["groupProfile"], r#"{"introduction":"two","announcement":"news"}"#);
    // Java and PHP SDKs send the name at top level.
    s.ok("/entrust/group/profile/update.json", "groupId=g1&name=Top%20Level");
    assert_eq!(profile(&s, "g1")["groupName"], "Top Level");
    s.ok("/entrust/group/profile/update.json", r#"groupId=g1&permissions={"joinPerm":3,"profilePerm":"2"}"#);
    let perms: Value = serde_json::from_str(profile(&s, "g1")["permissions"].as_str().unwrap()).unwrap();
    assert_eq!((perms["joinPerm"].as_i64(), perms["profilePerm"].as_i64(), perms["removePerm"].as_i64()), (Some(3), Some(2), Some(0)));
    s.ok("/entrust/group/profile/update.json", r#"groupId=g1&groupExtProfile={"ext_a":"1","ext_b":"2"}"#);
    s.ok("/entrust/group/profile/update.json", r#"groupId=g1&groupExtProfile={"ext_a":""}"#);
    assert_eq!(profile(&s, "g1")["groupExtProfile"], r#"{"ext_b":"2"}"#);
}

#[test]
fn profile_validation_names_field_and_limit_and_applies_nothing() {
    let s = with_keys(&["ext_ok"]);
    group(&s);
    let t = s.err("/entrust/group/profile/update.json", &format!(r#"groupId=g1&groupProfile={{"introduction":"{}"}}"#, "i".repeat(513)), 25406);
    assert!(t.contains("groupProfile.introduction is too long: at most 512 characters (got 513)"), "{t}");
    let t = s.err("/entrust/group/profile/update.json", &format!(r#"groupId=g1&groupProfile={{"announcement":"{}"}}"#, "a".repeat(1025)), 25406);
    assert!(t.contains("at most 1024"), "{t}");
    let t = s.err("/entrust/group/profile/update.json", &format!(r#"groupId=g1&groupProfile={{"portraitUrl":"{}"}}"#, "p".repeat(129)), 25406);
    assert!(t.contains("at most 128"), "{t}");
    let t = s.err("/entrust/group/profile/update.json", &format!("groupId=g1&name={}", "n".repeat(65)), 25406);
    assert!(t.contains("name is too long: at most 64"), "{t}");
    let t = s.err("/entrust/group/profile/update.json", r#"groupId=g1&groupProfile={"colour":"red"}"#, 1002);
    assert!(t.contains("unknown key \\\"colour\\\""), "{t}");
    let t = s.err("/entrust/group/profile/update.json", r#"groupId=g1&permissions={"joinPerm":4}"#, 1002);
    assert!(t.contains("permissions.joinPerm must be an integer from 0 to 3"), "{t}");
    let t = s.err("/entrust/group/profile/update.json", "groupId=g1&groupProfile=not-json", 1002);
    assert!(t.contains("groupProfile is not valid JSON"), "{t}");
    let t = s.err("/entrust/group/profile/update.json", r#"groupId=g1&groupExtProfile={"ext_unknown":"x"}"#, 25415);
    assert!(t.contains("ext_unknown"), "{t}");
    let t = s.err("/entrust/group/profile/update.json", r#"groupId=g1&groupExtProfile={"tier":"x"}"#, 1002);
    assert!(t.contains("must start with"), "{t}");
    let t = s.err("/entrust/group/profile/update.json", &format!(r#"groupId=g1&groupExtProfile={{"ext_ok":"{}"}}"#, "v".repeat(257)), 25406);
    assert!(t.contains("at most 256"), "{t}");
    // A valid part next to an invalid one is not applied either.
    s.err("/entrust/group/profile/update.json", r#"groupId=g1&name=Changed&permissions={"joinPerm":9}"#, 1002);
    s.err("/entrust/group/profile/update.json", "groupId=g1", 1002);
    s.err("/entrust/group/profile/update.json", "groupId=nope&name=X", 25410);
    let p = profile(&s, "g1");
    assert_eq!(p["groupName"], "Group 1");
    assert_eq!(p["groupProfile"], "{}");
}

#[test]
fn ext_profile_is_capped_at_ten_keys() {
    let keys: Vec<String> = (0..11).map(|i| format!("ext_k{i}")).collect();
    let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    let s = with_keys(&refs);
    group(&s);
    let ten: Vec<String> = (0..10).map(|i| format!(r#""ext_k{i}":"v""#)).collect();
    s.ok("/entrust/group/profile/update.json", &format!("groupId=g1&groupExtProfile={{{}}}", ten.join(",")));
    let t = s.err("/entrust/group/profile/update.json", r#"groupId=g1&groupExtProfile={"ext_k10":"v"}"#, 25406);
    assert!(t.contains("at most 10 keys per group (would be 11)"), "{t}");
}

#[test]
fn profile_query_limits() {
    let s = Server::empty();
    let ids: Vec<String> = (0..51).map(|i| format!("g{i}")).collect();
    let t = s.err("/entrust/group/profile/query.json", &format!("groupIds={}", ids.join(",")), 25422);
    assert!(t.contains("at most 50 groups per request (got 51)"), "{t}");
    s.err("/entrust/group/profile/query.json", "groupIds=", 1002);
    assert_eq!(s.post("/entrust/group/profile/query.json", "groupIds=none").1, r#"{"code":200,"profiles":[]}"#);
}

#[test]
fn quit_and_kick_with_options() {
    let s = Server::empty();
    group(&s);
    // Mute b, allowlist b, b follows c.
    s.ok("/group/user/gag/add.json", "userId=b&groupId=g1&minute=60");
    s.ok("/group/user/ban/whitelist/add.json", "userId=b&groupId=g1");
    s.ok("/entrust/group/member/follow.json", "groupId=g1&userId=b&followUserIds=c");
    // Kick keeping mute and allowlist (Java sends the isDel* flags as 0/1).
    assert_eq!(s.post("/entrust/group/member/kick.json", "groupId=g1&userIds=b&isDelBan=0&isDelWhite=0&isDelFollowed=1").1, OK);
    assert_eq!(member_ids(&s, "g1"), ["a", "c", "o"]);
    assert_eq!(json(&s.post("/group/user/gag/list.json", "groupId=g1").1)["users"][0]["userId"], "b");
    assert_eq!(s.post("/group/user/ban/whitelist/query.json", "groupId=g1").1, r#"{"code":200,"userIds":["b"]}"#);
    // Rejoin and quit with defaults: mute and allowlist entry go.
    s.ok("/entrust/group/join.json", "groupId=g1&userIds=b");
    assert_eq!(s.post("/entrust/group/quit.json", "groupId=g1&userIds=b").1, OK);
    assert_eq!(s.post("/group/user/gag/list.json", "groupId=g1").1, r#"{"code":200,"users":[]}"#);
    assert_eq!(s.post("/group/user/ban/whitelist/query.json", "groupId=g1").1, r#"{"code":200,"userIds":[]}"#);
    // Non-members are ignored; the owner refuses the whole request.
    assert_eq!(s.post("/entrust/group/member/kick.json", "groupId=g1&userIds=ghost").1, OK);
    let t = s.err("/entrust/group/member/kick.json", "groupId=g1&userIds=a,o", 25417);
    assert!(t.contains("o is the group owner"), "{t}");
    assert_eq!(member_ids(&s, "g1"), ["a", "c", "o"]);
    s.err("/entrust/group/quit.json", "groupId=g1&userIds=", 1002);
    let many: Vec<String> = (0..101).map(|i| format!("x{i}")).collect();
    let t = s.err("/entrust/group/member/kick.json", &format!("groupId=g1&userIds={}", many.join(",")), 1002);
    assert!(t.contains("userIds: at most 100 users per request (got 101)"), "{t}");
}

#[test]
fn kick_all_removes_from_every_group_but_not_owners() {
    let s = Server::empty();
    group(&s);
    s.ok("/entrust/group/create.json", "groupId=g2&name=G2&owner=a&userIds=b");
    s.ok("/group/join.json", "userId=b&groupId=legacy1");
    assert_eq!(s.post("/entrust/group/member/kick/all.json", "userId=b").1, OK);
    assert_eq!(member_ids(&s, "g1"), ["a", "c", "o"]);
    assert_eq!(member_ids(&s, "g2"), ["a"]);
    assert_eq!(s.post("/user/group/query.json", "userId=b").1, r#"{"code":200,"groups":[]}"#);
    let t = s.err("/entrust/group/member/kick/all.json", "userId=a", 25417);
    assert!(t.contains("owns group g2"), "{t}");
}

#[test]
fn join_answers_the_profile_and_refuses_existing_members() {
    let s = Server::empty();
    group(&s);
    let text = s.post("/entrust/group/join.json", "groupId=g1&userIds=d&userIds=e").1;
    let v = json(&text);
    assert_eq!(
        v.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["code", "groupId", "name", "groupProfile", "groupExtProfile", "permissions", "owner", "createTime", "memberCount"]
    );
    assert_eq!(v["memberCount"], 6);
    assert_eq!(v["groupProfile"], "{}");
    let t = s.err("/entrust/group/join.json", "groupId=g1&userIds=f,a", 25412);
    assert!(t.contains(r#""userIds":["a"]"#), "{t}");
    assert_eq!(member_ids(&s, "g1").len(), 6, "f was not added");
    s.err("/entrust/group/join.json", "groupId=nope&userIds=x", 25410);
}

#[test]
fn hosted_member_limit() {
    let s = Server::with(&["--seed", "empty", "--rate-limit", "0", "--max-members", "4"]);
    group(&s);
    let t = s.err("/entrust/group/join.json", "groupId=g1&userIds=x,y", 25411);
    assert!(t.contains("would have 6 members; the limit is 4"), "{t}");
    s.err("/entrust/group/create.json", "groupId=g2&name=G&owner=o&userIds=a,b,c,d", 25411);
}

#[test]
fn dismiss_removes_the_group() {
    let s = Server::empty();
    group(&s);
    assert_eq!(s.post("/entrust/group/dismiss.json", "groupId=g1").1, OK);
    assert_eq!(s.post("/entrust/group/profile/query.json", "groupIds=g1").1, r#"{"code":200,"profiles":[]}"#);
    s.err("/entrust/group/dismiss.json", "groupId=g1", 25410);
}

#[test]
fn transfer_owner_with_and_without_quit() {
    let s = Server::empty();
    group(&s);
    s.ok("/entrust/group/manager/add.json", "groupId=g1&userIds=a");
    assert_eq!(s.post("/entrust/group/transfer/owner.json", "groupId=g1&newOwner=a").1, OK);
    assert_eq!(profile(&s, "g1")["owner"], "a");
    let roles = s.ok("/entrust/group/member/specific/query.json", "groupId=g1&userIds=a,o");
    assert_eq!(roles["members"][0]["role"], 3);
    assert_eq!(roles["members"][1]["role"], 1);
    assert_eq!(s.post("/entrust/group/transfer/owner.json", "groupId=g1&newOwner=b&isQuit=1").1, OK);
    assert_eq!(member_ids(&s, "g1"), ["b", "c", "o"]);
    let t = s.err("/entrust/group/transfer/owner.json", "groupId=g1&newOwner=ghost", 25418);
    assert!(t.contains("newOwner ghost is not a member"), "{t}");
    s.err("/entrust/group/transfer/owner.json", "groupId=g1", 1002);
}

#[test]
fn import_turns_a_legacy_group_into_a_hosted_one() {
    let s = Server::empty();
    s.ok("/group/create.json", "userId=u1&userId=u2&groupId=old&groupName=Old");
    let t = s.err("/entrust/group/member/query.json", "groupId=old", 25429);
    assert!(t.contains("legacy group"), "{t}");
    assert_eq!(s.post("/entrust/group/import.json", r#"groupId=old&name=Imported&owner=u2&permissions={"joinPerm":2}"#).1, OK);
    let p = profile(&s, "old");
    assert_eq!((p["groupName"].as_str(), p["owner"].as_str(), p["memberCount"].as_i64()), (Some("Imported"), Some("u2"), Some(2)));
    s.err("/entrust/group/import.json", "groupId=old&name=Again&owner=u2", 25409);
    s.err("/entrust/group/import.json", "groupId=never&name=N&owner=u2", 25410);
}

#[test]
fn managers_add_and_remove() {
    let s = Server::empty();
    group(&s);
    assert_eq!(s.post("/entrust/group/manager/add.json", "groupId=g1&userIds=a,b").1, OK);
    let v = s.ok("/entrust/group/member/query.json", "groupId=g1&type=2");
    assert_eq!(v["totalCount"], 2);
    // A non-member is left out and reported.
    assert_eq!(s.post("/entrust/group/manager/add.json", "groupId=g1&userIds=c&userIds=ghost").1, r#"{"code":200,"userIds":["ghost"]}"#);
    s.err("/entrust/group/manager/add.json", "groupId=g1&userIds=ghost", 25418);
    s.err("/entrust/group/manager/add.json", "groupId=g1&userIds=o", 25425);
    assert_eq!(s.post("/entrust/group/manager/remove.json", "groupId=g1&userIds=a").1, OK);
    let t = s.err("/entrust/group/manager/remove.json", "groupId=g1&userIds=a,b", 25420);
    assert!(t.contains("not admins of group g1: a"), "{t}");
    assert_eq!(s.ok("/entrust/group/member/query.json", "groupId=g1&type=2")["totalCount"], 2, "b kept: nothing applied");
}

#[test]
fn at_most_ten_managers() {
    let s = Server::empty();
    let ids: Vec<String> = (0..12).map(|i| format!("m{i}")).collect();
    s.ok("/entrust/group/create.json", &format!("groupId=g1&name=G&owner=o&userIds={}", ids.join(",")));
    s.ok("/entrust/group/manager/add.json", &format!("groupId=g1&userIds={}", ids[..9].join(",")));
    let t = s.err("/entrust/group/manager/add.json", "groupId=g1&userIds=m9,m10", 25419);
    assert!(t.contains(r#""managerCount":9"#), "{t}");
}

#[test]
fn member_query_pages_types_and_orders() {
    let s = Server::empty();
    let ids: Vec<String> = (0..7).map(|i| format!("m{i}")).collect();
    s.ok("/entrust/group/create.json", &format!("groupId=g1&name=G&owner=o&userIds={}", ids.join(",")));
    // Go sends order=0 always; Java sends pageToken= empty.
    let mut seen = Vec::new();
    let mut token = String::new();
    loop {
        let v = s.ok("/entrust/group/member/query.json", &format!("groupId=g1&size=3&order=0&pageToken={token}"));
        assert_eq!(v["totalCount"], 8);
        for m in v["members"].as_array().unwrap() {
            seen.push(m["userId"].as_str().unwrap().to_owned());
            let keys: Vec<&String> = m.as_object().unwrap().keys().collect();
            assert_eq!(keys, ["userId", "nickname", "role", "time"], "extra omitted when empty");
        }
        token = v["pageToken"].as_str().unwrap().to_owned();
        if token.is_empty() {
            break;
        }
    }
    assert_eq!(seen.len(), 8);
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 8, "no duplicates across pages");
    let desc = s.ok("/entrust/group/member/query.json", "groupId=g1&size=100");
    let first = desc["members"][0]["userId"].as_str().unwrap();
    assert_eq!(first, seen.last().unwrap(), "default order is descending by join time");
    let owner = s.ok("/entrust/group/member/query.json", "groupId=g1&type=3");
    assert_eq!(owner["members"][0]["role"], 3);
    assert_eq!(owner["totalCount"], 1);
    s.err("/entrust/group/member/query.json", "groupId=g1&size=101", 1002);
    s.err("/entrust/group/member/query.json", "groupId=g1&pageToken=%%%", 25432);
}

#[test]
fn specific_query_set_and_extra() {
    let s = Server::empty();
    group(&s);
    assert_eq!(s.post("/entrust/group/member/set.json", "groupId=g1&userId=a&nickname=Alice&extra=xxxx").1, OK);
    let text = s.post("/entrust/group/member/specific/query.json", "groupId=g1&userIds=a&userIds=ghost&userIds=b").1;
    let v = json(&text);
    let members = v["members"].as_array().unwrap();
    assert_eq!(members.len(), 2);
    assert_eq!(members[0]["nickname"], "Alice");
    assert_eq!(members[0]["extra"], "xxxx");
    assert!(members[1].get("extra").is_none());
    let t = s.err("/entrust/group/member/set.json", &format!("groupId=g1&userId=a&nickname={}", "n".repeat(65)), 25406);
    assert!(t.contains("nickname is too long: at most 64"), "{t}");
    s.err("/entrust/group/member/set.json", &format!("groupId=g1&userId=a&nickname=A&extra={}", "e".repeat(129)), 25406);
    s.err("/entrust/group/member/set.json", "groupId=g1&userId=a", 1002);
    s.err("/entrust/group/member/set.json", "groupId=g1&userId=ghost&nickname=G", 25418);
}

#[test]
fn remark_names() {
    let s = Server::empty();
    group(&s);
    assert_eq!(s.post("/entrust/group/remarkname/set.json", "groupId=g1&userId=a&remarkName=Happy%20Parents%20Group").1, OK);
    assert_eq!(s.post("/entrust/group/remarkname/query.json", "groupId=g1&userId=a").1, r#"{"code":200,"remarkName":"Happy Parents Group"}"#);
    let joined = s.ok("/entrust/joined/group/query.json", "userId=a");
    assert_eq!(joined["groups"][0]["remarkName"], "Happy Parents Group");
    assert_eq!(s.post("/entrust/group/remarkname/delete.json", "groupId=g1&userId=a").1, OK);
    assert_eq!(s.post("/entrust/group/remarkname/query.json", "groupId=g1&userId=a").1, r#"{"code":200,"remarkName":""}"#);
    s.err("/entrust/group/remarkname/set.json", &format!("groupId=g1&userId=a&remarkName={}", "r".repeat(65)), 25406);
}

#[test]
fn follow_unfollow_followed() {
    let s = Server::empty();
    group(&s);
    assert_eq!(s.post("/entrust/group/member/follow.json", "groupId=g1&userId=a&followUserIds=b,c").1, OK);
    let v = s.ok("/entrust/group/member/followed/get.json", "groupId=g1&userId=a");
    assert_eq!(v.as_object().unwrap().keys().collect::<Vec<_>>(), ["code", "userId", "groupId", "members"]);
    let ids: Vec<&str> = v["members"].as_array().unwrap().iter().map(|m| m["userId"].as_str().unwrap()).collect();
    assert_eq!(ids, ["b", "c"]);
    assert!(v["members"][0]["timestamp"].as_i64().unwrap() > 1_700_000_000_000);
    assert_eq!(s.post("/entrust/group/member/unfollow.json", "groupId=g1&userId=a&followUserIds=b").1, OK);
    let v = s.ok("/entrust/group/member/followed/get.json", "groupId=g1&userId=a");
    assert_eq!(v["members"].as_array().unwrap().len(), 1);
    s.err("/entrust/group/member/follow.json", "groupId=g1&userId=a&followUserIds=ghost", 25418);
    s.err("/entrust/group/member/follow.json", "groupId=g1&userId=a&followUserIds=", 1002);
}

#[test]
fn group_query_pages_all_hosted_groups() {
    let s = Server::empty();
    for i in 0..5 {
        s.ok("/entrust/group/create.json", &format!(r#"groupId=h{i}&name=H{i}&owner=o&groupProfile={{"portraitUrl":"https://x/{i}.png"}}"#));
    }
    s.ok("/group/create.json", "userId=u&groupId=legacy&groupName=L");
    let mut names = Vec::new();
    let mut token = String::new();
    loop {
        let v = s.ok("/entrust/group/query.json", &format!("size=2&order=0&pageToken={token}"));
        for g in v["groups"].as_array().unwrap() {
            assert_eq!(g.as_object().unwrap().keys().collect::<Vec<_>>(), ["groupId", "owner", "creator", "name", "portraitUrl", "time"]);
            names.push(g["name"].as_str().unwrap().to_owned());
        }
        token = v["pageToken"].as_str().unwrap().to_owned();
        if token.is_empty() {
            break;
        }
    }
    assert_eq!(names, ["H0", "H1", "H2", "H3", "H4"], "legacy groups are not hosted");
    let v = s.ok("/entrust/group/query.json", "size=1");
    assert_eq!(v["groups"][0]["groupId"], "h4", "default: newest first");
    assert_eq!(v["groups"][0]["portraitUrl"], "https://x/4.png");
    s.err("/entrust/group/query.json", "size=1001", 1002);
}

#[test]
fn joined_group_query_with_roles() {
    let s = Server::empty();
    group(&s);
    s.ok("/entrust/group/create.json", "groupId=g2&name=Mine&owner=a");
    s.ok("/entrust/group/create.json", "groupId=g3&name=Admin&owner=o&userIds=a");
    s.ok("/entrust/group/manager/add.json", "groupId=g3&userIds=a");
    let v = s.ok("/entrust/joined/group/query.json", "userId=a&order=0");
    assert_eq!(v["totalCount"], 3);
    let g = &v["groups"][0];
    assert_eq!(
        g.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["groupId", "name", "remarkName", "groupProfile", "groupExtProfile", "permissions", "createTime", "joinTime", "role", "count", "owner"]
    );
    assert_eq!((g["groupId"].as_str(), g["role"].as_i64(), g["count"].as_i64()), (Some("g1"), Some(1), Some(4)));
    let owners = s.ok("/entrust/joined/group/query.json", "userId=a&role=3");
    assert_eq!(owners["groups"][0]["groupId"], "g2");
    let admins = s.ok("/entrust/joined/group/query.json", "userId=a&role=2");
    assert_eq!(admins["groups"][0]["groupId"], "g3");
    let page = s.ok("/entrust/joined/group/query.json", "userId=a&size=2&order=0");
    assert_eq!(page["groups"].as_array().unwrap().len(), 2);
    let rest = s.ok("/entrust/joined/group/query.json", &format!("userId=a&size=2&order=0&pageToken={}", page["pageToken"].as_str().unwrap()));
    assert_eq!(rest["groups"][0]["groupId"], "g3");
    assert_eq!(rest["pageToken"], "");
    s.err("/entrust/joined/group/query.json", "userId=a&role=4", 1002);
}

#[test]
fn entrust_id_and_name_rules() {
    let s = Server::empty();
    let t = s.err("/entrust/group/create.json", "groupId=bad_id&name=N&owner=o", 25430);
    assert!(t.contains("groupId may contain only letters"), "{t}");
    s.err("/entrust/group/create.json", &format!("groupId={}&name=N&owner=o", "g".repeat(65)), 25406);
    s.err("/entrust/group/create.json", "groupId=g1&name=&owner=o", 25423);
    s.err("/entrust/group/create.json", "groupId=g1&name=N", 1002);
    let many: Vec<String> = (0..31).map(|i| format!("x{i}")).collect();
    let t = s.err("/entrust/group/create.json", &format!("groupId=g1&name=N&owner=o&userIds={}", many.join(",")), 1002);
    assert!(t.contains("at most 30 users per request (got 31)"), "{t}");
    // Owner repeated in userIds is not an error (sealtalk strips it; we ignore the duplicate).
    s.ok("/entrust/group/create.json", "groupId=g1&name=N&owner=o&userIds=o,a");
    assert_eq!(member_ids(&s, "g1"), ["a", "o"]);
}

#[test]
fn every_served_path_is_known_to_the_tests() {
    let paths: Vec<&str> = groupdesk::sandbox::paths().collect();
    assert_eq!(paths.iter().filter(|p| p.starts_with("/entrust/")).count(), 23);
    assert_eq!(paths.iter().filter(|p| p.starts_with("/group/") || p.starts_with("/user/")).count(), 20);
}
