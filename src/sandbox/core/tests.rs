//! The core with a second, made-up protocol shaped like Tencent Cloud Chat's: credentials in
//! the query string, JSON bodies, and every answer HTTP 200 with the outcome in the body. It
//! shows that a protocol plugs in without the core knowing it.

use hyper::http::request::Parts;
use rusqlite::{Connection, Transaction};
use serde_json::{Value, json};

use super::{Answer, Options, Protocol, Rejection, Route, Sandbox};

struct Counter;

/// A refusal in the made-up protocol: an error code and text, always answered with HTTP 200.
struct Fail(u32, String);

impl From<Rejection> for Fail {
    fn from(r: Rejection) -> Self {
        match r {
            Rejection::NotFound { path } => Fail(60003, format!("no such API: {path}")),
            other => Fail(70000, format!("{other:?}")),
        }
    }
}

type Handler = fn(&Transaction<'_>, &Value) -> Result<Value, Fail>;

/// Adds `by` to the counter; a negative `by` is refused after the update (which must roll back).
fn add(tx: &Transaction<'_>, body: &Value) -> Result<Value, Fail> {
    let by = body["by"].as_i64().ok_or_else(|| Fail(10004, "by is required".into()))?;
    tx.execute("UPDATE counter SET n = n + ?1", [by]).map_err(|e| Fail(70001, e.to_string()))?;
    if by < 0 {
        return Err(Fail(10007, "by must not be negative".into()));
    }
    let n: i64 = tx.query_row("SELECT n FROM counter", [], |r| r.get(0)).map_err(|e| Fail(70001, e.to_string()))?;
    Ok(json!({"ActionStatus": "OK", "ErrorCode": 0, "Count": n}))
}

impl Protocol for Counter {
    type Handler = Handler;
    type Params = Value;
    type Error = Fail;

    const DB_FILE: &'static str = "counter.sqlite3";
    const MAX_BODY_BYTES: usize = 1024;

    fn route(&self, path: &str) -> Option<Route<Handler>> {
        (path == "/v4/counter/add").then_some(Route { path: "/v4/counter/add", handler: add as Handler, per_second: None })
    }

    fn authenticate(&self, head: &Parts) -> Result<String, Fail> {
        let query = head.uri.query().unwrap_or("");
        let app = form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == "sdkappid").map(|(_, v)| v.into_owned());
        app.filter(|a| a == "1400000000").ok_or_else(|| Fail(70001, "bad sdkappid".into()))
    }

    fn parse(&self, body: &[u8]) -> Result<Value, Fail> {
        serde_json::from_slice(body).map_err(|e| Fail(90001, e.to_string()))
    }

    fn handle(&self, handler: Handler, tx: &Transaction<'_>, params: Value) -> Result<Answer, Fail> {
        Ok(Answer::new(200, handler(tx, &params)?.to_string()))
    }

    fn render(&self, Fail(code, info): Fail) -> Answer {
        Answer::new(200, json!({"ActionStatus": "FAIL", "ErrorCode": code, "ErrorInfo": info}).to_string())
    }

    fn schema(&self) -> &'static str {
        "CREATE TABLE IF NOT EXISTS counter(n INTEGER NOT NULL);"
    }

    fn seed_demo(&self, tx: &Transaction<'_>) -> anyhow::Result<()> {
        tx.execute("INSERT INTO counter(n) VALUES(40)", [])?;
        Ok(())
    }

    fn on_open(&self, _conn: &Connection) -> anyhow::Result<()> {
        Ok(())
    }
}

async fn post(client: &reqwest::Client, url: String, body: &str) -> (u16, Value) {
    let resp = client.post(url).body(body.to_owned()).send().await.unwrap();
    let status = resp.status().as_u16();
    (status, serde_json::from_str(&resp.text().await.unwrap()).unwrap())
}

#[tokio::test]
async fn a_second_protocol_plugs_in() {
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        addr: "127.0.0.1:0".parse().unwrap(),
        data_dir: dir.path().to_path_buf(),
        demo_data: true,
        rate_limit: 0,
        latency: std::time::Duration::ZERO,
        fault_rate: 0.0,
    };
    let sandbox = Sandbox::serve(options, Counter).await.unwrap();
    assert!(sandbox.seeded());
    let base = sandbox.base_url();
    let http = reqwest::Client::new();
    let url = |path: &str, app: &str| format!("{base}{path}?sdkappid={app}&identifier=admin");

    let (status, body) = post(&http, url("/v4/counter/add", "1400000000"), r#"{"by":2}"#).await;
    assert_eq!((status, body["Count"].clone()), (200, json!(42)));
    let (status, body) = post(&http, url("/v4/counter/add", "1400000000"), r#"{"by":-5}"#).await;
    assert_eq!((status, body["ErrorCode"].clone()), (200, json!(10007)));
    let (_, body) = post(&http, url("/v4/counter/add", "1400000000"), r#"{"by":0}"#).await;
    assert_eq!(body["Count"], 42, "the refused request rolled back");
    let (status, body) = post(&http, url("/v4/counter/add", "1"), r#"{"by":1}"#).await;
    assert_eq!((status, body["ActionStatus"].clone()), (200, json!("FAIL")));
    let (status, body) = post(&http, url("/v4/nothing", "1400000000"), "{}").await;
    assert_eq!((status, body["ErrorCode"].clone()), (200, json!(60003)));
    sandbox.shutdown().await;
    assert!(dir.path().join("counter.sqlite3").exists());
}
