//! The one bridge between the UI thread and the background tokio runtime. The shell hands it
//! futures; a result comes back either as an [`Event`] on a channel drained at the start of a
//! frame, or into the promise of the screen that asked. Every producer asks egui to repaint.
//! Nothing here blocks the UI thread.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use futures::FutureExt;

use super::command::Reply;
use super::event::Event;
use crate::model::ApiError;

pub struct Bridge {
    runtime: Arc<tokio::runtime::Runtime>,
    events: EventSender,
    rx: mpsc::Receiver<Event>,
    in_flight: Arc<AtomicUsize>,
}

/// Sends events from background work (several per job: progress) and wakes the UI.
#[derive(Clone)]
pub struct EventSender {
    tx: mpsc::Sender<Event>,
    ctx: egui::Context,
}

impl EventSender {
    pub fn send(&self, event: Event) {
        let _ = self.tx.send(event);
        self.ctx.request_repaint();
    }
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
        Self { runtime: Arc::new(runtime), events: EventSender { tx, ctx }, rx, in_flight: Arc::default() }
    }

    pub fn events(&self) -> EventSender {
        self.events.clone()
    }

    /// Runs `work` in the background; its event arrives on a later frame.
    pub fn spawn(&self, work: impl Future<Output = Event> + Send + 'static) {
        let events = self.events.clone();
        self.run(async move { events.send(work.await) }, || ());
    }

    /// Runs `work` in the background for its effect only.
    pub fn spawn_detached(&self, work: impl Future<Output = ()> + Send + 'static) {
        self.run(work, || ());
    }

    /// Runs `work` in the background and puts its answer into the asking screen's promise.
    /// A task that panics answers with an error instead of leaving the promise unfulfilled.
    pub fn reply<T: Send + 'static>(&self, reply: Reply<T>, work: impl Future<Output = Result<T, ApiError>> + Send + 'static) {
        self.promise(reply, work, || Err(ApiError::invalid("", "background task", "it stopped unexpectedly")));
    }

    /// Like [`Self::reply`] for any value; `if_lost` answers when `work` panics.
    pub fn promise<T: Send + 'static>(
        &self,
        reply: poll_promise::Sender<T>,
        work: impl Future<Output = T> + Send + 'static,
        if_lost: impl FnOnce() -> T + Send + 'static,
    ) {
        let ctx = self.events.ctx.clone();
        let slot = Arc::new(std::sync::Mutex::new(Some(reply)));
        let on_panic = slot.clone();
        self.run(
            async move {
                let value = work.await;
                if let Some(reply) = slot.lock().ok().and_then(|mut s| s.take()) {
                    reply.send(value);
                }
                ctx.request_repaint();
            },
            move || {
                if let Some(reply) = on_panic.lock().ok().and_then(|mut s| s.take()) {
                    reply.send(if_lost());
                }
            },
        );
    }

    /// Counts the task while it runs; `on_panic` runs if it panics.
    fn run(&self, work: impl Future<Output = ()> + Send + 'static, on_panic: impl FnOnce() + Send + 'static) {
        let in_flight = self.in_flight.clone();
        let ctx = self.events.ctx.clone();
        in_flight.fetch_add(1, Ordering::SeqCst);
        self.runtime.spawn(async move {
            if AssertUnwindSafe(work).catch_unwind().await.is_err() {
                on_panic();
            }
            in_flight.fetch_sub(1, Ordering::SeqCst);
            ctx.request_repaint();
        });
    }

    pub fn drain(&self) -> Vec<Event> {
        self.rx.try_iter().collect()
    }

    /// Background tasks not finished yet (for spinners and tests).
    pub fn busy(&self) -> usize {
        self.in_flight.load(Ordering::SeqCst)
    }
}
