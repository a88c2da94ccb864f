//! Signed requests per second the **Tencent** sandbox sustains on this machine: a mixed workload
//! (70% reads, 30% writes) of `/v4/group_open_http_svc/*` commands, each signed with an App
//! admin UserSig in the query string (generated once and reused, as a client does), from 32
//! concurrent keep-alive clients, rate limit off, against a release
//! `groupdesk sandbox --service tencent --seed demo` process on loopback.
//!
//! Run: `cargo bench --bench tencent_throughput` (optional env: BENCH_SECONDS, BENCH_CLIENTS).

mod common;

use groupdesk::protocol::tencent::{limits, usersig};
use secrecy::SecretString;

const KEY: &str = "bench-secret-key-for-the-sandbox";

fn main() {
    let (seconds, clients) = common::load_settings();
    let tmp = tempfile::tempdir().unwrap();
    let sandbox = common::Sandbox::start(
        tmp.path(),
        &["--service", "tencent", "--seed", "demo", "--rate-limit", "0"],
        &[("GROUPDESK_SANDBOX_SECRET_KEY", KEY)],
    );
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let sig = usersig::generate(&SecretString::from(KEY), limits::DEMO_SDKAPPID, limits::DEFAULT_ADMIN, now, 86_400);
    let query = format!("sdkappid={}&identifier={}&usersig={sig}&contenttype=json", limits::DEMO_SDKAPPID, limits::DEFAULT_ADMIN);
    let base = sandbox.url.clone();
    let run = common::load(
        clients,
        seconds,
        move |http, c, i| {
            let (command, body) = workload(c, i);
            http.post(format!("{base}/v4/{command}?{query}&random={}", rand::random::<u32>())).header("Content-Type", "application/json").body(body)
        },
        |_, body| body.contains(r#""ErrorCode":0"#),
    );
    sandbox.stop();
    println!("tencent_throughput: {}", run.summary("signed req/s", seconds, clients));
}

/// The mixed workload on the demo data: group profiles, 100-member pages of the Public group and
/// cursor pages of the Community, roles, mute lists, a user's groups; writes of name cards,
/// mutes/unmutes and adds/kicks in the Meeting group.
fn workload(client: usize, i: u64) -> (&'static str, String) {
    let n = 2 + ((i * 37 + client as u64 * 101) % 498);
    let user = format!("user{n:05}");
    match i % 10 {
        0 => ("group_open_http_svc/get_group_info", r#"{"GroupIdList":["@TGS#_community","@TGS#public","@TGS#meeting"]}"#.into()),
        1 => ("group_open_http_svc/get_group_member_info", format!(r#"{{"GroupId":"@TGS#public","Limit":100,"Offset":{}}}"#, (n % 5) * 100)),
        2 => ("group_open_http_svc/get_group_member_info", format!(r#"{{"GroupId":"@TGS#_community","Limit":100,"Next":"{}"}}"#, n * 40)),
        3 => ("group_open_http_svc/get_role_in_group", format!(r#"{{"GroupId":"@TGS#public","User_Account":["{user}","user00001"]}}"#)),
        4 => ("group_open_http_svc/get_group_muted_account", r#"{"GroupId":"@TGS#public"}"#.into()),
        5 => ("group_open_http_svc/get_joined_group_list", format!(r#"{{"Member_Account":"{user}"}}"#)),
        6 => ("group_open_http_svc/get_group_info", r#"{"GroupIdList":["@TGS#work"],"ResponseFilter":{"AppDefinedDataFilter_Group":["level"]}}"#.into()),
        7 => ("group_open_http_svc/modify_group_member_info", format!(r#"{{"GroupId":"@TGS#public","Member_Account":"{user}","NameCard":"卡{i}"}}"#)),
        8 => ("group_open_http_svc/forbid_send_msg", format!(r#"{{"GroupId":"@TGS#public","Members_Account":["{user}"],"MuteTime":{}}}"#, (i / 10 % 2) * 60)),
        _ => {
            // The same user is added, then removed ten requests later.
            let u = format!("user{:05}", 600 + (i / 20 % 400) + client as u64 * 400);
            if i / 10 % 2 == 0 {
                ("group_open_http_svc/add_group_member", format!(r#"{{"GroupId":"@TGS#meeting","Silence":1,"MemberList":[{{"Member_Account":"{u}"}}]}}"#))
            } else {
                ("group_open_http_svc/delete_group_member", format!(r#"{{"GroupId":"@TGS#meeting","Silence":1,"MemberToDel_Account":["{u}"]}}"#))
            }
        }
    }
}
