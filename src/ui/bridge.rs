//! The one bridge between the UI thread and the background tokio runtime. The UI hands it
//! futures; each result comes back as a [`Msg`] on a channel drained at the start of a frame,
//! and every producer asks egui to repaint. Nothing here blocks the UI thread.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::msg::Msg;

pub struct Bridge {
    runtime: Arc<tokio::runtime::Runtime>,
    tx: mpsc::Sender<Msg>,
    rx: mpsc::Receiver<Msg>,
    ctx: egui::Context,
    in_flight: Arc<AtomicUsize>,
}

impl Bridge {
    pub fn new(ctx: egui::Context) -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("groupdesk-io")
            .enable_all()
            .build()
            .expect("tokio runtime");
        let (tx, rx) = mpsc::channel();
        Self { runtime: Arc::new(runtime), tx, rx, ctx, in_flight: Arc::default() }
    }

    pub fn handle(&self) -> tokio::runtime::Handle {
        self.runtime.handle().clone()
    }

    /// Runs `work` in the background; its message arrives on a later frame.
    pub fn spawn(&self, work: impl Future<Output = Msg> + Send + 'static) {
        let tx = self.tx.clone();
        let ctx = self.ctx.clone();
        let in_flight = self.in_flight.clone();
        in_flight.fetch_add(1, Ordering::SeqCst);
        self.runtime.spawn(async move {
            let msg = work.await;
            let _ = tx.send(msg);
            in_flight.fetch_sub(1, Ordering::SeqCst);
            ctx.request_repaint();
        });
    }

    /// A sender for jobs that report several times (progress); call `request_repaint` after.
    pub fn sender(&self) -> (mpsc::Sender<Msg>, egui::Context) {
        (self.tx.clone(), self.ctx.clone())
    }

    pub fn drain(&self) -> Vec<Msg> {
        self.rx.try_iter().collect()
    }

    /// Background tasks not finished yet (for spinners and tests).
    pub fn busy(&self) -> usize {
        self.in_flight.load(Ordering::SeqCst)
    }
}
