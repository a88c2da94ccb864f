//! The running sandbox: opening (and seeding) the protocol's database, binding the listener, and
//! stopping cleanly.

use std::net::SocketAddr;
use std::sync::Arc;

use rusqlite::Connection;
use tokio::sync::oneshot;

use super::server::{self, Shared};
use super::store::{self, Opened, Store};
use super::{Options, Protocol};

/// A running sandbox. Dropping it without [`Sandbox::shutdown`] stops accepting at once.
pub struct Sandbox {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    store_thread: Option<std::thread::JoinHandle<()>>,
    seeded: bool,
}

impl Sandbox {
    /// Opens the data directory (seeding a new database when asked), binds the listener and
    /// starts serving `protocol` on the current tokio runtime.
    pub async fn serve<P: Protocol>(options: Options, protocol: P) -> anyhow::Result<Sandbox> {
        let protocol = Arc::new(protocol);
        let opened = tokio::task::spawn_blocking({
            let protocol = protocol.clone();
            let dir = options.data_dir.clone();
            let demo = options.demo_data;
            let schema = protocol.schema();
            move || Store::open(&dir, P::DB_FILE, schema, move |conn, fresh| init(&*protocol, conn, fresh, demo))
        })
        .await??;
        let listener = tokio::net::TcpListener::bind(options.addr)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", options.addr))?;
        let addr = listener.local_addr()?;
        let seeded = opened.fresh && options.demo_data;
        let Opened { store, thread, .. } = opened;
        let shared = Arc::new(Shared::new(&options, protocol, store));
        let (stop_tx, stop_rx) = oneshot::channel();
        let server = tokio::spawn(server::serve(listener, shared, stop_rx));
        Ok(Sandbox { addr, stop: Some(stop_tx), server: Some(server), store_thread: Some(thread), seeded })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Whether this start filled a new data directory with demo data.
    pub fn seeded(&self) -> bool {
        self.seeded
    }

    /// Stops accepting, lets requests in flight finish, and closes the database cleanly.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
        if let Some(thread) = self.store_thread.take() {
            let _ = tokio::task::spawn_blocking(move || thread.join()).await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Seeds a new database in one transaction with its `initialised` mark, then lets the protocol
/// apply its start-up settings.
fn init<P: Protocol>(protocol: &P, conn: &mut Connection, fresh: bool, demo: bool) -> anyhow::Result<()> {
    if fresh {
        let tx = conn.transaction()?;
        if demo {
            protocol.seed_demo(&tx)?;
        }
        store::mark_initialised(&tx, if demo { "demo" } else { "empty" })?;
        tx.commit()?;
    }
    protocol.on_open(conn)
}
