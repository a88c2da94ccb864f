//! The connection: the current one, and the one being made (the embedded sandbox starting, or a
//! profile connecting) as a promise the shell owns.

use crate::model::ApiError;
use crate::ui::command::{Pending, Reply, pending};
use crate::ops;
use crate::ui::exec::Connection;

enum Connecting {
    BuiltIn(Pending<Connection>),
    /// A profile, by name; `None` when it has no stored App Secret.
    Profile(String, Pending<Option<Connection>>),
}

/// How a connection attempt ended.
pub enum Outcome {
    Connected(Connection),
    /// The embedded sandbox did not start.
    NotStarted(ApiError),
    Failed(ApiError),
    /// The profile has no stored App Secret: ask for it.
    SecretNeeded(String),
}

#[derive(Default)]
pub struct Session {
    pub conn: Option<Connection>,
    /// Why the last attempt failed (shown in the top bar with its code and request id).
    pub error: Option<ApiError>,
    /// A call on the connection succeeded (the group list loaded): only then "Connected".
    pub verified: bool,
    connecting: Option<Connecting>,
}

impl Session {
    /// The name of the profile being connected to, if one is.
    pub fn connecting_name(&self) -> Option<&str> {
        match &self.connecting {
            Some(Connecting::Profile(name, _)) => Some(name),
            _ => None,
        }
    }

    /// The embedded sandbox is starting.
    pub fn starting(&self) -> bool {
        matches!(self.connecting, Some(Connecting::BuiltIn(_)))
    }

    pub fn begin_built_in(&mut self) -> Reply<Connection> {
        let (reply, promise) = pending();
        self.connecting = Some(Connecting::BuiltIn(promise));
        reply
    }

    pub fn begin_profile(&mut self, name: &str) -> Reply<Option<Connection>> {
        let (reply, promise) = pending();
        self.connecting = Some(Connecting::Profile(name.to_owned(), promise));
        reply
    }

    /// The attempt that just ended, if one did.
    pub fn poll(&mut self) -> Option<Outcome> {
        match self.connecting.take()? {
            Connecting::BuiltIn(p) => match p.try_take() {
                Err(running) => {
                    self.connecting = Some(Connecting::BuiltIn(running));
                    None
                }
                Ok(Ok(conn)) => Some(Outcome::Connected(conn)),
                Ok(Err(e)) => Some(Outcome::NotStarted(e)),
            },
            Connecting::Profile(name, p) => match p.try_take() {
                Err(running) => {
                    self.connecting = Some(Connecting::Profile(name, running));
                    None
                }
                Ok(Ok(Some(conn))) => Some(Outcome::Connected(conn)),
                Ok(Ok(None)) => Some(Outcome::SecretNeeded(name)),
                Ok(Err(e)) => Some(Outcome::Failed(e)),
            },
        }
    }

    /// The operations session of the current connection.
    pub fn ops(&self) -> Option<ops::Session> {
        self.conn.as_ref().map(|c| c.session.clone())
    }

    /// The connection's name ("" when not connected).
    pub fn name(&self) -> &str {
        self.conn.as_ref().map_or("", |c| c.name.as_str())
    }

    /// Connected to Tencent Cloud Chat (its custom-fields console replaces the ext-key one).
    pub fn on_tencent(&self) -> bool {
        self.conn.as_ref().is_some_and(|c| c.session.service() == crate::model::Service::Tencent)
    }

    pub fn on_sandbox(&self) -> bool {
        self.conn.as_ref().is_some_and(|c| c.sandbox)
    }
}
