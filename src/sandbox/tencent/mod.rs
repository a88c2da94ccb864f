//! Tencent Cloud Chat's group REST API (reference `tencent-chat-api.md` §0–§4) as a
//! [`Protocol`] of the sandbox core, on its own SQLite file `tencent.db`.
//!
//! # The wire
//! `POST /v4/{service}/{command}?sdkappid=…&identifier=…&usersig=…&random=…&contenttype=json`
//! with a JSON object body (empty = `{}`), answered with **HTTP 200** and
//! `{"ActionStatus":"OK"|"FAIL","ErrorCode":N,"ErrorInfo":"…", …}` — the command's own fields
//! follow the envelope. Only transport problems differ (see `error.rs`).
//!
//! * [`auth`] — the query string, UserSig verification and the App admin check, each failure
//!   with its own code (table there).
//! * [`body`] — JSON parsing (60002) and typed field access (10004 naming field and rule).
//! * [`routes`] — the command table; [`extras`] — the extension point.
//! * [`handlers`] — one module per family; they validate, call [`repo`] (all SQL) and map its
//!   domain errors.
//! * [`seed`] — the demo data.
//!
//! # Choices where the reference is `[I]` (each is tested in `tests/sandbox_tencent/`)
//! * Unknown command of a known service ⇒ 10003; any other path ⇒ 60009 (also a GET). Routing
//!   happens before authentication, so these need no signature.
//! * Bad JSON or a non-object body ⇒ 60002 ("Fail to Parse json data of body…").
//! * Missing `identifier` or `usersig` ⇒ 60004. UserSig failures: 70001 expired, 70003
//!   malformed, 70009 bad signature, 70013 identifier mismatch, 70014 SDKAppID mismatch.
//! * Body over 1 MB ⇒ 60002; an answer over 1 MB (e.g. `get_group_info` with `MemberList` of a
//!   20,000-member group) ⇒ 10018 — page with `get_group_member_info`.
//! * Group not found ⇒ 10015; a destroyed group ⇒ 10010 (destroyed ids are remembered).
//! * `get_group_info`: at most 50 ids (10004); per-group `ErrorCode`/`ErrorInfo`.
//! * Unknown names in response filters ⇒ 10004 naming them; custom field keys that are not
//!   configured ⇒ 10004 naming the key, in filters and in writes.
//! * Members must be imported accounts: `create_group` (owner or a member) ⇒ 10019 for the call;
//!   `add_group_member`/`import_group_member` give `Result: 0` to unknown accounts and fail
//!   with 10019 only when none of the listed accounts exists.
//! * Over the group's `MaxMemberNum` ⇒ 10014 for the whole call (nothing added).
//!   `MaxMemberCount`/`MaxMemberNum` above the edition's cap ⇒ 10038; below the current
//!   member count ⇒ 10004. AVChatRoom has no cap (`MaxMemberNum` 0 = unlimited).
//! * `change_group_owner` / `modify_group_member_info` on a non-member ⇒ 10004.
//! * `delete_group_member` listing the owner ⇒ 10009, except in Work groups (`Private`), whose
//!   owner may leave (the group then has no owner). Non-members are ignored.
//! * `forbid_send_msg` skips accounts that are not members (AVChatRoom: any imported account
//!   may be muted); unknown accounts ⇒ 10019. A mute ends at `now + MuteTime`;
//!   `4294967295` (permanent) is stored and answered as `MutedUntil: 4294967295`.
//!   `get_group_muted_account` lists running mutes of current members; a mute outlives leave
//!   and shows again on rejoin. The older `get_group_shutted_uin` answers the same list as
//!   `ShuttedUinList[{Member_Account, ShuttedUntil}]`.
//! * Work groups: mute, `MuteAllMember: On` and the Admin role ⇒ 10007. AVChatRoom: no
//!   members stored; `MemberList` at create, add, import, kick, member info and member profile
//!   changes ⇒ 10007; `MemberNum` is 0; `get_role_in_group` answers `Owner` or `NotMember`.
//! * Community: needs the premium edition (10059); custom ids must start with `@TGS#_`
//!   (10004); members page with a cursor: the first call sends `"Next": ""`, the answer's
//!   `Next` is the last member's insertion sequence as a decimal string, empty when done;
//!   `Offset` > 0 on a Community ⇒ 10004. Other types ignore `Next`.
//! * `get_joined_group_list`: without `ResponseFilter` only `GroupId`; `WithHugeGroups` adds
//!   nothing (AVChatRooms store no members); `WithNoActiveGroups` is accepted (every group
//!   counts as active). `Limit` 0 or absent = all.
//! * Numbers may be sent as digit strings; unknown body fields are ignored.
//!
//! * Topics, permission groups, bans, the app-wide mute, the edition quotas and
//!   `get_specified_group_member_info` (wired in [`extras`]): their choices are listed in the
//!   module docs of `handlers::{topics, permissions, topic_permissions, bans, nospeaking,
//!   quotas}` and `handlers::info`, summarised in README's "Tencent sandbox" section.
//!
//! # Adding a command
//! 1. Write `fn my_cmd(ctx: &Ctx, o: &Obj) -> WireResult<Map<String, Value>>` in a module under
//!    `handlers/` (return the command's fields; the envelope is added).
//! 2. Append `cmd!("<service>", "<name>", module::my_cmd)` (or with a fourth argument, its own
//!    calls-per-second limit) to `extras::EXTRA_ROUTES`. An unknown service also needs its name
//!    in `error::KNOWN_SERVICES` for 10003 on its unknown commands.
//! 3. Put SQL in a `repo/` module (`impl Repo`) and new tables in `extras::SCHEMA`; demo rows
//!    in `extras::seed`. New domain errors: add `RepoError` variants and map them in
//!    `error.rs`.

/// A [`Command`] for `/v4/{service}/{name}` (with its own calls-per-second limit, optionally);
/// defined before the modules so `routes.rs` and `extras.rs` can both use it.
macro_rules! cmd {
    ($service:literal, $name:literal, $handler:expr) => {
        Command { path: concat!("/v4/", $service, "/", $name), handler: $handler, per_second: None }
    };
    ($service:literal, $name:literal, $handler:expr, $per_second:expr) => {
        Command { path: concat!("/v4/", $service, "/", $name), handler: $handler, per_second: Some($per_second) }
    };
}

mod auth;
pub mod body;
pub mod error;
mod extras;
mod handlers;
pub mod repo;
mod routes;
mod seed;
mod seed_extras;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

use hyper::http::request::Parts;
use rusqlite::{Connection, Transaction};
use secrecy::SecretString;
use serde_json::{Map, Value};

use self::body::{Obj, Params};
use self::error::{WireError, WireResult, envelope_ok};
use self::repo::{Fixtures, Repo};
use crate::protocol::tencent::{codes, limits, wire::Edition};
use crate::sandbox::core::{Answer, Protocol, Route, now_ms};

/// What a handler works with: the repository in the request's transaction, and app facts.
pub struct Ctx<'a> {
    pub repo: Repo<'a>,
    pub sdkappid: u64,
    pub edition: Edition,
    /// Unix seconds.
    pub now: i64,
}

/// A command: the body in, the command's answer fields out.
pub type Handler = fn(&Ctx, &Obj) -> WireResult<Map<String, Value>>;

/// One served command.
#[derive(Clone, Copy)]
pub struct Command {
    pub path: &'static str,
    pub handler: Handler,
    /// Its own documented rate limit (calls per second per SDKAppID), else the configured one.
    pub per_second: Option<u32>,
}

/// Answers larger than this fail with 10018 (documented: "Response > 1 MB").
pub const ANSWER_BYTES_MAX: usize = 1024 * 1024;

/// The Tencent protocol for one app.
pub struct Tencent {
    sdkappid: u64,
    secret_key: SecretString,
    admins: Vec<String>,
    edition: Edition,
}

impl Tencent {
    pub fn new(sdkappid: u64, secret_key: SecretString, admins: Vec<String>, edition: Edition) -> Self {
        Self { sdkappid, secret_key, admins, edition }
    }
}

/// All served paths (for documentation and tests).
pub fn paths() -> impl Iterator<Item = &'static str> {
    routes::ROUTES.iter().chain(extras::EXTRA_ROUTES).map(|c| c.path)
}

fn now_s() -> i64 {
    now_ms() / 1000
}

impl Protocol for Tencent {
    type Handler = Handler;
    type Params = Params;
    type Error = WireError;

    const DB_FILE: &'static str = "tencent.db";
    const MAX_BODY_BYTES: usize = limits::BODY_BYTES_MAX;

    fn route(&self, path: &str) -> Option<Route<Handler>> {
        let c = routes::ROUTES.iter().chain(extras::EXTRA_ROUTES).find(|c| c.path == path)?;
        Some(Route { path: c.path, handler: c.handler, per_second: c.per_second })
    }

    fn authenticate(&self, head: &Parts) -> Result<String, WireError> {
        auth::authenticate(self.sdkappid, &self.secret_key, &self.admins, head, now_s().max(0) as u64)
    }

    fn parse(&self, body: &[u8]) -> Result<Params, WireError> {
        body::parse(body)
    }

    fn handle(&self, handler: Handler, tx: &Transaction<'_>, params: Params) -> Result<Answer, WireError> {
        let now = now_s();
        let ctx = Ctx { repo: Repo::new(tx, now), sdkappid: self.sdkappid, edition: self.edition, now };
        let fields = handler(&ctx, &Obj::new(&params))?;
        let body = envelope_ok(fields);
        if body.len() > ANSWER_BYTES_MAX {
            return Err(WireError::new(
                codes::RESPONSE_TOO_LARGE,
                format!("the answer would be {} bytes, over 1 MB; page with Limit/Offset/Next", body.len()),
            ));
        }
        Ok(Answer::new(200, body))
    }

    fn render(&self, error: WireError) -> Answer {
        error.answer()
    }

    fn schema(&self) -> &'static str {
        static SCHEMA: OnceLock<String> = OnceLock::new();
        SCHEMA.get_or_init(|| format!("{}\n{}", repo::schema::SCHEMA, extras::SCHEMA))
    }

    fn seed_demo(&self, tx: &Transaction<'_>) -> anyhow::Result<()> {
        let now = now_s();
        let f = Fixtures::new(tx, now);
        seed::demo(&f, now)?;
        extras::seed(&f, now)
    }

    /// The App admins are imported accounts on the real service; make sure they exist here.
    fn on_open(&self, conn: &Connection) -> anyhow::Result<()> {
        let repo = Repo::new(conn, now_s());
        for admin in &self.admins {
            if !repo.account_exists(admin)? {
                repo.import_account(admin, None, None)?;
            }
        }
        Ok(())
    }
}
